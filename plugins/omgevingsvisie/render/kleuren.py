"""Colours from the visie as CSS classes, so pages carry no ``style`` attributes.

A strict Content-Security-Policy blocks ``style="…"`` in HTML; a class per colour, defined in one
generated stylesheet, gives the same ``--ov-kleur`` custom property. Colours are checked when
the visie is read (``#rgb`` or ``#rrggbb``), so the class name is the colour itself.
"""

from __future__ import annotations

import re
from typing import Iterable

_COLOUR = re.compile(r"#([0-9a-fA-F]{3}|[0-9a-fA-F]{6})")


def colour_class(kleur: str | None) -> str:
    """``ov-kleur-2e7d32`` for ``#2e7d32``; empty for anything that is not a colour."""
    match = _COLOUR.fullmatch(kleur or "")
    return f"ov-kleur-{match.group(1).lower()}" if match else ""


def colour_stylesheet(colours: Iterable[str | None]) -> str:
    """One rule per colour: ``.ov-kleur-2e7d32 { --ov-kleur: #2e7d32; }``."""
    rules = []
    for kleur in sorted({c.lower() for c in colours if c and colour_class(c)}):
        rules.append(f".{colour_class(kleur)} {{ --ov-kleur: {kleur}; }}")
    return "/* Generated from the visie: one class per colour it uses. */\n" + "\n".join(rules) + "\n"
