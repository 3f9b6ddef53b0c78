"""visie.pdf: a tagged PDF of the whole visie (pdf: true in the sample's visie.yml)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from pypdf import PdfReader

from conftest import REPO, Build, make_project, run_build
from omgevingsvisie import Layout, load_visie


@pytest.fixture(scope="module")
def pdf(sample_build: Build) -> PdfReader:
    return PdfReader(sample_build.site / "visie.pdf")


def outline_titles(reader: PdfReader) -> list[str]:
    found: list[str] = []

    def walk(items: list) -> None:
        for item in items:
            if isinstance(item, list):
                walk(item)
            else:
                found.append(item.title)

    walk(reader.outline)
    return found


def normalised(text: str) -> str:
    return re.sub(r"\s+", " ", text)


def structure_roles(node: object, found: list[tuple[str, object]]) -> list[tuple[str, object]]:
    node = node.get_object() if hasattr(node, "get_object") else node
    if isinstance(node, dict):
        if "/S" in node:
            found.append((node["/S"], node.get("/Alt")))
        if "/K" in node:
            structure_roles(node["/K"], found)
    elif isinstance(node, list):
        for child in node:
            structure_roles(child, found)
    return found


def test_visie_pdf_is_tagged_dutch_and_titled(pdf: PdfReader) -> None:
    root = pdf.trailer["/Root"]
    assert "/StructTreeRoot" in root
    roles = structure_roles(root["/StructTreeRoot"], [])
    kinds = {role for role, _ in roles}
    assert {"/H1", "/H2", "/H3", "/P", "/L", "/Link", "/Figure"} <= kinds
    assert all(alt for role, alt in roles if role == "/Figure")  # every map picture has a text
    assert str(root["/Lang"]).lower().startswith("nl")
    assert root["/MarkInfo"]["/Marked"]
    visie = load_visie(Layout(REPO)).visie
    assert pdf.metadata.title == visie.meta.titel
    # cover, contents and a page or more per kernopgave and gebied; not one page per paragraph
    pages = len(visie.kernopgaven) + len(visie.gebieden)
    assert pages + 2 <= len(pdf.pages) <= 8 * pages + 20


def test_visie_pdf_has_bookmarks_contents_and_every_keuze(pdf: PdfReader) -> None:
    visie = load_visie(Layout(REPO)).visie
    titles = outline_titles(pdf)
    for page in [*visie.kernopgaven, *visie.gebieden]:
        assert page.titel in titles, page.titel
    text = normalised(" ".join(page.extract_text() for page in pdf.pages))
    cover = normalised(pdf.pages[0].extract_text())
    assert visie.meta.titel in cover and visie.meta.gemeente in cover and "Ontwerp" in cover and "0.8" in cover
    assert "15 april 2024" in cover
    contents = normalised(pdf.pages[1].extract_text())
    assert "Inhoud" in contents and re.search(r"\.\s*\d+", contents)
    for keuze in visie.keuzes:
        assert f"Id van deze keuze: {keuze.id}" in text, keuze.id
    assert "Rol van de gemeente" in text and "Samenwerken" in text


def test_visie_pdf_links_stay_inside_and_maps_are_pictures_with_text(pdf: PdfReader, sample_build: Build) -> None:
    names = set(pdf.named_destinations)
    internal = 0
    for page in pdf.pages:
        for annotation in page.get("/Annots") or []:
            link = annotation.get_object()
            if link.get("/Subtype") != "/Link":
                continue
            target = link.get("/Dest") or (link.get("/A") or {}).get("/D")
            if target is not None:
                internal += 1
                if isinstance(target, str):
                    assert target in names, target
    assert internal > 20
    images = sum(len(page.images) for page in pdf.pages)
    assert images == 0  # maps are vector drawings (SVG), not bitmaps nor tiles
    text = normalised(" ".join(page.extract_text() for page in pdf.pages))
    assert "Ligging van" in text and "De kaart toont" in text
    home = sample_build.html("")
    assert 'href="visie.pdf"' in home
    assert 'href="../visie.pdf"' in sample_build.html("colofon/")


def test_pdf_false_makes_no_pdf_and_a_broken_pdf_step_keeps_the_old_site(tmp_path: Path) -> None:
    project = make_project(tmp_path / "p")  # the sample without its pdf: true
    yml = project / "visie/visie.yml"
    assert "pdf:" not in yml.read_text(encoding="utf-8")
    build = run_build(project)
    assert build.returncode == 0, build.output
    assert not (build.site / "visie.pdf").exists() and "visie.pdf" not in build.html("")
    (build.site / "oud.txt").write_text("vorige site")
    yml.write_text(yml.read_text(encoding="utf-8") + "pdf: true\n", encoding="utf-8")
    # A folder docs/visie.pdf/ stands where the PDF must go: writing it fails.
    (project / "docs/visie.pdf").mkdir()
    (project / "docs/visie.pdf/leesmij.txt").write_text("in de weg")
    broken = run_build(project)
    assert broken.returncode != 0
    assert "visie.pdf kon niet worden gemaakt" in broken.output and "Traceback" not in broken.output
    assert (build.site / "oud.txt").exists() and not (build.site / "visie.pdf").exists()
    assert not list(project.glob(".site*"))
