"""Benchmark: this generator against plain mkdocs-material on the same Markdown, at growing sizes.

    python scripts/benchmark.py [--groottes 100,300,1000] [--rondes 3] [--snel] [--zonder-lighthouse]

For each size it generates a visie (scripts/genereer_visie.py) and builds it three ways, in
alternating order per round so that drift on the (shared) machine hits each alike:

- ``ons``: with our plugin;
- ``kaal``: plain Material on the same Markdown (visie/ and docs/ copied into docs_dir), only
  the search plugin, Material's own menu;
- ``kaal+menu``: the same, given our menu tree (the ``nav:`` from ``build_nav``), which isolates
  the cost of our plugin from the cost of a large menu.

It reports, as Markdown tables in Dutch:

- build time (median) and the ratios ours/plain and ours/plain-with-our-menu per size;
- per-page build time and peak memory of ours, and their growth from the smallest to the largest
  size (goal: at most 1.2×);
- the time of the search step (Material's search plugin, summed over its events) per variant;
- the weight of a gebied page (HTML, gzip) per size, and its growth (goal: at most 10 %);
- what a browser loads before the first search result, and how long that takes;
- the time from saving a file in visie/ to the updated page in a browser under `mkdocs serve`,
  and the rebuild time MkDocs reports, at 300 and 1000 pages (goal: under 1 s);
- Lighthouse scores (mobile) for the sample, unless ``--zonder-lighthouse`` or ``--snel``.

``--snel`` is for a quick look (a few minutes): sizes 100 and 300 (or ``--groottes``), one round,
two saves per live-preview measurement, no Lighthouse.

Needs Chromium (/usr/bin/chromium) and Playwright, as the tests do; Lighthouse is installed
with npm into scripts/node_modules on first use.
"""

from __future__ import annotations

import argparse
import functools
import gzip
import http.server
import json
import os
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urlsplit

import yaml

REPO = Path(__file__).resolve().parent.parent
SCRIPTS = REPO / "scripts"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_FLAGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run",
]
# Lighthouse 13 asks for Node 22; 12.8 runs on the Node 20 that Debian machines here have.
LIGHTHOUSE = "lighthouse@12.8.2"
# Python may write its byte code, as on any machine where MkDocs is installed: without it, every
# build compiles the plugin (and MkDocs) again, which is not what a gemeente's builds cost.
ENV = {**{k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}, "NO_MKDOCS_2_WARNING": "1"}
# Material's lunr search, and ours (the zoeken/ folder and zoeken.js)
SEARCH_FILE = re.compile(
    r"(^|/)(search/search_index\.json|assets/javascripts/(workers/search\.|lunr/)|zoeken/|assets/omgevingsvisie/zoeken\.)"
)
SEARCH_LINE = re.compile(r"Zoekindex: .* in ([0-9.]+) s")
CACHE = ".cache/omgevingsvisie"
LIGHTHOUSE_PAGES = {"home": "", "kernopgave": "kernopgaven/wijken/", "gebied": "gebieden/holtenbroek/", "kaart": "kaart/"}


# --- projects -------------------------------------------------------------------------------------


def copy_sample(target: Path, achtergrond: str | None = None) -> Path:
    target.mkdir(parents=True)
    shutil.copy(REPO / "mkdocs.yml", target / "mkdocs.yml")
    for folder in ("docs", "visie", "kaarten"):
        shutil.copytree(REPO / folder, target / folder)
    if achtergrond is not None:
        lagen = target / "kaarten/lagen.yml"
        text = lagen.read_text(encoding="utf-8")
        text, count = re.subn(r"(?m)^achtergrond:.*$", f"achtergrond: {achtergrond}", text)
        lagen.write_text(text if count else f"achtergrond: {achtergrond}\n{text}", encoding="utf-8")
    return target


def generated_visie(target: Path, pages: int) -> Path:
    sys.path.insert(0, str(SCRIPTS))
    from genereer_visie import generate

    generate(target, pages)
    return target


