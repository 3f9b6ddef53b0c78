"""Dutch explanations of the English messages of the YAML and JSON parsers."""

from __future__ import annotations

YAML = (
    ("mapping values are not allowed", "een dubbele punt staat op een plek waar dat niet mag: controleer de inspringing, of zet tekst met ':' tussen aanhalingstekens"),
    ("expected ',' or ']'", "een lijst die met '[' begint, wordt niet met ']' afgesloten"),
    ("expected ',' or '}'", "een blok dat met '{' begint, wordt niet met '}' afgesloten"),
    ("found character '\\t'", "er staat een tab; gebruik spaties om in te springen"),
    ("could not find expected ':'", "een regel mist de dubbele punt van 'naam: waarde'"),
    ("found unexpected end of stream", "een aanhalingsteken wordt niet afgesloten"),
    ("expected <block end>", "de inspringing klopt niet"),
    ("did not find expected key", "de inspringing klopt niet, of een regel mist 'naam:'"),
    ("did not find expected '-' indicator", "de inspringing van een lijst met '-' klopt niet"),
    ("found undefined alias", "een '*' aan het begin van een waarde; zet de waarde tussen aanhalingstekens"),
    ("found unknown escape character", "een backslash (\\) in tekst tussen dubbele aanhalingstekens; gebruik enkele aanhalingstekens"),
    ("could not determine a constructor", "een waarde begint met '!'; zet de waarde tussen aanhalingstekens"),
    ("found character that cannot start any token", "een teken waarmee een waarde niet mag beginnen (zoals ` of @); zet de waarde tussen aanhalingstekens"),
)
JSON = (
    ("Expecting property name enclosed in double quotes", "hier hoort een naam tussen dubbele aanhalingstekens (of er staat een komma te veel)"),
    ("Expecting value", "hier hoort een waarde (of er staat een komma te veel)"),
    ("Expecting ',' delimiter", "er ontbreekt een komma"),
    ("Expecting ':' delimiter", "er ontbreekt een dubbele punt"),
    ("Extra data", "na het einde van de JSON staat nog tekst"),
    ("Unterminated string", "een tekst wordt niet afgesloten met een aanhalingsteken"),
    ("Invalid control character", "een tekst bevat een regeleinde of tab; gebruik \\n of \\t"),
)


def explain(message: str, known: tuple[tuple[str, str], ...]) -> str:
    for english, dutch in known:
        if english in message:
            return dutch
    return f"de tekst is niet te lezen ({message})"


def explain_yaml(message: str) -> str:
    return explain(message, YAML)


def explain_json(message: str) -> str:
    return explain(message, JSON)
