"""What search takes from a page, kept from one build to the next.

Reading a page's running text and counting its terms is most of the search step, and it depends
on nothing but the page's HTML. A store keeps that analysis by a digest of the HTML; a build that
keeps the store (``BuildCache``) reads it back for every page whose HTML did not change. The index
itself is made anew each build: its scores depend on every page, and an item's title, names and
kind come from the visie, not from here.
"""

from __future__ import annotations

import hashlib
import marshal
import sys
from array import array
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from .index import TextTerms, text_terms
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
    digest = hashlib.sha256(f"{sys.version_info[:2]}/{marshal.version}".encode())
    here = Path(__file__).parent
    for name in _MAKERS:
        try:
            digest.update((here / name).read_bytes())
        except OSError:
            digest.update(name.encode())
    return digest.digest()


class AnalysisStore:
    """Page analyses by the digest of the page's HTML; ``used`` are those of the current build."""

    def __init__(self, known: dict[bytes, PageAnalysis] | None = None) -> None:
        self.known: dict[bytes, PageAnalysis] = known or {}
        self.used: set[bytes] = set()
        self.hits = 0
        self.made = 0

    def start(self) -> None:
        self.used = set()
        self.hits = self.made = 0

    def analysis(self, content: str) -> PageAnalysis:
        key = hashlib.blake2b(content.encode("utf-8", "surrogatepass"), digest_size=16).digest()
        found = self.known.get(key)
        if found is None:
            found = self.known[key] = analyse_page(content)
            self.made += 1
        else:
            self.hits += 1
        self.used.add(key)
        return found

    def forget_unused(self) -> None:
        """Drop analyses of pages this build did not have (edited or deleted since)."""
        self.known = {key: self.known[key] for key in self.used if key in self.known}

    def to_bytes(self) -> bytes:
        """The analyses of this build's pages, for :meth:`from_bytes` in a later build."""
        return marshal.dumps({key: _plain(self.known[key]) for key in self.used if key in self.known})

    @classmethod
    def from_bytes(cls, data: bytes | None) -> AnalysisStore:
        """A store from :meth:`to_bytes`; an empty one if ``data`` is None or not such bytes."""
        if not data:
            return cls()
        try:
            table = marshal.loads(data)
            return cls({key: _restored(value) for key, value in table.items()})
        except (EOFError, ValueError, TypeError, AttributeError):
            return cls()  # damaged or written by other code: every page is analysed again


def _plain(page: PageAnalysis) -> tuple:
    return (_plain_text(page.own), tuple((k, _plain_text(t)) for k, t in page.keuzes))


def _plain_text(found: AnalysedText) -> tuple:
    terms = found.terms
    return (found.text, found.headings, terms.terms, terms.weights.tobytes(), terms.length)


def _restored(value: tuple) -> PageAnalysis:
    own, keuzes = value
    return PageAnalysis(_restored_text(own), tuple((k, _restored_text(t)) for k, t in keuzes))


def _restored_text(value: tuple) -> AnalysedText:
    text, headings, terms, weights, length = value
    counted = array("d")
    counted.frombytes(weights)
    if len(counted) != len(terms) or not all(isinstance(t, str) for t in (text, *headings)):
        raise ValueError("not an analysis")
    return AnalysedText(text, tuple(headings), TextTerms(tuple(map(sys.intern, terms)), counted, float(length)))
