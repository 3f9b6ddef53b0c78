"""The interactive map of a figure: a Leaflet map built with folium, as a container and one script.

folium builds the map object, the background tiles, the layers and the layer control, and
serialises their options safely. Its page around the map (the ``Figure`` header with CDN
links, jQuery, Bootstrap and a ``user-scalable=no`` viewport) is never used: only the script
part of the figure is taken. Layer data is not inlined: :class:`GeoJsonUrl` names a GeoJSON
asset that the site's ``kaart.js`` fetches once and renders with ``textContent`` only.

The script does not run on its own: it is queued as a function in ``window.ovKaarten`` and run
by ``kaart.js`` once Leaflet (self-hosted, loaded only on pages with a map) is there. That keeps
pages without a map free of Leaflet and lets the map draw again after instant navigation.

Output is well-formed XML, like every fragment of this package: the script is a CDATA section
inside JavaScript comments, so an engine may parse it into a tree and serialise it back.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

import folium
from branca.element import Element, MacroElement
from folium.map import Layer as FoliumLayer
from folium.template import Template
from folium.utilities import JsCode

from ..kaartdata import map_bounds
from ..layers import GEBIEDEN_LAYER
from ..model import Layer, Visie
from .common import e

PDOK_BRT_TILES = "https://service.pdok.nl/brt/achtergrondkaart/wmts/v2_0/standaard/EPSG:3857/{z}/{x}/{y}.png"
PDOK_BRT_ATTRIBUTION = "Kaartgegevens © Kadaster"
MIN_ZOOM = 7
MAX_ZOOM = 19


class _Map(folium.Map):
    """folium's map without its CDN assets: Leaflet comes from the site itself."""

    default_js: list[tuple[str, str]] = []
    default_css: list[tuple[str, str]] = []


class GeoJsonUrl(FoliumLayer):
    """A GeoJSON layer whose data the browser fetches from a URL, without jQuery.

    folium's own ``GeoJson(url, embed=False)`` fetches with ``$.ajax`` and its popups and tooltips
    insert properties as HTML; ``ovKaart.laag`` uses ``fetch()`` and ``textContent``.
    """

    _template = Template(
        """
        {% macro script(this, kwargs) %}
            var {{ this.get_name() }} = ov.laag({{ this._parent.get_name() }}, {{ this.url|tojson }}, {{ this.settings|tojson }});
        {% endmacro %}
        """
    )

    def __init__(self, url: str, settings: dict[str, Any], name: str, control: bool = True, show: bool = True):
        super().__init__(name=name, overlay=True, control=control, show=show)
        self._name = "GeoJsonUrl"
        self.url = url
        self.settings = settings


class MapView(MacroElement):
    """The map's extent, set before any layer loads (also once a hidden content tab shows)."""

    _template = Template(
        """
        {% macro script(this, kwargs) %}
            ov.begin({{ this._parent.get_name() }}, {{ this.settings|tojson }});
        {% endmacro %}
        """
    )

    def __init__(self, settings: dict[str, Any]):
        super().__init__()
        self._name = "MapView"
        self.settings = settings


class MapFinish(MacroElement):
    """The last step: Dutch controls, and the map is registered for clean-up."""

    _template = Template(
        """
        {% macro script(this, kwargs) %}
            ov.klaar({{ this._parent.get_name() }}, {{ this.settings|tojson }});
        {% endmacro %}
        """
    )

    def __init__(self, settings: dict[str, Any]):
        super().__init__()
        self._name = "MapFinish"
        self.settings = settings


@dataclass
class MapRequest:
    """One map on one page. URLs are relative to the site root; ``kaart.js`` resolves them."""

    number: int  # the map's number on its page, as in the figure's ids
    layer_ids: list[str]
    gebied: str | None = None
    outline_only: bool = False
    overview: bool = False  # the Kaart page: larger, layer control always open
    layer_urls: dict[str, str] = field(default_factory=dict)
    gebied_pages: dict[str, tuple[str, str]] = field(default_factory=dict)  # id: (url, titel)


def _layer_label(layer: Layer) -> str:
    """The layer control's label. Leaflet inserts it as HTML, so everything in it is escaped."""
    shape = " ov-legenda--punt" if _is_point_layer(layer) else ""
    return (
        f'<span class="ov-legenda{shape}" style="--ov-kleur: {e(layer.kleur)}" aria-hidden="true"></span>'
        f"{e(layer.titel)}"
    )


def _is_point_layer(layer: Layer) -> bool:
    return bool(layer.features) and all(f.geometry.get("type") in ("Point", "MultiPoint") for f in layer.features)


