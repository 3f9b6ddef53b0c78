"""The overview pages the site generates from the visie: Alle keuzes, Matrix and Wijzigingen.

(The Kaart page lives with the maps, in maps.py.) Each returns the page's Markdown; its HTML body
goes through ``insert`` so it is rendered after Markdown, with final URLs.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Callable

from omgevingsvisie.render import alle_keuzes, matrix_table
from omgevingsvisie.placeholders import markdown_literal

from .context import RenderContext

if TYPE_CHECKING:  # only a raad preview has changes
    from omgevingsvisie.compare import Changes

Insert = Callable[[Callable[[], str]], str]
ALLE_KEUZES = ("Alle keuzes", "keuzes.md")
MATRIX = ("Matrix", "matrix.md")


def alle_keuzes_markdown(context: RenderContext, insert: Insert) -> str:
    visie = context.visie
    intro = (
        f"Alle {len(visie.keuzes)} richtinggevende keuzes van de {markdown_literal(visie.meta.titel)}, "
        "met hun kernopgave, de gebieden waar ze gelden en de rol van de gemeente."
    )
    return f"# {ALLE_KEUZES[0]}\n\n{intro}\n\n" + insert(lambda: alle_keuzes(visie, context.linker)) + "\n"


def matrix_markdown(context: RenderContext, insert: Insert) -> str:
    intro = (
        "De matrix zet de kernopgaven tegen de gebieden. Elke cel telt en noemt de keuzes die daar gelden, "
        "net als de pagina van het gebied: ook keuzes voor een groter gebied waar het onderdeel van is "
        "(met *via* en de naam van dat gebied). Hoe donkerder de cel, hoe meer keuzes. Keuzes voor de hele "
        "gemeente staan in de laatste kolom, *Hele gemeente*."
    )
    return f"# {MATRIX[0]}\n\n{intro}\n\n" + insert(lambda: matrix_table(context.visie, context.linker)) + "\n"


def wijzigingen_markdown(context: RenderContext, changes: Changes, insert: Insert) -> str:
    intro = (
        f"Deze voorvertoning vergelijkt de visie met {markdown_literal(changes.base_label)}: wat is nieuw, wat is "
        "verwijderd en wat is gewijzigd. Doorgehaalde tekst vervalt, onderstreepte tekst komt erbij."
    )
    extra = list(context.extra_layers)

    def page() -> str:
        drawn = context.render_kaart("Gewijzigde kaartobjecten", extra, None) if extra else ""
        from omgevingsvisie.render.wijzigingen import wijzigingen_page

        return wijzigingen_page(context.visie, changes, context.linker, drawn)

    return f"# Wijzigingen\n\n{intro}\n\n" + insert(page) + "\n"
