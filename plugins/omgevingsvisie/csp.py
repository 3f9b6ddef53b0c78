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

# Inline <script> elements the browser runs: without src, and without a data type (JSON, …).
_SCRIPT = re.compile(r"<script(?P<attributes>(?:\s[^>]*)?)>(?P<body>.*?)</script\s*>", re.S | re.I)
_STYLE = re.compile(r"<style(?:\s[^>]*)?>(?P<body>.*?)</style\s*>", re.S | re.I)
_TYPE = re.compile(r"""\stype\s*=\s*["']?([^"'\s>]+)""", re.I)
_SRC = re.compile(r"\ssrc\s*=", re.I)
_SCRIPT_TYPES = {"", "text/javascript", "application/javascript", "module"}
_CHARSET = re.compile(r"<meta\s+charset=[\"']?[\w-]+[\"']?\s*/?>", re.I)
_HEAD = re.compile(r"<head(?:\s[^>]*)?>", re.I)
_EXISTING = re.compile(r"<meta\s+http-equiv=[\"']Content-Security-Policy[\"'][^>]*>\s*", re.I)


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
    scripts = [
        _hash_source(m.group("body"))
        for m in _SCRIPT.finditer(page_html)
        if is_executable_inline_script(m.group("attributes"))
    ]
    styles = [_hash_source(m.group("body")) for m in _STYLE.finditer(page_html)]
    return InlineCode(tuple(dict.fromkeys(scripts)), tuple(dict.fromkeys(styles)))


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
    edits = [Edit(found.start(), found.end(), "") for found in _EXISTING.finditer(page_html)]
    policy = content_security_policy(needs, inline_code(page_html))
    edits.append(Edit(anchor.end(), anchor.end(), f'<meta http-equiv="Content-Security-Policy" content="{policy}">'))
    return edits

