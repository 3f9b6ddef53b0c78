"""Reading one Markdown page of the visie: front matter, keuze and kaart blocks, ``[[id]]`` links."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from .fields import (
    Field,
    check_fields,
    id_pattern_message,
    ID_PATTERN,
    is_choice,
    is_colour,
    is_id,
    is_id_list,
    is_text,
    is_text_list,
    is_whole_number,
)
from .frontmatter import Document, split_front_matter
from .markdown_scan import REFERENCE, BlockSource, find_outside_code, scan_blocks, strip_indent
from .model import ROLLEN, Gebied, KaartBlock, Kernopgave, Keuze, Page, PageKind, Reference
from .problems import Problems
from .yamlio import LineDict, YamlError, load_yaml, unreadable_character

KEUZE = "keuze"
KAART = "kaart"

COMMON_FIELDS = {
    "titel": Field(is_text, description="De titel van de pagina; zonder titel geldt de eerste kop '# …'."),
    "id": Field(is_id, description="Het id van de pagina, als het anders moet dan de bestandsnaam: kleine letters, cijfers en streepjes."),
}
FIELDS: dict[str, dict[str, Field]] = {
    "ambitie": {**COMMON_FIELDS},
    "hoofdstuk": {**COMMON_FIELDS},
    "kernopgave": {
        **COMMON_FIELDS,
        "titel": Field(is_text, required=True, description="De titel van de kernopgave."),
        "kort": Field(is_text, description="Een korte naam voor het menu en de matrix."),
        "volgorde": Field(is_whole_number, description="De plaats in het menu: 1 komt eerst."),
        "kleur": Field(is_colour, description="De kleur van de kernopgave, zoals \"#2e7d32\" (tussen aanhalingstekens)."),
        "kaartlagen": Field(is_id_list, description="De ids van de kaartlagen op de kaart onder de pagina, zoals [groen, water]."),
    },
    "gebied": {
        **COMMON_FIELDS,
        "titel": Field(is_text, required=True, description="De naam van het gebied."),
        "onderdeel_van": Field(is_id, description="Het id van het grotere gebied waar dit gebied in ligt; keuzes daarvoor gelden ook hier."),
        "volgorde": Field(is_whole_number, description="De plaats in het menu: 1 komt eerst."),
        "kaartlagen": Field(is_id_list, description="De ids van extra kaartlagen op de kaart van het gebied."),
        "ook_bekend_als": Field(is_text_list, description="Namen die inwoners gebruiken voor plekken in dit gebied, zoals wijken, buurten of dorpen; de zoekfunctie vindt het gebied erop."),
    },
}
KEUZE_FIELDS = {
    "id": Field(is_id, required=True, description="Het id van de keuze, uniek in de hele visie: kleine letters, cijfers en streepjes."),
    "gebieden": Field(is_id_list, description="De ids van de gebieden waar de keuze geldt, zoals [centrum]; zonder dit veld geldt ze voor de hele gemeente."),
    "rol": Field(is_choice(*ROLLEN), description="De rol van de gemeente: investeren, samenwerken of ruimte-geven."),
    "kernopgaven": Field(is_id_list, description="De ids van andere kernopgaven die de keuze ook dient."),
    "kaartlagen": Field(is_id_list, description="De ids van kaartlagen die bij de keuze horen."),
}
KAART_FIELDS = {
    "lagen": Field(is_id_list, required=True, description="De ids van de kaartlagen op de kaart, zoals [gebieden, groen]."),
    "gebied": Field(is_id, description="Het id van het gebied waarop de kaart inzoomt."),
}
KIND_NAMES = {
    "ambitie": "de openingspagina",
    "hoofdstuk": "een hoofdstuk",
    "kernopgave": "een kernopgave",
    "gebied": "een gebied",
    "site": "een sitepagina",
}
H1 = re.compile(r"^#\s++(.++)")


def _heading_text(raw: str) -> str | None:
    """A heading's text without a closing run of '#' (done by hand: a regex for it was cubic)."""
    text = raw.rstrip()
    without = text.rstrip("#")
    if without != text and (not without or without[-1].isspace()):
        text = without.rstrip()
    return text or None


