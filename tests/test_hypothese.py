"""Property-based tests of the reader (Hypothesis, fixed seed): no traceback, no English, no hang.

Every message is one line ``path:line: melding`` in Dutch. scripts/hypothese.py runs the same
properties with 10,000 examples each.
"""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from mini_visie import INNER, feature
from reader_properties import (
    Project,
    ENGLISH,
    ONE_LINE,
    check_reader,
    front_matter_page,
    geojson,
    json_values,
    keuze_page,
    one_line,
    yaml_text,
)


@pytest.fixture(scope="module")
def project() -> Project:
    return Project()


@given(front=yaml_text, body=yaml_text)
def test_front_matter(project: Project, front: str, body: str) -> None:
    project.reset()
    project.write("visie/kernopgaven/wonen.md", front_matter_page(front, body))
    project.write("visie/gebieden/wijk.md", front_matter_page("titel: Wijk\nonderdeel_van: " + front, body))
    check_reader(project.root)


@given(title=one_line, options=yaml_text, body=yaml_text)
def test_keuze_and_kaart_options(project: Project, title: str, options: str, body: str) -> None:
    project.reset()
    project.write("visie/kernopgaven/wonen.md", keuze_page(title, options, body))
    check_reader(project.root)


@given(text=yaml_text)
def test_visie_yml(project: Project, text: str) -> None:
    project.reset()
    project.write("visie/visie.yml", "gemeente: Teststad\ntitel: Visie\n" + text)
    check_reader(project.root)


@given(text=yaml_text, titel=one_line, label=one_line)
def test_lagen_yml(project: Project, text: str, titel: str, label: str) -> None:
    project.reset()
    layer = f"  - id: gebieden\n    titel: {titel}\n    bestand: gebieden.geojson\n    label: {label}\n"
    project.write("kaarten/lagen.yml", "achtergrond: geen\nlagen:\n" + layer + text)
    check_reader(project.root)


@given(properties=st.dictionaries(st.sampled_from(["gebied", "naam", "omschrijving", "x"]), json_values, max_size=4),
       geometry=json_values, raw=json_values, cut=st.integers(min_value=0, max_value=400))
def test_geojson(project: Project, properties: dict, geometry: object, raw: object, cut: int) -> None:
    project.reset()
    wijk = feature("wijk", INNER)
    wijk["properties"].update(properties)
    odd = {"type": "Feature", "properties": properties, "geometry": geometry}
    text = geojson([wijk, odd], raw)
    project.write("kaarten/gebieden.geojson", text if cut % 5 else text[:cut])
    check_reader(project.root)


def test_the_checks_of_the_properties_can_fail() -> None:
    """The checks recognise English parser text and messages over more than one line."""
    assert ENGLISH.search("expected <block end>, but found '-'")
    assert ENGLISH.search("Expecting ',' delimiter")
    assert not ONE_LINE.match("visie/visie.yml:2: onbekend veld 'a\nb'")
    assert ONE_LINE.match("visie/visie.yml:2: onbekend veld 'a'")
