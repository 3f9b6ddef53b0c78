"""The Matrix tells the truth (every cell against the built gebied pages) and fits the screen."""

from __future__ import annotations

import re

import pytest

from conftest import Build, serve_directory

KEUZE_LINK = re.compile(r'<a href="[^"]*#([a-z0-9-]+)"')
VIA = re.compile(r'class="ov-via">\([^<]*<a href="[^"]*?([a-z0-9-]+)/"')
GEBIED_LINK = re.compile(r'href="[^"]*gebieden/([a-z0-9-]+)/"')
KERNOPGAVE_LINK = re.compile(r'href="[^"]*kernopgaven/([a-z0-9-]+)/"')

Item = tuple[str, str | None]  # keuze id, the larger gebied it comes from (or None)


def items(html: str) -> set[Item]:
    found = set()
    for item in re.findall(r"<li>(.*?)</li>", html, re.S):
        keuze = KEUZE_LINK.search(item)
        if keuze:
            via = VIA.search(item)
            found.add((keuze.group(1), via.group(1) if via else None))
    return found


def gebied_page(build: Build, gebied: str) -> tuple[set[Item], int]:
    """The keuzes a gebied page lists, and how many whole-gemeente keuzes it mentions."""
    html = build.html(f"gebieden/{gebied}/")
    section = html[html.index('<div class="ov-gebied-keuzes"') :]
    section = section[: section.index("</div>")]
    general = re.search(r"Daarnaast gelden (\d+) keuzes voor de hele gemeente", section)
    return items(section), int(general.group(1)) if general else 0


def matrix(build: Build) -> tuple[list[str | None], dict[tuple[str, str | None], tuple[str, set[Item]]]]:
    """Column gebied ids (None: hele gemeente) and per (kernopgave, column) the count text and items."""
    html = build.html("matrix/")
    head = html[html.index("<thead>") : html.index("</thead>")]
    columns = [
        (GEBIED_LINK.search(th).group(1) if GEBIED_LINK.search(th) else None)
        for th in re.findall(r'<th scope="col">(.*?)</th>', head, re.S)
    ]
    cells = {}
    body = html[html.index("<tbody>") : html.index("</tbody>")]
    for row in re.findall(r"<tr>(.*?)</tr>", body, re.S):
        kernopgave = KERNOPGAVE_LINK.search(row[: row.index("</th>")]).group(1)
        tds = re.findall(r'<td class="ov-matrix__cel[^"]*">(.*?)</td>', row, re.S)
        assert len(tds) == len(columns)
        for column, td in zip(columns, tds):
            counted = re.search(r'<span class="ov-matrix__aantal">([^<]*)</span>', td)
            count = counted.group(1) if counted else td  # an empty cell is its count
            cells[(kernopgave, column)] = (count, items(td))
    return columns, cells


def served_kernopgaven(build: Build) -> dict[str, set[str]]:
    """Keuze id → the kernopgaven it serves, as the Alle keuzes page says."""
    html = build.html("keuzes/")
    found = {}
    for kernopgaven, body in re.findall(r'<li class="ov-keuzekaart" data-kernopgaven="([^"]*)"(.*?)</li>', html, re.S):
        keuze = KEUZE_LINK.search(body).group(1)
        found[keuze] = set(kernopgaven.split())
    return found


def whole_gemeente(build: Build) -> set[str]:
    html = build.html("keuzes/")
    return {
        KEUZE_LINK.search(body).group(1)
        for body in re.findall(r'<li class="ov-keuzekaart" data-kernopgaven="[^"]*" data-gebieden=""(.*?)</li>', html, re.S)
    }


def count_text(number: int) -> str:
    return "geen keuze" if number == 0 else f"{number} {'keuze' if number == 1 else 'keuzes'}"


