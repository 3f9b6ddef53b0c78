"""Small repairs to the HTML that Material writes, so that every page is valid and accessible.

Found by the Nu Html Checker, axe-core and Lighthouse (tests/test_quality.py, scripts/benchmark.py);
each repair names what it fixes.
"""

from __future__ import annotations

import html
import re

from omgevingsvisie.summary import shortened
from omgevingsvisie.textedits import Edit

# Material puts autocomplete="off" on the hidden checkboxes that open its drawer and search (so
# Firefox does not restore them as checked); HTML allows autocomplete only on text-like inputs.
_TOGGLE_AUTOCOMPLETE = re.compile(r'(<input class="md-toggle"[^>]*?type="checkbox"[^>]*?) autocomplete="off"')
# Material's search is a role="dialog" without a name (axe aria-dialog-name): name it after its field.
_SEARCH_DIALOG = re.compile(r'(<div class="md-search" [^>]*?role="dialog")(?![^>]*aria-label)')
_PARAGRAPH = re.compile(r"<p(?:\s[^>]*)?>(.*?)</p>", re.S)
_TAG = re.compile(r"<[^>]+>")


# The tags each repair applies to, found by their literal start: a regex alternation is tried at
# every position of the page (a millisecond per page, a tenth of a small visie's build).
_REPAIRED_TAGS = {'<input class="md-toggle"': _TOGGLE_AUTOCOMPLETE, '<div class="md-search" ': _SEARCH_DIALOG}


def _repair(match: re.Match[str]) -> str:
    toggle = match.group(1)
    return toggle if match.re is _TOGGLE_AUTOCOMPLETE else f'{toggle} aria-label="Zoeken"'


def page_repairs(page_html: str) -> list[Edit]:
    """The repairs a page of the theme needs, as edits (see omgevingsvisie.textedits)."""
    edits = []
    for prefix, pattern in _REPAIRED_TAGS.items():
        for position in _positions(page_html, prefix):
            end = page_html.find(">", position)
            if end < 0:
                break
            tag = page_html[position : end + 1]
            repaired = pattern.sub(_repair, tag, count=1)
            if repaired != tag:
                edits.append(Edit(position, end + 1, repaired))
    return edits


def _positions(text: str, prefix: str) -> list[int]:
    found: list[int] = []
    position = text.find(prefix)
    while position >= 0:
        found.append(position)
        position = text.find(prefix, position + len(prefix))
    return found


def description_from_content(content: str, limit: int = 160) -> str:
    """A meta description from the first paragraph of a page's HTML, for pages without one (the
    generated overviews): search engines show it, and Lighthouse's SEO audit asks for it."""
    for match in _PARAGRAPH.finditer(content):
        text = " ".join(html.unescape(_TAG.sub("", match.group(1))).split())
        if text:
            return shortened(text, limit)
    return ""
