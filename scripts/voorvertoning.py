"""Build a preview of the visie for the gemeenteraad, compared with a base version.

    python scripts/voorvertoning.py --basis main
    python scripts/voorvertoning.py --basis v0.7
    python scripts/voorvertoning.py --basis pad/naar/visie.json

The basis is a git ref (branch, tag or commit) of this repository, or the visie.json of an
earlier build. The preview is a normal build into site/ with a Wijzigingen page, markers on
changed pages and keuzes, a notice on every page and noindex for search engines.
"""

from __future__ import annotations

import argparse
import io
import json
import os
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

from omgevingsvisie import Layout, load_visie
from omgevingsvisie.export import export_visie


class PreviewError(Exception):
    """A Dutch message for the person starting the preview."""


def git(root: Path, *args: str) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(["git", *args], cwd=root, capture_output=True)


def base_export_from_git(root: Path, ref: str, visie_dir: str, kaarten_dir: str, workdir: Path) -> Path:
    if git(root, "rev-parse", "--is-inside-work-tree").returncode != 0:
        raise PreviewError(f"'{root}' is geen git-repository; geef als basis een visie.json van een eerdere build")
    if git(root, "rev-parse", "--verify", "--quiet", f"{ref}^{{commit}}").returncode != 0:
        raise PreviewError(
            f"onbekende basisversie '{ref}': dat is geen bestand en geen branch, tag of commit in deze repository"
        )
    prefix = git(root, "rev-parse", "--show-prefix").stdout.decode().strip()
    archive = git(root, "archive", "--format=tar", ref, "--", f"{prefix}{visie_dir}", f"{prefix}{kaarten_dir}")
    if archive.returncode != 0:
        raise PreviewError(f"de basisversie '{ref}' heeft geen mappen {visie_dir}/ en {kaarten_dir}/")
    with tarfile.open(fileobj=io.BytesIO(archive.stdout)) as tar:
        tar.extractall(workdir, filter="data")
    result = load_visie(Layout(workdir / prefix if prefix else workdir, visie_dir, kaarten_dir, docs_dir=None))
    if result.problems:
        print(
            f"Let op: de basisversie '{ref}' bevat {len(result.problems)} fouten in de inhoud; "
            "de vergelijking gebruikt wat leesbaar is.",
            file=sys.stderr,
        )
    target = workdir / "visie.json"
    target.write_text(json.dumps(export_visie(result.visie), ensure_ascii=False), encoding="utf-8")
    return target


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Bouw een voorvertoning met een pagina Wijzigingen.")
    parser.add_argument("--basis", required=True, help="git-ref (branch, tag, commit) of pad naar een visie.json")
    parser.add_argument("--naam", help="naam van de basisversie op de site (standaard: de git-ref)")
    parser.add_argument("--config", default="mkdocs.yml", help="het mkdocs.yml-bestand (standaard: mkdocs.yml)")
    parser.add_argument("--visie-dir", default="visie")
    parser.add_argument("--kaarten-dir", default="kaarten")
    parser.add_argument("mkdocs_args", nargs="*", help="extra opties voor mkdocs build, na --")
    arguments = parser.parse_args(argv)
    config = Path(arguments.config).resolve()
    root = config.parent
    with tempfile.TemporaryDirectory(prefix="voorvertoning-") as workdir:
        try:
            given = Path(arguments.basis)
            if given.is_file():
                base, name = given.resolve(), arguments.naam
            else:
                base = base_export_from_git(root, arguments.basis, arguments.visie_dir, arguments.kaarten_dir, Path(workdir))
                name = arguments.naam or arguments.basis
        except PreviewError as error:
            print(f"voorvertoning: {error}", file=sys.stderr)
            return 2
        env = {**os.environ, "OMGEVINGSVISIE_BASIS": str(base), "OMGEVINGSVISIE_BASIS_NAAM": name or ""}
        command = [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(config), *arguments.mkdocs_args]
        return subprocess.run(command, cwd=root, env=env).returncode


if __name__ == "__main__":
    sys.exit(main())
