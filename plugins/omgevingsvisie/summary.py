"""A short plain-text summary of a page, for search engines and link previews."""

from __future__ import annotations

import re

from .markdown_scan import REFERENCE
from .model import Visie


def summary(body: str, visie: Visie, limit: int = 160) -> str:
    """A page's first paragraph of plain prose, as plain text: for a meta description."""
    for block in re.split(r"\n\s*\n", body):
        stripped = block.strip()
        if not stripped or stripped[0] in "#/<|-*>`!" or stripped.startswith("["):
            continue
        text = REFERENCE.sub(lambda m: m.group(2) or visie.title_of(m.group(1).strip()) or m.group(1), stripped)
        text = re.sub(r"[*_`]|\[([^\]]*)\]\([^)]*\)", lambda m: m.group(1) or "", text)
        return shortened(" ".join(text.split()), limit)
    return ""


# The end of a sentence: a full stop, question or exclamation mark before the capital (or digit,
# or opening quote) that starts the next one; "o.a. de" is no end.
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-ZÀ-Þ0-9\"'‘“(])")
MIN_SENTENCES = 40  # shorter than this, whole sentences say too little: cut inside the next one


def shortened(text: str, limit: int = 160) -> str:
    """At most ``limit`` characters: whole sentences where they fit, else cut at a word with "…".

    Search engines and link previews show this text; a sentence cut off mid-way reads worse.
    """
    if len(text) <= limit:
        return text
    fits = ""
    for end in _SENTENCE_END.finditer(text):
        if end.start() > limit:
            break
        fits = text[: end.start()]
    if len(fits) >= MIN_SENTENCES:
        return fits
    return text[: limit - 1].rsplit(" ", 1)[0] + "…"