def plain_project(ours: Path, target: Path, nav: list | None = None) -> Path:
    """The same Markdown as a plain Material project: no plugin of ours, no generated pages.

    With ``nav`` (our menu tree, see ``menu_nav``) plain Material gets the same menu as ours.
    """
    from mkdocs.utils.yaml import (
        get_yaml_loader,  # understands MkDocs' own tags, such as !ENV
    )

    config = yaml.load((ours / "mkdocs.yml").read_text(encoding="utf-8"), Loader=get_yaml_loader())
    drafts = [line.strip().rstrip("/") for line in (config.get("draft_docs") or "").splitlines() if line.strip()]
    docs = target / "docs"
    docs.mkdir(parents=True)
    for source in (ours / "visie", ours / config.get("docs_dir", "docs")):
        for path in source.rglob("*.md"):
            rel = path.relative_to(source)
            if rel.parts and rel.parts[0] in drafts:
                continue
            (docs / rel).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy(path, docs / rel)
    titel = yaml.safe_load((ours / "visie/visie.yml").read_text(encoding="utf-8"))["titel"]
    plain = {
        "site_name": titel,
        "theme": config["theme"],
        "plugins": [{"search": {"lang": "nl"}}],
        "markdown_extensions": config["markdown_extensions"],
    }
    if nav is not None:
        plain["nav"] = nav
    (target / "mkdocs.yml").write_text(yaml.safe_dump(plain, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return target


def menu_nav(ours: Path) -> list:
    """Our menu tree for a project, as ``build_nav`` makes it, without our generated pages."""
    from omgevingsvisie import Layout, load_visie
    from omgevingsvisie_mkdocs.navigation import build_nav

    result = load_visie(Layout(root=ours, visie_dir="visie", kaarten_dir="kaarten", docs_dir="docs", is_draft=None))
    site_pages = [p for p in result.visie.site_pages if not p.rel_path.startswith("handleiding/")]
    return build_nav(result.visie, [], site_pages)


# --- builds ---------------------------------------------------------------------------------------

# "ons" builds with the build cache of the previous build (as a gemeente's CI and a redacteur's
# machine do); "ons-koud" empties it first.
VARIANTS = ("ons", "ons-koud", "kaal", "kaal+menu")
# Runs `mkdocs build` in this process, timing each plugin's event handlers (by plugin name).
TIMED_BUILD = """
import json, logging, sys, time
# as the mkdocs command does: INFO lines (our "Zoekindex: … in N s") on stderr
logging.getLogger("mkdocs").addHandler(logging.StreamHandler(sys.stderr))
logging.getLogger("mkdocs").setLevel(logging.INFO)
from mkdocs.commands.build import build
from mkdocs.config import load_config
config = load_config("mkdocs.yml")
names = {id(plugin): name for name, plugin in config.plugins.items()}
spent = {}
for event, methods in config.plugins.events.items():
    for index, method in enumerate(methods):
        owner = names.get(id(getattr(method, "__self__", None)), "?")
        def timed(*args, _method=method, _owner=owner, **kwargs):
            start = time.perf_counter()
            try:
                return _method(*args, **kwargs)
            finally:
                spent[_owner] = spent.get(_owner, 0.0) + time.perf_counter() - start
        methods[index] = timed
config.plugins.on_startup(command="build", dirty=False)
build(config)
config.plugins.on_shutdown()
print("PLUGINTIJD " + json.dumps(spent), file=sys.stderr)
"""


@dataclass
class Runs:
    seconds: list[float] = field(default_factory=list)
    peak_bytes: list[int] = field(default_factory=list)
    plugin_seconds: list[dict[str, float]] = field(default_factory=list)
    search_seconds: list[float] = field(default_factory=list)  # our log line "Zoekindex: … in N s"

    def plugin_median(self, suffix: str) -> float | None:
        found = [sum(v for k, v in run.items() if k.endswith(suffix)) for run in self.plugin_seconds]
        return statistics.median(found) if found else None


def build(project: Path, cold: bool = False) -> tuple[float, int, dict[str, float], float | None]:
    """One build in its own process: wall time, that process's peak memory, time per plugin and
    the seconds of our search step (None without our plugin). ``cold``: without the build cache."""
    if cold:
        shutil.rmtree(project / CACHE, ignore_errors=True)
    start = time.perf_counter()
    process = subprocess.Popen(
        [sys.executable, "-c", TIMED_BUILD],
        cwd=project, env=ENV, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
    )
    output = process.stdout.read() if process.stdout else b""
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        sys.exit(f"Bouwen van {project} mislukt:\n{output.decode(errors='replace')}")
    found = re.search(r"PLUGINTIJD (\{.*\})", output.decode(errors="replace"))
    plugins = json.loads(found.group(1)) if found else {}
    search = SEARCH_LINE.search(output.decode(errors="replace"))
    # Linux reports kilobytes
    return seconds, usage.ru_maxrss * 1024, plugins, float(search.group(1)) if search else None


def interleaved_builds(projects: dict[tuple[int, str], Path], rounds: int) -> dict[tuple[int, str], Runs]:
    runs = {key: Runs() for key in projects}
    sizes = sorted({size for size, _ in projects})
    for size in sizes[:1]:  # warm up: byte-compile, fill the file cache
        for variant in VARIANTS:
            build(projects[size, variant], cold=variant == "ons-koud")
    for size in sizes[1:]:  # and fill each visie's build cache, so that "ons" is warm from the first round
        build(projects[size, "ons"])
    for number in range(rounds):
        shift = number % len(VARIANTS)
        order = VARIANTS[shift:] + VARIANTS[:shift]
        for size in sizes:
            for variant in order:
                seconds, peak, plugins, search = build(projects[size, variant], cold=variant == "ons-koud")
                runs[size, variant].seconds.append(seconds)
                runs[size, variant].peak_bytes.append(peak)
                runs[size, variant].plugin_seconds.append(plugins)
                if search is not None:
                    runs[size, variant].search_seconds.append(search)
                print(f"  ronde {number + 1}: {size:5} {variant:9} {seconds:6.2f} s", file=sys.stderr)
    return runs


# --- serving and page weight ----------------------------------------------------------------------


class _GzipHandler(http.server.SimpleHTTPRequestHandler):
    """A static server that compresses text, as any production web server does."""

    TEXT = (".html", ".css", ".js", ".json", ".xml", ".svg", ".geojson", ".txt", ".map")

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        pass

    def send_head(self):  # type: ignore[override]
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            if not urlsplit(self.path).path.endswith("/"):
                return super().send_head()  # the redirect to the URL with a slash
            path = path / "index.html"
        if path.is_file() and path.suffix in self.TEXT and "gzip" in self.headers.get("Accept-Encoding", ""):
            body = gzip.compress(path.read_bytes(), 6)
            self.send_response(200)
            self.send_header("Content-Type", self.guess_type(str(path)))
            self.send_header("Content-Encoding", "gzip")
            self.send_header("Content-Length", str(len(body)))
            self.send_header("Cache-Control", "max-age=3600")
            self.end_headers()
            return _Body(body)
        return super().send_head()


class _Body:
    def __init__(self, data: bytes) -> None:
        self.data = data

    def read(self, *_: object) -> bytes:
        data, self.data = self.data, b""
        return data

    def close(self) -> None:
        pass


def serve(directory: Path) -> tuple[http.server.ThreadingHTTPServer, str]:
    handler = functools.partial(_GzipHandler, directory=str(directory))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/"


def gzip_size(path: Path) -> int:
    return len(gzip.compress(path.read_bytes(), 6))


def local_file(site: Path, base: str, url: str) -> Path | None:
    if not url.startswith(base):
        return None
    rel = unquote(urlsplit(url).path).lstrip("/")
    path = site / rel
    if rel == "" or rel.endswith("/"):
        path = path / "index.html"
    return path if path.is_file() else None


@dataclass
class Weight:
    page: int  # the HTML and everything it loads but the search files, gzip bytes
    search: int  # search index, worker and lunr files, gzip bytes
    files: int
    foreign: list[str]


def page_weights(browser, site: Path, paths: dict[str, str]) -> dict[str, Weight | None]:
    server, base = serve(site)
    weights: dict[str, Weight | None] = {}
    try:
        for name, path in paths.items():
            if not (site / path / "index.html").is_file():
                weights[name] = None
                continue
            context = browser.new_context(viewport={"width": 1280, "height": 900})
            urls: list[str] = []
            context.on("request", lambda request, urls=urls: urls.append(request.url))
            tab = context.new_page()
            tab.goto(base + path, wait_until="load")
            try:
                tab.wait_for_load_state("networkidle", timeout=10_000)
            except Exception:  # noqa: BLE001 - a bounded wait; what was requested is what counts
                pass
            context.close()
            seen: dict[Path, int] = {}
            foreign = [u for u in urls if not u.startswith(base) and not u.startswith(("data:", "blob:"))]
            for url in urls:
                file = local_file(site, base, url)
                if file is not None:
                    seen[file] = gzip_size(file)
            search = sum(size for file, size in seen.items() if SEARCH_FILE.search(file.relative_to(site).as_posix()))
            weights[name] = Weight(sum(seen.values()) - search, search, len(seen), foreign)
    finally:
        server.shutdown()
    return weights


# --- mkdocs serve: from saving a file to the reloaded page ----------------------------------------


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@dataclass
class Reload:
    seconds: list[float] = field(default_factory=list)  # saving the file → the browser shows it
    rebuilds: list[float] = field(default_factory=list)  # "Documentation built in …" of MkDocs


def reload_times(browser, project: Path, source: Path, page: str, repeats: int) -> Reload:
    """Seconds from writing `source` to the browser showing the new text, under `mkdocs serve`."""
    port = free_port()
    url = f"http://127.0.0.1:{port}/{page}"
    log = project / "serve.log"
    with log.open("w") as out:
        process = subprocess.Popen(
            [sys.executable, "-m", "mkdocs", "serve", "--livereload", "-a", f"127.0.0.1:{port}"],
            cwd=project, env=ENV, stdout=out, stderr=subprocess.STDOUT,
        )
    original = source.read_text(encoding="utf-8")
    result = Reload()
    try:
        tab = browser.new_page()
        deadline = time.monotonic() + 600
        while True:
            try:
                tab.goto(url, wait_until="load")
                break
            except Exception:  # noqa: BLE001 - the server is still starting
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.5)
        for number in range(repeats):
            marker = f"Meetpunt{number}x{time.time_ns()}"
            time.sleep(1.0)  # let the watcher settle after the previous reload
            built = len(_built_times(log))
            start = time.perf_counter()
            source.write_text(original + f"\n\n{marker}\n", encoding="utf-8")
            tab.wait_for_function(
                "marker => document.body && document.body.textContent.includes(marker)",
                arg=marker, polling=10, timeout=300_000,
            )
            result.seconds.append(time.perf_counter() - start)
            times = _built_times(log)
            if len(times) > built:
                result.rebuilds.append(times[-1])
            source.write_text(original, encoding="utf-8")
            tab.wait_for_function(
                "marker => document.body && !document.body.textContent.includes(marker)",
                arg=marker, polling=50, timeout=300_000,
            )
        tab.close()
    finally:
        source.write_text(original, encoding="utf-8")
        process.terminate()
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
    return result


def _built_times(log: Path) -> list[float]:
    return [float(t) for t in re.findall(r"Documentation built in ([\d.]+) seconds", log.read_text(errors="replace"))]


# --- search: what a reader waits for before the first result ----------------------------------------


@dataclass
class SearchCost:
    bytes_gzip: int  # every file of the site requested for search before the first result
    seconds: float  # from typing the query to the first result shown
    files: int


def search_cost(browser, site: Path, page: str, query: str) -> SearchCost | None:
    """Open a page, type a query in the search box, wait for the first result."""
    server, base = serve(site)
    try:
        context = browser.new_context(viewport={"width": 1280, "height": 900})
        urls: list[tuple[float, str]] = []
        context.on("request", lambda request: urls.append((time.perf_counter(), request.url)))
        tab = context.new_page()
        tab.goto(base + page, wait_until="load")
        try:
            tab.wait_for_load_state("networkidle", timeout=10_000)
        except Exception:  # noqa: BLE001 - a bounded wait
            pass
        typed = time.perf_counter()
        tab.keyboard.press("/")
        tab.keyboard.type(query)
        try:
            tab.locator(".md-search-result__item, .ov-zoek__resultaat").first.wait_for(state="visible", timeout=60_000)
        except Exception:  # noqa: BLE001 - another search engine, or no result: report it as such
            context.close()
            return None
        seconds = time.perf_counter() - typed
        context.close()
        files: dict[Path, int] = {}
        for moment, url in urls:
            file = local_file(site, base, url)
            if file is None:
                continue
            rel = file.relative_to(site).as_posix()
            if moment >= typed or SEARCH_FILE.search(rel):
                files[file] = gzip_size(file)
        return SearchCost(sum(files.values()), seconds, len(files))
    finally:
        server.shutdown()


# --- Lighthouse -----------------------------------------------------------------------------------


def lighthouse_cli() -> Path:
    cli = SCRIPTS / "node_modules/lighthouse/cli/index.js"
    if not cli.is_file():
        print(f"Lighthouse installeren ({LIGHTHOUSE}) in scripts/node_modules …", file=sys.stderr)
        subprocess.run(
            ["npm", "install", "--prefix", str(SCRIPTS), "--no-save", "--no-package-lock", LIGHTHOUSE],
            check=True, stdout=subprocess.DEVNULL,
        )
    return cli


def lighthouse_scores(site: Path, pages: dict[str, str], workdir: Path) -> dict[str, dict[str, object]]:
    cli = lighthouse_cli()
    server, base = serve(site)
    results: dict[str, dict[str, object]] = {}
    try:
        for name, path in pages.items():
            if not (site / path / "index.html").is_file():
                continue
            report = workdir / f"lighthouse-{name}.json"
            subprocess.run(
                [
                    "node", str(cli), base + path, "--quiet", "--output=json", f"--output-path={report}",
                    "--only-categories=performance,accessibility,best-practices,seo",
                    f"--chrome-flags={' '.join(CHROMIUM_FLAGS)}",
                ],
                env={**os.environ, "CHROME_PATH": CHROMIUM}, check=True, timeout=300,
            )
            data = json.loads(report.read_text(encoding="utf-8"))
            scores = {key: round(100 * (c["score"] or 0)) for key, c in data["categories"].items()}
            failed = [
                f"{audit['id']} ({key})"
                for key, category in data["categories"].items()
                for ref in category["auditRefs"]
                if ref["weight"] > 0
                and (audit := data["audits"][ref["id"]])["score"] is not None
                and audit["score"] < 0.9
            ]
            results[name] = {**scores, "zwak": failed}
    finally:
        server.shutdown()
    return results


# --- report ---------------------------------------------------------------------------------------


def kb(size: int | None) -> str:
    return "n.v.t." if size is None else f"{size / 1024:.1f} kB"


def mb(size: int) -> str:
    return f"{size / 1024 / 1024:.0f} MB"


def main() -> None:
    parser = argparse.ArgumentParser(
        description="Meet bouwtijd, geheugen, paginagewicht, zoeken en live herladen tegen kale Material."
    )
    parser.add_argument("--groottes", help="grootten van de gegenereerde visies (standaard 100,300,1000; --snel: 100,300)")
    parser.add_argument("--rondes", type=int, help="aantal afwisselende rondes (standaard 3; --snel: 1)")
    parser.add_argument("--herladen", type=int, help="aantal keren bewaren per meting van live herladen (standaard 3; --snel: 2)")
    parser.add_argument("--herladen-bij", help="grootten waarbij live herladen gemeten wordt (standaard 300,1000)")
    parser.add_argument("--snel", action="store_true", help="snelle meting: minder grootten en rondes, geen Lighthouse")
    parser.add_argument("--zonder-lighthouse", action="store_true", help="Lighthouse overslaan")
    parser.add_argument("--zonder-zoekmeting", action="store_true", help="de zoekmeting (scripts/zoekmeting.py) overslaan")
    parser.add_argument("--bewaar", type=Path, help="map waarin de projecten en rapporten blijven staan")
    arguments = parser.parse_args()
    arguments.belasting = os.getloadavg()
    sizes = [int(x) for x in (arguments.groottes or ("100,300" if arguments.snel else "100,300,1000")).split(",")]
    rounds = arguments.rondes or (1 if arguments.snel else 3)
    repeats = arguments.herladen or (2 if arguments.snel else 3)
    reload_sizes = [int(x) for x in (arguments.herladen_bij or ",".join(str(s) for s in sizes if s >= 300)).split(",") if x]
    arguments.sizes, arguments.rounds = sizes, rounds

    workdir = arguments.bewaar or Path(tempfile.mkdtemp(prefix="ov-benchmark-"))
    if arguments.bewaar and workdir.exists():
        shutil.rmtree(workdir)
    workdir.mkdir(parents=True, exist_ok=True)
    print(f"Projecten in {workdir}", file=sys.stderr)
    projects: dict[tuple[int, str], Path] = {}
    for size in sizes:
        ours = projects[size, "ons"] = generated_visie(workdir / f"{size}-ons", size)
        projects[size, "ons-koud"] = ours
        projects[size, "kaal"] = plain_project(ours, workdir / f"{size}-kaal")
        projects[size, "kaal+menu"] = plain_project(ours, workdir / f"{size}-kaal-menu", menu_nav(ours))

    print("Bouwen, afwisselend …", file=sys.stderr)
    runs = interleaved_builds(projects, rounds)
    page_counts = {key: len(list((p / "site").rglob("*.html"))) for key, p in projects.items()}
    gebied_page = "gebieden/wijk-1/"
    html_sizes = {
        key: (len((p / "site" / gebied_page / "index.html").read_bytes()), gzip_size(p / "site" / gebied_page / "index.html"))
        for key, p in projects.items()
    }

    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS[1:])
        print("Paginagewicht en zoeken meten …", file=sys.stderr)
        weights = {key: page_weights(browser, p / "site", {"gebied": gebied_page})
                   for key, p in projects.items() if key[1] != "ons-koud"}
        searches = {
            key: search_cost(browser, p / "site", gebied_page, "wijk")
            for key, p in projects.items() if key[1] in ("ons", "kaal")
        }
        reloads: dict[int, Reload] = {}
        for size in reload_sizes:
            print(f"Live herladen meten bij {size} pagina's …", file=sys.stderr)
            project = generated_visie(workdir / f"serve-{size}", size)
            reloads[size] = reload_times(browser, project, project / "visie/gebieden/wijk-1.md", gebied_page, repeats)
        browser.close()

    lighthouse: dict[str, dict[str, object]] = {}
    if not arguments.zonder_lighthouse and not arguments.snel:
        print("Lighthouse …", file=sys.stderr)
        # The sample without its PDOK background: this machine has no internet, and failing tile
        # requests would count as console errors that a real visitor does not get.
        project = copy_sample(workdir / "lighthouse-ons", achtergrond="geen")
        build(project)
        lighthouse = lighthouse_scores(project / "site", LIGHTHOUSE_PAGES, workdir)

    print(report(runs, page_counts, html_sizes, weights, searches, reloads, lighthouse, arguments))
    if not arguments.zonder_zoekmeting and not arguments.snel:
        print("\n" + "\n".join(search_lines(workdir)))
    if not arguments.bewaar:
        shutil.rmtree(workdir, ignore_errors=True)


