"""Search as an inwoner uses it: typed into Material's search box in Chromium."""

from __future__ import annotations

import re

from conftest import Build


def search(page, base_url: str, query: str):
    if not page.url.startswith(base_url):
        page.goto(base_url, wait_until="networkidle")
    page.keyboard.press("/")
    page.keyboard.press("Control+A")
    page.keyboard.press("Backspace")
    page.keyboard.type(query, delay=15)
    results = page.locator(".md-search-result__item")
    results.first.wait_for(state="visible", timeout=15000)
    return results


def test_dutch_word_forms_are_found(page, sample_url: str, sample_build: Build) -> None:
    query = "zonneveld"
    assert re.search(r"\bzonneveld\b", sample_build.html("kernopgaven/klimaat-energie/"), re.I) is None
    results = search(page, sample_url, query)
    assert "zonnevelden" in results.first.inner_text().lower()


def test_a_keuze_is_its_own_result_landing_on_its_anchor(page, sample_url: str) -> None:
    results = search(page, sample_url, "proeftuin integrale wijkvernieuwing")
    keuze = page.locator(".md-search-result__item a[href*='kernopgaven/wijken/'][href$='#proeftuin-holtenbroek']").first
    keuze.wait_for(state="visible")
    # The result shows the keuze's kernopgave with it.
    item = results.filter(has=page.locator("a[href$='#proeftuin-holtenbroek']")).first
    assert "Toekomstbestendige wijken" in item.inner_text()
    keuze.click()
    page.wait_for_url(re.compile(r".*/kernopgaven/wijken/.*#proeftuin-holtenbroek$"))
    page.wait_for_timeout(300)
    heading = page.locator("h3#proeftuin-holtenbroek")
    assert heading.is_visible()
    assert heading.evaluate("el => el.getBoundingClientRect().top >= 0 && el.getBoundingClientRect().top < innerHeight")


def test_a_keuze_is_found_by_its_id(page, sample_url: str) -> None:
    search(page, sample_url, "zon-eerst-op-daken")
    assert page.locator(".md-search-result__item a[href*='kernopgaven/klimaat-energie/'][href$='#zon-eerst-op-daken']").count() >= 1


def test_a_gebied_is_found_by_its_name(page, sample_url: str) -> None:
    results = search(page, sample_url, "Stadshagen")
    first_link = results.first.locator("a").first.get_attribute("href") or ""
    assert "gebieden/stadshagen/" in first_link


def test_a_keuze_title_is_found_once(page, sample_url: str, sample_build: Build) -> None:
    # The overviews (Alle keuzes, Matrix, gebied pages) repeat keuze titles; search shows the keuze itself.
    results = search(page, sample_url, "proeftuin integrale wijkvernieuwing")
    page.wait_for_timeout(500)
    hrefs = [a.get_attribute("href") or "" for a in results.locator("a").all()]
    assert sum(h.endswith("#proeftuin-holtenbroek") for h in hrefs) == 1
    assert not any("/matrix/" in h or "/keuzes/" in h for h in hrefs), hrefs
