"""The text alternative of a map: what it shows, the named features per layer, links to gebieden."""

from __future__ import annotations

from ..kaartdata import GebiedIndex, index_gebieden
from ..layers import GEBIEDEN_LAYER
from ..model import Layer, Visie
from ..nearby import touching
from .common import Linker, e, link
from .kleuren import colour_class


def _feature_items(
    visie: Visie,
    layer: Layer,
    linker: Linker,
    only_gebied: str | None,
    index: GebiedIndex | None = None,
    keep: set[int] | None = None,
) -> list[str]:
    items = []
    if only_gebied and layer.id == GEBIEDEN_LAYER:
        # Only the focused gebied: looked up, not found by scanning (that made N pages cost N²).
        features = list((index or index_gebieden(visie)).features.get(only_gebied, []))
    elif keep is not None:
        features = [layer.features[position] for position in sorted(keep)]
    else:
        features = layer.features
    for feature in features:
        name = layer.feature_name(feature)
        if layer.id == GEBIEDEN_LAYER and feature.gebied and visie.gebied(feature.gebied):
            if only_gebied and feature.gebied != only_gebied:
                continue
            items.append(f"<li>{link(linker, feature.gebied, name or visie.title_of(feature.gebied) or feature.gebied)}</li>")
        elif name:
            items.append(f"<li>{e(name)}</li>")
    return items


def text_alternative(
    visie: Visie,
    layer_ids: list[str],
    gebied: str | None,
    linker: Linker,
    outline_only: bool = False,
    index: GebiedIndex | None = None,
) -> str:
    """A ``<div>`` describing the map in words; the map itself is an enhancement of this text.

    ``outline_only``: of the gebieden layer, name only the focused gebied (a gebied page's own outline).
    """
    parts = []
    focus = visie.gebied(gebied) if gebied else None
    if focus is not None:
        parts.append(f"<p>De kaart toont {link(linker, focus.id, focus.titel)} en omgeving.</p>")
    for layer_id in layer_ids:
        layer = visie.kaarten.lagen.get(layer_id)
        if layer is None:
            continue
        only = focus.id if (focus is not None and outline_only and layer.id == GEBIEDEN_LAYER) else None
        # On a gebied page, the other layers' objects that touch the gebied (from a precomputed index).
        keep = touching(visie, layer.id, focus.id) if (focus is not None and outline_only and only is None) else None
        items = _feature_items(visie, layer, linker, only, index, keep)
        description = f" {e(layer.omschrijving)}" if layer.omschrijving else ""
        total = len(layer.features) if keep is None else len(keep)
        unnamed = total - len(items)
        count = ""
        if keep is not None and not keep:
            count = " Geen objecten van deze laag in dit gebied."
        elif not items:
            count = f" {total} objecten zonder naam."
        elif unnamed > 0 and only is None:
            count = f" Daarnaast {unnamed} objecten zonder naam."
        body = f'<ul>{"".join(items)}</ul>' if items else ""
        parts.append(
            f'<section class="ov-kaartlaag-tekst"><p><span class="ov-legenda {colour_class(layer.kleur)}" aria-hidden="true"></span>'
            f"<strong>{e(layer.titel)}</strong>.{description}{count}</p>{body}</section>"
        )
    return f'<div class="ov-kaart__tekst">{"".join(parts)}</div>'

