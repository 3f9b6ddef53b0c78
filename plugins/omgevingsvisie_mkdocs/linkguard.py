"""Keep MkDocs from reading docs/ through a symbolic link.

MkDocs walks docs/ following links. A build stops earlier (the core reports every link), but the
live preview goes on with content errors: there the linked files are left out of the site.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.structure.files import Files

from omgevingsvisie.safefiles import link_on_the_way


def drop_linked_files(files: Files, docs_dir: str) -> None:
    folder = Path(docs_dir)
    for file in list(files):
        if file.generated_by is None and file.abs_src_path and Path(file.abs_src_path).is_relative_to(folder):
            if link_on_the_way(folder, file.src_path) is not None:
                files.remove(file)
