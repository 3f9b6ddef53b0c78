"""Preview builds for the gemeenteraad: visie.json, the Wijzigingen page, markers and CI files."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from conftest import FIXTURES, REPO, Build

MOVE = 0.004  # degrees north, about 445 m
GIT = ["git", "-c", "user.name=Test", "-c", "user.email=test@example.org", "-c", "init.defaultBranch=main"]
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}


def git(cwd: Path, *args: str) -> str:
    return subprocess.run([*GIT, *args], cwd=cwd, check=True, capture_output=True, text=True).stdout


def replace(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, (path, old)
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


@pytest.fixture(scope="module")
def repository(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A gemeente's repository: main holds the base visie, branch 'voorstel' one change commit."""
    origin = tmp_path_factory.mktemp("origin")
    work = tmp_path_factory.mktemp("werk")
    for name in ("mkdocs.yml", "docs", "scripts", ".github", ".gitlab-ci.yml"):
        source = REPO / name
        (shutil.copytree if source.is_dir() else shutil.copy)(source, work / name)
    shutil.copytree(FIXTURES / "andere-gemeente" / "visie", work / "visie")
    shutil.copytree(FIXTURES / "andere-gemeente" / "kaarten", work / "kaarten")
    git(work, "init", "-q")
    git(work, "add", "-A")
    git(work, "commit", "-qm", "Vastgestelde visie")
    git(origin, "init", "-q", "--bare")
    git(work, "remote", "add", "origin", str(origin))
    git(work, "push", "-q", "origin", "main")
    git(work, "fetch", "-q", "origin")
    git(work, "checkout", "-qb", "voorstel")

    water = work / "visie/kernopgaven/leven-met-water.md"
    # changed keuze: its toelichting and its rol
    replace(water, "Samen met de dijkversterking leggen we een wandelpad over de kruin aan.",
            "Samen met de dijkversterking leggen we een fietspad over de kruin aan.")
    replace(water, "    rol: investeren\n", "    rol: samenwerken\n")
    # a rewritten sentence in a kernopgave's text
    replace(water, "We geven het water ruimte in de", "We laten de rivier vrij stromen in de")
    # removed keuze
    text = water.read_text(encoding="utf-8")
    start = text.index("/// keuze | Regenwater blijft")
    water.write_text(text[:start] + text[text.index("///\n", start + 10) + 4 :], encoding="utf-8")
    # added keuze
    dorpen = work / "visie/kernopgaven/vitale-dorpen.md"
    dorpen.write_text(dorpen.read_text(encoding="utf-8") + (
        "\n/// keuze | Elke kern krijgt een ontmoetingsplek aan het water\n"
        "    id: ontmoeten-aan-het-water\n    gebieden: [polder]\n    rol: ruimte-geven\n\n"
        "Initiatieven van dorpsbewoners krijgen ruimte.\n///\n"
    ), encoding="utf-8")
    # changed gebied title; added gebied with an outline
    replace(work / "visie/gebieden/haven.md", "titel: ", "titel: De ")
    (work / "visie/gebieden/polder.md").write_text("---\ntitel: Polder\n---\nHet open land achter de dijk.\n")
    geojson = json.loads((work / "kaarten/gebieden.geojson").read_text())
    geojson["features"].append({
        "type": "Feature",
        "properties": {"gebied": "polder", "naam": "Polder"},
        "geometry": {"type": "Polygon", "coordinates": [[[5.2, 51.7], [5.25, 51.7], [5.25, 51.72], [5.2, 51.72], [5.2, 51.7]]]},
    })
    # a moved outline: the uiterwaarden shift north
    uiterwaarden = next(f for f in geojson["features"] if f["properties"]["gebied"] == "uiterwaarden")
    uiterwaarden["geometry"]["coordinates"] = [[[x, y + MOVE] for x, y in ring] for ring in uiterwaarden["geometry"]["coordinates"]]
    (work / "kaarten/gebieden.geojson").write_text(json.dumps(geojson))
    replace(work / "visie/visie.yml", "datum:", "pdf: true\ndatum:")
    git(work, "commit", "-qam", "Voorstel")
    git(work, "add", "-A")
    git(work, "commit", "-qm", "Polder")
    return work


def build_preview(repository: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "scripts/voorvertoning.py", *args],
        cwd=repository, env=ENV, capture_output=True, text=True, timeout=300,
    )


def article(html: str) -> str:
    return html[html.index("<article") : html.index("</article>")]


