"""Wat geldt hier?, the home page in één oogopslag and the gebied page order, in Chromium on built sites.

PDOK's Locatieserver is answered by a route stub in its documented response format
(``response.docs[]`` with ``weergavenaam``, ``id`` and ``type``; lookup gives ``centroide_ll``);
nothing here reaches the internet.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Iterator
from urllib.parse import parse_qs, urlsplit

import pytest
from conftest import FIXTURES, REPO, Build, make_project, run_build, serve_directory
from shapely.geometry import box, shape
from shapely.ops import unary_union

from mini_visie import write_mini_visie
from omgevingsvisie import Layout, load_visie
from omgevingsvisie.relations import keuzes_for_gebied, whole_gemeente_keuzes

PDOK = "https://api.pdok.nl/bzk/locatieserver/search/v3_1/"
ANSWER = "[data-ov-antwoord]:not([hidden])"
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]


def outlines(kaarten: Path) -> dict[str, object]:
    data = json.loads((kaarten / "gebieden.geojson").read_text(encoding="utf-8"))
    found: dict[str, object] = {}
    for feature in data["features"]:
        gebied = feature["properties"]["gebied"]
        found[gebied] = unary_union([found[gebied], shape(feature["geometry"])]) if gebied in found else shape(feature["geometry"])
    return found


def innermost_point(kaarten: Path, gebied: str) -> tuple[float, float]:
    """A point inside the gebied and inside no gebied within it: (lat, lon)."""
    shapes = outlines(kaarten)
    area = shapes[gebied]
    for other, outline in shapes.items():
        if other != gebied and area.contains(outline):
            area = area.difference(outline)
    point = area.representative_point()
    return round(point.y, 6), round(point.x, 6)


class Pdok:
    """Answers the Locatieserver: every suggestion lies at ``point``; or refuses every request."""

    def __init__(self, point: tuple[float, float] | None, reachable: bool = True) -> None:
        self.point = point
        self.reachable = reachable
        self.requests: list[str] = []

    def __call__(self, route) -> None:  # noqa: ANN001
        url = route.request.url
        self.requests.append(url)
        if not self.reachable:
            route.abort()
            return
        query = parse_qs(urlsplit(url).query)
        if urlsplit(url).path.endswith("/suggest"):
            docs = [
                {"type": "adres", "weergavenaam": "Teststraat 1, 1234AB Teststad", "id": "adr-een", "score": 9.1},
                {"type": "adres", "weergavenaam": "Teststraat 3, 1234AB Teststad", "id": "adr-drie", "score": 8.7},
            ]
        else:
            assert query["id"] in (["adr-een"], ["adr-drie"]), url
            lat, lon = self.point or (0.0, 0.0)
            docs = [{"type": "adres", "weergavenaam": "Teststraat 3, 1234AB Teststad", "id": query["id"][0],
                     "centroide_ll": f"POINT({lon} {lat})"}]
        body = {"response": {"numFound": len(docs), "start": 0, "maxScore": 9.1, "docs": docs}}
        route.fulfill(status=200, content_type="application/json", body=json.dumps(body))


@pytest.fixture
def tab(browser) -> Iterator[object]:  # noqa: ANN001
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="nl-NL")
    context.route("https://service.pdok.nl/**", lambda route: route.abort())  # no tiles needed here
    page = context.new_page()
    page.foreign = []
    page.on("request", lambda request: page.foreign.append(request.url) if not request.url.startswith("http://127.0.0.1") else None)
    yield page
    context.close()


def open_page(tab, url: str) -> None:  # noqa: ANN001
    tab.goto(url, wait_until="load")
    tab.wait_for_selector("[data-ov-klaar]")
    tab.wait_for_selector("#ov-wgh-kaart[data-ov-kaart='getekend']")


def answer_links(tab, heading: str) -> list[str]:  # noqa: ANN001
    """Link texts of the answer's section under an h3 that starts with ``heading``."""
    return tab.evaluate(
        """heading => {
            const found = [];
            let node = [...document.querySelectorAll('[data-ov-antwoord] h3')].find(h => h.textContent.startsWith(heading));
            for (node = node && node.nextElementSibling; node && node.tagName !== 'H3'; node = node.nextElementSibling) {
                node.querySelectorAll('li > a').forEach(a => found.push(a.textContent));
            }
            return found;
        }""",
        heading,
    )


