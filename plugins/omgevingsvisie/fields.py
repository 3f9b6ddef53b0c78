"""Checking the fields of a YAML mapping against what the content contract allows."""

from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass
from typing import Any, Callable

from .ids import ID_PATTERN, suggest_id
from .problems import Problems, nearest
from .yamlio import LineDict

COLOUR_PATTERN = re.compile(r"^#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6})$")

Checker = Callable[[Any], str | None]  # returns a Dutch description of what is wrong, or None
ID_SCHEMA = {"type": "string", "pattern": ID_PATTERN.pattern}


def json_schema(fragment: dict[str, Any]) -> Callable[[Checker], Checker]:
    """Attach the JSON Schema that accepts what the checker accepts (see schemas.py)."""

    def attach(checker: Checker) -> Checker:
        checker.json_schema = fragment  # type: ignore[attr-defined]
        return checker

    return attach


@json_schema({"type": "string", "pattern": r"\S"})
def is_text(value: Any) -> str | None:
    if isinstance(value, str) and value.strip():
        return None
    return "moet een tekst zijn"


@json_schema({"type": ["string", "number"]})
def is_free_text(value: Any) -> str | None:
    if isinstance(value, (str, int, float)) and not isinstance(value, bool):
        return None
    return "moet een tekst zijn"


@json_schema({"type": "boolean"})
def is_boolean(value: Any) -> str | None:
    if isinstance(value, bool):
        return None
    return "moet true of false zijn"


@json_schema({"type": "integer"})
def is_whole_number(value: Any) -> str | None:
    if isinstance(value, int) and not isinstance(value, bool):
        return None
    return "moet een geheel getal zijn"


# YAML editors read an unquoted date as text, so the schema checks its form.
@json_schema({"type": "string", "pattern": r"^\d{4}-\d{2}-\d{2}$", "format": "date"})
def is_date(value: Any) -> str | None:
    if isinstance(value, _dt.date):
        return None
    if isinstance(value, str):
        try:
            _dt.date.fromisoformat(value)
            return None
        except ValueError:
            pass
    return "moet een datum zijn in de vorm JJJJ-MM-DD"


@json_schema({"type": "string", "pattern": COLOUR_PATTERN.pattern})
def is_colour(value: Any) -> str | None:
    if isinstance(value, str) and COLOUR_PATTERN.match(value):
        return None
    return "moet een kleur zijn zoals \"#2e7d32\" (tussen aanhalingstekens)"


@json_schema(ID_SCHEMA)
def is_id(value: Any) -> str | None:
    if not isinstance(value, str):
        return "moet een id zijn"
    if not ID_PATTERN.match(value):
        return f"moet een geldig id zijn; {id_pattern_message(value)}"
    return None


@json_schema({"type": "array", "items": ID_SCHEMA})
def is_id_list(value: Any) -> str | None:
    if not isinstance(value, list):
        return "moet een lijst van ids zijn, zoals [centrum, stadsring]"
    for item in value:
        if not isinstance(item, str):
            return "moet een lijst van ids zijn, zoals [centrum, stadsring]"
        if not ID_PATTERN.match(item):
            return f"moet een lijst van geldige ids zijn; {id_pattern_message(item)}"
    return None


@json_schema({"type": "array", "items": {"type": "string", "pattern": r"\S"}})
def is_text_list(value: Any) -> str | None:
    example = "moet een lijst van namen zijn, zoals [Assendorp, Diezerpoort]"
    if not isinstance(value, list):
        return example
    for item in value:
        if not isinstance(item, str) or not item.strip():
            return f"{example}; '{item}' is geen naam"
    return None


class WholeMessage(str):
    """A checker's message that names the field itself: ``{key}`` is filled in with its name."""


def _or_list(items: tuple[str, ...]) -> str:
    return items[0] if len(items) == 1 else f"{', '.join(items[:-1])} of {items[-1]}"


def is_choice(*choices: str) -> Checker:
    def check(value: Any) -> str | None:
        if isinstance(value, str) and value in choices:
            return None
        if isinstance(value, (str, int, float)) and not isinstance(value, bool):
            found = " ".join(str(value).split())
            found = found if len(found) <= 40 else found[:39] + "…"
            return WholeMessage(f"{{key}} '{found}' bestaat niet; kies uit {_or_list(choices)}")
        return f"moet een van deze waarden zijn: {', '.join(choices)}"

    return json_schema({"type": "string", "enum": list(choices)})(check)


@json_schema({"type": "object", "additionalProperties": {"type": "string"}})
def is_label_map(value: Any) -> str | None:
    if isinstance(value, dict) and all(isinstance(v, str) for v in value.values()):
        return None
    return "moet een lijst zijn van 'eigenschap: label'"


@json_schema({"type": "array", "items": {"type": "string"}})
def is_path_list(value: Any) -> str | None:
    if isinstance(value, list) and all(isinstance(item, str) for item in value):
        return None
    return "moet een lijst van paden zijn"


@json_schema({"type": "array"})
def is_layer_list(value: Any) -> str | None:
    return None if isinstance(value, list) else "moet een lijst van lagen zijn"


def id_pattern_message(value: str) -> str:
    suggestion = suggest_id(value)
    example = f"'{suggestion}'" if suggestion else "'stadsring' of 'wonen-binnen-de-ring'"
    return (
        f"'{value}' is geen geldig id: gebruik alleen kleine letters, cijfers en losse "
        f"streepjes (bijvoorbeeld {example})"
    )


@dataclass(frozen=True)
class Field:
    checker: Checker
    required: bool = False
    # Dutch, for redacteuren: shown by editors from the generated JSON Schemas.
    description: str = ""


def check_fields(
    data: LineDict,
    spec: dict[str, Field],
    path: str,
    what: str,
    problems: Problems,
) -> dict[str, Any]:
    """Report missing, unknown, duplicate and mistyped fields; return the valid ones."""
    valid: dict[str, Any] = {}
    for key, line in getattr(data, "duplicates", []):
        problems.add(path, line, f"het veld '{key}' staat twee keer in {what}")
    for key, value in data.items():
        line = data.key_lines.get(key, data.line)
        if key not in spec:
            message = f"onbekend veld '{key}' in {what}"
            hint = nearest(key, spec, cutoff=0.75)
            message += f"; bedoelt u '{hint}'?" if hint else f"; toegestaan zijn: {', '.join(spec)}"
            problems.add(path, line, message)
            continue
        wrong = spec[key].checker(value)
        if isinstance(wrong, WholeMessage):
            problems.add(path, line, wrong.replace("{key}", key))
            continue
        if wrong:
            problems.add(path, line, f"het veld '{key}' {wrong}")
            continue
        valid[key] = value
    for key, field_spec in spec.items():
        if field_spec.required and key not in data:
            problems.add(path, data.line or 1, f"het verplichte veld '{key}' ontbreekt in {what}")
    return valid

