"""The ``/// keuze`` and ``/// kaart`` blocks, rendered from the already checked core model."""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree
from html import escape, unescape
from typing import Any, Callable

from markdown.util import AtomicString
from pymdownx.blocks import BlocksExtension
from pymdownx.blocks.block import Block, type_any

from omgevingsvisie.markdown_scan import BLOCK_START
from omgevingsvisie.model import Keuze
from omgevingsvisie.render import KEUZE_LABEL, keuze_footer, keuze_kenmerken
from omgevingsvisie.render.common import e
from omgevingsvisie.render.kleuren import colour_class


RAW_TEXT = {"script", "style"}
ANCHOR = re.compile(r'\sid="([^"]+)"')  # the ids in finished HTML, for MkDocs' check of anchor links


def _fragment(html: str, md: Any) -> etree.Element:
    """An HTML fragment as elements whose text Markdown can never read as markup.

    The elements stay in the tree (the table of contents and MkDocs' anchor check see headings
    and ids), but every text and tail is stashed as finished HTML: inline patterns, attr_list and
    raw-HTML detection would otherwise turn escaped ``<script>`` or ``[x](javascript:…)`` in a
    title back into live markup.
    """
    element = etree.fromstring(html)

    def stash(text: str, raw: bool) -> str:
        return AtomicString(md.htmlStash.store(text if raw else escape(text, quote=False)))

    for node in element.iter():
        if node.text:
            node.text = stash(node.text, node.tag in RAW_TEXT)
        if node.tail and node is not element:
            node.tail = stash(node.tail, False)
    return element


# A keuze block whose options the core has read is handed to pymdownx with only its id, as its
# argument: pymdownx would otherwise parse every block's options again with PyYAML's pure-Python
# parser (a fifth of the Markdown time of a kernopgave page). The prefix is a private-use
# character, so no title a redacteur writes can look like it.
ID_ARGUMENT = "\ue000id:"


def with_keuze_ids_only(markdown: str, keuzes: list[Keuze], first_line: int) -> str:
    """The Markdown with each keuze block's options replaced by its id in the block's argument.

    ``markdown`` is the body of the page the core read ``keuzes`` from, line for line
    (``first_line``: the body's first line in its file), so the core's lines say where each block
    and its options are: nothing is parsed twice. A block whose line does not hold a keuze block
    keeps its options, and pymdownx reads them.
    """
    spans = [k for k in keuzes if k.body_line > k.line + 1]
    if not spans:
        return markdown
    lines = markdown.split("\n")
    for keuze in sorted(spans, key=lambda k: k.line, reverse=True):  # from the end: earlier lines stay put
        header_index = keuze.line - first_line
        options_end = keuze.body_line - first_line
        if not 0 <= header_index < options_end <= len(lines):
            continue
        header = BLOCK_START.match(lines[header_index])
        if header is None or header.group(3) != "keuze":
            continue
        lines[header_index:options_end] = [f"{header.group(1)}{header.group(2)} keuze | {ID_ARGUMENT}{keuze.id}"]
    return "\n".join(lines)


