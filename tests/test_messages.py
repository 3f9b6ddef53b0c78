"""Messages point the right way: valid hints, paths from the repository root, quotes that exist."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

from conftest import REPO
from mini_visie import SQUARE, feature, gebieden_geojson, write_mini_visie
from omgevingsvisie import Layout, load_visie


def problems(root: Path) -> list[str]:
    return [str(p) for p in load_visie(Layout(root, docs_dir=None)).problems]


def test_a_capitalised_file_name_gets_a_valid_id_as_hint(tmp_path: Path) -> None:
    root = write_mini_visie(tmp_path)
    (root / "visie/gebieden/wijk.md").rename(root / "visie/gebieden/Westenholte.md")
    (root / "kaarten/gebieden.geojson").write_text(
        gebieden_geojson(feature("stad", SQUARE), feature("westenholte", SQUARE)), encoding="utf-8"
    )
    wonen = root / "visie/kernopgaven/wonen.md"
    wonen.write_text(wonen.read_text().replace("gebieden: [wijk]", "gebieden: [westenholte]"))
    found = problems(root)
    assert "visie/gebieden/Westenholte.md:1: de bestandsnaam geeft een ongeldig id: 'Westenholte' is geen geldig id: " \
        "gebruik alleen kleine letters, cijfers en losse streepjes (bijvoorbeeld 'westenholte'); hernoem het " \
        "bestand of zet 'id:' in de front matter" in found
    assert "visie/kernopgaven/wonen.md:11: onbekend gebied 'westenholte'" in found
    assert not any("bedoelt u 'Westenholte'" in p for p in found), found


def test_an_invalid_id_in_front_matter_suggests_a_valid_one(tmp_path: Path) -> None:
    root = write_mini_visie(tmp_path)
    wijk = root / "visie/gebieden/wijk.md"
    wijk.write_text(wijk.read_text().replace("titel: Wijk", "titel: Wijk\nid: Oude Wijk"))
    found = [p for p in problems(root) if "geen geldig id" in p]
    assert found == [
        "visie/gebieden/wijk.md:3: het veld 'id' moet een geldig id zijn; 'Oude Wijk' is geen geldig id: gebruik "
        "alleen kleine letters, cijfers en losse streepjes (bijvoorbeeld 'oude-wijk')"
    ]


def test_the_missing_outline_message_names_the_file_from_the_root(tmp_path: Path) -> None:
    root = write_mini_visie(tmp_path)
    (root / "kaarten/gebieden.geojson").write_text(gebieden_geojson(feature("stad", SQUARE)), encoding="utf-8")
    assert problems(root) == [
        "visie/gebieden/wijk.md:1: het gebied 'wijk' heeft geen omtrek: voeg in kaarten/gebieden.geojson een object "
        "toe met de eigenschap \"gebied\": \"wijk\""
    ]


# --- the handleiding quotes what the generator prints -------------------------------------

FOUTMELDINGEN = REPO / "docs/handleiding/foutmeldingen.md"
# Parts that differ per case: a quoted value ('stadring', "#2e7d32", [[holtenbroeck]], {{ gemeent }}),
# a number, an ellipsis, a path (visie/kernopgaven/wijken.md, kaarten/), a chain a → b, and the
# kind of thing the message is about (composed from one template: "onbekende {kind}").
VARIABLE = re.compile(
    r"'[^']*'|\"[^\"]*\"|\[\[[^\]]*\]\]|\{\{[^}]*\}\}|\d+(?:\.\d+)?|…|\([^)]*…[^)]*\)|[\w.-]*/[\w./-]*|\S+(?: → \S+)+"
    r"|(?:[\w-]+, )+[\w-]+|\b(?:een )?(?:kernopgave|keuze-blok|kaart-blok|keuze|kaart|gebied|kaartlaag|id|hoofdstuk|laag)\b"
)
# Messages are composed of parts ("front matter: " + "de YAML is ongeldig: " + reason).
PARTS = re.compile(r": |; ")


def quoted_messages() -> list[str]:
    text = FOUTMELDINGEN.read_text(encoding="utf-8")
    section = text[text.index("## De meldingen") :]
    cells = re.findall(r"^\| `([^`]+)`", section, re.M)
    items = re.findall(r"^- `([^`]+)`\s*$", section, re.M)
    blocks = re.findall(r"```text\n(.*?)```", text, re.S)
    lines = [line.split(": ", 1)[1] for block in blocks for line in block.splitlines()
             if re.match(r"^[\w./-]+\.(md|yml|geojson):\d+: ", line)]
    return cells + items + lines


def code_text() -> str:
    sources = [p.read_text(encoding="utf-8") for p in (REPO / "plugins").rglob("*.py")]
    # Adjacent string literals and f-string pieces are joined in the code; so are they here.
    return re.sub(r"\"\s*\n\s*f?\"", "", "\n".join(sources))


def test_the_handleiding_quotes_only_messages_the_generator_prints() -> None:
    messages = quoted_messages()
    assert len(messages) >= 40
    code = code_text()
    missing = []
    for message in messages:
        for fragment in (f for part in PARTS.split(message) for f in VARIABLE.split(part)):
            fragment = fragment.strip(" :;,.()")
            if len(fragment) >= 4 and fragment not in code:
                missing.append(f"{message!r}: {fragment!r}")
    assert missing == []


def test_the_handleiding_quotes_real_messages_for_real_mistakes(tmp_path: Path) -> None:
    """The quoted YAML message is exactly what the generator prints for a colon in a title."""
    root = write_mini_visie(tmp_path)
    wonen = root / "visie/kernopgaven/wonen.md"
    wonen.write_text(wonen.read_text().replace("titel: Wonen in de stad", "titel: Bijlage: trends"))
    (message,) = [p.split(": ", 1)[1] for p in problems(root)]
    assert message in quoted_messages()


def test_no_project_file_refers_outside_the_repository() -> None:
    tracked = subprocess.run(["git", "ls-files"], cwd=REPO, capture_output=True, text=True, check=True).stdout.split()
    outside = re.compile(r"\.\./" + "shared|(?<![\\w-])" + "shared/")
    offenders = [
        name for name in tracked
        if (REPO / name).is_file() and name != "tests/test_messages.py"
        and outside.search((REPO / name).read_text(encoding="utf-8", errors="ignore"))
    ]
    assert offenders == []
