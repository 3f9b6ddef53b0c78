"""Maps (issue 4): Leaflet maps built with folium, self-hosted, tested on real builds in Chromium."""

from __future__ import annotations

import gzip
import json
import re
import shutil
from pathlib import Path
from typing import Iterator

import pytest

from conftest import EMPTY_TILE, TILE_HOST, Build, make_project, run_build, serve_directory

MARKUP_NAME = "<img src=x onerror=window.__xss=1>"
MARKUP_TEXT = "<script>window.__xss=2</script>"
MARKUP_TITLE = "Verdichting <i>locaties</i>"
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]


# --- helpers ----------------------------------------------------------------------------------


def wait_for_maps(tab) -> int:
    """Wait until every map on the page has all its layers and shapes; return how many there are."""
    tab.wait_for_function(
        """() => {
            const maps = [...document.querySelectorAll('.ov-kaart__kaart')];
            return maps.length > 0 && maps.every(m =>
                m.dataset.ovKaart === 'getekend' && m.querySelector('.leaflet-overlay-pane path'));
        }""",
        timeout=15000,
    )
    return tab.locator(".ov-kaart__kaart").count()


def settle(tab) -> None:
    """Let fades (Leaflet's popup, Material's search) finish, so contrast is measured as shown."""
    tab.evaluate("Promise.all(document.getAnimations().map(a => a.finished))")
    tab.wait_for_timeout(250)  # Leaflet fades popups with a CSS transition it starts a frame later


def point_on_feature(tab, map_id: str, key: str, value: str) -> dict[str, float]:
    """A point in the viewport where a click lands on the feature whose ``key`` is ``value``."""
    tab.evaluate(
        """async (mapId) => {
            document.getElementById(mapId).scrollIntoView({block: 'center', behavior: 'instant'});
            await new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)));
        }""",
        map_id,
    )
    found = tab.evaluate(
        """([mapId, key, value]) => {
            const container = document.getElementById(mapId);
            let target = null;
            container.ovKaart.eachLayer(layer => {
                const props = layer.feature && layer.feature.properties;
                if (props && props[key] === value && layer._path) target = layer._path;
            });
            if (!target) return null;
            const box = target.getBoundingClientRect();
            for (let y = box.top + 2; y < box.bottom; y += 3) {
                for (let x = box.left + 2; x < box.right; x += 3) {
                    if (document.elementFromPoint(x, y) === target) return {x, y};
                }
            }
            return null;
        }""",
        [map_id, key, value],
    )
    assert found, f"no visible spot on {key}={value} in {map_id}"
    return found


def path_count(tab, map_id: str, colour: str) -> int:
    return tab.locator(f"#{map_id} .leaflet-overlay-pane path[stroke='{colour}'], "
                       f"#{map_id} .leaflet-overlay-pane path[fill='{colour}']").count()


def new_tab(browser, **options):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="nl-NL", **options)
    context.route(f"{TILE_HOST}**", lambda route: route.fulfill(status=200, content_type="image/png", body=EMPTY_TILE))
    tab = context.new_page()
    tab.requests = []
    tab.on("request", lambda request: tab.requests.append(request.url))
    errors: list[str] = []
    tab.on("pageerror", lambda error: errors.append(str(error)))
    tab.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    tab.errors = errors
    return context, tab


@pytest.fixture(scope="module")
def variant(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Build, str]]:
    """The sample with markup in feature properties and a layer title, a map in a content tab, and
    a site_url: Material's instant navigation only takes over links its sitemap lists, matched
    on host and port, so the site is built for the address it is served from."""
    project = make_project(tmp_path_factory.mktemp("kaart-variant"))
    server, url = serve_directory(project / "site")
    points = project / "kaarten" / "verdichtingslocaties.geojson"
    data = json.loads(points.read_text(encoding="utf-8"))
    data["features"][0]["properties"]["naam"] = MARKUP_NAME
    data["features"][0]["properties"]["omschrijving"] = MARKUP_TEXT
    points.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    lagen = project / "kaarten" / "lagen.yml"
    text = lagen.read_text(encoding="utf-8")
    assert "titel: Verdichtingslocaties" in text
    lagen.write_text(text.replace("titel: Verdichtingslocaties", f'titel: "{MARKUP_TITLE}"'), encoding="utf-8")
    chapter = project / "visie" / "samen-uitvoeren.md"
    chapter.write_text(
        chapter.read_text(encoding="utf-8")
        + "\n\n## Kaart in tabbladen\n\n"
        "//// tab | Tekst\n\nEerst tekst, de kaart staat in het tweede tabblad.\n\n////\n\n"
        "//// tab | Kaart\n\n/// kaart | Groen in een tabblad\n    lagen: [groenstructuur]\n"
        "    gebied: stadsring\n///\n\n////\n",
        encoding="utf-8",
    )
    build = run_build(project, site_url=url)
    assert build.returncode == 0, build.output
    yield build, url
    server.shutdown()


