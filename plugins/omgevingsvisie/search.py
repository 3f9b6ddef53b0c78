"""What a search result needs to say about an item of the visie: its kind and what it belongs to.

Engine-agnostic: the site adapter turns these facts into whatever its search engine reads.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .model import ROL_LABELS, Gebied, Kernopgave, Keuze, Page, Visie

WHOLE_GEMEENTE = "Hele gemeente"
SOORT_LABELS = {"keuze": "Keuze", "kernopgave": "Kernopgave", "gebied": "Gebied", "pagina": "Pagina"}


@dataclass(frozen=True)
class SearchFacts:
    soort: str  # one of SOORT_LABELS
    id: str
    titel: str
    kernopgave: str | None = None  # the title of the kernopgave a keuze stands on
    rol: str | None = None  # the Dutch label of a keuze's rol
    # Titles to narrow results by: the kernopgaven and gebieden the item belongs to.
    kernopgaven: list[str] = field(default_factory=list)
    gebieden: list[str] = field(default_factory=list)
    ook_bekend_als: list[str] = field(default_factory=list)


def page_facts(visie: Visie, page: Page) -> SearchFacts:
    if isinstance(page, Kernopgave):
        return SearchFacts("kernopgave", page.id, page.titel, kernopgaven=[page.titel])
    if isinstance(page, Gebied):
        return SearchFacts("gebied", page.id, page.titel, gebieden=[page.titel], ook_bekend_als=list(page.ook_bekend_als))
    return SearchFacts("pagina", page.id, page.titel)


def keuze_facts(visie: Visie, keuze: Keuze) -> SearchFacts:
    own = visie.kernopgave(keuze.kernopgave)
    kernopgaven = [k.titel for k in (visie.kernopgave(i) for i in [keuze.kernopgave, *keuze.kernopgaven]) if k]
    # A keuze for a gebied also applies in the gebieden inside it: narrowing to one finds it.
    gebieden = [g.titel for g in _with_parts(visie, keuze.gebieden)] or [WHOLE_GEMEENTE]
    return SearchFacts(
        "keuze",
        keuze.id,
        keuze.titel,
        kernopgave=own.titel if own else keuze.kernopgave,
        rol=ROL_LABELS.get(keuze.rol) if keuze.rol else None,
        kernopgaven=list(dict.fromkeys(kernopgaven)),
        gebieden=gebieden,
    )


def _with_parts(visie: Visie, ids: list[str]) -> list[Gebied]:
    found: dict[str, Gebied] = {}
    todo = [g for g in (visie.gebied(i) for i in ids) if g]
    while todo:
        gebied = todo.pop(0)
        if gebied.id in found:
            continue
        found[gebied.id] = gebied
        todo.extend(g for g in visie.gebieden if g.onderdeel_van == gebied.id)
    return list(found.values())
