"""Map data for a site: each layer as one compact GeoJSON asset, and the extent a map opens on.

Engine-agnostic: an adapter writes :func:`layer_asset` once per layer (every map on every page
fetches that one file instead of carrying the data inline) and asks :func:`map_bounds` where a
map should look.
"""

from __future__ import annotations

import hashlib
import json
import math
from dataclasses import dataclass, field
from typing import Any

from . import geo
from .build_cache import BuildCache
from .layers import GEBIEDEN_LAYER
from .model import Feature, Layer, Visie

# About 2 m north-south and 1.4 m east-west at Dutch latitudes: below what an indicative
# map shows, while straight runs of digitised points collapse to their ends.
SIMPLIFY_TOLERANCE = 0.00002
DECIMALS = 6


def _rounded(coordinates: Any) -> Any:
    if isinstance(coordinates, (int, float)):
        return round(float(coordinates), DECIMALS)
    return [_rounded(c) for c in coordinates]


def _position_count(geometry: dict[str, Any]) -> int:
    return sum(1 for _ in geo.positions(geometry))


def simplify_geometry(geometry: dict[str, Any], tolerance: float = SIMPLIFY_TOLERANCE) -> dict[str, Any]:
    """The geometry with fewer positions where that changes nothing visible; else unchanged.

    Topology is preserved (polygons stay valid, holes stay inside); points are left alone.
    """
    if geometry["type"] in ("Point", "MultiPoint"):
        return geometry
    from shapely.geometry import mapping, shape

    try:
        simplified = shape(geometry).simplify(tolerance, preserve_topology=True)
    except (ValueError, TypeError, AttributeError):  # geometry shapely cannot model: keep it as it is
        return geometry
    if simplified.is_empty:
        return geometry
    result = _rounded_geometry(json.loads(json.dumps(mapping(simplified))))  # tuples to lists
    if result.get("type") != geometry["type"] or _position_count(result) >= _position_count(geometry):
        return geometry
    return result


def _rounded_geometry(geometry: dict[str, Any]) -> dict[str, Any]:
    """Rounded positions; a GeometryCollection may hold further collections (valid GeoJSON)."""
    if geometry.get("type") == "GeometryCollection":
        return {**geometry, "geometries": [_rounded_geometry(g) for g in geometry["geometries"]]}
    return {**geometry, "coordinates": _rounded(geometry["coordinates"])}


def shown_properties(layer: Layer, feature: Feature) -> dict[str, Any]:
    """Only what a map uses: the gebied id, the naming property and the velden."""
    keep = set(layer.velden)
    if layer.label:
        keep.add(layer.label)
    if layer.id == GEBIEDEN_LAYER:
        keep.add("gebied")
    return {key: value for key, value in feature.properties.items() if key in keep}


def label_point(geometry: dict[str, Any], inner: list[dict[str, Any]] | None = None) -> list[float] | None:
    """Where an area's name goes: ``[lon, lat, radius]``, the centre of the largest circle inside it
    and that circle's radius in degrees of latitude, so a map can tell whether the name fits.
    Holes and the ``inner`` areas (its smaller gebieden) are left out, so a name never stands in a
    gebied it surrounds. ``None`` for points and lines."""
    if geometry.get("type") not in ("Polygon", "MultiPolygon"):
        return None
    from shapely import affinity
    from shapely.geometry import shape
    from shapely.ops import polylabel, unary_union

    try:
        area = shape(geometry)
        if inner:
            rest = area.difference(unary_union([shape(g) for g in inner]))
            if rest.geom_type in ("Polygon", "MultiPolygon") and not rest.is_empty:
                area = rest
        if area.is_empty:
            return None
        # In degrees a degree of longitude is shorter than one of latitude: measure in a frame where
        # both are alike, so "largest circle" means what it does on the map.
        scale = math.cos(math.radians(area.centroid.y))
        flat = affinity.scale(area, xfact=scale, yfact=1.0, origin=(0, 0))
        parts = list(flat.geoms) if flat.geom_type == "MultiPolygon" else [flat]
        best = None
        for part in parts:
            if part.is_empty or part.area == 0:
                continue
            tolerance = max(math.sqrt(part.area) / 200, 1e-6)
            centre = polylabel(part, tolerance)
            radius = part.exterior.distance(centre) if not part.interiors else part.boundary.distance(centre)
            if best is None or radius > best[2]:
                best = (centre.x / scale, centre.y, radius)
    except (ValueError, TypeError, AttributeError, ZeroDivisionError, KeyError, IndexError):
        # a shape shapely cannot model: the map places the name itself
        return None
    if best is None:
        return None
    return [round(best[0], DECIMALS), round(best[1], DECIMALS), round(best[2], DECIMALS)]