@pytest.fixture(scope="module")
def variant_url(variant: tuple[Build, str]) -> str:
    return variant[1]


@pytest.fixture(scope="module")
def geen_build(tmp_path_factory: pytest.TempPathFactory) -> Build:
    project = make_project(tmp_path_factory.mktemp("kaart-geen"))
    lagen = project / "kaarten" / "lagen.yml"
    text = lagen.read_text(encoding="utf-8")
    assert "achtergrond: pdok-brt" in text
    lagen.write_text(text.replace("achtergrond: pdok-brt", "achtergrond: geen"), encoding="utf-8")
    build = run_build(project)
    assert build.returncode == 0, build.output
    return build


# --- the built site ---------------------------------------------------------------------------


def test_leaflet_and_layers_are_site_assets(sample_build: Build) -> None:
    from xstatic.pkg import leaflet

    site = sample_build.site
    installed = Path(leaflet.BASE_DIR)
    for name in ("leaflet.js", "leaflet.css", "images/layers.png", "images/marker-icon.png"):
        assert (site / "assets/leaflet" / name).read_bytes() == (installed / name).read_bytes(), name
    layers = sorted(p.stem for p in (site / "assets/kaarten").glob("*.geojson"))
    assert layers == ["fietsroutes", "gebieden", "groenstructuur", "verdichtingslocaties", "waterberging"]
    for path in (site / "assets/kaarten").glob("*.geojson"):
        text = path.read_text(encoding="utf-8")
        data = json.loads(text)
        assert data["type"] == "FeatureCollection" and data["features"]
        decimals = [len(m) for m in re.findall(r"-?\d+\.(\d+)", json.dumps([f["geometry"] for f in data["features"]]))]
        assert max(decimals) <= 6, path.name
    # waterberging.geojson is in RD New in kaarten/: the asset is WGS84
    water = json.loads((site / "assets/kaarten/waterberging.geojson").read_text(encoding="utf-8"))
    x, y = water["features"][0]["geometry"]["coordinates"][0][0]
    assert 3 < x < 8 and 50 < y < 54


def test_pages_embed_no_data_and_no_third_party_assets(sample_build: Build) -> None:
    site = sample_build.site
    pages = list(site.rglob("*.html"))
    with_map = 0
    for path in pages:
        html = path.read_text(encoding="utf-8")
        assert "FeatureCollection" not in html, f"inline GeoJSON in {path}"
        assert "user-scalable=no" not in html
        for forbidden in ("jquery", "bootstrap", "cdn.", "unpkg", "font-awesome", "fontawesome", "glyphicons"):
            assert forbidden not in html.lower(), f"{forbidden} in {path}"
        for script in re.findall(r"<script>(.*?)</script>", html, flags=re.S):
            for url in re.findall(r"https?://[^\s\"'<>]+", script):
                assert url.startswith(TILE_HOST + "brt/achtergrondkaart/wmts/v2_0/standaard/EPSG:3857/"), url
        with_map += 'class="ov-kaart__kaart' in html
    assert with_map >= 14  # every gebied page, every kernopgave page with a map, the Kaart page
    own = site / "assets/omgevingsvisie"
    for name in ("kaart.js", "kaart.css"):
        assert not re.search(r"https?://", (own / name).read_text(encoding="utf-8")), name
    assert "innerHTML" not in (own / "kaart.js").read_text(encoding="utf-8")


def test_kaart_page_is_in_the_overzichten(sample_build: Build) -> None:
    html = sample_build.html("kaart/")
    assert re.search(r'<h1 id="kaart">Kaart\b', html)
    assert 'class="ov-kaart__kaart ov-kaart__kaart--groot"' in html
    # The menu is pruned to its open part: read the Overzichten group on a page inside it.
    nav = re.sub(r"\s+", " ", sample_build.html("keuzes/"))
    group = nav[nav.index("Overzichten </"):]
    assert re.search(r'href="../kaart/"[^>]*> <span class="md-ellipsis"> Kaart </span>', group[:4000]), group[:4000]


