"""Build a preview of the visie for the gemeenteraad, compared with a base version.

    python scripts/voorvertoning.py --basis main
    python scripts/voorvertoning.py --basis v0.7
    python scripts/voorvertoning.py --basis pad/naar/visie.json

The same as ``omgevingsvisie raad``; kept for CI files that call this script. The logic lives in
the package (omgevingsvisie_mkdocs/raad.py).
"""

from __future__ import annotations

import sys

from omgevingsvisie_mkdocs.cli import main

if __name__ == "__main__":
    sys.exit(main(["raad", *sys.argv[1:]]))
