"""Benchmark: this generator against plain mkdocs-material on the same Markdown.

    python scripts/benchmark.py [--rondes 3] [--paginas 300] [--zonder-lighthouse]

Builds the sample visie and a generated visie of about 300 pages (scripts/genereer_visie.py),
each with our plugin and as a plain Material project (the same Markdown files in docs_dir, the
same theme and Markdown extensions, only the search plugin), in interleaved rounds (A B, B A, …)
so that drift on the machine hits both sides alike. It reports, as a Markdown table:

- build time (median of the rounds) and the ratio ours/plain, per size (goal: at most 1.2, and
  not growing with size);
- peak memory (maximum resident set size) of each build process;
- bytes a browser transfers for one page of each type (text, gebied with map, kaart), gzip
  compressed: the HTML and every file the page loads, with the search files counted apart;
- the search payload: search_index.json, the search worker and the lunr files for Dutch;
- the time from saving a file in visie/ to the reloaded page in a browser under `mkdocs serve`
  (goal: at most 1 s on the sample);
- Lighthouse scores (mobile) for the home, a kernopgave, a gebied and the kaart page.

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
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
SEARCH_FILE = re.compile(r"(^|/)(search/search_index\.json|assets/javascripts/(workers/search\.|lunr/))")
# One page of each type, by URL path, for the sample and for the generated visie.
PAGE_TYPES = {
    "sample": {"tekstpagina": "samen-uitvoeren/", "gebied met kaart": "gebieden/holtenbroek/", "kaartpagina": "kaart/"},
    "groot": {"tekstpagina": "hoofdstukken/hoofdstuk-1/", "gebied met kaart": "gebieden/wijk-1/", "kaartpagina": "kaart/"},
}
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


def plain_project(ours: Path, target: Path) -> Path:
    """The same Markdown as a plain Material project: no plugin of ours, no generated pages."""
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
    (target / "mkdocs.yml").write_text(yaml.safe_dump(plain, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return target


# --- builds ---------------------------------------------------------------------------------------


@dataclass
class Runs:
    seconds: list[float] = field(default_factory=list)
    peak_bytes: list[int] = field(default_factory=list)


def build(project: Path) -> tuple[float, int]:
    """One `mkdocs build` in its own process: wall time and that process's peak memory."""
    start = time.perf_counter()
    process = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "build", "-q"],
        cwd=project, env=ENV, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
    )
    output = process.stdout.read() if process.stdout else b""
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        sys.exit(f"Bouwen van {project} mislukt:\n{output.decode(errors='replace')}")
    return seconds, usage.ru_maxrss * 1024  # Linux reports kilobytes


def interleaved_builds(projects: dict[tuple[str, str], Path], rounds: int) -> dict[tuple[str, str], Runs]:
    runs = {key: Runs() for key in projects}
    for project in projects.values():  # warm up: byte-compile, fill the file cache
        build(project)
    sizes = sorted({size for size, _ in projects})
    for number in range(rounds):
        order = ("ons", "kaal") if number % 2 == 0 else ("kaal", "ons")
        for size in sizes:
            for variant in order:
                seconds, peak = build(projects[size, variant])
                runs[size, variant].seconds.append(seconds)
                runs[size, variant].peak_bytes.append(peak)
                print(f"  ronde {number + 1}: {size:6} {variant:4} {seconds:6.2f} s", file=sys.stderr)
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


def reload_times(browser, project: Path, source: Path, page: str, repeats: int) -> list[float]:
    """Seconds from writing `source` to the browser showing the new text, under `mkdocs serve`."""
    port = free_port()
    url = f"http://127.0.0.1:{port}/{page}"
    process = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "--livereload", "-a", f"127.0.0.1:{port}"],
        cwd=project, env=ENV, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    original = source.read_text(encoding="utf-8")
    times = []
    try:
        tab = browser.new_page()
        deadline = time.monotonic() + 120
        while True:
            try:
                tab.goto(url, wait_until="load")
                break
            except Exception:  # noqa: BLE001 - the server is still starting
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.2)
        for number in range(repeats):
            marker = f"Meetpunt{number}x{time.time_ns()}"
            time.sleep(0.5)  # let the watcher settle after the previous reload
            start = time.perf_counter()
            source.write_text(original + f"\n\n{marker}\n", encoding="utf-8")
            tab.wait_for_function(
                "marker => document.body && document.body.textContent.includes(marker)",
                arg=marker, polling=10, timeout=60_000,
            )
            times.append(time.perf_counter() - start)
            source.write_text(original, encoding="utf-8")
            tab.wait_for_function(
                "marker => document.body && !document.body.textContent.includes(marker)",
                arg=marker, polling=50, timeout=60_000,
            )
        tab.close()
    finally:
        source.write_text(original, encoding="utf-8")
        process.terminate()
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
    return times


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
    parser = argparse.ArgumentParser(description="Meet bouwtijd, geheugen, paginagewicht, zoeken, live herladen en Lighthouse.")
    parser.add_argument("--rondes", type=int, default=3, help="aantal afwisselende rondes (standaard 3)")
    parser.add_argument("--paginas", type=int, default=300, help="grootte van de gegenereerde visie (standaard 300)")
    parser.add_argument("--zonder-lighthouse", action="store_true", help="Lighthouse overslaan")
    parser.add_argument("--zonder-zoekmeting", action="store_true", help="de zoekmeting (scripts/zoekmeting.py) overslaan")
    parser.add_argument("--bewaar", type=Path, help="map waarin de projecten en rapporten blijven staan")
    arguments = parser.parse_args()
    arguments.belasting = os.getloadavg()

    workdir = arguments.bewaar or Path(tempfile.mkdtemp(prefix="ov-benchmark-"))
    if arguments.bewaar and workdir.exists():
        shutil.rmtree(workdir)
    workdir.mkdir(parents=True, exist_ok=True)
    print(f"Projecten in {workdir}", file=sys.stderr)
    projects = {
        ("sample", "ons"): copy_sample(workdir / "sample-ons"),
        ("groot", "ons"): generated_visie(workdir / "groot-ons", arguments.paginas),
    }
    projects["sample", "kaal"] = plain_project(projects["sample", "ons"], workdir / "sample-kaal")
    projects["groot", "kaal"] = plain_project(projects["groot", "ons"], workdir / "groot-kaal")

    print("Bouwen, afwisselend …", file=sys.stderr)
    runs = interleaved_builds(projects, arguments.rondes)
    page_counts = {key: len(list((p / "site").rglob("*.html"))) for key, p in projects.items()}

    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS[1:])
        print("Paginagewicht meten …", file=sys.stderr)
        weights = {
            key: page_weights(browser, project / "site", PAGE_TYPES[key[0]]) for key, project in projects.items()
        }
        print("Live herladen meten …", file=sys.stderr)
        serve_project = copy_sample(workdir / "serve-ons")
        reload_ours = reload_times(browser, serve_project, serve_project / "visie/gebieden/holtenbroek.md",
                                   "gebieden/holtenbroek/", 3)
        serve_plain = plain_project(serve_project, workdir / "serve-kaal")
        reload_plain = reload_times(browser, serve_plain, serve_plain / "docs/gebieden/holtenbroek.md",
                                    "gebieden/holtenbroek/", 3)
        browser.close()

    lighthouse: dict[str, dict[str, object]] = {}
    if not arguments.zonder_lighthouse:
        print("Lighthouse …", file=sys.stderr)
        # The sample without its PDOK background: this machine has no internet, and failing tile
        # requests would count as console errors that a real visitor does not get.
        project = copy_sample(workdir / "lighthouse-ons", achtergrond="geen")
        build(project)
        lighthouse = lighthouse_scores(project / "site", LIGHTHOUSE_PAGES, workdir)

    print(report(runs, page_counts, weights, reload_ours, reload_plain, lighthouse, arguments))
    if not arguments.zonder_zoekmeting:
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