def test_geometry_is_simplified_where_it_saves_size() -> None:
    from omgevingsvisie.kaartdata import simplify_geometry

    # 201 points on a straight line with sub-metre wobble: the ends are enough.
    line = {"type": "LineString", "coordinates": [[6.0 + i * 0.0001, 52.5 + (0.000001 if i % 2 else 0)] for i in range(201)]}
    simplified = simplify_geometry(line)
    assert len(simplified["coordinates"]) == 2
    assert simplified["coordinates"][0] == [6.0, 52.5]
    ring = [[6.0, 52.5], [6.01, 52.5], [6.01, 52.51], [6.005, 52.510001], [6.0, 52.51], [6.0, 52.5]]
    polygon = simplify_geometry({"type": "Polygon", "coordinates": [ring]})
    assert len(polygon["coordinates"][0]) == 5
    point = {"type": "Point", "coordinates": [6.1, 52.5]}
    assert simplify_geometry(point) is point
    corners = {"type": "LineString", "coordinates": [[6.0, 52.5], [6.01, 52.5], [6.01, 52.51]]}
    assert simplify_geometry(corners) is corners


# --- in Chromium ------------------------------------------------------------------------------


def test_gebied_page_draws_its_outline(page, sample_url: str) -> None:
    page.goto(sample_url + "gebieden/centrum/")
    assert wait_for_maps(page) == 1
    region = page.get_by_role("region", name="Ligging van Centrum (indicatief)")
    assert region.is_visible()
    assert page.locator("#ov_kaart_1 .leaflet-overlay-pane svg path").count() >= 1
    assert page.locator("#ov_kaart_1 .leaflet-control-zoom-in").get_attribute("title") == "Inzoomen"
    assert page.locator("#ov_kaart_1 .leaflet-control-zoom-out").get_attribute("title") == "Uitzoomen"
    assert "Kaartgegevens © Kadaster" in page.locator("#ov_kaart_1 .leaflet-control-attribution").inner_text()
    assert page.locator("#ov_kaart_1 .leaflet-tile").count() > 0
    page.wait_for_load_state("networkidle")
    own = [u for u in page.requests.urls if u.startswith(sample_url)]
    assert any(u.endswith("assets/leaflet/leaflet.js") for u in own)
    assert any("assets/kaarten/gebieden.geojson" in u for u in own)
    foreign = page.requests.foreign(sample_url)
    assert foreign and all(u.startswith(TILE_HOST + "brt/achtergrondkaart/") for u in foreign), foreign
    # the text alternative stays on the page
    assert page.locator(".ov-kaart__tekst").first.is_visible()


def test_every_map_of_a_kernopgave_draws(page, sample_url: str, sample_build: Build) -> None:
    page.goto(sample_url + "kernopgaven/klimaat-energie/")
    count = wait_for_maps(page)
    figures = re.findall(r'<figure [^>]*class="ov-kaart"', sample_build.html("kernopgaven/klimaat-energie/"))
    assert count == len(figures) >= 3
    # the kaart block with `gebied: buitengebied` marks it: one emphasised outline on top
    block = page.locator(".ov-kaart", has_text="Water en groen langs IJssel en Vecht").locator(".ov-kaart__kaart")
    assert block.locator("path[stroke-width='4']").count() == 1


def test_kaart_page_switches_layers_and_has_a_legend(page, sample_url: str) -> None:
    page.goto(sample_url + "kaart/")
    assert wait_for_maps(page) == 1
    control = page.locator("#ov_kaart_1 .leaflet-control-layers")
    assert control.is_visible()
    labels = [" ".join(t.split()) for t in control.locator("label").all_inner_texts()]
    assert labels == ["Gebiedsindeling (indicatief)", "Groenstructuur", "Waterberging", "Verdichtingslocaties", "Fietsroutes"]
    swatches = control.locator(".ov-legenda")
    assert swatches.count() == 5
    # the swatch takes the layer's colour from a class (no style attribute: the CSP forbids it)
    assert swatches.nth(4).get_attribute("style") is None
    assert swatches.nth(4).evaluate("e => getComputedStyle(e).backgroundColor") == "rgb(230, 81, 0)"
    fietsroutes = page.get_by_role("checkbox", name="Fietsroutes")
    page.wait_for_function("() => document.querySelectorAll(\"#ov_kaart_1 path[stroke='#e65100']\").length > 0")
    before = path_count(page, "ov_kaart_1", "#e65100")
    assert fietsroutes.is_checked() and before > 0
    fietsroutes.uncheck()
    assert path_count(page, "ov_kaart_1", "#e65100") == 0
    assert path_count(page, "ov_kaart_1", "#2e7d32") > 0  # the others stay
    fietsroutes.check()
    assert path_count(page, "ov_kaart_1", "#e65100") == before


