"""Options of the omgevingsvisie plugin in mkdocs.yml."""

from __future__ import annotations

from mkdocs.config import config_options as c
from mkdocs.config.base import Config


class VisiePluginConfig(Config):
    # Folders relative to mkdocs.yml: replacing these two is how another gemeente gets its site.
    visie_dir = c.Type(str, default="visie")
    kaarten_dir = c.Type(str, default="kaarten")
    # A preview for the gemeenteraad: the visie.json of an earlier build to compare with, and a
    # name for that version (a branch or tag). scripts/voorvertoning.py sets both.
    basis = c.Optional(c.Type(str))
    basis_naam = c.Optional(c.Type(str))
    # Where map assets that did not change are kept between builds (relative to mkdocs.yml); an
    # empty value keeps nothing (see omgevingsvisie.build_cache).
    cache_dir = c.Type(str, default=".cache/omgevingsvisie")
