"""Full MkDocs builds of the sample and of another gemeente, inspected in their HTML."""

from __future__ import annotations

import hashlib
import re
import shutil
from html.parser import HTMLParser
from pathlib import Path

from conftest import REPO, Build, make_project, run_build

THIRD_PARTY = re.compile(r"(?:src|href)=\"(https?:)?//(?!127\.0\.0\.1)[^\"]+\"")


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.nav: list[tuple[str, str]] = []
        self._in_nav = 0
        self._href: str | None = None
        self._text = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        if tag == "nav" and "md-nav--primary" in (attributes.get("class") or ""):
            self._in_nav = 1
        elif tag == "nav" and self._in_nav:
            self._in_nav += 1
        if self._in_nav and tag == "a":
            self._href, self._text = attributes.get("href"), ""

    def handle_endtag(self, tag: str) -> None:
        if tag == "nav" and self._in_nav:
            self._in_nav -= 1
        if tag == "a" and self._href is not None:
            self.nav.append((" ".join(self._text.split()), self._href))
            self._href = None

    def handle_data(self, data: str) -> None:
        if self._href is not None:
            self._text += data


def tree_digest(folder: Path) -> str:
    digest = hashlib.sha256()
    for path in sorted(folder.rglob("*")):
        digest.update(str(path.relative_to(folder)).encode())
        if path.is_file():
            digest.update(path.read_bytes())
    return digest.hexdigest()


def article(html: str) -> str:
    return html[html.index("<article") : html.index("</article>")]


# --- the sample --------------------------------------------------------------------------


def menu(build: Build, page: str) -> list[str]:
    parser = _Links()
    parser.feed(build.html(page))
    return [title for title, href in parser.nav if title and not href.startswith("#")]


def in_order(titles: list[str], expected: list[str]) -> bool:
    positions = [titles.index(title) for title in expected]
    return positions == sorted(positions)


def test_navigation_follows_the_inhoudsopgave(sample_build: Build) -> None:
    # The menu is pruned to its open part, so each section is read on a page inside it.
    top = menu(sample_build, "")
    assert top[:6] == ["De leidende ambitie", "Kernopgaven", "Gebieden", "Overzichten", "Samen uitvoeren", "Bijlagen"]
    assert in_order(top, ["Bijlagen", "Colofon", "Over deze visie"])  # then docs/, by title
    # kernopgaven by volgorde, with their short label (kort)
    kernopgaven = menu(sample_build, "kernopgaven/stedelijkheid/")
    assert in_order(kernopgaven, ["Stedelijkheid", "Wijken", "Klimaat en energie", "Menselijk kapitaal"])
    # gebieden nested by onderdeel_van
    assert in_order(menu(sample_build, "gebieden/centrum/"), ["Centrum", "Spoorzone", "Stadsring", "Buitengebied"])
    assert in_order(menu(sample_build, "gebieden/stadsring/"), ["Stadsring", "Holtenbroek", "Buitengebied"])
    assert in_order(menu(sample_build, "keuzes/"), ["Alle keuzes", "Matrix", "Kaart"])
    assert "Bijlage: trends en staat van de stad" in menu(sample_build, "bijlagen/trends/")


def test_site_name_language_and_status_notice_on_every_page(sample_build: Build) -> None:
    pages = list(sample_build.site.rglob("index.html"))
    assert len(pages) > 15
    for page in pages:
        html = page.read_text(encoding="utf-8")
        assert '<html lang="nl"' in html, page
        assert "<title>" in html and "Omgevingsvisie Zwolle</title>" in html, page
        assert "Dit is het ontwerp van de Omgevingsvisie Zwolle" in html, page
        assert "nog niet vastgesteld" in html, page


def test_no_third_party_hosts_in_any_page(sample_build: Build) -> None:
    for page in sample_build.site.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        assert "fonts.googleapis" not in html and "fonts.gstatic" not in html
        found = [m.group(0) for m in THIRD_PARTY.finditer(html) if "rel=\"" not in m.group(0)]
        # Outgoing links are fine; loading assets from elsewhere is not.
        assets = [f for f in found if not f.startswith("href=")]
        assert assets == [], (page, assets)
        for tag in re.findall(r"<link[^>]+>", html):
            if "stylesheet" in tag or "preconnect" in tag:
                assert "//" not in tag.split("href=", 1)[1].split(" ", 1)[0].replace("../", ""), tag


