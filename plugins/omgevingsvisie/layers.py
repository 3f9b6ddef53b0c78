"""Reading and checking ``kaarten/lagen.yml`` and the GeoJSON files it names."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from . import geo
from .fields import Field, check_fields, is_choice, is_colour, is_id, is_label_map, is_layer_list, is_text
from .model import Feature, Kaarten, Layer
from .problems import Problems
from .safefiles import LINK_MESSAGE, link_on_the_way
from .jsonio import JsonError, load_json
from .yamlio import LineDict, LineList, YamlError, load_yaml, short

ACHTERGRONDEN = ("pdok-brt", "geen")
DEFAULT_COLOUR = "#1f78b4"
GEBIEDEN_LAYER = "gebieden"

ROOT_FIELDS = {
    "achtergrond": Field(is_choice(*ACHTERGRONDEN),
                         description="De achtergrondkaart: pdok-brt (de topografische kaart van PDOK) of geen."),
    "lagen": Field(is_layer_list, required=True, description="De kaartlagen; de laag met id 'gebieden' is verplicht."),
}
LAYER_FIELDS = {
    "id": Field(is_id, required=True, description="Het id van de laag, waarmee pagina's en keuzes haar noemen."),
    "titel": Field(is_text, required=True, description="De naam van de laag in de legenda."),
    "bestand": Field(is_text, required=True, description="Het GeoJSON-bestand in kaarten/, zoals groen.geojson."),
    "kleur": Field(is_colour, description="De kleur op de kaart, zoals \"#2e7d32\" (tussen aanhalingstekens)."),
    "label": Field(is_text, description="De eigenschap met de naam van een object, zoals naam."),
    "velden": Field(is_label_map, description="Eigenschappen om te tonen, met hun label: 'eigenschap: label'."),
    "omschrijving": Field(is_text, description="Een korte uitleg van de laag voor de lezer."),
}


def load_kaarten(root: Path, kaarten_dir: str, problems: Problems) -> Kaarten:
    from .reuse import memory  # a live preview keeps the kaarten while no file in kaarten/ changed

    kept = memory()
    if kept is not None:
        return kept.kaarten(_load_kaarten, root, kaarten_dir, problems)
    return _load_kaarten(root, kaarten_dir, problems)


def _load_kaarten(root: Path, kaarten_dir: str, problems: Problems) -> Kaarten:
    folder = root / kaarten_dir
    path = f"{kaarten_dir}/lagen.yml"
    source = folder / "lagen.yml"
    kaarten = Kaarten()
    link = link_on_the_way(root, f"{kaarten_dir}/lagen.yml")
    if link is not None:
        problems.add(link.relative_to(root).as_posix(), None, LINK_MESSAGE)
        return kaarten
    if not source.is_file():
        problems.add(path, None, "dit bestand ontbreekt: elke visie heeft kaartlagen, met minstens de laag 'gebieden'")
        return kaarten
    try:
        data = load_yaml(source.read_text(encoding="utf-8"))
    except YamlError as error:
        problems.add(path, error.line, error.message)
        return kaarten
    except UnicodeDecodeError:
        problems.add(path, None, "het bestand is geen tekst in UTF-8")
        return kaarten
    if not isinstance(data, LineDict):
        problems.add(path, 1, "lagen.yml moet velden bevatten: 'achtergrond' en 'lagen'")
        return kaarten
    valid = check_fields(data, ROOT_FIELDS, path, "lagen.yml", problems)
    kaarten.achtergrond = valid.get("achtergrond", "pdok-brt")
    entries = valid.get("lagen", [])
    lines = entries.item_lines if isinstance(entries, LineList) else []
    for number, entry in enumerate(entries):
        line = lines[number] if number < len(lines) else data.line
        if not isinstance(entry, LineDict):
            problems.add(path, line, "elke laag moet velden hebben zoals 'id', 'titel' en 'bestand'")
            continue
        if isinstance(entry.get("id"), str):
            kaarten.declared.add(entry["id"])
        layer = _load_layer(folder, kaarten_dir, path, entry, problems)
        if layer is None:
            continue
        if layer.id in kaarten.lagen:
            problems.add(path, entry.key_lines.get("id", line), f"de laag-id '{layer.id}' wordt twee keer gebruikt")
            continue
        kaarten.lagen[layer.id] = layer
    if GEBIEDEN_LAYER not in kaarten.declared and not any(p.path == path for p in problems):
        problems.add(path, data.line, "de verplichte laag met id 'gebieden' (de omtrekken van de gebieden) ontbreekt")
    return kaarten


def _load_layer(folder: Path, kaarten_dir: str, path: str, entry: LineDict, problems: Problems) -> Layer | None:
    before = len(problems)
    valid = check_fields(entry, LAYER_FIELDS, path, "een laag", problems)
    if len(problems) > before and ("id" not in valid or "bestand" not in valid):
        return None
    layer_id: str = valid.get("id", "")
    bestand: str = valid.get("bestand", "")
    bestand_line = entry.key_lines.get("bestand", entry.line)
    rejected: set[str] = set()
    features = _load_features(folder, kaarten_dir, bestand, path, bestand_line, problems, rejected)
    if features is None:
        return None
    return Layer(
        id=layer_id,
        titel=valid.get("titel", layer_id),
        bestand=bestand,
        kleur=valid.get("kleur", DEFAULT_COLOUR),
        label=valid.get("label"),
        velden=dict(valid.get("velden", {})),
        omschrijving=valid.get("omschrijving"),
        features=features,
        bounds=geo.bounds_of([f.geometry for f in features]),
        path=path,
        line=entry.line,
        rejected_gebieden=rejected,
    )


def _load_features(
    folder: Path, kaarten_dir: str, bestand: str, path: str, line: int, problems: Problems, rejected: set[str]
) -> list[Feature] | None:
    if any(ord(c) < 32 for c in bestand):
        problems.add(path, line, "de bestandsnaam in 'bestand' bevat een onzichtbaar stuurteken; schrijf alleen de naam, zoals gebieden.geojson")
        return None
    link = link_on_the_way(folder, bestand)
    if link is not None:
        problems.add(path, line, f"het bestand '{bestand}': {LINK_MESSAGE}")
        return None
    target = (folder / bestand).resolve()
    if not target.is_relative_to(folder.resolve()):
        problems.add(path, line, f"het bestand '{bestand}' ligt buiten de map {kaarten_dir}/")
        return None
    file_path = f"{kaarten_dir}/{bestand}"
    if not target.is_file():
        problems.add(path, line, f"het bestand '{bestand}' bestaat niet in {kaarten_dir}/")
        return None
    try:
        document = load_json(target.read_text(encoding="utf-8"))
    except UnicodeDecodeError:
        problems.add(file_path, None, "het bestand is geen tekst in UTF-8")
        return None
    except JsonError as error:
        problems.add(file_path, error.line, f"geen geldige GeoJSON: {error.message}")
        return None
    if not isinstance(document, dict) or document.get("type") != "FeatureCollection" or not isinstance(document.get("features"), list):
        problems.add(file_path, 1, "geen geldige GeoJSON: verwacht een FeatureCollection met een lijst 'features'")
        return None
    name = geo.crs_name(document)
    if geo.is_rd_new(name):
        transform = geo.rd_new_to_wgs84
    elif geo.is_wgs84(name):
        transform = geo.unchanged
    else:
        problems.add(file_path, 1, f"onbekend coördinatenstelsel '{name}': gebruik WGS84 of RD New (EPSG:28992)")
        return None
    features: list[Feature] = []
    for index, item in enumerate(document["features"], start=1):
        where = f"object {index}"
        if not isinstance(item, dict) or item.get("type") != "Feature":
            problems.add(file_path, None, f"geen geldige GeoJSON: {where} is geen Feature")
            continue
        properties: Any = item.get("properties") or {}
        if not isinstance(properties, dict):
            problems.add(file_path, None, f"geen geldige GeoJSON: {where} heeft 'properties' die geen object zijn")
            continue
        label = properties.get("naam") or properties.get("gebied")
        if isinstance(label, str) and label:
            where += f" ('{short(label)}')"
        if "gebied" in properties and not isinstance(properties["gebied"], str):
            problems.add(file_path, None, f"{where}: de eigenschap 'gebied' moet een tekst zijn: het id van een gebied")
            continue
        if isinstance(properties.get("gebied"), str):
            rejected.add(properties["gebied"])  # until the geometry proves good
        try:
            geo.check_geometry(item.get("geometry"))
        except geo.GeometryError as error:
            problems.add(file_path, None, f"geen geldige GeoJSON: {where}: {error}")
            continue
        geometry = geo.map_positions(item["geometry"], transform)
        outside = next((p for p in geo.positions(geometry) if not geo.inside_netherlands(*p)), None)
        if outside is not None:
            problems.add(
                file_path,
                None,
                f"{where} ligt buiten Nederland (punt {outside[0]:.4f}, {outside[1]:.4f} in lengte- en breedtegraad); "
                "controleer het coördinatenstelsel en de volgorde [lengtegraad, breedtegraad]",
            )
            continue
        rejected.discard(properties.get("gebied"))
        features.append(Feature(properties=dict(properties), geometry=geometry, index=index))
    return features
