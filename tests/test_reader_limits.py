"""Hostile and broken input: a clear Dutch message on one line, never a traceback, a hang or a silent loss."""

from __future__ import annotations

import json
import os
import re
import time
from pathlib import Path

import pytest

from mini_visie import INNER, SQUARE, feature, gebieden_geojson, write_mini_visie
from omgevingsvisie import Layout, load_visie
from omgevingsvisie.markdown_scan import REFERENCE, find_outside_code, scan_blocks
from omgevingsvisie.pages import first_heading

LINE = re.compile(r"^(?P<path>[^:\n]+)(?::(?P<line>\d+))?: (?P<message>[^\n]+)$")


@pytest.fixture
def root(tmp_path: Path) -> Path:
    return write_mini_visie(tmp_path / "project")


def problems(root: Path, docs: bool = False) -> list[str]:
    started = time.perf_counter()
    found = [str(p) for p in load_visie(Layout(root, docs_dir="docs" if docs else None)).problems]
    assert time.perf_counter() - started < 10, "the reader took too long"
    for message in found:
        assert LINE.match(message), repr(message)
    return found


def one(root: Path, pattern: str, docs: bool = False) -> str:
    found = problems(root, docs)
    matching = [m for m in found if re.search(pattern, m)]
    assert matching, found
    return matching[0]


def write(root: Path, name: str, text: str | bytes) -> None:
    target = root / name
    target.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(text, bytes):
        target.write_bytes(text)
    else:
        target.write_text(text, encoding="utf-8")


def edit(root: Path, name: str, old: str, new: str) -> None:
    path = root / name
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {name}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


VISIE = "visie/visie.yml"
WONEN = "visie/kernopgaven/wonen.md"
LAGEN = "kaarten/lagen.yml"
GEOJSON = "kaarten/gebieden.geojson"


def test_impossible_date(root: Path) -> None:
    write(root, VISIE, (root / VISIE).read_text() + "datum: 2024-02-30\n")
    assert one(root, "2024-02-30") == "visie/visie.yml:5: de datum '2024-02-30' bestaat niet; schrijf een datum als JJJJ-MM-DD"


@pytest.mark.parametrize(("value", "expected"), [
    ("!!int abc", "'abc' is geen geldig geheel getal"),
    ("!!float x1", "'x1' is geen geldig getal"),
    ("!!timestamp morgen", "de datum 'morgen' bestaat niet"),
    ("!!binary AAA", "de tag 'tag:yaml.org,2002:binary' is niet toegestaan"),
])
def test_bad_tagged_values(root: Path, value: str, expected: str) -> None:
    edit(root, WONEN, "volgorde: 1", f"volgorde: {value}")
    assert one(root, re.escape(expected)).startswith("visie/kernopgaven/wonen.md:3: front matter: ")


@pytest.mark.parametrize("character", ["\x00", "\x0b", "\x0c", "\ufffe"])
def test_control_characters_in_yaml(root: Path, character: str) -> None:
    edit(root, VISIE, "titel: Omgevingsvisie", f"titel: Omgevings{character}visie")
    assert one(root, "onzichtbare teken").startswith(f"visie/visie.yml:2: de tekst bevat het onzichtbare teken U+{ord(character):04X}")


@pytest.mark.parametrize("character", ["\x00", "\x0b", "\x0c", "\ufffe"])
def test_control_characters_in_a_title_and_a_heading(root: Path, character: str) -> None:
    edit(root, WONEN, "titel: Wonen", f"titel: Wo{character}nen")
    edit(root, "visie/index.md", "Teststad groeit.", f"# Kop met{character}teken\n\nTeststad groeit.")
    found = problems(root)
    assert any(m.startswith("visie/kernopgaven/wonen.md:2: ") and "onzichtbare teken" in m for m in found), found
    assert any(m.startswith("visie/index.md:4: ") and "onzichtbare teken" in m for m in found), found


