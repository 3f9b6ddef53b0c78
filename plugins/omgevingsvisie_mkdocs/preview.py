"""Preview builds for the gemeenteraad: compare this visie with a base version's visie.json."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from mkdocs.exceptions import PluginError

from omgevingsvisie.export import FORMAT, export_visie
from omgevingsvisie import geo
from omgevingsvisie.model import Feature, Layer, Visie

if TYPE_CHECKING:  # comparing is only for a raad preview; a normal build need not load it
    from omgevingsvisie.compare import Changes, FeatureChange

EXPORT_FILE = "visie.json"
WIJZIGINGEN = ("Wijzigingen", "wijzigingen.md")
# Colours from the Okabe-Ito palette, told apart with colour blindness too; the legend and
# the text list name them as well.
CHANGE_LAYERS = (
    ("wijzigingen-nieuw", "Toegevoegd", "#0072b2", "nieuw"),
    ("wijzigingen-verwijderd", "Verwijderd", "#d55e00", "verwijderd"),
    ("wijzigingen-gewijzigd", "Gewijzigd (nieuwe vorm of gegevens)", "#7b3294", "gewijzigd"),
)
# The previous shape of changed objects, dashed under the new one.
PREVIOUS_LAYER = ("wijzigingen-vorige-vorm", "Gewijzigd: vorige vorm (gestippelde lijn)", "#000000", "vorige")


def base_label(base: dict[str, Any], name: str | None) -> str:
    version = f"versie {base['versie']}" if base.get("versie") else "de basisversie"
    return f"{version} ({name})" if name else version


def load_base(path: Path) -> dict[str, Any]:
    if not path.is_file():
        raise PluginError(f"basis: het bestand '{path}' bestaat niet; geef een visie.json van een eerdere build")
    try:
        base = json.loads(path.read_text(encoding="utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError):
        raise PluginError(f"basis: '{path}' is geen leesbare visie.json") from None
    if not isinstance(base, dict) or base.get("formaat") != FORMAT:
        raise PluginError(f"basis: '{path}' is geen visie.json van deze generator (formaat {FORMAT})")
    return base


@dataclass
class Preview:
    label: str
    changes: Changes

    @classmethod
    def against(cls, visie: Visie, base_file: str, name: str | None, root: Path) -> "Preview":
        path = Path(base_file)
        base = load_base(path if path.is_absolute() else root / path)
        label = base_label(base, name)
        from omgevingsvisie.compare import compare

        return cls(label, compare(base, export_visie(visie), label))


def change_layers(changes: Changes) -> list[Layer]:
    """Map layers of the features that were added, removed or changed, over all layers."""
    layers = []
    for layer_id, titel, kleur, status in (*CHANGE_LAYERS, PREVIOUS_LAYER):
        wanted = "gewijzigd" if status == "vorige" else status
        found: list[tuple[str, FeatureChange]] = [
            (layer.titel, f) for layer in changes.layers for f in layer.features if f.status == wanted
        ]
        features = []
        for index, (layer_titel, change) in enumerate(found, start=1):
            source = change.old if status in ("verwijderd", "vorige") else change.new
            if status == "vorige" and source and change.new and source.get("geometry") == change.new.get("geometry"):
                continue  # only its data changed: there is no previous shape to draw
            if not source or not isinstance(source.get("geometry"), dict):
                continue
            properties = {"naam": change.naam, "laag": layer_titel}
            features.append(Feature(properties=properties, geometry=source["geometry"], index=index))
        if features:
            layers.append(Layer(
                id=layer_id, titel=titel, bestand="", kleur=kleur, label="naam", velden={"laag": "Kaartlaag"},
                omschrijving=None, features=features, bounds=geo.bounds_of([f.geometry for f in features]),
                path="", line=0, gestippeld=status == "vorige",
            ))
    return layers


def export_json(visie: Visie) -> str:
    # Without indent, json uses its C encoder: ten times faster on the outlines of a large visie.
    return json.dumps(export_visie(visie), ensure_ascii=False, separators=(",", ":"))