def test_keuze_renders_with_anchor_rol_and_gebieden(sample_build: Build) -> None:
    html = article(sample_build.html("kernopgaven/wijken/"))
    section = html[html.index('aria-labelledby="proeftuin-holtenbroek"') :]
    section = section[: section.index("</section>")]
    assert re.search(r'<h3[^>]* id="proeftuin-holtenbroek"[^>]*>Holtenbroek is de proeftuin', section)
    assert "Rol van de gemeente" in section and "Investeren" in section and "de gemeente investeert zelf" in section
    assert 'href="../../gebieden/holtenbroek/"' in section
    assert "Draagt ook bij aan" in section


def test_keuze_links_to_the_other_kernopgaven_it_serves(sample_build: Build) -> None:
    html = article(sample_build.html("kernopgaven/klimaat-energie/"))
    section = html[html.index('aria-labelledby="wijken-van-het-aardgas"') :]
    section = section[: section.index("</section>")]
    assert 'href="../wijken/"' in section


def test_gebied_page_lists_keuzes_by_kernopgave_including_larger_gebieden(sample_build: Build) -> None:
    html = article(sample_build.html("gebieden/holtenbroek/"))
    listing = html[html.index('id="keuzes-voor-dit-gebied"') :]
    assert 'href="../../kernopgaven/wijken/#proeftuin-holtenbroek"' in listing
    # bouwen-binnen-bestaande-stad names the stadsring, which Holtenbroek is part of
    assert "#bouwen-binnen-bestaande-stad" in listing and "geldt voor heel" in listing
    assert "gelden" in listing and "keuzes voor de hele gemeente" in listing
    kernopgave_order = [m.group(1) for m in re.finditer(r'class="ov-groep__kop"><a href="../../kernopgaven/([\w-]+)/"', listing)]
    assert kernopgave_order == sorted(kernopgave_order, key=["stedelijkheid", "wijken", "klimaat-energie", "menselijk-kapitaal"].index)


def test_alle_keuzes_lists_every_keuze_without_script(sample_build: Build) -> None:
    html = article(sample_build.html("keuzes/"))
    cards = re.findall(r'<li class="ov-keuzekaart" data-kernopgaven="([^"]*)" data-gebieden="([^"]*)" data-rol="([^"]*)"', html)
    sources = list((REPO / "visie" / "kernopgaven").glob("*.md"))
    expected = sum(p.read_text().count("/// keuze |") for p in sources)
    assert len(cards) == expected >= 20
    assert {rol for _, _, rol in cards} == {"investeren", "samenwerken", "ruimte-geven"}
    assert "<form" in html and "hidden" in html  # the filter appears only with script


def test_matrix_crosses_kernopgaven_and_gebieden(sample_build: Build) -> None:
    html = article(sample_build.html("matrix/"))
    assert "<table" in html and '<caption id="ov-matrix-titel">' in html
    # a wide table scrolls in its own named region that the keyboard can reach
    assert '<div class="ov-matrix-wrap" role="region" aria-labelledby="ov-matrix-titel" tabindex="0">' in html
    rows = re.findall(r'<tr><th scope="row">', html)
    assert len(rows) == 4
    headers = re.findall(r'<th scope="col">', html)
    assert len(headers) == len(list((REPO / "visie" / "gebieden").glob("*.md"))) + 1


def test_site_pages_take_the_gemeente_from_visie_yml(sample_build: Build) -> None:
    html = article(sample_build.html("over/"))
    assert "de gemeente Zwolle" in html and "{{" not in html


def test_handleiding_is_not_published(sample_build: Build) -> None:
    assert not (sample_build.site / "handleiding").exists()
    assert "handleiding" not in sample_build.html("").lower()


def test_build_writes_nothing_into_the_sources(tmp_path: Path) -> None:
    project = make_project(tmp_path / "project")
    before = {name: tree_digest(project / name) for name in ("visie", "kaarten", "docs")}
    build = run_build(project)
    assert build.returncode == 0, build.output
    assert {name: tree_digest(project / name) for name in before} == before


