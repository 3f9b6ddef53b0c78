"""Work a build does that the next build of the same input can reuse, kept on disk.

The map assets are the slowest part of a small build: folium describes each kind of map, shapely
simplifies outlines, places gebied names and finds which objects touch which gebied, and loading
those libraries alone takes longer than building a hundred pages. Their results depend only on
their input, so a build keeps them in a folder (``.cache/omgevingsvisie/`` in the project), named
by a hash of the input and of the code and library versions that make them. An entry that is
missing, unreadable or made by other code is made again; the folder may be deleted at any time.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
import time
from functools import lru_cache
from importlib import metadata
from pathlib import Path
from typing import Callable

# The modules whose code decides what is cached: a change to any of them makes new entries.
_MAKERS = ("kaartdata.py", "nearby.py", "geo.py", "render/leaflet.py", "render/folium_kaart.py", "render/kleuren.py")
_LIBRARIES = ("folium", "branca", "shapely")
_CHECK = 32  # an entry starts with the SHA-256 of its data


def source_digest(folder: Path, names: tuple[str, ...], start: bytes = b"") -> hashlib._Hash:
    """A SHA-256 over ``start`` and the source files ``names`` in ``folder``: names what code made an entry."""
    digest = hashlib.sha256(start)
    for name in names:
        try:
            digest.update((folder / name).read_bytes())
        except OSError:
            digest.update(name.encode())
    return digest


@lru_cache(maxsize=1)
def _code_version() -> bytes:
    digest = source_digest(Path(__file__).parent, _MAKERS)
    for library in _LIBRARIES:
        try:
            digest.update(f"{library}={metadata.version(library)}".encode())
        except metadata.PackageNotFoundError:
            digest.update(f"{library}=-".encode())
    return digest.digest()


class BuildCache:
    """``folder`` None: nothing is kept (every result is made again)."""

    def __init__(self, folder: Path | None) -> None:
        self.folder = folder
        self.hits = 0
        self.made = 0

    def get(self, kind: str, key: bytes, make: Callable[[], bytes]) -> bytes:
        """The cached result for ``key``, or ``make()``'s, which is then kept."""
        data = self.read(kind, key)
        if data is not None:
            self.hits += 1
            return data
        data = make()
        self.made += 1
        self.keep(kind, key, data)
        return data

    def read(self, kind: str, key: bytes) -> bytes | None:
        """What was kept for ``key``; None if nothing was, or it is damaged or unreadable."""
        path = self._path(kind, key)
        if path is None:
            return None
        try:
            stored = path.read_bytes()
            data = stored[_CHECK:]
            if stored[:_CHECK] == hashlib.sha256(data).digest():  # else damaged: made again
                os.utime(path)  # used: kept by prune()
                return data
        except OSError:
            pass
        return None

    def keep(self, kind: str, key: bytes, data: bytes) -> None:
        """Keep ``data`` for ``key``, replacing what was kept."""
        path = self._path(kind, key)
        if path is None:
            return
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            # Written aside and renamed: two builds at once never read half an entry.
            handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".", suffix=".tmp")
            with os.fdopen(handle, "wb") as out:
                out.write(hashlib.sha256(data).digest() + data)
            os.replace(temporary, path)
        except OSError:
            pass  # a read-only or full disk: the build goes on without keeping this

    def _path(self, kind: str, key: bytes) -> Path | None:
        if self.folder is None:
            return None
        name = hashlib.sha256(_code_version() + kind.encode() + b"\0" + key).hexdigest()
        return self.folder / kind / name[:2] / name

    def prune(self, days: float = 30) -> None:
        """Forget entries no build has used for ``days``: the folder does not grow without end."""
        if self.folder is None or not self.folder.is_dir():
            return
        limit = time.time() - days * 86400
        for path in self.folder.glob("*/*/*"):
            try:
                if path.stat().st_mtime < limit:
                    path.unlink()
            except OSError:
                pass
