"""Options of the omgevingsvisie plugin in mkdocs.yml."""

from __future__ import annotations

from mkdocs.config import config_options as c
from mkdocs.config.base import Config


class VisiePluginConfig(Config):
    # Folders relative to mkdocs.yml: replacing these two is how another gemeente gets its site.
    visie_dir = c.Type(str, default="visie")
    kaarten_dir = c.Type(str, default="kaarten")
