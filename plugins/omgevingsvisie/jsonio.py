"""Reading JSON (GeoJSON) with Dutch messages and limits, so that no file can crash or stall a build."""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from typing import Any

from .parser_messages import explain_json
from .yamlio import MAX_DEPTH, unreadable_character

MAX_DIGITS = 4000


@dataclass
class JsonError(Exception):
    line: int | None
    message: str


class _Refused(ValueError):
    """Raised from a parse hook; carries a Dutch message."""


def _constant(name: str) -> Any:
    raise _Refused(f"de waarde '{name}' is geen getal dat JSON toestaat; laat de eigenschap weg of gebruik null")


def _integer(text: str) -> int:
    if len(text) > MAX_DIGITS:
        raise _Refused(f"een getal met meer dan {MAX_DIGITS} cijfers is te lang")
    return int(text)


def _float(text: str) -> float:
    if len(text) > MAX_DIGITS:
        raise _Refused(f"een getal met meer dan {MAX_DIGITS} cijfers is te lang")
    value = float(text)
    if not math.isfinite(value):
        raise _Refused(f"het getal {text[:40]} is te groot")
    return value


def load_json(text: str) -> Any:
    """Parse JSON; refuse NaN and Infinity, huge numbers, deep nesting and characters that are not text."""
    try:
        document = json.loads(text, parse_constant=_constant, parse_int=_integer, parse_float=_float)
    except json.JSONDecodeError as error:
        raise JsonError(error.lineno, explain_json(error.msg)) from None
    except _Refused as error:
        raise JsonError(None, str(error)) from None
    except RecursionError:
        raise JsonError(None, f"de JSON is te diep genest (meer dan {MAX_DEPTH} niveaus)") from None
    except ValueError:
        raise JsonError(None, "de JSON is niet te lezen") from None
    _check_values(document)
    return document


def _check_values(document: Any) -> None:
    """Depth and text of every value, iteratively (a recursive walk could itself overflow)."""
    stack: list[tuple[Any, int]] = [(document, 0)]
    while stack:
        value, depth = stack.pop()
        if depth > MAX_DEPTH:
            raise JsonError(None, f"de JSON is te diep genest (meer dan {MAX_DEPTH} niveaus)")
        if isinstance(value, str):
            bad = unreadable_character(value)
            if bad:
                raise JsonError(None, bad)
        elif isinstance(value, dict):
            for key, item in value.items():
                stack.append((key, depth + 1))
                stack.append((item, depth + 1))
        elif isinstance(value, list):
            stack.extend((item, depth + 1) for item in value)
