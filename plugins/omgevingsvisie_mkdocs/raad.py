"""A preview of the visie for the gemeenteraad: a build with a Wijzigingen page against a base version.

The base is a git ref (branch, tag or commit) of the repository, or the visie.json of an earlier
build. The preview is a normal build into site/ with a Wijzigingen page, markers on changed pages
and keuzes, a notice on every page and noindex for search engines.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

from omgevingsvisie.basisversie import BasisError, base_export_from_git

from .runner import build_site

# mkdocs.yml reads these (basis, basis_naam of the omgevingsvisie plugin).
BASIS_ENV = "OMGEVINGSVISIE_BASIS"
BASIS_NAAM_ENV = "OMGEVINGSVISIE_BASIS_NAAM"


def build_raad(
    config_file: Path, basis: str, naam: str | None = None, visie_dir: str = "visie",
    kaarten_dir: str = "kaarten", site_dir: str | None = None,
) -> int:
    """Build the preview; 0 when written, 1 on content errors, 2 when the base is unusable."""
    config_file = config_file.resolve()
    root = config_file.parent
    with tempfile.TemporaryDirectory(prefix="voorvertoning-") as workdir:
        try:
            given = Path(basis)
            if given.is_file():
                base, name = given.resolve(), naam
            else:
                base = base_export_from_git(root, basis, visie_dir, kaarten_dir, Path(workdir))
                name = naam or basis
        except BasisError as error:
            print(f"voorvertoning: {error}", file=sys.stderr)
            return 2
        saved = {key: os.environ.get(key) for key in (BASIS_ENV, BASIS_NAAM_ENV)}
        os.environ[BASIS_ENV], os.environ[BASIS_NAAM_ENV] = str(base), name or ""
        try:
            return build_site(config_file, site_dir=site_dir)
        finally:
            for key, value in saved.items():
                if value is None:
                    os.environ.pop(key, None)
                else:
                    os.environ[key] = value