def test_lone_surrogates_in_yaml_and_json(root: Path) -> None:
    edit(root, WONEN, "titel: Wonen in de stad", 'titel: "Wonen \\ud800"')
    data = json.loads((root / GEOJSON).read_text())
    data["features"][0]["properties"]["naam"] = "\udc80"
    write(root, GEOJSON, json.dumps(data))
    found = problems(root)
    assert any(m.startswith("visie/kernopgaven/wonen.md:2: ") and "U+D800" in m for m in found), found
    assert any(m.startswith("kaarten/gebieden.geojson") and "U+DC80" in m for m in found), found


def test_control_characters_in_json(root: Path) -> None:
    data = json.loads((root / GEOJSON).read_text())
    data["features"][1]["properties"]["naam"] = "Wijk\x0b"
    write(root, GEOJSON, json.dumps(data))
    assert "U+000B" in one(root, "gebieden.geojson")


def test_deep_nesting(root: Path) -> None:
    write(root, VISIE, (root / VISIE).read_text() + "hoofdstukken: " + "[" * 5000 + "]" * 5000 + "\n")
    assert "te diep genest" in one(root, "visie.yml")
    write_mini_visie(root)
    write(root, GEOJSON, "[" * 100_000 + "]" * 100_000)
    assert "te diep genest" in one(root, "gebieden.geojson")


def test_integers_over_4300_digits(root: Path) -> None:
    edit(root, WONEN, "volgorde: 1", "volgorde: " + "7" * 5000)
    assert "meer dan 4000 cijfers" in one(root, "wonen.md")
    write(root, GEOJSON, (root / GEOJSON).read_text().replace("6.08", "6" * 5000, 1))
    assert "meer dan 4000 cijfers" in one(root, "gebieden.geojson")


def test_huge_integer_coordinates(root: Path) -> None:
    ring = [[10**400, 52.5], [6.11, 52.50], [6.11, 52.52], [6.08, 52.52], [10**400, 52.5]]
    write(root, GEOJSON, gebieden_geojson(feature("stad", SQUARE), feature("wijk", ring)))
    assert "coördinaat" in one(root, "gebieden.geojson")


@pytest.mark.parametrize("where", ["type", "gebied", "geometry-type"])
def test_geojson_values_that_are_lists(root: Path, where: str) -> None:
    data = json.loads((root / GEOJSON).read_text())
    item = data["features"][1]
    if where == "type":
        item["type"] = ["Feature"]
    elif where == "gebied":
        item["properties"]["gebied"] = ["wijk"]
    else:
        item["geometry"]["type"] = ["Polygon"]
    write(root, GEOJSON, json.dumps(data))
    assert one(root, "gebieden.geojson").startswith("kaarten/gebieden.geojson")


def test_nested_geometry_collection_is_read(root: Path) -> None:
    inner = {"type": "GeometryCollection", "geometries": [{"type": "Polygon", "coordinates": [INNER]}]}
    item = feature("wijk", INNER)
    item["geometry"] = {"type": "GeometryCollection", "geometries": [inner, {"type": "Point", "coordinates": [6.09, 52.51]}]}
    write(root, GEOJSON, gebieden_geojson(feature("stad", SQUARE), item))
    assert problems(root) == []
    deep: dict = {"type": "Point", "coordinates": [6.09, 52.51]}
    for _ in range(200):
        deep = {"type": "GeometryCollection", "geometries": [deep]}
    item["geometry"] = deep
    write(root, GEOJSON, gebieden_geojson(feature("stad", SQUARE), item))
    assert "te diep" in one(root, "gebieden.geojson")


def test_onderdeel_van_chain_hundreds_deep(root: Path) -> None:
    features = [feature("stad", SQUARE), feature("wijk", INNER)]
    for number in range(600):
        parent = "wijk" if number == 0 else f"deel-{number - 1}"
        write(root, f"visie/gebieden/deel-{number}.md", f"---\ntitel: Deel {number}\nonderdeel_van: {parent}\n---\nTekst.\n")
        features.append(feature(f"deel-{number}", INNER))
    write(root, GEOJSON, gebieden_geojson(*features))
    message = one(root, "te diep")
    assert re.match(r"visie/gebieden/deel-\d+\.md:3: ", message)


def test_nul_byte_in_bestand(root: Path) -> None:
    edit(root, LAGEN, "bestand: gebieden.geojson", 'bestand: "gebieden\\0.geojson"')
    assert one(root, "lagen.yml").startswith("kaarten/lagen.yml:5: ")


