"""Where a project keeps its visie, read from mkdocs.yml without starting MkDocs.

``omgevingsvisie controleer`` must be fast: it reads only the few settings it needs.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pathspec
import yaml

from omgevingsvisie import Layout

PLUGIN = "omgevingsvisie"


class ConfigError(Exception):
    """A Dutch message about mkdocs.yml."""


class _TolerantLoader(yaml.SafeLoader):
    """mkdocs.yml may hold MkDocs' own tags (!ENV, !relative, python/name); their values do not matter here."""


_TolerantLoader.add_multi_constructor("!", lambda loader, suffix, node: None)
_TolerantLoader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)


def plugin_options(data: dict[str, Any]) -> dict[str, Any]:
    for entry in data.get("plugins") or []:
        if entry == PLUGIN:
            return {}
        if isinstance(entry, dict) and PLUGIN in entry:
            return entry[PLUGIN] or {}
    return {}


def read_layout(config_file: Path) -> Layout:
    if not config_file.is_file():
        raise ConfigError(
            f"{config_file.name} niet gevonden in {config_file.parent}: start de opdracht in de map van de "
            "repository (met mkdocs.yml), of geef het bestand met --config"
        )
    try:
        data = yaml.load(config_file.read_text(encoding="utf-8"), Loader=_TolerantLoader)  # noqa: S506 (safe subclass)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = f":{mark.line + 1}" if mark else ""
        raise ConfigError(f"{config_file.name}{line}: de YAML is ongeldig") from None
    if not isinstance(data, dict):
        raise ConfigError(f"{config_file.name}: verwacht instellingen in de vorm 'naam: waarde'")
    options = plugin_options(data)
    draft_docs = data.get("draft_docs")
    spec = pathspec.gitignore.GitIgnoreSpec.from_lines(draft_docs.splitlines()) if isinstance(draft_docs, str) else None
    return Layout(
        root=config_file.parent.resolve(),
        visie_dir=str(options.get("visie_dir") or "visie"),
        kaarten_dir=str(options.get("kaarten_dir") or "kaarten"),
        docs_dir=str(data.get("docs_dir") or "docs"),
        is_draft=spec.match_file if spec else None,
    )
