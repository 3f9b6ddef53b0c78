"""What search costs: the bytes a reader downloads before the first result, and the build time of
the search index.

    python scripts/zoekmeting.py [--paginas 1000] [--bouw-paginas 300] [--zoekvraag wonen] [--met-lunr]

Generates visies with scripts/genereer_visie.py, builds them, and reports as a Markdown table:

- at --paginas pages (goal: at most 100 kB gzip): every search file the browser fetched from
  the moment the reader starts typing until the first result shows, gzip compressed, plus the
  search script itself (zoeken.js);
- at --bouw-paginas pages (goal: at most 10 %): the seconds of the index step (from the build's
  log line "Zoekindex: … in N s") against the rest of the build.

With --met-lunr it also builds the large visie as a plain Material project with Material's lunr
search and reports the same download, for comparison. scripts/benchmark.py calls
``search_report``; it needs Chromium and Playwright, as the tests do.
"""

from __future__ import annotations

import argparse
import functools
import gzip
import http.server
import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from urllib.parse import unquote, urlsplit

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "scripts"))

from genereer_visie import generate  # noqa: E402

CHROMIUM = "/usr/bin/chromium"
INDEX_LINE = re.compile(r"Zoekindex: .* in ([0-9.]+) s")
# The part of the download that does not grow with the visie: our search script and index.json.
ENGINE = re.compile(r"(^|/)(zoeken/index\.json|assets/omgevingsvisie/zoeken\.js)$")
# Files that belong to search: the index folder and our search script; Material's lunr search.
OUR_SEARCH = re.compile(r"(^|/)(zoeken/|assets/omgevingsvisie/zoeken\.js$)")
LUNR_SEARCH = re.compile(r"(^|/)(search/search_index\.json|assets/javascripts/(workers/search\.|lunr/))")
MAX_DOWNLOAD = 100_000
MAX_SHARE = 0.10


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        pass


def build(project: Path) -> tuple[float, str]:
    started = time.perf_counter()
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build"], cwd=project, capture_output=True, text=True, env=_env(),
    )
    seconds = time.perf_counter() - started
    if result.returncode != 0:
        raise SystemExit(f"Bouwen van {project} mislukt:\n{result.stdout}{result.stderr}")
    return seconds, result.stdout + result.stderr


def _env() -> dict[str, str]:
    return {**{k: v for k, v in os.environ.items() if k != "OMGEVINGSVISIE_SITE_URL"}, "NO_MKDOCS_2_WARNING": "1"}


def index_share(project: Path) -> tuple[float, float]:
    """Build once: seconds of the search step (reading the pages' text and writing the index, from
    the build's own log line) and of the rest of the build."""
    total, output = build(project)
    found = INDEX_LINE.search(output)
    if not found:
        raise SystemExit("De build meldde geen zoekindex (regel 'Zoekindex: …').")
    index = float(found.group(1))
    return index, total - index


def _local(site: Path, base: str, url: str) -> Path | None:
    if not url.startswith(base):
        return None
    rel = unquote(urlsplit(url).path).lstrip("/")
    path = site / rel
    if rel == "" or rel.endswith("/"):
        path = path / "index.html"
    return path if path.is_file() else None


