"""What the Wat geldt hier? page needs in the browser, as one small JSON document.

The browser finds the gebieden around a point itself, from the published layer assets; this
document tells it what those gebieden are called, where their pages are, which keuzes name
which gebied and how the layers are labelled. URLs are relative to the site root.
"""

from __future__ import annotations

import json
from typing import Any, Callable

from .kaartdata import map_bounds
from .layers import GEBIEDEN_LAYER
from .model import ROL_LABELS, Visie

PAGE_ID = "wat-geldt-hier"
# Objects of a point or line layer count as "here" within this distance of the point.
DISTANCE_METRES = 250

UrlOf = Callable[[str], str | None]  # an id of the visie to its URL from the site root, if published


def keuze_url(visie: Visie, url_of: UrlOf, keuze_id: str) -> str | None:
    keuze = visie.keuze(keuze_id)
    page = url_of(keuze.kernopgave) if keuze else None
    return None if page is None else f"{page}#{keuze_id}"


def locator_data(
    visie: Visie,
    url_of: UrlOf,
    layer_urls: dict[str, str],
    background: dict[str, str] | None,
) -> dict[str, Any]:
    lagen = visie.kaarten.lagen
    west, south, east, north = map_bounds(visie, list(lagen), None)
    return {
        "gemeente": visie.meta.gemeente,
        "adresZoeken": visie.meta.adres_zoeken,
        "afstand": DISTANCE_METRES,
        "grenzen": [[south, west], [north, east]],
        "achtergrond": background,
        "gebieden": [
            {
                "id": g.id,
                "titel": g.titel,
                "url": url_of(g.id),
                "onderdeelVan": g.onderdeel_van if g.onderdeel_van and visie.gebied(g.onderdeel_van) else None,
            }
            for g in visie.gebieden
        ],
        "kernopgaven": [
            {"id": k.id, "titel": k.titel, "url": url_of(k.id), "kleur": k.kleur} for k in visie.kernopgaven
        ],
        "keuzes": [
            {
                "id": k.id,
                "titel": k.titel,
                "url": keuze_url(visie, url_of, k.id),
                "kernopgave": k.kernopgave,
                "rol": k.rol,
                "gebieden": [g for g in k.gebieden if visie.gebied(g)],
            }
            for k in visie.keuzes
        ],
        "rollen": dict(ROL_LABELS),
        "lagen": [
            {
                "id": layer.id,
                "titel": layer.titel,
                "url": layer_urls[layer.id],
                "kleur": layer.kleur,
                "label": layer.label,
                "velden": [[key, label] for key, label in layer.velden.items()],
                "gebieden": layer.id == GEBIEDEN_LAYER,
            }
            for layer in lagen.values()
            if layer.id in layer_urls
        ],
    }


def locator_asset(data: dict[str, Any]) -> bytes:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