def test_clicking_a_gebied_opens_its_name_and_link(page, sample_url: str) -> None:
    page.goto(sample_url + "kaart/")
    wait_for_maps(page)
    spot = point_on_feature(page, "ov_kaart_1", "gebied", "stadshagen")
    page.mouse.click(spot["x"], spot["y"])
    popup = page.locator("#ov_kaart_1 .leaflet-popup-content")
    popup.wait_for()
    assert popup.locator(".ov-kaart__popup-titel").inner_text() == "Stadshagen"
    link = popup.get_by_role("link", name="Naar de pagina over Stadshagen")
    assert link.get_attribute("href") == sample_url + "gebieden/stadshagen/"
    assert page.locator("#ov_kaart_1 .leaflet-popup-close-button").get_attribute("aria-label") == "Sluiten"
    link.click()
    page.wait_for_url("**/gebieden/stadshagen/")
    assert page.get_by_role("region", name="Ligging van Stadshagen (indicatief)").is_visible()
    wait_for_maps(page)


def test_clicking_a_point_shows_its_velden(page, sample_url: str) -> None:
    page.goto(sample_url + "kaart/")
    wait_for_maps(page)
    spot = point_on_feature(page, "ov_kaart_1", "naam", "Voorsterpoort")
    page.mouse.click(spot["x"], spot["y"])
    popup = page.locator("#ov_kaart_1 .leaflet-popup-content")
    popup.wait_for()
    assert popup.locator(".ov-kaart__popup-titel").inner_text() == "Voorsterpoort"
    terms = popup.locator("dt").all_inner_texts()
    assert terms == ["Toelichting", "Omvang (indicatief)"]
    assert popup.locator("dd").nth(1).inner_text() == "circa 1.500 woningen"


def test_markup_in_properties_shows_as_text(browser, variant_url: str) -> None:
    context, tab = new_tab(browser)
    tab.goto(variant_url + "kaart/")
    wait_for_maps(tab)
    label = tab.locator("#ov_kaart_1 .leaflet-control-layers label").nth(3)
    assert " ".join(label.inner_text().split()) == MARKUP_TITLE
    assert label.locator("i").count() == 0
    spot = point_on_feature(tab, "ov_kaart_1", "naam", MARKUP_NAME)
    tab.mouse.click(spot["x"], spot["y"])
    popup = tab.locator("#ov_kaart_1 .leaflet-popup-content")
    popup.wait_for()
    assert popup.locator(".ov-kaart__popup-titel").inner_text() == MARKUP_NAME
    assert MARKUP_TEXT in popup.inner_text()
    assert popup.locator("img, script").count() == 0
    assert MARKUP_NAME in tab.locator(".ov-kaart__tekst").inner_text()  # the text alternative too
    tab.wait_for_timeout(300)
    assert tab.evaluate("window.__xss") is None
    assert tab.errors == []
    context.close()


def test_no_background_contacts_no_server(browser, geen_build: Build) -> None:
    for path in geen_build.site.rglob("*.html"):
        assert "service.pdok.nl" not in path.read_text(encoding="utf-8"), path
    server, url = serve_directory(geen_build.site)
    try:
        context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="nl-NL")
        tab = context.new_page()
        requests: list[str] = []
        tab.on("request", lambda request: requests.append(request.url))
        for target in ("gebieden/stadsring/", "kaart/", "kernopgaven/stedelijkheid/"):
            tab.goto(url + target)
            wait_for_maps(tab)
            tab.wait_for_load_state("networkidle")
            assert tab.locator(".leaflet-tile").count() == 0
        assert requests and all(u.startswith(url) or u.startswith("data:") for u in requests), [
            u for u in requests if not u.startswith(url)
        ]
        context.close()
    finally:
        server.shutdown()