def entries(html: str) -> dict[str, set[str]]:
    """Item ids per status on the Wijzigingen page."""
    found: dict[str, set[str]] = {"nieuw": set(), "verwijderd": set(), "gewijzigd": set()}
    for item_id, status in re.findall(r'<li id="wijziging-([a-z0-9-]+)" class="ov-wijziging ov-wijziging--(\w+)"', html):
        found[status].add(item_id)
    return found


@pytest.fixture(scope="module")
def preview(repository: Path) -> Path:
    result = build_preview(repository, "--basis", "main")
    assert result.returncode == 0, result.stdout + result.stderr
    return repository / "site"


def test_wijzigingen_lists_exactly_the_differences(preview: Path) -> None:
    html = article((preview / "wijzigingen/index.html").read_text(encoding="utf-8"))
    assert entries(html) == {
        "nieuw": {"ontmoeten-aan-het-water", "polder"},
        "verwijderd": {"water-in-het-dorp"},
        "gewijzigd": {"dijk-versterken", "haven", "leven-met-water", "uiterwaarden"},
    }
    assert "Ten opzichte van versie 1.0 (main): 2 nieuw, 1 verwijderd, 4 gewijzigd." in html
    assert "rol</strong>: was Investeren, wordt Samenwerken" in html
    assert re.search(r"<del><span class=\"ov-sr\">verwijderd: </span>wandelpad</del>", html)
    assert re.search(r"<ins><span class=\"ov-sr\">toegevoegd: </span>fietspad</ins>", html)
    assert re.search(r"titel</strong>: <ins><span class=\"ov-sr\">toegevoegd: </span>De </ins>Oude haven", html)
    # a rewritten phrase reads as one removed and one added run, not word by word
    rewritten = html[html.index('id="wijziging-leven-met-water"') :].split("</li>")[0]
    assert (
        'We <del><span class="ov-sr">verwijderd: </span>geven het water ruimte</del>'
        '<ins><span class="ov-sr">toegevoegd: </span>laten de rivier vrij stromen</ins> in de' in rewritten
    )
    assert rewritten.count("<del>") == 1 and rewritten.count("<ins>") == 1
    # the kernopgave that only gained a keuze did not change itself
    assert 'id="wijziging-vitale-dorpen"' not in html
    # a new keuze is shown whole: its text, rol and gebieden as added
    new = html[html.index('id="wijziging-ontmoeten-aan-het-water"') :].split("</ul></li>")[0]
    assert '<ins><span class="ov-sr">toegevoegd: </span>Initiatieven van dorpsbewoners krijgen ruimte.</ins>' in new
    assert "rol</strong>: <ins><span class=\"ov-sr\">toegevoegd: </span>Ruimte geven</ins>" in new
    assert "gebieden</strong>: <ins><span class=\"ov-sr\">toegevoegd: </span>Polder</ins>" in new
    removed = html[html.index('id="wijziging-water-in-het-dorp"') :].split("</ul></li>")[0]
    assert '<del><span class="ov-sr">verwijderd: </span>Met bewoners maken we tuinen' in removed
    # the moved outline, with the area gained and lost measured in RD New
    moved = html[html.index('id="wijziging-uiterwaarden"') :].split("</li>")[0]
    gained, lost = expected_hectares()
    assert f"begrenzing op de kaart</strong>: gewijzigd: {gained} erbij en {lost} eraf" in moved
    # per layer: the feature that was added and the one that moved
    kaarten = html[html.index('id="wijzigingen-kaarten"') :]
    assert "Nieuw: Polder" in kaarten and "Gewijzigd: Uiterwaarden" in kaarten and "Verwijderd:" not in kaarten


def expected_hectares() -> tuple[str, str]:
    from pyproj import Transformer
    from shapely.geometry import Polygon

    geojson = json.loads((FIXTURES / "andere-gemeente/kaarten/gebieden.geojson").read_text())
    ring = next(f for f in geojson["features"] if f["properties"]["gebied"] == "uiterwaarden")["geometry"]["coordinates"][0]
    to_rd = Transformer.from_crs("EPSG:4326", "EPSG:28992", always_xy=True).transform
    old = Polygon([to_rd(x, y) for x, y in ring])
    new = Polygon([to_rd(x, y + MOVE) for x, y in ring])
    return tuple(f"{new.difference(old).area / 10000 if i == 0 else old.difference(new).area / 10000:.1f}".replace(".", ",") + " ha" for i in (0, 1))


