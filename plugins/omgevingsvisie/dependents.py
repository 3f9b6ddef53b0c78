"""Which pages a change to the visie affects, so a live preview can rebuild exactly those.

The generated overview pages (Alle keuzes, Matrix, Kaart, Gebieden, Wat geldt hier?) and the
home page are named (the overviews by their reserved ids) when a keuze, a kernopgave or a gebied's map layers change. A change to the menu (a titel, a
page added, removed or moved) is for the engine to detect, since it owns the menu.
"""

from __future__ import annotations

from collections.abc import Iterable

from .model import GENERATED_PAGES, Gebied, Kernopgave, Keuze, Page, Reference, Visie
from .relations import backlinks, gebieden_where_applies


def _by_id(pages: Iterable[Page]) -> dict[str, list[Page]]:
    found: dict[str, list[Page]] = {}
    for page in pages:
        found.setdefault(page.id, []).append(page)
    return found


def _listing(keuze: Keuze) -> tuple[object, ...]:
    """What lists of keuzes (on gebied pages) show of a keuze and where they show it."""
    return (keuze.titel, keuze.rol, keuze.kernopgave, tuple(keuze.gebieden), tuple(keuze.kernopgaven),
            tuple(keuze.kaartlagen))


def _overviews_change(before: list[Page] | None, after: list[Page] | None) -> bool:
    """Whether the overview pages may show a change of these pages (not of their prose alone)."""
    for pages in (before or [], after or []):
        for page in pages:
            if isinstance(page, Kernopgave):
                return True
    kaartlagen = [tuple(p.kaartlagen) for p in before or [] if isinstance(p, Gebied)]
    return kaartlagen != [tuple(p.kaartlagen) for p in after or [] if isinstance(p, Gebied)]


def _titles(pages: list[Page] | None) -> list[str]:
    return [page.titel for page in pages or []]


def _shown(references: list[Reference]) -> list[tuple[str, str | None, str]]:
    """What a list of terugverwijzingen shows of each: where it is and which keuze it is in."""
    return [(r.page_id, r.keuze_id, r.anchor) for r in references]


def pages_to_rebuild(old: Visie, new: Visie) -> set[str] | None:
    """Ids of the pages whose content may differ between two versions; None means every page.

    A page depends on its own source, on the titles of what it links to, on the pages that link
    to it (its terugverwijzingen) and, for a gebied, on the keuzes that apply to it.
    """
    if old.meta != new.meta or old.kaarten != new.kaarten:
        return None
    before, after = _by_id(old.pages()), _by_id(new.pages())
    changed = {page_id for page_id in before.keys() | after.keys() if before.get(page_id) != after.get(page_id)}
    if not changed:
        return set()
    if any(_titles(before.get(page_id)) != _titles(after.get(page_id)) for page_id in changed):
        return None  # a title shows in links, lists and headings all over the site
    affected = set(changed)
    if any(_overviews_change(before.get(page_id), after.get(page_id)) for page_id in changed):
        affected.update(GENERATED_PAGES)
        # the home page sums up the kernopgaven and their keuzes too
        affected.update(visie.ambitie.id for visie in (old, new) if visie.ambitie is not None)
    old_links, new_links = backlinks(old), backlinks(new)
    for target in old_links.keys() | new_links.keys():  # terugverwijzingen that changed
        if _shown(old_links.get(target, [])) != _shown(new_links.get(target, [])):
            keuze = new.keuze(target) or old.keuze(target)
            affected.add(keuze.kernopgave if keuze else target)
    old_keuzes = {k.id: k for k in old.keuzes}
    new_keuzes = {k.id: k for k in new.keuzes}
    for keuze_id in old_keuzes.keys() | new_keuzes.keys():
        was, now = old_keuzes.get(keuze_id), new_keuzes.get(keuze_id)
        if was is not None and now is not None and _listing(was) == _listing(now):
            continue
        for links, visie in ((old_links, old), (new_links, new)):
            for reference in links.get(keuze_id, []):  # their links show its title
                affected.add(reference.page_id)
            for target, references in links.items():  # terugverwijzingen from it show its title
                if any(r.keuze_id == keuze_id for r in references):
                    keuze = visie.keuze(target)
                    affected.add(keuze.kernopgave if keuze else target)
        if was is not None:
            affected.update(gebieden_where_applies(old, was))
        if now is not None:
            affected.update(gebieden_where_applies(new, now))
    if sum(k.whole_gemeente for k in old_keuzes.values()) != sum(k.whole_gemeente for k in new_keuzes.values()):
        affected.update(g.id for g in new.gebieden)  # every gebied page counts them
    return affected