def report(runs, page_counts, weights, reload_ours, reload_plain, lighthouse, arguments) -> str:
    median = {key: statistics.median(r.seconds) for key, r in runs.items()}
    ratio = {size: median[size, "ons"] / median[size, "kaal"] for size in ("sample", "groot")}
    lines = [
        f"## Benchmark ({arguments.rondes} afwisselende rondes, mediaan; gegenereerde visie van "
        f"{arguments.paginas} pagina's)",
        "",
        "| meting | sample: ons | sample: kale Material | groot: ons | groot: kale Material | doel |",
        "|---|---|---|---|---|---|",
        "| pagina's (HTML) | {} | {} | {} | {} | |".format(*(page_counts[k] for k in _keys())),
        "| bouwtijd | {} | {} | {} | {} | |".format(
            *(f"{median[k]:.2f} s ({min(runs[k].seconds):.2f}–{max(runs[k].seconds):.2f})" for k in _keys())),
        f"| verhouding ons/kaal | {ratio['sample']:.2f}× | | {ratio['groot']:.2f}× | | ≤ 1,2× en niet groeiend |",
        "| piekgeheugen | {} | {} | {} | {} | |".format(*(mb(max(runs[k].peak_bytes)) for k in _keys())),
    ]
    names = list(PAGE_TYPES["sample"])
    for name in names:
        cells = [kb(weights[k][name].page) if weights[k][name] else "n.v.t." for k in _keys()]
        lines.append(f"| {name}, gzip (HTML + alles wat ze laadt, zonder zoeken) | " + " | ".join(cells) + " | |")
    search = []
    for key in _keys():
        found = [w for w in weights[key].values() if w is not None and w.search]
        search.append(kb(max(w.search for w in found)) if found else "n.v.t.")
    lines.append("| zoeken, gzip (search_index.json + worker + lunr nl) | " + " | ".join(search) + " | |")
    foreign: dict[str, int] = {}
    for key in _keys():
        for weight in weights[key].values():
            for url in weight.foreign if weight else []:
                host = urlsplit(url).netloc
                foreign[host] = foreign.get(host, 0) + 1
    lines.append(
        f"| bewaren in visie/ → herladen pagina (`mkdocs serve`) | {_seconds(reload_ours)} | "
        f"{_seconds(reload_plain)} (bestand in docs/) | | | ≤ 1 s |"
    )
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
        "Paginagewicht: de som van de gzip-grootte van de HTML en van elk bestand van de eigen site dat de "
        "browser voor die pagina opvraagt (breed scherm, lege cache); de zoekbestanden staan apart.",
        "Verzoeken naar andere hosts tijdens het meten: "
        + (", ".join(f"{host} ({count}×)" for host, count in sorted(foreign.items())) or "geen")
        + " (de sample gebruikt de achtergrondkaart van PDOK; zonder internet mislukken die verzoeken).",
        f"Belasting van de machine (load average over 1 minuut): {arguments.belasting[0]:.1f} bij de start, "
        f"{os.getloadavg()[0]:.1f} aan het eind, op {os.cpu_count()} kernen.",
    ]
    return "\n".join(lines)


def _keys() -> list[tuple[str, str]]:
    return [("sample", "ons"), ("sample", "kaal"), ("groot", "ons"), ("groot", "kaal")]


def _seconds(times: list[float]) -> str:
    if not times:
        return "n.v.t."
    return f"{statistics.median(times):.2f} s ({min(times):.2f}–{max(times):.2f})"


if __name__ == "__main__":
    main()
