"""Generate a large, valid synthetic visie, for benchmarks and payload measurements.

    python scripts/genereer_visie.py DOELMAP [--paginas 300]

DOELMAP becomes a complete project (mkdocs.yml, docs/, visie/, kaarten/) that builds with
`mkdocs build`. The words are taken from the sample visie, so search and compression behave
like real Dutch text. The output is the same for the same arguments.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import shutil
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
ROLLEN = ("investeren", "samenwerken", "ruimte-geven")


def vocabulary() -> list[str]:
    text = " ".join(p.read_text(encoding="utf-8") for p in (REPO / "visie").rglob("*.md"))
    text = re.sub(r"^---.*?---", "", text, flags=re.S)
    return [w for w in re.findall(r"[a-zà-ÿ]{3,}", text.lower())]


class Writer:
    def __init__(self, seed: int) -> None:
        self.random = random.Random(seed)
        self.words = vocabulary()

    def sentence(self) -> str:
        words = self.random.choices(self.words, k=self.random.randint(8, 18))
        return " ".join(words).capitalize() + "."

    def paragraph(self) -> str:
        return " ".join(self.sentence() for _ in range(self.random.randint(3, 6)))

    def title(self) -> str:
        return " ".join(self.random.choices(self.words, k=self.random.randint(2, 5))).capitalize()


def square(lon: float, lat: float, size: float) -> list[list[float]]:
    ring = [[lon, lat], [lon + size, lat], [lon + size, lat + size], [lon, lat + size], [lon, lat]]
    return [[round(x, 6), round(y, 6)] for x, y in ring]


def generate(target: Path, pages: int, seed: int = 2040) -> None:
    writer = Writer(seed)
    if target.exists():
        shutil.rmtree(target)
    (target / "visie/kernopgaven").mkdir(parents=True)
    (target / "visie/gebieden").mkdir(parents=True)
    (target / "visie/hoofdstukken").mkdir(parents=True)
    (target / "kaarten").mkdir(parents=True)
    shutil.copy(REPO / "mkdocs.yml", target / "mkdocs.yml")
    shutil.copytree(REPO / "docs", target / "docs")

    kernopgaven = [f"opgave-{i}" for i in range(1, 11)]
    chapters = max(1, pages // 10)
    gebied_count = max(3, pages - len(kernopgaven) - chapters - 1)
    types = ["centrum", "stadsring", "buitengebied"]
    gebieden = types + [f"wijk-{i}" for i in range(1, gebied_count - len(types) + 1)]

    (target / "visie/visie.yml").write_text(
        "gemeente: Proefstad\ntitel: Omgevingsvisie Proefstad\nstatus: ontwerp\nversie: \"1\"\n"
        "hoofdstukken:\n  - hoofdstukken/\n",
        encoding="utf-8",
    )
    (target / "visie/index.md").write_text(
        "---\ntitel: De leidende ambitie\n---\n" + "\n\n".join(writer.paragraph() for _ in range(3))
        + "\n\nDe opgaven beginnen bij [[opgave-1]].\n",
        encoding="utf-8",
    )
    keuze_number = 0
    for number, opgave in enumerate(kernopgaven, start=1):
        parts = [f"---\ntitel: {writer.title()}\nvolgorde: {number}\n---\n", writer.paragraph()]
        for _ in range(3):
            parts.append(f"## {writer.title()}\n\n{writer.paragraph()}")
            for _ in range(7):
                keuze_number += 1
                named = writer.random.sample(gebieden, k=writer.random.randint(0, 3))
                options = [f"    id: keuze-{keuze_number}", f"    rol: {writer.random.choice(ROLLEN)}"]
                if named:
                    options.append(f"    gebieden: [{', '.join(named)}]")
                other = writer.random.choice(kernopgaven)
                if other != opgave:
                    options.append(f"    kernopgaven: [{other}]")
                parts.append(
                    f"/// keuze | {writer.sentence()[:-1]}\n" + "\n".join(options)
                    + f"\n\n{writer.paragraph()} Zie ook [[{writer.random.choice(gebieden)}]].\n///"
                )
        (target / f"visie/kernopgaven/{opgave}.md").write_text("\n\n".join(parts) + "\n", encoding="utf-8")

    features = []
    for index, gebied in enumerate(gebieden):
        parent = "" if gebied in types else f"onderdeel_van: {types[index % 3]}\n"
        (target / f"visie/gebieden/{gebied}.md").write_text(
            f"---\ntitel: {writer.title()} {index}\n{parent}---\n"
            + "\n\n".join(writer.paragraph() for _ in range(2)) + "\n",
            encoding="utf-8",
        )
        if gebied in types:
            ring = square(5.9 + 0.1 * types.index(gebied), 52.4, 0.09)
        else:
            column, row = divmod(index, 20)
            ring = square(5.9 + 0.004 * column, 52.4 + 0.004 * row, 0.0035)
        features.append({
            "type": "Feature",
            "properties": {"gebied": gebied, "naam": f"Gebied {index}"},
            "geometry": {"type": "Polygon", "coordinates": [ring]},
        })
    (target / "kaarten/gebieden.geojson").write_text(
        json.dumps({"type": "FeatureCollection", "features": features}), encoding="utf-8"
    )
    (target / "kaarten/lagen.yml").write_text(
        "achtergrond: geen\nlagen:\n  - id: gebieden\n    titel: Gebiedsindeling (indicatief)\n"
        "    bestand: gebieden.geojson\n    label: naam\n",
        encoding="utf-8",
    )
    for number in range(1, chapters + 1):
        body = "\n\n".join(f"## {writer.title()}\n\n{writer.paragraph()}" for _ in range(3))
        (target / f"visie/hoofdstukken/hoofdstuk-{number}.md").write_text(
            f"---\ntitel: Hoofdstuk {number}\n---\n{body}\n", encoding="utf-8"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("doelmap", type=Path)
    parser.add_argument("--paginas", type=int, default=300)
    arguments = parser.parse_args()
    generate(arguments.doelmap, arguments.paginas)
    print(f"Visie met ongeveer {arguments.paginas} pagina's geschreven naar {arguments.doelmap}")


if __name__ == "__main__":
    main()
