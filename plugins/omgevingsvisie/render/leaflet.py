"""Interactive maps: folium describes each KIND of map once; a page carries only its map's data.

folium builds the map object, the background tiles, the layers and the layer control, and
serialises their options safely. That description does not depend on the page: which layers, in
which roles, with which background and controls. So it is built once per kind of map and written
as a small script asset (``assets/kaarten/soorten/<naam>.js``) that registers a function in
``window.ovKaartSoorten``. A page holds only a container with its data in attributes (the kind,
the extent, the gebied it is about); the site's ``kaart.js`` loads the kind's script and runs it
for that container. Pages thus carry no inline script (a strict Content-Security-Policy needs
none of ours), and a site of a thousand gebieden builds a handful of folium figures, not a
thousand.

Layer data is not inlined either: :class:`GeoJsonUrl` names a GeoJSON asset that ``kaart.js``
fetches once and renders with ``textContent`` only.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass

from ..kaartdata import Bounds
from ..layers import GEBIEDEN_LAYER
from ..model import Visie
from .common import e

PDOK_BRT_TILES = "https://service.pdok.nl/brt/achtergrondkaart/wmts/v2_0/standaard/EPSG:3857/{z}/{x}/{y}.png"
PDOK_BRT_ATTRIBUTION = "Kaartgegevens © Kadaster"
MIN_ZOOM = 7
MAX_ZOOM = 19


@dataclass(frozen=True)
class MapKind:
    """What maps of one kind share; the page gives the extent and the gebied.

    ``context``: all gebieden drawn faintly with their names, for orientation (on maps that do not
    show the gebieden layer themselves, and around a gebied page's own outline).
    ``marked``: the page's gebied is drawn emphasised on top.
    """

    layer_ids: tuple[str, ...]
    marked: bool = False
    context: bool = False
    overview: bool = False  # the Kaart page: larger, layer control always open


def map_kind(
    visie: Visie, layer_ids: list[str], gebied: str | None, outline_only: bool, overview: bool, layer_urls: dict[str, str]
) -> MapKind:
    has_gebieden = GEBIEDEN_LAYER in visie.kaarten.lagen and GEBIEDEN_LAYER in layer_urls
    marked = bool(gebied) and has_gebieden
    shown = [i for i in layer_ids if i in visie.kaarten.lagen and i in layer_urls]
    if outline_only and marked:
        shown = [i for i in shown if i != GEBIEDEN_LAYER]  # the mark is this page's outline
    context = has_gebieden and GEBIEDEN_LAYER not in shown
    return MapKind(tuple(shown), marked=marked, context=context, overview=overview)


@dataclass(frozen=True)
class KindScript:
    name: str  # a hash of the script: a changed kind gets a new name, so browsers fetch it again
    script: str

    @property
    def path(self) -> str:
        return f"{KIND_DIR}/{self.name}.js"


KIND_DIR = "assets/kaarten/soorten"


def container_id(number: int) -> str:
    return f"ov_kaart_{number}"


def kind_script(visie: Visie, kind: MapKind, layer_urls: dict[str, str], pages_url: str | None = None) -> KindScript:
    """The script asset of a kind of map: one function of (Leaflet, ``kaart.js``'s api, the page's data)."""
    from .folium_kaart import build_map, map_script  # folium (and what it imports) only when a kind is new

    body = map_script(build_map(visie, kind, layer_urls, pages_url))
    name = hashlib.sha256(body.encode("utf-8")).hexdigest()[:12]
    script = (
        "/* A kind of map of this site, described with folium; kaart.js runs it for every map of this kind. */\n"
        f'(window.ovKaartSoorten = window.ovKaartSoorten || {{}})["{name}"] = function (L, ov, kaart) {{\n'
        f"{body}\n}};\n"
    )
    return KindScript(name, script)


def map_container(number: int, kind: KindScript, bounds: Bounds, gebied: str | None, overview: bool) -> str:
    """The map's place on the page; its data in attributes, read by ``kaart.js`` (no inline script)."""
    west, south, east, north = bounds
    grenzen = json.dumps([[round(south, 6), round(west, 6)], [round(north, 6), round(east, 6)]])
    size = " ov-kaart__kaart--groot" if overview else ""
    about = f' data-ov-gebied="{e(gebied)}"' if gebied else ""
    return (
        f'<div id="{container_id(number)}" class="ov-kaart__kaart{size}" role="region" '
        f'aria-labelledby="ov-kaart-{number}-titel" data-ov-soort="{e(kind.name)}" '
        f'data-ov-grenzen="{e(grenzen)}"{about}></div>'
    )
