"""The site's search index in a MkDocs build: collected page by page, written after the last page.

Each page of the visie gives its running text (omgevingsvisie.search.page_text), and each keuze
on it a result of its own, linked to the keuze's anchor. The terms of an item are counted once;
the live preview keeps the items of pages it does not build again and writes only the index files
that changed.
"""

from __future__ import annotations

import hashlib
import logging
import shutil
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from omgevingsvisie.model import Visie
from omgevingsvisie.search import ItemTerms, SearchFacts, SearchItem, item_terms, page_text
from omgevingsvisie.search.index import index_files

from .after_build import replace_file

log = logging.getLogger("mkdocs.plugins.omgevingsvisie")

INDEX_FOLDER = "zoeken"


class SearchIndexError(Exception):
    """The index could not be written; the message is Dutch and names the cause."""


@dataclass
class SiteSearch:
    # page URL → the items of that page (the page itself and its keuzes), with their terms
    pages: dict[str, list[tuple[SearchItem, ItemTerms]]] = field(default_factory=dict)
    written: dict[str, bytes] = field(default_factory=dict)  # file → digest of what the last write put there
    seconds: float = 0.0  # spent on search in this build: reading the pages' text and writing

    def start(self) -> None:
        self.seconds = 0.0

    def add_page(self, url: str, content: str, facts: SearchFacts,
                 keuze_facts: Callable[[str], SearchFacts | None]) -> None:
        started = time.perf_counter()
        text = page_text(content)
        items = [SearchItem(url, facts, text.own.text, text.own.headings)]
        for keuze_id, keuze_text in text.keuzes.items():
            found = keuze_facts(keuze_id)
            if found is not None:
                items.append(SearchItem(f"{url}#{keuze_id}", found, keuze_text.text, keuze_text.headings))
        self.pages[url] = [(item, item_terms(item)) for item in items]
        self.seconds += time.perf_counter() - started

    def write(self, site_dir: str, visie: Visie, page_urls: set[str], incremental: bool) -> int:
        """Write the index for the pages at ``page_urls``; returns the number of items.

        ``incremental`` (the live preview, always the same folder): only files that changed.
        """
        started = time.perf_counter()
        for url in [u for u in self.pages if u not in page_urls]:
            del self.pages[url]  # a page that is gone
        items = [pair for url in sorted(self.pages) for pair in self.pages[url]]
        folder = Path(site_dir) / INDEX_FOLDER
        written: dict[str, bytes] = {}
        changed = 0
        try:
            if not incremental:
                shutil.rmtree(folder, ignore_errors=True)
                self.written = {}
            made: set[Path] = set()
            for name, data in index_files(visie, items):
                digest = hashlib.blake2b(data, digest_size=16).digest()
                written[name] = digest
                if self.written.get(name) == digest:
                    continue
                changed += 1
                path = folder / name
                if path.parent not in made:
                    path.parent.mkdir(parents=True, exist_ok=True)
                    made.add(path.parent)
                if incremental:
                    replace_file(path, data)
                else:  # a new folder, swapped in with the whole site
                    path.write_bytes(data)
            for name in [n for n in self.written if n not in written]:
                (folder / name).unlink(missing_ok=True)
        except OSError as error:
            self.written = {}
            raise SearchIndexError(f"de zoekfunctie kan niet worden gebouwd: {error.strerror or error} ({error.filename})") from error
        self.written = written
        self.seconds += time.perf_counter() - started
        log.info(f"Zoekindex: {len(items)} pagina's en keuzes in {self.seconds:.2f} s ({changed} bestanden geschreven)")
        return len(items)
