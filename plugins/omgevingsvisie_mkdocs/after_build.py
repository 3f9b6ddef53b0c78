"""Work the live preview does after the pages are written, while the browser already reloads.

In `mkdocs serve` the browser reloads when the build returns. The search index and visie.json
cover the whole visie and take a third of a rebuild at 1,000 pages, but no reader needs them
to see the saved page: there they are written in a thread, which the next build waits for
before it starts. `mkdocs build` writes them in the build itself, before the site is swapped in.

The thread first gives the browser a moment (0.3 s) to fetch the reloaded page: MkDocs' server
is Python too, and while the thread computes, each of the page's requests waits for the
interpreter lock (measured: the page showed 0.3–0.6 s later). Longer, and a redacteur who saves
again a second later waits for the work. A next build does not wait for that moment; it starts
the work at once.

Python's cycle collector, too, waits for that moment in the preview: a full collection over the
objects of a thousand pages took a tenth of a second in the middle of a rebuild. A rebuild that
changes only a few pages runs without it (``hold_collection``), and the thread collects after
its work, while the redacteur reads.
"""

from __future__ import annotations

import gc
import logging
import os
import threading
from pathlib import Path
from typing import Callable

log = logging.getLogger("mkdocs.plugins.omgevingsvisie")


def replace_file(path: Path, data: bytes) -> None:
    """Write a file the preview already serves so that a reader never gets half of it."""
    temporary = path.with_name(path.name + ".tmp")
    temporary.write_bytes(data)
    os.replace(temporary, path)


class AfterBuild:
    def __init__(self, in_background: bool, pause: float = 0.3) -> None:
        self.in_background = in_background
        self.pause = pause
        self._thread: threading.Thread | None = None
        self._now = threading.Event()

    def run(self, work: Callable[[], None]) -> None:
        """Run ``work`` now, or (in the preview) in a thread of its own."""
        self.wait()
        if not self.in_background:
            work()
            return

        now = self._now = threading.Event()

        def guarded() -> None:
            now.wait(self.pause)
            try:
                work()
            except Exception as error:  # noqa: BLE001 - the preview goes on; the message says why
                log.error(f"de zoekindex en visie.json van de voorvertoning zijn niet bijgewerkt: {error}")
            finally:
                self.release_collection()
                gc.collect()

        self._thread = threading.Thread(target=guarded, name="omgevingsvisie-na-het-bouwen", daemon=True)
        self._thread.start()

    def hold_collection(self) -> None:
        """No cycle collection until this build's work is done (the preview only)."""
        if self.in_background:
            gc.disable()

    @staticmethod
    def release_collection() -> None:
        gc.enable()

    def wait(self) -> None:
        """Let the work of the previous build finish (the next build reads and writes the same files)."""
        if self._thread is not None:
            self._now.set()
            self._thread.join()
            self._thread = None
