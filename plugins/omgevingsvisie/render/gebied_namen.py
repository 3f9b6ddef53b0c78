"""The names residents use for places inside a gebied, shown on its page."""

from __future__ import annotations

from ..model import Gebied
from .common import e


def ook_bekend_als(gebied: Gebied) -> str:
    names = ", ".join(e(name) for name in gebied.ook_bekend_als)
    return f'<p class="ov-ook-bekend-als"><strong>Ook bekend als:</strong> {names}</p>'
