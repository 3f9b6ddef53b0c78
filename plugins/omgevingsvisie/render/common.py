"""Shared helpers for HTML fragments."""

from __future__ import annotations

from html import escape
from typing import Protocol

from ..model import Reference, Visie


# Lists that repeat titles found elsewhere (a keuze appears once in search, on its own page).
# Material's search skips elements with this attribute; other engines may ignore it harmlessly.
NOT_IN_SEARCH = 'data-search-exclude=""'


class Linker(Protocol):
    """Turns an id of the visie into an href relative to the page being rendered."""

    def url(self, target_id: str) -> str: ...

    def page_url(self, page_id: str, anchor: str | None = None) -> str: ...


def e(text: object) -> str:
    return escape(str(text), quote=True)


def link(linker: Linker, target_id: str, text: str, css: str | None = None) -> str:
    klass = f' class="{css}"' if css else ""
    return f'<a href="{e(linker.url(target_id))}"{klass}>{e(text)}</a>'


def reference_source_title(visie: Visie, reference: Reference) -> str:
    page = visie.page(reference.page_id)
    page_title = page.titel if page else reference.page_id
    if reference.keuze_id:
        keuze = visie.keuze(reference.keuze_id)
        if keuze:
            return f"{keuze.titel} ({page_title})"
    return page_title


def backlink_items(visie: Visie, references: list[Reference], linker: Linker) -> str:
    items = []
    seen: set[str] = set()
    for reference in references:
        if reference.anchor in seen:
            continue
        seen.add(reference.anchor)
        href = linker.page_url(reference.page_id, reference.anchor)
        items.append(f'<li><a href="{e(href)}">{e(reference_source_title(visie, reference))}</a></li>')
    return "".join(items)
