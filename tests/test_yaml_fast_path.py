"""The short way through simple "naam: waarde" YAML gives exactly what the YAML parser gives.

Front matter and the options of keuze blocks are read without a parser when every line has that
one form; these tests generate such documents with the values that YAML reads in surprising ways
(yes, ~, 012, a: b, # comments, quotes, flow lists) and compare both ways, line numbers included.
"""

from __future__ import annotations

from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from omgevingsvisie import yamlio
from omgevingsvisie.yamlio import LineDict, LineList, YamlError, load_yaml

KEYS = ["id", "titel", "rol", "gebieden", "x_y", "a-b", "_k", "yes", "On", "NULL", "y", "Titel2"]
WORDS = [
    "wijk-1", "Zwolle", "investeren", "é", "ßtraat", "İstanbul", "ǅemal", "Ω", "12", "1.5", "0x1F", "012",
    "~", "null", "Null", "yes", "No", "TRUE", "off", "y", "n", "#", "#x", ":", "a:b", "a:", "[", "]", "[a, b]",
    "[ a ,b ]", "[]", "[a,]", "[yes, no]", "[wijk-1, 2]", "'q'", '"q"', "Zwolle's", "-", "- x", "*a", "&a",
    "!x", "%", "@", "`", "|", ">", "{", "}", "{a: b}", ",", "?", "\t", "2020-01-01", ".inf", "=", "<<", "a #b",
    "\u2028", "\x85", "\ufeff", "\r",
]
value = st.lists(st.sampled_from(WORDS), min_size=0, max_size=4).map(" ".join)
line = st.tuples(st.sampled_from(["", "", "", "  ", "    "]), st.sampled_from(KEYS),
                 st.sampled_from([": ", ":  ", ":", " : "]), value, st.sampled_from(["", " ", "  "]))
document = st.lists(st.one_of(line.map("".join), st.sampled_from(["", "   "])), min_size=1, max_size=6).map("\n".join)


def parsed(text: str, offset: int) -> tuple[str, Any]:
    try:
        return "value", load_yaml(text, offset)
    except YamlError as error:
        return "error", (error.line, error.message)


def described(data: Any) -> Any:
    """The data with its types and line numbers, so that equal means equal in every respect."""
    if isinstance(data, LineDict):
        return ("map", data.line, data.key_lines, data.duplicates, {k: described(v) for k, v in data.items()})
    if isinstance(data, LineList):
        return ("list", data.line, data.item_lines, [described(v) for v in data])
    return (type(data).__name__, data)


@settings(max_examples=400, deadline=None)
@given(text=document, offset=st.integers(0, 40))
def test_the_short_way_reads_what_the_parser_reads(text: str, offset: int) -> None:
    kind, result = parsed(text, offset)
    short_way = yamlio._simple_mapping(text, offset)
    original = yamlio._simple_mapping
    yamlio._simple_mapping = lambda *_: None
    try:
        parser_kind, parser_result = parsed(text, offset)
    finally:
        yamlio._simple_mapping = original
    assert kind == parser_kind
    assert (described(result) if kind == "value" else result) == (
        described(parser_result) if kind == "value" else parser_result)
    if short_way is not None:
        assert described(short_way) == described(parser_result)


def test_the_short_way_takes_the_usual_options_and_front_matter() -> None:
    usual = ["id: keuze-1\nrol: investeren\ngebieden: [wijk-52, wijk-73]\nkernopgaven: [opgave-3]",
             "titel: Wonen in de binnenstad, één plek [concept]\nonderdeel_van: centrum\n",
             "    id: k\n    gebieden: []\n"]
    for text in usual:
        assert yamlio._simple_mapping(text, 0) is not None, text
    # and leaves the rest to the parser, which knows what it means
    for text in ["titel: yes", "versie: 0.3", "titel: 'Zwolle'", "titel: A # B", "titel: a: b", "a:\n  b: c"]:
        assert yamlio._simple_mapping(text, 0) is None, text
