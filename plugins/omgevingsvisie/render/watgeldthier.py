"""The Wat geldt hier? page and the home page's overview (één oogopslag), as HTML fragments.

The page works without script as far as it can: a nested list of every gebied, linked. Its
script (``watgeldthier.js``) shows the address field, the map and the answer.
"""

from __future__ import annotations

from ..model import Gebied, Visie
from ..placeholders import dutch_date
from ..watgeldthier import PAGE_ID
from .common import NOT_IN_SEARCH, Linker, e, link

ADDRESS_HINT = "Bijvoorbeeld: Grote Markt 1, of een postcode met huisnummer zoals 8011 LW 1."


def _children_by_parent(visie: Visie) -> dict[str | None, list[Gebied]]:
    found: dict[str | None, list[Gebied]] = {}
    for gebied in visie.gebieden:
        parent = gebied.onderdeel_van if gebied.onderdeel_van and visie.gebied(gebied.onderdeel_van) else None
        found.setdefault(parent, []).append(gebied)
    return found


def gebieden_tree(visie: Visie, linker: Linker, anchor: str | None = None) -> str:
    """Every gebied as a nested list of links (larger gebieden around the ones inside them)."""
    tree = _children_by_parent(visie)
    seen: set[str] = set()

    def items(parent: str | None) -> str:
        parts = []
        for gebied in tree.get(parent, []):
            if gebied.id in seen:  # a loop in onderdeel_van is reported elsewhere; never recurse forever
                continue
            seen.add(gebied.id)
            href = linker.url(gebied.id) + (f"#{anchor}" if anchor else "")
            inner = items(gebied.id)
            parts.append(f'<li><a href="{e(href)}">{e(gebied.titel)}</a>{f"<ul>{inner}</ul>" if inner else ""}</li>')
        return "".join(parts)

    return f'<ul class="ov-gebiedenlijst">{items(None)}</ul>'


def address_form(visie: Visie, action: str | None, field_id: str, live: bool) -> str:
    """The address field. ``live``: the combobox of the Wat geldt hier? page (script makes it work);
    otherwise a plain form that opens that page with the address filled in."""
    if visie.meta.adres_zoeken != "pdok":
        return ""
    hint_id = f"{field_id}-uitleg"
    if live:
        field = (
            f'<div class="ov-combobox"><input id="{field_id}" name="adres" type="text" role="combobox" '
            f'autocomplete="off" spellcheck="false" aria-autocomplete="list" aria-expanded="false" '
            f'aria-controls="{field_id}-lijst" aria-describedby="{hint_id}">'
            f'<ul id="{field_id}-lijst" role="listbox" aria-label="Gevonden adressen" class="ov-combobox__lijst" hidden=""></ul>'
            "</div>"
        )
        button = ""
    else:
        field = (
            f'<input id="{field_id}" name="adres" type="search" autocomplete="street-address" '
            f'aria-describedby="{hint_id}">'
        )
        button = '<button type="submit" class="md-button md-button--primary">Zoek</button>'
    opening = ' data-ov-adres=""' if live else f' action="{e(action)}" method="get"'
    return (
        f'<form class="ov-adres"{opening} role="search" aria-label="Adres zoeken">'
        f'<label for="{field_id}">Adres of postcode met huisnummer</label>'
        f'<div class="ov-adres__rij">{field}{button}</div>'
        f'<p id="{hint_id}" class="ov-adres__uitleg">{e(ADDRESS_HINT)} Wat u typt gaat naar de adreszoeker '
        "van PDOK (Kadaster); zie de privacy-uitleg in het colofon.</p>"
        "</form>"
    )


