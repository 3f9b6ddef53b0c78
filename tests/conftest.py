"""Shared set-up: real builds of a visie into a temporary project, a local web server, Chromium."""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import subprocess
import sys
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

import pytest

REPO = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
# Tests never reach the internet: the background map's tile server (the one third party a page
# may contact) is answered from here with an empty PNG; the request itself is still logged.
TILE_HOST = "https://service.pdok.nl/"
EMPTY_TILE = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
    "1f15c4890000000b49444154789c6360000200000500017a5eab3f0000000049454e44ae426082"
)


@dataclass
class Build:
    project: Path
    returncode: int
    output: str

    @property
    def site(self) -> Path:
        return self.project / "site"

    def html(self, page: str) -> str:
        """The built HTML of a page given by its URL path, such as 'gebieden/holtenbroek/'."""
        target = self.site / page
        if page.endswith("/") or page == "":
            target = target / "index.html"
        return target.read_text(encoding="utf-8")


def make_project(
    destination: Path, visie: Path | None = None, kaarten: Path | None = None, pdf: bool = False
) -> Path:
    """A copy of this repository's site set-up, with the sample or another visie.

    The sample asks for a PDF (``pdf: true``); making one takes seconds, so only builds that
    look at the PDF (``pdf=True``) keep that line.
    """
    destination.mkdir(parents=True, exist_ok=True)
    shutil.copy(REPO / "mkdocs.yml", destination / "mkdocs.yml")
    shutil.copytree(REPO / "docs", destination / "docs")
    shutil.copytree(visie or REPO / "visie", destination / "visie")
    shutil.copytree(kaarten or REPO / "kaarten", destination / "kaarten")
    if not pdf:
        yml = destination / "visie/visie.yml"
        yml.write_text(yml.read_text(encoding="utf-8").replace("\npdf: true\n", "\n"), encoding="utf-8")
    return destination


def run_build(project: Path, *extra: str, site_url: str | None = None) -> Build:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    env.pop("OMGEVINGSVISIE_SITE_URL", None)
    if site_url:
        env["OMGEVINGSVISIE_SITE_URL"] = site_url  # as the publishing CI job sets it
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", *extra],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    return Build(project, result.returncode, result.stdout + result.stderr)


@pytest.fixture(scope="session")
def sample_build(tmp_path_factory: pytest.TempPathFactory) -> Build:
    build = run_build(make_project(tmp_path_factory.mktemp("zwolle"), pdf=True))
    assert build.returncode == 0, build.output
    return build


@pytest.fixture(scope="session")
def other_build(tmp_path_factory: pytest.TempPathFactory) -> Build:
    project = make_project(
        tmp_path_factory.mktemp("dijkwaarden"),
        FIXTURES / "andere-gemeente" / "visie",
        FIXTURES / "andere-gemeente" / "kaarten",
    )
    build = run_build(project)
    assert build.returncode == 0, build.output
    return build


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        pass


def serve_directory(directory: Path) -> tuple[http.server.ThreadingHTTPServer, str]:
    handler = functools.partial(_QuietHandler, directory=str(directory))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/"


@pytest.fixture(scope="session")
def sample_url(sample_build: Build) -> Iterator[str]:
    server, url = serve_directory(sample_build.site)
    yield url
    server.shutdown()


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@dataclass
class RequestLog:
    urls: list[str]

    def foreign(self, allowed_prefix: str) -> list[str]:
        return [u for u in self.urls if not u.startswith(allowed_prefix) and not u.startswith(("data:", "blob:"))]


@pytest.fixture
def page(browser: object) -> Iterator[object]:
    """A fresh browser tab; ``page.requests`` logs every URL the page asked for."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="nl-NL")  # type: ignore[attr-defined]
    context.route(f"{TILE_HOST}**", lambda route: route.fulfill(status=200, content_type="image/png", body=EMPTY_TILE))
    tab = context.new_page()
    log = RequestLog([])
    tab.on("request", lambda request: log.urls.append(request.url))
    tab.requests = log
    yield tab
    context.close()
