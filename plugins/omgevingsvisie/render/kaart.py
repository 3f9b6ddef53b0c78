"""The text alternative of a map: what it shows, the named features per layer, links to gebieden."""

from __future__ import annotations

from ..layers import GEBIEDEN_LAYER
from ..model import Layer, Visie
from ..nearby import touching
from .common import Linker, e, link


def _feature_items(
    visie: Visie, layer: Layer, linker: Linker, only_gebied: str | None, keep: set[int] | None = None
) -> list[str]:
    items = []
    for position, feature in enumerate(layer.features):
        if keep is not None and position not in keep:
            continue
        name = layer.feature_name(feature)
        if layer.id == GEBIEDEN_LAYER and feature.gebied and visie.gebied(feature.gebied):
            if only_gebied and feature.gebied != only_gebied:
                continue
            items.append(f"<li>{link(linker, feature.gebied, name or visie.title_of(feature.gebied) or feature.gebied)}</li>")
        elif name:
            items.append(f"<li>{e(name)}</li>")
    return items


def text_alternative(
    visie: Visie, layer_ids: list[str], gebied: str | None, linker: Linker, outline_only: bool = False
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
        items = _feature_items(visie, layer, linker, only, keep)
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
            f'<section class="ov-kaartlaag-tekst"><p><span class="ov-legenda" style="--ov-kleur: {e(layer.kleur)}" aria-hidden="true"></span>'
            f"<strong>{e(layer.titel)}</strong>.{description}{count}</p>{body}</section>"
        )
    return f'<div class="ov-kaart__tekst">{"".join(parts)}</div>'

