"""Small repairs to the HTML that Material writes, so that every page is valid and accessible.

Found by the Nu Html Checker, axe-core and Lighthouse (tests/test_quality.py, scripts/benchmark.py);
each repair names what it fixes.
"""

from __future__ import annotations

import html
import re

# Material puts autocomplete="off" on the hidden checkboxes that open its drawer and search (so
# Firefox does not restore them as checked); HTML allows autocomplete only on text-like inputs.
_TOGGLE_AUTOCOMPLETE = re.compile(r'(<input class="md-toggle"[^>]*?type="checkbox"[^>]*?) autocomplete="off"')
# Material's search is a role="dialog" without a name (axe aria-dialog-name): name it after its field.
_SEARCH_DIALOG = re.compile(r'(<div class="md-search" [^>]*?role="dialog")(?![^>]*aria-label)')
_PARAGRAPH = re.compile(r"<p(?:\s[^>]*)?>(.*?)</p>", re.S)
_TAG = re.compile(r"<[^>]+>")


_REPAIRS = re.compile(f"{_TOGGLE_AUTOCOMPLETE.pattern}|{_SEARCH_DIALOG.pattern}")


def _repair(match: re.Match[str]) -> str:
    toggle, dialog = match.group(1), match.group(2)
    return toggle if toggle is not None else f'{dialog} aria-label="Zoeken"'


def repair_page(page_html: str) -> str:
    # One pass: a page is copied once, not once per repair (the Matrix of a large visie is megabytes).
    return _REPAIRS.sub(_repair, page_html)


def description_from_content(content: str, limit: int = 160) -> str:
    """A meta description from the first paragraph of a page's HTML, for pages without one (the
    generated overviews): search engines show it, and Lighthouse's SEO audit asks for it."""
    for match in _PARAGRAPH.finditer(content):
        text = " ".join(html.unescape(_TAG.sub("", match.group(1))).split())
        if text:
            return text if len(text) <= limit else text[: limit - 3].rsplit(" ", 1)[0] + "…"
    return ""
