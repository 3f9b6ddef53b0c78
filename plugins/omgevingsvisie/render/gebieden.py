"""The Gebieden overview page: every gebied in its hierarchy, with the number of keuzes for it."""

from __future__ import annotations

from ..model import Gebied, Visie
from .common import Linker, e, link

GEBIEDEN_ID = "gebieden"


def gebied_anchor(gebied: Gebied) -> str:
    """The anchor of a gebied's entry on the overview page, so the menu can point into the list."""
    return f"gebied-{gebied.id}"


def gebied_tree(visie: Visie) -> tuple[list[Gebied], dict[str, list[Gebied]]]:
    """Top-level gebieden and, by id, the gebieden directly inside each one, in reading order."""
    inside: dict[str, list[Gebied]] = {}
    roots: list[Gebied] = []
    for gebied in visie.gebieden:
        parent = visie.gebied(gebied.onderdeel_van) if gebied.onderdeel_van else None
        if parent is None or parent is gebied:
            roots.append(gebied)
        else:
            inside.setdefault(parent.id, []).append(gebied)
    return roots, inside


def keuze_counts(visie: Visie) -> dict[str, int]:
    """Gebied id → how many keuzes its page lists: those naming it or a gebied it lies in."""
    _, inside = gebied_tree(visie)
    counts: dict[str, int] = {}
    for keuze in visie.keuzes:
        reached: set[str] = set()
        pending = list(keuze.gebieden)
        while pending:
            current = pending.pop()
            if current in reached:
                continue
            reached.add(current)
            pending.extend(g.id for g in inside.get(current, []))
        for gebied_id in reached:
            counts[gebied_id] = counts.get(gebied_id, 0) + 1
    return counts


def _keuzes_label(count: int) -> str:
    if count == 0:
        return "geen keuzes"
    return "1 keuze" if count == 1 else f"{count} keuzes"


def gebieden_overview(visie: Visie, linker: Linker) -> str:
    """A nested list of all gebieden with links; HTML after the page's introduction."""
    roots, inside = gebied_tree(visie)
    counts = keuze_counts(visie)
    if not roots:
        return "<p>Deze visie beschrijft geen gebieden.</p>"

    def items(gebieden: list[Gebied], seen: set[str]) -> str:
        parts = []
        for gebied in gebieden:
            if gebied.id in seen:  # a loop in onderdeel_van is reported by the checks; list it once
                continue
            seen.add(gebied.id)
            deeper = inside.get(gebied.id, [])
            nested = f'<ul class="ov-gebiedenlijst">{items(deeper, seen)}</ul>' if deeper else ""
            parts.append(
                f'<li id="{e(gebied_anchor(gebied))}">{link(linker, gebied.id, gebied.titel)} '
                f'<span class="ov-aantal">({_keuzes_label(counts.get(gebied.id, 0))})</span>{nested}</li>'
            )
        return "".join(parts)

    total = len(visie.gebieden)
    intro = f"<p>De visie beschrijft {total} {'gebied' if total == 1 else 'gebieden'}.</p>"
    return f'{intro}<ul class="ov-gebiedenlijst ov-gebiedenlijst--boom">{items(roots, set())}</ul>'