# --- the core ----------------------------------------------------------------------------------


def test_adres_zoeken_outside_its_list_names_the_value(tmp_path: Path) -> None:
    root = write_mini_visie(tmp_path)
    with (root / "visie/visie.yml").open("a", encoding="utf-8") as file:
        file.write("adres_zoeken: google\n")
    found = [str(p) for p in load_visie(Layout(root, docs_dir=None)).problems]
    assert found == ["visie/visie.yml:5: adres_zoeken 'google' bestaat niet; kies uit pdok of geen"]


# --- an address in a nested gebied ---------------------------------------------------------------


def test_address_in_a_nested_gebied_by_keyboard_alone(tab, sample_url: str) -> None:  # noqa: ANN001
    visie = load_visie(Layout(REPO)).visie
    point = innermost_point(REPO / "kaarten", "holtenbroek")
    pdok = Pdok(point)
    tab.context.route(f"{PDOK}**", pdok)
    open_page(tab, sample_url + "wat-geldt-hier/")
    assert pdok.requests == []  # nothing is asked before the reader types
    field = tab.get_by_role("combobox", name="Adres of postcode met huisnummer")
    field.focus()
    tab.keyboard.type("Teststr 3")
    tab.get_by_role("option").first.wait_for()
    assert field.get_attribute("aria-expanded") == "true"
    assert "2 adressen gevonden" in tab.locator("[data-ov-status]").inner_text()
    listbox = tab.locator("#" + field.get_attribute("aria-controls"))
    assert listbox.get_attribute("role") == "listbox"
    tab.keyboard.press("ArrowDown")
    tab.keyboard.press("ArrowDown")
    active = field.get_attribute("aria-activedescendant")
    assert tab.locator(f"#{active}").inner_text() == "Teststraat 3, 1234AB Teststad"
    assert tab.locator(f"#{active}").get_attribute("aria-selected") == "true"
    tab.keyboard.press("Escape")
    assert field.get_attribute("aria-expanded") == "false" and field.get_attribute("aria-activedescendant") is None
    tab.keyboard.press("ArrowDown")
    tab.keyboard.press("Enter")
    tab.wait_for_selector(ANSWER)
    # Besides the background tiles the visie asks for, only the Locatieserver was asked.
    assert all(u.startswith((PDOK, "https://service.pdok.nl/brt/")) for u in tab.foreign), tab.foreign

    assert answer_links(tab, "Gebieden") == ["Holtenbroek", "Stadsring"]
    holtenbroek = visie.gebied("holtenbroek")
    expected = {k.keuze.titel for _, found in keuzes_for_gebied(visie, holtenbroek) for k in found}
    expected |= {k.titel for k in whole_gemeente_keuzes(visie)}
    shown = answer_links(tab, "Keuzes")
    assert set(shown) - {k.titel for k in visie.kernopgaven} == expected
    names_both = {k.titel for k in visie.keuzes if "holtenbroek" in k.gebieden} & expected
    names_larger = {k.titel for k in visie.keuzes if "stadsring" in k.gebieden} & expected
    assert names_both and names_larger
    neighbour = {k.titel for k in visie.keuzes if k.gebieden == ["stadshagen"]}
    assert neighbour and not neighbour & set(shown)
    assert tab.evaluate("document.activeElement.id") == "ov-wgh-antwoord-titel"
    assert "Teststraat 1" in tab.locator("#ov-wgh-antwoord-titel").inner_text()  # the first, after Escape

    # The point is in the URL; the back button empties the page, forward brings the answer back.
    punt = parse_qs(urlsplit(tab.url).query)["punt"][0]
    lat, lon = (float(v) for v in punt.split(","))
    assert (round(lat, 6), round(lon, 6)) == point and all(len(v.split(".")[-1]) <= 6 for v in punt.split(","))
    tab.go_back()
    tab.wait_for_selector("[data-ov-antwoord]", state="hidden")
    tab.go_forward()
    # The answer is drawn again for the same point; checked in one step, as it may be redrawn.
    tab.wait_for_function(
        """punt => {
            const a = document.querySelector('[data-ov-antwoord]');
            if (!a) return false;
            const names = [...a.querySelectorAll('.ov-wgh__gebieden > li > a')].map(l => l.textContent);
            return !a.hidden && a.getAttribute('data-ov-punt') === punt
                && names.join('|') === 'Holtenbroek|Stadsring';
        }""",
        arg=punt,
        timeout=15000,
    )


