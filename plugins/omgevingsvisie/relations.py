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
    return list(visie.parts_of(gebied.id))


def serves(keuze: Keuze, kernopgave: Kernopgave) -> bool:
    return keuze.kernopgave == kernopgave.id or kernopgave.id in keuze.kernopgaven


@dataclass
class GebiedKeuze:
    keuze: Keuze
    via: Gebied | None  # the larger gebied the keuze names, when it does not name this one


def applicable_keuzes(visie: Visie, gebied: Gebied) -> list[GebiedKeuze]:
    """Keuzes that name the gebied or a gebied it is part of, in reading order.

    The one rule for "applies here": the gebied pages and the matrix both use it.
    """
    # Through a lookup by gebied: scanning every keuze for every gebied grew with the square of the visie.
    found: dict[int, GebiedKeuze] = {}
    for place in (gebied, *ancestors(visie, gebied)):  # the gebied itself, then the nearest larger one
        for number, keuze in visie.keuzes_naming(place.id):
            if number not in found:
                found[number] = GebiedKeuze(keuze, None if place is gebied else place)
    return [found[number] for number in sorted(found)]


def keuzes_for_gebied(visie: Visie, gebied: Gebied) -> list[tuple[Kernopgave, list[GebiedKeuze]]]:
    """The applicable keuzes of a gebied, grouped by the kernopgave they stand on."""
    by_kernopgave: dict[str, list[GebiedKeuze]] = {}
    for item in applicable_keuzes(visie, gebied):
        by_kernopgave.setdefault(item.keuze.kernopgave, []).append(item)
    return [(k, by_kernopgave[k.id]) for k in visie.kernopgaven if k.id in by_kernopgave]


def gebieden_where_applies(visie: Visie, keuze: Keuze) -> list[str]:
    """Gebied ids where a keuze applies: the ones it names and every gebied inside those."""
    found: list[str] = []
    pending = list(keuze.gebieden)
    while pending:
        current = pending.pop(0)
        if current in found:
            continue
        found.append(current)
        pending.extend(g.id for g in visie.parts_of(current))
    return found


def whole_gemeente_keuzes(visie: Visie) -> list[Keuze]:
    return list(visie.whole_gemeente_keuzes())  # every gebied page asks: a lookup, not a scan each time


def matrix(visie: Visie) -> dict[tuple[str, str | None], list[GebiedKeuze]]:
    """Cell (kernopgave id, gebied id or None for the whole gemeente) → keuzes that apply there.

    A gebied's cell holds what its page lists (applicable_keuzes), in the row of every kernopgave
    the keuze serves; keuzes for the whole gemeente have a column of their own, as the gebied
    pages mention them apart too.
    """
    cells: dict[tuple[str, str | None], list[GebiedKeuze]] = {}
    served = {k.id: [o.id for o in visie.kernopgaven if serves(k, o)] for k in visie.keuzes}
    for gebied in visie.gebieden:
        for item in applicable_keuzes(visie, gebied):
            for kernopgave in served[item.keuze.id]:
                cells.setdefault((kernopgave, gebied.id), []).append(item)
    for keuze in whole_gemeente_keuzes(visie):
        for kernopgave in served[keuze.id]:
            cells.setdefault((kernopgave, None), []).append(GebiedKeuze(keuze, None))
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
