"""Queries an inwoner types, on the Zwolle sample, with the result that must be among the first three.

A target ending in ``/`` is a page (gebied, kernopgave, other page); ``#id`` is a keuze's anchor.
"""

from __future__ import annotations

QUERIES: list[tuple[str, str, str]] = [
    # (query, expected result, what it checks)
    ("bedrijventerreinen", "gebieden/spoorzone/", "plural finds the singular in the text"),
    ("zonnepanelen", "kernopgaven/klimaat-energie/", "plural as in the text"),
    ("zonnepaneel", "kernopgaven/klimaat-energie/", "singular finds the plural"),
    ("zonneveld", "#zon-eerst-op-daken", "singular finds 'zonnevelden'"),
    ("uiterwaard", "#uiterwaarden-als-klimaatbuffer", "singular finds the plural"),
    ("knooppunt", "#regionale-voorzieningen-op-knooppunten", "singular finds the plural"),
    ("corporatie", "#vernieuwing-zwolle-zuid", "singular finds -s plural"),
    ("boerderij", "#nieuwe-functies-voor-erven", "singular finds 'boerderijen'"),
    ("erf", "#nieuwe-functies-voor-erven", "f/v alternation: erf, erven"),
    ("stukjes groen", "#bewoners-richten-buurt-in", "diminutive plural finds 'stukje'"),
    ("straatje", "#bewoners-richten-buurt-in", "diminutive finds 'straat'"),
    ("pleintjes", "#ruimte-voor-cultuur-en-evenementen", "diminutive finds 'pleinen'"),
    ("hergebruikt", "#circulair-bouwen", "verb form finds 'hergebruiken'"),
    ("gebundeld", "#kennis-campus-spoorzone", "participle finds 'bundelen'"),
    ("speelt", "#gezond-opgroeien", "verb form finds 'spelen'"),
    ("vernieuwd Zwolle-Zuid", "#vernieuwing-zwolle-zuid", "participle finds 'vernieuwen'"),
    ("zon-eerst-op-daken", "#zon-eerst-op-daken", "keuze id"),
    ("wonen-met-zorg-in-de-wijk", "#wonen-met-zorg-in-de-wijk", "keuze id"),
    ("circulair-bouwen", "#circulair-bouwen", "keuze id"),
    ("proeftuin integrale wijkvernieuwing", "#proeftuin-holtenbroek", "keuze title"),
    ("Stadshagen", "gebieden/stadshagen/", "gebied name"),
    ("Holtenbroek", "gebieden/holtenbroek/", "gebied name"),
    ("Zwolle-Zuid", "gebieden/zwolle-zuid/", "gebied name with hyphen"),
    ("IJsselzone", "gebieden/ijsselzone/", "gebied name"),
    ("Assendorp", "gebieden/stadsring/", "neighbourhood via ook_bekend_als"),
    ("Westenholte", "gebieden/stadsring/", "neighbourhood via ook_bekend_als"),
    ("Windesheim", "gebieden/buitengebied/", "village via ook_bekend_als"),
    ("Ittersum", "gebieden/zwolle-zuid/", "neighbourhood via ook_bekend_als"),
    ("Toekomstbestendige wijken", "kernopgaven/wijken/", "kernopgave name"),
    ("Klimaatverandering, energie en circulariteit", "kernopgaven/klimaat-energie/", "kernopgave name in full"),
    ("menselijk kapitaal", "kernopgaven/menselijk-kapitaal/", "kernopgave name, shortened"),
    ("woningen voor alle levensfasen", "#gemengd-woningaanbod", "words from a keuze"),
    ("lege panden", "#ruimte-voor-tijdelijk-gebruik", "words from a keuze"),
    ("aardgas", "#wijken-van-het-aardgas", "a keuze's theme"),
    ("groen binnen vijf minuten", "#groen-dichtbij-huis", "words from a keuze title"),
    ("fietsers voorrang", "#voorrang-fiets-en-ov", "plural person noun and a title word"),
]


def matches(href: str, expected: str) -> bool:
    """Whether a result's link (absolute or relative) is the expected page or keuze anchor."""
    path = href.split("://", 1)[-1]
    path = path[path.find("/"):] if "://" in href else path
    path, _, anchor = path.partition("#")
    path = path.split("?", 1)[0] + (f"#{anchor}" if anchor else "")
    if expected.startswith("#"):
        return path.endswith(expected)
    return path.split("#", 1)[0].rstrip("/").endswith(expected.rstrip("/"))
