"""Content-Security-Policy: every page carries a strict policy, and nothing on the site breaks it.

One build of the sample for the address it is served from (so Material's instant navigation is
on, as on a published site); every page is opened in Chromium with a listener for
``securitypolicyviolation`` events, and the states that script opens are visited too: maps and
their pop-ups, search results, the keuze filter on Alle keuzes.
"""

from __future__ import annotations

import base64
import hashlib
import html as htmllib
import re
from typing import Iterator

import pytest
from hypothesis import given
from hypothesis import strategies as st

from conftest import EMPTY_TILE, TILE_HOST, Build, make_project, run_build, serve_directory
from test_maps import point_on_feature, wait_for_maps
from test_search import search

META = re.compile(r'<meta http-equiv="Content-Security-Policy" content="([^"]+)">')
SCRIPT = re.compile(r"<script(\s[^>]*)?>(.*?)</script>", re.S)
# Material's own inline scripts (its scope, colour palette and content-tab anchors); ours are none.
MATERIAL_INLINE = ("__md_scope=new URL(", 'var palette=__md_get("__palette")', "var target=document.getElementById(location.hash")
RECORD_VIOLATIONS = """
window.__csp = [];
document.addEventListener('securitypolicyviolation', e => {
    window.__csp.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`);
});
"""


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Build, str]]:
    project = make_project(tmp_path_factory.mktemp("csp"))
    server, url = serve_directory(project / "site")
    build = run_build(project, site_url=url)
    assert build.returncode == 0, build.output
    yield build, url
    server.shutdown()


@pytest.fixture
def tab(browser, site: tuple[Build, str]) -> Iterator[object]:
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="nl-NL")
    context.route(f"{TILE_HOST}**", lambda route: route.fulfill(status=200, content_type="image/png", body=EMPTY_TILE))
    context.add_init_script(RECORD_VIOLATIONS)
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.errors = errors
    yield page
    context.close()


def policy(html: str) -> dict[str, list[str]]:
    found = META.findall(html)
    assert len(found) == 1, "no or more than one CSP meta"
    directives = {}
    for part in htmllib.unescape(found[0]).split(";"):
        name, *sources = part.split()
        directives[name] = sources
    return directives


