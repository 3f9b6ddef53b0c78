"""A failed build leaves the earlier site untouched, also with --dirty and with a symlink in docs/."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from conftest import FIXTURES, make_project, run_build
from test_build import tree_digest


def test_failed_builds_change_nothing(tmp_path: Path) -> None:
    project = make_project(tmp_path / "project", FIXTURES / "andere-gemeente" / "visie", FIXTURES / "andere-gemeente" / "kaarten")
    first = run_build(project)
    assert first.returncode == 0, first.output
    before = tree_digest(project / "site")

    # a broken link is only a warning, which --strict turns into a failure after writing
    over = project / "docs" / "over.md"
    over.write_text(over.read_text(encoding="utf-8") + "\nZie [elders](bestaat-niet.md).\n", encoding="utf-8")
    dirty = run_build(project, "--dirty")
    assert dirty.returncode != 0, dirty.output
    assert "bestaat-niet.md" in dirty.output
    assert tree_digest(project / "site") == before

    # a page in docs/ that is a link to a file outside the project is refused before anything is read
    over.write_text(over.read_text(encoding="utf-8").replace("Zie [elders](bestaat-niet.md).", ""), encoding="utf-8")
    os.symlink("/etc/passwd", project / "docs" / "wachtwoorden.md")
    os.symlink("/proc/self/environ", project / "docs" / "omgeving.txt")
    for extra in ((), ("--dirty",)):
        linked = run_build(project, *extra)
        assert linked.returncode != 0, linked.output
        assert "docs/wachtwoorden.md: dit is een symbolische koppeling" in linked.output
        assert "docs/omgeving.txt: dit is een symbolische koppeling" in linked.output
        assert "Traceback" not in linked.output
        assert tree_digest(project / "site") == before
    os.remove(project / "docs" / "wachtwoorden.md")
    os.remove(project / "docs" / "omgeving.txt")

    # MkDocs warns about every --dirty build, so --strict --dirty always fails; without --strict a
    # --dirty build succeeds and does update the site
    over.write_text(over.read_text(encoding="utf-8") + "\nNieuwe zin voor de test.\n", encoding="utf-8")
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    good = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--dirty"], cwd=project, env=env,
                          capture_output=True, text=True, timeout=300)
    assert good.returncode == 0, good.stdout + good.stderr
    assert "Nieuwe zin voor de test." in (project / "site" / "over" / "index.html").read_text(encoding="utf-8")
    assert not (project / ".site.in-aanbouw").exists()


def test_the_live_preview_leaves_linked_files_out(tmp_path: Path) -> None:
    from mkdocs.structure.files import File, Files

    from omgevingsvisie_mkdocs.linkguard import drop_linked_files

    docs = tmp_path / "docs"
    (docs / "echt").mkdir(parents=True)
    (docs / "echt" / "pagina.md").write_text("# Echt\n")
    os.symlink("/etc/passwd", docs / "wachtwoorden.md")
    os.symlink("/etc", docs / "systeem")
    names = ["echt/pagina.md", "wachtwoorden.md", "systeem/passwd"]
    files = Files([File(name, str(docs), str(tmp_path / "site"), True) for name in names])
    drop_linked_files(files, str(docs))
    assert [f.src_uri for f in files] == ["echt/pagina.md"]
