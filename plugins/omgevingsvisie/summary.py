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
        text = " ".join(text.split())
        return text if len(text) <= limit else text[: limit - 3].rsplit(" ", 1)[0] + "…"
    return ""
