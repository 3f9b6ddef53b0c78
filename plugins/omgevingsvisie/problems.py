"""Content problems, reported to redacteuren as ``path:line: melding`` in Dutch."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Iterable, Iterator


@dataclass(frozen=True, order=True)
class Problem:
    path: str
    line: int | None
    message: str

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        return f"{where}: {self.message}"


# Line ends and other characters that are not text, which a quoted value may bring into a message.
_NOT_ONE_LINE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff\ufffe\uffff]")


def one_line(text: str) -> str:
    """A message on one line: characters that would break or hide it written as codes like \\n."""
    return _NOT_ONE_LINE.sub(lambda m: repr(m.group())[1:-1] if m.group() in "\n\t\r" else f"\\u{ord(m.group()):04x}", text)


@dataclass
class Problems:
    """Collects every problem of one visie so a build can report them all at once."""

    items: list[Problem] = field(default_factory=list)

    def add(self, path: str, line: int | None, message: str) -> None:
        problem = Problem(one_line(path), line, one_line(message))
        if problem not in self.items:
            self.items.append(problem)

    def __iter__(self) -> Iterator[Problem]:
        return iter(sorted(self.items, key=lambda p: (p.path, p.line or 0)))

    def __len__(self) -> int:
        return len(self.items)

    def __bool__(self) -> bool:
        return bool(self.items)


# "het" words take "onbekend", "de" words "onbekende".
HET_WORDS = {"gebied", "id", "veld"}


def nearest(name: str, candidates: Iterable[str], cutoff: float = 0.5) -> str | None:
    import difflib  # only when a name is wrong

    matches = difflib.get_close_matches(name, list(candidates), n=1, cutoff=cutoff)
    return matches[0] if matches else None


def unknown_id_message(kind: str, name: str, candidates: Iterable[str]) -> str:
    """Dutch message for an unknown id, with the nearest existing id as a hint."""
    from .ids import is_valid_id  # here, not at the top: fields.py imports this module

    adjective = "onbekend" if kind in HET_WORDS else "onbekende"
    message = f"{adjective} {kind} '{name}'"
    # An invalid id (from a file name such as Westenholte.md) is reported already; never suggest it.
    hint = nearest(name, [c for c in candidates if is_valid_id(c)])
    if hint:
        message += f"; bedoelt u '{hint}'?"
    return message
