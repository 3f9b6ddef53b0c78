"""A small visie that builds, to start a new gemeente from (``omgevingsvisie nieuw``)."""

from __future__ import annotations

import json
from pathlib import Path

from omgevingsvisie import Layout


class SkeletonError(Exception):
    """A Dutch message: the skeleton would overwrite someone's work."""


# A square of about 1.5 by 1 km; a redacteur replaces it with the real outlines.
OUTLINE = [[6.08, 52.50], [6.10, 52.50], [6.10, 52.51], [6.08, 52.51], [6.08, 52.50]]


def skeleton_files(gemeente: str) -> dict[str, str]:
    """Relative path (from the visie's and kaarten's parent) → text."""
    quoted = json.dumps(gemeente, ensure_ascii=False)  # a JSON string is a valid YAML string
    titel = json.dumps(f"Omgevingsvisie {gemeente}", ensure_ascii=False)
    geojson = {
        "type": "FeatureCollection",
        "features": [{
            "type": "Feature",
            "properties": {"gebied": "centrum", "naam": "Centrum"},
            "geometry": {"type": "Polygon", "coordinates": [OUTLINE]},
        }],
    }
    return {
        "visie/visie.yml": (
            f"gemeente: {quoted}\n"
            f"titel: {titel}\n"
            "status: concept\n"
            'versie: "0.1"\n'
        ),
        "visie/index.md": (
            "---\n"
            "titel: De leidende ambitie\n"
            "---\n\n"
            "# De leidende ambitie\n\n"
            "Schrijf hier in een paar zinnen waar {{ gemeente }} naartoe wil. Verwijs naar een kernopgave\n"
            "met haar id tussen dubbele blokhaken, zoals [[wonen]].\n"
        ),
        "visie/kernopgaven/wonen.md": (
            "---\n"
            "titel: Wonen\n"
            "volgorde: 1\n"
            "---\n\n"
            "## Wat er speelt\n\n"
            "Beschrijf hier de opgave.\n\n"
            "/// keuze | We bouwen woningen in het centrum\n"
            "    id: woningen-in-het-centrum\n"
            "    gebieden: [centrum]\n"
            "    rol: samenwerken\n\n"
            "Licht de keuze hier toe. Zie ook [[centrum]].\n"
            "///\n"
        ),
        "visie/gebieden/centrum.md": (
            "---\n"
            "titel: Centrum\n"
            "---\n\n"
            "Beschrijf hier het gebied: wat er is en waar het naartoe gaat.\n"
        ),
        "kaarten/lagen.yml": (
            "achtergrond: pdok-brt\n"
            "lagen:\n"
            "  - id: gebieden\n"
            "    titel: Gebieden\n"
            "    bestand: gebieden.geojson\n"
            '    kleur: "#6a51a3"\n'
            "    label: naam\n"
            "    omschrijving: De indeling van de gemeente in gebieden (indicatief).\n"
        ),
        "kaarten/gebieden.geojson": json.dumps(geojson, indent=1) + "\n",
    }


def write_skeleton(layout: Layout, gemeente: str) -> list[Path]:
    """Write the skeleton into visie_dir and kaarten_dir; refuse when either holds files."""
    if not gemeente.strip():
        raise SkeletonError("geef de naam van de gemeente, bijvoorbeeld --gemeente Dijkwaarden")
    for folder in (layout.visie_dir, layout.kaarten_dir):
        target = layout.root / folder
        if target.exists() and any(target.iterdir()):
            raise SkeletonError(
                f"de map {folder}/ bestaat al en is niet leeg; verplaats die bestanden eerst "
                "(zie de handleiding, 'Een site voor een andere gemeente')"
            )
    folders = {"visie": layout.visie_dir, "kaarten": layout.kaarten_dir}
    written = []
    for name, text in skeleton_files(gemeente.strip()).items():
        first, rest = name.split("/", 1)
        target = layout.root / folders[first] / rest
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
        written.append(target)
    return written
