"""Markup in structured fields stays text: a hostile visie, built once, opened in Chromium.

Every structured value (visie.yml, front matter titel and kort, keuze and kaart titles, lagen.yml,
GeoJSON properties) holds script payloads. Each payload calls ``alert`` with its own number, so a
dialog says which field and which kind of payload got through.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from conftest import FIXTURES, Build, make_project, run_build, serve_directory

FIELDS = (
    "visie-gemeente", "visie-titel", "visie-versie",
    "ambitie-titel", "kernopgave-titel", "kernopgave-kort", "gebied-titel", "hoofdstuk-titel",
    "keuze-titel", "kaart-titel",
    "laag-titel", "laag-omschrijving", "laag-veldlabel",
    "geojson-label", "geojson-veld",
)
KINDS = ("script", "img", "javascript-link", "unquoted")
MARKER = "Kwaadaardig"


def payload(field: str) -> str:
    """Every kind of payload for one field; the unquoted attribute goes last, it swallows the rest."""
    base = (FIELDS.index(field) + 1) * 10
    return (
        f"{MARKER}{base} <script>alert({base + 1})</script> <img src=x onerror=alert({base + 2})> "
        f"[x](javascript:alert({base + 3})) {{{{ gemeente }}}} <img src=x onerror=alert({base + 4}) x="
    )


def which(number: int) -> str:
    return f"{FIELDS[number // 10 - 1]} ({KINDS[number % 10 - 1]})"


def q(value: str) -> str:
    return json.dumps(value, ensure_ascii=False)  # a JSON string is a double-quoted YAML string


def write_hostile_visie(project: Path) -> None:
    """The andere-gemeente fixture with a payload in every structured field."""
    visie = project / "visie"
    kaarten = project / "kaarten"
    (visie / "visie.yml").write_text(
        f"gemeente: {q(payload('visie-gemeente'))}\ntitel: {q(payload('visie-titel'))}\n"
        f"status: ontwerp\nversie: {q(payload('visie-versie'))}\ndatum: 2023-11-09\n"
        "hoofdstukken:\n  - uitvoering.md\n",
        encoding="utf-8",
    )
    placeholders = "Ingevuld: {{ gemeente }}, {{ titel }}, {{ versie }}, {{ datum }}."

    def set_front(path: Path, **fields: str) -> None:
        text = path.read_text(encoding="utf-8")
        for name, value in fields.items():
            text = re.sub(rf"^{name}: .*$", f"{name}: {q(value)}", text, count=1, flags=re.M)
        path.write_text(text.replace("\n---\n", f"\n---\n{placeholders}\n\n", 1), encoding="utf-8")

    set_front(visie / "index.md", titel=payload("ambitie-titel"))
    set_front(visie / "kernopgaven" / "vitale-dorpen.md", titel=payload("kernopgave-titel"), kort=payload("kernopgave-kort"))
    set_front(visie / "gebieden" / "dorpskernen.md", titel=payload("gebied-titel"))
    set_front(visie / "uitvoering.md", titel=payload("hoofdstuk-titel"))
    water = visie / "kernopgaven" / "leven-met-water.md"
    text = water.read_text(encoding="utf-8")
    text = text.replace("/// keuze | We versterken de dijk en maken hem beleefbaar", f"/// keuze | {payload('keuze-titel')}")
    text += f"\n/// kaart | {payload('kaart-titel')}\n    lagen: [gebieden]\n///\n"
    water.write_text(text, encoding="utf-8")
    (kaarten / "lagen.yml").write_text(
        "achtergrond: geen\nlagen:\n  - id: gebieden\n"
        f"    titel: {q(payload('laag-titel'))}\n    bestand: gebieden.geojson\n    kleur: \"#6a51a3\"\n"
        f"    label: naam\n    velden:\n      naam: Naam\n      omschrijving: {q(payload('laag-veldlabel'))}\n"
        f"    omschrijving: {q(payload('laag-omschrijving'))}\n",
        encoding="utf-8",
    )
    data = json.loads((kaarten / "gebieden.geojson").read_text(encoding="utf-8"))
    for feature in data["features"]:
        feature["properties"]["naam"] = payload("geojson-label")
        feature["properties"]["omschrijving"] = payload("geojson-veld")
    # valid GeoJSON that once crashed the maps: a GeometryCollection inside a GeometryCollection
    haven = data["features"][-1]
    haven["geometry"] = {"type": "GeometryCollection", "geometries": [{"type": "GeometryCollection", "geometries": [haven["geometry"]]}]}
    (kaarten / "gebieden.geojson").write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")


@pytest.fixture(scope="module")
def hostile_build(tmp_path_factory: pytest.TempPathFactory) -> Build:
    project = make_project(
        tmp_path_factory.mktemp("kwaadaardig"),
        FIXTURES / "andere-gemeente" / "visie",
        FIXTURES / "andere-gemeente" / "kaarten",
    )
    write_hostile_visie(project)
    build = run_build(project)
    assert build.returncode == 0, build.output
    return build


def page_urls(site: Path) -> list[str]:
    return sorted(
        p.relative_to(site).parent.as_posix().replace(".", "") + "/"
        for p in site.rglob("index.html")
        if "handleiding" not in p.parts
    )


def test_payloads_stay_text_in_chromium(hostile_build: Build, browser) -> None:
    server, base = serve_directory(hostile_build.site)
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="nl-NL")
    tab = context.new_page()
    fired: set[int] = set()

    def on_dialog(dialog) -> None:
        if dialog.message.isdigit():
            fired.add(int(dialog.message))
        dialog.dismiss()

    tab.on("dialog", on_dialog)
    links: set[str] = set()
    shown: set[str] = set()
    pages = page_urls(hostile_build.site)
    try:
        for url in pages:
            tab.goto(base + url.lstrip("/"), wait_until="networkidle")
            title = tab.title()
            shown.update(re.findall(rf"{MARKER}\d+", title))
            # pop-ups, tooltips and legends of every map: hover and click what a reader can
            shapes = tab.locator(".leaflet-interactive")
            for index in range(min(shapes.count(), 12)):
                shape = shapes.nth(index)
                shape.dispatch_event("mouseover")
                shape.dispatch_event("click")
            for toggle in tab.locator(".leaflet-control-layers-toggle, .ov-kaart summary, details > summary").all()[:6]:
                if toggle.is_visible():
                    toggle.dispatch_event("click")  # an open layer list may cover its own toggle
            tab.wait_for_timeout(100)
            text = tab.locator("body").inner_text()
            shown.update(re.findall(rf"{MARKER}\d+ <script>alert\(\d+\)</script>", text))
            for href in tab.eval_on_selector_all("a[href]", "els => els.map(e => e.getAttribute('href'))"):
                if href.strip().lower().startswith("javascript:"):
                    links.add(href)
        # the menu on a narrow screen, and the search results
        tab.set_viewport_size({"width": 800, "height": 900})
        tab.goto(base, wait_until="networkidle")
        tab.locator("label.md-header__button[for='__drawer']").click()
        tab.wait_for_timeout(300)
        tab.set_viewport_size({"width": 1280, "height": 900})
        tab.goto(base, wait_until="networkidle")
        tab.keyboard.press("/")
        tab.keyboard.type(MARKER, delay=15)
        results = tab.locator(".ov-zoek__resultaat")
        results.first.wait_for(state="visible", timeout=15000)
        tab.wait_for_timeout(300)
        shown.update(re.findall(rf"{MARKER}\d+ <script>", tab.locator(".ov-zoek__paneel").inner_text()))
    finally:
        context.close()
        server.shutdown()
    executed = sorted(which(n) for n in fired)
    print(f"\npagina's: {len(pages)}; payloads uitgevoerd: {len(fired)} {executed}; javascript:-links: {sorted(links)}")
    assert executed == [], executed
    assert links == set(), links
    assert len(shown) > 10  # the payloads show as literal text


def test_placeholders_are_text(hostile_build: Build) -> None:
    html = hostile_build.html("")
    filled = re.search(r"Ingevuld: (.*?)\.</p>", html, re.S)
    assert filled is not None
    assert "&lt;script&gt;alert(11)&lt;/script&gt;" in filled.group(1)
    assert "<script>alert(" not in filled.group(1)
    # the generator's own text for {{ privacy_locatie }} stays Markdown
    assert "<em>Wat geldt hier?</em>" in hostile_build.html("colofon/")