def wat_geldt_hier_page(visie: Visie, linker: Linker, data_href: str, root_href: str) -> str:
    pdok = visie.meta.adres_zoeken == "pdok"
    unavailable = (
        '<p class="ov-wgh__melding" data-ov-zonder-script="">'
        f"Zonder JavaScript kunt u hier geen {'adres zoeken en geen ' if pdok else ''}punt op de kaart aanwijzen. "
        "Kies hieronder uw gebied: op de pagina van elk gebied staan de keuzes die daar gelden.</p>"
    )
    interactive = (
        '<div class="ov-wgh__zoeken" data-ov-interactief="" hidden="">'
        f"{address_form(visie, None, 'ov-wgh-adres', live=True)}"
        '<p class="ov-wgh__knoppen"><button type="button" class="md-button" data-ov-mijn-locatie="">'
        "Gebruik mijn locatie</button></p>"
        '<p class="ov-wgh__status" role="status" data-ov-status=""></p>'
        '<div id="ov-wgh-kaart" class="ov-kaart__kaart ov-wgh__kaart" role="region" '
        'aria-label="Kaart: klik of tik op een punt om te zien wat daar geldt"></div>'
        "</div>"
    )
    answer = (
        '<section class="ov-wgh__antwoord" data-ov-antwoord="" aria-labelledby="ov-wgh-antwoord-titel" hidden="">'
        '<h2 id="ov-wgh-antwoord-titel" tabindex="-1">Wat geldt op dit punt</h2><div data-ov-antwoord-inhoud=""></div>'
        "</section>"
    )
    gebieden = (
        '<section class="ov-wgh__gebieden" aria-labelledby="ov-wgh-gebieden-titel">'
        '<h2 id="ov-wgh-gebieden-titel">Alle gebieden</h2>'
        f"{gebieden_tree(visie, linker)}</section>"
    )
    return (
        f'<div class="ov-wgh" data-ov-watgeldthier="" data-ov-gegevens="{e(data_href)}" '
        f'data-ov-basis="{e(root_href)}" {NOT_IN_SEARCH}>'
        f"{unavailable}{interactive}{answer}{gebieden}</div>"
    )


def home_overview(visie: Visie, linker: Linker, drawn_map: str) -> str:
    """Above the ambitie's own text: status, kernopgaven, Wat geldt hier? and the gebieden map."""
    meta = visie.meta
    details = [f"<strong>{e(meta.status.capitalize())}</strong>"]
    if meta.versie:
        details.append(f"versie {e(meta.versie)}")
    if meta.datum:
        details.append(e(dutch_date(meta)))
    status = f'<p class="ov-home__status">Status van de {e(meta.titel)}: {", ".join(details)}.</p>'
    cards = []
    for kernopgave in visie.kernopgaven:
        count = len(kernopgave.keuzes)
        colour = f' style="--ov-kleur: {e(kernopgave.kleur)}"' if kernopgave.kleur else ""
        short = (
            f'<span class="ov-opgavekaart__kort">{e(kernopgave.kort)}</span>'
            if kernopgave.kort and kernopgave.kort != kernopgave.titel else ""
        )
        cards.append(
            f'<li class="ov-opgavekaart"{colour}>'
            f'{link(linker, kernopgave.id, kernopgave.titel, "ov-opgavekaart__titel")}{short}'
            f'<span class="ov-opgavekaart__aantal">{count} {"keuze" if count == 1 else "keuzes"}</span></li>'
        )
    kernopgaven = (
        '<section class="ov-home__blok" aria-labelledby="ov-home-kernopgaven">'
        '<h2 id="ov-home-kernopgaven">Kernopgaven</h2>'
        f'<ul class="ov-opgavekaarten">{"".join(cards)}</ul></section>'
        if cards else ""
    )
    search_href = linker.url(PAGE_ID)
    form = address_form(visie, search_href, "ov-home-adres", live=False)
    point = "zoek een adres of wijs" if form else "wijs"
    where = (
        '<section class="ov-home__blok" aria-labelledby="ov-home-watgeldthier">'
        f'<h2 id="ov-home-watgeldthier">Wat geldt hier?</h2>'
        f"<p>Wat betekent de visie voor uw straat? {point.capitalize()} een punt aan op de kaart op de pagina "
        f'{link(linker, PAGE_ID, "Wat geldt hier?")}, of kies hieronder een gebied.</p>'
        f"{form}</section>"
    )
    gebieden = (
        '<section class="ov-home__blok" aria-labelledby="ov-home-gebieden">'
        '<h2 id="ov-home-gebieden">Gebieden</h2>'
        f'{drawn_map}<p class="ov-home__lijsttitel">Direct naar de keuzes per gebied:</p>'
        f"{gebieden_tree(visie, linker, anchor=GEBIED_KEUZES_ANCHOR)}</section>"
        if visie.gebieden else ""
    )
    return f'<div class="ov-home" {NOT_IN_SEARCH}>{status}{kernopgaven}{where}{gebieden}</div>'


GEBIED_KEUZES_ANCHOR = "keuzes-voor-dit-gebied"
