"""Maps in the MkDocs site: self-hosted Leaflet, one GeoJSON asset per layer, the Kaart page.

Leaflet comes from the ``xstatic-leaflet`` package on PyPI: its files are added to the build
straight from the installed package, so no Leaflet source lives in this repository and no
browser fetches it from a CDN. Each layer is written once as ``assets/kaarten/<laag>.geojson``;
the maps on all pages fetch that file (the browser caches it) instead of carrying it inline.
Each kind of map is described once by folium and written as ``assets/kaarten/soorten/<naam>.js``;
the gebied pages' addresses and titles, for the links in popups, once as ``paginas.json``.
"""

from __future__ import annotations

import json
from functools import cached_property
from pathlib import Path
from typing import Callable

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files

from omgevingsvisie.build_cache import BuildCache
from omgevingsvisie.kaartdata import cached_layer_asset, content_hash, map_bounds
from omgevingsvisie.nearby import cached_touch_index
from omgevingsvisie.model import Visie
from omgevingsvisie.placeholders import markdown_literal
from omgevingsvisie.render.kleuren import colour_stylesheet
from omgevingsvisie.render.leaflet import KindScript, MapKind, kind_script, map_container, map_kind

from .context import RenderContext

LEAFLET_DIR = "assets/leaflet"
LAYER_DIR = "assets/kaarten"
PAGES_FILE = f"{LAYER_DIR}/paginas.json"
# The colours of layers and kernopgaven as classes: pages carry no style attributes (CSP).
COLOURS_FILE = "assets/omgevingsvisie/kleuren.css"
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
    """Draws the maps of a site; ``RenderContext.draw_map`` calls this for every map figure.

    Every cost here is per map, not per map times gebieden: a page's map is a container with its
    data; folium runs once per kind of map; gebied outlines and extents come from an index made
    once per build.
    """

    def __init__(self, visie: Visie, context: RenderContext, cache: dict[tuple, KindScript] | None = None,
                 disk: BuildCache | None = None) -> None:
        self.visie = visie
        self.context = context
        # What earlier builds worked out (layer assets, kinds of map, touch index), on disk.
        self.disk = disk or BuildCache(None)
        self.layer_urls: dict[str, str] = {}
        self._overview = False
        # Kind scripts by everything they depend on. The plugin keeps this cache across
        # `mkdocs serve` rebuilds, so a save in visie/ runs folium only for a kind that changed.
        self.cache = {} if cache is None else cache
        self.used: set[tuple] = set()

    @cached_property
    def _pages(self) -> tuple[str, str]:
        """(asset content, URL with its hash) of the gebied pages' addresses, made once per build."""
        pages = {}
        for gebied in self.visie.gebieden:
            file = self.context.linker.files_by_id.get(gebied.id)
            if file is not None:
                pages[gebied.id] = {"url": file.url or "./", "titel": gebied.titel}
        data = json.dumps(pages, ensure_ascii=False, separators=(",", ":"))
        return data, f"{PAGES_FILE}?v={content_hash(data.encode('utf-8'))}"

    @cached_property
    def _inputs(self) -> tuple:
        """What every kind's script depends on besides the kind: made once, after ``add_files``."""
        visie = self.context.map_visie
        lagen = visie.kaarten.lagen
        layers = tuple(
            (i, self.layer_urls.get(i), lagen[i].titel, lagen[i].kleur, lagen[i].label, tuple(lagen[i].velden.items()))
            for i in lagen
        )
        return (visie.kaarten.achtergrond, layers, self._pages[1])

    def _cache_key(self, kind: MapKind) -> tuple:
        return (kind, *self._inputs)

    def add_files(self, files: Files, config: MkDocsConfig) -> None:
        for uri, path in leaflet_files():
            files.append(File.generated(config, uri, abs_src_path=str(path)))
        self.layer_urls = {}
        for layer in self.context.map_visie.kaarten.lagen.values():
            data = cached_layer_asset(layer, self.context.map_visie, self.disk)
            uri = f"{LAYER_DIR}/{layer.id}.geojson"
            files.append(File.generated(config, uri, content=data))
            # The hash makes a browser fetch a layer again when its data changed.
            self.layer_urls[layer.id] = f"{uri}?v={content_hash(data)}"
        colours = [layer.kleur for layer in self.context.map_visie.kaarten.lagen.values()]
        colours += [opgave.kleur for opgave in self.visie.kernopgaven]
        files.append(File.generated(config, COLOURS_FILE, content=colour_stylesheet(colours)))
        cached_touch_index(self.context.map_visie, self.disk)  # for the maps' text alternatives

    def add_kind_files(self, files: Files, config: MkDocsConfig) -> None:
        """After every page is rendered: the kinds of map they use, and the gebied pages' data."""
        written = set()
        for key in self.used:
            kind = self.cache[key]
            if kind.path not in written:
                files.append(File.generated(config, kind.path, content=kind.script))
                written.add(kind.path)
        if self.used:
            files.append(File.generated(config, PAGES_FILE, content=self._pages[0]))

    def __call__(self, layer_ids: list[str], gebied: str | None, outline_only: bool) -> str:
        visie = self.context.map_visie
        kind = map_kind(visie, layer_ids, gebied, outline_only, self._overview, self.layer_urls)
        key = self._cache_key(kind)
        self.used.add(key)
        script = self.cache.get(key)
        if script is None:
            script = self.cache[key] = self._kind_from_disk(key, kind)
        bounds = map_bounds(visie, layer_ids, gebied, self.context.gebied_index)
        return map_container(self.context.map_number, script, bounds, gebied, self._overview)

    def _kind_from_disk(self, key: tuple, kind: MapKind) -> KindScript:
        def make() -> bytes:
            made = kind_script(self.context.map_visie, kind, self.layer_urls, self._pages[1])
            return json.dumps([made.name, made.script]).encode("utf-8")

        name, script = json.loads(self.disk.get("kaartsoort", repr(key).encode("utf-8"), make))
        return KindScript(name, script)

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