def _layer_settings(layer: Layer, request: MapRequest, **extra: Any) -> dict[str, Any]:
    settings: dict[str, Any] = {
        "titel": layer.titel,
        "kleur": layer.kleur,
        "label": layer.label,
        "velden": [[key, label] for key, label in layer.velden.items()],
    }
    settings.update(extra)
    if layer.gestippeld:
        settings["gestippeld"] = True
    if layer.id == GEBIEDEN_LAYER:
        only = settings.get("gebied")
        settings["paginas"] = {
            gid: {"url": url, "titel": titel}
            for gid, (url, titel) in request.gebied_pages.items()
            if only is None or gid == only
        }
    return settings


def _number_elements(element: Element, prefix: str) -> None:
    """Ids that stay the same from build to build (folium draws random ones)."""
    counter = 0

    def walk(node: Element) -> None:
        nonlocal counter
        for child in node._children.values():
            counter += 1
            child._id = f"{prefix}_{counter}"
            walk(child)

    walk(element)


def _compact(script: str) -> str:
    lines = (line.strip() for line in script.splitlines())
    return "\n".join(line for line in lines if line)


def container_id(number: int) -> str:
    return f"ov_kaart_{number}"


def build_map(visie: Visie, request: MapRequest) -> folium.Map:
    lagen = visie.kaarten.lagen
    west, south, east, north = map_bounds(visie, request.layer_ids, request.gebied)
    m = _Map(
        location=[round((south + north) / 2, 6), round((west + east) / 2, 6)],
        tiles=None,
        zoom_start=12,
        zoom_control=False,  # added by ov.klaar, with Dutch button titles
        min_zoom=MIN_ZOOM,
        max_zoom=MAX_ZOOM,
        # One finger scrolls the page on touch screens; the mouse wheel scrolls it everywhere.
        dragging=JsCode("!L.Browser.mobile"),
        scroll_wheel_zoom=False,
    )
    m._name = "OvKaart"
    m._id = str(request.number)
    # Fit before the background is added, so no tiles are fetched for the provisional view.
    MapView({"grenzen": [[south, west], [north, east]], "maxZoom": 16}).add_to(m)
    if visie.kaarten.achtergrond == "pdok-brt":
        folium.TileLayer(
            PDOK_BRT_TILES,
            attr=PDOK_BRT_ATTRIBUTION,
            name="Achtergrondkaart",
            control=False,
            min_zoom=MIN_ZOOM,
            max_zoom=MAX_ZOOM,
            max_native_zoom=MAX_ZOOM,
        ).add_to(m)
    overlays = 0
    for layer_id in request.layer_ids:
        layer = lagen.get(layer_id)
        if layer is None or layer.id not in request.layer_urls:
            continue
        if layer.id == GEBIEDEN_LAYER and request.outline_only and request.gebied:
            continue  # the mark below is this page's outline
        GeoJsonUrl(request.layer_urls[layer.id], _layer_settings(layer, request), _layer_label(layer)).add_to(m)
        overlays += 1
    gebieden = lagen.get(GEBIEDEN_LAYER)
    marked = bool(request.gebied and gebieden and GEBIEDEN_LAYER in request.layer_urls)
    if marked and gebieden is not None and request.gebied:
        GeoJsonUrl(
            request.layer_urls[GEBIEDEN_LAYER],
            _layer_settings(gebieden, request, gebied=request.gebied, nadruk=True),
            _layer_label(gebieden),
            control=False,
        ).add_to(m)
    if overlays >= 2 or (overlays >= 1 and marked):
        folium.LayerControl(position="topright", collapsed=not request.overview).add_to(m)
    MapFinish({"lagenTitel": "Kaartlagen"}).add_to(m)
    _number_elements(m, str(request.number))
    return m


def map_script(m: folium.Map) -> str:
    """Only the script part of folium's figure: no header, no page, no CDN links."""
    figure = m.get_root()
    m.render()
    return _compact(figure.script.render())


def map_html(visie: Visie, request: MapRequest) -> str:
    """The map container and its queued script, to stand in a figure before its text alternative."""
    m = build_map(visie, request)
    name = m.get_name()
    script = map_script(m)
    if "]]>" in script:  # cannot happen: folium and tojson escape '>' in data
        raise ValueError("map script would end its CDATA section")
    size = " ov-kaart__kaart--groot" if request.overview else ""
    queued = (
        "(window.ovKaarten = window.ovKaarten || []).push([" + _js_string(name) + ", function (L, ov) {\n"
        + script
        + "\n}]);\nif (window.ovKaart) window.ovKaart.start();"
    )
    return (
        f'<div id="{name}" class="ov-kaart__kaart{size}" role="region" '
        f'aria-labelledby="ov-kaart-{request.number}-titel"></div>'
        f"<script>/*<![CDATA[*/\n{queued}\n/*]]>*/</script>"
    )


def _js_string(text: str) -> str:
    if not re.fullmatch(r"[A-Za-z0-9_]+", text):
        raise ValueError(f"unexpected map name {text!r}")
    return f'"{text}"'
