"""Search as an inwoner uses it: typed into the search field in the header, in Chromium."""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

import pytest

from conftest import Build, make_project, run_build, serve_directory
from mini_visie import write_mini_visie
from search_queries import QUERIES, matches
from omgevingsvisie.search import page_facts

RESULT_LINKS = ".ov-zoek__link"


def search(page, base_url: str, query: str):
    """Type a query as a reader does (the `/` key, then the keyboard); the shown result items."""
    if not page.url.startswith(base_url):
        page.goto(base_url, wait_until="load")
    page.keyboard.press("/")
    page.keyboard.press("Control+A")
    page.keyboard.press("Backspace")
    page.keyboard.type(query, delay=10)
    page.wait_for_function(
        "q => (document.querySelector('.ov-zoek__status') || {}).textContent.includes(q)", arg=query, timeout=15000
    )
    return page.locator(".ov-zoek__resultaat")


def hrefs(page) -> list[str]:
    return page.eval_on_selector_all(RESULT_LINKS, "links => links.map(a => a.href)")


def test_recall_at_3_on_the_query_table(page, sample_url: str) -> None:
    assert len(QUERIES) >= 30
    misses = []
    for query, expected, what in QUERIES:
        search(page, sample_url, query)
        top = hrefs(page)[:3]
        if not any(matches(href, expected) for href in top):
            misses.append(f"{query!r} ({what}): {expected} not in {[h.replace(sample_url, '') for h in top]}")
    assert misses == [], f"recall at 3: {len(QUERIES) - len(misses)}/{len(QUERIES)}\n" + "\n".join(misses)


@pytest.mark.parametrize(
    "query, expected",
    [
        ("zon-eerst-op-daken", "#zon-eerst-op-daken"),
        ("circulair-bouwen", "#circulair-bouwen"),
        ("Holtenbroek", "gebieden/holtenbroek/"),
        ("Assendorp", "gebieden/stadsring/"),
        ("Westenholte", "gebieden/stadsring/"),  # also named in the IJsselzone's text
        ("Toekomstbestendige wijken door transformatie van de bestaande stad", "kernopgaven/wijken/"),
    ],
)
def test_an_exact_id_or_name_comes_first(page, sample_url: str, query: str, expected: str) -> None:
    search(page, sample_url, query)
    first = hrefs(page)[0]
    assert matches(first, expected), first


def test_a_keuze_is_its_own_result_landing_on_its_anchor(page, sample_url: str) -> None:
    results = search(page, sample_url, "proeftuin integrale wijkvernieuwing")
    item = results.filter(has=page.locator("a[href$='#proeftuin-holtenbroek']")).first
    text = item.inner_text()
    assert text.startswith("KEUZE") or "Keuze" in text
    assert "Kernopgave: Toekomstbestendige wijken door transformatie van de bestaande stad" in text
    assert "Rol: Investeren" in text
    item.locator("a").click()
    page.wait_for_url(re.compile(r".*/kernopgaven/wijken/#proeftuin-holtenbroek$"))
    page.wait_for_timeout(300)
    heading = page.locator("h3#proeftuin-holtenbroek")
    assert heading.evaluate("el => el.getBoundingClientRect().top >= 0 && el.getBoundingClientRect().top < innerHeight")
    assert page.locator(".ov-zoek__paneel").is_hidden()


def test_results_say_what_they_are(page, sample_url: str) -> None:
    search(page, sample_url, "Zwolle-Zuid")
    labels = {label.strip().lower() for label in page.locator(".ov-zoek__soort").all_inner_texts()}
    assert {"gebied", "keuze"} <= labels, labels
    search(page, sample_url, "Ittersum")
    assert "Ook bekend als: Ittersum, Oldenelerbroek" in page.locator(".ov-zoek__resultaat").first.inner_text()


def test_a_keuze_title_is_found_once(page, sample_url: str) -> None:
    # The overviews (Alle keuzes, Matrix, gebied pages) repeat keuze titles; search shows the keuze itself.
    search(page, sample_url, "proeftuin integrale wijkvernieuwing")
    found = hrefs(page)
    assert sum(h.endswith("#proeftuin-holtenbroek") for h in found) == 1, found
    assert not any("/matrix/" in h or "/keuzes/" in h or "/kaart/" in h for h in found), found


def test_snippets_are_running_text(page, sample_url: str) -> None:
    # The label lists of a keuze, run together as Material's search showed them, and its id line.
    run_together = re.compile(
        r"id van deze keuze|rol van de gemeente:? (investeren|samenwerken|ruimte geven)|"
        r"gebieden:? de hele gemeente|kernopgave:? [^.]*rol van de gemeente|verwezen vanuit", re.I
    )
    for query in ("Id van deze keuze", "Rol van de gemeente", "gemeente investeert zelf", "hele gemeente", "wonen"):
        search(page, sample_url, query)
        for snippet in page.locator(".ov-zoek__uittreksel").all_inner_texts():
            assert not run_together.search(snippet), (query, snippet)
    # A map's text alternative lists every gebied: a gebied page must not match on another's name.
    search(page, sample_url, "Vechtzone")
    assert not any("gebieden/holtenbroek/" in h or "gebieden/centrum/" in h for h in hrefs(page)[:3])


