"""The core's Linker for MkDocs: ids to hrefs relative to the page being rendered.

While Markdown is converted, links point at source files (``../gebieden/centrum.md``) so MkDocs
checks and rewrites them like any link a redacteur writes. HTML added after conversion gets the
final URLs.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from mkdocs.structure.files import File
from mkdocs.utils import get_relative_url

from omgevingsvisie.model import Visie


@dataclass
class MkDocsLinker:
    visie: Visie
    files_by_id: dict[str, File]
    current: File | None = None
    as_source: bool = True
    missing: set[str] = field(default_factory=set)
    # hrefs by (page id, as_source) for the page being rendered: its lists link to the same few
    # pages many times (a gebied's keuzes all point at their kernopgaven; the Matrix, thousands)
    _hrefs: dict[tuple[str, bool], str] = field(default_factory=dict, repr=False)
    _hrefs_for: tuple[object, object] | None = field(default=None, repr=False)

    def page_url(self, page_id: str, anchor: str | None = None) -> str:
        file = self.files_by_id.get(page_id)
        if file is None or self.current is None:
            self.missing.add(page_id)
            return "#"
        if file is self.current and anchor:
            return f"#{anchor}"
        if self._hrefs_for is None or self._hrefs_for[0] is not self.current or self._hrefs_for[1] is not self.files_by_id:
            self._hrefs, self._hrefs_for = {}, (self.current, self.files_by_id)
        key = (page_id, self.as_source)
        href = self._hrefs.get(key)
        if href is None:
            if self.as_source:
                href = get_relative_url(file.src_uri, self.current.src_uri)
            else:
                href = get_relative_url(file.url or ".", self.current.url or ".")
            self._hrefs[key] = href
        return f"{href}#{anchor}" if anchor else href

    def url(self, target_id: str) -> str:
        keuze = self.visie.keuze(target_id)
        if keuze is not None:
            return self.page_url(keuze.kernopgave, keuze.id)
        return self.page_url(target_id)
