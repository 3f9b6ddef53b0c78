"""The menu stays small with many gebieden; the Gebieden overview page lists them all."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest

from conftest import REPO, Build, make_project, run_build, serve_directory

sys.path.insert(0, str(REPO / "scripts"))
from genereer_visie import generate  # noqa: E402

PAGES = 70  # enough for more gebieden under one parent than the menu lists


@pytest.fixture(scope="module")
def generated_build(tmp_path_factory: pytest.TempPathFactory) -> Build:
    source = tmp_path_factory.mktemp("gegenereerd")
    generate(source, PAGES)
    project = make_project(tmp_path_factory.mktemp("veel-gebieden"), source / "visie", source / "kaarten")
    build = run_build(project)
    assert build.returncode == 0, build.output
    return build


def menu(html: str) -> str:
    start = html.index('class="md-nav md-nav--primary"')
    return html[start:html.index('<div class="md-sidebar md-sidebar--secondary"', start)]


def menu_links(html: str) -> list[str]:
    return re.findall(r'<a href="([^"]*)" class="md-nav__link', menu(html))


def gebieden(build: Build) -> list[str]:
    return sorted(p.stem for p in (build.project / "visie/gebieden").glob("*.md"))


def parent_of(build: Build, gebied: str) -> str:
    text = (build.project / f"visie/gebieden/{gebied}.md").read_text(encoding="utf-8")
    return re.search(r"(?m)^onderdeel_van: (\S+)$", text).group(1)


def test_a_gebied_page_menu_shows_its_branch_not_its_siblings(generated_build: Build) -> None:
    parent = parent_of(generated_build, "wijk-4")
    siblings = [g for g in gebieden(generated_build) if g.startswith("wijk-") and parent_of(generated_build, g) == parent]
    assert len(siblings) > 15
    links = menu_links(generated_build.html("gebieden/wijk-4/"))
    # Its own page, its parent and the top-level gebieden, the overview, not the other wijken.
    assert "./" in links
    assert "../stadsring/" in links and "../centrum/" in links and "../buitengebied/" in links
    assert "../" in links  # the Gebieden overview page
    shown = {link for link in links if re.fullmatch(r"\.\./wijk-\d+/", link)}
    assert shown == set(), shown
    more = rf'<a href="\.\./#gebied-{parent}" class="md-nav__link">\s*<span class="md-ellipsis">\s*Alle {len(siblings)} gebieden hierin'
    assert re.search(more, menu(generated_build.html("gebieden/wijk-4/")))
    assert len(links) < 30
    # The other sections of the menu are still there.
    assert "Overzichten" in menu(generated_build.html("gebieden/wijk-4/"))
    # A page outside the Gebieden section carries no gebied beyond the section's link.
    assert not any("wijk-" in link for link in menu_links(generated_build.html("")))


def test_the_gebied_menu_does_not_grow_with_the_number_of_gebieden(generated_build: Build, sample_build: Build) -> None:
    few = menu(sample_build.html("gebieden/holtenbroek/"))
    many = menu(generated_build.html("gebieden/wijk-4/"))
    assert len(re.findall("md-nav__item", many)) <= len(re.findall("md-nav__item", few)) + 10


def test_gebieden_overview_lists_every_gebied_with_its_keuzes(generated_build: Build) -> None:
    html = generated_build.html("gebieden/")
    assert "<h1" in html and ">Gebieden<" in html
    overview = html[html.index("ov-gebiedenlijst--boom"):]
    for gebied in gebieden(generated_build):
        assert f'id="gebied-{gebied}"' in overview
        assert f'href="{gebied}/"' in overview
    # The count matches the keuzes the gebied page lists.
    wijk = generated_build.html("gebieden/wijk-4/")
    section = wijk[wijk.index('class="ov-gebied-keuzes"'):]
    section = section[:section.index('<p class="ov-hele-gemeente"')] if "ov-hele-gemeente" in section else section[:section.index("</div>")]
    listed = len(re.findall(r'<li><a href="[^"]*kernopgaven/', section))
    count = re.search(r'id="gebied-wijk-4"><a href="wijk-4/">[^<]*</a> <span class="ov-aantal">\((\d+|geen) keuzes?\)', overview)
    assert count is not None
    assert (0 if count.group(1) == "geen" else int(count.group(1))) == listed
    # Nested: a wijk is inside the list of its parent.
    parent = parent_of(generated_build, "wijk-4")
    item = overview[overview.index(f'id="gebied-{parent}"'):]
    assert item.index('id="gebied-wijk-4"') < item.index("</ul></li>")


def test_gebieden_overview_is_one_tap_from_home_and_menu(sample_build: Build, browser) -> None:
    home = sample_build.html("")
    assert re.search(r'<a href="gebieden/">Alle gebieden</a>', home)
    server, url = serve_directory(sample_build.site)
    try:
        context = browser.new_context(viewport={"width": 375, "height": 740}, locale="nl-NL", has_touch=True)
        tab = context.new_page()
        tab.goto(url, wait_until="load")
        tab.locator(".md-header label[for='__drawer']").click()
        tab.locator(".md-nav--primary").get_by_role("link", name="Gebieden", exact=True).click()
        tab.wait_for_url(url + "gebieden/")
        assert tab.locator("h1").inner_text().startswith("Gebieden")
        context.close()
    finally:
        server.shutdown()


def test_the_id_gebieden_is_reserved(tmp_path: Path) -> None:
    project = make_project(tmp_path / "project")
    chapter = project / "visie/gebieden/holtenbroek.md"
    text = chapter.read_text(encoding="utf-8")
    chapter.write_text(text.replace("---\n", "---\nid: gebieden\n", 1), encoding="utf-8")
    build = run_build(project)
    assert build.returncode != 0
    assert "het id 'gebieden' is gereserveerd voor de pagina 'Gebieden'" in build.output
