"""Maps that read without background tiles: names of gebieden, neighbouring gebieden for context,
layer colours that differ, layer switches large enough to tap (issue: maps readable)."""

from __future__ import annotations

import colorsys
from pathlib import Path

import yaml

from conftest import REPO
from test_maps import wait_for_maps

CONTEXT = "#ov_kaart_{n} .leaflet-overlay-pane path[stroke-dasharray='4 3']"


def visible_names(tab, number: int = 1) -> list[str]:
    return tab.locator(f"#ov_kaart_{number} .ov-kaart__naam:not(.ov-kaart__naam--verborgen)").all_inner_texts()


def test_gebied_map_names_its_gebied_and_draws_its_neighbours_faintly(page, sample_url: str) -> None:
    page.goto(sample_url + "gebieden/stadsring/")
    wait_for_maps(page)
    # the gebied itself: an emphasised outline in the gebieden layer's colour, with its name
    assert page.locator("#ov_kaart_1 path[stroke-width='4'][stroke='#5e3c99']").count() == 1
    assert "Stadsring" in visible_names(page)
    # the other gebieden: thin dashed outlines, every one of them, named where they fit
    assert page.locator(CONTEXT.format(n=1)).count() == 8
    assert {"Centrum", "Holtenbroek", "Stadshagen", "Zwolle-Zuid"} <= set(visible_names(page))
    # names are plain text, placed apart from one another
    labels = page.locator("#ov_kaart_1 .ov-kaart__naam:not(.ov-kaart__naam--verborgen)")
    assert labels.locator("a, img, script, b, i").count() == 0
    boxes = [labels.nth(i).bounding_box() for i in range(labels.count())]
    for i, a in enumerate(boxes):
        for b in boxes[i + 1:]:
            overlap = not (a["x"] + a["width"] <= b["x"] or b["x"] + b["width"] <= a["x"]
                           or a["y"] + a["height"] <= b["y"] or b["y"] + b["height"] <= a["y"])
            assert not overlap, (a, b)
    # the larger gebied's name stands outside the smaller gebieden that are part of it
    name = page.locator("#ov_kaart_1 .ov-kaart__naam", has_text="Stadsring").bounding_box()
    centre = (name["x"] + name["width"] / 2, name["y"] + name["height"] / 2)
    inside = page.evaluate(
        """([x, y]) => {
            const map = document.getElementById('ov_kaart_1').ovKaart;
            const point = map.containerPointToLatLng(map.mouseEventToContainerPoint({clientX: x, clientY: y}));
            const found = [];
            map.eachLayer(l => {
                const g = l.feature && l.feature.properties.gebied;
                if (g && l.getBounds && l.getBounds().contains(point) && l.options.dashArray) found.push(g);
            });
            return found;
        }""",
        list(centre),
    )
    assert "centrum" not in inside and "holtenbroek" not in inside


def test_names_show_only_where_they_fit(page, sample_url: str) -> None:
    page.goto(sample_url + "kaart/")
    wait_for_maps(page)
    before = visible_names(page)
    assert "Stadsring" in before and "Spoorzone" not in before  # Spoorzone is a few pixels wide here
    page.evaluate("document.getElementById('ov_kaart_1').ovKaart.setZoom(15, {animate: false})")
    page.wait_for_function(
        """() => [...document.querySelectorAll('#ov_kaart_1 .ov-kaart__naam')]
            .some(n => n.textContent === 'Spoorzone' && !n.classList.contains('ov-kaart__naam--verborgen'))"""
    )
    # switching the gebieden layer off takes its names along
    page.get_by_role("checkbox", name="Gebiedsindeling (indicatief)").uncheck()
    page.locator("#ov_kaart_1 .ov-kaart__naam").first.wait_for(state="detached")
    page.get_by_role("checkbox", name="Gebiedsindeling (indicatief)").check()
    page.locator("#ov_kaart_1 .ov-kaart__naam", has_text="Spoorzone").wait_for()


def test_keuze_and_kernopgave_maps_show_the_gebieden_for_context(page, sample_url: str) -> None:
    page.goto(sample_url + "kernopgaven/klimaat-energie/")
    count = wait_for_maps(page)
    for number in range(1, count + 1):
        assert page.locator(CONTEXT.format(n=number)).count() >= 8, number
    # the map of a keuze (Groen binnen vijf minuten) has gebied names too
    figure = page.locator(".ov-kaart", has_text="Kaart bij de keuze").first
    assert figure.locator(".ov-kaart__naam").count() >= 1


def test_layer_switches_are_at_least_24_px(page, sample_url: str) -> None:
    for target, expand in (("kaart/", False), ("gebieden/holtenbroek/", True)):
        page.goto(sample_url + target)
        wait_for_maps(page)
        if expand:
            page.locator("#ov_kaart_1 .leaflet-control-layers").hover()
            page.locator("#ov_kaart_1 .leaflet-control-layers-expanded").wait_for()
        boxes = page.locator("#ov_kaart_1 .leaflet-control-layers-selector")
        assert boxes.count() >= 1
        for i in range(boxes.count()):
            box = boxes.nth(i).bounding_box()
            assert box and box["width"] >= 24 and box["height"] >= 24, (target, box)
            label = boxes.nth(i).locator("xpath=ancestor::label").bounding_box()
            assert label and label["height"] >= 24, (target, label)


def test_sample_layer_colours_are_clearly_apart() -> None:
    lagen = yaml.safe_load((REPO / "kaarten/lagen.yml").read_text(encoding="utf-8"))["lagen"]
    hues = {}
    for laag in lagen:
        r, g, b = (int(laag["kleur"][i:i + 2], 16) / 255 for i in (1, 3, 5))
        hues[laag["id"]] = colorsys.rgb_to_hls(r, g, b)[0] * 360
    blues = [i for i, h in hues.items() if 180 <= h <= 250]
    assert len(blues) <= 1, blues
    ids = list(hues)
    for i, a in enumerate(ids):
        for b in ids[i + 1:]:
            distance = abs(hues[a] - hues[b])
            assert min(distance, 360 - distance) >= 30, (a, b, hues[a], hues[b])


def test_generated_assets_name_gebieden_where_they_fit(sample_build) -> None:
    import json

    data = json.loads((Path(sample_build.site) / "assets/kaarten/gebieden.geojson").read_text(encoding="utf-8"))
    for feature in data["features"]:
        lon, lat, radius = feature["labelpunt"]
        assert 5.9 < lon < 6.3 and 52.4 < lat < 52.7 and radius > 0
