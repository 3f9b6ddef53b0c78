"""Pages and sections that collect keuzes: per gebied, all keuzes, the matrix, terugverwijzingen."""

from __future__ import annotations

from ..model import ROL_LABELS, ROLLEN, Gebied, Keuze, Reference, Visie
from ..relations import (
    GebiedKeuze,
    children,
    gebieden_where_applies,
    keuzes_for_gebied,
    matrix,
    whole_gemeente_keuzes,
)
from .common import NOT_IN_SEARCH, Linker, backlink_items, e, link

ALLE_KEUZES_ID = "keuzes"


def _rol(keuze: Keuze) -> str:
    if not keuze.rol:
        return ""
    return f' <span class="ov-rol ov-rol--{e(keuze.rol)}">{e(ROL_LABELS[keuze.rol])}</span>'


def gebied_keuzes(visie: Visie, gebied: Gebied, linker: Linker) -> str:
    """The keuzes that apply to a gebied, grouped by kernopgave; HTML after a heading."""
    groups = keuzes_for_gebied(visie, gebied)
    parts = []
    if not groups:
        parts.append(f"<p>Er zijn geen keuzes die {e(gebied.titel)} bij naam noemen.</p>")
    for kernopgave, found in groups:
        items = []
        for item in found:
            via = ""
            if item.via is not None:
                via = f' <span class="ov-via">(geldt voor heel {link(linker, item.via.id, item.via.titel)})</span>'
            items.append(f"<li>{link(linker, item.keuze.id, item.keuze.titel)}{_rol(item.keuze)}{via}</li>")
        parts.append(
            f'<section class="ov-groep"><p class="ov-groep__kop">{link(linker, kernopgave.id, kernopgave.titel)}</p>'
            f'<ul class="ov-keuzelijst">{"".join(items)}</ul></section>'
        )
    general = whole_gemeente_keuzes(visie)
    if general:
        parts.append(
            f'<p class="ov-hele-gemeente">Daarnaast gelden {len(general)} keuzes voor de hele gemeente, '
            f'dus ook hier. <a href="{e(linker.url(ALLE_KEUZES_ID))}?gebied={e(gebied.id)}">'
            f"Bekijk alle keuzes voor {e(gebied.titel)}</a>.</p>"
        )
    deeper = children(visie, gebied)
    if deeper:
        links = ", ".join(link(linker, g.id, g.titel) for g in deeper)
        parts.append(f'<p class="ov-deelgebieden">Onderdeel van {e(gebied.titel)}: {links}.</p>')
    return f'<div class="ov-gebied-keuzes" {NOT_IN_SEARCH}>{"".join(parts)}</div>'


def _options(pairs: list[tuple[str, str]]) -> str:
    return "".join(f'<option value="{e(value)}">{e(label)}</option>' for value, label in pairs)


def alle_keuzes(visie: Visie, linker: Linker) -> str:
    """Every keuze; a filter form (shown by script) narrows the list by kernopgave, gebied and rol."""
    total = len(visie.keuzes)
    form = (
        '<form class="ov-filter" data-ov-filter="" hidden="">'
        '<fieldset><legend>Keuzes filteren</legend>'
        '<label for="ov-filter-kernopgave">Kernopgave</label>'
        f'<select id="ov-filter-kernopgave" name="kernopgave"><option value="">Alle kernopgaven</option>'
        f'{_options([(k.id, k.label) for k in visie.kernopgaven])}</select>'
        '<label for="ov-filter-gebied">Gebied</label>'
        f'<select id="ov-filter-gebied" name="gebied"><option value="">Alle gebieden</option>'
        f'{_options([(g.id, g.titel) for g in visie.gebieden])}</select>'
        '<label for="ov-filter-rol">Rol van de gemeente</label>'
        f'<select id="ov-filter-rol" name="rol"><option value="">Alle rollen</option>'
        f'{_options([(r, ROL_LABELS[r]) for r in ROLLEN])}</select>'
        "</fieldset></form>"
        f'<p class="ov-filter__aantal" role="status" data-ov-count="">{total} keuzes</p>'
    )
    items = []
    for keuze in visie.keuzes:
        kernopgaven = [keuze.kernopgave, *[k for k in keuze.kernopgaven if k != keuze.kernopgave and visie.kernopgave(k)]]
        gebieden_text = (
            ", ".join(link(linker, g, visie.title_of(g) or g) for g in keuze.gebieden if visie.gebied(g))
            or "de hele gemeente"
        )
        kernopgaven_text = ", ".join(link(linker, k, visie.title_of(k) or k) for k in kernopgaven)
        rol_text = f"{e(ROL_LABELS[keuze.rol])}" if keuze.rol else "niet vastgelegd"
        items.append(
            f'<li class="ov-keuzekaart" data-kernopgaven="{e(" ".join(kernopgaven))}" '
            f'data-gebieden="{e(" ".join(gebieden_where_applies(visie, keuze)))}" data-rol="{e(keuze.rol or "")}">'
            f'<p class="ov-keuzekaart__titel">{link(linker, keuze.id, keuze.titel)}</p>'
            '<dl class="ov-keuze__kenmerken">'
            f"<div><dt>Kernopgave</dt><dd>{kernopgaven_text}</dd></div>"
            f"<div><dt>Gebieden</dt><dd>{gebieden_text}</dd></div>"
            f"<div><dt>Rol</dt><dd>{rol_text}</dd></div>"
            "</dl></li>"
        )
    return f'<div class="ov-alle-keuzes">{form}<ul class="ov-keuzekaarten" {NOT_IN_SEARCH}>{"".join(items)}</ul></div>'


