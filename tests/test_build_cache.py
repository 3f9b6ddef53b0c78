"""The build cache: map assets that did not change are reused, and reuse never shows stale data."""

from __future__ import annotations

import re
from pathlib import Path

from conftest import make_project, run_build


def cache_line(output: str) -> tuple[int, int]:
    found = re.search(r"Bouwcache: (\d+) kaartonderdelen hergebruikt, (\d+) nieuw gemaakt", output)
    assert found, output
    return int(found.group(1)), int(found.group(2))


def map_assets(site: Path) -> dict[str, bytes]:
    folder = site / "assets" / "kaarten"
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_a_second_build_reuses_the_maps_and_writes_the_same_site(tmp_path: Path) -> None:
    project = make_project(tmp_path / "p")
    first = run_build(project)
    assert first.returncode == 0, first.output
    reused, made = cache_line(first.output)
    assert (reused, made > 5) == (0, True)
    assets = map_assets(project / "site")
    page = (project / "site" / "gebieden" / "holtenbroek" / "index.html").read_text(encoding="utf-8")

    second = run_build(project)
    assert second.returncode == 0, second.output
    assert cache_line(second.output) == (made, 0)
    assert map_assets(project / "site") == assets
    assert (project / "site" / "gebieden" / "holtenbroek" / "index.html").read_text(encoding="utf-8") == page

    # A changed name in one layer: that layer and the kinds of map that show it are made anew,
    # and the site shows the new name.
    water = project / "kaarten" / "waterberging.geojson"
    water.write_text(water.read_text(encoding="utf-8").replace("Waterplein Holtenbroek", "Waterplein Noord"), encoding="utf-8")
    third = run_build(project)
    assert third.returncode == 0, third.output
    reused, made_now = cache_line(third.output)
    assert 0 < made_now < made and reused > 0
    changed = map_assets(project / "site")
    layer = next(data for name, data in changed.items() if name.startswith("waterberging.geojson"))
    assert "Waterplein Noord".encode() in layer and b"Waterplein Holtenbroek" not in layer
    assert "Waterplein Noord" in (project / "site" / "kaart" / "index.html").read_text(encoding="utf-8")


def test_a_damaged_entry_is_made_again(tmp_path: Path) -> None:
    project = make_project(tmp_path / "p")
    assert run_build(project).returncode == 0
    assets = map_assets(project / "site")
    entries = [p for p in (project / ".cache" / "omgevingsvisie").rglob("*") if p.is_file()]
    assert entries
    for entry in entries:
        entry.write_bytes(b"kapot" + entry.read_bytes()[40:])
    again = run_build(project)
    assert again.returncode == 0, again.output
    assert cache_line(again.output)[0] == 0
    assert map_assets(project / "site") == assets


def test_no_cache_when_the_option_is_empty(tmp_path: Path) -> None:
    project = make_project(tmp_path / "p")
    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace(
        "  - omgevingsvisie:\n", "  - omgevingsvisie:\n      cache_dir: ''\n"), encoding="utf-8")
    build = run_build(project)
    assert build.returncode == 0, build.output
    assert "Bouwcache: uit" in build.output
    assert not (project / ".cache").exists()
