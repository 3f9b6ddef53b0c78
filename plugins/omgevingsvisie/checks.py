"""Checks across the whole visie: ids, references, gebied outlines, loops, placeholders."""

from __future__ import annotations

from .layers import GEBIEDEN_LAYER
from .markdown_scan import PLACEHOLDER, find_outside_code
from .model import GENERATED_PAGES, Gebied, Layer, Visie
from .placeholders import placeholder_values
from .problems import Problems, unknown_id_message


def check_visie(visie: Visie, problems: Problems) -> None:
    _check_unique_ids(visie, problems)
    _check_gebieden(visie, problems)
    _check_keuzes(visie, problems)
    _check_kaartlagen(visie, problems)
    _check_references(visie, problems)
    _check_placeholders(visie, problems)


def _check_unique_ids(visie: Visie, problems: Problems) -> None:
    first: dict[str, str] = {}
    for page in visie.published_pages():
        where = page.path
        if page.id in GENERATED_PAGES:
            problems.add(page.path, page.line_of("id") if "id" in page.field_lines else 1,
                         f"het id '{page.id}' is gereserveerd voor de pagina '{GENERATED_PAGES[page.id]}' die de "
                         "site zelf maakt; kies een ander id of een andere bestandsnaam")
        elif page.id in first:
            problems.add(page.path, page.line_of("id") if "id" in page.field_lines else 1,
                         f"het id '{page.id}' wordt al gebruikt door {first[page.id]}; ids moeten uniek zijn")
        else:
            first[page.id] = where
    for keuze in visie.keuzes:
        if keuze.id in GENERATED_PAGES:
            problems.add(keuze.path, keuze.line_of("id"),
                         f"het id '{keuze.id}' is gereserveerd voor de pagina '{GENERATED_PAGES[keuze.id]}'; kies een ander id")
        elif keuze.id in first:
            problems.add(keuze.path, keuze.line_of("id"),
                         f"het id '{keuze.id}' wordt al gebruikt door {first[keuze.id]}; ids moeten uniek zijn")
        else:
            first[keuze.id] = f"{keuze.path}:{keuze.line}"


# Deeper nesting makes an unreadable menu (and a recursion in every renderer of the tree).
MAX_GEBIED_DEPTH = 12


def _check_gebieden(visie: Visie, problems: Problems) -> None:
    ids = [g.id for g in visie.gebieden]
    by_id = {g.id: g for g in visie.gebieden}
    for gebied in visie.gebieden:
        parent = gebied.onderdeel_van
        if parent is not None and parent not in by_id:
            problems.add(gebied.path, gebied.line_of("onderdeel_van"), unknown_id_message("gebied", parent, ids))
    reported: set[str] = set()
    for gebied in visie.gebieden:
        chain = _parent_chain(gebied, by_id)
        if len(chain) == MAX_GEBIED_DEPTH and chain[-1] != gebied.id:
            problems.add(gebied.path, gebied.line_of("onderdeel_van"),
                         f"'onderdeel_van' nest de gebieden te diep: '{gebied.id}' ligt {MAX_GEBIED_DEPTH + 1} niveaus diep, "
                         f"de grens is {MAX_GEBIED_DEPTH}")
        if chain and chain[-1] == gebied.id and gebied.id not in reported:
            reported.update(chain)
            loop = " → ".join([gebied.id, *chain])
            problems.add(gebied.path, gebied.line_of("onderdeel_van"),
                         f"'onderdeel_van' maakt een kring: {loop}; een gebied kan geen onderdeel van zichzelf zijn")
    layer = visie.kaarten.lagen.get(GEBIEDEN_LAYER)
    if layer is None:
        return
    outlined = {f.gebied for f in layer.features} | layer.rejected_gebieden
    for gebied in visie.gebieden:
        if gebied.id not in outlined:
            problems.add(gebied.path, 1,
                         f"het gebied '{gebied.id}' heeft geen omtrek: voeg in {_layer_file(layer)} "
                         f"een object toe met de eigenschap \"gebied\": \"{gebied.id}\"")
    for feature in layer.features:
        if feature.gebied is None:
            problems.add(_layer_file(layer), None,
                         f"object {feature.index} van de laag 'gebieden' mist de eigenschap 'gebied' (het id van een gebied)")
        elif feature.gebied not in by_id:
            problems.add(_layer_file(layer), None,
                         f"object {feature.index}: {unknown_id_message('gebied', feature.gebied, ids)}")


