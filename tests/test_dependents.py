"""Which pages a change affects: the core's answer that the live preview rebuilds from."""

from __future__ import annotations

import shutil
from pathlib import Path

from conftest import REPO
from omgevingsvisie import Layout, Visie, load_visie
from omgevingsvisie.dependents import pages_to_rebuild


def load(root: Path) -> Visie:
    return load_visie(Layout(root=root, visie_dir="visie", kaarten_dir="kaarten", docs_dir="docs", is_draft=None)).visie


def copy(tmp_path: Path) -> Path:
    for folder in ("visie", "kaarten", "docs"):
        shutil.copytree(REPO / folder, tmp_path / folder)
    return tmp_path


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_nothing_changed_nothing_to_rebuild(tmp_path: Path) -> None:
    root = copy(tmp_path)
    assert pages_to_rebuild(load(root), load(root)) == set()


def test_a_new_link_rebuilds_the_page_and_its_target_only(tmp_path: Path) -> None:
    root = copy(tmp_path)
    before = load(root)
    edit(root / "visie/gebieden/holtenbroek.md", "[[samen-uitvoeren]].", "[[samen-uitvoeren]] en [[zwolle-zuid]].")
    assert pages_to_rebuild(before, load(root)) == {"holtenbroek", "zwolle-zuid"}


def test_prose_of_a_gebied_rebuilds_that_page(tmp_path: Path) -> None:
    root = copy(tmp_path)
    before = load(root)
    edit(root / "visie/gebieden/vechtzone.md", "\n## ", "\nEen nieuwe zin.\n\n## ")
    assert pages_to_rebuild(before, load(root)) == {"vechtzone"}


def test_a_keuze_title_rebuilds_where_it_is_listed(tmp_path: Path) -> None:
    root = copy(tmp_path)
    before = load(root)
    edit(root / "visie/kernopgaven/klimaat-energie.md",
         "/// keuze | De uiterwaarden van IJssel en Vecht worden klimaatbuffer en natuurgebied",
         "/// keuze | De uiterwaarden worden een klimaatbuffer")
    affected = pages_to_rebuild(before, load(root))
    assert affected is not None
    # its page, the gebieden it names, the overviews, and the page its links point at
    assert {"klimaat-energie", "ijsselzone", "vechtzone", "keuzes", "matrix", "kaart", "gebieden", "index"} <= affected
    assert "holtenbroek" not in affected


def test_a_keuze_for_a_larger_gebied_reaches_the_gebieden_inside(tmp_path: Path) -> None:
    root = copy(tmp_path)
    before = load(root)
    edit(root / "visie/kernopgaven/klimaat-energie.md", "gebieden: [ijsselzone, vechtzone]", "gebieden: [stadsring]")
    affected = pages_to_rebuild(before, load(root))
    assert affected is not None
    assert {"stadsring", "holtenbroek", "stadshagen", "zwolle-zuid", "ijsselzone", "vechtzone"} <= affected


def test_titles_visie_yml_and_kaarten_rebuild_everything(tmp_path: Path) -> None:
    root = copy(tmp_path)
    before = load(root)
    edit(root / "visie/gebieden/centrum.md", "titel: Centrum", "titel: Binnenstad")
    assert pages_to_rebuild(before, load(root)) is None
    root = copy(tmp_path / "b")
    before = load(root)
    edit(root / "kaarten/lagen.yml", "Gebiedsindeling (indicatief)", "Indeling (indicatief)")
    assert pages_to_rebuild(before, load(root)) is None