def test_changed_items_are_marked_on_their_pages(preview: Path) -> None:
    uiterwaarden = article((preview / "gebieden/uiterwaarden/index.html").read_text(encoding="utf-8"))
    assert "Gewijzigd</strong> ten opzichte van versie 1.0 (main) (begrenzing op de kaart)" in uiterwaarden
    haven = article((preview / "gebieden/haven/index.html").read_text(encoding="utf-8"))
    assert "Gewijzigd</strong> ten opzichte van versie 1.0 (main) (titel)" in haven
    assert 'href="../../wijzigingen/#wijziging-haven"' in haven
    water = article((preview / "kernopgaven/leven-met-water/index.html").read_text(encoding="utf-8"))
    keuze = water[water.index('aria-labelledby="dijk-versterken"') :]
    assert re.search(r"Gewijzigd</strong> ten opzichte van versie 1.0 \(main\) \(toelichting, rol\)", keuze)
    dorpen = article((preview / "kernopgaven/vitale-dorpen/index.html").read_text(encoding="utf-8"))
    assert "Nieuw</strong> ten opzichte van versie 1.0 (main)" in dorpen
    assert "Gewijzigd</strong>" not in dorpen.split('aria-labelledby="haven-herontwikkelen"')[1].split("</section>")[0]


def test_every_preview_page_says_so_and_is_kept_out_of_search_engines(preview: Path) -> None:
    pages = list(preview.rglob("index.html"))
    assert len(pages) > 8
    for page in pages:
        html = page.read_text(encoding="utf-8")
        assert '<meta name="robots" content="noindex, nofollow">' in html, page
        assert "Voorvertoning" in html and "vergeleken met versie 1.0 (main)" in html, page


def test_a_normal_build_is_no_preview_and_exports_visie_json(other_build: Build) -> None:
    html = other_build.html("")
    assert "noindex" not in html and "Voorvertoning" not in html
    assert not (other_build.site / "wijzigingen").exists()
    export = json.loads((other_build.site / "visie.json").read_text(encoding="utf-8"))
    assert export["gemeente"] == "Dijkwaarden" and export["status"] == "vastgesteld"
    sources = FIXTURES / "andere-gemeente" / "visie"
    assert {k["id"] for k in export["kernopgaven"]} == {p.stem for p in (sources / "kernopgaven").glob("*.md")}
    assert {g["id"] for g in export["gebieden"]} == {p.stem for p in (sources / "gebieden").glob("*.md")}
    keuze = next(k for k in export["keuzes"] if k["id"] == "water-in-het-dorp")
    assert keuze["kernopgave"] == "leven-met-water" and keuze["gebieden"] == ["dorpskernen"]
    assert keuze["rol"] == "samenwerken" and keuze["kernopgaven"] == ["vitale-dorpen"]
    assert keuze["verwijzingen"] == ["voorzieningen-bundelen"] and keuze["status"] == "vastgesteld"
    assert "tuinen en straten groener" in keuze["tekst"]
    haven = next(g for g in export["gebieden"] if g["id"] == "haven")
    assert haven["onderdeel_van"] == "dorpskernen"
    layer = next(l for l in export["lagen"] if l["id"] == "gebieden")
    assert layer["geojson"]["type"] == "FeatureCollection" and len(layer["geojson"]["features"]) >= 3


def test_basis_can_be_an_earlier_visie_json(repository: Path, other_build: Build, tmp_path: Path) -> None:
    earlier = tmp_path / "visie.json"
    shutil.copy(other_build.site / "visie.json", earlier)
    result = build_preview(repository, "--basis", str(earlier), "--naam", "vastgestelde versie")
    assert result.returncode == 0, result.stderr
    html = article((repository / "site/wijzigingen/index.html").read_text(encoding="utf-8"))
    assert "versie 1.0 (vastgestelde versie)" in html
    assert entries(html)["verwijderd"] == {"water-in-het-dorp"}


def test_unknown_base_ref_is_a_clear_dutch_error(repository: Path) -> None:
    before = sorted(p.name for p in repository.iterdir())
    result = build_preview(repository, "--basis", "bestaat-niet")
    assert result.returncode == 2
    assert "Traceback" not in result.stderr + result.stdout
    assert result.stderr.strip() == (
        "voorvertoning: onbekende basisversie 'bestaat-niet': dat is geen bestand en geen branch, tag of commit "
        "in deze repository"
    )
    assert sorted(p.name for p in repository.iterdir()) == before