def search_lines(workdir: Path) -> list[str]:
    """Search at 1000 pages (download before the first result) and 300 pages (index build share)."""
    from playwright.sync_api import sync_playwright
    from zoekmeting import search_report

    print("Zoeken meten (1000 en 300 pagina's) …", file=sys.stderr)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS[1:])
        try:
            return search_report(workdir, browser)
        finally:
            browser.close()



def _paired(ours: list[float], plain: list[float]) -> str:
    ratios = [a / b for a, b in zip(ours, plain) if b]
    if not ratios:
        return "n.v.t."
    return f"{statistics.median(ratios):.2f}× ({min(ratios):.2f}–{max(ratios):.2f})"


def _ratio(a: float | None, b: float | None) -> str:
    return "n.v.t." if a is None or not b else f"{a / b:.2f}×"


def report(runs, page_counts, html_sizes, weights, searches, reloads, lighthouse, arguments) -> str:
    sizes = arguments.sizes
    median = {key: statistics.median(r.seconds) for key, r in runs.items()}
    peak = {key: statistics.median(r.peak_bytes) for key, r in runs.items()}
    small, large = sizes[0], sizes[-1]
    head = "| meting | " + " | ".join(f"{size} pagina's" for size in sizes) + " | doel |"
    rule = "|---|" + "---|" * len(sizes) + "---|"

    def row(name: str, cells: list[str], goal: str = "") -> str:
        return f"| {name} | " + " | ".join(cells) + f" | {goal} |"

    lines = [
        f"## Benchmark ({arguments.rounds} afwisselende {'ronde' if arguments.rounds == 1 else 'rondes'}, mediaan van tijd en piekgeheugen; "
        "gegenereerde visies)",
        "",
        "### Bouwtijd en geheugen",
        "",
        head, rule,
        row("pagina's (HTML): ons / kaal", [f"{page_counts[s, 'ons']} / {page_counts[s, 'kaal']}" for s in sizes]),
    ]
    for variant in VARIANTS:
        lines.append(row(f"bouwtijd {variant}", [
            f"{median[s, variant]:.2f} s ({min(runs[s, variant].seconds):.2f}–{max(runs[s, variant].seconds):.2f})"
            for s in sizes]))
    lines += [
        row("verhouding ons / kaal", [_ratio(median[s, "ons"], median[s, "kaal"]) for s in sizes]),
        row("verhouding ons / kaal met ons menu", [_ratio(median[s, "ons"], median[s, "kaal+menu"]) for s in sizes],
            "≤ 1,2×"),
        # The builds of one round ran next to each other: their ratio is less disturbed by a
        # machine that slows down and speeds up over minutes (shared CI runners do).
        row("verhouding ons / kaal met ons menu, per ronde (mediaan; laagste–hoogste)",
            [_paired(runs[s, "ons"].seconds, runs[s, "kaal+menu"].seconds) for s in sizes], "≤ 1,2×"),
        row("verhouding ons-koud (lege bouwcache) / kaal met ons menu",
            [_ratio(median[s, "ons-koud"], median[s, "kaal+menu"]) for s in sizes]),
        row("tijd in onze plugin (eigen events)", [
            "n.v.t." if (t := runs[s, "ons"].plugin_median("omgevingsvisie")) is None else f"{t:.2f} s" for s in sizes]),
    ]
    for variant in VARIANTS:
        lines.append(row(f"piekgeheugen {variant}", [mb(peak[s, variant]) for s in sizes]))
    lines.append(row("piekgeheugen ons / kaal met ons menu", [_ratio(peak[s, "ons"], peak[s, "kaal+menu"]) for s in sizes],
                     "≤ 1,5×"))
    ours_search = {s: statistics.median(runs[s, "ons"].search_seconds) if runs[s, "ons"].search_seconds else None
                   for s in sizes}
    lines.append(row("zoekstap: ons (eigen zoekindex, uit de log) / kaal (Materials search-plugin)", [
        f"{ours_search[s] or 0:.2f} s / {runs[s, 'kaal'].plugin_median('search') or 0:.2f} s"
        f" ({_ratio(ours_search[s], runs[s, 'kaal'].plugin_median('search'))})"
        for s in sizes], "≤ 1,3×"))
    cold_search = {s: statistics.median(runs[s, "ons-koud"].search_seconds) if runs[s, "ons-koud"].search_seconds
                   else None for s in sizes}
    lines.append(row("zoekstap: ons-koud (lege bouwcache: elke pagina opnieuw gelezen) / kaal", [
        f"{cold_search[s] or 0:.2f} s / {runs[s, 'kaal'].plugin_median('search') or 0:.2f} s"
        f" ({_ratio(cold_search[s], runs[s, 'kaal'].plugin_median('search'))})"
        for s in sizes]))
    lines.append(row("zoekstap ons als deel van onze bouwtijd", [
        "n.v.t." if ours_search[s] is None else f"{100 * ours_search[s] / (median[s, 'ons'] - ours_search[s]):.0f} %"
        for s in sizes], "≤ 10 % (bij 300)"))
    per_page = {s: median[s, "ons"] / page_counts[s, "ons"] for s in sizes}
    lines += [
        "",
        f"### Groei van {small} naar {large} pagina's (ons)",
        "",
        "| meting | " + " | ".join(f"{s}" for s in sizes) + f" | groei {small} → {large} | doel |",
        "|---|" + "---|" * len(sizes) + "---|---|",
        f"| bouwtijd per pagina | " + " | ".join(f"{per_page[s] * 1000:.1f} ms" for s in sizes)
        + f" | {_ratio(per_page[large], per_page[small])} | ≤ 1,2× |",
        f"| piekgeheugen per pagina | " + " | ".join(f"{peak[s, 'ons'] / page_counts[s, 'ons'] / 1024:.0f} kB" for s in sizes)
        + f" | {_ratio(peak[large, 'ons'] / page_counts[large, 'ons'], peak[small, 'ons'] / page_counts[small, 'ons'])} | ≤ 1,2× |",
        f"| piekgeheugen boven kaal met ons menu | " + " | ".join(mb(peak[s, 'ons'] - peak[s, 'kaal+menu']) for s in sizes)
        + " | | |",
        "",
        "### Paginagewicht van een gebiedspagina (gebieden/wijk-1/)",
        "",
        "| meting | " + " | ".join(f"{s}" for s in sizes) + f" | groei {small} → {large} | doel |",
        "|---|" + "---|" * len(sizes) + "---|---|",
    ]
    for variant in ("ons", "kaal", "kaal+menu"):
        lines.append(f"| HTML {variant} (ongecomprimeerd / gzip) | " + " | ".join(
            f"{kb(html_sizes[s, variant][0])} / {kb(html_sizes[s, variant][1])}" for s in sizes)
            + f" | {_ratio(html_sizes[large, variant][0], html_sizes[small, variant][0])} | "
            + ("≤ 1,1× |" if variant == "ons" else " |"))
    lines.append("| ons: HTML + alles wat de pagina laadt, zonder zoeken, gzip | " + " | ".join(
        kb(weights[s, "ons"]["gebied"].page) if weights[s, "ons"]["gebied"] else "n.v.t." for s in sizes)
        + " | | |")
    lines += [
        "",
        "### Zoeken: wat de browser laadt tot het eerste resultaat (zoekterm 'wijk', gzip)",
        "",
        head, rule,
    ]
    for variant in ("ons", "kaal"):
        cells = []
        for s in sizes:
            cost = searches.get((s, variant))
            cells.append("geen resultaat" if cost is None else f"{kb(cost.bytes_gzip)} in {cost.files} bestanden, {cost.seconds:.2f} s")
        lines.append(row(f"zoeken {variant}", cells))
    if reloads:
        lines += [
            "",
            "### Live voorvertoning (`mkdocs serve`): bewaren in visie/ → bijgewerkte pagina in de browser",
            "",
            "| pagina's | bewaren → pagina (mediaan, min–max) | herbouw volgens MkDocs | doel |",
            "|---|---|---|---|",
        ]
        for size, reload in reloads.items():
            lines.append(f"| {size} | {_seconds(reload.seconds)} | {_seconds(reload.rebuilds)} | < 1 s |")
    if lighthouse:
        lines += [
            "",
            "### Lighthouse (mobiel; sample zonder achtergrondkaart, lokaal met gzip geserveerd)",
            "",
            "| pagina | prestaties | toegankelijkheid | beste praktijken | SEO | onder 90 |",
            "|---|---|---|---|---|---|",
        ]
        for name, scores in lighthouse.items():
            weak = ", ".join(scores["zwak"]) or "—"  # type: ignore[arg-type]
            lines.append(
                f"| {name} | {scores['performance']} | {scores['accessibility']} | "
                f"{scores['best-practices']} | {scores['seo']} | {weak} |"
            )
        lines.append("")
        lines.append("Doelen: toegankelijkheid 100, beste praktijken ≥ 95, SEO ≥ 95, prestaties ≥ 95.")
    lines += [
        "",
        "Kaal: dezelfde Markdown met alleen Material en zijn zoekplugin; kaal met ons menu: idem met de "
        "`nav:` uit build_nav. Paginagewicht met browser: de som van de gzip-grootte van de HTML en van "
        "elk bestand van de eigen site dat de browser voor die pagina opvraagt (breed scherm, lege cache).",
        f"Belasting van de machine (load average over 1 minuut): {arguments.belasting[0]:.1f} bij de start, "
        f"{os.getloadavg()[0]:.1f} aan het eind, op {os.cpu_count()} kernen; tijden op een belaste machine "
        "schommelen, de verhoudingen uit afwisselende rondes zijn betrouwbaarder dan de absolute tijden.",
    ]
    return "\n".join(lines)


def _seconds(times: list[float]) -> str:
    if not times:
        return "n.v.t."
    return f"{statistics.median(times):.2f} s ({min(times):.2f}–{max(times):.2f})"


if __name__ == "__main__":
    main()
