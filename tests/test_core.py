"""The core on valid and invalid input: one test per kind of content error, at least."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from mini_visie import SQUARE, feature, gebieden_geojson, write_mini_visie
from omgevingsvisie import Layout, load_visie
from omgevingsvisie.relations import keuzes_for_gebied

LINE = re.compile(r"^(?P<path>[^:]+)(?::(?P<line>\d+))?: (?P<message>.+)$")


@pytest.fixture
def root(tmp_path: Path) -> Path:
    return write_mini_visie(tmp_path)


def problems(root: Path) -> list[str]:
    return [str(p) for p in load_visie(Layout(root, docs_dir=None)).problems]


def edit(root: Path, name: str, old: str, new: str) -> None:
    path = root / name
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {name}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def only(found: list[str]) -> str:
    assert len(found) == 1, found
    assert LINE.match(found[0]), found[0]
    return found[0]


def test_valid_mini_visie_loads_without_problems(root: Path) -> None:
    result = load_visie(Layout(root, docs_dir=None))
    assert [str(p) for p in result.problems] == []
    visie = result.visie
    assert visie.meta.gemeente == "Teststad"
    assert [k.id for k in visie.kernopgaven] == ["wonen"]
    assert [g.id for g in visie.gebieden] == ["stad", "wijk"]
    keuze = visie.keuze("bouwen-in-de-wijk")
    assert keuze is not None and keuze.rol == "samenwerken" and keuze.gebieden == ["wijk"]
    assert keuze.line == 9
    assert [r.target for r in visie.page("wonen").references] == ["stad"]
    assert visie.page("wonen").references[0].keuze_id == "bouwen-in-de-wijk"


def test_the_core_imports_no_mkdocs() -> None:
    core = Path(__file__).resolve().parent.parent / "plugins" / "omgevingsvisie"
    offenders = [
        str(path.relative_to(core))
        for path in core.rglob("*.py")
        if re.search(r"^\s*(from|import)\s+(mkdocs|material|pymdownx|markdown)\b", path.read_text(), re.M)
    ]
    assert offenders == []


# --- YAML that does not parse ------------------------------------------------------------


def test_front_matter_yaml_error_names_file_and_line(root: Path) -> None:
    edit(root, "visie/kernopgaven/wonen.md", "volgorde: 1", "volgorde: [1")
    message = only(problems(root))
    assert message.startswith("visie/kernopgaven/wonen.md:")
    assert "YAML is ongeldig" in message


def test_visie_yml_error(root: Path) -> None:
    edit(root, "visie/visie.yml", "status: ontwerp", "status: : ontwerp")
    assert only(problems(root)).startswith("visie/visie.yml:3: ")


def test_lagen_yml_error(root: Path) -> None:
    edit(root, "kaarten/lagen.yml", "    titel: Gebieden", "    titel: [Gebieden")
    message = only(problems(root))
    assert message.startswith("kaarten/lagen.yml:")
    assert "YAML is ongeldig" in message


def test_yaml_tags_that_build_objects_are_refused(root: Path) -> None:
    edit(root, "visie/visie.yml", "gemeente: Teststad", "gemeente: !!python/object/apply:os.system ['echo hi']")
    assert "YAML is ongeldig" in only(problems(root))


# --- fields ------------------------------------------------------------------------------


def test_missing_required_field(root: Path) -> None:
    edit(root, "visie/kernopgaven/wonen.md", "titel: Wonen in de stad\n", "")
    assert only(problems(root)) == (
        "visie/kernopgaven/wonen.md:2: het verplichte veld 'titel' ontbreekt in een kernopgave"
    )


def test_field_of_wrong_type(root: Path) -> None:
    edit(root, "visie/kernopgaven/wonen.md", "volgorde: 1", "volgorde: eerste")
    assert only(problems(root)) == "visie/kernopgaven/wonen.md:3: het veld 'volgorde' moet een geheel getal zijn"


def test_unknown_field_suggests_the_nearest(root: Path) -> None:
    edit(root, "visie/gebieden/wijk.md", "onderdeel_van: stad", "onderdeelvan: stad")
    assert only(problems(root)) == (
        "visie/gebieden/wijk.md:3: onbekend veld 'onderdeelvan' in een gebied; bedoelt u 'onderdeel_van'?"
    )


def test_status_outside_its_list(root: Path) -> None:
    edit(root, "visie/visie.yml", "status: ontwerp", "status: definitief")
    assert "status 'definitief' bestaat niet; kies uit concept, ontwerp of vastgesteld" in only(problems(root))


def test_rol_outside_its_list(root: Path) -> None:
    edit(root, "visie/kernopgaven/wonen.md", "rol: samenwerken", "rol: regisseren")
    message = only(problems(root))
    assert message.startswith("visie/kernopgaven/wonen.md:12: ")
    assert "rol 'regisseren' bestaat niet; kies uit investeren, samenwerken of ruimte-geven" in message


# --- ids ---------------------------------------------------------------------------------


def test_id_that_breaks_the_pattern(root: Path) -> None:
    edit(root, "visie/kernopgaven/wonen.md", "id: bouwen-in-de-wijk", "id: Bouwen_in_de_wijk")
    message = only(problems(root))
    assert message.startswith("visie/kernopgaven/wonen.md:10: ")
    assert "'Bouwen_in_de_wijk' is geen geldig id" in message


def test_file_name_that_is_no_valid_id(root: Path) -> None:
    (root / "visie/kernopgaven/wonen.md").rename(root / "visie/kernopgaven/Wonen Stad.md")
    edit(root, "visie/index.md", "[[wonen]]", "wonen")
    assert "de bestandsnaam geeft een ongeldig id" in only(problems(root))


def test_id_used_twice(root: Path) -> None:
    edit(root, "visie/kernopgaven/wonen.md", "id: bouwen-in-de-wijk", "id: wijk")
    edit(root, "visie/index.md", "Teststad", "Teststad")
    found = problems(root)
    assert any(
        p.startswith("visie/kernopgaven/wonen.md:10: het id 'wijk' wordt al gebruikt door visie/gebieden/wijk.md")
        for p in found
    ), found


@pytest.mark.parametrize(
    ("name", "old", "new", "expected"),
    [
        ("visie/kernopgaven/wonen.md", "gebieden: [wijk]", "gebieden: [wyk]",
         "visie/kernopgaven/wonen.md:11: onbekend gebied 'wyk'; bedoelt u 'wijk'?"),
        ("visie/gebieden/wijk.md", "onderdeel_van: stad", "onderdeel_van: staad",
         "visie/gebieden/wijk.md:3: onbekend gebied 'staad'; bedoelt u 'stad'?"),
        ("visie/kernopgaven/wonen.md", "rol: samenwerken", "rol: samenwerken\n    kernopgaven: [wone]",
         "visie/kernopgaven/wonen.md:13: onbekende kernopgave 'wone'; bedoelt u 'wonen'?"),
        ("visie/kernopgaven/wonen.md", "volgorde: 1", "volgorde: 1\nkaartlagen: [gebiedn]",
         "visie/kernopgaven/wonen.md:4: onbekende kaartlaag 'gebiedn'; bedoelt u 'gebieden'?"),
        ("visie/gebieden/stad.md", "De hele stad.", "/// kaart | De stad\n    lagen: [gebieden]\n    gebied: stat\n///",
         "visie/gebieden/stad.md:6: onbekend gebied 'stat'; bedoelt u 'stad'?"),
        ("visie/index.md", "[[wonen]]", "[[wonnen]]",
         "visie/index.md:4: verwijzing [[wonnen]]: onbekend id 'wonnen'; bedoelt u 'wonen'?"),
    ],
    ids=["gebieden", "onderdeel_van", "kernopgaven", "kaartlagen", "gebied", "verwijzing"],
)
def test_unknown_id_names_the_nearest(root: Path, name: str, old: str, new: str, expected: str) -> None:
    edit(root, name, old, new)
    assert only(problems(root)) == expected


def test_references_inside_code_stay_literal(root: Path) -> None:
    edit(root, "visie/index.md", "Zie [[wonen]].", "Schrijf `[[bestaat-niet]]`.\n\n```\n[[ook-niet]]\n```\n")
    result = load_visie(Layout(root, docs_dir=None))
    assert [str(p) for p in result.problems] == []
    assert result.visie.page("index").references == []


# --- blocks ------------------------------------------------------------------------------


def test_keuze_without_title(root: Path) -> None:
    edit(root, "visie/kernopgaven/wonen.md", "/// keuze | We bouwen in de wijk", "/// keuze")
    assert only(problems(root)).startswith("visie/kernopgaven/wonen.md:9: het keuze-blok heeft geen titel")


def test_keuze_without_id(root: Path) -> None:
    edit(root, "visie/kernopgaven/wonen.md", "    id: bouwen-in-de-wijk\n", "")
    assert only(problems(root)) == "visie/kernopgaven/wonen.md:9: het verplichte veld 'id' ontbreekt in een keuze-blok"


def test_keuze_with_unknown_option(root: Path) -> None:
    edit(root, "visie/kernopgaven/wonen.md", "rol: samenwerken", "rol: samenwerken\n    gebied: wijk")
    assert only(problems(root)) == (
        "visie/kernopgaven/wonen.md:13: onbekend veld 'gebied' in een keuze-blok; bedoelt u 'gebieden'?"
    )


def test_keuze_outside_a_kernopgave_page(root: Path) -> None:
    edit(root, "visie/gebieden/stad.md", "De hele stad.", "/// keuze | Iets\n    id: iets\n\nTekst.\n///")
    assert only(problems(root)).startswith("visie/gebieden/stad.md:4: een keuze-blok mag alleen op een kernopgavepagina staan")


def test_unclosed_block(root: Path) -> None:
    edit(root, "visie/kernopgaven/wonen.md", "Zie ook [[stad]].\n///\n", "Zie ook [[stad]].\n")
    assert "wordt niet afgesloten" in only(problems(root))


# --- kaarten -----------------------------------------------------------------------------


def test_gebied_without_outline(root: Path) -> None:
    (root / "kaarten/gebieden.geojson").write_text(gebieden_geojson(feature("stad", SQUARE)), encoding="utf-8")
    assert only(problems(root)).startswith("visie/gebieden/wijk.md:1: het gebied 'wijk' heeft geen omtrek")


def test_layer_file_missing(root: Path) -> None:
    (root / "kaarten/gebieden.geojson").unlink()
    assert "het bestand 'gebieden.geojson' bestaat niet in kaarten/" in problems(root)[0]


def test_layer_file_outside_kaarten(root: Path) -> None:
    edit(root, "kaarten/lagen.yml", "bestand: gebieden.geojson", "bestand: ../visie/visie.yml")
    assert any("ligt buiten de map kaarten/" in p for p in problems(root))


def test_layer_file_not_valid_geojson(root: Path) -> None:
    (root / "kaarten/gebieden.geojson").write_text('{"type": "FeatureCollection", "features": [\n  {oops}\n]}')
    assert only(problems(root)).startswith("kaarten/gebieden.geojson:2: geen geldige GeoJSON")


def test_geometry_outside_the_netherlands(root: Path) -> None:
    swapped = [[lat, lon] for lon, lat in SQUARE]  # a classic mistake: latitude first
    (root / "kaarten/gebieden.geojson").write_text(
        gebieden_geojson(feature("stad", swapped), feature("wijk", SQUARE)), encoding="utf-8"
    )
    message = only(problems(root))
    assert message.startswith("kaarten/gebieden.geojson: object 1 ('Stad') ligt buiten Nederland")


def test_rd_new_layer_is_reprojected(root: Path) -> None:
    document = json.loads((root / "kaarten/gebieden.geojson").read_text())
    document["crs"] = {"type": "name", "properties": {"name": "urn:ogc:def:crs:EPSG::28992"}}
    ring = [[203000, 502000], [205000, 502000], [205000, 504000], [203000, 504000], [203000, 502000]]
    for item in document["features"]:
        item["geometry"]["coordinates"] = [ring]
    (root / "kaarten/gebieden.geojson").write_text(json.dumps(document))
    result = load_visie(Layout(root, docs_dir=None))
    assert [str(p) for p in result.problems] == []
    west, south, east, north = result.visie.kaarten.lagen["gebieden"].bounds
    # RD (203000, 502000) lies in Zwolle, about 6.09° E, 52.50° N.
    assert 6.0 < west < 6.15 and 52.45 < south < 52.55 and east > west and north > south


def test_onderdeel_van_loop(root: Path) -> None:
    edit(root, "visie/gebieden/stad.md", "titel: Stad", "titel: Stad\nonderdeel_van: wijk")
    message = only(problems(root))
    assert "maakt een kring" in message and "stad" in message and "wijk" in message


# --- all at once -------------------------------------------------------------------------


def test_every_problem_is_reported_in_one_run(root: Path) -> None:
    edit(root, "visie/visie.yml", "status: ontwerp", "status: klaar")
    edit(root, "visie/gebieden/wijk.md", "onderdeel_van: stad", "onderdeel_van: staad")
    edit(root, "visie/index.md", "[[wonen]]", "[[wone]]")
    edit(root, "visie/kernopgaven/wonen.md", "rol: samenwerken", "rol: sturen")
    found = problems(root)
    assert len(found) == 4, found
    assert {p.split(":")[0] for p in found} == {
        "visie/visie.yml", "visie/gebieden/wijk.md", "visie/index.md", "visie/kernopgaven/wonen.md",
    }


def test_keuzes_for_a_gebied_include_those_of_larger_gebieden(root: Path) -> None:
    edit(root, "visie/kernopgaven/wonen.md", "gebieden: [wijk]", "gebieden: [stad]")
    visie = load_visie(Layout(root, docs_dir=None)).visie
    groups = keuzes_for_gebied(visie, visie.gebied("wijk"))
    assert [(k.id, [g.keuze.id for g in found], found[0].via.id) for k, found in groups] == [
        ("wonen", ["bouwen-in-de-wijk"], "stad")
    ]


# --- follow-up and namespace rules -------------------------------------------------------


def test_generated_page_ids_are_reserved(root: Path) -> None:
    (root / "visie/matrix.md").write_text("---\ntitel: Onze matrix\n---\nTekst.\n")
    assert only(problems(root)) == (
        "visie/matrix.md:1: het id 'matrix' is gereserveerd voor de pagina 'Matrix' die de site zelf maakt; "
        "kies een ander id of een andere bestandsnaam"
    )


def test_links_may_name_the_generated_overviews(root: Path) -> None:
    edit(root, "visie/index.md", "Zie [[wonen]].", "Zie [[wonen]], [[keuzes]] en [[matrix]].")
    assert problems(root) == []


def test_draft_site_pages_stay_outside_the_id_namespace(root: Path) -> None:
    (root / "docs/handleiding").mkdir(parents=True)
    (root / "docs/handleiding/wonen.md").write_text("# Over wonen\n\nSchrijf `[[wonen]]`.\n")
    layout = Layout(root, docs_dir="docs", is_draft=lambda rel: rel.startswith("handleiding/"))
    assert [str(p) for p in load_visie(layout).problems] == []
    assert "id 'wonen' wordt al gebruikt" in only(problems_with_docs(root))


def problems_with_docs(root: Path) -> list[str]:
    return [str(p) for p in load_visie(Layout(root, docs_dir="docs")).problems]


def test_an_unreadable_layer_is_reported_once(root: Path) -> None:
    edit(root, "kaarten/lagen.yml", "    label: naam\n", "    label: naam\n  - id: water\n    titel: Water\n    bestand: water.geojson\n")
    edit(root, "visie/kernopgaven/wonen.md", "volgorde: 1", "volgorde: 1\nkaartlagen: [water]")
    assert only(problems(root)) == "kaarten/lagen.yml:9: het bestand 'water.geojson' bestaat niet in kaarten/"


def test_yaml_errors_are_explained_in_dutch(root: Path) -> None:
    edit(root, "visie/kernopgaven/wonen.md", "titel: Wonen in de stad", "titel: Wonen: in de stad")
    message = only(problems(root))
    assert message.startswith("visie/kernopgaven/wonen.md:2: front matter: de YAML is ongeldig: een dubbele punt")
    assert "mapping values" not in message


def test_summary_is_the_first_prose_paragraph_with_link_titles(root: Path) -> None:
    from omgevingsvisie.summary import summary

    visie = load_visie(Layout(root, docs_dir=None)).visie
    body = "## Kop\n\n/// kaart | K\n    lagen: [gebieden]\n///\n\nWe bouwen in [[wijk]] en *samen*.\n"
    assert summary(body, visie) == "We bouwen in Wijk en samen."
    assert summary("Een " + "lange " * 60 + "zin.", visie).endswith("…")
    assert len(summary("Een " + "lange " * 60 + "zin.", visie)) <= 160
    # too long: whole sentences where they fit ("o.a. de" ends none), else cut inside with "…"
    first = "We vernieuwen o.a. de wijken rond het centrum van de stad."
    assert summary(f"{first} Daarna " + "bouwen " * 30 + "we.", visie) == first
    assert summary("Kort. Daarna " + "bouwen " * 30 + "we.", visie).startswith("Kort. Daarna bouwen")
    assert summary("Kort. Daarna " + "bouwen " * 30 + "we.", visie).endswith("…")


def test_invulplekken_in_a_keuze_title_are_filled_everywhere_it_shows(root: Path) -> None:
    page = root / "visie/kernopgaven/wonen.md"
    page.write_text(page.read_text(encoding="utf-8").replace(
        "/// keuze | We bouwen in de wijk", "/// keuze | We bouwen in {{ gemeente }}, niet `{{ gemeente }}`"), encoding="utf-8")
    result = load_visie(Layout(root, docs_dir=None))
    assert not result.problems
    assert result.visie.keuze("bouwen-in-de-wijk").titel == "We bouwen in Teststad, niet `{{ gemeente }}`"
