"""Reading the same unchanged files again costs nothing: parsed pages kept between loads.

A live preview loads the whole visie on every save; parsing the front matter and blocks of a
thousand files took seconds. An engine that loads repeatedly turns this on with
``remember_pages()``; a page is read again when its file's size or modification time changes.
"""

from __future__ import annotations

import copy
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable

from .model import Page
from .problems import Problem, Problems

ReadPage = Callable[..., "Page | None"]


@dataclass
class PageMemory:
    pages: dict[tuple[Any, ...], tuple["Page | None", list[Problem]]] = field(default_factory=dict)

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
            known = self.pages[key] = (copy.deepcopy(page), list(found.items))
        page, found_items = known
        for problem in found_items:
            problems.add(problem.path, problem.line, problem.message)
        return copy.deepcopy(page)


_memory: PageMemory | None = None


def remember_pages() -> None:
    global _memory
    if _memory is None:
        _memory = PageMemory()


def memory() -> PageMemory | None:
    return _memory