def first_result_download(browser, site: Path, query: str, lunr: bool = False) -> tuple[int, int, int]:
    """Gzip bytes and number of search files fetched until the first result of ``query`` shows,
    and the bytes of those that do not grow with the visie (the engine's code)."""
    handler = functools.partial(_Quiet, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    try:
        context = browser.new_context(viewport={"width": 1280, "height": 900})
        context.route(lambda url: not url.startswith(base), lambda route: route.abort())
        requested: list[str] = []
        context.on("request", lambda request: requested.append(request.url))
        tab = context.new_page()
        tab.goto(base, wait_until="load")
        result = ".md-search-result__item" if lunr else ".ov-zoek__resultaat"
        # Note the moment the first result enters the page; count what was requested before it
        # (what the page asks afterwards, such as the filter values, comes after the result).
        tab.evaluate(
            """selector => new MutationObserver((changes, observer) => {
                if (document.querySelector(selector)) { window.ovFirst = performance.now(); observer.disconnect(); }
            }).observe(document.body, {childList: true, subtree: true})""",
            result,
        )
        tab.keyboard.press("/")
        tab.keyboard.type(query, delay=20)
        tab.wait_for_function("() => window.ovFirst !== undefined", timeout=60_000)
        urls = tab.evaluate(
            "performance.getEntriesByType('resource').filter(e => e.startTime <= window.ovFirst).map(e => e.name)"
        )
        if lunr:  # Material's worker loads lunr and the whole index, all before any result
            urls = requested
        context.close()
    finally:
        server.shutdown()
    pattern = LUNR_SEARCH if lunr else OUR_SEARCH
    files = {f for f in (_local(site, base, u) for u in urls) if f and pattern.search(f.relative_to(site).as_posix())}
    sizes = {f.relative_to(site).as_posix(): len(gzip.compress(f.read_bytes(), 6)) for f in files}
    engine = sum(size for name, size in sizes.items() if ENGINE.search(name))
    return sum(sizes.values()), len(files), engine


def _plain_material(ours: Path, target: Path) -> Path:
    from benchmark import plain_project  # the same plain Material project as the benchmark's

    return plain_project(ours, target)


def search_report(workdir: Path, browser, pages: int = 1000, build_pages: int = 300, query: str = "wonen",
                  lunr: bool = False) -> list[str]:
    """Markdown table rows: the download before the first result, and the index step's share."""
    large = workdir / f"zoeken-{pages}"
    generate(large, pages)
    build(large)
    size, count, engine = first_result_download(browser, large / "site", query)
    lines = [
        "| zoeken | meting | doel |",
        "|---|---:|---|",
        f"| download tot het eerste resultaat bij {pages} pagina's ('{query}'), gzip | "
        f"{size / 1000:.1f} kB in {count} bestanden, waarvan {engine / 1000:.1f} kB vaste code | "
        f"≤ {MAX_DOWNLOAD // 1000} kB |",
    ]
    if lunr:
        plain = _plain_material(large, workdir / f"zoeken-{pages}-lunr")
        subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q"], cwd=plain, check=True, env=_env())
        size, count, _ = first_result_download(browser, plain / "site", query, lunr=True)
        lines.append(f"| idem met Material's lunr-zoekfunctie | {size / 1000:.1f} kB in {count} bestanden | |")
    shutil.rmtree(large, ignore_errors=True)
    medium = workdir / f"zoeken-{build_pages}"
    generate(medium, build_pages)
    index, rest = index_share(medium)
    lines.append(
        f"| zoekstap bij {build_pages} pagina's (tekst lezen en index schrijven) | {index:.2f} s bij {rest:.1f} s voor "
        f"de rest (+{index / rest:.0%}) | ≤ +{MAX_SHARE:.0%} |"
    )
    shutil.rmtree(medium, ignore_errors=True)
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description="Meet wat zoeken kost: download tot het eerste resultaat en bouwtijd.")
    parser.add_argument("--paginas", type=int, default=1000, help="grootte voor de downloadmeting (standaard 1000)")
    parser.add_argument("--bouw-paginas", type=int, default=300, help="grootte voor de bouwtijd (standaard 300)")
    parser.add_argument("--zoekvraag", default="wonen", help="wat de lezer typt (standaard 'wonen')")
    parser.add_argument("--met-lunr", action="store_true", help="ook meten met Material's lunr-zoekfunctie")
    arguments = parser.parse_args()
    from playwright.sync_api import sync_playwright

    workdir = Path(tempfile.mkdtemp(prefix="ov-zoekmeting-"))
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"])
            lines = search_report(workdir, browser, arguments.paginas, arguments.bouw_paginas,
                                  arguments.zoekvraag, arguments.met_lunr)
            browser.close()
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
    print("\n".join(lines))


if __name__ == "__main__":
    main()
