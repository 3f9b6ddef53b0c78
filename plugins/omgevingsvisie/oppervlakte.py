"""Areas of map geometry in hectares, measured in RD New (EPSG:28992), the Dutch national grid."""

from __future__ import annotations

from functools import lru_cache
from typing import Any, Callable

from . import geo

SQUARE_METRES_PER_HECTARE = 10_000


@lru_cache(maxsize=1)
def _wgs84_to_rd() -> Callable[[float, float], tuple[float, float]]:
    from pyproj import Transformer

    return Transformer.from_crs("EPSG:4326", "EPSG:28992", always_xy=True).transform


def _in_rd_new(geometry: dict[str, Any] | None) -> Any:
    """A shapely shape of the (WGS84) geometry in metres; empty for no geometry or no area."""
    from shapely.geometry import GeometryCollection, shape

    if not isinstance(geometry, dict):
        return GeometryCollection()
    try:
        measured = shape(geo.map_positions(geometry, _wgs84_to_rd()))
        return measured if measured.is_valid else measured.buffer(0)
    except (ValueError, TypeError, KeyError, AttributeError):
        return GeometryCollection()


def area_change(old: dict[str, Any] | None, new: dict[str, Any] | None) -> tuple[float, float]:
    """(hectares gained, hectares lost) when the outline ``old`` becomes ``new``."""
    before, after = _in_rd_new(old), _in_rd_new(new)
    gained = after.difference(before).area if not after.is_empty else 0.0
    lost = before.difference(after).area if not before.is_empty else 0.0
    return gained / SQUARE_METRES_PER_HECTARE, lost / SQUARE_METRES_PER_HECTARE


def hectares(value: float) -> str:
    """Dutch notation: '12,3 ha', '0,04 ha'."""
    text = f"{value:.1f}" if value >= 1 or value == 0 else f"{value:.2f}"
    return text.replace(".", ",") + " ha"
