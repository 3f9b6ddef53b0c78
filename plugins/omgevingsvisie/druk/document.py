"""The HTML of the visie as one printed document: cover, contents with page numbers, every page.

Engine-agnostic. The adapter passes ``body_html``, which turns a page's Markdown into HTML with
the site's own Markdown extensions (keuze and kaart blocks included) and this module's
:class:`PrintLinker`, so links and marks are the same as on the site but point inside the PDF.
"""

from __future__ import annotations

import base64
import datetime as _dt
import re
from pathlib import Path, PurePosixPath
from typing import Callable

from ..markdown_scan import REFERENCE, replace_outside_code
from ..model import Gebied, Kernopgave, Page, Visie
from ..order import order_gebieden, order_kernopgaven
from ..pages import first_heading
from ..placeholders import dutch_date, fill_placeholders
from ..render import gebied_keuzes, text_alternative
from ..render.common import e
from .svgkaart import legend, svg_map

STYLESHEET = Path(__file__).with_name("druk.css")
STATUS_TITLES = {"concept": "Concept", "ontwerp": "Ontwerp", "vastgesteld": "Vastgesteld"}
# Marks an href made by the linker: global already, not an anchor inside the page it stands on.
GLOBAL = "#~"
ID = re.compile(r'(\sid=")([^"]+)(")')
LOCAL_HREF = re.compile(r'(\shref=")#(?!~)([^"]*)(")')
RELATIVE_HREF = re.compile(r'\shref="(?![a-z][a-z0-9+.-]*:|#|/)([^"#]*)(#[^"]*)?"', re.IGNORECASE)
RELATIVE_SRC = re.compile(r'(\ssrc=")(?![a-z][a-z0-9+.-]*:|/)([^"]+)(")', re.IGNORECASE)
HEADING = re.compile(r"<(/?)h([1-5])\b")

BodyHtml = Callable[[Page, str], str]  # (page, Markdown with links resolved) -> HTML


def anchor_of(page_id: str, anchor: str | None = None) -> str:
    """Every id inside a page is prefixed with the page's id: headings repeat from page to page."""
    return f"{page_id}--{anchor}" if anchor else page_id


class PrintLinker:
    """Links inside the document: every page and keuze is an anchor in the same file."""

    def __init__(self, visie: Visie) -> None:
        self.visie = visie

    def url(self, target_id: str) -> str:
        keuze = self.visie.keuze(target_id)
        if keuze is not None:
            return GLOBAL + anchor_of(keuze.kernopgave, keuze.id)
        if self.visie.page(target_id) is not None:
            return GLOBAL + target_id
        return GLOBAL + "inhoud"  # Alle keuzes, Matrix, Kaart: pages of the website only

    def page_url(self, page_id: str, anchor: str | None = None) -> str:
        if self.visie.page(page_id) is None:
            return GLOBAL + "inhoud"
        return GLOBAL + anchor_of(page_id, anchor)


def map_picture(visie: Visie, layer_ids: list[str], gebied: str | None, outline_only: bool) -> str:
    """The static map and its legend; the text alternative follows it in the figure."""
    svg = svg_map(visie, layer_ids, gebied, outline_only)
    source = "data:image/svg+xml;base64," + base64.b64encode(svg.encode("utf-8")).decode("ascii")
    return (
        '<div class="ov-druk-kaart">'
        f'<img src="{source}" alt="Kaart; de legenda staat ernaast, wat de kaart toont staat in de tekst eronder."/>'
        f"{legend(visie, layer_ids)}</div>"
    )


def map_figure(visie: Visie, titel: str, layer_ids: list[str], gebied: str | None, linker: PrintLinker,
               number: int, outline_only: bool = False) -> str:
    known = [layer for layer in layer_ids if layer in visie.kaarten.lagen]
    if not known:
        return ""
    return (
        f'<figure class="ov-kaart" aria-labelledby="ov-kaart-{number}-titel">'
        f'<figcaption id="ov-kaart-{number}-titel" class="ov-kaart__titel">{e(titel)}</figcaption>'
        f"{map_picture(visie, known, gebied, outline_only)}"
        f"{text_alternative(visie, known, gebied, linker, outline_only)}</figure>"
    )


