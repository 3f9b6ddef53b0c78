"""Maps in the MkDocs site: self-hosted Leaflet, one GeoJSON asset per layer, the Kaart page.

Leaflet comes from the ``xstatic-leaflet`` package on PyPI: its files are added to the build
straight from the installed package, so no Leaflet source lives in this repository and no
browser fetches it from a CDN. Each layer is written once as ``assets/kaarten/<laag>.geojson``;
the maps on all pages fetch that file (the browser caches it) instead of carrying it inline.
"""

from __future__ import annotations

from pathlib import Path
from typing import Callable

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files

from omgevingsvisie.kaartdata import content_hash, layer_asset, map_bounds
from omgevingsvisie.layers import GEBIEDEN_LAYER
from omgevingsvisie.model import Visie
from omgevingsvisie.placeholders import markdown_literal
from omgevingsvisie.render.leaflet import MapRequest, map_html

from .context import RenderContext

LEAFLET_DIR = "assets/leaflet"
LAYER_DIR = "assets/kaarten"
KAART_PAGE = ("Kaart", "kaart.md")


def leaflet_source() -> Path:
    from xstatic.pkg import leaflet

    return Path(leaflet.BASE_DIR)


def leaflet_files() -> list[tuple[str, Path]]:
    """(site path, installed file) for what a browser needs: the script, the style, its images."""
    source = leaflet_source()
    wanted = [("leaflet.js", source / "leaflet.js"), ("leaflet.css", source / "leaflet.css")]
    wanted += [(f"images/{p.name}", p) for p in sorted((source / "images").glob("*.png"))]
    return [(f"{LEAFLET_DIR}/{name}", path) for name, path in wanted]


class SiteMaps:
    """Draws the maps of a site; ``RenderContext.draw_map`` calls this for every map figure."""

    def __init__(self, visie: Visie, context: RenderContext, cache: dict[tuple, str] | None = None) -> None:
        self.visie = visie
        self.context = context
        self.layer_urls: dict[str, str] = {}
        self._overview = False
        # Rendered maps by everything they depend on. folium builds a whole figure per map (about
        # 5 ms); the plugin keeps this cache across `mkdocs serve` rebuilds, so a save in visie/
        # redraws only the maps whose data changed.
        self.cache = {} if cache is None else cache
        self.used: set[tuple] = set()

    def _cache_key(self, request: MapRequest) -> tuple:
        visie = self.context.map_visie
        lagen = visie.kaarten.lagen
        layers = tuple(
            (i, request.layer_urls.get(i), lagen[i].titel, lagen[i].kleur, lagen[i].label, tuple(lagen[i].velden.items()))
            for i in request.layer_ids if i in lagen
        )
        return (
            request.number, request.gebied, request.outline_only, request.overview, visie.kaarten.achtergrond,
            layers, tuple(sorted(request.gebied_pages.items())), map_bounds(visie, request.layer_ids, request.gebied),
            request.layer_urls.get(GEBIEDEN_LAYER),
        )

    def add_files(self, files: Files, config: MkDocsConfig) -> None:
        for uri, path in leaflet_files():
            files.append(File.generated(config, uri, abs_src_path=str(path)))
        self.layer_urls = {}
        for layer in self.context.map_visie.kaarten.lagen.values():
            data = layer_asset(layer)
            uri = f"{LAYER_DIR}/{layer.id}.geojson"
            files.append(File.generated(config, uri, content=data))
            # The hash makes a browser fetch a layer again when its data changed.
            self.layer_urls[layer.id] = f"{uri}?v={content_hash(data)}"

    def _gebied_pages(self) -> dict[str, tuple[str, str]]:
        pages = {}
        for gebied in self.visie.gebieden:
            file = self.context.linker.files_by_id.get(gebied.id)
            if file is not None:
                pages[gebied.id] = (file.url or "./", gebied.titel)
        return pages

    def __call__(self, layer_ids: list[str], gebied: str | None, outline_only: bool) -> str:
        request = MapRequest(
            number=self.context.map_number,
            layer_ids=layer_ids,
            gebied=gebied,
            outline_only=outline_only,
            overview=self._overview,
            layer_urls=self.layer_urls,
            gebied_pages=self._gebied_pages(),
        )
        key = self._cache_key(request)
        self.used.add(key)
        if key not in self.cache:
            self.cache[key] = map_html(self.context.map_visie, request)
        return self.cache[key]

    def overview(self) -> str:
        """The Kaart page's figure: every layer, switchable, with the layer control open."""
        self._overview = True
        try:
            return self.context.render_kaart("Alle kaartlagen", list(self.visie.kaarten.lagen), None)
        finally:
            self._overview = False

    def page_markdown(self, insert: Callable[[Callable[[], str]], str]) -> str:
        intro = (
            f"Alle kaartlagen van de {markdown_literal(self.visie.meta.titel)} op één kaart. Met de vakjes rechtsboven "
            "op de kaart zet u lagen aan of uit. Klik op een gebied voor de naam en een link naar de "
            "pagina over dat gebied, of op een ander object voor een toelichting. Onder de kaart staat "
            "wat de kaart toont ook als tekst."
        )
        return f"# {KAART_PAGE[0]}\n\n{intro}\n\n" + insert(self.overview) + "\n"
