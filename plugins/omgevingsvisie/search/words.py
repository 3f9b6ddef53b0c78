"""Dutch words as the search index sees them: tokens, stems and the other forms of a verb.

The browser applies the very same rules to what a reader types (``zoeken.js``: ``normalize``,
``tokens``, ``stem`` and ``variants``), so a word in the search field becomes the same term as that
word in the text; ``tests/test_search_words.py`` runs both on the same words and compares.

The stemmer is ours, not Snowball's: it must exist identically in Python and in JavaScript, and it
joins what a reader expects to find each other in a visie: plurals in -en, -s and -eren/-heden,
diminutives (straatje, pleintjes), f/v and s/z (erf, erven; huis, huizen), open and closed
syllables (paneel, panelen) and, as weaker *variants*, verb forms (speelt, gebouwd, bouwde).
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from functools import lru_cache

# Words that carry no meaning of their own in a query: not indexed, dropped from a query. The
# browser gets this list from the index, so it is kept in one place.
STOPWORDS = frozenset(
    """aan al alle als bij dan dat de den der des deze die dit door een en er ge het hem hen hier hij
    hoe hun ik in is je kan me men met mij na naar niet nog nu of om onder ons ook op over te ten
    ter tot u uit van veel voor was wat we wel wie wij wordt worden zal ze zich zij zijn zo zou""".split()
)
_WORD = re.compile(r"[^\W_]+")
_NON_ASCII = re.compile(r"[^\x00-\x7f]")
_ASCII_WORD = re.compile(r"[a-z]+")
_DIGITS = re.compile(r"[0-9]+")
VOWELS = frozenset("aeiouy")
DIMINUTIVES = ("etjes", "etje", "tjes", "tje", "pjes", "pje", "jes", "je")
PLURAL_S = ("ers", "els", "ems", "ens", "ies", "tes")
LONG_VOWELS = ("aa", "ee", "oo", "uu")
# Prefixes of separable and other verbs before the ge- of a past participle: opgebouwd, aangelegd.
PARTICIPLE = re.compile(r"(aan|af|in|mee|na|om|op|samen|terug|toe|uit|voor)?ge([a-z]{3,})([dt])")
# Common words that look like a past participle (ge- … -d/-t) but are none: gebied is no form of
# bieden, gezond none of zonnen.
NOT_PARTICIPLES = frozenset(
    "gebied gebit geduld gedicht gehucht gelid geluid gemoed gerecht gevecht gewicht gezicht gezond".split()
)
PAST_TENSE = ("de", "te")  # bouwde, werkte; -den/-ten are mostly plural nouns (gebieden)
VOICELESS = frozenset("tkfsp")


def normalize(text: str) -> str:
    """Lower case without accents: ``Ideeën`` and ``ideeen`` are one word."""
    lower = text.lower()
    if lower.isascii():
        return lower
    return _NON_ASCII.sub(_without_mark, unicodedata.normalize("NFKD", lower))


def _without_mark(found: re.Match[str]) -> str:
    return "" if unicodedata.category(found.group()).startswith("M") else found.group()


def tokens(text: str) -> list[str]:
    """The words of a text, normalized, in order; stopwords stay (phrases need them)."""
    return [w for w in _WORD.findall(normalize(text)) if _kept(w)]


# The words that _kept keeps, found directly: two letters or more, or a single digit.
_KEPT_WORD = re.compile(r"[^\W_]{2,}|[0-9]")


def word_counts(text: str) -> Counter[str]:
    """How often each of :func:`tokens` occurs."""
    return Counter(kept_words(text))


def kept_words(text: str) -> list[str]:
    """:func:`tokens`, found with one pattern (the index reads every word of the visie)."""
    return _KEPT_WORD.findall(normalize(text))


def _kept(word: str) -> bool:
    return len(word) >= 2 or bool(_DIGITS.fullmatch(word))


def phrase(text: str) -> str:
    """A name or id as one comparable string: ``Zwolle-Zuid`` and ``zwolle zuid`` are the same."""
    return " ".join(tokens(text))


@lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    """The term of a normalized word. Words with digits or letters outside a-z stay as they are."""
    if len(word) < 4 or not _ASCII_WORD.fullmatch(word):
        return word
    base = _without_diminutive(word)
    if base == word:
        base = _without_inflection(word)
    return _undouble(base)


@lru_cache(maxsize=200_000)
def variants(word: str) -> tuple[str, ...]:
    """Terms of the verb forms a word may be, besides its stem: weaker matches.

    ``speelt`` → ``spel`` (spelen), ``gebouwd`` → ``bouw`` (bouwen), ``bouwde`` → ``bouw``. The
    index adds them for words in the text and the query for what the reader types, so either side
    may hold the infinitive.
    """
    if len(word) < 5 or not _ASCII_WORD.fullmatch(word):
        return ()
    forms: list[str] = []
    participle = PARTICIPLE.fullmatch(word) if word not in NOT_PARTICIPLES else None
    if participle:
        prefix, middle, last = participle.group(1) or "", participle.group(2), participle.group(3)
        forms += [prefix + middle, prefix + middle + last]
    if word[-1] in "dt" and word[-2] not in VOWELS:
        forms.append(word[:-1])  # speelt, vernieuwd; not gebied or woningaanbod (no verb ends in a vowel)
    if len(word) >= 6 and word.endswith(PAST_TENSE) and word[-3] not in VOWELS:
        # 't kofschip: -te after a voiceless consonant (werkte), -de after the others (bouwde);
        # gemeente and ruimte are no past tense.
        if (word[-2] == "t") == (word[-3] in VOICELESS or word[-4:-2] == "ch"):
            forms.append(word[:-2])
    own = stem(word)
    found: list[str] = []
    for form in forms:
        term = stem(form)
        if term != own and term not in found and len(term) >= 3:
            found.append(term)
    return tuple(found)


def _without_diminutive(word: str) -> str:
    for ending in DIMINUTIVES:
        if word.endswith(ending) and len(word) - len(ending) >= 3:
            base = word[: -len(ending)]
            if ending.startswith("t") and base.endswith(LONG_VOWELS):
                base += "t"  # straatje, plaatje: the t is the word's own
            return base
    return word


def _without_inflection(word: str) -> str:
    if word.endswith("heden"):
        return word[:-5] + "heid"  # mogelijkheden
    if word.endswith(PLURAL_S) and len(word) >= 6:
        word = word[:-1]  # fietsers, tafels, corporaties, gemeentes
    if word.endswith("en") and len(word) >= 5 and (word[-3] not in VOWELS or word[-4:-2] in ("ee", "ie")):
        return _voiceless(word[:-2])  # panelen, wijken, ideeën, knieën
    if word.endswith("e") and len(word) >= 5 and word[-2] not in VOWELS:
        return _voiceless(word[:-1])  # groene, grote, gemeente
    return word


def _voiceless(base: str) -> str:
    """erven → erf, huizen → huis: a word does not end in v or z."""
    if base.endswith("v"):
        return base[:-1] + "f"
    if base.endswith("z"):
        return base[:-1] + "s"
    return base


def _undouble(word: str) -> str:
    """bedden → bed and paneel → panel: what the plural changes in the spelling, undone."""
    if len(word) >= 4 and word[-1] == word[-2] and word[-1] not in VOWELS:
        return word[:-1]
    if len(word) >= 4 and word[-1] not in VOWELS and word[-3:-1] in LONG_VOWELS and word[-4] not in VOWELS:
        return word[:-2] + word[-1]
    return word


@lru_cache(maxsize=200_000)
def terms(word: str) -> tuple[str, tuple[str, ...]]:
    """The stem of a normalized word and its weaker variants; ('', ()) for a stopword."""
    if word in STOPWORDS:
        return "", ()
    return stem(word), variants(word)


# terms() split in two, each a function of one word: the index maps them over a whole text at once,
# so they are looked up in a plain dict (a word's terms never change) rather than through lru_cache.
class _WordTable(dict):
    def __init__(self, part: int) -> None:
        super().__init__()
        self.part = part

    def __missing__(self, word: str):
        found = self[word] = terms(word)[self.part]
        return found


_OWN_TERMS = _WordTable(0)
_OTHER_TERMS = _WordTable(1)
own_term = _OWN_TERMS.__getitem__
"""The stem of a normalized word; '' for a stopword."""
other_terms = _OTHER_TERMS.__getitem__
"""The weaker variants of a normalized word; () for a stopword."""