def read_document(file: Path, path: str, problems: Problems) -> Document | None:
    try:
        text = file.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        problems.add(path, None, "het bestand is geen tekst in UTF-8; sla het op als UTF-8")
        return None
    try:
        document = split_front_matter(text)
    except YamlError as error:
        problems.add(path, error.line, f"front matter: {error.message}")
        document = _body_without_front_matter(text)
    _check_characters(document, path, problems)
    return document


def _check_characters(document: Document, path: str, problems: Problems) -> None:
    """Report the first character in the body that is not text (NUL, vertical tab, form feed, …)."""
    if unreadable_character(document.body) is None:
        return
    for number, line in enumerate(document.body.split("\n")):
        bad = unreadable_character(line)
        if bad:
            problems.add(path, document.body_line + number, bad)
            return


def _body_without_front_matter(text: str) -> Document:
    """Keep the text readable in a preview even when its front matter is broken."""
    empty = split_front_matter("")
    lines = text.splitlines(keepends=True)
    for index in range(1, len(lines)):
        if lines[index].rstrip() == "---":
            return Document(empty.meta, "".join(lines[index + 1 :]), index + 2, readable=False)
    return Document(empty.meta, text, 1, readable=False)


def first_heading(body: str) -> str | None:
    for match in find_outside_code(body, H1):
        text = _heading_text(match.match.group(1))
        if text:
            return text
    return None


def read_page(
    file: Path, path: str, rel_path: str, kind: PageKind, problems: Problems, default_id: str
) -> Page | None:
    from .reuse import memory  # a live preview keeps pages whose file did not change

    kept = memory()
    if kept is not None:
        return kept.read(_read_page, file, path, rel_path, kind, problems, default_id)
    return _read_page(file, path, rel_path, kind, problems, default_id)


def _read_page(
    file: Path, path: str, rel_path: str, kind: PageKind, problems: Problems, default_id: str
) -> Page | None:
    document = read_document(file, path, problems)
    if document is None:
        return None
    meta = document.meta
    if kind == "site" or not document.readable:
        valid: dict[str, Any] = {k: v for k, v in meta.items() if isinstance(v, (str, int, float, list))}
    else:
        valid = check_fields(meta, FIELDS[kind], path, KIND_NAMES[kind], problems)
    page_id = valid.get("id") or default_id
    if "id" not in meta and not ID_PATTERN.match(default_id):
        problems.add(path, 1, f"de bestandsnaam geeft een ongeldig id: {id_pattern_message(default_id)}; hernoem het bestand of zet 'id:' in de front matter")
    titel = valid.get("titel") or valid.get("title") or first_heading(document.body)
    if not titel:
        if kind in ("hoofdstuk", "ambitie") and document.readable:
            problems.add(path, 1, "de pagina heeft geen titel: zet 'titel:' in de front matter of begin met een kop '# Titel'")
        titel = default_id.replace("-", " ").capitalize()
    common: dict[str, Any] = dict(
        id=page_id,
        kind=kind,
        titel=str(titel),
        path=path,
        rel_path=rel_path,
        body=document.body,
        body_line=document.body_line,
        kaartlagen=list(valid.get("kaartlagen", [])),
        meta=dict(valid),
        field_lines=dict(meta.key_lines),
    )
    page: Page
    if kind == "kernopgave":
        page = Kernopgave(**common, kort=valid.get("kort"), volgorde=valid.get("volgorde"), kleur=valid.get("kleur"))
    elif kind == "gebied":
        page = Gebied(
            **common, onderdeel_van=valid.get("onderdeel_van"), volgorde=valid.get("volgorde"),
            ook_bekend_als=[" ".join(name.split()) for name in valid.get("ook_bekend_als", [])],
        )
    else:
        page = Page(**common)
    _read_blocks(page, problems)
    _read_references(page)
    return page


def _read_blocks(page: Page, problems: Problems) -> None:
    offset = page.body_line - 1
    for block in scan_blocks(page.body):
        line = block.line + offset
        if block.name == KEUZE:
            keuze = _read_keuze(page, block, offset, problems)
            if keuze is not None and isinstance(page, Kernopgave):
                page.keuzes.append(keuze)
        elif block.name == KAART:
            kaart = _read_kaart(page, block, offset, problems)
            if kaart is not None:
                page.kaarten.append(kaart)
        else:
            continue
        if not block.closed:
            problems.add(page.path, line, f"het blok '{block.name}' wordt niet afgesloten met een regel '{'/' * block.length}'")


