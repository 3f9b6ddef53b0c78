"""The site navigation, derived from the visie so nobody edits ``nav`` in mkdocs.yml."""

from __future__ import annotations

from typing import Any

from omgevingsvisie.model import Gebied, Page, Visie
from omgevingsvisie.relations import children

MENU_TITLE = "Alle gebieden"  # the Gebieden overview page's entry, first in the Gebieden section
NavItem = Any  # MkDocs' nav config: a path, or a {title: path-or-list} mapping


def _gebied_entry(visie: Visie, gebied: Gebied) -> NavItem:
    deeper = children(visie, gebied)
    if not deeper:
        return {gebied.titel: gebied.rel_path}
    return {gebied.titel: [{gebied.titel: gebied.rel_path}, *(_gebied_entry(visie, g) for g in deeper)]}


def _chapter_entries(chapters: list[Page]) -> list[NavItem]:
    entries: list[NavItem] = []
    folders: dict[str, list[NavItem]] = {}
    for chapter in chapters:
        if "/" in chapter.rel_path:
            folder = chapter.rel_path.split("/", 1)[0]
            if folder not in folders:
                folders[folder] = []
                entries.append({folder.replace("-", " ").capitalize(): folders[folder]})
            folders[folder].append({chapter.titel: chapter.rel_path})
        else:
            entries.append({chapter.titel: chapter.rel_path})
    return entries


def build_nav(
    visie: Visie, generated: list[tuple[str, str]], site_pages: list[Page], gebieden_page: str | None = None
) -> list[NavItem]:
    """The menu tree; ``gebieden_page`` (the Gebieden overview) opens the Gebieden section."""
    nav: list[NavItem] = []
    if visie.ambitie is not None:
        nav.append({visie.ambitie.titel: visie.ambitie.rel_path})
    if visie.kernopgaven:
        nav.append({"Kernopgaven": [{k.label: k.rel_path} for k in visie.kernopgaven]})
    roots = [g for g in visie.gebieden if not g.onderdeel_van or visie.gebied(g.onderdeel_van) is None]
    if roots:
        overview = [{MENU_TITLE: gebieden_page}] if gebieden_page else []
        nav.append({"Gebieden": [*overview, *(_gebied_entry(visie, g) for g in roots)]})
    if generated:
        nav.append({"Overzichten": [{title: path} for title, path in generated]})
    nav.extend(_chapter_entries(visie.hoofdstukken))
    nav.extend(_chapter_entries(sorted(site_pages, key=lambda p: p.titel.casefold())))
    return nav
