"""What the Content-Security-Policy of every page MkDocs writes allows (see omgevingsvisie.csp)."""

from __future__ import annotations

from omgevingsvisie.csp import PolicyNeeds
from omgevingsvisie.model import Visie


def policy_needs(visie: Visie | None) -> PolicyNeeds:
    """What this visie asks of the browser beyond the site's own files."""
    if visie is None:
        return PolicyNeeds()
    return PolicyNeeds(
        uses_pdok_tiles=visie.kaarten.achtergrond == "pdok-brt",
        # The address search of "Wat geldt hier?" (visie.yml adres_zoeken) asks PDOK's Locatieserver.
        uses_pdok_address_search=visie.meta.adres_zoeken == "pdok",
    )

