"""What an id looks like, and the valid id nearest to an invalid one."""

from __future__ import annotations

import re
import unicodedata

ID_PATTERN = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")


def is_valid_id(value: str) -> bool:
    return bool(ID_PATTERN.match(value))


def suggest_id(value: str) -> str | None:
    """The valid id a redacteur most likely meant: 'Nieuw Gebied' → 'nieuw-gebied'."""
    plain = unicodedata.normalize("NFKD", value).encode("ascii", "ignore").decode("ascii").lower()
    suggestion = re.sub(r"[^a-z0-9]+", "-", plain).strip("-")
    return suggestion if suggestion and is_valid_id(suggestion) and suggestion != value else None
