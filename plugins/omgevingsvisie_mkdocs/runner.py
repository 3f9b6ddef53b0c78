"""MkDocs build and live preview run inside this process, with Dutch output for redacteuren.

MkDocs' own command line prints English progress lines, Material's end-of-life notice and
"Aborted with a BuildError!". Here MkDocs runs as a library: content problems keep their
``path:line: melding`` form, MkDocs' progress lines are translated or left out, and the last
line says where the site is.
"""

from __future__ import annotations

import logging
import os
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import TextIO

# Material prints its English end-of-life notice when it is first imported, unless this is set.
os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")

OUR_LOGGER = "mkdocs.plugins.omgevingsvisie"
TIME_PREFIX = re.compile(r"^\[\d\d:\d\d:\d\d\] ")
TRANSLATIONS: list[tuple[re.Pattern[str], str | None]] = [
    (re.compile(r"^Serving on (\S+)"), r"De voorvertoning draait op \1 (stoppen: Ctrl+C)"),
    (re.compile(r"^Detected file changes"), "Wijziging gezien: de site wordt opnieuw gebouwd…"),
    (re.compile(r"^Documentation built in ([\d.]+) seconds"), r"Klaar in \1 seconden."),
    (re.compile(r"^Shutting down"), "De voorvertoning stopt."),
    (re.compile(r"^Aborted with (\d+) warnings? in strict mode"), None),
]
STRICT_ABORT = re.compile(r"^Aborted with .* in strict mode")
QUIET = re.compile(
    r"^(Building documentation|Cleaning site directory|Reloading browsers|Browser connected|"
    r"Watching paths|The directory contains stale files|Aborted with a BuildError|De site staat in|Bouwcache:|"
    r"De build had waarschuwingen in --strict-modus|"
    # The plugin's summary of content problems: the last line says it again.
    r"\d+ fout(?:en)? in de inhoud)"
)


@dataclass(eq=False)  # logging keeps handlers in sets: hashable by identity
class DutchHandler(logging.Handler):
    """Prints MkDocs' log records for a redacteur; counts problems and warnings."""

    stream: TextIO = field(default_factory=lambda: sys.stderr)
    errors: int = 0
    warnings: int = 0

    def __post_init__(self) -> None:
        super().__init__(level=logging.INFO)

    def emit(self, record: logging.LogRecord) -> None:
        # The live preview's server puts the time in front: "[12:00:01] Serving on …".
        message = TIME_PREFIX.sub("", record.getMessage().strip())
        if record.name == OUR_LOGGER:
            if QUIET.match(message):
                return
            if record.levelno >= logging.ERROR:
                self.errors += 1
            self._print(message)
            return
        for pattern, replacement in TRANSLATIONS:
            if pattern.match(message):
                if replacement is not None:
                    self._print(pattern.sub(replacement, message))
                return
        if QUIET.match(message) or record.levelno < logging.WARNING:
            return
        # MkDocs' own warnings (such as a broken link in docs/) have no Dutch text; say whose they are.
        if record.levelno >= logging.ERROR:
            self.errors += 1
        else:
            self.warnings += 1
        self._print(f"waarschuwing van MkDocs: {message}")

    def _print(self, message: str) -> None:
        print(message, file=self.stream, flush=True)


def install_handler(stream: TextIO | None = None) -> DutchHandler:
    handler = DutchHandler(stream or sys.stderr)
    logger = logging.getLogger("mkdocs")
    for old in list(logger.handlers):
        if isinstance(old, DutchHandler):
            logger.removeHandler(old)
    logger.addHandler(handler)
    logger.setLevel(logging.INFO)
    logger.propagate = False
    return handler


def _show(path: Path) -> str:
    try:
        return f"{path.resolve().relative_to(Path.cwd().resolve()).as_posix()}/"
    except ValueError:
        return f"{path.resolve().as_posix()}/"


def build_site(config_file: Path, site_dir: str | None = None, strict: bool = True) -> int:
    """``mkdocs build`` without MkDocs' English; 0 when the site was written, 1 otherwise."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import Abort, ConfigurationError, MkDocsException

    handler = install_handler()
    options = {"site_dir": site_dir} if site_dir else {}
    try:
        config = load_config(str(config_file), strict=strict, **options)
        config.plugins.on_startup(command="build", dirty=False)
        target = Path(config.site_dir)
        try:
            build(config)
        finally:
            config.plugins.on_shutdown()
    except ConfigurationError as error:
        print(f"{config_file.name}: de instellingen kloppen niet: {error}", file=sys.stderr)
        print("Er is niets gebouwd.", file=sys.stderr)
        return 1
    except (Abort, MkDocsException) as error:
        if STRICT_ABORT.match(str(error)) and handler.warnings:
            counted = _count(handler.warnings, "waarschuwing", "waarschuwingen") + " van MkDocs"
        elif handler.errors:
            counted = _count(handler.errors, "fout", "fouten") + " in de inhoud"
        else:
            print(f"Er is niets gebouwd: {error}", file=sys.stderr)
            return 1
        print(f"Er is niets gebouwd: {counted} (zie hierboven). Een eerder gebouwde site is ongewijzigd.",
              file=sys.stderr)
        return 1
    print(f"De site staat in {_show(target)} (open {_show(target)}index.html in een browser).", file=sys.stderr)
    return 0


def serve_site(config_file: Path, dev_addr: str | None = None, open_browser: bool = False) -> int:
    """``mkdocs serve`` without MkDocs' English; runs until Ctrl+C."""
    from mkdocs.commands.serve import serve
    from mkdocs.exceptions import Abort, ConfigurationError, MkDocsException

    install_handler()
    options = {"dev_addr": dev_addr} if dev_addr else {}
    try:
        serve(str(config_file), livereload=True, open_in_browser=open_browser, **options)
    except ConfigurationError as error:
        print(f"{config_file.name}: de instellingen kloppen niet: {error}", file=sys.stderr)
        return 1
    except (Abort, MkDocsException, OSError) as error:
        print(f"De voorvertoning kan niet starten: {error}", file=sys.stderr)
        return 1
    return 0


def _count(number: int, one: str, many: str) -> str:
    return f"{number} {one if number == 1 else many}"
