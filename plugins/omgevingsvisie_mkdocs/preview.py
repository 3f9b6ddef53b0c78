"""Preview builds for the gemeenteraad: compare this visie with a base version's visie.json."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from mkdocs.exceptions import PluginError

from omgevingsvisie.compare import Changes, compare
from omgevingsvisie.export import FORMAT, export_visie
from omgevingsvisie.model import Visie

EXPORT_FILE = "visie.json"
WIJZIGINGEN = ("Wijzigingen", "wijzigingen.md")


def base_label(base: dict[str, Any], name: str | None) -> str:
    version = f"versie {base['versie']}" if base.get("versie") else "de basisversie"
    return f"{version} ({name})" if name else version


def load_base(path: Path) -> dict[str, Any]:
    if not path.is_file():
        raise PluginError(f"basis: het bestand '{path}' bestaat niet; geef een visie.json van een eerdere build")
    try:
        base = json.loads(path.read_text(encoding="utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError):
        raise PluginError(f"basis: '{path}' is geen leesbare visie.json") from None
    if not isinstance(base, dict) or base.get("formaat") != FORMAT:
        raise PluginError(f"basis: '{path}' is geen visie.json van deze generator (formaat {FORMAT})")
    return base


@dataclass
class Preview:
    label: str
    changes: Changes

    @classmethod
    def against(cls, visie: Visie, base_file: str, name: str | None, root: Path) -> "Preview":
        path = Path(base_file)
        base = load_base(path if path.is_absolute() else root / path)
        label = base_label(base, name)
        return cls(label, compare(base, export_visie(visie), label))


def export_json(visie: Visie) -> str:
    return json.dumps(export_visie(visie), ensure_ascii=False, indent=1)
