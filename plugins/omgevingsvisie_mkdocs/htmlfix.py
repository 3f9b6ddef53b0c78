"""Small repairs to the HTML that Material writes, so that every page is valid HTML.

Found by the Nu Html Checker in tests/test_quality.py; each repair names what it fixes.
"""

from __future__ import annotations

import re

# Material puts autocomplete="off" on the hidden checkboxes that open its drawer and search (so
# Firefox does not restore them as checked); HTML allows autocomplete only on text-like inputs.
_TOGGLE_AUTOCOMPLETE = re.compile(r'(<input class="md-toggle"[^>]*?type="checkbox"[^>]*?) autocomplete="off"')


def repair_page(html: str) -> str:
    return _TOGGLE_AUTOCOMPLETE.sub(r"\1", html)
