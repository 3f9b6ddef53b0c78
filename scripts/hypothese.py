"""Test the reader with many generated inputs (Hypothesis), more than the test suite does.

    python scripts/hypothese.py                 # 10.000 voorbeelden per eigenschap
    python scripts/hypothese.py --voorbeelden 500

Runs the properties of tests/test_hypothese.py (front matter, keuze- en kaartopties, visie.yml,
lagen.yml, GeoJSON) with a fixed seed. Every message of the reader must be one line
``pad:regel: melding`` in Dutch; no exception may escape and no example may take seconds.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


class DutchHelp(argparse.HelpFormatter):
    def add_usage(self, usage, actions, groups, prefix=None):  # noqa: ANN001, ANN201
        return super().add_usage(usage, actions, groups, prefix="gebruik: ")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        add_help=False,
        formatter_class=DutchHelp,
        description=(
            "Test de lezer van de visie met veel gegenereerde invoer (Hypothesis, vaste startwaarde): "
            "geen foutmelding in het Engels, geen traceback, niets dat blijft hangen."
        ),
    )
    parser._optionals.title = "opties"
    parser.add_argument("-h", "--help", action="help", help="toon deze uitleg en stop")
    parser.add_argument(
        "--voorbeelden", type=int, default=10_000, metavar="AANTAL",
        help="aantal voorbeelden per eigenschap (standaard 10000; de testsuite gebruikt er 40)",
    )
    parser.add_argument("-k", dest="kies", metavar="NAAM", help="alleen de eigenschappen met NAAM in hun naam, zoals geojson")
    args = parser.parse_args(argv)
    if args.voorbeelden < 1:
        parser.exit(2, "hypothese.py: fout: --voorbeelden moet minstens 1 zijn\n")
    env = {
        **os.environ,
        "OMGEVINGSVISIE_HYPOTHESE": "grondig",
        "OMGEVINGSVISIE_HYPOTHESE_VOORBEELDEN": str(args.voorbeelden),
    }
    command = [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "--hypothesis-show-statistics",
               str(ROOT / "tests" / "test_hypothese.py")]
    if args.kies:
        command += ["-k", args.kies]
    print(f"{args.voorbeelden} voorbeelden per eigenschap; dat kan even duren.", flush=True)
    return subprocess.run(command, cwd=ROOT, env=env).returncode


if __name__ == "__main__":
    sys.exit(main())
