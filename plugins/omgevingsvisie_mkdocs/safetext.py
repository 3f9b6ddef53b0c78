"""Structured values handed to MkDocs and Material as text that is escaped exactly once.

Material prints ``config.site_name``, ``page.title``, ``page.meta.title``, nav titles and the
meta description into its templates without escaping. A ``markupsafe.Markup`` holding the escaped
text prints as that text; Jinja's ``e`` filter leaves it as it is, so escaping happens once.
(Material's ``striptags`` would unescape it again: main.html prints the <title> itself.)
"""

from __future__ import annotations

from typing import Any

from markupsafe import Markup, escape


def html_text(value: object) -> Markup:
    """A plain-text value as HTML; already converted values stay as they are."""
    return value if isinstance(value, Markup) else escape(str(value))


def escape_nav(nav: Any) -> Any:
    """MkDocs' nav config with every title as text: ``{title: path-or-list}`` mappings and paths."""
    if isinstance(nav, list):
        return [escape_nav(item) for item in nav]
    if isinstance(nav, dict):
        return {html_text(title): escape_nav(value) for title, value in nav.items()}
    return nav


def escape_meta(meta: dict[str, Any]) -> None:
    """The title and description in a page's metadata, which Material prints as they are."""
    for key in ("title", "description"):
        value = meta.get(key)
        if isinstance(value, str):
            meta[key] = html_text(value)
