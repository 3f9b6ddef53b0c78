"""What search takes from a page, kept from one build to the next.

Reading a page's running text and counting its terms is most of the search step, and it depends
on nothing but the page's HTML. A store keeps that analysis by a digest of the HTML, and the terms
of each item's title, names and id by those words; a build that keeps the store (``BuildCache``)
reads them back for every page whose HTML did not change. The index itself is made anew each
build: its scores depend on every page.
"""

from __future__ import annotations

import hashlib
import marshal
import sys
from array import array
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Iterable

from ..build_cache import source_digest
from .facts import SearchFacts
from .index import NameTerms, TextTerms, name_terms, text_terms
from .text import Text, page_text

# The modules whose code decides what an analysis holds: a change to any of them starts a new store.
_MAKERS = ("analysis.py", "index.py", "text.py", "words.py")


@dataclass(frozen=True)
class AnalysedText:
    text: str
    headings: tuple[str, ...]
    terms: TextTerms


@dataclass(frozen=True)
class PageAnalysis:
    own: AnalysedText
    keuzes: tuple[tuple[str, AnalysedText], ...]  # keuze id → its text, in page order


def analyse_page(content: str) -> PageAnalysis:
    found = page_text(content)
    return PageAnalysis(_analysed(found.own), tuple((k, _analysed(t)) for k, t in found.keuzes.items()))


def _analysed(found: Text) -> AnalysedText:
    text, headings = found.text, found.headings
    return AnalysedText(text, headings, text_terms(text, headings))


@lru_cache(maxsize=1)
def code_version() -> bytes:
    """Names the store for this code and this Python (marshal's format may change with it)."""
    return source_digest(Path(__file__).parent, _MAKERS, f"{sys.version_info[:2]}/{marshal.version}".encode()).digest()


# What an item's name terms depend on: its title, other names and id.
NameKey = tuple[str, tuple[str, ...], tuple[str, ...], str]


class AnalysisStore:
    """Page analyses by the digest of the page's HTML, and name terms by the names; ``used`` and
    ``names_used`` are those of the current build."""

    def __init__(self, known: dict[bytes, PageAnalysis] | None = None,
                 names: dict[NameKey, NameTerms] | None = None) -> None:
        self.known: dict[bytes, PageAnalysis] = known or {}
        self.names: dict[NameKey, NameTerms] = names or {}
        self.used: set[bytes] = set()
        self.names_used: set[NameKey] = set()
        self.owners: dict[str, bytes] = {}  # page → the digest of its HTML when it was last analysed
        self.hits = 0
        self.made = 0

    def start(self) -> None:
        self.used = set()
        self.names_used = set()
        self.hits = self.made = 0

    def name_terms(self, facts: SearchFacts) -> NameTerms:
        key = (facts.titel, facts.ook_bekend_als, facts.namen, facts.id)
        found = self.names.get(key)
        if found is None:
            found = self.names[key] = name_terms(facts)
        self.names_used.add(key)
        return found

    @property
    def changed(self) -> bool:
        """Whether this build used other analyses than the store held at its start."""
        return self.made > 0 or self.used != self.known.keys() or self.names_used != self.names.keys()

    def analysis(self, content: str, owner: str | None = None) -> PageAnalysis:
        """``owner``: the page the HTML is of, for :meth:`keep_pages`."""
        key = hashlib.blake2b(content.encode("utf-8", "surrogatepass"), digest_size=16).digest()
        if owner is not None:
            self.owners[owner] = key
        found = self.known.get(key)
        if found is None:
            found = self.known[key] = analyse_page(content)
            self.made += 1
        else:
            self.hits += 1
        self.used.add(key)
        return found

    def keep_pages(self, owners: Iterable[str]) -> None:
        """Keep only the analyses of these pages as they were last analysed: the live preview
        analyses only the pages it rebuilds, and would otherwise keep every version of an edited page."""
        self.owners = {owner: self.owners[owner] for owner in owners if owner in self.owners}
        current = set(self.owners.values())
        self.known = {key: found for key, found in self.known.items() if key in current}

    def forget_unused(self) -> None:
        """Drop analyses of pages this build did not have (edited or deleted since)."""
        self.known = {key: self.known[key] for key in self.used if key in self.known}
        self.names = {key: self.names[key] for key in self.names_used if key in self.names}

    def to_bytes(self) -> bytes:
        """The analyses of this build's pages, for :meth:`from_bytes` in a later build."""
        return marshal.dumps((
            {key: _plain(self.known[key]) for key in self.used if key in self.known},
            {key: self.names[key] for key in self.names_used if key in self.names},
        ))

    @classmethod
    def from_bytes(cls, data: bytes | None) -> AnalysisStore:
        """A store from :meth:`to_bytes`; an empty one if ``data`` is None or not such bytes."""
        if not data:
            return cls()
        try:
            pages, names = marshal.loads(data)
            return cls({key: _restored(value) for key, value in pages.items()},
                       {_name_key(key): _name_terms(value) for key, value in names.items()})
        except (EOFError, ValueError, TypeError, AttributeError):
            return cls()  # damaged or written by other code: every page is analysed again


def _plain(page: PageAnalysis) -> tuple:
    return (_plain_text(page.own), tuple((k, _plain_text(t)) for k, t in page.keuzes))


def _plain_text(found: AnalysedText) -> tuple:
    terms = found.terms
    return (found.text, found.headings, terms.terms, terms.weights.tobytes(), terms.length)


def _restored(value: tuple) -> PageAnalysis:
    own, keuzes = value
    restored = tuple((k, _restored_text(t)) for k, t in keuzes)
    if not _only_text(tuple(k for k, _ in restored)):
        raise ValueError("not keuze ids")
    return PageAnalysis(_restored_text(own), restored)


def _restored_text(value: tuple) -> AnalysedText:
    # Whatever the store holds is checked for its types: an entry written by other code under the
    # same name must start a new store, not break the index.
    text, headings, terms, weights, length = value
    counted = array("d")
    counted.frombytes(weights)
    if len(counted) != len(terms) or not _only_text((text, *headings, *terms)) or type(length) is not float:
        raise ValueError("not an analysis")
    return AnalysedText(text, tuple(headings), TextTerms(tuple(map(sys.intern, terms)), counted, length))


def _only_text(values: tuple) -> bool:
    return set(map(type, values)) <= {str}


def _name_key(key: tuple) -> NameKey:
    titel, ook, namen, id_ = key
    if not _only_text((titel, *ook, *namen, id_)):
        raise ValueError("not names")
    return (titel, tuple(ook), tuple(namen), id_)


def _name_terms(value: tuple) -> NameTerms:
    fields, phrases = value
    if (type(fields) is not dict or not _only_text((*fields, *phrases))
            or not set(map(type, fields.values())) <= {float}):
        raise ValueError("not name terms")
    return fields, tuple(phrases)
