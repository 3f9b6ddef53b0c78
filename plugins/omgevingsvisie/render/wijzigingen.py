"""The Wijzigingen page of a preview, and the markers on changed pages and keuzes."""

from __future__ import annotations

import difflib
from typing import Any

from ..compare import KIND_LABELS, KINDS, Changes, FieldChange, ItemChange, LayerChange, word_diff
from ..model import ROL_LABELS, Visie
from ..oppervlakte import hectares
from .common import Linker, e, link

STATUS_LABELS = {"nieuw": "Nieuw", "verwijderd": "Verwijderd", "gewijzigd": "Gewijzigd"}


def anchor(item_id: str) -> str:
    return f"wijziging-{item_id}"


def diff_html(old: str, new: str) -> str:
    parts = []
    for operation, text in word_diff(old, new):
        if operation == "gelijk":
            parts.append(e(text))
        elif operation == "weg":
            parts.append(f'<del><span class="ov-sr">verwijderd: </span>{e(text)}</del>')
        else:
            parts.append(f'<ins><span class="ov-sr">toegevoegd: </span>{e(text)}</ins>')
    return "".join(parts)


def _whole_text(text: str, operation: str) -> str:
    """Every paragraph of a new or removed text, all of it marked as added or removed."""
    tag, said = ("ins", "toegevoegd") if operation == "erbij" else ("del", "verwijderd")
    return "".join(
        f'<p class="ov-diff"><{tag}><span class="ov-sr">{said}: </span>{e(p.strip())}</{tag}></p>'
        for p in text.split("\n\n") if p.strip()
    )


def _marked(html: str, added: bool) -> str:
    if added:
        return f'<ins><span class="ov-sr">toegevoegd: </span>{html}</ins>'
    return f'<del><span class="ov-sr">verwijderd: </span>{html}</del>'


def _paragraph_diffs(old: str, new: str) -> str:
    """Only the paragraphs that changed, each as a word-level diff."""
    if not old or not new:
        return _whole_text(new or old, "erbij" if new else "weg")
    before = [p.strip() for p in (old or "").split("\n\n") if p.strip()]
    after = [p.strip() for p in (new or "").split("\n\n") if p.strip()]
    blocks = []
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, before, after, autojunk=False).get_opcodes():
        if tag == "equal":
            continue
        blocks.append(f'<p class="ov-diff">{diff_html(chr(10).join(before[i1:i2]), chr(10).join(after[j1:j2]))}</p>')
    return "".join(blocks)


def _value(change: FieldChange, value: Any, visie: Visie) -> str:
    if value is None or value == []:
        return "(geen)"
    if change.field == "rol":
        return e(ROL_LABELS.get(value, value))
    if isinstance(value, list):
        return e(", ".join(visie.title_of(v) or str(v) for v in value))
    if change.field in ("kernopgave", "onderdeel_van"):
        return e(visie.title_of(value) or value)
    return e(value)


def _outline_html(change: FieldChange) -> str:
    gained, lost = change.area_change
    if change.old is None:
        what = f"nieuw getekend ({e(hectares(gained))})"
    elif change.new is None:
        what = f"niet meer op de kaart ({e(hectares(lost))})"
    else:
        what = f"gewijzigd: {e(hectares(gained))} erbij en {e(hectares(lost))} eraf"
    return f"<li><strong>{e(change.label)}</strong>: {what}; zie de kaart onder Kaarten</li>"


def _field_html(change: FieldChange, visie: Visie) -> str:
    if change.is_outline:
        return _outline_html(change)
    if change.old is None or change.new is None:  # a field of a new or removed item
        value = _value(change, change.new if change.old is None else change.old, visie)
        if change.field == "tekst":
            return f"<li><strong>{e(change.label)}</strong>:{_paragraph_diffs(change.old or '', change.new or '')}</li>"
        return f"<li><strong>{e(change.label)}</strong>: {_marked(value, change.old is None)}</li>"
    if change.field == "tekst":
        return f"<li><strong>{e(change.label)}</strong>:{_paragraph_diffs(change.old or '', change.new or '')}</li>"
    if change.field == "titel":
        return f"<li><strong>titel</strong>: {diff_html(change.old or '', change.new or '')}</li>"
    return (
        f"<li><strong>{e(change.label)}</strong>: was {_value(change, change.old, visie)}, "
        f"wordt {_value(change, change.new, visie)}</li>"
    )