def _count(number: int) -> str:
    return "geen keuze" if number == 0 else f"{number} {'keuze' if number == 1 else 'keuzes'}"


# Most cells of a large visie are empty: they are the shortest markup that still says so in words
# (a tenth of the Matrix of a thousand gebieden, which a phone downloads and a build holds).
EMPTY_CELL = '<td class="ov-matrix__cel--0">geen keuze</td>'


def _matrix_cell(found: list[GebiedKeuze], place: str, linker: Linker) -> str:
    if not found:
        return EMPTY_CELL
    # Shading steps 1, 2 and 3-or-more; the count is also there as text.
    shade = min(len(found), 3)
    items = []
    for item in found:
        via = ""
        if item.via is not None:
            via = f' <span class="ov-via">(via {link(linker, item.via.id, item.via.titel)})</span>'
        items.append(f"<li>{link(linker, item.keuze.id, item.keuze.titel)}{via}</li>")
    # The place name shows only in the narrow (list) form, where the column header is out of sight;
    # that form leaves out empty cells, so they go without it.
    return (
        f'<td class="ov-matrix__cel ov-matrix__cel--{shade}"><span class="ov-matrix__plek">{e(place)}: </span>'
        f'<span class="ov-matrix__aantal">{_count(len(found))}</span><ul>{"".join(items)}</ul></td>'
    )


def matrix_table(visie: Visie, linker: Linker) -> str:
    """Kernopgaven against gebieden; each cell the keuzes that apply there, as on the gebied pages."""
    cells = matrix(visie)
    columns: list[tuple[str | None, str]] = [(g.id, g.titel) for g in visie.gebieden] + [(None, "Hele gemeente")]
    head = "".join(
        f'<th scope="col">{link(linker, gid, title) if gid else e(title)}</th>' for gid, title in columns
    )
    rows = []
    for kernopgave in visie.kernopgaven:
        tds = "".join(_matrix_cell(cells.get((kernopgave.id, gid), []), title, linker) for gid, title in columns)
        rows.append(f'<tr><th scope="row">{link(linker, kernopgave.id, kernopgave.label)}</th>{tds}</tr>')
    hint = (
        f'<p class="ov-matrix__hint">{len(columns)} kolommen: schuif de tabel opzij '
        "(met de muis, het touchpad of de pijltjestoetsen) om alle gebieden te zien.</p>"
    )
    # Many gebieden make a wide table: it scrolls in its own region, reachable by keyboard.
    return (
        f'{hint}<div class="ov-matrix-wrap" role="region" aria-labelledby="ov-matrix-titel" tabindex="0">'
        f'<table class="ov-matrix" {NOT_IN_SEARCH}><caption id="ov-matrix-titel">'
        "Richtinggevende keuzes per kernopgave (rijen) en gebied (kolommen)</caption>"
        f'<thead><tr><td class="ov-matrix__hoek"></td>{head}</tr></thead><tbody>{"".join(rows)}</tbody></table></div>'
    )


def page_backlinks(visie: Visie, references: list[Reference], linker: Linker) -> str:
    return f'<ul class="ov-terugverwijzingen" {NOT_IN_SEARCH}>{backlink_items(visie, references, linker)}</ul>'
