"""ook_bekend_als: the names residents use for places inside a gebied, checked like every field."""

from __future__ import annotations

from pathlib import Path

import pytest

from mini_visie import write_mini_visie
from omgevingsvisie import Layout, load_visie
from omgevingsvisie.export import export_visie
from omgevingsvisie.render.gebied_namen import ook_bekend_als
from omgevingsvisie.search import page_text
from omgevingsvisie.search import keuze_facts, page_facts

GEBIED = "visie/gebieden/wijk.md"


def with_names(tmp_path: Path, line: str) -> Path:
    root = write_mini_visie(tmp_path)
    path = root / GEBIED
    path.write_text(path.read_text(encoding="utf-8").replace("onderdeel_van: stad\n", f"onderdeel_van: stad\n{line}\n"), encoding="utf-8")
    return root


def test_names_are_read_exported_and_searchable(tmp_path: Path) -> None:
    root = with_names(tmp_path, "ook_bekend_als: [De Pijp, \"Oud-West, noord\", \"<b>Noord</b>\"]")
    result = load_visie(Layout(root, docs_dir=None))
    assert [str(p) for p in result.problems] == []
    wijk = result.visie.gebied("wijk")
    names = ["De Pijp", "Oud-West, noord", "<b>Noord</b>"]
    assert wijk.ook_bekend_als == names
    exported = {g["id"]: g["ook_bekend_als"] for g in export_visie(result.visie)["gebieden"]}
    assert exported == {"stad": [], "wijk": names}
    facts = page_facts(result.visie, wijk)
    assert (facts.soort, facts.ook_bekend_als) == ("gebied", tuple(names))
    # Shown on the gebied page as text, escaped once.
    assert ook_bekend_als(wijk).endswith("De Pijp, Oud-West, noord, &lt;b&gt;Noord&lt;/b&gt;</p>")
    # a search result shows the names once, as names, not again in its snippet
    assert page_text(ook_bekend_als(wijk) + "<p>Een wijk aan het water.</p>").own.text == "Een wijk aan het water."
    # The keuze names the wijk; the index knows the wijk lies in the stad (tests/test_search.py narrows).
    keuze = keuze_facts(result.visie, result.visie.keuze("bouwen-in-de-wijk"))
    assert keuze.gebieden == ("wijk",) and keuze.rol == "Samenwerken" and keuze.kernopgave == "Wonen in de stad"


@pytest.mark.parametrize(
    "line, wrong",
    [
        ("ook_bekend_als: De Pijp", "'ook_bekend_als' moet een lijst van namen zijn, zoals [Assendorp, Diezerpoort]"),
        ("ook_bekend_als: [De Pijp, 12]", "'12' is geen naam"),
        ("ook_bekend_als: [De Pijp, {a: b}]", "is geen naam"),
        ("ook_bekend_als: [\"  \"]", "is geen naam"),
    ],
)
def test_a_wrong_value_gets_a_dutch_message_with_its_line(tmp_path: Path, line: str, wrong: str) -> None:
    root = with_names(tmp_path, line)
    found = [str(p) for p in load_visie(Layout(root, docs_dir=None)).problems]
    assert len(found) == 1, found
    assert found[0].startswith(f"{GEBIED}:4: het veld 'ook_bekend_als'"), found
    assert wrong in found[0]


def test_only_gebieden_have_it(tmp_path: Path) -> None:
    root = write_mini_visie(tmp_path)
    path = root / "visie/kernopgaven/wonen.md"
    path.write_text(path.read_text(encoding="utf-8").replace("volgorde: 1\n", "volgorde: 1\nook_bekend_als: [x]\n"), encoding="utf-8")
    found = [str(p) for p in load_visie(Layout(root, docs_dir=None)).problems]
    assert len(found) == 1 and "onbekend veld 'ook_bekend_als' in een kernopgave" in found[0], found
