"""Search: what an item of the visie is, its running text, and the index a browser queries."""

from .facts import SOORT_LABELS, SOORTEN, SearchFacts, keuze_facts, page_facts
from .index import ItemTerms, SearchItem, build_index, item_terms
from .text import PageText, page_text

__all__ = [
    "ItemTerms", "PageText", "SOORTEN", "SOORT_LABELS", "SearchFacts", "SearchItem", "build_index",
    "item_terms", "keuze_facts", "page_facts", "page_text",
]
