"""What changed between two versions of a visie, from their exports (``visie.json``)."""

from __future__ import annotations

import difflib
import json
import re
from dataclasses import dataclass, field
from typing import Any, Literal

Kind = Literal["kernopgaven", "gebieden", "keuzes", "paginas"]
KINDS: tuple[Kind, ...] = ("kernopgaven", "gebieden", "keuzes", "paginas")
KIND_LABELS = {"kernopgaven": "Kernopgaven", "gebieden": "Gebieden", "keuzes": "Keuzes", "paginas": "Overige pagina's"}
# Fields compared per kind, with their Dutch names; text and titles get a word-level diff.
FIELDS: dict[str, dict[str, str]] = {
    "kernopgaven": {"titel": "titel", "tekst": "tekst", "kort": "korte naam", "volgorde": "volgorde", "kaartlagen": "kaartlagen"},
    "gebieden": {"titel": "titel", "tekst": "tekst", "onderdeel_van": "onderdeel van", "volgorde": "volgorde", "kaartlagen": "kaartlagen"},
    "keuzes": {"titel": "titel", "tekst": "toelichting", "kernopgave": "kernopgave", "gebieden": "gebieden", "rol": "rol",
               "kernopgaven": "draagt ook bij aan", "kaartlagen": "kaartlagen"},
    "paginas": {"titel": "titel", "tekst": "tekst"},
}
TEXT_FIELDS = {"titel", "tekst"}
WORD = re.compile(r"\s+|[^\s]+")


@dataclass
class FieldChange:
    field: str
    label: str
    old: Any
    new: Any

    @property
    def is_text(self) -> bool:
        return self.field in TEXT_FIELDS


@dataclass
class ItemChange:
    kind: Kind
    id: str
    titel: str
    status: Literal["nieuw", "verwijderd", "gewijzigd"]
    fields: list[FieldChange] = field(default_factory=list)


@dataclass
class FeatureChange:
    key: str
    naam: str
    status: Literal["nieuw", "verwijderd", "gewijzigd"]
    old: dict[str, Any] | None
    new: dict[str, Any] | None


@dataclass
class LayerChange:
    id: str
    titel: str
    status: Literal["nieuw", "verwijderd", "gewijzigd"]
    features: list[FeatureChange] = field(default_factory=list)


@dataclass
class Changes:
    base_label: str
    items: list[ItemChange] = field(default_factory=list)
    layers: list[LayerChange] = field(default_factory=list)

    def of_kind(self, kind: Kind) -> list[ItemChange]:
        return [i for i in self.items if i.kind == kind]

    def for_id(self, item_id: str) -> ItemChange | None:
        return next((i for i in self.items if i.id == item_id and i.status != "verwijderd"), None)

    @property
    def empty(self) -> bool:
        return not self.items and not self.layers


def word_diff(old: str, new: str) -> list[tuple[Literal["gelijk", "weg", "erbij"], str]]:
    """Word-level differences, whitespace kept, as (operation, text) runs."""
    a, b = WORD.findall(old or ""), WORD.findall(new or "")
    runs: list[tuple[Literal["gelijk", "weg", "erbij"], str]] = []
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if tag == "equal":
            runs.append(("gelijk", "".join(a[i1:i2])))
            continue
        if tag in ("delete", "replace"):
            runs.append(("weg", "".join(a[i1:i2])))
        if tag in ("insert", "replace"):
            runs.append(("erbij", "".join(b[j1:j2])))
    return runs


def _compare_items(kind: Kind, old: list[dict], new: list[dict]) -> list[ItemChange]:
    before = {item["id"]: item for item in old}
    after = {item["id"]: item for item in new}
    changes: list[ItemChange] = []
    for item_id, item in after.items():
        if item_id not in before:
            changes.append(ItemChange(kind, item_id, item["titel"], "nieuw"))
            continue
        fields = [
            FieldChange(name, label, before[item_id].get(name), item.get(name))
            for name, label in FIELDS[kind].items()
            if before[item_id].get(name) != item.get(name)
        ]
        if fields:
            changes.append(ItemChange(kind, item_id, item["titel"], "gewijzigd", fields))
    for item_id, item in before.items():
        if item_id not in after:
            changes.append(ItemChange(kind, item_id, item["titel"], "verwijderd"))
    return changes


def _feature_key(layer: dict, feature: dict, index: int) -> str:
    properties = feature.get("properties") or {}
    for name in ("gebied", layer.get("label") or "naam", "naam", "id"):
        value = properties.get(name)
        if isinstance(value, (str, int)):
            return str(value)
    return f"object {index + 1}"


def _features(layer: dict) -> dict[str, dict]:
    found: dict[str, dict] = {}
    for index, feature in enumerate(layer["geojson"]["features"]):
        key = _feature_key(layer, feature, index)
        while key in found:
            key += "+"
        found[key] = feature
    return found


def _name(layer: dict, key: str, feature: dict) -> str:
    properties = feature.get("properties") or {}
    label = properties.get(layer.get("label") or "naam") or properties.get("naam")
    return str(label) if label else key


def _compare_layers(old: list[dict], new: list[dict]) -> list[LayerChange]:
    before = {layer["id"]: layer for layer in old}
    after = {layer["id"]: layer for layer in new}
    changes: list[LayerChange] = []
    for layer_id in [*after, *(i for i in before if i not in after)]:
        old_layer, new_layer = before.get(layer_id), after.get(layer_id)
        old_features = _features(old_layer) if old_layer else {}
        new_features = _features(new_layer) if new_layer else {}
        features = []
        for key, feature in new_features.items():
            if key not in old_features:
                features.append(FeatureChange(key, _name(new_layer, key, feature), "nieuw", None, feature))
            elif json.dumps(old_features[key], sort_keys=True) != json.dumps(feature, sort_keys=True):
                features.append(FeatureChange(key, _name(new_layer, key, feature), "gewijzigd", old_features[key], feature))
        for key, feature in old_features.items():
            if key not in new_features:
                features.append(FeatureChange(key, _name(old_layer, key, feature), "verwijderd", feature, None))
        layer = new_layer or old_layer
        status = "nieuw" if old_layer is None else "verwijderd" if new_layer is None else "gewijzigd"
        if features or status != "gewijzigd":
            changes.append(LayerChange(layer_id, layer["titel"], status, features))
    return changes


def compare(base: dict[str, Any], current: dict[str, Any], base_label: str) -> Changes:
    changes = Changes(base_label)
    for kind in KINDS:
        changes.items.extend(_compare_items(kind, base.get(kind, []), current.get(kind, [])))
    changes.layers = _compare_layers(base.get("lagen", []), current.get("lagen", []))
    return changes
