"""HTML fragments for the visie, engine-agnostic: an engine supplies a Linker for the current page.

Every fragment is well-formed XML (numeric entities only), so an engine can parse it into a tree.
"""

from .common import Linker
from .kaart import text_alternative
from .keuze import LABEL as KEUZE_LABEL, keuze_footer, keuze_kenmerken
from .listings import alle_keuzes, gebied_keuzes, matrix_table, page_backlinks

__all__ = ["Linker", "alle_keuzes", "gebied_keuzes", "KEUZE_LABEL", "keuze_footer", "keuze_kenmerken", "matrix_table", "page_backlinks", "text_alternative"]
