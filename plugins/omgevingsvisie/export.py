"""The visie as open data: ``visie.json``, the basis for comparing two versions."""

from __future__ import annotations

from typing import Any

from .model import Page, Visie

FORMAT = 1


def _own_text(page: Page) -> str:
    """The page's text without its keuze blocks: keuzes are compared as items of their own."""
    keuzes = getattr(page, "keuzes", [])
    if not keuzes:
        return page.body.strip()
    lines = page.body.splitlines()
    keep = [
        line for number, line in enumerate(lines, start=page.body_line)
        if not any(k.line <= number <= k.end_line for k in keuzes)
    ]
    return "\n".join(keep).strip()


def _page(visie: Visie, page: Page) -> dict[str, Any]:
    return {
        "id": page.id,
        "titel": page.titel,
        "soort": page.kind,
        "pad": page.path,
        "status": visie.meta.status,
        "tekst": _own_text(page),
        "kaartlagen": list(page.kaartlagen),
        "verwijzingen": sorted({r.target for r in page.references if r.keuze_id is None}),
    }


def export_visie(visie: Visie) -> dict[str, Any]:
    meta = visie.meta
    status = meta.status
    return {
        "formaat": FORMAT,
        "gemeente": meta.gemeente,
        "titel": meta.titel,
        "status": status,
        "versie": meta.versie,
        "datum": meta.datum.isoformat() if meta.datum else None,
        "kernopgaven": [
            {**_page(visie, k), "kort": k.kort, "volgorde": k.volgorde, "kleur": k.kleur,
             "keuzes": [keuze.id for keuze in k.keuzes]}
            for k in visie.kernopgaven
        ],
        "gebieden": [
            {**_page(visie, g), "onderdeel_van": g.onderdeel_van, "volgorde": g.volgorde,
             "ook_bekend_als": list(g.ook_bekend_als)}
            for g in visie.gebieden
        ],
        "keuzes": [
            {
                "id": k.id,
                "titel": k.titel,
                "status": status,
                "kernopgave": k.kernopgave,
                "gebieden": list(k.gebieden),
                "rol": k.rol,
                "kernopgaven": list(k.kernopgaven),
                "kaartlagen": list(k.kaartlagen),
                "tekst": k.body.strip(),
                "verwijzingen": sorted(
                    {r.target for p in visie.kernopgaven if p.id == k.kernopgave for r in p.references if r.keuze_id == k.id}
                ),
            }
            for k in visie.keuzes
        ],
        "paginas": [_page(visie, p) for p in ([visie.ambitie] if visie.ambitie else []) + visie.hoofdstukken],
        "lagen": [
            {
                "id": layer.id,
                "titel": layer.titel,
                "kleur": layer.kleur,
                "label": layer.label,
                "velden": dict(layer.velden),
                "omschrijving": layer.omschrijving,
                "geojson": layer.to_geojson(),
            }
            for layer in visie.kaarten.lagen.values()
        ],
    }
