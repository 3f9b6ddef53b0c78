"""JSON Schemas for editors, generated from the field definitions the core checks with.

The field tables in loader.py, pages.py and layers.py are the one source of truth: a field added
there appears in the schemas after ``omgevingsvisie schemas``. Editors with a YAML language server
(VS Code's YAML extension) then check ``visie.yml`` and ``lagen.yml`` while typing.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from .fields import Field
from .layers import LAYER_FIELDS, ROOT_FIELDS
from .loader import VISIE_FIELDS
from .pages import FIELDS, KAART_FIELDS, KEUZE_FIELDS

DRAFT = "http://json-schema.org/draft-07/schema#"
FOLDER = "schemas"


class SchemaError(Exception):
    """A field whose checker has no JSON Schema attached (see fields.json_schema)."""


def field_schema(name: str, field: Field) -> dict[str, Any]:
    fragment = getattr(field.checker, "json_schema", None)
    if fragment is None:
        raise SchemaError(
            f"het veld '{name}' heeft een controle zonder JSON Schema ({field.checker.__name__}); "
            "zet @json_schema({...}) boven die functie in plugins/omgevingsvisie/fields.py"
        )
    schema = dict(fragment)
    if field.description:
        schema["description"] = field.description
    return schema


def object_schema(fields: dict[str, Field], title: str, description: str) -> dict[str, Any]:
    schema: dict[str, Any] = {
        "title": title,
        "description": description,
        "type": "object",
        "properties": {name: field_schema(name, field) for name, field in fields.items()},
        "additionalProperties": False,
    }
    required = [name for name, field in fields.items() if field.required]
    if required:
        schema["required"] = required
    return schema


def _document(schema: dict[str, Any]) -> dict[str, Any]:
    return {"$schema": DRAFT, **schema}


def schemas() -> dict[str, dict[str, Any]]:
    """File name → schema, for every kind of YAML a redacteur writes."""
    lagen = object_schema(ROOT_FIELDS, "kaarten/lagen.yml", "De kaartlagen van de visie en de achtergrondkaart.")
    lagen["properties"]["lagen"]["items"] = object_schema(
        LAYER_FIELDS, "Een kaartlaag", "Een laag: een GeoJSON-bestand in kaarten/ met een titel en een kleur."
    )
    return {
        "visie.schema.json": _document(object_schema(
            VISIE_FIELDS, "visie/visie.yml", "De gegevens van de visie: gemeente, titel, status en volgorde.")),
        "kernopgave.schema.json": _document(object_schema(
            FIELDS["kernopgave"], "Front matter van een kernopgave", "De velden bovenaan een pagina in visie/kernopgaven/.")),
        "gebied.schema.json": _document(object_schema(
            FIELDS["gebied"], "Front matter van een gebied", "De velden bovenaan een pagina in visie/gebieden/.")),
        "hoofdstuk.schema.json": _document(object_schema(
            FIELDS["hoofdstuk"], "Front matter van een hoofdstuk",
            "De velden bovenaan visie/index.md (de leidende ambitie) en de andere hoofdstukken in visie/.")),
        "keuze.schema.json": _document(object_schema(
            KEUZE_FIELDS, "Opties van een keuze-blok", "De opties onder '/// keuze | Titel', vier spaties ingesprongen.")),
        "kaart.schema.json": _document(object_schema(
            KAART_FIELDS, "Opties van een kaart-blok", "De opties onder '/// kaart | Titel', vier spaties ingesprongen.")),
        "lagen.schema.json": _document(lagen),
    }


def schema_texts() -> dict[str, str]:
    return {name: json.dumps(schema, ensure_ascii=False, indent=2) + "\n" for name, schema in schemas().items()}


def write_schemas(folder: Path) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, text in schema_texts().items():
        target = folder / name
        target.write_text(text, encoding="utf-8")
        written.append(target)
    return written