def _options(block: BlockSource, offset: int, page: Page, problems: Problems) -> LineDict | None:
    if not block.options_text.strip():
        empty = load_yaml("{}") or LineDict()
        empty.line = block.line + offset
        empty.key_lines = {}
        empty.duplicates = []
        return empty
    try:
        options = load_yaml(block.options_text, line_offset=block.options_line - 1 + offset)
    except YamlError as error:
        problems.add(page.path, error.line, f"de opties van het blok '{block.name}' zijn geen geldige YAML: {error.message}")
        return None
    if not isinstance(options, LineDict):
        problems.add(page.path, block.options_line + offset, f"de opties van het blok '{block.name}' moeten de vorm 'naam: waarde' hebben")
        return None
    options.line = block.line + offset
    return options


def _checked_options(
    page: Page, block: BlockSource, offset: int, problems: Problems, fields: dict[str, Field]
) -> tuple[LineDict, dict[str, Any]] | None:
    """The title check and the options of a keuze or kaart block; None when unreadable."""
    name = block.name
    if not block.argument:
        problems.add(page.path, block.line + offset, f"het {name}-blok heeft geen titel: schrijf '/// {name} | Titel van de {name}'")
    if block.tab_line:
        problems.add(page.path, block.tab_line + offset,
                     f"er staat een tab vóór een optie van het {name}-blok; spring opties in met vier spaties")
    options = _options(block, offset, page, problems)
    if options is None:
        return None
    return options, check_fields(options, fields, page.path, f"een {name}-blok", problems)


def _read_keuze(page: Page, block: BlockSource, offset: int, problems: Problems) -> Keuze | None:
    line = block.line + offset
    if not isinstance(page, Kernopgave):
        problems.add(page.path, line, "een keuze-blok mag alleen op een kernopgavepagina staan (in visie/kernopgaven/)")
        return None
    if block.parent is not None and block.parent.name == KEUZE:
        problems.add(page.path, line, "een keuze-blok mag niet binnen een ander keuze-blok staan")
    checked = _checked_options(page, block, offset, problems, KEUZE_FIELDS)
    if checked is None:
        return None
    options, valid = checked
    if "id" not in valid:
        return None
    return Keuze(
        id=valid["id"],
        titel=block.argument or valid["id"],
        kernopgave=page.id,
        gebieden=list(valid.get("gebieden", [])),
        rol=valid.get("rol"),
        kernopgaven=list(valid.get("kernopgaven", [])),
        kaartlagen=list(valid.get("kaartlagen", [])),
        body=strip_indent(block.body_lines, block.indent),
        path=page.path,
        line=line,
        end_line=block.body_line + len(block.body_lines) + offset,
        heading_level=min(6, max(2, block.heading_level + 1)),
        field_lines=dict(options.key_lines),
        body_line=block.body_line + offset,
    )


def _read_kaart(page: Page, block: BlockSource, offset: int, problems: Problems) -> KaartBlock | None:
    line = block.line + offset
    checked = _checked_options(page, block, offset, problems, KAART_FIELDS)
    if checked is None:
        return None
    options, valid = checked
    if "lagen" not in valid:
        return None
    return KaartBlock(
        titel=block.argument or "Kaart",
        lagen=list(valid["lagen"]),
        gebied=valid.get("gebied"),
        page_id=page.id,
        path=page.path,
        line=line,
        field_lines=dict(options.key_lines),
    )


def _read_references(page: Page) -> None:
    offset = page.body_line - 1
    spans = _keuze_spans(page)
    for number, found in enumerate(find_outside_code(page.body, REFERENCE), start=1):
        line = found.line + offset
        keuze_id = next((k for k, (start, end) in spans.items() if start <= line <= end), None)
        target = found.match.group(1).strip()
        text = found.match.group(2)
        page.references.append(
            Reference(
                target=target,
                text=text.strip() if text is not None else None,
                page_id=page.id,
                keuze_id=keuze_id,
                path=page.path,
                line=line,
                anchor=f"verwijzing-{page.id}-{number}",
            )
        )


def _keuze_spans(page: Page) -> dict[str, tuple[int, int]]:
    if not isinstance(page, Kernopgave):
        return {}
    return {keuze.id: (keuze.line, keuze.end_line) for keuze in page.keuzes}
