"""The reading order of kernopgaven, gebieden and chapters."""

from __future__ import annotations

from .model import Gebied, Kernopgave, Page
from .problems import Problems


def _by_volgorde(item: Kernopgave | Gebied) -> tuple[int, int, str]:
    if item.volgorde is None:
        return (1, 0, item.titel.casefold())
    return (0, item.volgorde, item.titel.casefold())


def order_kernopgaven(kernopgaven: list[Kernopgave]) -> list[Kernopgave]:
    return sorted(kernopgaven, key=_by_volgorde)


def order_gebieden(gebieden: list[Gebied]) -> list[Gebied]:
    """Depth first: each gebied followed by the gebieden that are part of it."""
    known = {g.id for g in gebieden}
    children: dict[str | None, list[Gebied]] = {}
    for gebied in gebieden:
        parent = gebied.onderdeel_van if gebied.onderdeel_van in known else None
        children.setdefault(parent, []).append(gebied)
    ordered: list[Gebied] = []
    seen: set[str] = set()

    # Iterative depth-first walk: an onderdeel_van chain hundreds deep must not overflow the stack.
    stack = list(reversed(sorted(children.get(None, []), key=_by_volgorde)))
    while stack:
        child = stack.pop()
        if child.id in seen:
            continue
        seen.add(child.id)
        ordered.append(child)
        stack.extend(reversed(sorted(children.get(child.id, []), key=_by_volgorde)))
    # Gebieden in an onderdeel_van loop are reachable from no root; keep them, the loop is reported.
    ordered.extend(sorted((g for g in gebieden if g.id not in seen), key=_by_volgorde))
    return ordered


def order_hoofdstukken(
    chapters: list[Page], listed: list[str], lines: list[int], visie_dir: str, problems: Problems
) -> list[Page]:
    """Chapters in the order of ``hoofdstukken``; a folder's pages by title; the rest after, by title."""
    ordered: list[Page] = []
    placed: set[int] = set()  # by identity: comparing pages field by field made this quadratic
    by_title = sorted(chapters, key=lambda p: p.titel.casefold())
    for number, entry in enumerate(listed):
        line = lines[number] if number < len(lines) else None
        normalised = entry.strip().lstrip("./")
        if normalised.endswith("/"):
            matches = [p for p in by_title if p.rel_path.startswith(normalised)]
        else:
            matches = [p for p in by_title if p.rel_path == normalised]
        if not matches:
            problems.add(f"{visie_dir}/visie.yml", line, f"hoofdstukken: '{entry}' bestaat niet in {visie_dir}/")
        for page in matches:
            if id(page) not in placed:
                placed.add(id(page))
                ordered.append(page)
    ordered.extend(p for p in by_title if id(p) not in placed)
    return ordered