def test_punt_in_the_url_opened_directly(tab, sample_url: str) -> None:  # noqa: ANN001
    lat, lon = innermost_point(REPO / "kaarten", "spoorzone")
    open_page(tab, f"{sample_url}wat-geldt-hier/?punt={lat},{lon}")
    tab.wait_for_selector(ANSWER)
    assert answer_links(tab, "Gebieden") == ["Spoorzone", "Centrum"]
    assert not [u for u in tab.foreign if u.startswith(PDOK)]


def test_points_outside_every_gebied_and_outside_the_gemeente(tab, sample_url: str) -> None:  # noqa: ANN001
    visie = load_visie(Layout(REPO)).visie
    union = unary_union(list(outlines(REPO / "kaarten").values()))
    data = json.loads((REPO / "kaarten/gebieden.geojson").read_text(encoding="utf-8"))
    west, south, east, north = unary_union([shape(f["geometry"]) for f in data["features"]]).bounds
    # Inside the area the maps cover, outside every gebied: a corner of the bounding box.
    corner = box(west, south, east, north).difference(union.buffer(0.002)).representative_point()
    open_page(tab, f"{sample_url}wat-geldt-hier/?punt={corner.y:.6f},{corner.x:.6f}")
    tab.wait_for_selector(ANSWER)
    answer = tab.locator("[data-ov-antwoord]").inner_text()
    assert "ligt in geen van de gebieden" in answer and "buiten de gemeente" not in answer
    assert answer_links(tab, "Gebieden") == []
    general = {k.titel for k in whole_gemeente_keuzes(visie)}
    assert set(answer_links(tab, "Keuzes")) - {k.titel for k in visie.kernopgaven} == general

    open_page(tab, f"{sample_url}wat-geldt-hier/?punt=50.85,5.69")  # Maastricht
    tab.wait_for_selector(ANSWER)
    answer = tab.locator("[data-ov-antwoord]").inner_text()
    assert "buiten de gemeente Zwolle" in answer and "Keuzes die hier gelden (0)" in answer


def test_a_click_on_the_map_answers_with_the_objects_nearby(tab, sample_url: str) -> None:  # noqa: ANN001
    routes = json.loads((REPO / "kaarten/verdichtingslocaties.geojson").read_text(encoding="utf-8"))["features"]
    target = routes[0]
    lon, lat = target["geometry"]["coordinates"]
    open_page(tab, f"{sample_url}wat-geldt-hier/?punt={lat + 0.001:.6f},{lon:.6f}")  # about 110 m north
    tab.wait_for_selector(ANSWER)
    layer = tab.locator(".ov-wgh__laag", has_text="Verdichtingslocaties")
    assert target["properties"]["naam"] in layer.inner_text()
    assert "meter" in layer.inner_text()
    # A click on the map: a new point, a new entry in the history.
    before = tab.url
    tab.locator("#ov-wgh-kaart").click(position={"x": 200, "y": 200})
    tab.wait_for_function("before => location.href !== before", arg=before)
    assert "punt=" in tab.url
    assert "het aangewezen punt" in tab.locator("#ov-wgh-antwoord-titel").inner_text()


def test_own_location_only_on_the_button(browser, sample_url: str) -> None:  # noqa: ANN001
    lat, lon = innermost_point(REPO / "kaarten", "zwolle-zuid")
    context = browser.new_context(
        locale="nl-NL", geolocation={"latitude": lat, "longitude": lon}, permissions=["geolocation"]
    )
    context.route("https://service.pdok.nl/**", lambda route: route.abort())
    tab = context.new_page()
    open_page(tab, sample_url + "wat-geldt-hier/")
    assert tab.locator("[data-ov-antwoord]").is_hidden()
    tab.get_by_role("button", name="Gebruik mijn locatie").click()
    tab.wait_for_selector(ANSWER)
    assert answer_links(tab, "Gebieden") == ["Zwolle-Zuid", "Stadsring"]
    assert "uw locatie" in tab.locator("#ov-wgh-antwoord-titel").inner_text()
    assert f"punt={lat},{lon}" in tab.url
    context.close()


