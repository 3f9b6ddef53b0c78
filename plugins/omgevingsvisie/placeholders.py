"""``{{ gemeente }}``-style placeholders, so site pages carry the details of whichever visie is built."""

from __future__ import annotations

import re

from .markdown_scan import PLACEHOLDER, replace_outside_code
from .model import VisieMeta

MONTHS = (
    "januari", "februari", "maart", "april", "mei", "juni",
    "juli", "augustus", "september", "oktober", "november", "december",
)
# What the Wat geldt hier? page sends to whom, for the privacy part of the site's own pages.
PRIVACY_LOCATIE = {
    "pdok": (
        "Op de pagina *Wat geldt hier?* kunt u een adres zoeken. Pas als u daar begint te typen, "
        "stuurt uw browser wat u typt naar de Locatieserver van PDOK (Kadaster) om adressen voor te "
        "stellen; kiest u een adres, dan vraagt uw browser bij PDOK de ligging van dat adres op. PDOK "
        "ziet daarbij ook uw IP-adres. Een punt dat u op de kaart aanwijst en uw eigen locatie (alleen "
        "als u daarom vraagt met de knop) blijven in uw browser: de website zoekt op wat daar geldt "
        "in haar eigen bestanden."
    ),
    "geen": (
        "Op de pagina *Wat geldt hier?* wijst u een punt aan op de kaart of vraagt u uw eigen locatie "
        "op (alleen als u daarom vraagt met de knop). Dat punt blijft in uw browser: de website zoekt "
        "op wat daar geldt in haar eigen bestanden en stuurt het naar niemand."
    ),
}
# Placeholders whose value is the generator's own Markdown, not a value from the visie.
OWN_MARKDOWN = {"privacy_locatie"}
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
        "privacy_locatie": PRIVACY_LOCATIE.get(meta.adres_zoeken, PRIVACY_LOCATIE["pdok"]),
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
        values = {name: value if name in OWN_MARKDOWN else markdown_literal(value) for name, value in values.items()}

    def replace(_line: int, match: re.Match[str]) -> str:
        return values.get(match.group(1), match.group(0))

    return replace_outside_code(text, PLACEHOLDER, replace)
