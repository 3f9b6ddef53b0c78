"""Dutch explanations of the English messages of the YAML and JSON parsers."""

from __future__ import annotations

YAML = (
    ("found character '\\t'", "er staat een tab; gebruik spaties om in te springen"),
    ("that cannot start any token", "een teken waarmee een waarde niet mag beginnen (zoals ` of @); zet de waarde tussen aanhalingstekens"),
    ("mapping values are not allowed", "een dubbele punt staat op een plek waar dat niet mag: controleer de inspringing, of zet tekst met ':' tussen aanhalingstekens"),
    ("expected ',' or ']'", "een lijst die met '[' begint, wordt niet met ']' afgesloten"),
    ("expected ',' or '}'", "een blok dat met '{' begint, wordt niet met '}' afgesloten"),
    ("could not find expected ':'", "een regel mist de dubbele punt van 'naam: waarde'"),
    ("found unexpected end of stream", "een aanhalingsteken wordt niet afgesloten"),
    ("expected <block end>", "de inspringing klopt niet"),
    ("did not find expected key", "de inspringing klopt niet, of een regel mist 'naam:'"),
    ("did not find expected '-' indicator", "de inspringing van een lijst met '-' klopt niet"),
    ("found undefined alias", "een '*' aan het begin van een waarde; zet de waarde tussen aanhalingstekens"),
    ("found unknown escape character", "een backslash (\\) in tekst tussen dubbele aanhalingstekens; gebruik enkele aanhalingstekens"),
    ("expected escape sequence of", "een backslash (\\) in tekst tussen dubbele aanhalingstekens; gebruik enkele aanhalingstekens"),
    ("could not determine a constructor", "een waarde begint met '!'; zet de waarde tussen aanhalingstekens"),
    ("expected the node content", "hier hoort een waarde, maar die ontbreekt: een '[' of '{' zonder einde, of een '-', ',' of '!' te veel"),
    ("expected alphabetic or numeric character", "na '&', '*' of '%' hoort een naam; zet een waarde die met zo'n teken begint tussen aanhalingstekens"),
    ("found duplicate anchor", "hetzelfde anker (&naam) staat twee keer in het bestand"),
    ("found unexpected document separator", "een regel '---' of '...' staat midden in tekst tussen aanhalingstekens"),
    ("mapping keys are not allowed here", "een '?' staat op een plek waar dat niet mag; zet de waarde tussen aanhalingstekens"),
    ("sequence entries are not allowed here", "een '-' staat op een plek waar dat niet mag: controleer de inspringing"),
    ("while scanning a block scalar", "na '|' of '>' mag op dezelfde regel niets anders staan; zet tekst die zo begint tussen aanhalingstekens"),
    ("expected a comment or a line break", "na de waarde staat nog iets op dezelfde regel; zet de hele waarde tussen aanhalingstekens"),
    ("while scanning a tag", "een waarde begint met '!'; zet de waarde tussen aanhalingstekens"),
    ("tag handle", "een waarde begint met '!'; zet de waarde tussen aanhalingstekens"),
    ("non-specific tag", "een waarde begint met '!'; zet de waarde tussen aanhalingstekens"),
    ("while parsing a tag", "een waarde begint met '!'; zet de waarde tussen aanhalingstekens"),
    ("directive", "een regel begint met '%'; zet de waarde tussen aanhalingstekens"),
    ("incompatible YAML document", "een regel begint met '%'; zet de waarde tussen aanhalingstekens"),
    ("expected a digit", "een regel begint met '%'; zet de waarde tussen aanhalingstekens"),
    ("expected '<document start>'", "het bestand bevat meer dan één YAML-document (een regel '---' of '...'); haal die regel weg"),
    ("expected a single document", "het bestand bevat meer dan één YAML-document (een regel '---' of '...'); haal die regel weg"),
    ("invalid indentation or unclosed", "de inspringing klopt niet, of een '[' of '{' wordt niet afgesloten"),
    ("found duplicate key", "een naam staat twee keer in hetzelfde blok"),
    ("while scanning a simple key", "een regel mist de dubbele punt van 'naam: waarde'"),
    ("special characters are not allowed", "de tekst bevat een onzichtbaar stuurteken; verwijder het"),
    ("unhashable key", "een sleutel moet een eenvoudige naam zijn"),
    ("while parsing a block", "de inspringing klopt niet"),
    ("while parsing a flow", "een lijst met '[' of een blok met '{' klopt niet: controleer komma's en haakjes"),
    ("while scanning a quoted scalar", "een aanhalingsteken wordt niet afgesloten"),
    ("while scanning a double-quoted scalar", "een aanhalingsteken wordt niet afgesloten"),
    ("while scanning an anchor", "na '&' of '*' hoort een naam; zet een waarde die met zo'n teken begint tussen aanhalingstekens"),
    ("while scanning an alias", "na '&' of '*' hoort een naam; zet een waarde die met zo'n teken begint tussen aanhalingstekens"),
)
JSON = (
    ("Expecting property name enclosed in double quotes", "hier hoort een naam tussen dubbele aanhalingstekens (of er staat een komma te veel)"),
    ("Expecting value", "hier hoort een waarde (of er staat een komma te veel)"),
    ("Expecting ',' delimiter", "er ontbreekt een komma"),
    ("Expecting ':' delimiter", "er ontbreekt een dubbele punt"),
    ("Extra data", "na het einde van de JSON staat nog tekst"),
    ("Unterminated string", "een tekst wordt niet afgesloten met een aanhalingsteken"),
    ("Invalid control character", "een tekst bevat een regeleinde of tab; gebruik \\n of \\t"),
    ("Invalid \\escape", "een backslash (\\) zonder geldige code; schrijf \\\\ voor een backslash"),
    ("Invalid \\u", "een backslash (\\) zonder geldige code; schrijf \\\\ voor een backslash"),
    ("trailing comma", "er staat een komma te veel"),
)


def explain(message: str, known: tuple[tuple[str, str], ...]) -> str:
    for english, dutch in known:
        if english in message:
            return dutch
    # Never the parser's English: a redacteur could not act on it, the line number says where.
    return "de tekst is op deze plek niet te lezen"


def explain_yaml(message: str) -> str:
    return explain(message, YAML)


def explain_json(message: str) -> str:
    return explain(message, JSON)
