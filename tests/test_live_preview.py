"""The live preview rebuilds the pages a change affects, and only those, under a real `mkdocs serve`."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Iterator

import pytest

from conftest import make_project
from test_serve import fetch, free_port, wait_for


@pytest.fixture(scope="module")
def serving(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Path, Path]]:
    project = make_project(tmp_path_factory.mktemp("voorvertoning"))
    port = free_port()
    log = project / "serve.log"
    with log.open("w") as out:
        process = subprocess.Popen(
            [sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}"],
            cwd=project, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"}, stdout=out, stderr=subprocess.STDOUT,
        )
        try:
            url = f"http://127.0.0.1:{port}/"
            assert wait_for(lambda: "Stadshagen" in fetch(url + "gebieden/stadshagen/"), 120), log.read_text()
            yield url, project, log
        finally:
            process.terminate()
            process.wait(timeout=20)


def search_page_count(url: str) -> int:
    """How many items the search index holds, from its index.json."""
    try:
        return int(json.loads(fetch(url + "zoeken/index.json"))["aantal"])
    except (ValueError, KeyError, TypeError):
        return -1


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def rebuilt_counts(log: Path) -> list[tuple[int, int]]:
    return [(int(a), int(b)) for a, b in re.findall(r"Voorvertoning: (\d+) van de (\d+) pagina's", log.read_text())]


def test_a_new_link_shows_as_a_terugverwijzing_on_the_target(serving: tuple[str, Path, Path]) -> None:
    url, project, log = serving
    target = url + "gebieden/zwolle-zuid/"
    assert "holtenbroek" not in fetch(target).split("Verwijzingen naar deze pagina")[-1]
    # The index is written at the end of each build; right after start-up it may still be on its way.
    assert wait_for(lambda: search_page_count(url) > 10, 60)
    indexed = search_page_count(url)
    edit(project / "visie/gebieden/holtenbroek.md", "[[samen-uitvoeren]].", "[[samen-uitvoeren]] en [[zwolle-zuid]].")
    assert wait_for(lambda: "../holtenbroek/#" in fetch(target).split("Verwijzingen naar deze pagina")[-1], 60), log.read_text()
    # Only the pages the change touches were built again, not the whole site.
    done, total = rebuilt_counts(log)[-1]
    assert done < total / 2, (done, total)
    # The search index still covers every page, not just the rebuilt ones.
    assert wait_for(lambda: search_page_count(url) == indexed, 30), (search_page_count(url), indexed)
    assert "Traceback" not in log.read_text()


def test_a_keuze_title_change_shows_on_alle_keuzes_and_the_gebied_page(serving: tuple[str, Path, Path]) -> None:
    url, project, log = serving
    edit(project / "visie/kernopgaven/klimaat-energie.md",
         "/// keuze | De uiterwaarden van IJssel en Vecht worden klimaatbuffer en natuurgebied",
         "/// keuze | De uiterwaarden worden een klimaatbuffer voor de hele stad")
    new = "De uiterwaarden worden een klimaatbuffer voor de hele stad"
    assert wait_for(lambda: new in fetch(url + "gebieden/vechtzone/"), 60), log.read_text()
    assert new in fetch(url + "keuzes/")
    assert new in fetch(url + "gebieden/ijsselzone/")
    assert new in fetch(url + "matrix/")


def test_a_titel_change_shows_in_the_menu(serving: tuple[str, Path, Path]) -> None:
    url, project, log = serving
    edit(project / "visie/gebieden/centrum.md", "titel: Centrum", "titel: Binnenstad")
    menu = lambda page: fetch(url + page).split('class="md-nav md-nav--primary"')[-1].split("md-sidebar--secondary")[0]  # noqa: E731
    assert wait_for(lambda: "Binnenstad" in menu("gebieden/holtenbroek/"), 60), log.read_text()
    assert "Binnenstad" in fetch(url + "gebieden/")
    assert "Traceback" not in log.read_text()


def test_one_save_is_one_rebuild_and_search_and_visie_json_follow(serving: tuple[str, Path, Path]) -> None:
    """The system's file notice and the polling behind it report one save once; the index and
    visie.json, written after the page, catch up with it."""
    from omgevingsvisie.search.index import shard_key
    from omgevingsvisie.search.words import terms

    url, project, log = serving
    before = len(rebuilt_counts(log))
    page = project / "visie/gebieden/stadshagen.md"
    page.write_text(page.read_text(encoding="utf-8") + "\nHier komt een zwaluwtoren bij de vijver.\n", encoding="utf-8")
    assert wait_for(lambda: "zwaluwtoren" in fetch(url + "gebieden/stadshagen/"), 60), log.read_text()
    assert wait_for(lambda: "zwaluwtoren" in fetch(url + "visie.json"), 30)
    term = terms("zwaluwtoren")[0]  # the word's own term, as the index stores it

    def indexed() -> bool:  # the index files are replaced one by one: look until they agree
        try:
            index = json.loads(fetch(url + "zoeken/index.json"))
            shard = max(n for n, start in enumerate(index["termen"]) if start <= shard_key(term))
            return term in json.loads(fetch(url + f"zoeken/termen/{shard}.json"))["t"]
        except (ValueError, KeyError):
            return False

    assert wait_for(indexed, 30)
    import time

    time.sleep(2.5)  # longer than the fallback polling interval
    assert len(rebuilt_counts(log)) == before + 1, log.read_text()
    assert "Traceback" not in log.read_text()
