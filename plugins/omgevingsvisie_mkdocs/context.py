"""What the Markdown extension needs while a page renders: the visie, links, terugverwijzingen."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from functools import cached_property
from typing import TYPE_CHECKING, Callable

from omgevingsvisie.kaartdata import GebiedIndex, index_gebieden
from omgevingsvisie.model import Keuze, Layer, Reference, Visie
from omgevingsvisie.render.common import e
from omgevingsvisie.render.kaart import text_alternative

from mkdocs.structure.files import File

from .linker import MkDocsLinker

if TYPE_CHECKING:  # only a raad preview has changes
    from omgevingsvisie.compare import Changes

MapRenderer = Callable[[list[str], str | None, bool], str]


@dataclass
class RenderContext:
    visie: Visie
    linker: MkDocsLinker
    backlinks: dict[str, list[Reference]] = field(default_factory=dict)
    # Draws the map itself (issue: maps); the text alternative stands on its own without it.
    draw_map: MapRenderer | None = None
    # In a preview build: what changed against the base version.
    changes: Changes | None = None
    # Layers drawn on maps that are not layers of the visie (the changes in a preview).
    extra_layers: dict[str, Layer] = field(default_factory=dict)
    _maps_on_page: int = 0
    # ids in HTML that went into the current page's Markdown as raw blocks
    raw_anchor_ids: set[str] = field(default_factory=set)

    @cached_property
    def map_visie(self) -> Visie:
        """The visie as maps see it: its own layers plus the extra ones."""
        if not self.extra_layers:
            return self.visie
        lagen = {**self.visie.kaarten.lagen, **self.extra_layers}
        return replace(self.visie, kaarten=replace(self.visie.kaarten, lagen=lagen))

    @cached_property
    def gebied_index(self) -> GebiedIndex:
        """The gebieden layer's features and extents by gebied, made once per build."""
        return index_gebieden(self.map_visie)

    def start_page(self, file: File) -> None:
        self.linker.current = file
        self.linker.as_source = True
        self._maps_on_page = 0
        self.raw_anchor_ids = set()

    @property
    def map_number(self) -> int:
        """The number of the map being rendered on this page, as in its figure's ids."""
        return self._maps_on_page

    def render_kaart(self, titel: str, lagen: list[str], gebied: str | None, outline_only: bool = False) -> str:
        self._maps_on_page += 1
        number = self._maps_on_page
        known = [layer for layer in lagen if layer in self.map_visie.kaarten.lagen]
        drawn = self.draw_map(known, gebied, outline_only) if self.draw_map else ""
        alternative = text_alternative(self.map_visie, known, gebied, self.linker, outline_only, self.gebied_index)
        return (
            f'<figure class="ov-kaart" aria-labelledby="ov-kaart-{number}-titel">'
            f'<figcaption id="ov-kaart-{number}-titel" class="ov-kaart__titel">{e(titel)}</figcaption>'
            f"{drawn}{alternative}</figure>"
        )

    def change_marker(self, item_id: str) -> str:
        if not self.changes:
            return ""
        from omgevingsvisie.render.wijzigingen import change_marker

        return change_marker(self.changes, item_id, self.linker)

    def after_keuze(self, keuze: Keuze) -> str:
        if not keuze.kaartlagen:
            return ""
        return self.render_kaart(f"Kaart bij de keuze: {keuze.titel}", keuze.kaartlagen, None)
