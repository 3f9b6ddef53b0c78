"""The PDFs of a build (``pdf: true`` in visie.yml): visie.pdf, and wijzigingen.pdf in a preview.

The documents come from the core (``omgevingsvisie.druk``); this adapter only renders Markdown
bodies with the site's own extensions and writes the files into the staged site, so a failure
aborts the build before the new site replaces the old one.
"""

from __future__ import annotations

import copy
import datetime as _dt
import logging
import posixpath
import time
from pathlib import Path
from typing import Any

import markdown
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError

from omgevingsvisie.compare import Changes
from omgevingsvisie.druk.document import PrintLinker, map_picture, visie_document
from omgevingsvisie.druk.pdf import PdfError, write_pdf
from omgevingsvisie.druk.wijzigingen import wijzigingen_document
from omgevingsvisie.model import Page, Visie
from omgevingsvisie.placeholders import MONTHS
from omgevingsvisie.render.common import e

from .blocks import VisieBlocksExtension
from .context import RenderContext

log = logging.getLogger("mkdocs.plugins.omgevingsvisie")
VISIE_PDF = "visie.pdf"
WIJZIGINGEN_PDF = "wijzigingen.pdf"


def _markdown(config: MkDocsConfig, context: RenderContext) -> markdown.Markdown:
    extensions: list[Any] = [x for x in config.markdown_extensions if not isinstance(x, VisieBlocksExtension)]
    configs = copy.deepcopy(dict(config.mdx_configs))
    configs["toc"] = {**configs.get("toc", {}), "permalink": False}  # no ¶ signs in print
    return markdown.Markdown(extensions=[*extensions, VisieBlocksExtension(context)], extension_configs=configs)


def _body_renderer(visie: Visie, config: MkDocsConfig, backlinks: dict) -> Any:
    linker = PrintLinker(visie)
    context = RenderContext(visie, linker, backlinks=backlinks)  # type: ignore[arg-type]
    context.draw_map = lambda layers, gebied, outline: map_picture(visie, layers, gebied, outline)
    md = _markdown(config, context)

    def body_html(page: Page, text: str) -> str:
        context._maps_on_page = 100  # maps the document adds itself are numbered below 100
        md.reset()
        return md.convert(text)

    return body_html


def today() -> str:
    day = _dt.date.today()
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def write_visie_pdf(visie: Visie, config: MkDocsConfig, backlinks: dict, root: Path, visie_dir: str) -> None:
    started = time.perf_counter()
    html = visie_document(visie, _body_renderer(visie, config, backlinks), root / visie_dir)
    _write(html, Path(config.site_dir) / VISIE_PDF, started)


def write_wijzigingen_pdf(visie: Visie, map_visie: Visie, changes: Changes, change_layers: list[str],
                          config: MkDocsConfig) -> None:
    started = time.perf_counter()
    rows = [("Vergeleken met", changes.base_label), ("Datum van de vergelijking", today())]
    html = wijzigingen_document(visie, map_visie, changes, change_layers, rows)
    _write(html, Path(config.site_dir) / WIJZIGINGEN_PDF, started)


def _write(html: str, target: Path, started: float) -> None:
    try:
        size = write_pdf(html, target)
    except PdfError as error:
        raise PluginError(f"pdf: {error}; er is niets gepubliceerd en een eerder gebouwde site is ongewijzigd.") from None
    log.info(f"{target.name} gemaakt: {size / 1_000_000:.1f} MB in {time.perf_counter() - started:.1f} s")


def pdf_link(page_url: str, filename: str, text: str) -> str:
    """A paragraph linking a page to a PDF at the site root (made after the pages, so not checked by MkDocs)."""
    directory = page_url == "" or page_url.endswith("/")
    folder = (page_url.rstrip("/") if directory else posixpath.dirname(page_url)) or "."
    href = posixpath.relpath(filename, folder)
    return f'<p class="ov-pdf-link"><a href="{e(href)}" type="application/pdf">{e(text)}</a></p>'
