"""Build into a sibling folder and swap it in only when the build succeeded.

MkDocs empties ``site_dir`` before it writes and aborts a ``--strict`` build only after writing;
building elsewhere is what keeps the previous site intact when a build fails.
"""

from __future__ import annotations

import logging
import shutil
from pathlib import Path


class _Counter(logging.Handler):
    def __init__(self) -> None:
        super().__init__(level=logging.WARNING)
        self.count = 0

    def emit(self, record: logging.LogRecord) -> None:
        self.count += 1


class StagedBuild:
    def __init__(self, site_dir: str) -> None:
        self.target = Path(site_dir)
        self.staging = self.target.with_name(f".{self.target.name}.in-aanbouw")
        self._counter = _Counter()

    def start(self, keep: bool = False) -> str:
        """The folder to build in; with ``keep`` (``--dirty``) it starts as a copy of the current site.

        Copies keep their modification times, so MkDocs' --dirty still skips unchanged pages.
        """
        shutil.rmtree(self.staging, ignore_errors=True)
        if keep and self.target.is_dir():
            shutil.copytree(self.target, self.staging, symlinks=True, copy_function=shutil.copy2)
        logging.getLogger("mkdocs").addHandler(self._counter)
        return str(self.staging)

    def doomed(self, strict: bool) -> bool:
        """Whether ``finish`` will drop this site: then the slow last steps (search, PDFs) can wait."""
        return strict and self._counter.count > 0

    def finish(self, strict: bool) -> bool:
        """Swap the new site in; with warnings under --strict, drop it. True when swapped."""
        logging.getLogger("mkdocs").removeHandler(self._counter)
        if strict and self._counter.count:
            self.abandon()
            return False
        old = self.target.with_name(f".{self.target.name}.vorige")
        shutil.rmtree(old, ignore_errors=True)
        if self.target.exists():
            self.target.rename(old)
        self.staging.rename(self.target)
        shutil.rmtree(old, ignore_errors=True)
        return True

    def abandon(self) -> None:
        logging.getLogger("mkdocs").removeHandler(self._counter)
        shutil.rmtree(self.staging, ignore_errors=True)