def test_unreachable_pdok_says_so_in_dutch(tab, sample_url: str) -> None:  # noqa: ANN001
    pdok = Pdok(None, reachable=False)
    tab.context.route(f"{PDOK}**", pdok)
    open_page(tab, sample_url + "wat-geldt-hier/")
    tab.get_by_role("combobox").fill("Grote Markt 1")
    message = tab.locator(".ov-wgh__fout")
    message.wait_for()
    assert "de adreszoeker van PDOK is niet bereikbaar" in message.inner_text()
    assert pdok.requests and tab.locator(".ov-gebiedenlijst a").count() == 9


def test_without_javascript_the_gebieden_and_a_sentence_remain(browser, sample_url: str) -> None:  # noqa: ANN001
    context = browser.new_context(java_script_enabled=False, locale="nl-NL")
    tab = context.new_page()
    tab.goto(sample_url + "wat-geldt-hier/")
    assert "Zonder JavaScript kunt u hier geen adres zoeken" in tab.locator("[data-ov-zonder-script]").inner_text()
    assert not tab.get_by_role("combobox").is_visible()
    assert tab.locator(".ov-gebiedenlijst li li a", has_text="Holtenbroek").is_visible()
    context.close()


# --- adres_zoeken: geen, on another gemeente ------------------------------------------------------


@pytest.fixture(scope="module")
def without_address_search(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Build, str]]:
    project = make_project(
        tmp_path_factory.mktemp("geen-adressen"),
        FIXTURES / "andere-gemeente" / "visie",
        FIXTURES / "andere-gemeente" / "kaarten",
    )
    with (project / "visie/visie.yml").open("a", encoding="utf-8") as file:
        file.write("adres_zoeken: geen\n")
    build = run_build(project)
    assert build.returncode == 0, build.output
    server, url = serve_directory(build.site)
    yield build, url
    server.shutdown()


def test_geen_address_search_asks_nothing_of_pdok(tab, without_address_search) -> None:  # noqa: ANN001
    build, url = without_address_search
    kaarten = FIXTURES / "andere-gemeente" / "kaarten"
    visie = load_visie(Layout(build.project)).visie
    open_page(tab, url + "wat-geldt-hier/")
    assert tab.get_by_role("combobox").count() == 0
    lat, lon = innermost_point(kaarten, "haven")
    assert tab.locator("#ov-wgh-kaart").bounding_box()["height"] > 100
    open_page(tab, f"{url}wat-geldt-hier/?punt={lat},{lon}")
    tab.wait_for_selector(ANSWER)
    haven = visie.gebied("haven")
    expected = [haven.titel] + [visie.gebied(haven.onderdeel_van).titel] if haven.onderdeel_van else [haven.titel]
    assert answer_links(tab, "Gebieden") == expected
    tab.goto(url)
    assert tab.locator("form.ov-adres").count() == 0
    assert tab.foreign == []
    colofon = build.html("colofon/")
    assert "Wat geldt hier?" in colofon and "Locatieserver" not in colofon and "{{" not in colofon


def test_other_gemeente_with_address_search_has_its_own_data(other_build: Build) -> None:
    html = other_build.html("wat-geldt-hier/")
    assert 'role="combobox"' in html
    data = json.loads((other_build.site / "assets/omgevingsvisie/watgeldthier.json").read_text(encoding="utf-8"))
    assert data["gemeente"] == "Dijkwaarden" and data["achtergrond"] is None
    assert {g["id"] for g in data["gebieden"]} == {"dorpskernen", "uiterwaarden", "haven"}
    assert "Locatieserver van PDOK" in other_build.html("colofon/")


# --- accessibility --------------------------------------------------------------------------------


