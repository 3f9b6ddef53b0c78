"""``{{ gemeente }}``-style placeholders, so site pages carry the details of whichever visie is built."""

from __future__ import annotations

import re

from .markdown_scan import PLACEHOLDER, replace_outside_code
from .model import VisieMeta

MONTHS = (
    "januari", "februari", "maart", "april", "mei", "juni",
    "juli", "augustus", "september", "oktober", "november", "december",
)
STATUS_WORDS = {"concept": "concept", "ontwerp": "ontwerp", "vastgesteld": "vastgesteld"}


def dutch_date(meta: VisieMeta) -> str:
    if meta.datum is None:
        return ""
    return f"{meta.datum.day} {MONTHS[meta.datum.month - 1]} {meta.datum.year}"


def placeholder_values(meta: VisieMeta) -> dict[str, str]:
    return {
        "gemeente": meta.gemeente,
        "titel": meta.titel,
        "status": STATUS_WORDS.get(meta.status, meta.status),
        "versie": meta.versie or "",
        "datum": dutch_date(meta),
    }


# Characters that start Markdown or HTML syntax inside a line ([x](…), <tag>, *, {: attr}, |, ~~);
# hyphens, dots, pluses and '=' only matter at the start of a line, where a value does not stand.
_SYNTAX = re.compile(r"[#&()*<>\[\\\]_`{|}~]")


def markdown_literal(value: str) -> str:
    """Text that Markdown shows exactly as written: punctuation as character references, one line."""
    return _SYNTAX.sub(lambda m: f"&#{ord(m.group())};", " ".join(value.split()))


def fill_placeholders(text: str, meta: VisieMeta, literal: bool = False) -> str:
    """Fill in the values; with ``literal`` they are inserted into Markdown as text, never as markup."""
    values = placeholder_values(meta)
    if literal:
        values = {name: markdown_literal(value) for name, value in values.items()}

    def replace(_line: int, match: re.Match[str]) -> str:
        return values.get(match.group(1), match.group(0))

    return replace_outside_code(text, PLACEHOLDER, replace)
