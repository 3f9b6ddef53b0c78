"""The running text of a rendered page, for search: what a reader reads as prose.

Left out: the labels of a keuze (kernopgave, rol, gebieden), its id line and heading, maps and
their text alternatives (lists of every gebied), lists that repeat titles shown elsewhere (marked
``data-search-exclude``), hidden elements, scripts and heading permalinks. Each keuze's section
becomes a text of its own, so a keuze is found as itself and its page does not match on it.

One pass over the HTML with a tag pattern, not a full parser: the HTML is what Markdown and our
fragments wrote, and this keeps the search step as cheap as the theme's own.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field

TAG = re.compile(
    r"<!--.*?-->|<!\[CDATA\[.*?\]\]>|<!.*?>|<(/?)([a-zA-Z][a-zA-Z0-9:-]*)((?:\"[^\"]*\"|'[^']*'|[^'\">])*)>",
    re.S,
)
_CLASS = re.compile(r"""\sclass\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))""", re.I)
_LABELLED_BY = re.compile(r"""\saria-labelledby\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))""", re.I)
_SKIP_ATTRIBUTE = re.compile(r"""\s(?:data-search-exclude|hidden)(?=[\s=/>]|$)|\saria-hidden\s*=\s*["']?true""", re.I)
VOID = frozenset("area base br col embed hr img input link meta param source track wbr".split())
# h1 is the page title, which the index has as a field of its own.
SKIPPED_TAGS = frozenset("h1 script style template noscript svg math iframe object textarea select button".split())
SKIPPED_CLASSES = frozenset({
    "ov-keuze__soort", "ov-keuze__kenmerken", "ov-keuze__id", "ov-keuze__titel",
    "ov-kaart", "ov-wijziging", "headerlink", "ov-sprong",
})
# Elements inside a line of text: no word break at their tags (de <a>Spoorzone</a>.).
INLINE = frozenset("a abbr b bdi bdo cite code data del dfn em i ins kbd mark q s samp small span strong sub sup time u var".split())
KEUZE_CLASS = "ov-keuze"
HEADINGS = frozenset({"h2", "h3", "h4", "h5", "h6"})
_SPACE = re.compile(r"\s+")
_UNFINISHED_TAG = re.compile(r"<[a-zA-Z/!]")


@dataclass
class Text:
    """Running text and the headings within it."""

    parts: list[str] = field(default_factory=list)
    heading_parts: list[str] = field(default_factory=list)

    @property
    def text(self) -> str:
        return _SPACE.sub(" ", "".join(self.parts)).strip()

    @property
    def headings(self) -> tuple[str, ...]:
        found = (_SPACE.sub(" ", h).strip() for h in "".join(self.heading_parts).split("\n"))
        return tuple(h for h in found if h)


@dataclass
class PageText:
    own: Text
    keuzes: dict[str, Text]  # keuze id → its text, in page order


@dataclass
class _Frame:
    tag: str
    text: Text
    heading: bool


def _attribute(pattern: re.Pattern[str], attributes: str) -> str | None:
    found = pattern.search(attributes)
    if found is None:
        return None
    return html.unescape(next(g for g in found.groups() if g is not None))


def _element_end(content: str, tag: str, start: int) -> int:
    """Where the element whose start tag ends at ``start`` ends: after its matching closing tag
    (or at the end of the content). Only tags of the same name are looked at."""
    pattern = _SAME_TAG.get(tag)
    if pattern is None:
        pattern = _SAME_TAG[tag] = re.compile(rf"<(/?){re.escape(tag)}(?=[\s/>])[^>]*+>", re.I)
    depth = 1
    for found in pattern.finditer(content, start):
        if found.group(1):
            depth -= 1
            if depth == 0:
                return found.end()
        elif not found.group().endswith("/>"):
            depth += 1
    return len(content)


_SAME_TAG: dict[str, re.Pattern[str]] = {}


def page_text(content: str) -> PageText:
    """Split a page's HTML into its own running text and that of each keuze on it."""
    own = Text()
    keuzes: dict[str, Text] = {}
    stack: list[_Frame] = [_Frame("", own, False)]
    position = 0
    search = TAG.search
    while True:
        match = search(content, position)
        if match is None:
            break
        top = stack[-1]
        if match.start() > position:
            segment = content[position:match.start()]
            if "&" in segment:
                segment = html.unescape(segment)
            top.text.parts.append(segment)
            if top.heading:
                top.text.heading_parts.append(segment)
        position = match.end()
        name = match.group(2)
        if name is None:
            continue  # a comment or declaration
        tag = name.lower()
        if match.group(1):  # a closing tag: close up to the element it names, if it is open
            for depth in range(len(stack) - 1, 0, -1):
                if stack[depth].tag == tag:
                    closed = stack[depth]
                    del stack[depth:]
                    if tag not in INLINE:
                        closed.text.parts.append(" ")
                        if closed.heading:
                            closed.text.heading_parts.append("\n")
                    break
            continue
        attributes = match.group(3) or ""
        if tag not in INLINE:
            top.text.parts.append(" ")  # a block separates words: <li>a</li><li>b</li>
        if tag in VOID or attributes.rstrip().endswith("/"):
            continue
        classes = set((_attribute(_CLASS, attributes) or "").split()) if "class" in attributes else set()
        if tag in SKIPPED_TAGS or classes & SKIPPED_CLASSES or (attributes and _SKIP_ATTRIBUTE.search(attributes)):
            position = _element_end(content, tag, position)  # nothing inside counts: jump over it
            continue
        text = top.text
        if tag == "section" and KEUZE_CLASS in classes:
            keuze_id = _attribute(_LABELLED_BY, attributes)
            if keuze_id:
                text = keuzes.setdefault(keuze_id, Text())
        stack.append(_Frame(tag, text, top.heading or tag in HEADINGS))
    top = stack[-1]
    if position < len(content):
        tail = content[position:]
        unfinished = _UNFINISHED_TAG.search(tail)  # a tag cut off at the end, as a browser drops it
        top.text.parts.append(html.unescape(tail[: unfinished.start()] if unfinished else tail))
    return PageText(own, keuzes)
