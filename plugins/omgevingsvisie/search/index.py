"""The site's search index: small JSON files that a browser fetches only as a query needs them.

Layout (paths relative to the index folder):

- ``index.json``: the number of items, where each terms file and items file starts, the stopwords
  and a build hash (every other file is fetched with ``?v=<hash>``, so a browser never mixes two
  builds);
- ``termen/<n>.json``: terms (by their first two letters, in order) and, per term, its items
  with a precomputed score, plus the names and ids (phrases) that put an item first when typed
  in full;
- ``items/<n>.json``: what a result shows of each item in the group: link, title, kind,
  kernopgave, rol, other names and running text for the snippet;
- ``filters.json``: per item what it belongs to (kind, kernopgaven, gebieden), and the gebieden
  with the one each lies in: for *Verfijn*, fetched when the reader narrows.

A query of two words downloads ``index.json``, one or two terms files and the items of the first
results, however large the visie. Scores are BM25 over the running text plus a bonus for a term
in the title, a name or the id, so they need no document lengths in the browser.
"""

from __future__ import annotations

import hashlib
import json
from array import array
import math
import operator
import sys
import zlib
from collections import Counter, defaultdict
from dataclasses import dataclass
from itertools import chain
from typing import Callable, Iterable, Iterator

from ..model import Visie
from .facts import SOORTEN, SearchFacts
from .words import STOPWORDS, kept_words, other_terms, own_term, phrase, terms, tokens, word_counts

FORMAT = 1
K1 = 1.2
B = 0.75
HEADING_WEIGHT = 2.0
VARIANT_WEIGHT = 0.5  # a verb form the word may be (speelt → spelen) counts half
# Bonus per term in a field, in units of one matching word of running text.
FIELD_BONUS = {"titel": 2.5, "naam": 2.5, "id": 1.5}
SCALE = 10  # scores are stored as whole numbers
MAX_TEXT = 6000  # characters of running text kept per item for its snippet
ITEM_BYTES = 8000  # the size an items file aims at
TERM_BYTES = 6000  # the size a terms file aims at


@dataclass(frozen=True)
class SearchItem:
    url: str  # relative to the site root, with the keuze's anchor
    facts: SearchFacts
    text: str
    headings: tuple[str, ...] = ()


@dataclass(frozen=True)
class TextTerms:
    """The terms of a text and its headings with their weighted counts, side by side.

    A build keeps these for every item until the index is written, and a dict of floats per item
    was a tenth of a large build's memory. Terms are interned: items share their vocabulary.
    """

    terms: tuple[str, ...]
    weights: array[float]
    length: float  # the number of words that count, for BM25's length normalization


# An item's title, names and id: the bonus per term, and the phrases that put it first when typed.
NameTerms = tuple[dict[str, float], tuple[str, ...]]


@dataclass(frozen=True)
class ItemTerms:
    """An item's terms, counted once (the live preview keeps them for pages it does not rebuild)."""

    terms: tuple[str, ...]
    weights: array[float]
    fields: dict[str, float]  # term → bonus for title, names and id
    length: float
    phrases: tuple[str, ...]

    @property
    def body(self) -> dict[str, float]:
        """Term → weighted count in running text and headings."""
        return dict(zip(self.terms, self.weights))


def text_terms(text: str, headings: tuple[str, ...] = ()) -> TextTerms:
    """The terms of running text, with those of its headings counting double."""
    # The running text holds most words of a visie: its terms are counted by mapping over all its
    # words at once (a loop per word was most of the search step), and only words with a variant
    # are looked at one by one. Every weight is a multiple of a half, so the order of adding up
    # does not change a sum.
    words = kept_words(text)
    body: dict[str, float] = Counter(map(own_term, words))  # type: ignore[assignment]
    length = float(len(words) - body.pop("", 0))
    counts = Counter(words)
    get = body.get
    for word in filter(other_terms, counts):
        share = VARIANT_WEIGHT * counts[word]
        for other in other_terms(word):
            body[other] = get(other, 0) + share
    for heading in headings:
        for word, count in word_counts(heading).items():
            own, others = terms(word)
            if not own:
                continue
            length += count
            body[own] = get(own, 0) + HEADING_WEIGHT * count
            for other in others:
                body[other] = get(other, 0) + HEADING_WEIGHT * VARIANT_WEIGHT * count
    return TextTerms(tuple(map(sys.intern, body)), array("d", body.values()), length)


