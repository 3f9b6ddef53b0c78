"""The ``/// keuze`` and ``/// kaart`` blocks, rendered from the already checked core model."""

from __future__ import annotations

import xml.etree.ElementTree as etree
from html import escape, unescape
from typing import Any, Callable

from markdown.util import AtomicString
from pymdownx.blocks import BlocksExtension
from pymdownx.blocks.block import Block, type_any

from omgevingsvisie.markdown_scan import scan_blocks
from omgevingsvisie.model import Keuze
from omgevingsvisie.yamlio import YamlError, load_yaml
from omgevingsvisie.render import keuze_footer, keuze_header
from omgevingsvisie.render.kleuren import colour_class


RAW_TEXT = {"script", "style"}


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


def with_keuze_ids_only(markdown: str) -> str:
    """The Markdown with each keuze block's options replaced by its id in the block's argument."""
    blocks = [b for b in scan_blocks(markdown) if b.name == "keuze" and b.options_text.strip()]
    if not blocks:
        return markdown
    lines = markdown.split("\n")
    for block in reversed(blocks):  # from the end, so earlier line numbers stay right
        try:
            options = load_yaml(block.options_text)
        except YamlError:
            continue
        keuze_id = options.get("id") if isinstance(options, dict) else None
        if not isinstance(keuze_id, str) or "\n" in keuze_id:
            continue
        header = lines[block.line - 1]
        start = header[: len(header) - len(header.lstrip())] + "/" * block.length + " keuze"
        count = block.options_text.count("\n") + 1
        lines[block.line - 1 : block.options_line - 1 + count] = [f"{start} | {ID_ARGUMENT}{keuze_id}"]
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
        section.extend(list(_fragment(keuze_header(context.visie, keuze, context.linker), self.md)))
        marker = context.change_marker(keuze.id)
        if marker:
            section.append(_fragment(marker, self.md))
        self._body = etree.SubElement(section, "div", {"class": "ov-keuze__toelichting"})
        return section

    def on_add(self, block: etree.Element) -> etree.Element:
        return self._body

    def on_end(self, block: etree.Element) -> None:
        context = self.config["context"]
        keuze = self._keuze()
        if keuze is None:
            return
        extra = context.after_keuze(keuze)
        if extra:
            block.append(_fragment(extra, self.md))
        block.append(_fragment(keuze_footer(context.visie, keuze, context.linker, context.backlinks.get(keuze.id, [])), self.md))


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
