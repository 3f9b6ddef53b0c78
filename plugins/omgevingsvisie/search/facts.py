"""What a search result needs to say about an item of the visie: its kind and what it belongs to."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..model import ROL_LABELS, Gebied, Kernopgave, Keuze, Page, Visie

SOORTEN = ("keuze", "kernopgave", "gebied", "pagina")
SOORT_LABELS = {"keuze": "Keuze", "kernopgave": "Kernopgave", "gebied": "Gebied", "pagina": "Pagina"}


@dataclass(frozen=True)
class SearchFacts:
    soort: str  # one of SOORTEN
    id: str
    titel: str
    kernopgave: str | None = None  # the title of the kernopgave a keuze stands on
    rol: str | None = None  # the Dutch label of a keuze's rol
    # Ids to narrow results by: the kernopgaven an item belongs to, and the gebieden a keuze names
    # (or a gebied page is). The index knows which gebieden lie in which, so a keuze for a gebied
    # is also found when narrowing to a gebied inside it.
    kernopgaven: tuple[str, ...] = ()
    gebieden: tuple[str, ...] = ()
    whole_gemeente: bool = False  # a keuze for the whole gemeente: found under every gebied
    ook_bekend_als: tuple[str, ...] = ()
    # Other names a reader may type in full for this item (a kernopgave's short name).
    namen: tuple[str, ...] = ()


def page_facts(visie: Visie, page: Page) -> SearchFacts:
    if isinstance(page, Kernopgave):
        return SearchFacts("kernopgave", page.id, page.titel, kernopgaven=(page.id,),
                           namen=(page.kort,) if page.kort else ())
    if isinstance(page, Gebied):
        return SearchFacts("gebied", page.id, page.titel, gebieden=(page.id,), ook_bekend_als=tuple(page.ook_bekend_als))
    return SearchFacts("pagina", page.id, page.titel)


def keuze_facts(visie: Visie, keuze: Keuze) -> SearchFacts:
    own = visie.kernopgave(keuze.kernopgave)
    kernopgaven = [i for i in [keuze.kernopgave, *keuze.kernopgaven] if visie.kernopgave(i) is not None]
    return SearchFacts(
        "keuze",
        keuze.id,
        keuze.titel,
        kernopgave=own.titel if own else keuze.kernopgave,
        rol=ROL_LABELS.get(keuze.rol) if keuze.rol else None,
        kernopgaven=tuple(dict.fromkeys(kernopgaven)),
        gebieden=tuple(g for g in dict.fromkeys(keuze.gebieden) if visie.gebied(g) is not None),
        whole_gemeente=keuze.whole_gemeente,
    )