def name_terms(facts: SearchFacts) -> NameTerms:
    """The bonus per term for an item's title, names and id, and the phrases that name it."""
    fields: dict[str, float] = {}
    named = [("titel", facts.titel), *(("naam", n) for n in (*facts.ook_bekend_als, *facts.namen)), ("id", facts.id)]
    for field_name, text in named:
        for word in tokens(text):
            own, others = terms(word)
            for term, share in ((own, 1.0), *((o, VARIANT_WEIGHT) for o in others)):
                if term:
                    fields[term] = max(fields.get(term, 0.0), FIELD_BONUS[field_name] * share)
    phrases = tuple(dict.fromkeys(p for p in (phrase(t) for _, t in named) if p))
    return fields, phrases


def item_terms(item: SearchItem, counted: TextTerms | None = None, named: NameTerms | None = None) -> ItemTerms:
    """``counted`` and ``named``: the terms of the item's text and names, if they were counted before."""
    found = counted or text_terms(item.text, item.headings)
    fields, phrases = named or name_terms(item.facts)
    return ItemTerms(found.terms, found.weights, fields, found.length, phrases)


def shard_key(term: str) -> str:
    return "".join(c if ("a" <= c <= "z" or "0" <= c <= "9") else "_" for c in term[:2])


def index_files(visie: Visie, items: list[tuple[SearchItem, ItemTerms]]) -> Iterator[tuple[str, bytes]]:
    """Every file of the index, as (path in the index folder, content), ``index.json`` last.

    Items are grouped into files of about ITEM_BYTES and terms into files of about TERM_BYTES: a
    query fetches a few of each, and a build writes tens of files, not one per item (creating
    files is what a build spends most of its search time on). An item's group follows from its URL,
    so an edit in the live preview rewrites the group of the edited item, not all of them.

    Files are made one at a time, for the caller to write before the next: holding the whole
    index (the items' text twice over) was a fifth of a large build's peak memory.
    """
    # The size of an item's JSON, near enough to choose the number of groups by.
    total = sum(len(item.text) + 200 for item, _ in items)
    groups = max(1, math.ceil(total / ITEM_BYTES))
    group_of = {item.url: zlib.crc32(item.url.encode("utf-8")) % groups for item, _ in items}
    ordered = sorted(items, key=lambda entry: (group_of[entry[0].url], entry[0].url))
    count = len(ordered)
    digest = hashlib.sha256()

    def made(name: str, data: bytes) -> tuple[str, bytes]:
        digest.update(name.encode() + b"\0" + data + b"\0")
        return name, data

    starts: list[int] = []
    members: list[bytes] = []
    current = -1
    for number, (item, _) in enumerate(ordered):
        group = group_of[item.url]
        if group != current:
            if members:
                yield made(f"items/{len(starts) - 1}.json", b"[" + b",".join(members) + b"]")
            starts.append(number)
            members, current = [], group
        members.append(_json(_item_json(item)))
    if members:
        yield made(f"items/{len(starts) - 1}.json", b"[" + b",".join(members) + b"]")
    members = []

    found_in: Counter[str] = Counter()
    for _, found in ordered:
        found_in.update(found.terms)
        if found.fields:
            found_in.update(found.fields.keys() - set(found.terms))
    idf = {term: math.log(1 + (count - n + 0.5) / (n + 0.5)) for term, n in found_in.items()}
    idf_of = idf.__getitem__
    average = sum(found.length for _, found in ordered) / count if count else 1.0
    # per term: item number and score, alternately, in ascending item numbers (an array: a list
    # of ints took four times the memory at a thousand pages). Each term's ``append`` is looked up
    # once: this loop runs once per posting, a quarter of a million times at a thousand pages.
    postings: dict[str, array[int]] = {}
    append_to: dict[str, Callable[[int], None]] = {}
    saturation = K1 + 1
    for number, (_, found) in enumerate(ordered):
        norm = K1 * (1 - B + B * found.length / (average or 1.0))
        fields = found.fields
        bonus_of = fields.get
        for term, weight, term_idf in zip(found.terms, found.weights, map(idf_of, found.terms)):
            add = append_to.get(term)
            if add is None:
                add = append_to[term] = postings.setdefault(term, array("l")).append
            add(number)
            score = round(term_idf * (weight * saturation / (weight + norm) + bonus_of(term, 0.0)) * SCALE)
            add(score if score > 1 else 1)
        if fields:  # a term only in the title, names or id: rare, so no shortcut here
            in_body = set(found.terms)
            for term, bonus in fields.items():
                if term not in in_body:
                    postings.setdefault(term, array("l")).extend((number, max(1, round(idf[term] * bonus * SCALE))))
    append_to = {}
    by_key: dict[str, tuple[list[str], list[str]]] = defaultdict(lambda: ([], []))
    # in term order: a file does not depend on the order in which items were analysed
    for term in sorted(postings):
        by_key[shard_key(term)][0].append(_json_string(term) + ":" + _differences(postings[term]))
    postings = {}
    phrases: dict[str, list[int]] = defaultdict(list)
    for number, (_, found) in enumerate(ordered):
        for name in found.phrases:
            phrases[name].append(number)
    for name, numbers_of in phrases.items():
        by_key[shard_key(name.split(" ", 1)[0])][1].append(_json_string(name) + ":" + _json_text(numbers_of))
    shard_starts: list[str] = []
    pending: list[tuple[list[str], list[str]]] = []
    size = 0

    def shard() -> tuple[str, bytes]:
        terms_part = ",".join(part for group, _ in pending for part in group)
        phrase_part = ",".join(part for _, group in pending for part in group)
        data = ('{"t":{' + terms_part + '},"x":{' + phrase_part + "}}").encode("utf-8")
        return made(f"termen/{len(shard_starts) - 1}.json", data)

    for key in sorted(by_key):
        parts = by_key.pop(key)
        if not pending or size >= TERM_BYTES:
            if pending:
                yield shard()
            shard_starts.append(key)
            pending, size = [], 0
        pending.append(parts)
        size += sum(len(p) for p in parts[0]) + sum(len(p) for p in parts[1])
    if pending:
        yield shard()
    yield made("filters.json", _json(_filters(visie, [item for item, _ in ordered])))
    yield "index.json", _json({
        "formaat": FORMAT,
        "bouw": digest.hexdigest()[:12],
        "aantal": count,
        # the first shard key in each terms file, and the first item number in each items file
        "termen": shard_starts,
        "items": starts,
        "stopwoorden": sorted(STOPWORDS),
    })


