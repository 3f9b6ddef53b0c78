"""Blocks the plugin adds to a page whose HTML is known before Markdown runs: its own headings,
the jump to a gebied's keuzes, and the paragraphs that mark where rendered fragments go.

Written as Markdown, each of these cost a tenth of a millisecond: Python-Markdown tried a dozen
block processors and sixteen inline patterns on it, and attr_list read its attributes. That was
most of what a gebied page cost beyond plain Material. Now the plugin writes a token on a line of
its own, and a block processor that runs before all others makes the element at once. A heading
stays an element, so the table of contents, its permalink and MkDocs' anchor check see it as
before; its text is stashed and escaped once, so no pattern reads a title as markup.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree
from dataclasses import dataclass
from html import escape
from typing import Any

from markdown.blockprocessors import BlockProcessor
from markdown.extensions import Extension
from markdown.util import AtomicString

# The placeholder of a rendered fragment (see VisiePlugin._insert), or of a prepared block.
TOKEN = re.compile(r"OV(?:INVOEGING|BLOK)[0-9]+X")
# Before Markdown's own first block processor (the empty block one, at 100).
PRIORITY = 110


@dataclass(frozen=True)
class Heading:
    level: int
    text: str  # plain text: escaped where it enters HTML
    # in the order they are written; the table of contents adds an id from the text when there is none
    attributes: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class Jump:
    """A paragraph with one link to an anchor on the same page."""

    text: str
    anchor: str
    css: str


Prepared = Heading | Jump


class PreparedBlocks:
    """The current page's prepared blocks by token; a page starts with none."""

    def __init__(self) -> None:
        self.blocks: dict[str, Prepared] = {}

    def start_page(self) -> None:
        self.blocks = {}

    def add(self, block: Prepared) -> str:
        """The token to write, as a paragraph of its own, where ``block`` goes."""
        token = f"OVBLOK{len(self.blocks)}X"
        self.blocks[token] = block
        return token


class PreparedBlockProcessor(BlockProcessor):
    def __init__(self, parser: Any, prepared: PreparedBlocks) -> None:
        super().__init__(parser)
        self.prepared = prepared

    def test(self, parent: etree.Element, block: str) -> bool:
        return TOKEN.fullmatch(block) is not None

    def run(self, parent: etree.Element, blocks: list[str]) -> None:
        token = blocks.pop(0)
        block = self.prepared.blocks.get(token)
        if isinstance(block, Heading):
            element = etree.SubElement(parent, f"h{block.level}")
            for name, value in block.attributes:
                element.set(name, value)
            element.text = AtomicString(self.parser.md.htmlStash.store(escape(block.text, quote=False)))
        elif isinstance(block, Jump):
            link = etree.SubElement(etree.SubElement(parent, "p"), "a")
            link.set("class", block.css)
            link.set("href", f"#{block.anchor}")
            link.text = AtomicString(block.text)  # escaped by Markdown's serializer
        else:  # the place of an insertion, filled after Markdown: no pattern need read it
            etree.SubElement(parent, "p").text = AtomicString(token)


class PreparedBlocksExtension(Extension):
    def __init__(self, prepared: PreparedBlocks) -> None:
        self.prepared = prepared
        super().__init__()

    def extendMarkdown(self, md: Any) -> None:
        md.parser.blockprocessors.register(PreparedBlockProcessor(md.parser, self.prepared), "omgevingsvisie_prepared", PRIORITY)
