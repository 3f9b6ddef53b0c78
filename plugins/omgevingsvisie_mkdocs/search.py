"""The site's search index, built with Pagefind into the staged site after every page is written.

Pagefind stems Dutch on both sides (index and query) and splits its index into chunks, so a reader
downloads only the parts a query needs. Pages carry their kind and what they belong to as hidden
``data-pagefind-meta``/``data-pagefind-filter`` elements; each keuze becomes a result of its own,
linked to its anchor, while the kernopgave page leaves its keuzes out of its own text.
"""

from __future__ import annotations

import asyncio
import logging
import re
import resource
import shutil
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from omgevingsvisie.render.common import e
from omgevingsvisie.search import SearchFacts

log = logging.getLogger("mkdocs.plugins.omgevingsvisie")

INDEX_FOLDER = "pagefind"
# Parts of a page that are not running text: label lists, id lines, maps and their text
# alternatives (lists of gebieden), lists that repeat titles found elsewhere, heading permalinks.
EXCLUDED = [
    ".ov-keuze",  # on its kernopgave page; every keuze is indexed as a result of its own
    ".ov-keuze__soort",
    ".ov-keuze__kenmerken",
    ".ov-keuze__id",
    ".ov-kaart",
    ".ov-wijziging",
    "[data-search-exclude]",
    ".headerlink",
]
# The keuze's colour is a second class (ov-kleur-…), and attribute order is the serialiser's.
KEUZE_CLASS = re.compile(r'\sclass="ov-keuze(?:\s[^"]*)?"')
KEUZE_START = re.compile(r'<section\b(?=[^>]*\sclass="ov-keuze(?:\s[^"]*)?")[^>]*\saria-labelledby="([^"]+)"[^>]*>')
SECTION_TAG = re.compile(r"<(/?)section\b[^>]*>")
RECORD_CLASS = "ov-zoekresultaat-keuze"


class SearchIndexError(Exception):
    """Pagefind could not index the site; the message is Dutch and names the cause."""


def facts_html(facts: SearchFacts, url: str | None = None) -> str:
    """Hidden elements that tell the search engine what an item is (read, not shown)."""
    meta = {
        "url": url,
        "title": facts.titel,
        "soort": facts.soort,
        "id": facts.id,
        "kernopgave": facts.kernopgave,
        "rol": facts.rol,
        "ook": ", ".join(facts.ook_bekend_als) or None,
    }
    parts = [f'<span data-pagefind-meta="{name}">{e(value)}</span>' for name, value in meta.items() if value]
    parts.append(f'<span data-pagefind-filter="soort">{e(facts.soort)}</span>')
    parts += [f'<span data-pagefind-filter="kernopgave">{e(k)}</span>' for k in facts.kernopgaven]
    parts += [f'<span data-pagefind-filter="gebied">{e(g)}</span>' for g in facts.gebieden]
    return f'<div hidden data-pagefind-ignore>{"".join(parts)}</div>'


def page_record(page_url: str, content: str, facts: SearchFacts) -> Record:
    """A page's own text (its keuzes are left out by EXCLUDED) as a search record."""
    return Record(page_url, _document(facts, page_url, content))


def keuze_sections(content: str) -> dict[str, str]:
    """Each keuze's ``<section>`` in a page's HTML, by keuze id."""
    found: dict[str, str] = {}
    for start in KEUZE_START.finditer(content):
        depth = 0
        for tag in SECTION_TAG.finditer(content, start.start()):
            depth += -1 if tag.group(1) else 1
            if depth == 0:
                found[start.group(1)] = content[start.start():tag.end()]
                break
    return found


@dataclass(frozen=True)
class Record:
    url: str  # relative to the site root, with the keuze's anchor
    html: str


def keuze_record(page_url: str, section: str, facts: SearchFacts) -> Record:
    own = KEUZE_CLASS.sub(f' class="{RECORD_CLASS}"', section, count=1)
    url = f"{page_url}#{facts.id}"
    return Record(url, _document(facts, url, own))


def _document(facts: SearchFacts, url: str, content: str) -> str:
    # Only the content goes to Pagefind, not the whole built page: reading every page's menu,
    # header and map data made the index step cost more than the 10 % of the build it may take.
    return (
        '<!DOCTYPE html><html lang="nl"><head><meta charset="utf-8">'
        f"<title>{e(facts.titel)}</title></head><body>"
        f"<main data-pagefind-body>{facts_html(facts, url)}{content}</main></body></html>"
    )


async def _index(site: Path, records: list[Record]) -> int:
    from pagefind.index import PagefindIndex

    config = {"force_language": "nl", "exclude_selectors": EXCLUDED, "output_path": str(site / INDEX_FOLDER)}
    # The Python service answers one request per tenth of a second: the records go in as one
    # folder of files (each one's link comes from its "url" meta), not as a request each.
    with tempfile.TemporaryDirectory(prefix="ov-zoeken-") as folder:
        for number, record in enumerate(records):
            (Path(folder) / f"{number}.html").write_text(record.html, encoding="utf-8")
        async with PagefindIndex(config=config) as index:  # type: ignore[arg-type]
            indexed = await index.add_directory(folder)
    return int(indexed.get("page_count", 0))


def write_index(site_dir: str, records: list[Record]) -> float:
    """Write the Pagefind index into the built site; returns the seconds it took."""
    site = Path(site_dir)
    started = time.perf_counter()
    cpu = resource.getrusage(resource.RUSAGE_CHILDREN)
    shutil.rmtree(site / INDEX_FOLDER, ignore_errors=True)
    try:
        indexed = asyncio.run(_index(site, records))
    except ImportError as error:
        raise SearchIndexError(f"de zoekfunctie kan niet worden gebouwd: het pakket 'pagefind' ontbreekt ({error})") from error
    except FileNotFoundError as error:
        raise SearchIndexError(f"de zoekfunctie kan niet worden gebouwd: het programma van Pagefind ontbreekt ({error})") from error
    except Exception as error:  # noqa: BLE001 - the Pagefind service reports failures as plain exceptions
        raise SearchIndexError(f"de zoekfunctie kan niet worden gebouwd: {error}") from error
    if not (site / INDEX_FOLDER / "pagefind.js").exists():
        raise SearchIndexError("de zoekfunctie kan niet worden gebouwd: Pagefind schreef geen index")
    for unused in (site / INDEX_FOLDER).glob("pagefind-*ui*"):  # Pagefind's own interface; ours is zoeken.js
        unused.unlink()
    seconds = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu_seconds = after.ru_utime + after.ru_stime - cpu.ru_utime - cpu.ru_stime
    log.info(f"Zoekindex: {indexed} pagina's en keuzes in {seconds:.1f} s (Pagefind rekende {cpu_seconds:.1f} s)")
    return seconds
