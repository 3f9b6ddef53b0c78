"""The parts of a rendered keuze around its toelichting."""

from __future__ import annotations

from ..model import ROL_LABELS, ROL_UITLEG, Keuze, Visie
from .common import NOT_IN_SEARCH, Linker, backlink_items, e, link


LABEL = '<p class="ov-keuze__soort" data-search-exclude="">Richtinggevende keuze</p>'


def keuze_kenmerken(visie: Visie, keuze: Keuze, linker: Linker) -> str:
    """The list under a keuze's heading: kernopgave, rol, gebieden and what else it serves."""
    own = visie.kernopgave(keuze.kernopgave)
    rows = [f"<div><dt>Kernopgave</dt><dd>{e(own.titel if own else keuze.kernopgave)}</dd></div>"]
    if keuze.rol:
        rows.append(
            "<div><dt>Rol van de gemeente</dt>"
            f'<dd><span class="ov-rol ov-rol--{e(keuze.rol)}">{e(ROL_LABELS[keuze.rol])}</span>: '
            f"{e(ROL_UITLEG[keuze.rol])}</dd></div>"
        )
    if keuze.gebieden:
        links = ", ".join(link(linker, g, visie.title_of(g) or g) for g in keuze.gebieden if visie.gebied(g))
        rows.append(f"<div><dt>Gebieden</dt><dd>{links}</dd></div>")
    else:
        rows.append("<div><dt>Gebieden</dt><dd>de hele gemeente</dd></div>")
    others = [k for k in keuze.kernopgaven if k != keuze.kernopgave and visie.kernopgave(k)]
    if others:
        links = ", ".join(link(linker, k, visie.title_of(k) or k) for k in others)
        rows.append(f"<div><dt>Draagt ook bij aan</dt><dd>{links}</dd></div>")
    return f'<dl class="ov-keuze__kenmerken">{"".join(rows)}</dl>'


def keuze_footer(visie: Visie, keuze: Keuze, linker: Linker, backlinks: list) -> str:
    parts = []
    if backlinks:
        parts.append(
            f'<div class="ov-terugverwijzingen" {NOT_IN_SEARCH}><p class="ov-terugverwijzingen__kop">Verwezen vanuit</p>'
            f"<ul>{backlink_items(visie, backlinks, linker)}</ul></div>"
        )
    parts.append(f'<p class="ov-keuze__id">Id van deze keuze: <code>{e(keuze.id)}</code></p>')
    return f'<footer class="ov-keuze__voet">{"".join(parts)}</footer>'
