"""The ``omgevingsvisie`` command: check, build, preview and start a visie, in Dutch.

MkDocs stays underneath (``mkdocs build`` keeps working); this command is what the README and
the handleiding tell redacteuren to type.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

from .runner import install_handler  # noqa: F401 (sets NO_MKDOCS_2_WARNING before MkDocs loads)

PROG = "omgevingsvisie"

# argparse takes its fixed words (usage, options, error texts) from gettext; there is no Dutch
# catalogue for it on most systems, so the words are given here.
ARGPARSE_DUTCH = {
    "usage: ": "Gebruik: ",
    "positional arguments": "argumenten",
    "options": "opties",
    "optional arguments": "opties",
    "show this help message and exit": "toon deze hulp en stop",
    "%(prog)s: error: %(message)s\n": "%(prog)s: fout: %(message)s\n",
    "the following arguments are required: %s": "deze argumenten ontbreken: %s",
    "unrecognized arguments: %s": "onbekende argumenten: %s",
    "invalid choice: %(value)r (choose from %(choices)s)": "onbekende keuze: %(value)r (kies uit %(choices)s)",
    "expected one argument": "hier hoort één waarde bij",
    "argument %(argument_name)s: %(message)s": "argument %(argument_name)s: %(message)s",
    "invalid %(type)s value: %(value)r": "ongeldige waarde: %(value)r",
    "ambiguous option: %(option)s could match %(matches)s": "onduidelijke optie: %(option)s kan zijn: %(matches)s",
    "not allowed with argument %s": "niet samen met argument %s",
    "show program's version number and exit": "toon het versienummer en stop",
}


def _dutch(message: str) -> str:
    return ARGPARSE_DUTCH.get(message, message)


def _dutch_plural(singular: str, plural: str, count: int) -> str:
    return _dutch(singular if count == 1 else plural)


def _use_dutch_argparse() -> None:
    argparse._ = _dutch  # type: ignore[attr-defined]
    argparse.ngettext = _dutch_plural  # type: ignore[attr-defined]


def parser() -> argparse.ArgumentParser:
    _use_dutch_argparse()
    main_parser = argparse.ArgumentParser(
        prog=PROG,
        description="Van een omgevingsvisie in Markdown naar een website. Start de opdracht in de map "
        "met mkdocs.yml.",
        epilog="Meer uitleg: de handleiding in docs/handleiding/, of 'omgevingsvisie OPDRACHT --help'.",
    )
    commands = main_parser.add_subparsers(dest="opdracht", metavar="OPDRACHT", title="opdrachten", required=True)

    def command(name: str, help_text: str, aliases: tuple[str, ...] = ()) -> argparse.ArgumentParser:
        sub = commands.add_parser(name, help=help_text, description=help_text, aliases=list(aliases))
        sub.add_argument("-f", "--config", default="mkdocs.yml", type=Path, metavar="BESTAND",
                         help="het instellingenbestand van de site (standaard: mkdocs.yml)")
        return sub

    command("controleer", "controleer de hele visie zonder een site te maken (snel; voor pre-commit en CI)")
    bouw = command("bouw", "controleer de visie en bouw de site")
    bouw.add_argument("-d", "--site-dir", metavar="MAP", help="de map voor de site (standaard: site/)")
    bouw.add_argument("--niet-strikt", action="store_true",
                      help="bouw ook als MkDocs waarschuwt (bijvoorbeeld over een kapotte link in docs/)")
    kijk = command("voorvertoning", "start de live voorvertoning op http://127.0.0.1:8000", aliases=("bekijk",))
    kijk.add_argument("-a", "--adres", metavar="HOST:POORT", help="adres van de voorvertoning (standaard: 127.0.0.1:8000)")
    kijk.add_argument("-o", "--open", action="store_true", help="open de voorvertoning in de browser")
    raad = command("raad", "bouw een voorvertoning voor de gemeenteraad, met een pagina Wijzigingen")
    raad.add_argument("--basis", required=True, metavar="VERSIE",
                      help="git-ref (branch, tag, commit) of pad naar een visie.json van een eerdere build")
    raad.add_argument("--naam", help="naam van de basisversie op de site (standaard: de git-ref)")
    raad.add_argument("--visie-dir", default="visie", metavar="MAP", help="de map met de visie (standaard: visie)")
    raad.add_argument("--kaarten-dir", default="kaarten", metavar="MAP", help="de map met de kaarten (standaard: kaarten)")
    raad.add_argument("-d", "--site-dir", metavar="MAP", help="de map voor de site (standaard: site/)")
    nieuw = command("nieuw", "begin een visie voor een nieuwe gemeente: een klein voorbeeld in visie/ en kaarten/")
    nieuw.add_argument("--gemeente", required=True, metavar="NAAM", help="de naam van de gemeente")
    schemas = command("schemas", "schrijf de JSON Schemas voor editors opnieuw (na een nieuw veld in de code)")
    schemas.add_argument("--map", default="schemas", metavar="MAP", help="de map voor de schema's (standaard: schemas)")
    return main_parser


def main(argv: list[str] | None = None) -> int:
    arguments = parser().parse_args(argv)
    config_file: Path = arguments.config
    opdracht = {"bekijk": "voorvertoning"}.get(arguments.opdracht, arguments.opdracht)
    try:
        if opdracht == "controleer":
            return check(config_file)
        if opdracht == "bouw":
            from .runner import build_site

            return build_site(config_file, site_dir=arguments.site_dir, strict=not arguments.niet_strikt)
        if opdracht == "voorvertoning":
            from .runner import serve_site

            return serve_site(config_file, dev_addr=arguments.adres, open_browser=arguments.open)
        if opdracht == "raad":
            from .raad import build_raad

            return build_raad(config_file, arguments.basis, arguments.naam, arguments.visie_dir,
                              arguments.kaarten_dir, arguments.site_dir)
        if opdracht == "nieuw":
            return new(config_file, arguments.gemeente)
        if opdracht == "schemas":
            return write_schemas(config_file, arguments.map)
    except KeyboardInterrupt:
        print("Gestopt.", file=sys.stderr)
        return 130
    except Exception as error:  # noqa: BLE001 (a redacteur gets one Dutch line, not a trace)
        if os.environ.get("OMGEVINGSVISIE_DEBUG"):
            raise
        print(f"Onverwachte fout in de generator ({type(error).__name__}: {error}). Meld dit bij de beheerder; "
              "met OMGEVINGSVISIE_DEBUG=1 ziet u de details.", file=sys.stderr)
        return 1
    raise AssertionError(opdracht)


def check(config_file: Path) -> int:
    """Only the core: read and check everything, write nothing. Exit code 1 on problems."""
    from omgevingsvisie import load_visie

    from .projectconfig import ConfigError, read_layout

    start = time.perf_counter()
    try:
        layout = read_layout(config_file)
    except ConfigError as error:
        print(error, file=sys.stderr)
        return 1
    result = load_visie(layout)
    for problem in result.problems:
        print(problem, file=sys.stderr)
    seconds = time.perf_counter() - start
    visie = result.visie
    if result.problems:
        count = len(result.problems)
        print(f"{count} {'fout' if count == 1 else 'fouten'} in de inhoud ({seconds:.1f} s). "
              "Er is niets gebouwd.", file=sys.stderr)
        return 1
    print(
        f"Geen fouten in {layout.visie_dir}/ en {layout.kaarten_dir}/: {len(visie.kernopgaven)} kernopgaven, "
        f"{len(visie.gebieden)} gebieden, {len(visie.keuzes)} keuzes ({seconds:.1f} s). "
        "Er is geen site gemaakt; bouw die met 'omgevingsvisie bouw'.",
        file=sys.stderr,
    )
    return 0


def new(config_file: Path, gemeente: str) -> int:
    from .projectconfig import ConfigError, read_layout
    from .skeleton import SkeletonError, write_skeleton

    try:
        layout = read_layout(config_file)
        written = write_skeleton(layout, gemeente)
    except (ConfigError, SkeletonError) as error:
        print(f"nieuw: {error}", file=sys.stderr)
        return 1
    if layout.docs_dir:
        (layout.root / layout.docs_dir).mkdir(exist_ok=True)
    for path in written:
        print(f"gemaakt: {path.relative_to(layout.root).as_posix()}", file=sys.stderr)
    print("Bouw de site met 'omgevingsvisie bouw' of bekijk hem met 'omgevingsvisie voorvertoning'.", file=sys.stderr)
    return 0


def write_schemas(config_file: Path, folder: str) -> int:
    from omgevingsvisie.schemas import write_schemas as write

    root = config_file.resolve().parent
    for path in write(root / folder):
        print(f"geschreven: {path.relative_to(root).as_posix()}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
