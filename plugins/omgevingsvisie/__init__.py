"""The omgevingsvisie core: read, check and relate a visie, independent of any site engine."""

from .loader import Layout, LoadResult, load_visie
from .model import Gebied, Kernopgave, Keuze, Layer, Page, Visie
from .problems import Problem, Problems

__all__ = [
    "Gebied", "Kernopgave", "Keuze", "Layer", "Layout", "LoadResult", "Page", "Problem",
    "Problems", "Visie", "load_visie",
]
