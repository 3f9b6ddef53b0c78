"""Loading a whole visie from disk into the model, collecting every problem on the way."""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from .checks import check_visie
from .fields import Field, check_fields, is_boolean, is_choice, is_date, is_free_text, is_path_list, is_text
from .layers import load_kaarten
from .model import ADRES_ZOEKEN, STATUSES, Gebied, Kernopgave, Page, Visie, VisieMeta
from .order import order_gebieden, order_hoofdstukken, order_kernopgaven
from .pages import read_page
from .placeholders import fill_placeholders
from .problems import Problems
from .safefiles import LINK_MESSAGE, find_links
from .yamlio import LineDict, LineList, YamlError, load_yaml

VISIE_FIELDS = {
    "gemeente": Field(is_text, required=True, description="De naam van de gemeente, zoals 'Zwolle'."),
    "titel": Field(is_text, required=True, description="De titel van de visie: de naam van de site."),
    "status": Field(is_choice(*STATUSES), required=True,
                    description="Hoe ver de visie is: concept, ontwerp of vastgesteld (door de gemeenteraad)."),
    "versie": Field(is_free_text, description="Het versienummer, zoals \"0.3\" (tussen aanhalingstekens)."),
    "datum": Field(is_date, description="De datum van deze versie, in de vorm JJJJ-MM-DD."),
    "hoofdstukken": Field(is_path_list,
                          description="De volgorde van de hoofdstukken: paden in visie/; een map eindigt op '/'."),
    "adres_zoeken": Field(is_choice(*ADRES_ZOEKEN),
                          description="Adres zoeken op de pagina Wat geldt hier?: pdok (standaard) of geen."),
    "pdf": Field(is_boolean, description="true: de build maakt ook visie.pdf (en in een voorvertoning wijzigingen.pdf)."),
}
KERNOPGAVEN = "kernopgaven"
GEBIEDEN = "gebieden"


@dataclass(frozen=True)
class Layout:
    """Where a visie lives, relative to the project root."""

    root: Path
    visie_dir: str = "visie"
    kaarten_dir: str = "kaarten"
    docs_dir: str | None = "docs"
    # Tells which pages of docs_dir (by path inside it) are excluded from the published site.
    is_draft: Callable[[str], bool] | None = None


@dataclass
class LoadResult:
    visie: Visie
    problems: Problems


def load_visie(layout: Layout) -> LoadResult:
    """Read and check the whole visie; the model is complete as far as the content allows."""
    problems = Problems()
    meta, hoofdstuk_lines = _load_meta(layout, problems)
    ambitie: Page | None = None
    kernopgaven: list[Kernopgave] = []
    gebieden: list[Gebied] = []
    chapters: list[Page] = []
    folder = layout.root / layout.visie_dir
    links = _report_links(layout.root, folder, problems)
    for file in sorted(folder.rglob("*.md")) if folder.is_dir() and folder not in links else []:
        if file in links:
            continue
        rel = file.relative_to(folder).as_posix()
        path = f"{layout.visie_dir}/{rel}"
        parts = rel.split("/")
        if rel == "index.md":
            ambitie = read_page(file, path, rel, "ambitie", problems, "index")
        elif parts[0] in (KERNOPGAVEN, GEBIEDEN):
            if len(parts) != 2:
                problems.add(path, None, f"pagina's in {parts[0]}/ staan direct in die map, niet in een submap")
                continue
            kind = "kernopgave" if parts[0] == KERNOPGAVEN else "gebied"
            page = read_page(file, path, rel, kind, problems, file.stem)
            if isinstance(page, Kernopgave):
                kernopgaven.append(page)
            elif isinstance(page, Gebied):
                gebieden.append(page)
        else:
            default_id = file.parent.name if file.stem == "index" and len(parts) > 1 else file.stem
            chapter = read_page(file, path, rel, "hoofdstuk", problems, default_id)
            if chapter is not None:
                chapters.append(chapter)
    if ambitie is None and not any(p.path == f"{layout.visie_dir}/index.md" for p in problems):
        problems.add(f"{layout.visie_dir}/index.md", None, "de openingspagina met de leidende ambitie ontbreekt")
    site_pages = _load_site_pages(layout, problems)
    kaarten = load_kaarten(layout.root, layout.kaarten_dir, problems)
    visie = Visie(
        meta=meta,
        ambitie=ambitie,
        kernopgaven=order_kernopgaven(kernopgaven),
        gebieden=order_gebieden(gebieden),
        hoofdstukken=order_hoofdstukken(chapters, meta.hoofdstukken, hoofdstuk_lines, layout.visie_dir, problems),
        site_pages=site_pages,
        kaarten=kaarten,
    )
    check_visie(visie, problems)
    _fill_keuze_titles(visie)
    return LoadResult(visie, problems)


