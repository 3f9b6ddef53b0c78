"""Files of the project as the reader may open them: never through a symbolic link.

A link in visie/, kaarten/ or docs/ to ``/proc/self/environ`` or ``/etc/passwd`` would otherwise be
read and published (with the site's search index); a merge-request preview would show it to anyone.
"""

from __future__ import annotations

import os
from pathlib import Path

LINK_MESSAGE = (
    "dit is een symbolische koppeling (symlink); die volgt het programma niet, omdat ze naar een bestand "
    "buiten het project kan wijzen: zet het bestand zelf hier neer"
)


def find_links(folder: Path) -> list[Path]:
    """Every symbolic link inside ``folder`` (files and folders), without following any."""
    if folder.is_symlink():
        return [folder]
    links: list[Path] = []
    pending = [str(folder)]
    # scandir tells links from the directory listing itself: no stat per file (the live preview
    # looks through a thousand files on every save).
    while pending:
        current = pending.pop()
        try:
            with os.scandir(current) as entries:
                found = sorted(entries, key=lambda entry: entry.name)
        except OSError:
            continue
        for entry in found:
            if entry.is_symlink():
                links.append(Path(entry.path))
            elif entry.is_dir(follow_symlinks=False):
                pending.append(entry.path)
    return sorted(links)


def link_on_the_way(folder: Path, relative: str) -> Path | None:
    """The first symbolic link on the way from ``folder`` to ``folder/relative``, or None."""
    current = folder
    if current.is_symlink():
        return current
    for part in Path(relative).parts:
        current = current / part
        if current.is_symlink():
            return current
    return None
