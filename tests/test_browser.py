"""Smoke tests in Chromium: what an inwoner sees on the home, a kernopgave and a gebied page."""

from __future__ import annotations

from conftest import Build

TILE_HOST = "https://service.pdok.nl/"


def open_page(page, url: str) -> list[str]:
    errors: list[str] = []
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(url, wait_until="networkidle")
    return errors


def test_home_page(page, sample_url: str) -> None:
    errors = open_page(page, sample_url)
    assert page.title().endswith("Omgevingsvisie Zwolle")
    assert page.locator("h1").first.inner_text().rstrip("¶") == "De leidende ambitie"
    notice = page.locator(".ov-status")
    assert notice.is_visible() and "nog niet vastgesteld" in notice.inner_text()
    assert errors == []
    assert page.requests.foreign(sample_url) == [] or all(u.startswith(TILE_HOST) for u in page.requests.foreign(sample_url))


def test_kernopgave_page_and_keuze_anchor(page, sample_url: str) -> None:
    errors = open_page(page, sample_url + "kernopgaven/wijken/#proeftuin-holtenbroek")
    heading = page.locator("h3#proeftuin-holtenbroek")
    assert heading.is_visible()
    assert heading.evaluate("el => el.getBoundingClientRect().top < window.innerHeight")
    keuze = page.locator("section.ov-keuze", has=heading)
    assert "Investeren" in keuze.inner_text()
    keuze.get_by_role("link", name="Holtenbroek").first.click()
    page.wait_for_url("**/gebieden/holtenbroek/")
    assert page.locator("h1").first.inner_text().rstrip("¶") == "Holtenbroek"
    assert errors == []


def test_gebied_page_lists_its_keuzes(page, sample_url: str) -> None:
    errors = open_page(page, sample_url + "gebieden/holtenbroek/")
    assert page.locator("h2#keuzes-voor-dit-gebied").is_visible()
    links = page.locator(".ov-gebied-keuzes a[href*='#proeftuin-holtenbroek']")
    assert links.count() == 1
    links.first.click()
    page.wait_for_url("**/kernopgaven/wijken/#proeftuin-holtenbroek")
    assert page.locator("h3#proeftuin-holtenbroek").is_visible()
    assert errors == []


def test_alle_keuzes_narrows_by_rol_and_gebied(page, sample_url: str, sample_build: Build) -> None:
    errors = open_page(page, sample_url + "keuzes/")
    cards = page.locator("li.ov-keuzekaart")
    total = cards.count()
    assert page.locator("form.ov-filter").is_visible()
    page.get_by_label("Rol van de gemeente").select_option("ruimte-geven")
    visible = page.locator("li.ov-keuzekaart:visible")
    expected = sample_build.html("keuzes/").count('data-rol="ruimte-geven"')
    assert 0 < visible.count() == expected < total
    assert f"{expected} van de {total} keuzes" in page.locator("[data-ov-count]").inner_text()
    page.get_by_label("Gebied", exact=True).select_option("holtenbroek")
    areas = [(c.get_attribute("data-gebieden") or "").split() for c in visible.all()]
    # keuzes that name Holtenbroek or a gebied it is part of, and keuzes for the whole gemeente
    assert areas and all(a == [] or "holtenbroek" in a for a in areas)
    general = sum(1 for a in areas if a == [])
    assert general > 0 and f"waarvan {general} voor de hele gemeente" in page.locator("[data-ov-count]").inner_text()
    assert "rol=ruimte-geven" in page.url and "gebied=holtenbroek" in page.url
    assert errors == []
