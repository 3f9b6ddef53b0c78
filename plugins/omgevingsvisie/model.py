"""The typed model of one omgevingsvisie: plain data, no rendering engine."""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass, field
from typing import Any, Callable, Literal

PageKind = Literal["ambitie", "kernopgave", "gebied", "hoofdstuk", "site"]
STATUSES = ("concept", "ontwerp", "vastgesteld")
ROLLEN = ("investeren", "samenwerken", "ruimte-geven")
# Pages the site generates from the visie, by id; their ids are reserved and [[id]] reaches them.
GENERATED_PAGES = {"keuzes": "Alle keuzes", "matrix": "Matrix", "kaart": "Kaart", "wat-geldt-hier": "Wat geldt hier?",
                   "gebieden": "Gebieden"}
# Whether the Wat geldt hier? page may ask PDOK's Locatieserver for addresses (after the reader types).
ADRES_ZOEKEN = ("pdok", "geen")
ROL_LABELS = {
    "investeren": "Investeren",
    "samenwerken": "Samenwerken",
    "ruimte-geven": "Ruimte geven",
}
ROL_UITLEG = {
    "investeren": "de gemeente investeert zelf",
    "samenwerken": "de gemeente zoekt partners",
    "ruimte-geven": "de gemeente geeft ruimte aan initiatieven van anderen",
}


@dataclass
class VisieMeta:
    gemeente: str
    titel: str
    status: str
    versie: str | None = None
    datum: _dt.date | None = None
    hoofdstukken: list[str] = field(default_factory=list)
    adres_zoeken: str = "pdok"
    pdf: bool = False  # the build also writes visie.pdf (and wijzigingen.pdf in a preview)


@dataclass
class Reference:
    """One ``[[id]]`` or ``[[id|tekst]]`` in Markdown."""

    target: str
    text: str | None
    page_id: str
    keuze_id: str | None
    path: str
    line: int
    anchor: str  # the id of the rendered link, so a backlink can point at the exact place


@dataclass
class KaartBlock:
    titel: str
    lagen: list[str]
    gebied: str | None
    page_id: str
    path: str
    line: int
    field_lines: dict[str, int] = field(default_factory=dict)

    def line_of(self, name: str) -> int:
        return self.field_lines.get(name, self.line)


@dataclass
class Keuze:
    id: str
    titel: str
    kernopgave: str  # id of the kernopgave page it stands on
    gebieden: list[str]
    rol: str | None
    kernopgaven: list[str]  # other kernopgaven it also serves
    kaartlagen: list[str]
    body: str
    path: str
    line: int
    end_line: int
    heading_level: int = 3
    field_lines: dict[str, int] = field(default_factory=dict)
    body_line: int = 0  # the first line after the block's options (0: not known)

    def line_of(self, name: str) -> int:
        return self.field_lines.get(name, self.line)

    @property
    def whole_gemeente(self) -> bool:
        return not self.gebieden


@dataclass
class Page:
    id: str
    kind: PageKind
    titel: str
    path: str  # relative to the project root, for messages: visie/kernopgaven/wijken.md
    rel_path: str  # relative to its content folder: kernopgaven/wijken.md
    body: str
    body_line: int
    kaartlagen: list[str] = field(default_factory=list)
    kaarten: list[KaartBlock] = field(default_factory=list)
    references: list[Reference] = field(default_factory=list)
    meta: dict[str, Any] = field(default_factory=dict)
    field_lines: dict[str, int] = field(default_factory=dict)
    # A page of docs/ that is only shown in the preview (the handleiding): outside the id namespace.
    draft: bool = False

    def line_of(self, name: str) -> int:
        return self.field_lines.get(name, 1)


@dataclass
class Kernopgave(Page):
    kort: str | None = None
    volgorde: int | None = None
    kleur: str | None = None
    keuzes: list[Keuze] = field(default_factory=list)

    @property
    def label(self) -> str:
        return self.kort or self.titel


@dataclass
class Gebied(Page):
    onderdeel_van: str | None = None
    volgorde: int | None = None
    # Names residents use for places inside the gebied (neighbourhoods, villages): search finds them.
    ook_bekend_als: list[str] = field(default_factory=list)


@dataclass
class Feature:
    properties: dict[str, Any]
    geometry: dict[str, Any]
    index: int

    @property
    def gebied(self) -> str | None:
        value = self.properties.get("gebied")
        return value if isinstance(value, str) else None


@dataclass
class Layer:
    id: str
    titel: str
    bestand: str
    kleur: str
    label: str | None
    velden: dict[str, str]
    omschrijving: str | None
    features: list[Feature]
    bounds: tuple[float, float, float, float] | None  # west, south, east, north (WGS84)
    path: str
    line: int
    # Gebied ids of features left out for bad geometry (reported), so they count as outlined.
    rejected_gebieden: set[str] = field(default_factory=set)
    # Drawn with a dashed line: the previous outline of changed objects on a preview's change map.
    gestippeld: bool = False

    def feature_name(self, feature: Feature) -> str | None:
        if self.label is None:
            return None
        value = feature.properties.get(self.label)
        return None if value is None else str(value)

    def to_geojson(self) -> dict[str, Any]:
        return {
            "type": "FeatureCollection",
            "features": [
                {"type": "Feature", "properties": f.properties, "geometry": f.geometry}
                for f in self.features
            ],
        }