def test_tab_before_a_keuze_option(root: Path) -> None:
    edit(root, WONEN, "    rol: samenwerken", "\trol: samenwerken")
    assert one(root, "tab") == (
        "visie/kernopgaven/wonen.md:12: er staat een tab vóór een optie van het keuze-blok; "
        "spring opties in met vier spaties"
    )


def test_tab_before_a_kaart_option(root: Path) -> None:
    edit(root, WONEN, "Over wonen.", "/// kaart | Wonen\n\tlagen: [gebieden]\n///")
    assert one(root, "tab").startswith("visie/kernopgaven/wonen.md:8: er staat een tab vóór een optie van het kaart-blok")


def test_a_value_outside_the_allowed_list_is_named(root: Path) -> None:
    edit(root, WONEN, "rol: samenwerken", "rol: subsidiëren")
    assert one(root, "rol") == (
        "visie/kernopgaven/wonen.md:12: rol 'subsidiëren' bestaat niet; kies uit investeren, samenwerken of ruimte-geven"
    )
    edit(root, WONEN, "rol: subsidiëren", "rol: samenwerken")
    edit(root, VISIE, "status: ontwerp", "status: definitief")
    assert one(root, "status") == "visie/visie.yml:3: status 'definitief' bestaat niet; kies uit concept, ontwerp of vastgesteld"


def test_nan_property_is_refused(root: Path) -> None:
    write(root, GEOJSON, (root / GEOJSON).read_text().replace('"naam": "Wijk"', '"naam": "Wijk", "aantal": NaN'))
    assert "NaN" in one(root, "gebieden.geojson")


def test_alias_bomb_is_refused_quickly(root: Path) -> None:
    lines = ["a: &a [x, x, x, x, x, x, x, x, x]"]
    for number in range(1, 9):
        previous, name = chr(ord("a") + number - 1), chr(ord("a") + number)
        lines.append(f"{name}: &{name} [{', '.join(['*' + previous] * 9)}]")
    write(root, VISIE, (root / VISIE).read_text() + "\n".join(lines) + "\n")
    started = time.perf_counter()
    assert "te groot" in one(root, "visie.yml")
    assert time.perf_counter() - started < 2


def test_100000_spaces_in_a_heading_take_under_a_second() -> None:
    body = "#" + " " * 100_000 + "x\n\n# " + " " * 100_000 + "\n\n/// keuze |" + " " * 100_000 + "x\n///\n"
    started = time.perf_counter()
    first_heading(body)
    scan_blocks(body)
    scan_blocks("/// keuze | " + "a " * 50_000 + "\n///\n")
    first_heading("# x" + " " * 100_000 + "y\n")
    scan_blocks("/// keuze | x" + " " * 100_000 + "y\n///\n")
    list(find_outside_code("``x`" * 25_000 + "[[a" * 10_000 + "{{ " * 10_000, REFERENCE))
    assert first_heading("#   Titel met #hashtag ##  \n") == "Titel met #hashtag"
    assert time.perf_counter() - started < 1


def test_symlink_out_of_the_project_is_refused(root: Path) -> None:
    os.symlink("/etc/passwd", root / "visie/gebieden/lek.md")
    assert one(root, "lek.md").startswith("visie/gebieden/lek.md: dit is een symbolische koppeling")
    os.remove(root / "visie/gebieden/lek.md")
    (root / "docs").mkdir()
    os.symlink("/proc/self/environ", root / "docs/omgeving.md")
    assert "symbolische koppeling" in one(root, "docs/omgeving.md", docs=True)
    os.symlink("/etc/passwd", root / "kaarten/lek.geojson")
    edit(root, LAGEN, "bestand: gebieden.geojson", "bestand: lek.geojson")
    assert "symbolische koppeling" in one(root, "lagen.yml")


def test_symlinked_folder_is_refused(root: Path, tmp_path: Path) -> None:
    outside = tmp_path / "elders"
    outside.mkdir()
    (outside / "extra.md").write_text("---\ntitel: Extra\n---\nTekst.\n")
    os.symlink(outside, root / "visie/elders")
    assert "symbolische koppeling" in one(root, "visie/elders")