def inner_areas(visie: Visie) -> dict[str, list[dict[str, Any]]]:
    """The geometries of each gebied's smaller gebieden (``onderdeel_van``), by the larger gebied."""
    layer = visie.kaarten.lagen.get(GEBIEDEN_LAYER)
    if layer is None:
        return {}
    by_gebied: dict[str, list[dict[str, Any]]] = {}
    for feature in layer.features:
        if feature.gebied:
            by_gebied.setdefault(feature.gebied, []).append(feature.geometry)
    inner: dict[str, list[dict[str, Any]]] = {}
    for gebied in visie.gebieden:
        if gebied.onderdeel_van and gebied.id in by_gebied:
            inner.setdefault(gebied.onderdeel_van, []).extend(by_gebied[gebied.id])
    return inner


def layer_asset(layer: Layer, visie: Visie | None = None) -> bytes:
    """The layer as compact GeoJSON (RFC 7946, WGS84, at most six decimals), UTF-8.

    Features of the gebieden layer carry ``labelpunt`` (a foreign member, see :func:`label_point`);
    given the visie, a larger gebied's name keeps clear of its smaller gebieden.
    """
    inner = inner_areas(visie) if visie is not None and layer.id == GEBIEDEN_LAYER else {}
    features = []
    for feature in layer.features:
        item: dict[str, Any] = {
            "type": "Feature",
            "properties": shown_properties(layer, feature),
            "geometry": simplify_geometry(feature.geometry),
        }
        if layer.id == GEBIEDEN_LAYER:
            point = label_point(feature.geometry, inner.get(feature.gebied or ""))
            if point is not None:
                item["labelpunt"] = point
        features.append(item)
    document = {"type": "FeatureCollection", "features": features}
    return json.dumps(document, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def cached_layer_asset(layer: Layer, visie: Visie, cache: BuildCache) -> bytes:
    """:func:`layer_asset`, made only when the layer's data (or the gebieden inside) changed."""
    inner = inner_areas(visie) if layer.id == GEBIEDEN_LAYER else {}
    key = json.dumps(
        [layer.id, layer.label, sorted(layer.velden), [[f.properties, f.geometry] for f in layer.features],
         sorted(inner.items())],
        ensure_ascii=False, separators=(",", ":"), default=str,
    )
    return cache.get("laag", key.encode("utf-8"), lambda: layer_asset(layer, visie))


def content_hash(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()[:10]


Bounds = tuple[float, float, float, float]  # west, south, east, north


def _union(bounds: list[Bounds]) -> Bounds | None:
    if not bounds:
        return None
    return (
        min(b[0] for b in bounds),
        min(b[1] for b in bounds),
        max(b[2] for b in bounds),
        max(b[3] for b in bounds),
    )


@dataclass
class GebiedIndex:
    """The features of the gebieden layer by gebied id, and their extents: made once per build, so
    a page's map and text alternative look up their gebied instead of scanning every feature."""

    features: dict[str, list[Feature]] = field(default_factory=dict)
    bounds: dict[str, Bounds] = field(default_factory=dict)


def index_gebieden(visie: Visie) -> GebiedIndex:
    index = GebiedIndex()
    layer = visie.kaarten.lagen.get(GEBIEDEN_LAYER)
    if layer is None:
        return index
    for feature in layer.features:
        if feature.gebied:
            index.features.setdefault(feature.gebied, []).append(feature)
    for gebied_id, features in index.features.items():
        found = geo.bounds_of([f.geometry for f in features])
        if found is not None:
            index.bounds[gebied_id] = found
    return index


def gebied_bounds(visie: Visie, gebied_id: str, index: GebiedIndex | None = None) -> Bounds | None:
    if index is not None:
        return index.bounds.get(gebied_id)
    layer = visie.kaarten.lagen.get(GEBIEDEN_LAYER)
    if layer is None:
        return None
    return geo.bounds_of([f.geometry for f in layer.features if f.gebied == gebied_id])


def map_bounds(visie: Visie, layer_ids: list[str], gebied_id: str | None, index: GebiedIndex | None = None) -> Bounds:
    """Where a map opens: on its gebied, else on all its layers, else on the whole gemeente."""
    if gebied_id:
        focus = gebied_bounds(visie, gebied_id, index)
        if focus is not None:
            return focus
    lagen = visie.kaarten.lagen
    found = _union([lagen[i].bounds for i in layer_ids if i in lagen and lagen[i].bounds])
    if found is None:
        found = _union([layer.bounds for layer in lagen.values() if layer.bounds])
    return found or geo.NETHERLANDS