def test_results_narrow_to_keuzes_a_kernopgave_or_a_gebied(page, sample_url: str) -> None:
    def narrow(name: str, value: str, condition: str) -> list[str]:
        # Clear the shown results first, so the wait sees the new ones.
        page.eval_on_selector(".ov-zoek__resultaten", "list => list.replaceChildren()")
        page.select_option(f"select[name='{name}']", value)
        page.wait_for_function(f"() => document.querySelectorAll('.ov-zoek__link').length > 0 && {condition}", timeout=10000)
        return hrefs(page)

    search(page, sample_url, "wijk")
    page.locator("select[name='kernopgave'] option:nth-child(2)").wait_for(state="attached")
    narrow("soort", "keuze", "[...document.querySelectorAll('.ov-zoek__soort')].every(s => s.textContent === 'Keuze')")
    page.select_option("select[name='soort']", "")

    # The kernopgave's page and keuzes that stand on it or also serve it (Draagt ook bij aan).
    found = narrow("kernopgave", "Klimaatverandering, energie en circulariteit",
                   "[...document.querySelectorAll('.ov-zoek__link')].every(a => a.href.includes('/klimaat-energie/')"
                   " || a.querySelector('.ov-zoek__soort').textContent === 'Keuze')")
    assert any("/klimaat-energie/#" in h for h in found), found
    page.select_option("select[name='kernopgave']", "")

    # Keuzes for Holtenbroek, for the stadsring it lies in, and for the whole gemeente; no other gebied.
    found = narrow("gebied", "Holtenbroek", "true")
    while page.locator(".ov-zoek__meer").is_visible():
        page.locator(".ov-zoek__meer").click()
        page.wait_for_timeout(300)
    found = hrefs(page)
    assert any(h.endswith("#proeftuin-holtenbroek") for h in found), found
    assert any(h.endswith("#wijken-van-het-aardgas") for h in found), found  # for the stadsring
    assert not any(h.endswith("#stadshagen-compleet") for h in found), found
    assert not any("/gebieden/" in h and "/holtenbroek/" not in h for h in found), found


def test_search_loads_only_when_used_and_only_from_this_site(page, sample_url: str) -> None:
    page.goto(sample_url + "gebieden/centrum/", wait_until="load")
    assert not [u for u in page.requests.urls if "/zoeken/" in u]
    field = page.locator("header input[type='search']")
    assert field.get_attribute("id") == "ov-zoekveld"
    assert page.locator("label[for='ov-zoekveld']").count() == 1
    search(page, sample_url, "Stadshagen")
    assert page.evaluate("document.activeElement.id") == "ov-zoekveld"
    assert [u for u in page.requests.urls if "/zoeken/" in u]
    assert page.requests.foreign(sample_url) == [] or all("pdok" in u for u in page.requests.foreign(sample_url))
    page.keyboard.press("Escape")
    assert page.locator(".ov-zoek__paneel").is_hidden()


def test_no_material_search_is_left(sample_build: Build) -> None:
    html = sample_build.html("kernopgaven/wijken/")
    assert 'class="md-search"' not in html
    assert not (sample_build.site / "search" / "search_index.json").exists()
    index = json.loads((sample_build.site / "zoeken" / "index.json").read_text(encoding="utf-8"))
    # The visie's pages and every keuze as a result of its own; not the generated overviews.
    visie = sample_build.project / "visie"
    pages = len(list(visie.rglob("*.md"))) + len(list((sample_build.project / "docs").glob("*.md")))
    keuzes = sum(p.read_text(encoding="utf-8").count("\n/// keuze") for p in visie.rglob("*.md"))
    assert keuzes >= 20
    assert index["aantal"] == pages + keuzes, (index["aantal"], pages, keuzes)
    groups = sorted((sample_build.site / "zoeken" / "items").glob("*.json"))
    shown = [item for g in groups for item in json.loads(g.read_text(encoding="utf-8"))]
    assert len(shown) == pages + keuzes and len(groups) < len(shown) / 4  # grouped: few files to write
    assert sum(item["soort"] == "keuze" for item in shown) == keuzes
    assert re.search(rf"Zoekindex: {pages + keuzes} pagina's en keuzes in", sample_build.output)
    assert "<strong>Ook bekend als:</strong> Assendorp, Diezerpoort" in sample_build.html("gebieden/stadsring/")