@pytest.mark.parametrize("width, height", [(1280, 900), (375, 740)])
def test_axe_finds_nothing_empty_and_answered(browser, sample_url: str, width: int, height: int) -> None:  # noqa: ANN001
    from axe_playwright_python.sync_playwright import Axe

    axe = Axe()
    context = browser.new_context(viewport={"width": width, "height": height}, locale="nl-NL")
    context.route("https://service.pdok.nl/**", lambda route: route.abort())
    context.route(f"{PDOK}**", Pdok(innermost_point(REPO / "kaarten", "stadshagen")))
    tab = context.new_page()
    options = {"runOnly": {"type": "tag", "values": WCAG_TAGS}, "resultTypes": ["violations"]}
    problems = []

    def check(state: str) -> None:
        # Showing the answer scrolls it into view, and Material's header then fades in the page
        # title: contrast is measured once that fade (which starts a frame later) has finished.
        tab.wait_for_timeout(100)
        tab.evaluate("Promise.all(document.getAnimations().map(a => a.finished))")
        for violation in axe.run(tab, options=options).response["violations"]:
            problems.extend(f"{state}: {violation['id']} {node['target']}" for node in violation["nodes"])

    open_page(tab, sample_url + "wat-geldt-hier/")
    check("leeg")
    tab.get_by_role("combobox").press_sequentially("Teststraat")
    tab.get_by_role("option").first.wait_for()
    tab.keyboard.press("ArrowDown")
    check("suggesties")
    tab.keyboard.press("Enter")
    tab.wait_for_selector(ANSWER)
    check("antwoord")
    context.close()
    assert problems == [], "\n".join(problems)


# --- the home page and gebied pages ---------------------------------------------------------------


def test_home_page_in_een_oogopslag(sample_build: Build) -> None:
    visie = load_visie(Layout(REPO)).visie
    html = sample_build.html("")
    overview, _, rest = html.partition('<div class="ov-home"')[2].partition("Zwolle staat er goed voor")
    assert rest, "the ambitie's own text follows the overview"
    assert "Status van de Omgevingsvisie Zwolle: <strong>Ontwerp</strong>" in overview
    for kernopgave in visie.kernopgaven:
        count = len(kernopgave.keuzes)
        assert re.search(
            # the card's colour is a class (kleuren.css), not a style attribute: the CSP forbids those
            rf'<li class="ov-opgavekaart ov-kleur-{kernopgave.kleur[1:].lower()}"><a href="kernopgaven/{kernopgave.id}/"'
            rf'[^>]*>[^<]+</a>.*?{count} keuzes</span>', overview
        ), kernopgave.id
    assert '<form class="ov-adres" action="wat-geldt-hier/" method="get"' in overview
    assert 'class="ov-kaart"' in overview  # the gebieden map with its text alternative


def test_the_home_address_field_opens_wat_geldt_hier_with_suggestions(tab, sample_url: str) -> None:  # noqa: ANN001
    pdok = Pdok(innermost_point(REPO / "kaarten", "stadshagen"))
    tab.context.route(f"{PDOK}**", pdok)
    tab.goto(sample_url)
    tab.get_by_role("searchbox", name="Adres of postcode met huisnummer").fill("Teststraat 1")
    tab.keyboard.press("Enter")
    tab.wait_for_url(re.compile(r"wat-geldt-hier/\?adres=Teststraat"))
    tab.get_by_role("option").first.wait_for()
    assert len(pdok.requests) == 1 and "q=Teststraat%201" in pdok.requests[0]
    tab.keyboard.press("Enter")
    tab.wait_for_selector(ANSWER)
    assert answer_links(tab, "Gebieden") == ["Stadshagen", "Stadsring"]
    assert "adres=" not in tab.url


def test_a_phone_reaches_a_gebieds_keuzes_in_two_taps(browser, sample_url: str) -> None:  # noqa: ANN001
    context = browser.new_context(viewport={"width": 375, "height": 740}, locale="nl-NL", has_touch=True)
    context.route("https://service.pdok.nl/**", lambda route: route.abort())
    tab = context.new_page()
    tab.goto(sample_url)
    tab.locator(".ov-home .ov-gebiedenlijst a", has_text="Zwolle-Zuid").tap()  # tap 1
    tab.wait_for_url(re.compile(r"gebieden/zwolle-zuid/#keuzes-voor-dit-gebied$"))
    heading = tab.locator("#keuzes-voor-dit-gebied")
    tab.wait_for_function("() => { const r = document.querySelector('#keuzes-voor-dit-gebied').getBoundingClientRect(); return r.top >= 0 && r.top < innerHeight; }")
    assert heading.is_visible()
    # The other way: the gebied page's first link jumps to its keuzes (tap 2 from the home page).
    tab.goto(sample_url + "gebieden/zwolle-zuid/")
    tab.locator("article a.ov-sprong").tap()
    tab.wait_for_function("() => location.hash === '#keuzes-voor-dit-gebied'")
    context.close()


