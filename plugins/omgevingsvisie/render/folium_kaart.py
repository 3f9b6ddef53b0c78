"""folium's description of a kind of map (see leaflet.py), without its CDN assets or page header.

Imported only when a kind of map has to be described anew: folium, branca and what they import
cost more to load than a small visie costs to build.
"""

from __future__ import annotations

from typing import Any

import folium
from branca.element import Element, MacroElement
from folium.map import Layer as FoliumLayer
from folium.template import Template
from folium.utilities import JsCode

from ..layers import GEBIEDEN_LAYER
from ..model import Layer, Visie
from .common import e
from .kleuren import colour_class
from .leaflet import MAX_ZOOM, MIN_ZOOM, PDOK_BRT_ATTRIBUTION, PDOK_BRT_TILES, MapKind


class _Map(folium.Map):
    """folium's map without its CDN assets and page header; its container comes from the page."""

    default_js: list[tuple[str, str]] = []
    default_css: list[tuple[str, str]] = []
    _template = Template(
        """
        {% macro script(this, kwargs) %}
            var {{ this.get_name() }} = L.map(kaart.container, {
                center: kaart.midden,
                crs: L.CRS.{{ this.crs }},
                ...{{ this.options|tojavascript }}
            });
        {% endmacro %}
        """
    )
class GeoJsonUrl(FoliumLayer):
    """A GeoJSON layer whose data the browser fetches from a URL, without jQuery.

    folium's own ``GeoJson(url, embed=False)`` fetches with ``$.ajax`` and its popups and tooltips
    insert properties as HTML; ``ovKaart.laag`` uses ``fetch()`` and ``textContent``.
    """

    _template = Template(
        """
        {% macro script(this, kwargs) %}
            var {{ this.get_name() }} = ov.laag({{ this._parent.get_name() }}, {{ this.url|tojson }}, {{ this.settings|tojson }}, kaart);
        {% endmacro %}
        """
    )

    def __init__(self, url: str, settings: dict[str, Any], name: str, control: bool = True, show: bool = True):
        super().__init__(name=name, overlay=True, control=control, show=show)
        self._name = "GeoJsonUrl"
        self.url = url
        self.settings = settings


class MapView(MacroElement):
    """The page's extent, set before any layer loads (also once a hidden content tab shows)."""

    _template = Template(
        """
        {% macro script(this, kwargs) %}
            ov.begin({{ this._parent.get_name() }}, {{ this.settings|tojson }}, kaart);
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


def _layer_label(layer: Layer) -> str:
    """The layer control's label. Leaflet inserts it as HTML, so everything in it is escaped."""
    shape = " ov-legenda--punt" if _is_point_layer(layer) else ""
    return f'<span class="ov-legenda{shape} {colour_class(layer.kleur)}" aria-hidden="true"></span>{e(layer.titel)}'


def _is_point_layer(layer: Layer) -> bool:
    return bool(layer.features) and all(f.geometry.get("type") in ("Point", "MultiPoint") for f in layer.features)


def _layer_settings(layer: Layer, pages_url: str | None, **extra: Any) -> dict[str, Any]:
    settings: dict[str, Any] = {
        "titel": layer.titel,
        "kleur": layer.kleur,
        "label": layer.label,
        "velden": [[key, label] for key, label in layer.velden.items()],
    }
    if layer.gestippeld:
        settings["gestippeld"] = True
    if layer.id == GEBIEDEN_LAYER:
        settings["namen"] = True  # gebieden carry their names as labels where they fit
        if pages_url:
            settings["paginas"] = pages_url
    settings.update(extra)
    return settings


def _number_elements(element: Element, prefix: str) -> None:
    """Ids that stay the same from build to build (folium draws random ones): the kind's name is
    a hash of its script."""
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


def build_map(visie: Visie, kind: MapKind, layer_urls: dict[str, str], pages_url: str | None = None) -> folium.Map:
    lagen = visie.kaarten.lagen
    m = _Map(
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
    m._id = "soort"
    # Fit before the background is added, so no tiles are fetched for the provisional view.
    MapView({"maxZoom": 16}).add_to(m)
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
    gebieden = lagen.get(GEBIEDEN_LAYER)
    if kind.context and gebieden is not None:
        GeoJsonUrl(
            layer_urls[GEBIEDEN_LAYER],
            _layer_settings(gebieden, pages_url, rol="context"),
            _layer_label(gebieden),
            control=False,
        ).add_to(m)
    overlays = 0
    for layer_id in kind.layer_ids:
        layer = lagen[layer_id]
        GeoJsonUrl(layer_urls[layer_id], _layer_settings(layer, pages_url), _layer_label(layer)).add_to(m)
        overlays += 1
    if kind.marked and gebieden is not None:
        GeoJsonUrl(
            layer_urls[GEBIEDEN_LAYER],
            # Named by the gebieden layer itself where that is shown, else by this mark.
            _layer_settings(gebieden, pages_url, rol="nadruk", namen=GEBIEDEN_LAYER not in kind.layer_ids),
            _layer_label(gebieden),
            control=False,
        ).add_to(m)
    if overlays >= 2 or (overlays >= 1 and kind.marked):
        folium.LayerControl(position="topright", collapsed=not kind.overview).add_to(m)
    MapFinish({"lagenTitel": "Kaartlagen"}).add_to(m)
    _number_elements(m, "k")
    return m


def map_script(m: folium.Map) -> str:
    """Only the script part of folium's figure: no header, no page, no CDN links."""
    figure = m.get_root()
    m.render()
    return _compact(figure.script.render())
