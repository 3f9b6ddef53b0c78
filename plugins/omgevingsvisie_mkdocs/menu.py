"""The Gebieden part of the menu, kept the same size whatever the number of gebieden.

Material writes the menu into every page. A flat section of N gebieden made every gebied page
O(N) (and the site O(N²)), even with ``navigation.prune``, which keeps all siblings of the open
section. Per page, the Gebieden section shows the overview page, the top-level gebieden and the
branch of the page being shown; a level with more than ``SIBLING_LIMIT`` gebieden shows only the
open one, followed by a link into the full list on the Gebieden overview page.
"""

from __future__ import annotations

import copy
from typing import Any, Callable

from mkdocs.structure.nav import Link, Navigation, Section
from mkdocs.structure.pages import Page as MkDocsPage

from omgevingsvisie.placeholders import markdown_literal
from omgevingsvisie.render.common import e
from omgevingsvisie.render.gebieden import GEBIEDEN_ID, gebieden_overview

from .context import RenderContext

GEBIEDEN_PAGE = ("Gebieden", "gebieden.md")
SIBLING_LIMIT = 12

Insert = Callable[[Callable[[], str]], str]


def gebieden_markdown(context: RenderContext, insert: Insert) -> str:
    intro = (
        f"Alle gebieden van de {markdown_literal(context.visie.meta.titel)}, met de gebieden die erin liggen. "
        "Achter elk gebied staat hoeveel richtinggevende keuzes ervoor gelden."
    )
    return f"# {GEBIEDEN_PAGE[0]}\n\n{intro}\n\n" + insert(lambda: gebieden_overview(context.visie, context.linker)) + "\n"


def gebieden_link(context: RenderContext) -> str:
    """For the home page: the way to every gebied in one tap, also on a phone."""
    href = e(context.linker.url(GEBIEDEN_ID))
    return (
        f'<p class="ov-naar-gebieden"><a href="{href}">Alle gebieden</a> op een rij, '
        "met per gebied het aantal keuzes.</p>"
    )


def _is_overview(item: Any) -> bool:
    file = getattr(item, "file", None)
    return file is not None and file.src_uri == GEBIEDEN_PAGE[1]


def _collapsed(section: Section) -> Section:
    """A closed section: Material shows it as one link to its first page."""
    shown = copy.copy(section)
    shown.children = section.children[:1]
    return shown


AnchorOf = Callable[[str], "str | None"]  # a gebied page's source path → its anchor on the overview


def _prune(section: Section, menu: "_Menu", anchor: str | None) -> Section:
    first, *rest = section.children
    children = [first, *rest]
    if len(rest) > SIBLING_LIMIT:
        # The open child, from the page's own ancestry: looking for it among the siblings made
        # every page of a long list cost as much as the list (quadratic over a visie).
        on_path = menu.on_path.get(id(section))
        children = [first] if on_path is None or on_path is first else [first, on_path]
        if anchor is not None:  # at the top, the overview page itself is the first entry
            children.append(Link(f"Alle {len(rest)} gebieden hierin", f"{menu.overview.url}#{anchor}"))
    shown = copy.copy(section)
    shown.children = [_open_or_closed(item, menu) for item in children]
    return shown


def _open_or_closed(item: Any, menu: "_Menu") -> Any:
    if not isinstance(item, Section):
        return item
    if not item.active:
        return _collapsed(item)
    first = item.children[0] if item.children else None
    anchor = menu.anchor_of(first.file.src_uri) if isinstance(first, MkDocsPage) else None
    return _prune(item, menu, anchor)


class _Menu:
    def __init__(self, overview: MkDocsPage, anchor_of: AnchorOf, page: MkDocsPage) -> None:
        self.overview = overview
        self.anchor_of = anchor_of
        # section (by identity) → its child on the way to the page being built
        self.on_path: dict[int, Any] = {}
        node: Any = page
        while getattr(node, "parent", None) is not None:
            self.on_path[id(node.parent)] = node
            node = node.parent


def menu_for_page(nav: Navigation, anchor_of: AnchorOf, page: MkDocsPage) -> Navigation:
    """The menu as ``page`` (the page being built, the active one in ``nav``) shows it."""
    index = next(
        (i for i, item in enumerate(nav.items)
         if isinstance(item, Section) and item.children and _is_overview(item.children[0])),
        None,
    )
    if index is None:
        return nav
    section: Section = nav.items[index]
    overview = section.children[0]
    shown = copy.copy(nav)
    shown.items = list(nav.items)
    if not section.active:
        shown.items[index] = _collapsed(section)
    else:
        shown.items[index] = _prune(section, _Menu(overview, anchor_of, page), None)
    return shown
