"""The Wat geldt hier? page, its data asset, and the home page's overview, for MkDocs."""

from __future__ import annotations

import re
from typing import Callable

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File
from mkdocs.utils import get_relative_url

from omgevingsvisie.kaartdata import content_hash
from omgevingsvisie.model import Visie
from omgevingsvisie.placeholders import markdown_literal
from omgevingsvisie.render.leaflet import PDOK_BRT_ATTRIBUTION, PDOK_BRT_TILES
from omgevingsvisie.render.watgeldthier import GEBIED_KEUZES_ANCHOR, home_overview, wat_geldt_hier_page
from omgevingsvisie.watgeldthier import locator_asset, locator_data

from .context import RenderContext
from .prepared import Heading, Jump, PreparedBlocks

Insert = Callable[[Callable[[], str]], str]
WAT_GELDT_HIER = ("Wat geldt hier?", "wat-geldt-hier.md")
DATA_FILE = "assets/omgevingsvisie/watgeldthier.json"
TITLE_LINE = re.compile(r"\A(\s*#[^#\n][^\n]*\n)")


def data_file(config: MkDocsConfig, visie: Visie, files_by_id: dict[str, File], layer_urls: dict[str, str]) -> tuple[File, str]:
    """The page's data as a site asset, and its URL from the site root (with a content hash)."""

    def url_of(item_id: str) -> str | None:
        file = files_by_id.get(item_id)
        return None if file is None else (file.url or "./")

    background = (
        {"url": PDOK_BRT_TILES, "attributie": PDOK_BRT_ATTRIBUTION} if visie.kaarten.achtergrond == "pdok-brt" else None
    )
    data = locator_asset(locator_data(visie, url_of, layer_urls, background))
    return File.generated(config, DATA_FILE, content=data), f"{DATA_FILE}?v={content_hash(data)}"


def page_markdown(context: RenderContext, insert: Insert, data_url: str) -> str:
    visie = context.visie
    pdok = visie.meta.adres_zoeken == "pdok"
    intro = (
        f"Wat betekent de {markdown_literal(visie.meta.titel)} voor een plek in {markdown_literal(visie.meta.gemeente)}? "
        f"{'Zoek een adres, klik' if pdok else 'Klik'} of tik op de kaart, of gebruik uw eigen locatie. "
        "U ziet dan in welke gebieden die plek ligt, welke richtinggevende keuzes daar gelden en wat de "
        "kaartlagen daar tonen. De kaarten zijn indicatief: aan een punt op de kaart kunt u geen rechten ontlenen."
    )

    def body() -> str:
        current = context.linker.current
        here = (current.url if current else None) or "."
        path, _, query = data_url.partition("?")
        data_href = get_relative_url(path, here) + (f"?{query}" if query else "")
        root_href = get_relative_url(".", here)
        return wat_geldt_hier_page(visie, context.linker, data_href, root_href)

    return f"# {WAT_GELDT_HIER[0]}\n\n{intro}\n\n" + insert(body) + "\n"


def _after_title(sections: list[str], index: int, addition: str) -> None:
    """Put ``addition`` right after the page's own H1 when its text starts with one, else before the text."""
    text = sections[index]
    match = TITLE_LINE.match(text)
    if match:
        sections[index] = match.group(1) + "\n" + addition + "\n\n" + text[match.end():]
    else:
        sections.insert(index, addition)


def home_sections(context: RenderContext, insert: Insert, sections: list[str], index: int) -> None:
    """The ambitie page in één oogopslag: the overview goes above the redacteur's own text."""
    visie = context.visie

    def overview() -> str:
        drawn = ""
        if "gebieden" in visie.kaarten.lagen and visie.gebieden:
            drawn = context.render_kaart(f"Gebieden van {visie.meta.gemeente}", ["gebieden"], None)
        return home_overview(visie, context.linker, drawn)

    _after_title(sections, index, insert(overview))


def gebied_jump(sections: list[str], index: int, prepared: PreparedBlocks) -> None:
    """A gebied page starts with a jump to its keuzes, the question most readers come with."""
    jump = prepared.add(Jump("Naar de keuzes voor dit gebied", GEBIED_KEUZES_ANCHOR, "ov-sprong"))
    _after_title(sections, index, jump)


def gebied_keuzes_heading(prepared: PreparedBlocks) -> str:
    return prepared.add(Heading(2, "Keuzes voor dit gebied", (("id", GEBIED_KEUZES_ANCHOR), ("data-search-exclude", ""))))