class KeuzeBlock(Block):
    NAME = "keuze"
    ARGUMENT = None
    # Options were checked by the core before rendering; accept anything here so a block never
    # silently degrades into paragraph text.
    OPTIONS = {name: (None, type_any) for name in ("id", "gebieden", "rol", "kernopgaven", "kaartlagen")}

    def _keuze(self) -> Keuze | None:
        context = self.config["context"]
        keuze_id = self.options.get("id")
        if keuze_id is None and (self.argument or "").startswith(ID_ARGUMENT):
            keuze_id = self.argument[len(ID_ARGUMENT):]
        return context.visie.keuze(keuze_id) if isinstance(keuze_id, str) else None

    def on_create(self, parent: etree.Element) -> etree.Element:
        context = self.config["context"]
        keuze = self._keuze()
        section = etree.SubElement(parent, "section", {"class": "ov-keuze"})
        if keuze is None:
            section.set("class", "ov-keuze ov-keuze--fout")
            etree.SubElement(section, "p").text = self.md.htmlStash.store(escape(f"Keuze zonder geldig id: {self.argument or ''}"))
            self._body = etree.SubElement(section, "div", {"class": "ov-keuze__toelichting"})
            return section
        section.set("aria-labelledby", keuze.id)
        section.set("data-rol", keuze.rol or "")
        kleur = getattr(context.visie.kernopgave(keuze.kernopgave), "kleur", None)
        if colour_class(kleur):  # a class, not a style attribute: the page's CSP allows no inline style
            section.set("class", f"ov-keuze {colour_class(kleur)}")
        _raw(section, KEUZE_LABEL, self.md, context)
        # The heading is an element: the table of contents and MkDocs' anchor check see it, and
        # search engines that cut pages into sections by heading (Material's) keep the toelichting
        # with the keuze, as a direct child of the keuze's element.
        heading = etree.SubElement(section, f"h{keuze.heading_level}", {"id": keuze.id, "class": "ov-keuze__titel"})
        heading.text = AtomicString(self.md.htmlStash.store(e(keuze.titel)))
        _raw(section, _rendered(context, lambda: keuze_kenmerken(context.visie, keuze, context.linker)
                                + context.change_marker(keuze.id)), self.md, context)
        self._body = etree.SubElement(section, "div", {"class": "ov-keuze__toelichting"})
        return section

    def on_add(self, block: etree.Element) -> etree.Element:
        return self._body

    def on_end(self, block: etree.Element) -> None:
        context = self.config["context"]
        keuze = self._keuze()
        if keuze is None:
            return
        after = _rendered(context, lambda: context.after_keuze(keuze) + keuze_footer(
            context.visie, keuze, context.linker, context.backlinks.get(keuze.id, [])))
        _raw(block, after, self.md, context)


def _rendered(context: Any, render: Callable[[], str]) -> str:
    """HTML rendered with the final URLs of its links: MkDocs does not see inside raw HTML, so it
    cannot turn links to Markdown files into URLs there."""
    linker = context.linker
    if not getattr(linker, "as_source", False):  # final URLs already (the print edition's anchors, too)
        return render()
    linker.as_source = False
    try:
        return render()
    finally:
        linker.as_source = True


def _raw(parent: etree.Element, html: str, md: Any, context: Any) -> None:
    """Finished HTML as one raw block in the tree, which Markdown puts back as it is: parsed into
    elements, the parts around a keuze were two thirds of the elements Markdown walked and
    wrote out on a kernopgave page. Its ids still count for MkDocs' check of anchor links."""
    if not html:
        return
    etree.SubElement(parent, "p").text = md.htmlStash.store(html)
    context.raw_anchor_ids.update(ANCHOR.findall(html))


class KaartBlock(Block):
    NAME = "kaart"
    ARGUMENT = None
    OPTIONS = {name: (None, type_any) for name in ("lagen", "gebied")}

    def on_create(self, parent: etree.Element) -> etree.Element:
        context = self.config["context"]
        lagen = self.options.get("lagen") or []
        gebied = self.options.get("gebied")
        # The title went through placeholder filling, which writes values as character references.
        html = context.render_kaart(unescape(self.argument or "") or "Kaart", list(lagen) if isinstance(lagen, list) else [], gebied)
        figure = _fragment(html, self.md)
        parent.append(figure)
        return figure


class VisieBlocksExtension(BlocksExtension):
    def __init__(self, context: Any) -> None:
        self.context = context
        super().__init__()

    def extendMarkdownBlocks(self, md: Any, block_mgr: Any) -> None:
        block_mgr.register(KeuzeBlock, {"context": self.context})
        block_mgr.register(KaartBlock, {"context": self.context})


RenderHook = Callable[..., str]
