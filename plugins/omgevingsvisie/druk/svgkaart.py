"""A map as a static SVG picture, drawn from the layers in RD New: no tiles, no script.

For print: the same layers as the site's interactive map, projected to the Dutch national grid
(EPSG:28992), which keeps shapes and distances true at the scale of a gemeente.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any, Callable, Iterator

from .. import geo
from ..kaartdata import map_bounds, simplify_geometry
from ..layers import GEBIEDEN_LAYER
from ..model import Layer, Visie
from ..render.common import e

WIDTH = 600.0
MARGIN = 0.06  # of the extent, around it, so outlines on the edge stay visible
MAX_HEIGHT = 520.0


@lru_cache(maxsize=1)
def _to_rd() -> Callable[[float, float], tuple[float, float]]:
    from pyproj import Transformer

    return Transformer.from_crs("EPSG:4326", "EPSG:28992", always_xy=True).transform


class _Frame:
    """From WGS84 degrees to SVG user units, north up."""

    def __init__(self, bounds: tuple[float, float, float, float]) -> None:
        west, south, east, north = bounds
        corners = [_to_rd()(x, y) for x, y in ((west, south), (east, north), (west, north), (east, south))]
        xs, ys = [c[0] for c in corners], [c[1] for c in corners]
        width, height = max(max(xs) - min(xs), 1.0), max(max(ys) - min(ys), 1.0)
        self.left = min(xs) - width * MARGIN
        self.top = max(ys) + height * MARGIN
        span_x, span_y = width * (1 + 2 * MARGIN), height * (1 + 2 * MARGIN)
        self.scale = min(WIDTH / span_x, MAX_HEIGHT / span_y)
        self.width = span_x * self.scale
        self.height = span_y * self.scale
        self.bounds = (west, south, east, north)

    def overlaps(self, bounds: tuple[float, float, float, float]) -> bool:
        west, south, east, north = self.bounds
        margin_x, margin_y = (east - west) * MARGIN, (north - south) * MARGIN
        return not (bounds[0] > east + margin_x or bounds[2] < west - margin_x
                    or bounds[1] > north + margin_y or bounds[3] < south - margin_y)

    def point(self, lon: float, lat: float) -> tuple[float, float]:
        x, y = _to_rd()(lon, lat)
        return (x - self.left) * self.scale, (self.top - y) * self.scale


def _rings(geometry: dict[str, Any]) -> Iterator[tuple[str, list]]:
    kind = geometry.get("type")
    coordinates = geometry.get("coordinates")
    if kind == "GeometryCollection":
        for member in geometry.get("geometries", []):
            yield from _rings(member)
    elif kind == "Polygon":
        yield "vlak", coordinates
    elif kind == "MultiPolygon":
        for polygon in coordinates:
            yield "vlak", polygon
    elif kind == "LineString":
        yield "lijn", [coordinates]
    elif kind == "MultiLineString":
        yield "lijn", coordinates
    elif kind == "Point":
        yield "punt", [[coordinates]]
    elif kind == "MultiPoint":
        yield "punt", [coordinates]


def _path(frame: _Frame, lines: list, closed: bool) -> str:
    parts = []
    for line in lines:
        points = [frame.point(p[0], p[1]) for p in line]
        if not points:
            continue
        parts.append("M" + " L".join(f"{x:.1f},{y:.1f}" for x, y in points) + (" Z" if closed else ""))
    return " ".join(parts)


_PREPARED: dict[int, tuple[dict[str, Any], dict[str, Any], tuple[float, float, float, float] | None]] = {}


def _prepared(geometry: dict[str, Any]) -> tuple[dict[str, Any], tuple[float, float, float, float] | None]:
    """The simplified geometry and its bounds, made once per geometry for all the maps it is on.

    A visie with N gebieden draws N gebied maps that each show the neighbouring outlines:
    simplifying every outline again for every map would make the PDF quadratic in N.
    """
    found = _PREPARED.get(id(geometry))
    if found is None or found[0] is not geometry:
        found = _PREPARED[id(geometry)] = (geometry, simplify_geometry(geometry), geo.bounds_of([geometry]))
    return found[1], found[2]


def _shapes(frame: _Frame, layer: Layer, only: str | None, faint: bool, bold: bool) -> list[str]:
    colour = e("#777777" if faint else layer.kleur)
    dash = ' stroke-dasharray="7 5"' if layer.gestippeld else ""
    fill_opacity = 0 if layer.gestippeld or faint else (0.25 if bold else 0.15)
    width = 3 if bold else 2 if not faint else 1
    shapes = []
    for feature in layer.features:
        if only is not None and feature.gebied != only:
            continue
        simplified, bounds = _prepared(feature.geometry)
        if bounds is None or not frame.overlaps(bounds):
            continue  # outside the picture
        for kind, lines in _rings(simplified):
            if kind == "punt":
                for x, y in (frame.point(p[0], p[1]) for line in lines for p in line):
                    shapes.append(
                        f'<circle cx="{x:.1f}" cy="{y:.1f}" r="5" fill="{colour}" stroke="#ffffff" stroke-width="1.5"/>'
                    )
                continue
            closed = kind == "vlak"
            fill = f'fill="{colour}" fill-opacity="{fill_opacity}" fill-rule="evenodd"' if closed else 'fill="none"'
            shapes.append(
                f'<path d="{_path(frame, lines, closed)}" {fill} stroke="{colour}" stroke-width="{width}"'
                f' stroke-linejoin="round"{dash}/>'
            )
    return shapes


def svg_map(visie: Visie, layer_ids: list[str], gebied: str | None = None, outline_only: bool = False) -> str:
    """An SVG document of the map: its layers in the order given, points on top."""
    lagen = visie.kaarten.lagen
    frame = _Frame(map_bounds(visie, layer_ids, gebied))
    areas: list[str] = []
    points: list[str] = []
    for layer_id in layer_ids:
        layer = lagen.get(layer_id)
        if layer is None:
            continue
        is_outlines = layer.id == GEBIEDEN_LAYER and gebied is not None
        if is_outlines:
            # Neighbouring gebieden faint for orientation, this page's gebied marked above them.
            areas.extend(_shapes(frame, layer, None, faint=True, bold=False))
            areas.extend(_shapes(frame, layer, gebied, faint=False, bold=True))
            continue
        for shape in _shapes(frame, layer, None, faint=False, bold=False):
            (points if shape.startswith("<circle") else areas).append(shape)
    width, height = round(frame.width, 1), round(frame.height, 1)
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" width="{width}" height="{height}">'
        f'<rect width="{width}" height="{height}" fill="#f7f7f4"/>{"".join(areas)}{"".join(points)}</svg>'
    )


def legend(visie: Visie, layer_ids: list[str]) -> str:
    """The layers in words, with their colour and line, for beside the picture."""
    items = []
    for layer_id in layer_ids:
        layer = visie.kaarten.lagen.get(layer_id)
        if layer is None:
            continue
        line = " ov-legenda--gestippeld" if layer.gestippeld else ""
        swatch = f'<span class="ov-legenda{line}" style="--ov-kleur: {e(layer.kleur)}"></span>'
        items.append(f"<li>{swatch} {e(layer.titel)}</li>")
    return f'<ul class="ov-druk-legenda">{"".join(items)}</ul>' if items else ""
