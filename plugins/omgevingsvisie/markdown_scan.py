"""Reading the parts of Markdown that carry visie structure: blocks, ``[[id]]`` links, headings.

Code (fenced blocks and inline code spans) is masked first: ``[[…]]`` and ``///`` inside code
stay literal text, exactly as the redacteur wrote them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Callable, Iterator

# Possessive quantifiers (*+, ++) never backtrack: every pattern here runs in time linear in the
# line, also on hostile input (a heading with 100,000 spaces).
FENCE = re.compile(r"^\s*+(`{3,}+|~{3,}+)")
BACKTICKS = re.compile(r"`+")
BLOCK_START = re.compile(r"^(\s*+)(/{3,}+)[ ]*+([\w-]++)[ ]*+(?:\|(.*))?$")
BLOCK_END = re.compile(r"^\s*+(/{3,}+)[ ]*+$")
HEADING = re.compile(r"^(#{1,6}+)\s++\S")
REFERENCE = re.compile(r"\[\[([^\[\]\n|]*+)(?:\|([^\[\]\n]*+))?\]\]")
PLACEHOLDER = re.compile(r"\{\{\s*+([^{}\s]*+)\s*+\}\}")


def code_line_mask(lines: list[str]) -> list[bool]:
    """True for every line that is part of a fenced code block (fences included)."""
    mask: list[bool] = []
    fence: str | None = None
    for line in lines:
        match = FENCE.match(line)
        if fence is None:
            if match:
                fence = match.group(1)
                mask.append(True)
                continue
            mask.append(False)
        else:
            mask.append(True)
            if match and match.group(1)[0] == fence[0] and len(match.group(1)) >= len(fence) and not line.strip()[len(match.group(1)) :].strip():
                fence = None
    return mask


def code_span_ranges(line: str) -> list[tuple[int, int]]:
    """Spans of inline code: a run of backticks up to the next run of the same length."""
    runs = [m.span() for m in BACKTICKS.finditer(line)]
    next_same: list[int | None] = [None] * len(runs)
    later: dict[int, int] = {}
    for index in range(len(runs) - 1, -1, -1):
        length = runs[index][1] - runs[index][0]
        next_same[index] = later.get(length)
        later[length] = index
    spans: list[tuple[int, int]] = []
    index = 0
    while index < len(runs):
        closing = next_same[index]
        if closing is None:
            index += 1
            continue
        spans.append((runs[index][0], runs[closing][1]))
        index = closing + 1
    return spans


def _outside(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    return all(end <= s or start >= e for s, e in spans)


@dataclass
class Match:
    """A pattern found outside code, with its 1-based line in the scanned text."""

    line: int
    match: re.Match[str]


def _nowhere(text: str, pattern: re.Pattern[str]) -> bool:
    """True when the pattern cannot match on any line: most pages need no look for code, line by
    line. A pattern anchored with ^ matches per line only, so the whole text says nothing of it."""
    return not pattern.pattern.startswith("^") and pattern.search(text) is None


def find_outside_code(text: str, pattern: re.Pattern[str]) -> Iterator[Match]:
    if _nowhere(text, pattern):
        return
    lines = text.splitlines()
    for number, (line, in_code) in enumerate(zip(lines, code_line_mask(lines), strict=True), start=1):
        if in_code:
            continue
        spans: list[tuple[int, int]] | None = None
        for match in pattern.finditer(line):
            if spans is None:
                spans = code_span_ranges(line) if "`" in line else []
            if _outside(spans, *match.span()):
                yield Match(number, match)


def replace_outside_code(text: str, pattern: re.Pattern[str], replace: Callable[[int, re.Match[str]], str]) -> str:
    """Replace every match outside code; ``replace`` gets the 1-based line and the match."""
    if _nowhere(text, pattern):
        return text
    out: list[str] = []
    lines = text.splitlines(keepends=True)
    for number, (line, in_code) in enumerate(zip(lines, code_line_mask(lines), strict=True), start=1):
        if in_code or pattern.search(line) is None:
            out.append(line)
            continue
        spans = code_span_ranges(line) if "`" in line else []

        def substitute(match: re.Match[str], number: int = number, spans: list[tuple[int, int]] = spans) -> str:
            if _outside(spans, *match.span()):
                return replace(number, match)
            return match.group(0)

        out.append(pattern.sub(substitute, line))
    return "".join(out)


@dataclass
class BlockSource:
    """A ``/// name | argument`` block as written, before any checking."""

    name: str
    argument: str
    line: int  # 1-based, in the scanned text
    indent: int
    length: int
    options_text: str
    options_line: int
    body_lines: list[str] = field(default_factory=list)
    body_line: int = 0
    closed: bool = False
    heading_level: int = 0  # level of the last heading before the block (0 = none)
    tab_line: int = 0  # 1-based line of an option indented with a tab (0 = none)
    parent: "BlockSource | None" = None


def scan_blocks(text: str) -> list[BlockSource]:
    """Every block in the text, in order of appearance, nested ones included."""
    if "///" not in text:  # no block can start (most gebied pages and chapters): no line to read
        return []
    lines = text.splitlines()
    mask = code_line_mask(lines)
    blocks: list[BlockSource] = []
    stack: list[BlockSource] = []
    last_heading = 0
    index = 0
    while index < len(lines):
        line = lines[index]
        if mask[index]:
            for open_block in stack:
                open_block.body_lines.append(line)
            index += 1
            continue
        heading = HEADING.match(line)
        if heading:
            last_heading = len(heading.group(1))
        end = BLOCK_END.match(line)
        if end and any(b.length == len(end.group(1)) for b in stack):
            while stack:
                closing = stack.pop()
                closing.closed = True
                if closing.length == len(end.group(1)):
                    break
            for open_block in stack:
                open_block.body_lines.append(line)
            index += 1
            continue
        start = BLOCK_START.match(line)
        if start:
            indent = len(start.group(1).expandtabs(4))
            block = BlockSource(
                name=start.group(3),
                argument=(start.group(4) or "").strip(),
                line=index + 1,
                indent=indent,
                length=len(start.group(2)),
                options_text="",
                options_line=index + 2,
                heading_level=last_heading,
                parent=stack[-1] if stack else None,
            )
            for open_block in stack:
                open_block.body_lines.append(line)
            index += 1
            option_lines: list[str] = []
            while index < len(lines) and lines[index].strip():
                leading = lines[index][: len(lines[index]) - len(lines[index].lstrip())]
                if "\t" in leading and len(leading.expandtabs(4)) >= indent + 4:
                    block.tab_line = index + 1  # would silently end the options: reported instead
                    break
                if len(lines[index]) - len(lines[index].lstrip(" ")) < indent + 4:
                    break
                option_lines.append(lines[index][indent + 4 :])
                for open_block in stack:
                    open_block.body_lines.append(lines[index])
                index += 1
            block.options_text = "\n".join(option_lines)
            block.body_line = index + 1
            blocks.append(block)
            stack.append(block)
            continue
        for open_block in stack:
            open_block.body_lines.append(line)
        index += 1
    return blocks


def strip_indent(lines: list[str], indent: int) -> str:
    return "\n".join(line[indent:] if line[:indent].strip() == "" else line.lstrip() for line in lines)
