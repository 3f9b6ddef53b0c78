"""The site's search index in a MkDocs build: collected page by page, written after the last page.

Each page of the visie gives its running text (omgevingsvisie.search.page_text), and each keuze
on it a result of its own, linked to the keuze's anchor. The terms of an item are counted once;
the live preview keeps the items of pages it does not build again and writes only the index files
that changed. A build reads the analysis of every page whose HTML did not change from the build
cache, and keeps this build's for the next.
"""

from __future__ import annotations

import hashlib
import logging
import shutil
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from mkdocs.structure.files import Files

from omgevingsvisie.build_cache import BuildCache
from omgevingsvisie.model import Visie
from omgevingsvisie.search import ItemTerms, SearchFacts, SearchItem, item_terms
from omgevingsvisie.search.analysis import AnalysisStore, code_version
from omgevingsvisie.search.index import index_files

from .after_build import replace_file

log = logging.getLogger("mkdocs.plugins.omgevingsvisie")

INDEX_FOLDER = "zoeken"
CACHE_KIND = "zoekanalyse"
# Material's own search: lunr and its worker. Copied into every site, they were 36 files and
# 1.1 MB that no page loads: the header has our search form, not the one Material starts them for.
MATERIAL_SEARCH_ASSETS = ("assets/javascripts/lunr/", "assets/javascripts/workers/search.")


def drop_material_search_assets(files: Files, docs_dir: str, material_search_on: bool) -> None:
    """Leave the theme's search assets out of the site, unless Material's search plugin is on."""
    if material_search_on:
        return
    for file in [f for f in files if f.src_uri.startswith(MATERIAL_SEARCH_ASSETS) and f.src_dir != docs_dir]:
        files.remove(file)  # the theme's; a file of the same name in docs/ stays


class SearchIndexError(Exception):
    """The index could not be written; the message is Dutch and names the cause."""


@dataclass
class SiteSearch:
    # page URL → the items of that page (the page itself and its keuzes), with their terms
    pages: dict[str, list[tuple[SearchItem, ItemTerms]]] = field(default_factory=dict)
    written: dict[str, bytes] = field(default_factory=dict)  # file → digest of what the last write put there
    seconds: float = 0.0  # spent on search in this build: reading the pages' text and writing
    store: AnalysisStore | None = None  # the pages' analyses, read from the build cache once
    cache: BuildCache | None = None

    def start(self, cache: BuildCache | None) -> None:
        started = time.perf_counter()
        if self.store is None or cache is not self.cache:
            self.cache = cache
            self.store = AnalysisStore.from_bytes(cache.read(CACHE_KIND, code_version()) if cache else None)
        self.store.start()
        self.seconds = time.perf_counter() - started

    def add_page(self, url: str, content: str, facts: SearchFacts,
                 keuze_facts: Callable[[str], SearchFacts | None]) -> None:
        started = time.perf_counter()
        if self.store is None:
            self.start(None)
        page = self.store.analysis(content, url)
        own = page.own
        items = [(SearchItem(url, facts, own.text, own.headings), own.terms)]
        for keuze_id, keuze in page.keuzes:
            found = keuze_facts(keuze_id)
            if found is not None:
                items.append((SearchItem(f"{url}#{keuze_id}", found, keuze.text, keuze.headings), keuze.terms))
        store = self.store
        self.pages[url] = [(item, item_terms(item, counted, store.name_terms(item.facts))) for item, counted in items]
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
        self._keep_analyses(incremental)
        self.seconds += time.perf_counter() - started
        store = self.store
        reused = (f", {store.hits} van {store.hits + store.made} pagina's uit de bouwcache"
                  if store is not None and self.cache is not None and self.cache.folder else "")
        log.info(f"Zoekindex: {len(items)} pagina's en keuzes in {self.seconds:.2f} s ({changed} bestanden geschreven"
                 f"{reused})")
        return len(items)

    def _keep_analyses(self, incremental: bool) -> None:
        """Keep this build's page analyses for the next build."""
        store = self.store
        if store is None:
            return
        if incremental:  # the live preview keeps its store in memory, and rebuilds only some pages
            store.keep_pages(self.pages)
        else:
            changed = store.changed
            store.forget_unused()
            if changed and self.cache is not None:
                self.cache.keep(CACHE_KIND, code_version(), store.to_bytes())