def ci_commands(repository: Path) -> dict[str, list[str]]:
    """The shell lines of the CI files' build steps (installs are done by the test set-up)."""
    installs = ("pip ", "apt-get ", "sudo apt-get ")
    github = yaml.safe_load((repository / ".github/workflows/visie.yml").read_text())
    gitlab = yaml.safe_load((repository / ".gitlab-ci.yml").read_text())
    steps = [s.get("run", "") for job in github["jobs"].values() for s in job.get("steps", [])]
    found = {
        "github": [l for s in steps for l in s.splitlines() if l.strip() and not l.startswith(installs)],
        "gitlab-voorvertoning": [l for l in gitlab["voorvertoning"]["script"] if not l.startswith(installs)],
        "gitlab-pages": [l for l in gitlab["pages"]["script"] if not l.startswith(installs)],
    }
    return found


def test_ci_build_steps_run_locally(repository: Path) -> None:
    commands = ci_commands(repository)
    preview_line = next(l for l in commands["github"] if "voorvertoning.py" in l)
    main_line = next(l for l in commands["github"] if l.startswith("mkdocs build"))
    github_env = {**ENV, "BASIS": "main"}
    for line in (preview_line.replace("${{ github.base_ref }}", "main"), main_line):
        result = subprocess.run(line, shell=True, cwd=repository, env=github_env, capture_output=True, text=True)
        assert result.returncode == 0, (line, result.stderr)
    gitlab_env = {**ENV, "CI_MERGE_REQUEST_TARGET_BRANCH_NAME": "main"}
    for line in commands["gitlab-voorvertoning"]:
        result = subprocess.run(line, shell=True, cwd=repository, env=gitlab_env, capture_output=True, text=True)
        assert result.returncode == 0, (line, result.stderr)
    assert "noindex" in (repository / "site/index.html").read_text()
    pages_env = {**ENV, "CI_PAGES_URL": "https://dijkwaarden.example.org"}
    for line in commands["gitlab-pages"]:
        result = subprocess.run(line, shell=True, cwd=repository, env=pages_env, capture_output=True, text=True)
        assert result.returncode == 0, (line, result.stderr)
    published = (repository / "public/index.html").read_text()
    assert "noindex" not in published
    assert '<link rel="canonical" href="https://dijkwaarden.example.org/">' in published


def test_wijzigingen_map_shows_added_outlines_in_their_own_colour(preview: Path, browser) -> None:
    from conftest import serve_directory

    html = article((preview / "wijzigingen/index.html").read_text(encoding="utf-8"))
    figure = html[html.index("Gewijzigde kaartobjecten") :]
    assert "<strong>Toegevoegd</strong>" in figure and "<li>Polder</li>" in figure
    assert "<strong>Gewijzigd: vorige vorm (gestippelde lijn)</strong>" in figure
    assert "Verwijderd</strong>" not in figure  # nothing was removed from the layers
    server, url = serve_directory(preview)
    try:
        tab = browser.new_page()
        tab.goto(url + "wijzigingen/", wait_until="networkidle")
        paths = tab.locator(".ov-kaart__kaart path.leaflet-interactive")
        paths.first.wait_for(state="attached", timeout=15000)
        tab.wait_for_function("document.querySelectorAll('.ov-kaart__kaart path.leaflet-interactive').length >= 3")
        shapes = [(p.get_attribute("stroke"), p.get_attribute("stroke-dasharray")) for p in paths.all()]
        # the added polder; the moved uiterwaarden twice: the new outline, and the old one dashed
        assert sorted(shapes, key=str) == sorted([("#0072b2", None), ("#7b3294", None), ("#000000", "8 6")], key=str)
        tab.close()
    finally:
        server.shutdown()


def test_changes_pdf_holds_the_renvooi_and_the_change_map(preview: Path) -> None:
    from pypdf import PdfReader

    reader = PdfReader(preview / "wijzigingen.pdf")
    assert "/StructTreeRoot" in reader.trailer["/Root"] and str(reader.trailer["/Root"]["/Lang"]).startswith("nl")
    assert reader.metadata.title == "Wijzigingen in de Omgevingsvisie Dijkwaarden"
    cover = re.sub(r"\s+", " ", reader.pages[0].extract_text())
    assert "Vergeleken met versie 1.0 (main)" in cover and "Datum van de vergelijking" in cover
    text = re.sub(r"\s+", " ", " ".join(page.extract_text() for page in reader.pages))
    # the runs, also in words for who prints in black and white
    assert "[verwijderd: geven het water ruimte]" in text
    assert "[toegevoegd: laten de rivier vrij stromen]" in text
    assert "[verwijderd: wandelpad][toegevoegd: fietspad]" in text
    assert "Gewijzigde kaartobjecten" in text and "Gewijzigd: vorige vorm (gestippelde lijn)" in text
    assert (preview / "visie.pdf").is_file()
    assert 'href="../wijzigingen.pdf"' in (preview / "wijzigingen/index.html").read_text(encoding="utf-8")