def sha256(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode() + "'"


def test_every_page_has_a_strict_policy_and_only_the_themes_inline_scripts(site: tuple[Build, str]) -> None:
    build, _ = site
    pages = sorted(build.site.rglob("*.html"))
    assert len(pages) > 20
    for path in pages:
        html = path.read_text(encoding="utf-8")
        rules = policy(html)
        where = path.relative_to(build.site)
        # before anything that loads or runs: right after <meta charset>
        assert html.index("Content-Security-Policy") < html.index("<script"), where
        assert html.index("Content-Security-Policy") < html.index("<link"), where
        assert rules["script-src"][0] == "'self'" and "'unsafe-inline'" not in rules["script-src"], where
        assert "'unsafe-eval'" not in rules["script-src"], where
        assert "'wasm-unsafe-eval'" not in rules["script-src"], where  # the search runs as plain script
        assert "'unsafe-inline'" not in rules["style-src"], where
        assert rules["object-src"] == ["'none'"] and rules["base-uri"] == ["'self'"], where
        assert rules["default-src"] == ["'self'"], where
        # the sample uses PDOK's background tiles and its address search (adres_zoeken: pdok)
        assert rules["img-src"] == ["'self'", "data:", "https://service.pdok.nl"], where
        assert rules["connect-src"] == ["'self'", "https://api.pdok.nl"], where
        inline = [(attrs or "", body) for attrs, body in SCRIPT.findall(html) if "src=" not in (attrs or "")]
        for attrs, body in inline:
            if 'type="application/json"' in attrs:
                continue
            assert body.startswith(MATERIAL_INLINE), f"{where}: inline script of ours: {body[:80]}"
            assert sha256(body) in rules["script-src"], where
        assert ' style="' not in html, f"{where}: a style attribute"


def test_maps_search_and_filter_cause_no_violation(tab, site: tuple[Build, str]) -> None:
    build, url = site
    violations = []
    for path in sorted(build.site.rglob("index.html")):
        target = path.parent.relative_to(build.site).as_posix()
        target = "" if target == "." else target + "/"
        tab.goto(url + target)
        if tab.locator(".ov-kaart__kaart").count():
            wait_for_maps(tab)
        tab.wait_for_load_state("networkidle")
        violations += [f"{target}: {v}" for v in tab.evaluate("window.__csp")]
    # pop-up on the Kaart page, then through its link by instant navigation to a gebied page
    tab.goto(url + "kaart/")
    wait_for_maps(tab)
    spot = point_on_feature(tab, "ov_kaart_1", "gebied", "stadshagen")
    tab.mouse.click(spot["x"], spot["y"])
    tab.get_by_role("link", name="Naar de pagina over Stadshagen").click()
    tab.wait_for_url("**/gebieden/stadshagen/")
    wait_for_maps(tab)
    # search results (from a freshly loaded page: the search box takes "/" once the page is idle)
    tab.goto(url, wait_until="networkidle")
    results = search(tab, url, "Stadshagen")
    assert results.count() > 0
    tab.keyboard.press("Escape")
    # the keuze filter on Alle keuzes
    tab.goto(url + "keuzes/")
    tab.select_option("#ov-filter-gebied", "stadshagen")
    tab.wait_for_function("() => [...document.querySelectorAll('.ov-keuzekaart')].some(c => c.hidden)")
    violations += [f"states: {v}" for v in tab.evaluate("window.__csp")]
    assert violations == [], "\n".join(violations)
    assert tab.errors == []


def test_the_policy_follows_what_the_site_needs() -> None:
    from omgevingsvisie.csp import InlineCode, PolicyNeeds, content_security_policy

    plain = content_security_policy(PolicyNeeds())
    assert "pdok" not in plain and "wasm" not in plain
    assert "script-src 'self';" in plain
    full = content_security_policy(
        PolicyNeeds(uses_pdok_tiles=True, uses_pdok_address_search=True),
        InlineCode(("'sha256-abc='",), ()),
    )
    assert "script-src 'self' 'sha256-abc=';" in full
    assert "img-src 'self' data: https://service.pdok.nl;" in full
    assert "connect-src 'self' https://api.pdok.nl;" in full


@given(st.text(max_size=60), st.lists(st.tuples(st.integers(0, 60), st.integers(0, 5), st.text(max_size=8)), max_size=6))
def test_edits_to_a_page_make_the_same_text_as_one_by_one(text: str, wanted: list[tuple[int, int, str]]) -> None:
    """The policy and the repairs are applied with one copy of the page; that copy must be the page
    each edit would give when made on its own, from the last to the first."""
    from omgevingsvisie.textedits import Edit, apply_edits

    edits, taken = [], -1
    for start, length, replacement in sorted(wanted):
        start = min(start, len(text))
        if start <= taken:
            continue
        end = min(start + length, len(text))
        edits.append(Edit(start, end, replacement))
        taken = end
    expected = text
    for edit in sorted(edits, reverse=True):
        expected = expected[: edit.start] + edit.replacement + expected[edit.end :]
    assert apply_edits(text, list(reversed(edits))) == expected


_SCRIPT_BODIES = ["", "let a = 1 < 2;", "x = '<p>' + '</scrip' + 't>';", "/* <style>p{}</style> */", "é\n\t"]
_PARTS = st.one_of(
    st.tuples(st.just("script"), st.sampled_from(["", ' type="module"', ' type="application/json"', ' src="a.js"',
                                                  " TYPE=text/javascript", ' data-x="1"']),
              st.sampled_from(_SCRIPT_BODIES), st.sampled_from(["script", "SCRIPT", "script "])),
    st.tuples(st.just("style"), st.sampled_from(["", ' media="print"']), st.sampled_from(["", "p { color: red }", "a<b"]),
              st.sampled_from(["style", "STYLE"])),
    st.tuples(st.just("oud"), st.just(""), st.just(""), st.just("")),
    st.tuples(st.just("tekst"), st.just(""), st.sampled_from(["<p>tekst</p>", "a < b", "<scripted>", "<!-- x -->", "<"]),
              st.just("")),
)


@given(parts=st.lists(_PARTS, max_size=8), unclosed=st.booleans())
def test_the_policy_hashes_exactly_the_inline_code_a_browser_runs(parts: list[tuple[str, str, str, str]], unclosed: bool) -> None:
    """One pass finds every inline script a browser runs and every inline style, by their hashes, and
    the policy a page already has; a script with src or a data type, and text that only looks like
    a tag, are left alone."""
    import base64
    import hashlib

    from omgevingsvisie.csp import PolicyNeeds, inline_code, policy_edits
    from omgevingsvisie.textedits import apply_edits

    def sha(body: str) -> str:
        return f"'sha256-{base64.b64encode(hashlib.sha256(body.encode()).digest()).decode()}'"

    html, scripts, styles = '<html><head><meta charset="utf-8">', [], []
    for kind, attributes, body, end in parts:
        if kind == "script":
            html += f"<script{attributes}>{body}</{end}>"
            runs = "src=" not in attributes and "json" not in attributes
            if runs and sha(body) not in scripts:
                scripts.append(sha(body))
        elif kind == "style":
            html += f"<style{attributes}>{body}</{end}>"
            if sha(body) not in styles:
                styles.append(sha(body))
        elif kind == "oud":
            html += "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src *\">"
        else:
            html += body
    html += "<script>niet afgesloten" if unclosed else ""
    found = inline_code(html)
    assert list(found.scripts) == scripts and list(found.styles) == styles
    finished = apply_edits(html, policy_edits(html, PolicyNeeds()))
    assert "default-src *" not in finished
    assert finished.count('http-equiv="Content-Security-Policy"') == 1
    assert finished.startswith('<html><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy"')
