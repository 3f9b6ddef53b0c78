"""Changes to a large text at a few places, made with one copy of the text.

A page of the site is post-processed in several steps (repairs to the theme's HTML, the security
policy); as separate string operations each step copied the whole page, and a large overview
(the Matrix of a thousand gebieden is megabytes) was then held three and four times at once.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class Edit:
    start: int
    end: int  # the characters start:end are replaced; start == end inserts
    replacement: str


def apply_edits(text: str, edits: list[Edit]) -> str:
    """The text with every edit made; edits may not overlap."""
    if not edits:
        return text
    edits = sorted(edits)
    pieces: list[str] = []
    done = 0
    for edit in edits:
        if edit.start < done:
            raise ValueError(f"overlapping edits at {edit.start}")
        pieces += [text[done : edit.start], edit.replacement]
        done = edit.end
    # Only the part up to the last edit is sliced and rebuilt; replace() then makes the one copy
    # of the whole text (the part always stands first, so it is found at once).
    return text.replace(text[:done], "".join(pieces), 1) if done else "".join(pieces) + text
