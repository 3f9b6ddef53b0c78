"""Figures for the Wat geldt hier? page: what a first visit transfers, and how fast an answer shows.

    python scripts/meet_watgeldthier.py [--rondes 5] [--site pad/naar/site]

Builds the sample visie (unless --site names a built site), serves it locally and opens
wat-geldt-hier/ in Chromium with an empty cache. It reports:

- the bytes of every file the page loads from the site on a first visit, gzip compressed (level 6,
  as a web server would send them), by kind; background tiles are not counted (refused here);
- the time from choosing an address suggestion (Enter) to the answer shown, with PDOK's
  Locatieserver answered by a local stub in its documented format (median and maximum).

Needs Chromium (/usr/bin/chromium) and Playwright, as the tests do.
"""

from __future__ import annotations

import argparse
import gzip
import json
import statistics
import sys
import tempfile
from pathlib import Path
from urllib.parse import urlsplit

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "tests"))

from conftest import CHROMIUM, CHROMIUM_ARGS, make_project, run_build, serve_directory  # noqa: E402

PDOK = "https://api.pdok.nl/bzk/locatieserver/search/v3_1/"
SUGGEST = {"response": {"numFound": 1, "start": 0, "maxScore": 9.0, "docs": [
    {"type": "adres", "weergavenaam": "Grote Markt 1, 8011LW Zwolle", "id": "adr-meting", "score": 9.0}]}}
LOOKUP = {"response": {"numFound": 1, "start": 0, "maxScore": 9.0, "docs": [
    {"type": "adres", "weergavenaam": "Grote Markt 1, 8011LW Zwolle", "id": "adr-meting",
     "centroide_ll": "POINT(6.0935 52.5125)"}]}}


def kind(path: str) -> str:
    if "/search/" in path:
        return "zoeken (Material, op elke pagina)"
    if "/leaflet/" in path:
        return "Leaflet"
    if path.endswith("watgeldthier.json"):
        return "gegevens van de pagina"
    for suffix, name in ((".js", "scripts"), (".css", "stijlen"), (".geojson", "kaartlagen"), (".json", "gegevens"),
                         (".png", "afbeeldingen"), (".svg", "afbeeldingen"), (".woff2", "lettertypen")):
        if path.endswith(suffix):
            return name
    return "html"


def pdok_stub(route) -> None:  # noqa: ANN001
    body = LOOKUP if "/lookup" in route.request.url else SUGGEST
    route.fulfill(status=200, content_type="application/json", body=json.dumps(body))


def measure(site: Path, rounds: int) -> dict[str, object]:
    from playwright.sync_api import sync_playwright

    server, url = serve_directory(site)
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="nl-NL")
            context.route("https://service.pdok.nl/**", lambda route: route.abort())
            context.route(f"{PDOK}**", pdok_stub)
            tab = context.new_page()
            loaded: list[str] = []
            tab.on("requestfinished", lambda request: loaded.append(request.url))
            tab.goto(url + "wat-geldt-hier/", wait_until="networkidle")
            tab.wait_for_selector("#ov-wgh-kaart[data-ov-kaart='getekend']")
            sizes: dict[str, int] = {}
            for address in sorted(set(loaded)):
                if not address.startswith(url):
                    continue
                path = urlsplit(address).path
                file = site / path.lstrip("/")
                if path.endswith("/"):
                    file = file / "index.html"
                sizes[kind(path)] = sizes.get(kind(path), 0) + len(gzip.compress(file.read_bytes(), 6))
            times = []
            for _ in range(rounds):
                tab.goto(url + "wat-geldt-hier/", wait_until="load")
                tab.wait_for_selector("[data-ov-klaar]")
                field = tab.get_by_role("combobox")
                field.press_sequentially("Grote Markt 1")
                tab.get_by_role("option").first.wait_for()
                tab.keyboard.press("ArrowDown")
                tab.evaluate(
                    """() => {
                        const answer = document.querySelector('[data-ov-antwoord]');
                        window.ovMeting = null;
                        document.addEventListener('keydown', () => { window.ovStart = performance.now(); }, { capture: true, once: true });
                        new MutationObserver((_, observer) => {
                            if (!answer.hidden && answer.dataset.ovPunt) { window.ovMeting = performance.now() - window.ovStart; observer.disconnect(); }
                        }).observe(answer, { attributes: true });
                    }"""
                )
                tab.keyboard.press("Enter")
                tab.wait_for_function("window.ovMeting !== null")
                times.append(tab.evaluate("window.ovMeting"))
            browser.close()
    finally:
        server.shutdown()
    return {"bytes": sizes, "total": sum(sizes.values()), "ms": times}


def dutch(number: int) -> str:
    return f"{number:,}".replace(",", ".")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rondes", type=int, default=5)
    parser.add_argument("--site", type=Path)
    args = parser.parse_args()
    site = args.site
    if site is None:
        project = make_project(Path(tempfile.mkdtemp(prefix="wat-geldt-hier-")))
        build = run_build(project)
        if build.returncode:
            sys.exit(build.output)
        site = build.site
    result = measure(site, args.rondes)
    print("| Wat geldt hier? (eerste bezoek, zonder tegels) | gzip-bytes |")
    print("|---|---:|")
    for name, size in sorted(result["bytes"].items()):
        print(f"| {name} | {dutch(size)} |")
    print(f"| **totaal** | **{dutch(result['total'])}** |")
    times = result["ms"]
    print()
    print(f"Van gekozen adres tot antwoord (PDOK-stub, {len(times)} keer): "
          f"mediaan {statistics.median(times):.0f} ms, hoogste {max(times):.0f} ms")


if __name__ == "__main__":
    main()
