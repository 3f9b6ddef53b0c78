"""The base version a preview for the gemeenteraad compares with: a git ref or a visie.json."""

from __future__ import annotations

import io
import json
import subprocess
import sys
import tarfile
from pathlib import Path

from .export import export_visie
from .loader import Layout, load_visie


class BasisError(Exception):
    """A Dutch message for the person starting the preview."""


def git(root: Path, *args: str) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(["git", *args], cwd=root, capture_output=True)


def base_export_from_git(root: Path, ref: str, visie_dir: str, kaarten_dir: str, workdir: Path) -> Path:
    """Export the visie of a git ref to workdir/visie.json; return that path."""
    if git(root, "rev-parse", "--is-inside-work-tree").returncode != 0:
        raise BasisError(f"'{root}' is geen git-repository; geef als basis een visie.json van een eerdere build")
    if git(root, "rev-parse", "--verify", "--quiet", f"{ref}^{{commit}}").returncode != 0:
        raise BasisError(
            f"onbekende basisversie '{ref}': dat is geen bestand en geen branch, tag of commit in deze repository"
        )
    prefix = git(root, "rev-parse", "--show-prefix").stdout.decode().strip()
    archive = git(root, "archive", "--format=tar", ref, "--", f"{prefix}{visie_dir}", f"{prefix}{kaarten_dir}")
    if archive.returncode != 0:
        raise BasisError(f"de basisversie '{ref}' heeft geen mappen {visie_dir}/ en {kaarten_dir}/")
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