def build_index(visie: Visie, items: list[tuple[SearchItem, ItemTerms]]) -> dict[str, bytes]:
    """The whole index at once, by path (for tests and tools; a build writes index_files)."""
    return dict(index_files(visie, items))


def _differences(numbers: array[int]) -> str:
    """Item numbers as differences from the one before (they compress well), with their scores."""
    out = numbers.tolist()
    items = out[0::2]
    out[0::2] = map(operator.sub, items, chain((0,), items))
    return str(out).replace(" ", "")  # a list of ints prints as JSON, but for its spaces


def _item_json(item: SearchItem) -> dict[str, object]:
    facts = item.facts
    data: dict[str, object] = {"url": item.url, "titel": facts.titel, "soort": facts.soort}
    if facts.kernopgave:
        data["kernopgave"] = facts.kernopgave
    if facts.rol:
        data["rol"] = facts.rol
    if facts.ook_bekend_als:
        data["ook"] = list(facts.ook_bekend_als)
    if facts.id:
        data["id"] = facts.id
    text = item.text if len(item.text) <= MAX_TEXT else item.text[:MAX_TEXT].rsplit(" ", 1)[0] + " …"
    data["tekst"] = text
    return data


def _filters(visie: Visie, items: Iterable[SearchItem]) -> dict[str, object]:
    kernopgaven = {k.id: n for n, k in enumerate(visie.kernopgaven)}
    gebieden = {g.id: n for n, g in enumerate(visie.gebieden)}
    rows = []
    for item in items:
        facts = item.facts
        rows.append([
            SOORTEN.index(facts.soort),
            [kernopgaven[k] for k in facts.kernopgaven if k in kernopgaven],
            [gebieden[g] for g in facts.gebieden if g in gebieden],
            1 if facts.whole_gemeente else 0,
        ])
    return {
        "soorten": list(SOORTEN),
        "kernopgaven": [k.titel for k in visie.kernopgaven],
        # [titel, the index of the gebied it lies in or -1]
        "gebieden": [[g.titel, gebieden.get(g.onderdeel_van or "", -1)] for g in visie.gebieden],
        "items": rows,
    }


# One encoder for the whole index: json.dumps with options makes a new one per call, and an index
# encodes every item and term on its own.
_ENCODER = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"))


# What the encoder does with a string, without its dispatch: the index encodes thousands of terms.
_json_string = json.encoder.encode_basestring


def _json_text(data: object) -> str:
    return _ENCODER.encode(data)


def _json(data: object) -> bytes:
    return _json_text(data).encode("utf-8")


__all__ = [
    "ItemTerms", "NameTerms", "SearchItem", "STOPWORDS", "TextTerms", "build_index", "index_files", "item_terms", "name_terms",
    "shard_key", "terms", "text_terms",
]
