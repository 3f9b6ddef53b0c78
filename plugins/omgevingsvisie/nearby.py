"""Which objects of the other layers touch each gebied, computed once per visie.

A gebied page's map text names only the objects that touch that gebied. Asking that per page
with a loop over every feature would make a build grow with gebieden times features; one
spatial index per layer answers it for all gebieden at once.
"""

from __future__ import annotations

import json
from typing import Any

from .build_cache import BuildCache
from .layers import GEBIEDEN_LAYER
from .model import Visie

TouchIndex = dict[str, dict[str, set[int]]]  # layer id: gebied id: positions of its features
_last: tuple[int, int, Visie, TouchIndex] | None = None


def _shape(geometry: dict[str, Any]) -> Any:
    from shapely.geometry import shape

    try:
        found = shape(geometry)
        return found if found.is_valid else found.buffer(0)
    except (ValueError, TypeError, AttributeError):  # geometry shapely cannot model
        return None


def build_touch_index(visie: Visie) -> TouchIndex:
    from shapely.strtree import STRtree

    lagen = visie.kaarten.lagen
    gebieden = lagen.get(GEBIEDEN_LAYER)
    index: TouchIndex = {}
    if gebieden is None or all(layer_id == GEBIEDEN_LAYER for layer_id in lagen):
        return index  # nothing to relate (and no reason to load shapely)
    outlines = [(f.gebied, _shape(f.geometry)) for f in gebieden.features if f.gebied]
    outlines = [(gid, s) for gid, s in outlines if s is not None and not s.is_empty]
    for layer in lagen.values():
        if layer.id == GEBIEDEN_LAYER:
            continue
        shapes = [(i, _shape(f.geometry)) for i, f in enumerate(layer.features)]
        shapes = [(i, s) for i, s in shapes if s is not None and not s.is_empty]
        per_gebied: dict[str, set[int]] = {}
        index[layer.id] = per_gebied
        if not shapes:
            continue
        tree = STRtree([s for _, s in shapes])
        for gebied_id, outline in outlines:
            hits = tree.query(outline, predicate="intersects")
            per_gebied.setdefault(gebied_id, set()).update(shapes[int(h)][0] for h in hits)
    return index


def cached_touch_index(visie: Visie, cache: BuildCache) -> TouchIndex:
    """The touch index of :func:`build_touch_index`, worked out only when a layer changed; it also
    answers :func:`touching` for this visie from now on."""
    global _last
    lagen = visie.kaarten.lagen
    key = json.dumps(
        [[layer.id, [[f.gebied, f.geometry] for f in layer.features]] for layer in lagen.values()],
        ensure_ascii=False, separators=(",", ":"), default=str,
    )

    def make() -> bytes:
        found = build_touch_index(visie)
        return json.dumps({layer: {g: sorted(p) for g, p in per.items()} for layer, per in found.items()}).encode()

    data = json.loads(cache.get("raakt", key.encode("utf-8"), make))
    index = {layer: {g: set(p) for g, p in per.items()} for layer, per in data.items()}
    _last = (id(visie), id(lagen), visie, index)
    return index


def touching(visie: Visie, layer_id: str, gebied_id: str) -> set[int]:
    """Positions (in ``layer.features``) of the features of a layer that touch a gebied's outline."""
    global _last
    key = (id(visie), id(visie.kaarten.lagen))
    if _last is None or _last[:2] != key or _last[2] is not visie:
        _last = (*key, visie, build_touch_index(visie))
    return _last[3].get(layer_id, {}).get(gebied_id, set())