def test_maps_draw_after_instant_navigation(browser, variant_url: str) -> None:
    context, page = new_tab(browser)
    page.goto(variant_url + "gebieden/centrum/")
    wait_for_maps(page)
    page.evaluate("window.__zelfdeDocument = true")
    page.locator(".md-sidebar--primary").get_by_role("link", name="Spoorzone", exact=True).click()
    page.wait_for_url("**/gebieden/spoorzone/")
    page.locator("h1", has_text="Spoorzone").wait_for()
    assert wait_for_maps(page) == 1
    assert page.evaluate("window.__zelfdeDocument") is True  # no full page load: instant navigation
    assert page.get_by_role("region", name="Ligging van Spoorzone (indicatief)").is_visible()
    assert page.locator(".leaflet-container").count() == 1  # the previous page's map is gone
    page.go_back()
    page.wait_for_url("**/gebieden/centrum/")
    page.locator("h1", has_text="Centrum").wait_for()
    wait_for_maps(page)
    assert page.get_by_role("region", name="Ligging van Centrum (indicatief)").is_visible()
    # from the Kaart page, through a gebied's popup, to that gebied's page
    page.goto(variant_url + "kaart/")
    wait_for_maps(page)
    page.evaluate("window.__zelfdeDocument = true")
    spot = point_on_feature(page, "ov_kaart_1", "gebied", "holtenbroek")
    page.mouse.click(spot["x"], spot["y"])
    page.get_by_role("link", name="Naar de pagina over Holtenbroek").click()
    page.wait_for_url("**/gebieden/holtenbroek/")
    page.locator("h1", has_text="Holtenbroek").wait_for()
    assert wait_for_maps(page) == 1
    assert page.evaluate("window.__zelfdeDocument") is True
    assert page.locator(".leaflet-container").count() == 1
    assert page.errors == []
    context.close()


def test_map_in_a_content_tab_draws_when_shown(browser, variant_url: str) -> None:
    context, tab = new_tab(browser)
    tab.goto(variant_url + "samen-uitvoeren/")
    wait_for_maps(tab)
    kaart = tab.locator(".tabbed-block .ov-kaart__kaart")
    assert kaart.count() == 1 and not kaart.is_visible()
    tab.locator(".tabbed-labels label", has_text="Kaart").click()
    assert kaart.is_visible()
    # the map takes its real size and fits its gebied once the tab shows
    tab.wait_for_function(
        """() => {
            const c = document.querySelector('.tabbed-block .ov-kaart__kaart');
            const size = c.ovKaart.getSize();
            return size.x === c.clientWidth && size.y === c.clientHeight && c.ovKaart.getZoom() >= 11;
        }"""
    )
    box = kaart.bounding_box()
    outline = kaart.locator("path[stroke-width='4']").bounding_box()
    assert box and outline and outline["width"] > box["width"] / 3
    assert tab.errors == []
    context.close()


def test_print_shows_the_text_alternative(page, sample_url: str) -> None:
    page.goto(sample_url + "gebieden/centrum/")
    wait_for_maps(page)
    page.emulate_media(media="print")
    assert not page.locator(".ov-kaart__kaart").is_visible()
    assert page.locator(".ov-kaart__tekst").is_visible()
    page.emulate_media(media="screen")
    assert page.locator(".ov-kaart__kaart").is_visible()


def test_maps_pass_axe_and_the_keyboard(page, sample_url: str) -> None:
    from axe_playwright_python.sync_playwright import Axe

    axe = Axe()
    options = {"runOnly": {"type": "tag", "values": WCAG_TAGS}, "resultTypes": ["violations"]}
    problems = []
    for target in ("gebieden/centrum/", "kaart/", "kernopgaven/stedelijkheid/"):
        page.goto(sample_url + target)
        wait_for_maps(page)
        page.wait_for_load_state("networkidle")
        if target == "kaart/":
            spot = point_on_feature(page, "ov_kaart_1", "gebied", "stadshagen")
            page.mouse.click(spot["x"], spot["y"])
            page.locator(".leaflet-popup-content").wait_for()
        settle(page)
        for violation in axe.run(page, options=options).response["violations"]:
            problems += [f"{target}: {violation['id']} {node['target']}" for node in violation["nodes"]]
    assert problems == [], "\n".join(problems)

    # Tab reaches the map and moves on past it: no keyboard trap.
    page.goto(sample_url + "gebieden/centrum/")
    wait_for_maps(page)
    page.locator("h1").click()
    seen_inside = False
    for _ in range(60):
        page.keyboard.press("Tab")
        where = page.evaluate(
            """() => {
                const map = document.getElementById('ov_kaart_1');
                const active = document.activeElement;
                if (map.contains(active)) return 'in';
                return map.compareDocumentPosition(active) & Node.DOCUMENT_POSITION_FOLLOWING ? 'after' : 'before';
            }"""
        )
        if where == "in":
            seen_inside = True
        elif where == "after" and seen_inside:
            break
    else:
        pytest.fail("Tab never left the map")
    assert seen_inside


