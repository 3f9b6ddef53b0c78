"""Reading the same unchanged files again costs nothing: parsed pages and kaarten kept between loads.

A live preview loads the whole visie on every save; parsing the front matter and blocks of a
thousand files, and the GeoJSON of their outlines, took seconds. An engine that loads repeatedly
turns this on with ``remember_pages()``; a page is read again when its file's size or
modification time changes, the kaarten when any file in the kaarten folder does. Kaarten are
shared between loads, so nothing may change them after loading.
"""

from __future__ import annotations

import os
import pickle
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable

from .model import Kaarten, Page
from .problems import Problem, Problems

ReadPage = Callable[..., "Page | None"]


@dataclass
class PageMemory:
    # A page is kept pickled, and each load gets its own copy: a build may change its pages.
    pages: dict[tuple[Any, ...], tuple[bytes, list[Problem]]] = field(default_factory=dict)
    last_kaarten: tuple[tuple[Any, ...], Kaarten, list[Problem]] | None = None

    def kaarten(self, load: Callable[[Path, str, Problems], Kaarten], root: Path, kaarten_dir: str,
                problems: Problems) -> Kaarten:
        folder = root / kaarten_dir
        try:
            state = tuple(sorted(
                (str(path), status.st_mtime_ns, status.st_size)
                for path in folder.rglob("*") if path.is_file() and (status := path.stat())
            ))
        except OSError:
            return load(root, kaarten_dir, problems)
        key = (str(folder), state)
        if self.last_kaarten is None or self.last_kaarten[0] != key:
            found = Problems()
            self.last_kaarten = (key, load(root, kaarten_dir, found), list(found.items))
        _, kaarten, found_items = self.last_kaarten
        for problem in found_items:
            problems.add(problem.path, problem.line, problem.message)
        return kaarten

    def read(self, read_page: ReadPage, file: Path, *args: Any) -> Page | None:
        problems: Problems = args[-2]
        try:
            status = os.stat(file)
        except OSError:
            return read_page(file, *args)
        key = (str(file), *args[:-2], args[-1], status.st_mtime_ns, status.st_size, status.st_ino)
        known = self.pages.get(key)
        if known is None:
            found = Problems()
            page = read_page(file, *args[:-2], found, args[-1])
            known = self.pages[key] = (pickle.dumps(page, protocol=pickle.HIGHEST_PROTOCOL), list(found.items))
        kept, found_items = known
        for problem in found_items:
            problems.add(problem.path, problem.line, problem.message)
        return pickle.loads(kept)


_memory: PageMemory | None = None


def remember_pages() -> None:
    global _memory
    if _memory is None:
        _memory = PageMemory()


def memory() -> PageMemory | None:
    return _memory
