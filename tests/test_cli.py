"""The Dutch `omgevingsvisie` command: what a redacteur types and reads."""

from __future__ import annotations

import os
import re
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from conftest import REPO, make_project
from mini_visie import write_mini_visie

COMMAND = Path(sys.executable).parent / "omgevingsvisie"
PROBLEM_LINE = re.compile(r"^[\w./-]+(:\d+)?: .+$")
ENGLISH = ("Traceback", "Aborted", "BuildError", "Material for MkDocs", "INFO", "WARNING", "usage:", "options:")


def run(project: Path, *args: str, timeout: int = 300) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in ("NO_MKDOCS_2_WARNING", "OMGEVINGSVISIE_SITE_URL")}
    return subprocess.run([str(COMMAND), *args], cwd=project, env=env, capture_output=True, text=True, timeout=timeout)


def output(result: subprocess.CompletedProcess[str]) -> str:
    return result.stdout + result.stderr


def assert_dutch(text: str) -> None:
    for word in ENGLISH:
        assert word not in text, (word, text)


@pytest.fixture(scope="module")
def broken(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A project whose visie has two content errors."""
    project = tmp_path_factory.mktemp("kapot")
    shutil.copy(REPO / "mkdocs.yml", project / "mkdocs.yml")
    (project / "docs").mkdir()
    write_mini_visie(project)
    wonen = project / "visie/kernopgaven/wonen.md"
    wonen.write_text(wonen.read_text().replace("gebieden: [wijk]", "gebieden: [wyk]").replace("volgorde: 1", "volgorde: eerste"))
    return project


@pytest.fixture(scope="module")
def skeleton(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A new gemeente, started with `omgevingsvisie nieuw` in a copy of the site set-up."""
    project = tmp_path_factory.mktemp("nieuw")
    shutil.copy(REPO / "mkdocs.yml", project / "mkdocs.yml")
    shutil.copytree(REPO / "docs", project / "docs")
    result = run(project, "nieuw", "--gemeente", "Voorbeeld & Co")
    assert result.returncode == 0, output(result)
    return project


def test_the_command_is_installed_with_dutch_help() -> None:
    result = run(REPO, "--help")
    assert result.returncode == 0
    text = output(result)
    assert text.startswith("Gebruik: omgevingsvisie")
    assert "opdrachten:" in text and "opties:" in text and "toon deze hulp en stop" in text
    for command in ("controleer", "bouw", "voorvertoning", "raad", "nieuw", "schemas"):
        assert command in text
    assert_dutch(text)
    wrong = run(REPO, "bouwen")
    assert wrong.returncode == 2
    assert "fout: argument OPDRACHT: onbekende keuze: 'bouwen'" in output(wrong)
    assert_dutch(output(wrong))


def test_controleer_passes_the_sample_and_writes_nothing(tmp_path: Path) -> None:
    project = make_project(tmp_path / "zwolle")
    result = run(project, "controleer")
    assert result.returncode == 0, output(result)
    last = output(result).strip().splitlines()[-1]
    assert last.startswith("Geen fouten in visie/ en kaarten/: 4 kernopgaven")
    assert not (project / "site").exists() and not list(project.glob(".site*"))


def test_controleer_reports_every_problem_and_fails(broken: Path) -> None:
    result = run(broken, "controleer")
    assert result.returncode == 1
    lines = output(result).strip().splitlines()
    assert lines[:-1] == [
        "visie/kernopgaven/wonen.md:3: het veld 'volgorde' moet een geheel getal zijn",
        "visie/kernopgaven/wonen.md:11: onbekend gebied 'wyk'; bedoelt u 'wijk'?",
    ]
    assert lines[-1].startswith("2 fouten in de inhoud")
    assert not (broken / "site").exists()


def test_bouw_with_one_error_counts_one(tmp_path: Path) -> None:
    """One mistake: its line, then a last line that says one fout (not two, not as MkDocs')."""
    project = make_project(tmp_path / "een-fout", visie=REPO / "tests/fixtures/andere-gemeente/visie",
                           kaarten=REPO / "tests/fixtures/andere-gemeente/kaarten")
    page = project / "visie/gebieden/dorpskernen.md"
    page.write_text(page.read_text(encoding="utf-8").replace("[[vitale-dorpen]]", "[[vitale-dorp]]"), encoding="utf-8")
    result = run(project, "bouw")
    assert result.returncode == 1
    lines = output(result).strip().splitlines()
    assert lines == [
        "visie/gebieden/dorpskernen.md:7: verwijzing [[vitale-dorp]]: onbekend id 'vitale-dorp'; bedoelt u 'vitale-dorpen'?",
        "Er is niets gebouwd: 1 fout in de inhoud (zie hierboven). Een eerder gebouwde site is ongewijzigd.",
    ], lines


def test_bouw_with_errors_says_so_in_dutch_without_traces(broken: Path) -> None:
    (broken / "site").mkdir(exist_ok=True)
    (broken / "site/oud.html").write_text("vorige site")
    result = run(broken, "bouw")
    assert result.returncode == 1
    text = output(result)
    assert_dutch(text)
    lines = text.strip().splitlines()
    assert all(PROBLEM_LINE.match(line) for line in lines[:-1]), lines
    assert lines[-1] == "Er is niets gebouwd: 2 fouten in de inhoud (zie hierboven). Een eerder gebouwde site is ongewijzigd."
    assert (broken / "site/oud.html").read_text() == "vorige site"


def test_nieuw_starts_a_visie_that_builds(skeleton: Path) -> None:
    for name in ("visie/visie.yml", "visie/index.md", "visie/kernopgaven/wonen.md", "visie/gebieden/centrum.md",
                 "kaarten/lagen.yml", "kaarten/gebieden.geojson"):
        assert (skeleton / name).is_file(), name
    result = run(skeleton, "bouw")
    assert result.returncode == 0, output(result)
    text = output(result)
    assert_dutch(text)
    assert text.strip().splitlines()[-1] == "De site staat in site/ (open site/index.html in een browser)."
    home = (skeleton / "site/index.html").read_text(encoding="utf-8")
    assert "Omgevingsvisie Voorbeeld &amp; Co" in home
    assert "We bouwen woningen in het centrum" in (skeleton / "site/gebieden/centrum/index.html").read_text()
    again = run(skeleton, "nieuw", "--gemeente", "Andere")
    assert again.returncode == 1
    assert output(again).strip() == (
        "nieuw: de map visie/ bestaat al en is niet leeg; verplaats die bestanden eerst "
        "(zie de handleiding, 'Een site voor een andere gemeente')"
    )


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _serve_and_save(project: Path, command: list[str], env: dict[str, str]) -> str:
    """Start a live preview, save a file once, stop; return everything it printed."""
    port = _free_port()
    process = subprocess.Popen(
        [*command, "-a", f"127.0.0.1:{port}"], cwd=project, env=env,
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
    )
    try:
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/handleiding/", timeout=5) as response:
                    assert response.status == 200
                    break
            except OSError:
                time.sleep(0.5)
        else:
            raise AssertionError("de voorvertoning startte niet")
        page = project / "visie/gebieden/centrum.md"
        page.write_text(page.read_text() + "\nNog een zin.\n")
        time.sleep(6)
    finally:
        process.terminate()
        text, _ = process.communicate(timeout=30)
    return text


def test_live_preview_prints_no_english_and_no_handleiding_warnings(skeleton: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k != "NO_MKDOCS_2_WARNING"}
    ours = _serve_and_save(skeleton, [str(COMMAND), "voorvertoning"], env)
    assert "De voorvertoning draait op http://127.0.0.1:" in ours
    assert "Wijziging gezien" in ours
    assert_dutch(ours)
    plain = _serve_and_save(skeleton, [sys.executable, "-m", "mkdocs", "serve"], {**env, "NO_MKDOCS_2_WARNING": "1"})
    assert "Detected file changes" in plain  # it did rebuild
    assert "handleiding" not in plain and "excluded" not in plain and "WARNING" not in plain, plain


def readme_blocks() -> list[str]:
    text = (REPO / "README.md").read_text(encoding="utf-8")
    section = text.split("## Snel aan de slag", 1)[1].split("\n## ", 1)[0]
    return re.findall(r"```(?:sh|bash|shell)\n(.*?)```", section, re.S)


def test_readme_blocks_work_with_the_system_python_of_debian() -> None:
    """PEP 668: pip installs only inside a virtual environment, which needs python3-venv first."""
    blocks = readme_blocks()
    assert len(blocks) == 2  # .ci/run runs the second one
    for block in blocks:
        lines = [line for line in block.splitlines() if line and not line.startswith("#")]
        assert lines[0].startswith("apt-get update && apt-get install -y ") and "python3-venv" in lines[0]
        venv = lines.index("python3 -m venv .venv")
        assert lines[venv + 1] == ". .venv/bin/activate"
        assert all(not line.startswith("pip ") for line in lines[:venv])
        if any(line.startswith("npm ") for line in lines):
            # A fresh Debian has neither; where Node.js came from elsewhere (NodeSource), Debian's npm
            # conflicts with it, so it is installed only when missing.
            assert "command -v npm || apt-get install -y nodejs npm" in lines
    assert blocks[0].strip().endswith("omgevingsvisie bouw")
    assert "python -m pytest" in blocks[1]
    assert "Python 3.11" in (REPO / "README.md").read_text(encoding="utf-8")


def test_bouw_stops_on_a_mkdocs_warning_and_says_so_in_dutch(skeleton: Path, tmp_path: Path) -> None:
    project = shutil.copytree(skeleton, tmp_path / "kapotte-link", ignore=shutil.ignore_patterns("site"))
    (project / "docs/over.md").write_text("# Over\n\nZie [dit](bestaatniet.md).\n", encoding="utf-8")
    result = run(project, "bouw")
    assert result.returncode == 1
    lines = output(result).strip().splitlines()
    assert lines[-2].startswith("waarschuwing van MkDocs: Doc file 'over.md' contains a link 'bestaatniet.md'")
    assert lines[-1] == "Er is niets gebouwd: 1 waarschuwing van MkDocs (zie hierboven). Een eerder gebouwde site is ongewijzigd."
    assert not (project / "site").exists()