@dataclass
class Kaarten:
    achtergrond: str = "pdok-brt"
    lagen: dict[str, Layer] = field(default_factory=dict)
    # Layer ids named in lagen.yml, also those whose file could not be read (reported).
    declared: set[str] = field(default_factory=set)


@dataclass
class Visie:
    meta: VisieMeta
    ambitie: Page | None
    kernopgaven: list[Kernopgave]
    gebieden: list[Gebied]
    hoofdstukken: list[Page]  # in reading order
    site_pages: list[Page]  # pages of docs/, link targets too
    kaarten: Kaarten
    # Lookups by id (see _lookup): without them a large visie spends its build in linear scans.
    _lookups: dict[str, tuple[tuple[int, ...], dict[str, Any]]] = field(
        default_factory=dict, init=False, repr=False, compare=False
    )

    @property
    def keuzes(self) -> list[Keuze]:
        return [k for opgave in self.kernopgaven for k in opgave.keuzes]

    def pages(self) -> list[Page]:
        """Every page, drafts included."""
        first = [self.ambitie] if self.ambitie else []
        return [*first, *self.kernopgaven, *self.gebieden, *self.hoofdstukken, *self.site_pages]

    def published_pages(self) -> list[Page]:
        return [p for p in self.pages() if not p.draft]

    def page(self, page_id: str) -> Page | None:
        shape = (
            id(self.ambitie), id(self.kernopgaven), len(self.kernopgaven), id(self.gebieden), len(self.gebieden),
            id(self.hoofdstukken), len(self.hoofdstukken), id(self.site_pages), len(self.site_pages),
        )
        pages = self._lookup("pages", shape, lambda: _all_by_id(self.pages()))
        return next((p for p in pages.get(page_id, ()) if not p.draft), None)

    def kernopgave(self, page_id: str) -> Kernopgave | None:
        shape = (id(self.kernopgaven), len(self.kernopgaven))
        return self._lookup("kernopgaven", shape, lambda: _first_by_id(self.kernopgaven)).get(page_id)

    def gebied(self, page_id: str) -> Gebied | None:
        shape = (id(self.gebieden), len(self.gebieden))
        return self._lookup("gebieden", shape, lambda: _first_by_id(self.gebieden)).get(page_id)

    def parts_of(self, gebied_id: str) -> list[Gebied]:
        """The gebieden whose onderdeel_van is this id, in reading order."""
        shape = (id(self.gebieden), len(self.gebieden))
        return self._lookup("parts", shape, lambda: _parts_by_parent(self.gebieden)).get(gebied_id, [])

    def whole_gemeente_keuzes(self) -> list[Keuze]:
        """The keuzes for the whole gemeente (no gebieden), in reading order."""
        shape = (id(self.kernopgaven), *[len(opgave.keuzes) for opgave in self.kernopgaven])
        return self._lookup("whole", shape, lambda: {"": [k for k in self.keuzes if k.whole_gemeente]})[""]

    def keuzes_naming(self, gebied_id: str) -> list[tuple[int, Keuze]]:
        """The keuzes that name this gebied, with their place in reading order."""
        shape = (id(self.kernopgaven), *[len(opgave.keuzes) for opgave in self.kernopgaven])
        return self._lookup("naming", shape, lambda: _keuzes_by_gebied(self.keuzes)).get(gebied_id, [])

    def keuze(self, keuze_id: str) -> Keuze | None:
        shape = (id(self.kernopgaven), *[len(opgave.keuzes) for opgave in self.kernopgaven])
        return self._lookup("keuzes", shape, lambda: _first_by_id(self.keuzes)).get(keuze_id)

    def _lookup(self, name: str, shape: tuple[int, ...], build: Callable[[], dict[str, Any]]) -> dict[str, Any]:
        """A dict by id, made again when the lists it comes from are replaced or change length."""
        cached = self._lookups.get(name)
        if cached is None or cached[0] != shape:
            cached = self._lookups[name] = (shape, build())
        return cached[1]

    def title_of(self, any_id: str) -> str | None:
        target = self.page(any_id) or self.keuze(any_id)
        if target is None:
            return GENERATED_PAGES.get(any_id)
        return target.titel

    def ids(self) -> set[str]:
        """Every id a [[link]] may name."""
        return {p.id for p in self.published_pages()} | {k.id for k in self.keuzes} | set(GENERATED_PAGES)


def _first_by_id(items: list[Any]) -> dict[str, Any]:
    """By id, the first one winning, as in a scan in reading order."""
    found: dict[str, Any] = {}
    for item in items:
        found.setdefault(item.id, item)
    return found


def _keuzes_by_gebied(keuzes: list[Keuze]) -> dict[str, list[tuple[int, Keuze]]]:
    found: dict[str, list[tuple[int, Keuze]]] = {}
    for number, keuze in enumerate(keuzes):
        for gebied_id in dict.fromkeys(keuze.gebieden):
            found.setdefault(gebied_id, []).append((number, keuze))
    return found


def _parts_by_parent(gebieden: list[Gebied]) -> dict[str, list[Gebied]]:
    found: dict[str, list[Gebied]] = {}
    for gebied in gebieden:
        if gebied.onderdeel_van:
            found.setdefault(gebied.onderdeel_van, []).append(gebied)
    return found


def _all_by_id(items: list[Any]) -> dict[str, list[Any]]:
    found: dict[str, list[Any]] = {}
    for item in items:
        found.setdefault(item.id, []).append(item)
    return found
