"""The live preview hears of a saved file from the operating system, not only by polling.

MkDocs looks for changes by listing the watched folders every half second (every 0.2 s where the
system gives no notice): at a thousand pages that is 11 ms of work per look, and on average a tenth of a
second before a save is seen. The operating system tells at once (inotify on Linux, FSEvents on
macOS, ReadDirectoryChangesW on Windows, through watchdog, which MkDocs already uses).

Polling stays, once a second, for the folders where the system's notices do not arrive (some
network drives and container mounts). Both report through one handler that remembers the state
(modification time and size) of each file it reported, so one save starts one rebuild, not two.
"""

from __future__ import annotations

import logging
import os
import threading
from typing import Any

log = logging.getLogger("mkdocs.plugins.omgevingsvisie")

CHANGES = frozenset({"created", "deleted", "modified", "moved"})  # not opened/closed: a build reads files
FALLBACK_POLL = 1.0


def _state(path: str) -> tuple[int, int] | None:
    try:
        status = os.stat(path)
    except OSError:
        return None
    return status.st_mtime_ns, status.st_size


class _Reporter:
    """Tells the server to rebuild, once per state of a file, whichever observer saw it first."""

    def __init__(self, server: Any) -> None:
        self.server = server
        self.reported: dict[str, tuple[int, int] | None] = {}
        self.lock = threading.Lock()

    def __call__(self, event: Any, only: str | None = None) -> None:
        if event.is_directory or event.event_type not in CHANGES:
            return
        paths = [p for p in (event.src_path, getattr(event, "dest_path", "")) if p]
        paths = [os.fsdecode(p) for p in paths]
        if only is not None and only not in paths:
            return  # another file in the folder of a watched file
        new = False
        with self.lock:
            for path in paths:
                state = _state(path)
                if path not in self.reported or self.reported[path] != state:
                    self.reported[path] = state
                    new = True
        if new:
            with self.server._rebuild_cond:
                self.server._want_rebuild = True
                self.server._rebuild_cond.notify_all()


def _handler(report: _Reporter, only: str | None = None) -> Any:
    from watchdog.events import FileSystemEventHandler

    handler = FileSystemEventHandler()
    handler.on_any_event = lambda event: report(event, only)  # type: ignore[method-assign]
    return handler


class FileEvents:
    def __init__(self) -> None:
        self.observer: Any = None

    def start(self, server: Any) -> bool:
        """Watch MkDocs' watched paths natively; False (and MkDocs' own polling) if that cannot be."""
        needed = ("_rebuild_cond", "_want_rebuild", "_watched_paths", "_watch_refs", "observer")
        if not all(hasattr(server, name) for name in needed):
            return False
        try:
            from watchdog.observers import Observer
            from watchdog.observers.polling import PollingObserver
        except ImportError:
            return False
        if issubclass(Observer, PollingObserver):
            return False  # no native notices on this system
        report = _Reporter(server)
        native = Observer()
        scheduled = 0
        for path in list(server._watched_paths):
            try:
                if os.path.isdir(path):
                    native.schedule(_handler(report), path, recursive=True)
                elif os.path.isfile(path):
                    native.schedule(_handler(report, path), os.path.dirname(path) or ".", recursive=False)
                else:
                    continue
                scheduled += 1
            except OSError as error:  # e.g. the system's limit of watched folders
                log.debug(f"geen meldingen van het systeem voor {path}: {error}")
        if not scheduled:
            return False
        try:
            native.start()
        except OSError as error:
            log.debug(f"geen meldingen van het systeem: {error}")
            return False
        # MkDocs' polling, now through the same reporter, and less often.
        polling = server.observer
        for path, watch in list(server._watch_refs.items()):
            polling.unschedule(watch)
            server._watch_refs[path] = polling.schedule(_handler(report), path, recursive=watch.is_recursive)
        set_poll_interval(server, FALLBACK_POLL)
        self.observer = native
        return True

    def stop(self) -> None:
        if self.observer is not None:
            self.observer.stop()
            self.observer.join(timeout=5)
            self.observer = None


def set_poll_interval(server: Any, interval: float) -> None:
    """How often MkDocs' polling observer looks (its emitters keep the interval they started with)."""
    observer = getattr(server, "observer", None)
    if observer is None or not hasattr(observer, "_timeout"):
        return
    observer._timeout = interval
    for emitter in getattr(observer, "emitters", ()):
        if hasattr(emitter, "_timeout"):
            emitter._timeout = interval
