"""A live preview that rebuilds only what a change affects, so saving a file shows within a second.

`mkdocs serve` rebuilds every page on each change (seconds to minutes for a large visie), and
`mkdocs serve --dirty` rebuilds only the saved file, leaving pages that depend on it stale (a new
``[[wijk-2]]`` on wijk-1 would not show as a terugverwijzing on wijk-2). Here every rebuild after
the first is a dirty one, and the plugin adds to it each page the change affects, from the
relations the core knows (omgevingsvisie.dependents). When it cannot tell (the first build, a
change to visie.yml, kaarten/, mkdocs.yml, the menu or the list of problems) it rebuilds all.
"""

from __future__ import annotations

import jinja2
import jinja2.bccache
import logging
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable

from mkdocs.structure.files import File, Files

from omgevingsvisie.dependents import pages_to_rebuild
from omgevingsvisie.model import Visie

log = logging.getLogger("mkdocs.plugins.omgevingsvisie")


class _QuietDirtyWarning(logging.Filter):
    """MkDocs warns about each dirty build; here the plugin keeps those builds correct."""

    def filter(self, record: logging.LogRecord) -> bool:
        return "'dirty' build is being performed" not in record.getMessage()


def make_serve_incremental() -> bool:
    """Let `mkdocs serve` do dirty builds (its own flag is fixed when it starts); False if it can't."""
    try:
        import mkdocs.commands.serve as serve
    except ImportError:  # pragma: no cover - another MkDocs layout: keep full rebuilds
        return False
    original: Callable[..., None] | None = getattr(serve, "build", None)
    if original is None:
        return False
    if not getattr(original, "omgevingsvisie_incremental", False):
        def build(config: Any, *, serve_url: str | None = None, dirty: bool = False) -> None:
            original(config, serve_url=serve_url, dirty=True)

        build.omgevingsvisie_incremental = True  # type: ignore[attr-defined]
        serve.build = build
        logging.getLogger("mkdocs.commands.build").addFilter(_QuietDirtyWarning())
    return True


def _always_modified() -> bool:
    return True


def _never_modified() -> bool:
    return False


@dataclass
class IncrementalPreview:
    visie: Visie | None = None
    signature: tuple[Any, ...] | None = None
    outputs: dict[str, str] = field(default_factory=dict)  # src_uri → output path of the last build
    rebuilt: set[str] = field(default_factory=set)  # URLs of the pages built this time
    everything: bool = True

    def plan(self, visie: Visie, signature: tuple[Any, ...], files: Files, files_by_id: dict[str, File]) -> None:
        """Mark the pages this build must write: changed sources, their dependents, generated pages."""
        affected = None
        if self.visie is not None and signature == self.signature:
            affected = pages_to_rebuild(self.visie, visie)
        self.everything = affected is None
        pages = files.documentation_pages()
        if affected is None:
            for file in pages:
                file.is_modified = _always_modified  # type: ignore[method-assign]
        else:
            for page_id, file in files_by_id.items():
                if page_id in affected:
                    file.is_modified = _always_modified  # type: ignore[method-assign]
                elif self.outputs.get(file.src_uri) == file.abs_dest_path and os.path.isfile(file.abs_dest_path):
                    # written by the last build and left alone by this change (MkDocs would
                    # compare two modification times per page, and always rebuild a generated one)
                    file.is_modified = _never_modified  # type: ignore[method-assign]
            count = sum(1 for file in pages if file.is_modified())
            log.info(f"Voorvertoning: {count} van de {len(pages)} pagina's opnieuw opgebouwd")
        outputs = {file.src_uri: file.abs_dest_path for file in pages}
        for src_uri, path in self.outputs.items():
            if src_uri not in outputs:  # a removed page must not stay reachable in the preview
                Path(path).unlink(missing_ok=True)
        self.outputs = outputs
        self.visie, self.signature = visie, signature
        self.rebuilt = set()

    def forget(self) -> None:
        self.visie = self.signature = None

    def built(self, url: str) -> None:
        self.rebuilt.add(url)


class _TemplatesInMemory(jinja2.BytecodeCache):
    """Compiled theme templates kept across rebuilds (Jinja checks each against its source)."""

    def __init__(self) -> None:
        self.compiled: dict[str, bytes] = {}

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        code = self.compiled.get(bucket.key)
        if code is not None:
            bucket.bytecode_from_string(code)

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self.compiled[bucket.key] = bucket.bytecode_to_string()


@dataclass
class ThemeReuse:
    """MkDocs makes a new Jinja environment for every build (and Material's search one more),
    compiling the theme's templates again and listing every file of the theme: seconds per
    rebuild. In `mkdocs serve` both are kept for the session."""

    compiled: _TemplatesInMemory = field(default_factory=_TemplatesInMemory)
    listings: dict[tuple[Any, ...], list[str]] = field(default_factory=dict)

    def install(self) -> None:
        from mkdocs.theme import Theme

        make_env = Theme.get_env
        if getattr(make_env, "omgevingsvisie_reuse", False):
            return
        reuse = self

        def get_env(theme: Theme) -> jinja2.Environment:
            env = make_env(theme)
            env.bytecode_cache = reuse.compiled
            list_templates = env.list_templates
            dirs = tuple(theme.dirs)
            static = tuple(theme.static_templates)

            def listed(extensions: Any = None, filter_func: Any = None) -> list[str]:
                key = (dirs, static, extensions, getattr(filter_func, "__qualname__", filter_func))
                if key not in reuse.listings:
                    reuse.listings[key] = list_templates(extensions, filter_func)
                return list(reuse.listings[key])

            env.list_templates = listed  # type: ignore[method-assign]
            return env

        get_env.omgevingsvisie_reuse = True  # type: ignore[attr-defined]
        Theme.get_env = get_env  # type: ignore[method-assign]
