"""The names residents use for places inside a gebied, shown on its page."""

from __future__ import annotations

from ..model import Gebied
from .common import NOT_IN_SEARCH, e


def ook_bekend_als(gebied: Gebied) -> str:
    names = ", ".join(e(name) for name in gebied.ook_bekend_als)
    # Out of the running text: search has the names as names already, and a result shows them once.
    return f'<p class="ov-ook-bekend-als" {NOT_IN_SEARCH}><strong>Ook bekend als:</strong> {names}</p>'