def _layer_file(layer: Layer) -> str:
    """The layer's GeoJSON file by its path from the repository root, as in every message."""
    return f"{layer.path.rsplit('/', 1)[0]}/{layer.bestand}"


def _parent_chain(gebied: Gebied, by_id: dict[str, Gebied]) -> list[str]:
    """The ids above a gebied, up to MAX_GEBIED_DEPTH of them (a loop ends with the gebied itself)."""
    chain: list[str] = []
    current = gebied
    while current.onderdeel_van in by_id and current.onderdeel_van not in chain and len(chain) < MAX_GEBIED_DEPTH:
        chain.append(current.onderdeel_van)
        if current.onderdeel_van == gebied.id:
            break
        current = by_id[current.onderdeel_van]
    return chain


def _check_keuzes(visie: Visie, problems: Problems) -> None:
    gebied_ids = [g.id for g in visie.gebieden]
    kernopgave_ids = [k.id for k in visie.kernopgaven]
    for keuze in visie.keuzes:
        for gebied in keuze.gebieden:
            if gebied not in gebied_ids:
                problems.add(keuze.path, keuze.line_of("gebieden"), unknown_id_message("gebied", gebied, gebied_ids))
        for kernopgave in keuze.kernopgaven:
            if kernopgave not in kernopgave_ids:
                problems.add(keuze.path, keuze.line_of("kernopgaven"),
                             unknown_id_message("kernopgave", kernopgave, kernopgave_ids))


def _check_kaartlagen(visie: Visie, problems: Problems) -> None:
    layer_ids = list(visie.kaarten.lagen)
    if not visie.kaarten.declared:
        return  # lagen.yml itself is broken; that is reported already
    # A layer named in lagen.yml whose file failed is reported there; pages naming it are fine.
    known = set(layer_ids) | visie.kaarten.declared
    gebied_ids = [g.id for g in visie.gebieden]
    for page in visie.pages():
        for layer in page.kaartlagen:
            if layer not in known:
                problems.add(page.path, page.line_of("kaartlagen"), unknown_id_message("kaartlaag", layer, layer_ids))
        for kaart in page.kaarten:
            for layer in kaart.lagen:
                if layer not in known:
                    problems.add(kaart.path, kaart.line_of("lagen"), unknown_id_message("kaartlaag", layer, layer_ids))
            if kaart.gebied is not None and kaart.gebied not in gebied_ids:
                problems.add(kaart.path, kaart.line_of("gebied"), unknown_id_message("gebied", kaart.gebied, gebied_ids))
    for keuze in visie.keuzes:
        for layer in keuze.kaartlagen:
            if layer not in known:
                problems.add(keuze.path, keuze.line_of("kaartlagen"), unknown_id_message("kaartlaag", layer, layer_ids))


def _check_references(visie: Visie, problems: Problems) -> None:
    ids = sorted(visie.ids())
    for page in visie.pages():
        for reference in page.references:
            if not reference.target:
                problems.add(reference.path, reference.line, "een verwijzing [[…]] zonder id: schrijf [[id]] of [[id|tekst]]")
            elif reference.target not in ids:
                problems.add(reference.path, reference.line,
                             f"verwijzing [[{reference.target}]]: " + unknown_id_message("id", reference.target, ids))


def _check_placeholders(visie: Visie, problems: Problems) -> None:
    known = placeholder_values(visie.meta)
    for page in visie.pages():
        if "{{" not in page.body:
            continue  # most pages have none, and scanning a page for code takes its time
        for found in find_outside_code(page.body, PLACEHOLDER):
            name = found.match.group(1)
            if name not in known:
                problems.add(page.path, found.line + page.body_line - 1,
                             f"onbekende invulplek '{{{{ {name} }}}}'; bekend zijn: "
                             + ", ".join(f"{{{{ {k} }}}}" for k in known))