def _fill_keuze_titles(visie: Visie) -> None:
    """A keuze's title is a line of Markdown, where invulplekken work: filled in once, here, so
    that every place that shows the title (heading, lists, search, visie.json) shows the value.
    Unknown ones were reported by the checks and stay as written."""
    for kernopgave in visie.kernopgaven:
        for keuze in kernopgave.keuzes:
            if "{{" in keuze.titel:
                keuze.titel = fill_placeholders(keuze.titel, visie.meta)


def _load_meta(layout: Layout, problems: Problems) -> tuple[VisieMeta, list[int]]:
    path = f"{layout.visie_dir}/visie.yml"
    source = layout.root / layout.visie_dir / "visie.yml"
    fallback = VisieMeta(gemeente="(gemeente onbekend)", titel="Omgevingsvisie", status="concept")
    if source.is_symlink():
        return fallback, []  # reported with the other links in visie/
    if not source.is_file():
        problems.add(path, None, "dit bestand ontbreekt; het beschrijft de visie (gemeente, titel, status)")
        return fallback, []
    try:
        data = load_yaml(source.read_text(encoding="utf-8"))
    except YamlError as error:
        problems.add(path, error.line, error.message)
        return fallback, []
    except UnicodeDecodeError:
        problems.add(path, None, "het bestand is geen tekst in UTF-8")
        return fallback, []
    if not isinstance(data, LineDict):
        problems.add(path, 1, "visie.yml moet velden bevatten zoals 'gemeente', 'titel' en 'status'")
        return fallback, []
    valid = check_fields(data, VISIE_FIELDS, path, "visie.yml", problems)
    datum = valid.get("datum")
    if isinstance(datum, str):
        datum = _dt.date.fromisoformat(datum)
    hoofdstukken = valid.get("hoofdstukken", [])
    lines = hoofdstukken.item_lines if isinstance(hoofdstukken, LineList) else []
    meta = VisieMeta(
        gemeente=valid.get("gemeente", fallback.gemeente),
        titel=valid.get("titel", fallback.titel),
        status=valid.get("status", "concept"),
        versie=str(valid["versie"]) if "versie" in valid else None,
        datum=datum,
        hoofdstukken=list(hoofdstukken),
        adres_zoeken=valid.get("adres_zoeken", "pdok"),
        pdf=bool(valid.get("pdf", False)),
    )
    return meta, lines


def _report_links(root: Path, folder: Path, problems: Problems) -> list[Path]:
    links = find_links(folder)
    for link in links:
        problems.add(link.relative_to(root).as_posix(), None, LINK_MESSAGE)
    return links


def _load_site_pages(layout: Layout, problems: Problems) -> list[Page]:
    if layout.docs_dir is None:
        return []
    folder = layout.root / layout.docs_dir
    pages: list[Page] = []
    # MkDocs copies every file of docs/ into the site, not only pages: a link anywhere stops the build.
    links = _report_links(layout.root, folder, problems)
    for file in sorted(folder.rglob("*.md")) if folder.is_dir() and folder not in links else []:
        if file in links:
            continue
        rel = file.relative_to(folder).as_posix()
        default_id = file.parent.name if file.stem == "index" and "/" in rel else file.stem
        page = read_page(file, f"{layout.docs_dir}/{rel}", rel, "site", problems, default_id)
        if page is not None:
            page.draft = bool(layout.is_draft and layout.is_draft(rel))
            pages.append(page)
    return pages
