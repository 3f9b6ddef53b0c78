"""The comparison in the core: renvooi per phrase, outlines in hectares, the pdf field."""

from __future__ import annotations

from pathlib import Path

from mini_visie import write_mini_visie
from omgevingsvisie import Layout, load_visie
from omgevingsvisie.compare import compare, word_diff
from omgevingsvisie.render.wijzigingen import diff_html


def test_a_rewritten_phrase_is_one_removed_and_one_added_run() -> None:
    runs = word_diff(
        "Nieuwe woningen pas aan de rand als de binnenstad vol is.",
        "Nieuwe woningen niet toegestaan zolang de binnenstad ruimte heeft.",
    )
    removed = [text for op, text in runs if op == "weg"]
    added = [text for op, text in runs if op == "erbij"]
    # the old and the new sentence each read as a whole, not word by word
    assert "".join(t for op, t in runs if op != "erbij") == "Nieuwe woningen pas aan de rand als de binnenstad vol is."
    assert "".join(t for op, t in runs if op != "weg") == "Nieuwe woningen niet toegestaan zolang de binnenstad ruimte heeft."
    assert removed[0] == "pas aan de rand als" and added[0] == "niet toegestaan zolang"
    assert ("gelijk", " de binnenstad ") in runs  # the real anchor between the changes stays
    html = diff_html("Wij pas aan de regels", "Wij staan niet toe dat de regels")
    assert html.count("verwijderd: ") == 1 and html.count("toegevoegd: ") == 1


def test_an_unchanged_text_has_no_runs_and_one_word_stays_one_word() -> None:
    assert word_diff("Gelijk blijft gelijk.", "Gelijk blijft gelijk.") == [("gelijk", "Gelijk blijft gelijk.")]
    assert word_diff("een wandelpad over de kruin", "een fietspad over de kruin") == [
        ("gelijk", "een "), ("weg", "wandelpad"), ("erbij", "fietspad"), ("gelijk", " over de kruin"),
    ]


def square(north: float) -> dict:
    return {"type": "Polygon", "coordinates": [[[6.0, north], [6.01, north], [6.01, north + 0.01], [6.0, north + 0.01], [6.0, north]]]}


def test_a_moved_outline_is_a_changed_gebied_with_hectares_in_rd_new() -> None:
    def export(north: float) -> dict:
        layer = {"id": "gebieden", "titel": "Gebieden", "geojson": {"features": [
            {"properties": {"gebied": "wijk"}, "geometry": square(north)},
            {"properties": {"naam": "los object"}, "geometry": square(north)},
        ]}}
        return {"gebieden": [{"id": "wijk", "titel": "Wijk"}], "lagen": [layer]}

    changes = compare(export(52.5), export(52.505), "basis")
    [item] = changes.items
    assert (item.kind, item.id, item.status) == ("gebieden", "wijk", "gewijzigd")
    [outline] = item.changed_fields
    gained, lost = outline.area_change
    # a square of 0.01 degrees at 52.5 N is about 680 m by 1110 m; half of it moved out and in
    assert 36 < gained < 40 and 36 < lost < 40
    assert compare(export(52.5), export(52.5), "basis").empty


def test_pdf_field_in_visie_yml(tmp_path: Path) -> None:
    root = write_mini_visie(tmp_path)
    assert load_visie(Layout(root, docs_dir=None)).visie.meta.pdf is False
    yml = root / "visie/visie.yml"
    yml.write_text(yml.read_text(encoding="utf-8") + "pdf: true\n", encoding="utf-8")
    assert load_visie(Layout(root, docs_dir=None)).visie.meta.pdf is True
    yml.write_text(yml.read_text(encoding="utf-8").replace("pdf: true", "pdf: ja"), encoding="utf-8")
    problems = [str(p) for p in load_visie(Layout(root, docs_dir=None)).problems]
    assert len(problems) == 1 and problems[0].startswith("visie/visie.yml:")
    assert problems[0].endswith("het veld 'pdf' moet true of false zijn")
