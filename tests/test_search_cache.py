"""The search step reuses the analysis of pages that did not change, and reuse never shows stale text.

A build keeps what search took from each page (its running text and terms) in the build cache;
the next build reads it back for every page whose HTML is the same. The index it writes must be
the very index a build without a cache writes.
"""

from __future__ import annotations

import json
import marshal
import re
import shutil
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import FIXTURES, make_project, run_build
from omgevingsvisie.search import SearchFacts, SearchItem, item_terms
from omgevingsvisie.search.analysis import AnalysisStore, analyse_page
from omgevingsvisie.search.index import name_terms


def reused(output: str) -> tuple[int, int]:
    """(pages whose analysis was read back, pages searched)."""
    found = re.search(r"Zoekindex: \d+ pagina's en keuzes in [\d.]+ s \(\d+ bestanden geschreven, (\d+) van (\d+) "
                      r"pagina's uit de bouwcache\)", output)
    assert found, output
    return int(found.group(1)), int(found.group(2))


def index_files(site: Path) -> dict[str, bytes]:
    folder = site / "zoeken"
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_unchanged_pages_are_read_back_and_the_index_is_that_of_a_build_without_cache(tmp_path: Path) -> None:
    other = FIXTURES / "andere-gemeente"
    project = make_project(tmp_path / "p", other / "visie", other / "kaarten")
    first = run_build(project)
    assert first.returncode == 0, first.output
    none, pages = reused(first.output)
    assert none == 0 and pages >= 8
    index = index_files(project / "site")

    second = run_build(project)
    assert second.returncode == 0, second.output
    assert reused(second.output) == (pages, pages)
    assert index_files(project / "site") == index

    # A new word on one page: it is in the index, which is the index a build without cache makes.
    page = project / "visie" / "gebieden" / "dorpskernen.md"
    text = page.read_text(encoding="utf-8")
    assert "winkels" in text
    page.write_text(text.replace("winkels", "zwanenbloemkade"), encoding="utf-8")
    third = run_build(project)
    assert third.returncode == 0, third.output
    assert 0 < reused(third.output)[0] < pages
    warm = index_files(project / "site")
    terms = b"".join(data for name, data in warm.items() if name.startswith("termen/"))
    assert b'"zwanenbloemkad"' in terms or b'"zwanenbloemkade"' in terms

    shutil.rmtree(project / ".cache")
    cold = run_build(project)
    assert cold.returncode == 0, cold.output
    assert reused(cold.output)[0] == 0
    assert index_files(project / "site") == warm


html_text = st.text(st.characters(codec="utf-8"), max_size=80)
html_pages = st.lists(
    st.one_of(
        html_text.map(lambda t: f"<p>{t}</p>"),
        html_text.map(lambda t: f"<h2>{t}</h2>"),
        st.tuples(st.from_regex(r"[a-z][a-z0-9-]{0,8}", fullmatch=True), html_text).map(
            lambda k: f'<section class="ov-keuze" aria-labelledby="{k[0]}"><h3 id="{k[0]}">x</h3><p>{k[1]}</p></section>'
        ),
        html_text,
    ),
    max_size=6,
).map("".join)


@settings(max_examples=150, deadline=None)
@given(pages=st.lists(html_pages, min_size=1, max_size=4), titels=st.lists(html_text, min_size=1, max_size=3),
       namen=st.lists(html_text, max_size=2))
def test_an_analysis_read_back_is_the_analysis_made(pages: list[str], titels: list[str], namen: list[str]) -> None:
    store = AnalysisStore()
    all_facts = [SearchFacts("gebied", f"g-{n}", titel, ook_bekend_als=tuple(namen)) for n, titel in enumerate(titels)]
    for content in pages:
        store.analysis(content)
    for facts in all_facts:
        store.name_terms(facts)
    again = AnalysisStore.from_bytes(store.to_bytes())
    for content in pages:
        for facts in all_facts:
            made, read = analyse_page(content), again.analysis(content)
            assert read == made
            named = again.name_terms(facts)
            assert named == name_terms(facts)
            item = SearchItem("p/", facts, read.own.text, read.own.headings)
            assert item_terms(item, read.own.terms, named) == item_terms(item)
    assert again.made == 0 and not again.changed  # the next build need not write the store again


def test_a_store_that_is_not_one_is_started_afresh() -> None:
    store = AnalysisStore()
    store.analysis('<p>Een tekst over de dijk.</p><section class="ov-keuze" aria-labelledby="k"><p>Keuze</p></section>')
    store.name_terms(SearchFacts("gebied", "dijk", "De dijk"))
    data = store.to_bytes()
    pages, names = marshal.loads(data)
    ((key, (own, keuzes)),) = pages.items()
    ((name, (fields, phrases)),) = names.items()
    text, headings, terms, weights, length = own
    # the right shape with the wrong values, as other code might have written under the same name
    other_code = [
        (pages, {name: ({"dijk": "geen getal"}, phrases)}),
        (pages, {name: (fields, (1,))}),
        (pages, {(1, (), (), "dijk"): (fields, phrases)}),
        ({key: ((text, headings, (1,) * len(terms), weights, length), keuzes)}, names),
        ({key: ((text, headings, terms, weights, "lang"), keuzes)}, names),
        ({key: ((text, (None,), terms, weights, length), keuzes)}, names),
        ({key: (own, ((7, keuzes[0][1]),))}, names),
    ]
    damaged = (data[: len(data) // 2], marshal.dumps({b"x": ("a", "b")}), marshal.dumps([1, 2]), b"", None)
    for wrong in (*damaged, *(marshal.dumps(shape) for shape in other_code)):
        again = AnalysisStore.from_bytes(wrong)
        assert again.known == {}
        assert again.analysis("<p>Een tekst over de dijk.</p>").own.text == "Een tekst over de dijk."


def test_the_live_preview_keeps_only_the_last_version_of_each_page(tmp_path: Path) -> None:
    from omgevingsvisie import Layout, load_visie
    from omgevingsvisie_mkdocs.search import SiteSearch

    visie = load_visie(Layout(root=FIXTURES / "andere-gemeente", docs_dir=None)).visie
    search = SiteSearch()
    facts = SearchFacts("pagina", "p", "Een pagina")
    for version in range(5):  # a redacteur saves the same page five times
        search.start(None)
        search.add_page("p/", f"<p>Versie {version} van de tekst.</p>", facts, lambda _: None)
        search.add_page("q/", "<p>Een andere pagina, niet bewerkt.</p>", facts, lambda _: None)
        search.write(str(tmp_path), visie, {"p/", "q/"}, incremental=True)
    store = search.store
    assert store is not None and len(store.known) == 2
    hits = store.hits
    assert store.analysis("<p>Versie 4 van de tekst.</p>").own.text == "Versie 4 van de tekst."
    assert store.hits == hits + 1  # the last version is still there for the next rebuild
    items = json.loads((tmp_path / "zoeken" / "items" / "0.json").read_text(encoding="utf-8"))
    assert {item["tekst"] for item in items} == {"Versie 4 van de tekst.", "Een andere pagina, niet bewerkt."}