def _markdown_escape(text: str) -> str:
    return re.sub(r"([\\`*_\[\]{}<>#|!])", r"\\\1", text)


def page_markdown(visie: Visie, page: Page, linker: PrintLinker) -> str:
    """The page's body with placeholders filled and ``[[id]]`` as links, and a title if it has none."""
    text = fill_placeholders(page.body, visie.meta)
    references = iter(page.references)

    def replace(_line: int, match: re.Match[str]) -> str:
        reference = next(references, None)
        target = match.group(1).strip()
        title = visie.title_of(target)
        if reference is None or title is None:
            return _markdown_escape(match.group(0))
        return f"[{_markdown_escape(reference.text or title)}]({linker.url(target)}){{#{reference.anchor}}}"

    text = replace_outside_code(text, REFERENCE, replace)
    if first_heading(page.body) is None:
        text = f"# {_markdown_escape(page.titel)}\n\n{text}"
    return text


def _resolve_links(html: str, page: Page, by_path: dict[str, str], source_dir: Path | None) -> str:
    """Links to other Markdown files of the visie point at their page in the document."""
    here = PurePosixPath(page.rel_path).parent

    def href(match: re.Match[str]) -> str:
        target, fragment = match.group(1), (match.group(2) or "")[1:]
        parts: list[str] = []
        for part in (here / target).parts:
            if part == "..":
                if parts:
                    parts.pop()
            elif part != ".":
                parts.append(part)
        found = by_path.get("/".join(parts)) if target else page.id
        if found is None:
            return ""  # a page of the website only: the text stays, without a dead link
        return f' href="{GLOBAL}{anchor_of(found, fragment or None)}"'

    html = RELATIVE_HREF.sub(href, html)
    if source_dir is not None:
        folder = source_dir / here

        def src(match: re.Match[str]) -> str:
            file = (folder / match.group(2)).resolve()
            return f"{match.group(1)}{file.as_uri()}{match.group(3)}" if file.is_file() else match.group(0)

        html = RELATIVE_SRC.sub(src, html)
    return html


def _scoped(html: str, page_id: str) -> str:
    html = ID.sub(lambda m: f"{m.group(1)}{anchor_of(page_id, m.group(2))}{m.group(3)}", html)
    html = LOCAL_HREF.sub(lambda m: f"{m.group(1)}#{anchor_of(page_id, m.group(2) or None)}{m.group(3)}", html)
    return html


def _demoted(html: str) -> str:
    """One heading level down: the page stands inside a part (Kernopgaven, Gebieden)."""
    return HEADING.sub(lambda m: f"<{m.group(1)}h{int(m.group(2)) + 1}", html)


def _page_html(visie: Visie, page: Page, body_html: BodyHtml, linker: PrintLinker, by_path: dict[str, str],
               source_dir: Path | None, in_part: bool, extra: Callable[[Page], str] | None) -> str:
    html = body_html(page, page_markdown(visie, page, linker))
    if isinstance(page, Gebied):
        layers = ["gebieden", *[k for k in page.kaartlagen if k != "gebieden"]]
        figure = map_figure(visie, f"Ligging van {page.titel} (indicatief)", layers, page.id, linker, 101, True)
        end = html.find("</h1>")  # under the page's title
        html = html[: end + 5] + figure + html[end + 5 :] if end >= 0 else figure + html
        html += f'<h2 id="keuzes-voor-dit-gebied">Keuzes voor dit gebied</h2>{gebied_keuzes(visie, page, linker)}'
    if isinstance(page, Kernopgave) and page.kaartlagen:
        html += '<h2 id="kaart">Kaart</h2>' + map_figure(visie, f"Kaart bij {page.titel}", page.kaartlagen, None, linker, 102)
    if extra is not None:
        html = extra(page) + html
    html = _resolve_links(html, page, by_path, source_dir)
    html = _scoped(html, page.id)
    if in_part:
        html = _demoted(html)
    html = html.replace(f'href="{GLOBAL}', 'href="#')
    return f'<section class="ov-druk-pagina ov-druk-pagina--{e(page.kind)}" id="{e(page.id)}">{html}</section>'


