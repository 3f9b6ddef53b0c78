"""The changes of a preview as a print document, to attach to a raadsvoorstel."""

from __future__ import annotations

import re

from ..compare import Changes
from ..model import Visie
from ..render.common import e
from ..render.wijzigingen import anchor, wijzigingen_page
from .document import cover, html_document, map_figure


RUN_START = re.compile(r'<(del|ins)><span class="ov-sr">(verwijderd|toegevoegd): </span>')


def words_beside_marks(html: str) -> str:
    """'[verwijderd: …]' as visible words outside the struck-through or underlined run.

    On screen the words are for screen readers only; on paper they tell the runs apart in
    black and white. Outside the mark, they are not struck through or underlined themselves.
    """
    html = RUN_START.sub(r'<span class="ov-renvooi-woord">[\2: </span><\1>', html)
    return html.replace("</del>", '</del><span class="ov-renvooi-woord">]</span>').replace(
        "</ins>", '</ins><span class="ov-renvooi-woord">]</span>'
    )


class ChangesLinker:
    """Items link to their own entry in the document; other targets go to the summary."""

    def __init__(self, changes: Changes) -> None:
        self.ids = {item.id for item in changes.items}

    def url(self, target_id: str) -> str:
        return f"#{anchor(target_id)}" if target_id in self.ids else "#samenvatting"

    def page_url(self, page_id: str, anchor_id: str | None = None) -> str:
        return self.url(page_id)


def wijzigingen_document(visie: Visie, map_visie: Visie, changes: Changes, change_layers: list[str],
                         rows: list[tuple[str, str]]) -> str:
    """Cover (with the comparison base and date), the renvooi and the change map."""
    linker = ChangesLinker(changes)
    drawn = ""
    if change_layers:
        drawn = map_figure(map_visie, "Gewijzigde kaartobjecten", change_layers, None, linker, 1)  # type: ignore[arg-type]
    page = words_beside_marks(wijzigingen_page(visie, changes, linker, drawn))
    intro = (
        f'<h1 id="samenvatting">Wijzigingen</h1><p>Dit document vergelijkt de {e(visie.meta.titel)} met '
        f"{e(changes.base_label)}. Doorgehaalde tekst, gemarkeerd met [verwijderd: …], vervalt; "
        "onderstreepte tekst, gemarkeerd met [toegevoegd: …], komt erbij.</p>"
    )
    body = cover(visie, f"Wijzigingen ten opzichte van {changes.base_label}", rows) + intro + page
    title = f"Wijzigingen in de {visie.meta.titel}"
    return html_document(title, body, f"{title} ten opzichte van {changes.base_label}", f"Gemeente {visie.meta.gemeente}")
