"""Map data for a site: each layer as one compact GeoJSON asset, and the extent a map opens on.

Engine-agnostic: an adapter writes :func:`layer_asset` once per layer (every map on every page
fetches that one file instead of carrying the data inline) and asks :func:`map_bounds` where a
map should look.
"""

from __future__ import annotations

import hashlib
import json
from typing import Any

from . import geo
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


def layer_asset(layer: Layer) -> bytes:
    """The layer as compact GeoJSON (RFC 7946, WGS84, at most six decimals), UTF-8."""
    document = {
        "type": "FeatureCollection",
        "features": [
            {
                "type": "Feature",
                "properties": shown_properties(layer, feature),
                "geometry": simplify_geometry(feature.geometry),
            }
            for feature in layer.features
        ],
    }
    return json.dumps(document, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


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


def gebied_bounds(visie: Visie, gebied_id: str) -> Bounds | None:
    layer = visie.kaarten.lagen.get(GEBIEDEN_LAYER)
    if layer is None:
        return None
    return geo.bounds_of([f.geometry for f in layer.features if f.gebied == gebied_id])


def map_bounds(visie: Visie, layer_ids: list[str], gebied_id: str | None) -> Bounds:
    """Where a map opens: on its gebied, else on all its layers, else on the whole gemeente."""
    if gebied_id:
        focus = gebied_bounds(visie, gebied_id)
        if focus is not None:
            return focus
    lagen = visie.kaarten.lagen
    found = _union([lagen[i].bounds for i in layer_ids if i in lagen and lagen[i].bounds])
    if found is None:
        found = _union([layer.bounds for layer in lagen.values() if layer.bounds])
    return found or geo.NETHERLANDS