def _contents(parts: list[tuple[str, str, list[Page]]]) -> str:
    def entry(target: str, title: str, children: str = "") -> str:
        return f'<li><a href="#{e(target)}">{e(title)}</a>{children}</li>'

    items = []
    for part_id, title, pages in parts:
        if part_id:
            nested = "".join(entry(p.id, p.titel) for p in pages)
            items.append(entry(part_id, title, f"<ol>{nested}</ol>"))
        else:
            items.extend(entry(p.id, p.titel) for p in pages)
    return f'<nav class="ov-druk-inhoud" id="inhoud" aria-labelledby="inhoud-kop"><h2 id="inhoud-kop">Inhoud</h2><ol>{"".join(items)}</ol></nav>'


def cover(visie: Visie, subtitle: str | None = None, rows: list[tuple[str, str]] | None = None) -> str:
    meta = visie.meta
    details = [("Gemeente", meta.gemeente), ("Status", STATUS_TITLES.get(meta.status, meta.status))]
    if meta.versie:
        details.append(("Versie", meta.versie))
    if meta.datum:
        details.append(("Datum", dutch_date(meta)))
    details.extend(rows or [])
    dl = "".join(f"<div><dt>{e(k)}</dt><dd>{e(v)}</dd></div>" for k, v in details)
    sub = f'<p class="ov-druk-omslag__sub">{e(subtitle)}</p>' if subtitle else ""
    return (
        f'<section class="ov-druk-omslag"><p class="ov-druk-omslag__gemeente">Gemeente {e(meta.gemeente)}</p>'
        f'<h1 class="ov-druk-omslag__titel">{e(meta.titel)}</h1>{sub}<dl>{dl}</dl></section>'
    )


def html_document(title: str, body: str, description: str, author: str) -> str:
    css = STYLESHEET.read_text(encoding="utf-8")
    generated = _dt.date.today().isoformat()
    return (
        '<!DOCTYPE html><html lang="nl"><head><meta charset="utf-8">'
        f"<title>{e(title)}</title><meta name=\"author\" content=\"{e(author)}\">"
        f'<meta name="description" content="{e(description)}"><meta name="dcterms.created" content="{generated}">'
        f"<style>{css}</style></head><body>{body}</body></html>"
    )


def visie_document(visie: Visie, body_html: BodyHtml, source_dir: Path | None = None,
                   extra: Callable[[Page], str] | None = None) -> str:
    """The whole visie in reading order as one HTML document for paged media."""
    linker = PrintLinker(visie)
    parts: list[tuple[str, str, list[Page]]] = []
    if visie.ambitie is not None:
        parts.append(("", "", [visie.ambitie]))
    kernopgaven = [p for p in order_kernopgaven(visie.kernopgaven) if not p.draft]
    gebieden = [p for p in order_gebieden(visie.gebieden) if not p.draft]
    if kernopgaven:
        parts.append(("deel-kernopgaven", "Kernopgaven", list(kernopgaven)))
    if gebieden:
        parts.append(("deel-gebieden", "Gebieden", list(gebieden)))
    hoofdstukken = [p for p in visie.hoofdstukken if not p.draft]
    if hoofdstukken:
        parts.append(("", "", hoofdstukken))
    sections = [cover(visie), _contents(parts)]
    by_path = {p.rel_path: p.id for p in visie.published_pages() if p.kind != "site"}
    for part_id, title, pages in parts:
        rendered = "".join(
            _page_html(visie, p, body_html, linker, by_path, source_dir, bool(part_id), extra) for p in pages
        )
        if part_id:
            sections.append(f'<section class="ov-druk-deel" id="{part_id}"><h1 class="ov-druk-deel__titel">{e(title)}</h1>{rendered}</section>')
        else:
            sections.append(rendered)
    meta = visie.meta
    description = f"{meta.titel}, gemeente {meta.gemeente}" + (f", versie {meta.versie}" if meta.versie else "")
    return html_document(meta.titel, "".join(sections), description, f"Gemeente {meta.gemeente}")


__all__ = ["PrintLinker", "anchor_of", "cover", "html_document", "map_figure", "map_picture", "visie_document"]
