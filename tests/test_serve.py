"""The live preview: `mkdocs serve` reports content errors, keeps serving and reloads on edits."""

from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from typing import Callable, Iterator

import pytest

from conftest import make_project


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def fetch(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8")
    except OSError:
        return ""


def wait_for(condition: Callable[[], bool], seconds: float = 60) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.3)
    return False


@pytest.fixture
def broken_project(tmp_path: Path) -> Path:
    project = make_project(tmp_path / "project")
    wijk = project / "visie/gebieden/holtenbroek.md"
    wijk.write_text(wijk.read_text().replace("onderdeel_van: stadsring", "onderdeel_van: stadring"))
    return project


@pytest.fixture
def server(broken_project: Path) -> Iterator[tuple[str, subprocess.Popen[str], Path]]:
    port = free_port()
    log = broken_project / "serve.log"
    with log.open("w") as out:
        process = subprocess.Popen(
            [sys.executable, "-m", "mkdocs", "serve", "--no-livereload" if False else "--livereload", "-a", f"127.0.0.1:{port}"],
            cwd=broken_project,
            env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
            stdout=out,
            stderr=subprocess.STDOUT,
            text=True,
        )
        try:
            yield f"http://127.0.0.1:{port}/", process, log
        finally:
            process.terminate()
            process.wait(timeout=20)


def test_serve_reports_errors_keeps_serving_and_reloads(server: tuple[str, subprocess.Popen[str], Path], broken_project: Path) -> None:
    url, process, log = server
    assert wait_for(lambda: "Holtenbroek" in fetch(url + "gebieden/holtenbroek/")), log.read_text()
    page = fetch(url + "gebieden/holtenbroek/")
    # The problem is shown in the preview itself and in the terminal, without a traceback.
    assert "1 fout in de inhoud" in page
    assert "visie/gebieden/holtenbroek.md:3: onbekend gebied &#39;stadring&#39;; bedoelt u &#39;stadsring&#39;?" in page
    assert "visie/gebieden/holtenbroek.md:3: onbekend gebied 'stadring'" in log.read_text()
    assert "Traceback" not in log.read_text()
    # The handleiding is part of the preview.
    assert "Handleiding" in fetch(url + "handleiding/")

    # Fix the mistake in visie/: the preview rebuilds without the error.
    wijk = broken_project / "visie/gebieden/holtenbroek.md"
    wijk.write_text(wijk.read_text().replace("onderdeel_van: stadring", "onderdeel_van: stadsring"))
    assert wait_for(lambda: "fout in de inhoud" not in fetch(url + "gebieden/holtenbroek/")), log.read_text()
    assert process.poll() is None

    # An edit in kaarten/ is picked up as well.
    lagen = broken_project / "kaarten/lagen.yml"
    lagen.write_text(lagen.read_text().replace("Gebiedsindeling (indicatief)", "Indeling in gebieden (indicatief)"))
    assert wait_for(lambda: "Indeling in gebieden (indicatief)" in fetch(url + "gebieden/holtenbroek/")), log.read_text()
    # The map itself is redrawn too, not taken from the previous build: its kind's script is new.
    kind = re.search(r'data-ov-soort="([0-9a-f]+)"', fetch(url + "gebieden/holtenbroek/"))
    assert kind is not None
    assert "Indeling in gebieden (indicatief)" in fetch(url + f"assets/kaarten/soorten/{kind.group(1)}.js")
    assert "Traceback" not in log.read_text()
