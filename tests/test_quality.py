"""The quality gate over every built page: accessibility (axe-core, WCAG 2.x A and AA), valid HTML
(the Nu Html Checker), internal links and anchors that resolve, keyboard use, and no request to
any host but our own when the visie has no background map."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

import pytest
from conftest import REPO, Build, make_project, run_build, serve_directory
from playwright.sync_api import TimeoutError as PlaywrightTimeout

WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
VIEWPORTS = {"breed scherm": (1280, 900), "telefoon": (375, 740)}
# The Nu Html Checker comes from the npm package vnu-jar (README: `npm ci --ignore-scripts`).
VNU_JAR = Path(os.environ.get("VNU_JAR", REPO / "node_modules/vnu-jar/build/dist/vnu.jar"))


def built_pages(site: Path) -> list[str]:
    """Every HTML page of a built site, as the URL path a browser asks for."""
    pages = []
    for path in sorted(site.rglob("*.html")):
        rel = path.relative_to(site).as_posix()
        pages.append(rel.removesuffix("index.html"))
    return pages


# --- axe-core -------------------------------------------------------------------------------------


# Every map on the page is drawn by Leaflet (kaart.js marks it), or hidden with its text alternative.
# A function, not an expression: Playwright evaluates a bare expression with eval(), which the
# pages' Content-Security-Policy forbids.
MAPS_DRAWN = (
    "() => [...document.querySelectorAll('.ov-kaart__kaart')]"
    ".every(map => map.hidden || map.dataset.ovKaart === 'getekend')"
)


def show(tab, url: str) -> None:
    """Open a page and wait until it is complete as a reader sees it (quicker than network idle)."""
    tab.goto(url, wait_until="load")
    tab.wait_for_function(MAPS_DRAWN, timeout=15_000)


def settle(tab, seconds: float = 5) -> None:
    """Wait for network quiet, a bounded time: the request log, not this wait, is what is checked."""
    try:
        tab.wait_for_load_state("networkidle", timeout=seconds * 1000)
    except PlaywrightTimeout:
        pass


def offline(context, own_url: str) -> None:
    """Refuse every request to another host (the sample's PDOK background tiles): this machine has
    no internet, and a name look-up that times out would only slow the run down."""
    context.route(lambda url: not url.startswith(own_url), lambda route: route.abort())


def axe_violations(tab, axe) -> list[str]:
    # Contrast is measured as shown: let fades and slides (Material's search, drawer) finish first.
    tab.evaluate(
        "Promise.all(document.getAnimations().filter(a => a instanceof CSSTransition).map(a => a.finished))"
    )
    options = {"runOnly": {"type": "tag", "values": WCAG_TAGS}, "resultTypes": ["violations"]}
    results = axe.run(tab, options=options).response
    found = []
    for violation in results["violations"]:
        for node in violation["nodes"]:
            summary = " ".join(node.get("failureSummary", "").split())
            found.append(f"{violation['id']} ({violation['impact']}) {node['target']}: {summary}")
    return found


def test_axe_finds_no_wcag_violation_on_any_page(browser, sample_build: Build, sample_url: str) -> None:
    from axe_playwright_python.sync_playwright import Axe

    axe = Axe()
    pages = built_pages(sample_build.site)
    assert len(pages) >= 15, pages
    problems = []
    for name, (width, height) in VIEWPORTS.items():
        context = browser.new_context(viewport={"width": width, "height": height}, locale="nl-NL")
        offline(context, sample_url)
        tab = context.new_page()
        for url in pages:
            show(tab, sample_url + url)
            problems += [f"{url or '/'} ({name}): {v}" for v in axe_violations(tab, axe)]
        context.close()
    assert problems == [], "\n".join(problems)


def test_axe_finds_nothing_in_open_search_and_navigation(browser, sample_url: str) -> None:
    """What only shows after a click: the search results and, on a phone, the navigation drawer."""
    from axe_playwright_python.sync_playwright import Axe

    axe = Axe()
    context = browser.new_context(viewport={"width": 375, "height": 740}, locale="nl-NL")
    offline(context, sample_url)
    tab = context.new_page()
    show(tab, sample_url + "kernopgaven/wijken/")
    tab.locator("label.md-header__button[for='__drawer']").click()
    tab.locator(".md-sidebar--primary").wait_for(state="visible")
    problems = [f"navigatie: {v}" for v in axe_violations(tab, axe)]
    tab.keyboard.press("Escape")
    show(tab, sample_url)
    problems += [f"zoeken: {v}" for v in _axe_with_search_open(tab, axe)]
    context.close()
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="nl-NL")
    offline(context, sample_url)
    tab = context.new_page()
    show(tab, sample_url + "gebieden/stadsring/")
    problems += [f"zoeken (breed scherm): {v}" for v in _axe_with_search_open(tab, axe)]
    context.close()
    assert problems == [], "\n".join(problems)


def _axe_with_search_open(tab, axe) -> list[str]:
    tab.keyboard.press("/")  # the shortcut to the search field in the header
    tab.keyboard.type("wonen")
    tab.locator(".ov-zoek__resultaat").first.wait_for()
    tab.locator("select[name='gebied'] option:nth-child(2)").wait_for(state="attached")
    return axe_violations(tab, axe)


# --- keyboard -------------------------------------------------------------------------------------


def test_keyboard_reaches_content_first(page, sample_url: str) -> None:
    page.goto(sample_url + "gebieden/holtenbroek/", wait_until="networkidle")
    page.keyboard.press("Tab")
    skip = page.locator(":focus")
    assert "md-skip" in (skip.get_attribute("class") or "").split() and skip.is_visible()
    assert "inhoud" in skip.inner_text()
    target = (skip.get_attribute("href") or "#").split("#")[-1]
    page.keyboard.press("Enter")
    page.wait_for_function("hash => location.hash === hash", arg="#" + target)
    # The next Tab lands inside the article, past the header and navigation.
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.outerHTML.slice(0, 200)")
    assert page.evaluate("document.activeElement.closest('article') !== null"), focused


def test_keyboard_operates_the_keuze_filter(page, sample_url: str) -> None:
    page.goto(sample_url + "keuzes/", wait_until="networkidle")
    select = page.get_by_label("Rol van de gemeente")
    select.focus()
    total = page.locator("li.ov-keuzekaart").count()
    page.keyboard.press("ArrowDown")
    assert 0 < page.locator("li.ov-keuzekaart:visible").count() < total


def test_without_script_the_text_alternative_carries_the_map(browser, sample_url: str) -> None:
    context = browser.new_context(java_script_enabled=False, locale="nl-NL")
    tab = context.new_page()
    tab.goto(sample_url + "gebieden/holtenbroek/", wait_until="load")
    assert tab.locator(".ov-kaart__kaart").count() >= 1
    assert not tab.locator(".ov-kaart__kaart").first.is_visible()
    assert tab.locator(".ov-kaart__tekst").first.is_visible()
    context.close()


def test_a_map_keeps_its_place_before_materials_script_runs(browser, sample_url: str) -> None:
    """Material removes the class no-js only at the end of the page: a map hidden until then would
    appear after the first paint and push the text below it down (Lighthouse: layout shift 0.3)."""
    context = browser.new_context(viewport={"width": 412, "height": 823}, locale="nl-NL")
    offline(context, sample_url)
    context.route(re.compile(r".*/assets/javascripts/bundle\.[0-9a-f]+\.min\.js$"), lambda route: route.abort())
    tab = context.new_page()
    tab.goto(sample_url + "gebieden/holtenbroek/", wait_until="domcontentloaded")
    assert tab.evaluate("document.documentElement.classList.contains('no-js')")
    box = tab.locator(".ov-kaart__kaart").first.bounding_box()
    context.close()
    assert box is not None and box["height"] > 100, box


# --- the Nu Html Checker --------------------------------------------------------------------------


def test_every_page_is_valid_html(sample_build: Build, other_build: Build) -> None:
    assert VNU_JAR.is_file(), (
        f"{VNU_JAR} ontbreekt: installeer de Nu Html Checker met `npm ci --ignore-scripts` (zie README)"
    )
    assert shutil.which("java"), "java ontbreekt: installeer `default-jre-headless` (zie README)"
    # One JVM for all pages of both builds: starting Java costs more than checking a page.
    files = sorted(str(p) for build in (sample_build, other_build) for p in build.site.rglob("*.html"))
    result = subprocess.run(
        ["java", "-Xss4m", "-jar", str(VNU_JAR), "--errors-only", "--format", "json", *files],
        capture_output=True,
        text=True,
        timeout=300,
    )
    messages = json.loads(result.stderr or result.stdout or '{"messages": []}')["messages"]
    errors = [
        f"{unquote(urlsplit(m.get('url', '')).path)}"
        f":{m.get('lastLine', '?')}: {m.get('message')} — {' '.join(m.get('extract', '').split())[:120]}"
        for m in messages
        if m.get("type") in ("error", "non-document-error")
    ]
    assert errors == [], "\n".join(errors)
    assert result.returncode == 0, result.stdout + result.stderr


def test_every_page_has_a_description_and_a_named_search(sample_build: Build) -> None:
    """What Lighthouse asks beyond WCAG: a meta description (SEO) and a name for the search dialog."""
    missing = []
    for path in sorted(sample_build.site.rglob("*.html")):
        page = path.read_text(encoding="utf-8")
        if path.name != "404.html" and not re.search(r'<meta name="description" content="[^"{]{20,}"', page):
            missing.append(f"{path.relative_to(sample_build.site)}: geen beschrijving")
        if re.search(r'role="dialog"(?![^>]*aria-label)', page):
            missing.append(f"{path.relative_to(sample_build.site)}: dialoog zonder naam")
    assert missing == []


# --- internal links and anchors -------------------------------------------------------------------


@dataclass
class _Parsed:
    ids: set[str] = field(default_factory=set)
    links: list[tuple[str, str]] = field(default_factory=list)  # (attribute, value)


class _LinkParser(HTMLParser):
    LINKING = {"href", "src", "poster", "data-src"}

    def __init__(self) -> None:
        super().__init__()
        self.parsed = _Parsed()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if value is None:
                continue
            if name in ("id", "name") and (name == "id" or tag == "a"):
                self.parsed.ids.add(value)
            elif name in self.LINKING:
                self.parsed.links.append((f"{tag}[{name}]", value))
            elif name == "srcset":
                for candidate in value.split(","):
                    if candidate.strip():
                        self.parsed.links.append((f"{tag}[srcset]", candidate.split()[0]))


def parse_site(site: Path) -> dict[str, _Parsed]:
    parsed = {}
    for path in site.rglob("*.html"):
        parser = _LinkParser()
        parser.feed(path.read_text(encoding="utf-8"))
        parsed[path.relative_to(site).as_posix()] = parser.parsed
    return parsed


def resolve(site: Path, base: str, link: str) -> tuple[Path, str] | None:
    """The file and fragment an internal link points at; None for another host or scheme."""
    target = urljoin("http://site.invalid/" + base, link)
    parts = urlsplit(target)
    if parts.scheme != "http" or parts.netloc != "site.invalid":
        return None
    path = site / unquote(parts.path).lstrip("/")
    if parts.path.endswith("/"):
        path = path / "index.html"
    return path, unquote(parts.fragment)


def broken_links(site: Path) -> list[str]:
    pages = parse_site(site)
    broken = []
    for page, parsed in sorted(pages.items()):
        for attribute, link in parsed.links:
            if link.startswith(("mailto:", "tel:", "data:", "javascript:")):
                continue
            resolved = resolve(site, page, link)
            if resolved is None:
                continue
            path, fragment = resolved
            if not path.is_file():
                broken.append(f"{page}: {attribute}={link!r}: {path.relative_to(site)} bestaat niet")
                continue
            rel = path.relative_to(site).as_posix()
            if fragment and rel in pages and fragment not in pages[rel].ids:
                broken.append(f"{page}: {attribute}={link!r}: geen id {fragment!r} in {rel}")
    return broken


def test_every_internal_link_and_anchor_resolves(sample_build: Build) -> None:
    assert broken_links(sample_build.site) == []


def test_other_gemeente_links_and_anchors_resolve(other_build: Build) -> None:
    assert broken_links(other_build.site) == []


def test_link_check_finds_a_missing_page_and_anchor(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "a/index.html").write_text(
        '<p id="hier"><a href="../b/">b</a> <a href="#daar">daar</a> <a href="#hier">hier</a>'
        ' <a href="https://example.org/">extern</a> <img src="../plaatje.png" alt=""></p>'
    )
    assert broken_links(tmp_path) == [
        "a/index.html: a[href]='../b/': b/index.html bestaat niet",
        "a/index.html: a[href]='#daar': geen id 'daar' in a/index.html",
        "a/index.html: img[src]='../plaatje.png': plaatje.png bestaat niet",
    ]


# --- no third parties -----------------------------------------------------------------------------


@pytest.fixture(scope="session")
def build_without_background(tmp_path_factory: pytest.TempPathFactory) -> Build:
    project = make_project(tmp_path_factory.mktemp("zonder-achtergrond"))
    lagen = project / "kaarten/lagen.yml"
    text, count = re.subn(r"(?m)^achtergrond:.*$", "achtergrond: geen", lagen.read_text(encoding="utf-8"))
    lagen.write_text(text if count else "achtergrond: geen\n" + text, encoding="utf-8")
    build = run_build(project)
    assert build.returncode == 0, build.output
    return build


def test_no_request_leaves_the_site_without_background_map(page, build_without_background: Build) -> None:
    server, url = serve_directory(build_without_background.site)
    try:
        for path in built_pages(build_without_background.site):
            show(page, url + path)
            if page.locator(".ov-kaart__kaart").count():
                settle(page)  # whatever a drawn map may still ask for
        show(page, url)
        page.keyboard.press("/")
        page.keyboard.type("water")
        page.locator(".ov-zoek__resultaat").first.wait_for()
    finally:
        server.shutdown()
    assert any("/zoeken/termen/" in u for u in page.requests.urls)  # the search did ask its own index
    assert page.requests.foreign(url) == []


# --- the toegankelijkheidsverklaring --------------------------------------------------------------


def test_accessibility_statement_is_filled_in_and_linked_from_every_page(sample_build: Build) -> None:
    html = sample_build.html("toegankelijkheid/")
    assert re.search(r"<h1[^>]*>Toegankelijkheid", html)
    assert "De gemeente Zwolle wil dat iedereen de Omgevingsvisie Zwolle" in html and "{{" not in html
    for required in ("Besluit", "EN 301 549", "WCAG", "axe-core", "Nationale ombudsman", "In te vullen"):
        assert required in html, required
    statement = sample_build.site / "toegankelijkheid/index.html"
    for path in sorted(sample_build.site.rglob("*.html")):
        footer = path.read_text(encoding="utf-8").split('<div class="md-copyright">', 1)[-1].split("</div>", 1)[0]
        page = path.relative_to(sample_build.site).as_posix()
        targets = [resolve(sample_build.site, page, href) for href in re.findall(r'href="([^"]*)"', footer)]
        assert (statement, "") in targets, page