def test_material_search_files_stay_out_of_the_site(sample_build: Build) -> None:
    javascripts = sample_build.site / "assets" / "javascripts"
    assert not (javascripts / "lunr").exists()
    assert not list(javascripts.glob("workers/search.*"))
    # what the pages do load is all there
    for page in ("", "kernopgaven/wijken/", "gebieden/centrum/", "kaart/"):
        html = sample_build.html(page)
        loaded = re.findall(r'<(?:script|link)[^>]+(?:src|href)="([^"#?]+\.(?:js|css))', html)
        assert any("bundle" in src for src in loaded) and any("zoeken.js" in src for src in loaded)
        for src in loaded:
            assert (sample_build.site / page / src).resolve().is_file(), (page, src)


def test_material_search_files_stay_when_its_plugin_is_on(tmp_path: Path) -> None:
    mini = write_mini_visie(tmp_path / "mini")
    project = make_project(tmp_path / "p", mini / "visie", mini / "kaarten")
    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("plugins:\n", "plugins:\n  - search\n", 1), encoding="utf-8")
    build = run_build(project)
    assert build.returncode == 0, build.output
    assert (build.site / "search" / "search_index.json").is_file()
    assert list((build.site / "assets" / "javascripts" / "lunr").glob("*.js"))
    assert list((build.site / "assets" / "javascripts" / "workers").glob("search.*.js"))


def test_a_gemeentes_own_file_at_a_material_search_path_stays(tmp_path: Path) -> None:
    mini = write_mini_visie(tmp_path / "mini")
    project = make_project(tmp_path / "p", mini / "visie", mini / "kaarten")
    own = project / "docs" / "assets" / "javascripts" / "lunr" / "eigen.js"
    own.parent.mkdir(parents=True)
    own.write_text("// van de gemeente\n", encoding="utf-8")
    build = run_build(project)
    assert build.returncode == 0, build.output
    assert (build.site / "assets" / "javascripts" / "lunr" / "eigen.js").read_text(encoding="utf-8") == "// van de gemeente\n"
    assert not (build.site / "assets" / "javascripts" / "lunr" / "min").exists()


def test_another_gemeente_is_searchable_by_its_own_names(page, other_build: Build) -> None:
    server, url = serve_directory(other_build.site)
    try:
        search(page, url, "Waardhuizen")
        assert matches(hrefs(page)[0], "gebieden/dorpskernen/")
        search(page, url, "haven-herontwikkelen")
        assert hrefs(page)[0].endswith("#haven-herontwikkelen")
    finally:
        server.shutdown()
    data = json.loads((other_build.site / "visie.json").read_text(encoding="utf-8"))
    names = {g["id"]: g["ook_bekend_als"] for g in data["gebieden"]}
    assert names["haven"] == ["Het Havenkwartier"] and names["uiterwaarden"] == []


def test_a_page_in_the_index_folder_stops_the_build_and_leaves_the_previous_site(tmp_path: Path) -> None:
    mini = write_mini_visie(tmp_path / "mini")
    project = make_project(tmp_path / "p", mini / "visie", mini / "kaarten")
    assert run_build(project).returncode == 0
    before = (project / "site" / "index.html").read_text(encoding="utf-8")
    (project / "visie" / "index.md").write_text("---\ntitel: Nieuw\n---\nNieuwe tekst.\n", encoding="utf-8")
    (project / "docs" / "zoeken.md").write_text("# Zoeken\n\nEen eigen pagina.\n", encoding="utf-8")
    build = run_build(project)
    assert build.returncode != 0
    assert "docs/zoeken.md: komt in de site op zoeken/index.html, maar de map zoeken/ is voor de zoekindex" in build.output
    assert "Traceback" not in build.output
    assert (project / "site" / "index.html").read_text(encoding="utf-8") == before
    assert not (project / ".site.in-aanbouw").exists()


def test_an_index_that_cannot_be_written_gets_a_dutch_message(tmp_path: Path) -> None:
    from omgevingsvisie import Layout, load_visie
    from omgevingsvisie_mkdocs.search import SearchIndexError, SiteSearch

    mini = write_mini_visie(tmp_path / "mini")
    visie = load_visie(Layout(mini, docs_dir=None)).visie
    search = SiteSearch()
    search.add_page("wijk/", "<p>Wonen in de wijk.</p>", page_facts(visie, visie.gebied("wijk")), lambda _: None)
    site = tmp_path / "site"
    site.mkdir()
    (site / "zoeken").write_text("een bestand, geen map", encoding="utf-8")  # what a folder clash leaves
    with pytest.raises(SearchIndexError, match="^de zoekfunctie kan niet worden gebouwd: "):
        search.write(str(site), visie, {"wijk/"}, incremental=True)
