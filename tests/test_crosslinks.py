"""Cross-links [[id]] and terugverwijzingen in the built HTML."""

from __future__ import annotations

import re
from pathlib import Path

from conftest import Build, make_project, run_build


def article(html: str) -> str:
    return html[html.index("<article") : html.index("</article>")]


def test_id_link_takes_the_target_title(sample_build: Build) -> None:
    html = article(sample_build.html(""))
    # visie/index.md links the kernopgaven with [[id]]: the link text is the kernopgave's titel.
    assert re.search(r'<a class="ov-verwijzing" href="kernopgaven/wijken/" id="verwijzing-index-\d+">'
                     r"Toekomstbestendige wijken door transformatie van de bestaande stad</a>", html), html[:3000]


def test_link_with_own_text_and_to_a_keuze(tmp_path: Path) -> None:
    project = make_project(tmp_path / "p")
    chapter = project / "visie/samen-uitvoeren.md"
    chapter.write_text(
        chapter.read_text()
        + "\n\nLees [[zon-eerst-op-daken|hoe we met zonne-energie omgaan]].\n\n"
        + "- in een lijst: [[holtenbroek]]\n\n"
        + "Letterlijk: `[[holtenbroek]]` en\n\n```\n[[bestaat-niet]]\n```\n"
    )
    build = run_build(project)
    assert build.returncode == 0, build.output
    html = article(build.html("samen-uitvoeren/"))
    assert re.search(r'<a class="ov-verwijzing" href="../kernopgaven/klimaat-energie/#zon-eerst-op-daken" '
                     r'id="verwijzing-samen-uitvoeren-\d+">hoe we met zonne-energie omgaan</a>', html)
    assert re.search(r'<li>in een lijst: <a class="ov-verwijzing" href="../gebieden/holtenbroek/"[^>]*>Holtenbroek</a>', html)
    assert "<code>[[holtenbroek]]</code>" in html
    assert "[[bestaat-niet]]" in html
    # The gebied shows where it is referred to, linking to the exact place.
    target = article(build.html("gebieden/holtenbroek/"))
    backlinks = target[target.index('id="verwijzingen-naar-deze-pagina"') :]
    anchors = re.findall(r'href="../../samen-uitvoeren/#(verwijzing-samen-uitvoeren-\d+)"', backlinks)
    assert anchors, backlinks[:2000]
    for anchor in anchors:
        assert f'id="{anchor}"' in html


def test_links_inside_keuze_blocks_resolve(sample_build: Build) -> None:
    html = article(sample_build.html("kernopgaven/wijken/"))
    toelichtingen = re.findall(r'<div class="ov-keuze__toelichting">(.*?)</div>', html, re.S)
    links = [l for t in toelichtingen for l in re.findall(r'class="ov-verwijzing" href="([^"]+)"', t)]
    assert links
    for href in links:
        path, _, anchor = href.partition("#")
        target = (sample_build.site / "kernopgaven/wijken" / path / "index.html").resolve()
        assert target.is_file(), href
        if anchor:
            assert f'id="{anchor}"' in target.read_text(encoding="utf-8"), href


def test_keuze_shows_where_it_is_referred_to(sample_build: Build) -> None:
    sources = {p: p.read_text() for p in (sample_build.project / "visie").rglob("*.md")}
    referred = {m for text in sources.values() for m in re.findall(r"\[\[([a-z0-9-]+)(?:\|[^\]]*)?\]\]", text)}
    keuze_ids = set(re.findall(r"^\s+id: ([a-z0-9-]+)$", "\n".join(sources.values()), re.M))
    target = sorted(referred & keuze_ids)[0]
    kernopgave = next(p.stem for p, text in sources.items() if re.search(rf"^\s+id: {target}$", text, re.M))
    html = article(sample_build.html(f"kernopgaven/{kernopgave}/"))
    section = html[html.index(f'aria-labelledby="{target}"') :]
    section = section[: section.index("</footer>")]
    assert "Verwezen vanuit" in section
    assert re.search(r'href="[^"]*#verwijzing-[a-z0-9-]+-\d+"', section)


def test_docs_pages_resolve_links_too(tmp_path: Path) -> None:
    project = make_project(tmp_path / "p")
    over = project / "docs/over.md"
    over.write_text(over.read_text() + "\n\nBegin bij [[index]] of [[stadsring]].\n")
    build = run_build(project)
    assert build.returncode == 0, build.output
    html = article(build.html("over/"))
    assert 'href="../gebieden/stadsring/"' in html and ">Stadsring</a>" in html


def test_unknown_id_in_a_link_fails_the_build_with_the_nearest_id(tmp_path: Path) -> None:
    project = make_project(tmp_path / "p")
    over = project / "docs/over.md"
    over.write_text(over.read_text() + "\n\nZie [[stadsrng]].\n")
    build = run_build(project)
    assert build.returncode != 0 and "Traceback" not in build.output
    assert re.search(r"docs/over\.md:\d+: verwijzing \[\[stadsrng\]\]: onbekend id 'stadsrng'; bedoelt u 'stadsring'\?", build.output)