# --- another gemeente: only visie/ and kaarten/ replaced ----------------------------------


def test_another_gemeente_builds_from_its_own_visie(other_build: Build) -> None:
    home = other_build.html("")
    assert "Dijkwaarden" in home and "Zwolle" not in home
    assert "nog niet vastgesteld" not in home  # status vastgesteld: no notice
    assert "de gemeente Dijkwaarden" in other_build.html("over/")
    for page in other_build.site.rglob("*.html"):
        assert "Zwolle" not in page.read_text(encoding="utf-8"), page


# --- failing builds ----------------------------------------------------------------------


def test_content_errors_fail_the_build_listing_all_and_leaving_the_old_site(tmp_path: Path) -> None:
    project = make_project(tmp_path / "project")
    assert run_build(project).returncode == 0
    before = tree_digest(project / "site")
    wijken = project / "visie/kernopgaven/wijken.md"
    wijken.write_text(wijken.read_text().replace("rol: investeren", "rol: investeer", 1))
    holtenbroek = project / "visie/gebieden/holtenbroek.md"
    holtenbroek.write_text(holtenbroek.read_text().replace("onderdeel_van: stadsring", "onderdeel_van: stadring"))
    build = run_build(project)
    assert build.returncode != 0
    assert "Traceback" not in build.output
    lines = [line for line in build.output.splitlines() if "visie/" in line and "ERROR" in line]
    assert any(re.search(r"visie/kernopgaven/wijken\.md:\d+: rol '[^']+' bestaat niet; kies uit investeren, samenwerken of ruimte-geven", l) for l in lines), build.output
    assert any("visie/gebieden/holtenbroek.md:3: onbekend gebied 'stadring'; bedoelt u 'stadsring'?" in l for l in lines), build.output
    assert tree_digest(project / "site") == before


def test_a_strict_warning_also_leaves_the_old_site(tmp_path: Path) -> None:
    project = make_project(tmp_path / "project")
    assert run_build(project).returncode == 0
    before = tree_digest(project / "site")
    chapter = project / "visie/samen-uitvoeren.md"
    chapter.write_text(chapter.read_text() + "\nZie [dit bestand](bestaat-niet.md).\n")
    build = run_build(project)
    assert build.returncode != 0
    assert "Traceback" not in build.output
    assert tree_digest(project / "site") == before
    assert not any(p.name.startswith(".site") for p in project.iterdir())


def test_broken_geojson_is_reported_not_raised(tmp_path: Path) -> None:
    project = make_project(tmp_path / "project")
    (project / "kaarten/gebieden.geojson").write_text("{ dit is geen json")
    build = run_build(project)
    assert build.returncode != 0
    assert "Traceback" not in build.output
    assert "kaarten/gebieden.geojson:1: geen geldige GeoJSON" in build.output
    assert not (project / "site").exists()


def test_missing_visie_folder_is_a_clear_error(tmp_path: Path) -> None:
    project = make_project(tmp_path / "project")
    shutil.rmtree(project / "visie")
    build = run_build(project)
    assert build.returncode != 0 and "Traceback" not in build.output
    assert "visie/visie.yml: dit bestand ontbreekt" in build.output


def test_every_page_has_exactly_one_main_heading(tmp_path: Path) -> None:
    project = make_project(tmp_path / "project")
    (project / "visie/bijlagen/begrippen.md").write_text("# Begrippen\n\nWat we bedoelen met de woorden.\n")
    build = run_build(project)
    assert build.returncode == 0, build.output
    for page in build.site.rglob("index.html"):
        html = page.read_text(encoding="utf-8")
        if "<article" in html:
            assert len(re.findall(r"<h1[\s>]", article(html))) == 1, page
    assert re.search(r"<h1[^>]*>Begrippen", build.html("bijlagen/begrippen/"))
    wijken = build.html("kernopgaven/wijken/")
    assert re.search(r"<h1[^>]*>Toekomstbestendige wijken door transformatie van de bestaande stad", wijken)
    assert "<title>Toekomstbestendige wijken door transformatie van de bestaande stad - Omgevingsvisie Zwolle</title>" in wijken