def test_gebied_page_keuzes_before_the_map_text_and_only_touching_objects(sample_build: Build) -> None:
    html = sample_build.html("gebieden/holtenbroek/")
    keuzes = html.index('id="keuzes-voor-dit-gebied"')
    alternative = html.index('class="ov-kaart__tekst"')
    assert html.index('class="ov-sprong"') < keuzes < alternative
    assert 'href="../../keuzes/?gebied=holtenbroek">Bekijk alle keuzes voor Holtenbroek</a>' in html
    outline = outlines(REPO / "kaarten")["holtenbroek"]
    features = json.loads((REPO / "kaarten/waterberging.geojson").read_text(encoding="utf-8"))["features"]
    text = html[alternative:]
    names = [f["properties"]["naam"] for f in features]
    # Waterberging is in RD New; the reprojected outlines are in the built layer asset.
    built = json.loads((sample_build.site / "assets/kaarten/waterberging.geojson").read_text(encoding="utf-8"))["features"]
    touching = {f["properties"]["naam"] for f in built if shape(f["geometry"]).intersects(outline)}
    assert touching and touching != set(names)
    for name in names:
        assert (f"<li>{name}</li>" in text) == (name in touching), name


def test_bekijk_alle_keuzes_opens_the_filtered_list(tab, sample_url: str) -> None:  # noqa: ANN001
    tab.goto(sample_url + "gebieden/holtenbroek/")
    tab.get_by_role("link", name="Bekijk alle keuzes voor Holtenbroek").click()
    tab.wait_for_url(re.compile(r"keuzes/\?gebied=holtenbroek"))
    assert tab.get_by_label("Gebied", exact=True).input_value() == "holtenbroek"
    total = tab.locator("li.ov-keuzekaart").count()
    assert 0 < tab.locator("li.ov-keuzekaart:visible").count() < total


def test_privacy_sentence_names_pdok_and_when(sample_build: Build) -> None:
    colofon = sample_build.html("colofon/")
    assert "Pas als u daar begint te typen" in colofon and "Locatieserver van PDOK" in colofon


# --- hostile values ------------------------------------------------------------------------------

HOSTILE_NAME = "<img src=x onerror=window.ovXss=1>"
HOSTILE_FIELD = "<script>window.ovXss=2</script> & \"meer\""


def test_hostile_map_values_stay_text(browser, tmp_path: Path) -> None:  # noqa: ANN001
    root = write_mini_visie(tmp_path / "bron")
    with (root / "kaarten/lagen.yml").open("a", encoding="utf-8") as file:
        file.write(
            "  - id: punten\n"
            "    titel: \"Punten <b onmouseover=window.ovXss=3>vet</b>\"\n"
            "    bestand: punten.geojson\n"
            "    label: naam\n"
            "    velden:\n"
            "      omschrijving: \"<i>Toelichting</i>\"\n"
        )
    point = {"type": "Feature", "properties": {"naam": HOSTILE_NAME, "omschrijving": HOSTILE_FIELD},
             "geometry": {"type": "Point", "coordinates": [6.095, 52.51]}}
    (root / "kaarten/punten.geojson").write_text(json.dumps({"type": "FeatureCollection", "features": [point]}))
    build = run_build(make_project(tmp_path / "site", root / "visie", root / "kaarten"))
    assert build.returncode == 0, build.output
    server, url = serve_directory(build.site)
    context = browser.new_context(locale="nl-NL")
    tab = context.new_page()
    try:
        open_page(tab, f"{url}wat-geldt-hier/?punt=52.5101,6.0951")
        tab.wait_for_selector(ANSWER)
        assert answer_links(tab, "Gebieden") == ["Wijk", "Stad"]
        assert answer_links(tab, "Keuzes") == ["We bouwen in de wijk"]
        layer = tab.locator(".ov-wgh__laag")
        assert HOSTILE_NAME in layer.inner_text() and "<script>window.ovXss=2</script>" in layer.inner_text()
        assert "<i>Toelichting</i>" in layer.inner_text()
        tab.locator(".leaflet-control-layers").hover()
        assert "Punten <b onmouseover=window.ovXss=3>vet</b>" in tab.locator(".leaflet-control-layers").inner_text()
        tab.locator(".leaflet-control-layers label", has_text="Punten").hover()
        assert tab.evaluate("window.ovXss") is None
    finally:
        context.close()
        server.shutdown()