def check_every_cell(build: Build) -> int:
    columns, cells = matrix(build)
    serves = served_kernopgaven(build)
    kernopgaven = sorted({k for k, _ in cells})
    for count, found in cells.values():
        assert count == count_text(len(found))
    for gebied in [c for c in columns if c is not None]:
        listed, general = gebied_page(build, gebied)
        for kernopgave in kernopgaven:
            expected = {item for item in listed if kernopgave in serves[item[0]]}
            assert cells[(kernopgave, gebied)][1] == expected, (gebied, kernopgave)
        assert general == len(whole_gemeente(build))
    for kernopgave in kernopgaven:
        expected_general = {(k, None) for k in whole_gemeente(build) if kernopgave in serves[k]}
        assert cells[(kernopgave, None)][1] == expected_general
    return sum(1 for _, found in cells.values() for _, via in found if via)


def test_every_cell_matches_the_gebied_pages_of_the_sample(sample_build: Build) -> None:
    inherited = check_every_cell(sample_build)
    assert inherited > 0  # the sample has gebieden inside others: those keuzes are marked 'via'
    _, cells = matrix(sample_build)
    assert cells[("stedelijkheid", "holtenbroek")][1], "Holtenbroek × Stedelijkheid heeft een keuze via de Stadsring"


def test_every_cell_matches_the_gebied_pages_of_another_gemeente(other_build: Build) -> None:
    check_every_cell(other_build)


@pytest.fixture(scope="module")
def matrix_url(sample_build: Build):
    server, url = serve_directory(sample_build.site)
    yield url + "matrix/"
    server.shutdown()


def test_the_matrix_fits_a_wide_screen_and_keeps_its_headers(matrix_url: str, page) -> None:
    page.goto(matrix_url)
    wrap = page.locator(".ov-matrix-wrap").bounding_box()
    assert wrap["width"] > 900  # the full width of the page, not Material's text column
    assert page.locator(".ov-matrix__hint").is_visible()
    visible = page.evaluate(
        """() => { const w = document.querySelector('.ov-matrix-wrap').getBoundingClientRect();
        return [...document.querySelectorAll('.ov-matrix th[scope=col]')].filter(
          th => th.getBoundingClientRect().right <= w.right).length; }"""
    )
    assert visible >= 5
    first_row_header = page.locator('.ov-matrix th[scope="row"]').first
    before_x = first_row_header.bounding_box()["x"]
    page.evaluate("document.querySelector('.ov-matrix-wrap').scrollBy(700, 300)")
    page.wait_for_timeout(100)
    assert abs(first_row_header.bounding_box()["x"] - before_x) < 1
    header = page.locator('.ov-matrix th[scope="col"]').nth(6).bounding_box()
    assert abs(header["y"] - wrap["y"]) < 3  # the header row stays on top while scrolling down
    corner = page.locator(".ov-matrix__hoek").bounding_box()
    on_top = page.evaluate(
        "([x, y]) => document.elementFromPoint(x, y).closest('td, th').className",
        [corner["x"] + corner["width"] / 2, corner["y"] + corner["height"] / 2],
    )
    assert on_top == "ov-matrix__hoek"  # neither the header row nor the first column slides over it


def test_the_matrix_reads_as_a_list_on_a_phone(matrix_url: str, browser) -> None:
    from axe_playwright_python.sync_playwright import Axe
    from test_quality import axe_violations

    context = browser.new_context(viewport={"width": 375, "height": 800}, locale="nl-NL")
    tab = context.new_page()
    try:
        tab.goto(matrix_url)
        assert tab.evaluate("document.documentElement.scrollWidth") <= 375
        caption = tab.locator(".ov-matrix caption").bounding_box()
        assert caption["x"] >= 0 and caption["x"] + caption["width"] <= 375
        place = tab.locator(".ov-matrix__plek").first
        assert place.is_visible() and place.inner_text().strip() == "Centrum:"
        assert not tab.locator(".ov-matrix__cel--0").first.is_visible()
        assert axe_violations(tab, Axe()) == []
    finally:
        context.close()