def test_one_finger_scrolls_the_page_on_a_phone(browser, sample_url: str) -> None:
    context = browser.new_context(
        viewport={"width": 375, "height": 740}, is_mobile=True, has_touch=True, locale="nl-NL",
        user_agent="Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) "
        "Chrome/130.0 Mobile Safari/537.36",
    )
    context.route(f"{TILE_HOST}**", lambda route: route.fulfill(status=200, content_type="image/png", body=EMPTY_TILE))
    tab = context.new_page()
    tab.goto(sample_url + "gebieden/centrum/")
    wait_for_maps(tab)
    state = tab.evaluate(
        """() => {
            const c = document.getElementById('ov_kaart_1');
            return {mobile: L.Browser.mobile, dragging: c.ovKaart.dragging.enabled(),
                    wheel: c.ovKaart.scrollWheelZoom.enabled(), touchAction: getComputedStyle(c).touchAction};
        }"""
    )
    assert state["mobile"] is True
    assert state["dragging"] is False and state["wheel"] is False
    assert "pan-y" in state["touchAction"]
    context.close()


# --- weight -----------------------------------------------------------------------------------


def gzip_bytes(site: Path, base: str, urls: list[str]) -> dict[str, int]:
    sizes = {}
    for url in dict.fromkeys(urls):
        if not url.startswith(base):
            continue
        path = url[len(base):].split("?")[0].split("#")[0]
        target = site / path
        if path == "" or path.endswith("/"):
            target = target / "index.html"
        if target.is_file():
            sizes[path or "/"] = len(gzip.compress(target.read_bytes(), compresslevel=6))
    return sizes


def measure(browser, site: Path, page_path: str) -> dict[str, int]:
    server, url = serve_directory(site)
    try:
        context, tab = new_tab(browser)
        tab.goto(url + page_path, wait_until="networkidle")
        if tab.locator(".ov-kaart__kaart").count():
            wait_for_maps(tab)
            tab.wait_for_load_state("networkidle")
        sizes = gzip_bytes(site, url, tab.requests)
        context.close()
        return sizes
    finally:
        server.shutdown()


def test_weight_of_a_map(browser, sample_build: Build, tmp_path: Path) -> None:
    """Bytes (gzip, without tiles) of a gebied page with its map against the same page without."""
    page_path = "gebieden/centrum/"
    with_map = measure(browser, sample_build.site, page_path)
    plain = tmp_path / "site"
    shutil.copytree(sample_build.site, plain)
    html_path = plain / page_path / "index.html"
    html = html_path.read_text(encoding="utf-8")
    stripped, removed = re.subn(r'<div id="ov_kaart_\d+" class="ov-kaart__kaart[^"]*"[^>]*></div>', "", html)
    assert removed == 1
    html_path.write_text(stripped, encoding="utf-8")
    without = measure(browser, plain, page_path)
    extra = sum(with_map.values()) - sum(without.values())
    report = {
        "met kaart": sum(with_map.values()),
        "zonder kaart": sum(without.values()),
        "verschil": extra,
        "alleen met kaart": {k: v for k, v in with_map.items() if k not in without},
        "html met kaart": with_map[page_path],
        "html zonder kaart": without[page_path],
    }
    print(json.dumps(report, indent=2))
    assert not any(k.startswith("assets/leaflet") or k.startswith("assets/kaarten") for k in without)
    # Leaflet (about 40 KB gzip) is most of it; the page's own data and script stay small.
    assert extra < 60_000, report
    assert with_map[page_path] - without[page_path] < 2_000, report
