"""The Content-Security-Policy of a published page, from what the site needs and the page holds.

Engine-agnostic: :class:`PolicyNeeds` says which outside services and browser features the site
uses (an adapter derives it from the visie, and a new feature adds a field); the inline scripts
and styles that remain on a page (the theme's own, never ours) are allowed by their SHA-256
hash, computed from the page's final HTML. Everything else must come from the site itself.
"""

from __future__ import annotations

import base64
import hashlib
import re
from dataclasses import dataclass

from .textedits import Edit

PDOK_TILES = "https://service.pdok.nl"
PDOK_LOCATIESERVER = "https://api.pdok.nl"

# The elements the policy depends on, found in one pass over the page (a pattern that ignores case
# is tried at every '<'; a pattern per kind of element was three passes over every page):
# inline <script> elements (those without src or with a data type are skipped later), inline
# <style> elements, and a policy the page already has. Like a browser, this does not look for
# elements inside the text of a script or style. A body runs to its first end tag.
_ELEMENTS = re.compile(
    r"<(?:script(?P<attributes>(?:\s[^>]*)?)>(?P<body>[^<]*+(?:<(?!/script\s*>)[^<]*+)*+)</script\s*>"
    r"|style(?:\s[^>]*)?>(?P<style>[^<]*+(?:<(?!/style\s*>)[^<]*+)*+)</style\s*>"
    r"|(?P<existing>meta\s+http-equiv=[\"']Content-Security-Policy[\"'][^>]*>\s*))",
    re.I,
)
_TYPE = re.compile(r"""\stype\s*=\s*["']?([^"'\s>]+)""", re.I)
_SRC = re.compile(r"\ssrc\s*=", re.I)
_SCRIPT_TYPES = {"", "text/javascript", "application/javascript", "module"}
_CHARSET = re.compile(r"<meta\s+charset=[\"']?[\w-]+[\"']?\s*/?>", re.I)
_HEAD = re.compile(r"<head(?:\s[^>]*)?>", re.I)


@dataclass(frozen=True)
class PolicyNeeds:
    """What the site asks of the browser beyond its own files."""

    uses_pdok_tiles: bool = False  # background tiles from PDOK (achtergrond: pdok-brt)
    uses_pdok_address_search: bool = False  # PDOK Locatieserver, asked after the reader types


@dataclass(frozen=True)
class InlineCode:
    scripts: tuple[str, ...]  # 'sha256-…' sources
    styles: tuple[str, ...]


def _hash_source(body: str) -> str:
    digest = hashlib.sha256(body.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"


def is_executable_inline_script(attributes: str) -> bool:
    """True for a ``<script>`` without ``src`` whose type a browser runs as JavaScript."""
    if _SRC.search(attributes):
        return False
    found = _TYPE.search(attributes)
    return (found.group(1).lower() if found else "") in _SCRIPT_TYPES


def inline_code(page_html: str) -> InlineCode:
    """The hashes of a page's inline scripts (those a browser runs) and inline style elements."""
    return _scan(page_html)[0]


def _scan(page_html: str) -> tuple[InlineCode, list[Edit]]:
    """The page's inline code, and the edits that remove a policy it already has."""
    scripts: list[str] = []
    styles: list[str] = []
    removals: list[Edit] = []
    for found in _ELEMENTS.finditer(page_html):
        if found.group("existing") is not None:
            removals.append(Edit(found.start(), found.end(), ""))
        elif found.group("style") is not None:
            styles.append(_hash_source(found.group("style")))
        elif is_executable_inline_script(found.group("attributes")):
            scripts.append(_hash_source(found.group("body")))
    return InlineCode(tuple(dict.fromkeys(scripts)), tuple(dict.fromkeys(styles))), removals


def content_security_policy(needs: PolicyNeeds, inline: InlineCode = InlineCode((), ())) -> str:
    """The policy as one header value; the same text serves the ``<meta http-equiv>``."""
    script_src = ["'self'", *inline.scripts]
    img_src = ["'self'", "data:"]  # the theme's icons are data: SVGs in its stylesheet
    connect_src = ["'self'"]
    if needs.uses_pdok_tiles:
        img_src.append(PDOK_TILES)
    if needs.uses_pdok_address_search:
        connect_src.append(PDOK_LOCATIESERVER)
    directives = [
        ("default-src", ["'self'"]),
        ("script-src", script_src),
        ("style-src", ["'self'", *inline.styles]),
        ("img-src", img_src),
        ("font-src", ["'self'"]),
        ("connect-src", connect_src),
        ("worker-src", ["'self'"]),
        ("object-src", ["'none'"]),
        ("base-uri", ["'self'"]),
        ("form-action", ["'self'"]),
    ]
    return "; ".join(f"{name} {' '.join(sources)}" for name, sources in directives)


def policy_edits(page_html: str, needs: PolicyNeeds) -> list[Edit]:
    """The edits that give a page its policy as the first element after ``<meta charset>``.

    A policy in a ``<meta>`` applies only to what follows it, so it goes before every script and
    stylesheet. A page that already has one gets it replaced (a rebuild of a built page).
    """
    anchor = _CHARSET.search(page_html) or _HEAD.search(page_html)
    if anchor is None:
        return []
    inline, edits = _scan(page_html)
    policy = content_security_policy(needs, inline)
    edits.append(Edit(anchor.end(), anchor.end(), f'<meta http-equiv="Content-Security-Policy" content="{policy}">'))
    return edits

