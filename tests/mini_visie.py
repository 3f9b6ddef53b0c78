"""A minimal valid visie on disk, for tests that break one rule at a time."""

from __future__ import annotations

import json
from pathlib import Path

SQUARE = [[6.08, 52.50], [6.11, 52.50], [6.11, 52.52], [6.08, 52.52], [6.08, 52.50]]
INNER = [[6.09, 52.505], [6.10, 52.505], [6.10, 52.515], [6.09, 52.515], [6.09, 52.505]]

FILES = {
    "visie/visie.yml": "gemeente: Teststad\ntitel: Omgevingsvisie Teststad\nstatus: ontwerp\nversie: \"0.1\"\n",
    "visie/index.md": "---\ntitel: De leidende ambitie\n---\nTeststad groeit. Zie [[wonen]].\n",
    "visie/kernopgaven/wonen.md": (
        "---\n"
        "titel: Wonen in de stad\n"
        "volgorde: 1\n"
        "---\n"
        "## Inleiding\n"
        "\n"
        "Over wonen.\n"
        "\n"
        "/// keuze | We bouwen in de wijk\n"
        "    id: bouwen-in-de-wijk\n"
        "    gebieden: [wijk]\n"
        "    rol: samenwerken\n"
        "\n"
        "Zie ook [[stad]].\n"
        "///\n"
    ),
    "visie/gebieden/stad.md": "---\ntitel: Stad\n---\nDe hele stad.\n",
    "visie/gebieden/wijk.md": "---\ntitel: Wijk\nonderdeel_van: stad\n---\nEen wijk.\n",
    "kaarten/lagen.yml": (
        "achtergrond: geen\n"
        "lagen:\n"
        "  - id: gebieden\n"
        "    titel: Gebieden\n"
        "    bestand: gebieden.geojson\n"
        "    label: naam\n"
    ),
}


def feature(gebied: str, ring: list[list[float]]) -> dict:
    return {
        "type": "Feature",
        "properties": {"gebied": gebied, "naam": gebied.capitalize()},
        "geometry": {"type": "Polygon", "coordinates": [ring]},
    }


def gebieden_geojson(*features: dict) -> str:
    return json.dumps({"type": "FeatureCollection", "features": list(features)})


def write_mini_visie(root: Path) -> Path:
    for name, text in FILES.items():
        target = root / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
    (root / "kaarten/gebieden.geojson").write_text(
        gebieden_geojson(feature("stad", SQUARE), feature("wijk", INNER)), encoding="utf-8"
    )
    return root
