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
# A gebied's outline on the gebieden layer counts as a field of the gebied.
OUTLINE = ("begrenzing", "begrenzing op de kaart")
GEBIEDEN_LAYER = "gebieden"
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

    @property
    def is_outline(self) -> bool:
        return self.field == OUTLINE[0]

    @property
    def area_change(self) -> tuple[float, float]:
        """For an outline: (hectares gained, hectares lost), measured in RD New."""
        from .oppervlakte import area_change

        return area_change(self.old, self.new)


@dataclass
class ItemChange:
    kind: Kind
    id: str
    titel: str
    status: Literal["nieuw", "verwijderd", "gewijzigd"]
    # For a new or removed item: every field it has (old or new is None), to show it whole.
    fields: list[FieldChange] = field(default_factory=list)

    @property
    def changed_fields(self) -> list[FieldChange]:
        return self.fields if self.status == "gewijzigd" else []


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


Operation = Literal["gelijk", "weg", "erbij"]


def _opcodes(a: list[str], b: list[str]) -> list[list[Any]]:
    """difflib's opcodes as [tag, old text, new text], tags 'equal' or 'change'."""
    ops: list[list[Any]] = []
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        ops.append(["equal" if tag == "equal" else "change", "".join(a[i1:i2]), "".join(b[j1:j2])])
    return ops


def _edit_size(ops: list[list[Any]], start: int, step: int) -> int:
    """The larger of deleted and added characters in the run of changes next to an equality."""
    deleted = added = 0
    index = start
    while 0 <= index < len(ops) and ops[index][0] == "change":
        deleted += len(ops[index][1])
        added += len(ops[index][2])
        index += step
    return max(deleted, added)


def _semantic_cleanup(ops: list[list[Any]]) -> list[list[Any]]:
    """Fold short equalities between changes into the changes, as diff-match-patch's semantic cleanup.

    A word diff of a rewritten sentence matches stray words (``de``, ``en``, spaces) and so
    alternates deleted and added words; neither sentence can then be read. An equality no longer
    than the changes on both its sides is taken as part of the change. What is left equal are the
    real anchors between the old and the new phrase.
    """
    changed = True
    while changed:
        changed = False
        for index in range(1, len(ops) - 1):
            tag, text, _ = ops[index]
            if tag != "equal" or ops[index - 1][0] != "change" or ops[index + 1][0] != "change":
                continue
            size = len(text)
            if not text.strip() or (size <= _edit_size(ops, index - 1, -1) and size <= _edit_size(ops, index + 1, 1)):
                ops[index] = ["change", text, text]
                changed = True
        merged: list[list[Any]] = []
        for op in ops:
            if merged and op[0] == "change" and merged[-1][0] == "change":
                merged[-1] = ["change", merged[-1][1] + op[1], merged[-1][2] + op[2]]
            else:
                merged.append(op)
        ops = merged
    return ops


def word_diff(old: str, new: str) -> list[tuple[Operation, str]]:
    """Differences per phrase, whitespace kept, as (operation, text) runs.

    Each change is one deleted run followed by one added run, with the unchanged words between
    changes kept, so the old and the new text can each be read as a whole.
    """
    a, b = WORD.findall(old or ""), WORD.findall(new or "")
    runs: list[tuple[Operation, str]] = []
    for tag, before, after in _semantic_cleanup(_opcodes(a, b)):
        if tag == "equal":
            runs.append(("gelijk", before))
            continue
        # Whitespace both versions share at the edges of a change stays outside the marks.
        lead = len(before) - len(before.lstrip()) if before[: 1].isspace() and after[: 1].isspace() else 0
        lead = min(lead, len(after) - len(after.lstrip()))
        trail = min(len(before) - len(before.rstrip()), len(after) - len(after.rstrip()))
        if lead and before[:lead] == after[:lead]:
            runs.append(("gelijk", before[:lead]))
            before, after = before[lead:], after[lead:]
        tail = ""
        if trail and before[len(before) - trail :] == after[len(after) - trail :] and before.strip() and after.strip():
            tail = before[len(before) - trail :]
            before, after = before[: len(before) - trail], after[: len(after) - trail]
        if before:
            runs.append(("weg", before))
        if after:
            runs.append(("erbij", after))
        if tail:
            runs.append(("gelijk", tail))
    return runs


def _compare_items(kind: Kind, old: list[dict], new: list[dict]) -> list[ItemChange]:
    before = {item["id"]: item for item in old}
    after = {item["id"]: item for item in new}
    changes: list[ItemChange] = []
    for item_id, item in after.items():
        if item_id not in before:
            changes.append(ItemChange(kind, item_id, item["titel"], "nieuw", _whole(kind, item, new=True)))
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
            changes.append(ItemChange(kind, item_id, item["titel"], "verwijderd", _whole(kind, item, new=False)))
    return changes


def _whole(kind: Kind, item: dict, new: bool) -> list[FieldChange]:
    """The fields of a new or removed item that hold something, all as added or all as removed."""
    found = []
    for name, label in FIELDS[kind].items():
        value = item.get(name)
        if name in ("titel", "volgorde") or value in (None, "", []):
            continue
        found.append(FieldChange(name, label, None if new else value, value if new else None))
    return found


def _outline_changes(changes: Changes, gebied_ids: set[str]) -> None:
    """A gebied whose outline changed is a changed gebied, with the outline as its changed field."""
    layer = next((l for l in changes.layers if l.id == GEBIEDEN_LAYER), None)
    if layer is None:
        return
    for feature in layer.features:
        old = (feature.old or {}).get("geometry")
        new = (feature.new or {}).get("geometry")
        if old == new:
            continue
        item = next((i for i in changes.items if i.kind == "gebieden" and i.id == feature.key), None)
        if item is None:
            if feature.new is None or feature.key not in gebied_ids:
                continue  # the outline of a gebied that is not in the visie (any more)
            item = ItemChange("gebieden", feature.key, feature.naam, "gewijzigd")
            changes.items.append(item)
        if item.status == "gewijzigd":
            item.fields.append(FieldChange(OUTLINE[0], OUTLINE[1], old, new))


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
    titles = {g["id"]: g["titel"] for g in current.get("gebieden", [])}
    _outline_changes(changes, set(titles))
    for item in changes.items:
        if item.kind == "gebieden" and item.id in titles:
            item.titel = titles[item.id]
    return changes
