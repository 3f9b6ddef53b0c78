"""GeoJSON geometry: checking, reprojecting RD New to WGS84, and bounds."""

from __future__ import annotations

from functools import lru_cache
from typing import Any, Callable, Iterator

# The Netherlands including its coastal waters and the Wadden islands, in WGS84 degrees.
NETHERLANDS = (3.0, 50.7, 7.3, 53.7)
GEOMETRY_DEPTH = {
    "Point": 0,
    "MultiPoint": 1,
    "LineString": 1,
    "MultiLineString": 2,
    "Polygon": 2,
    "MultiPolygon": 3,
}
RD_NEW_NAMES = {"urn:ogc:def:crs:EPSG::28992", "EPSG:28992", "epsg:28992", "urn:ogc:def:crs:EPSG:28992"}
WGS84_NAMES = {"urn:ogc:def:crs:OGC:1.3:CRS84", "urn:ogc:def:crs:EPSG::4326", "EPSG:4326"}


class GeometryError(ValueError):
    """A Dutch description of what is wrong with a geometry."""


def crs_name(document: dict[str, Any]) -> str | None:
    crs = document.get("crs")
    if not isinstance(crs, dict):
        return None
    properties = crs.get("properties")
    name = properties.get("name") if isinstance(properties, dict) else None
    return name if isinstance(name, str) else ""


def is_rd_new(name: str | None) -> bool:
    return name in RD_NEW_NAMES


def is_wgs84(name: str | None) -> bool:
    return name is None or name in WGS84_NAMES


def _check_positions(coordinates: Any, depth: int) -> None:
    if depth == 0:
        if (
            not isinstance(coordinates, list)
            or len(coordinates) < 2
            or not all(isinstance(c, (int, float)) and not isinstance(c, bool) for c in coordinates)
        ):
            raise GeometryError("een coördinaat moet bestaan uit twee getallen [x, y]")
        if not all(abs(c) < 1e9 for c in coordinates):
            raise GeometryError("een coördinaat is veel te groot; controleer het coördinatenstelsel")
        return
    if not isinstance(coordinates, list) or not coordinates:
        raise GeometryError("de coördinaten zijn leeg of hebben niet de juiste vorm")
    for item in coordinates:
        _check_positions(item, depth - 1)


def check_geometry(geometry: Any) -> None:
    if not isinstance(geometry, dict):
        raise GeometryError("het object heeft geen geometrie")
    kind = geometry.get("type")
    if not isinstance(kind, str):
        raise GeometryError("het geometrietype ('type') moet een tekst zijn, zoals \"Polygon\"")
    if kind == "GeometryCollection":
        members = geometry.get("geometries")
        if not isinstance(members, list):
            raise GeometryError("een GeometryCollection heeft een lijst 'geometries' nodig")
        for member in members:
            check_geometry(member)
        return
    if kind not in GEOMETRY_DEPTH:
        raise GeometryError(f"onbekend geometrietype '{kind[:40]}'")
    _check_positions(geometry.get("coordinates"), GEOMETRY_DEPTH[kind])
    if kind in ("Polygon", "MultiPolygon"):
        rings = geometry["coordinates"] if kind == "Polygon" else [r for p in geometry["coordinates"] for r in p]
        for ring in rings:
            if len(ring) < 4 or ring[0][:2] != ring[-1][:2]:
                raise GeometryError("een vlak (Polygon) moet gesloten zijn: het eerste en het laatste punt moeten gelijk zijn")


def map_positions(geometry: dict[str, Any], transform: Callable[[float, float], tuple[float, float]]) -> dict[str, Any]:
    if geometry["type"] == "GeometryCollection":
        return {**geometry, "geometries": [map_positions(g, transform) for g in geometry["geometries"]]}

    def walk(coordinates: Any, depth: int) -> Any:
        if depth == 0:
            x, y = transform(coordinates[0], coordinates[1])
            return [round(x, 6), round(y, 6)]
        return [walk(c, depth - 1) for c in coordinates]

    return {**geometry, "coordinates": walk(geometry["coordinates"], GEOMETRY_DEPTH[geometry["type"]])}


def positions(geometry: dict[str, Any]) -> Iterator[tuple[float, float]]:
    if geometry["type"] == "GeometryCollection":
        for member in geometry["geometries"]:
            yield from positions(member)
        return

    def walk(coordinates: Any, depth: int) -> Iterator[tuple[float, float]]:
        if depth == 0:
            yield coordinates[0], coordinates[1]
            return
        for item in coordinates:
            yield from walk(item, depth - 1)

    yield from walk(geometry["coordinates"], GEOMETRY_DEPTH[geometry["type"]])


@lru_cache(maxsize=1)
def _rd_to_wgs84() -> Callable[[float, float], tuple[float, float]]:
    from pyproj import Transformer

    return Transformer.from_crs("EPSG:28992", "EPSG:4326", always_xy=True).transform


def rd_new_to_wgs84(x: float, y: float) -> tuple[float, float]:
    return _rd_to_wgs84()(x, y)


def unchanged(x: float, y: float) -> tuple[float, float]:
    return x, y


def bounds_of(geometries: list[dict[str, Any]]) -> tuple[float, float, float, float] | None:
    xs: list[float] = []
    ys: list[float] = []
    for geometry in geometries:
        for x, y in positions(geometry):
            xs.append(x)
            ys.append(y)
    if not xs:
        return None
    return min(xs), min(ys), max(xs), max(ys)


def inside_netherlands(x: float, y: float) -> bool:
    west, south, east, north = NETHERLANDS
    return west <= x <= east and south <= y <= north
