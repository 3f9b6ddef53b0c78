"""Relations derived from the visie: which keuzes apply where, the matrix, terugverwijzingen."""

from __future__ import annotations

from dataclasses import dataclass

from .model import Gebied, Kernopgave, Keuze, Reference, Visie


def ancestors(visie: Visie, gebied: Gebied) -> list[Gebied]:
    """The gebieden this gebied is part of, nearest first (loops are cut)."""
    chain: list[Gebied] = []
    current = gebied
    while current.onderdeel_van:
        parent = visie.gebied(current.onderdeel_van)
        if parent is None or parent in chain or parent is gebied:
            break
        chain.append(parent)
        current = parent
    return chain


def children(visie: Visie, gebied: Gebied) -> list[Gebied]:
    return [g for g in visie.gebieden if g.onderdeel_van == gebied.id]


def serves(keuze: Keuze, kernopgave: Kernopgave) -> bool:
    return keuze.kernopgave == kernopgave.id or kernopgave.id in keuze.kernopgaven


@dataclass
class GebiedKeuze:
    keuze: Keuze
    via: Gebied | None  # the larger gebied the keuze names, when it does not name this one


def keuzes_for_gebied(visie: Visie, gebied: Gebied) -> list[tuple[Kernopgave, list[GebiedKeuze]]]:
    """Keuzes that name the gebied or a gebied it is part of, grouped by their kernopgave."""
    larger = ancestors(visie, gebied)
    groups: list[tuple[Kernopgave, list[GebiedKeuze]]] = []
    for kernopgave in visie.kernopgaven:
        found: list[GebiedKeuze] = []
        for keuze in kernopgave.keuzes:
            if gebied.id in keuze.gebieden:
                found.append(GebiedKeuze(keuze, None))
                continue
            via = next((g for g in larger if g.id in keuze.gebieden), None)
            if via is not None:
                found.append(GebiedKeuze(keuze, via))
        if found:
            groups.append((kernopgave, found))
    return groups


def gebieden_where_applies(visie: Visie, keuze: Keuze) -> list[str]:
    """Gebied ids where a keuze applies: the ones it names and every gebied inside those."""
    found: list[str] = []
    pending = list(keuze.gebieden)
    while pending:
        current = pending.pop(0)
        if current in found:
            continue
        found.append(current)
        pending.extend(g.id for g in visie.gebieden if g.onderdeel_van == current)
    return found


def whole_gemeente_keuzes(visie: Visie) -> list[Keuze]:
    return [k for k in visie.keuzes if k.whole_gemeente]


def matrix(visie: Visie) -> dict[tuple[str, str | None], list[Keuze]]:
    """Cell (kernopgave id, gebied id or None for the whole gemeente) → keuzes that meet there."""
    cells: dict[tuple[str, str | None], list[Keuze]] = {}
    for kernopgave in visie.kernopgaven:
        for keuze in visie.keuzes:
            if not serves(keuze, kernopgave):
                continue
            for gebied in keuze.gebieden or [None]:
                cells.setdefault((kernopgave.id, gebied), []).append(keuze)
    return cells


def backlinks(visie: Visie) -> dict[str, list[Reference]]:
    """Target id → every ``[[…]]`` pointing at it, in reading order; self-references left out."""
    links: dict[str, list[Reference]] = {}
    for page in visie.published_pages():
        for reference in page.references:
            if reference.target in (reference.page_id, reference.keuze_id):
                continue
            links.setdefault(reference.target, []).append(reference)
    return links