def _item_html(item: ItemChange, visie: Visie, linker: Linker) -> str:
    title = link(linker, item.id, item.titel) if item.status != "verwijderd" else e(item.titel)
    fields = "".join(_field_html(f, visie) for f in item.fields)
    details = f"<ul>{fields}</ul>" if fields else ""
    return f'<li id="{e(anchor(item.id))}" class="ov-wijziging ov-wijziging--{item.status}">{title}{details}</li>'


def _layer_html(layer: LayerChange) -> str:
    groups = []
    for status in ("nieuw", "verwijderd", "gewijzigd"):
        names = [f.naam for f in layer.features if f.status == status]
        if names:
            groups.append(f"<li>{STATUS_LABELS[status]}: {e(', '.join(names))}</li>")
    intro = {"nieuw": " (nieuwe laag)", "verwijderd": " (laag verwijderd)", "gewijzigd": ""}[layer.status]
    return f'<li><strong>{e(layer.titel)}</strong>{intro}<ul>{"".join(groups)}</ul></li>'


def wijzigingen_page(visie: Visie, changes: Changes, linker: Linker, map_html: str = "") -> str:
    if changes.empty:
        return f'<p class="ov-geen-wijzigingen">Er is niets gewijzigd ten opzichte van {e(changes.base_label)}.</p>'
    counts = {s: sum(1 for i in changes.items if i.status == s) for s in STATUS_LABELS}
    summary = ", ".join(f"{n} {STATUS_LABELS[s].lower()}" for s, n in counts.items() if n)
    parts = [f'<p class="ov-wijzigingen__samenvatting">Ten opzichte van {e(changes.base_label)}: {summary}.</p>']
    for kind in KINDS:
        items = changes.of_kind(kind)
        if not items:
            continue
        parts.append(f'<h2 id="wijzigingen-{kind}">{KIND_LABELS[kind]}</h2>')
        for status in ("nieuw", "verwijderd", "gewijzigd"):
            chosen = [i for i in items if i.status == status]
            if chosen:
                parts.append(f'<h3 id="wijzigingen-{kind}-{status}">{STATUS_LABELS[status]}</h3>')
                parts.append(f'<ul class="ov-wijzigingen">{"".join(_item_html(i, visie, linker) for i in chosen)}</ul>')
    if changes.layers:
        parts.append('<h2 id="wijzigingen-kaarten">Kaarten</h2>')
        parts.append(map_html)
        parts.append(f'<ul class="ov-wijzigingen">{"".join(_layer_html(l) for l in changes.layers)}</ul>')
    return f'<div class="ov-wijzigingen-pagina">{"".join(parts)}</div>'


def change_marker(changes: Changes, item_id: str, linker: Linker) -> str:
    """A notice for a changed or new page or keuze, linking to its entry on the Wijzigingen page."""
    item = changes.for_id(item_id)
    if item is None:
        return ""
    what = "Nieuw" if item.status == "nieuw" else "Gewijzigd"
    changed = item.changed_fields
    fields = f" ({', '.join(f.label for f in changed)})" if changed else ""
    href = linker.page_url("wijzigingen", anchor(item_id))
    return (
        f'<p class="ov-gewijzigd ov-gewijzigd--{item.status}"><strong>{what}</strong> ten opzichte van '
        f'{e(changes.base_label)}{e(fields)}. <a href="{e(href)}">Bekijk de wijzigingen</a></p>'
    )
