/* Interactive maps. A page holds no map script: each map's container names its kind of map and
 * carries its data in attributes (data-ov-soort, data-ov-grenzen, data-ov-gebied). This file
 * loads Leaflet from this site only when a page has a map, loads each kind's script (described
 * once per site with folium, in assets/kaarten/soorten/) and runs it for the container. The text
 * alternative under every map is the content; the map is an enhancement of it.
 *
 * Feature properties are data: they reach the page through textContent and attributes only,
 * never as HTML.
 */
(function () {
  "use strict";

  var script = document.currentScript;
  var assets = new URL("../", script.src); // .../assets/
  var root = new URL("../", assets); // the site root: layer and page URLs are relative to it
  var leaflet = null; // a promise of window.L
  var live = []; // maps on the current page
  var data = {}; // URL: a promise of its GeoJSON, fetched once per page view
  var kinds = {}; // name: a promise of the kind's function

  function loadFile(tag, attributes) {
    return new Promise(function (resolve, reject) {
      var element = document.createElement(tag);
      Object.keys(attributes).forEach(function (name) { element.setAttribute(name, attributes[name]); });
      element.onload = resolve;
      element.onerror = reject;
      document.head.appendChild(element);
    });
  }

  function loadLeaflet() {
    if (!leaflet) {
      leaflet = Promise.all([
        loadFile("link", { rel: "stylesheet", href: new URL("leaflet/leaflet.css", assets).href }),
        loadFile("script", { src: new URL("leaflet/leaflet.js", assets).href })
      ]).then(function () {
        window.L.Icon.Default.imagePath = new URL("leaflet/images/", assets).href;
        return window.L;
      });
      leaflet.catch(function () { leaflet = null; }); // try again on the next page
    }
    return leaflet;
  }

  function fetchJson(url) {
    var absolute = new URL(url, root).href;
    if (!data[absolute]) {
      data[absolute] = fetch(absolute, { credentials: "same-origin" }).then(function (response) {
        if (!response.ok) throw new Error(response.status + " " + absolute);
        return response.json();
      });
      data[absolute].catch(function () { delete data[absolute]; });
    }
    return data[absolute];
  }

  function text(value) {
    if (value === null || value === undefined) return "";
    if (typeof value === "boolean") return value ? "ja" : "nee";
    if (typeof value === "object") return JSON.stringify(value);
    return String(value);
  }

  function property(feature, key) {
    var properties = feature.properties || {};
    return key && Object.prototype.hasOwnProperty.call(properties, key) ? properties[key] : undefined;
  }

  /* Whether the bounding box of a GeoJSON geometry overlaps [[south, west], [north, east]]. */
  function overlaps(geometry, box) {
    var south = Infinity, west = Infinity, north = -Infinity, east = -Infinity;
    function walk(coordinates) {
      if (!coordinates) return;
      if (typeof coordinates[0] === "number") {
        if (coordinates[1] < south) south = coordinates[1];
        if (coordinates[1] > north) north = coordinates[1];
        if (coordinates[0] < west) west = coordinates[0];
        if (coordinates[0] > east) east = coordinates[0];
        return;
      }
      for (var i = 0; i < coordinates.length; i++) walk(coordinates[i]);
    }
    if (geometry && geometry.type === "GeometryCollection") {
      return (geometry.geometries || []).some(function (part) { return overlaps(part, box); });
    }
    if (geometry) walk(geometry.coordinates);
    return south <= box[1][0] && north >= box[0][0] && west <= box[1][1] && east >= box[0][1];
  }

  /* The page's extent and as much again around it on every side. */
  function surroundings(grenzen) {
    var height = grenzen[1][0] - grenzen[0][0], width = grenzen[1][1] - grenzen[0][1];
    return [[grenzen[0][0] - height, grenzen[0][1] - width], [grenzen[1][0] + height, grenzen[1][1] + width]];
  }

  function element(tag, className, content) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (content !== undefined) node.textContent = content;
    return node;
  }

  /* The contents of a popup, built from DOM nodes and textContent only. */
  function popupContent(feature, settings, pages) {
    var box = element("div", "ov-kaart__popup");
    var name = text(property(feature, settings.label));
    box.appendChild(element("p", "ov-kaart__popup-titel", name || settings.titel));
    var list = element("dl", "ov-kaart__velden");
    (settings.velden || []).forEach(function (veld) {
      var key = veld[0];
      if (key === settings.label) return;
      var value = text(property(feature, key));
      if (!value) return;
      list.appendChild(element("dt", null, veld[1]));
      list.appendChild(element("dd", null, value));
    });
    if (list.childNodes.length) box.appendChild(list);
    var gebied = property(feature, "gebied");
    pages = pages || {};
    if (typeof gebied === "string" && Object.prototype.hasOwnProperty.call(pages, gebied)) {
      var link = element("a", "ov-kaart__popup-link", "Naar de pagina over " + pages[gebied].titel);
      link.href = new URL(pages[gebied].url, root).href;
      box.appendChild(element("p")).appendChild(link);
    }
    return box;
  }

  function isPoint(feature) {
    var type = feature && feature.geometry && feature.geometry.type;
    return type === "Point" || type === "MultiPoint";
  }

  function style(settings, feature) {
    /* Preview change maps: a previous outline is dashed, drawn over by its new shape. */
    if (settings.gestippeld) {
      return { color: settings.kleur, weight: 3, opacity: 1, dashArray: "8 6", fill: false, radius: 8 };
    }
    if (isPoint(feature)) {
      return { radius: 8, color: "#fff", weight: 2, opacity: 1, fillColor: settings.kleur, fillOpacity: 0.95 };
    }
    if (settings.rol === "context") {
      // The neighbouring gebieden, faint: for orientation, also without background tiles.
      return { color: "#4d4d4d", weight: 1, opacity: 0.7, dashArray: "4 3", fillColor: "#4d4d4d", fillOpacity: 0.04 };
    }
    if (settings.rol === "nadruk") {
      return { color: settings.kleur, weight: 4, opacity: 1, fillColor: settings.kleur, fillOpacity: 0.2 };
    }
    return { color: settings.kleur, weight: 3, opacity: 0.9, fillColor: settings.kleur, fillOpacity: 0.15 };
  }

  /* A pane of its own inside the overlay pane, so the stacking order does not depend on which
   * layer's data arrives first: areas and lines in the order of lagen.yml, a marked gebied above
   * them, points on top (a marked gebied must not cover the points inside it). */
  function pane(map, name, zIndex) {
    if (!map.getPane(name)) map.createPane(name, map.getPane("overlayPane")).style.zIndex = zIndex;
    return name;
  }

  /* Names of gebieden as labels on the map, textContent only, at each area's label point (the
   * centre of the largest circle inside it, from the layer asset's "labelpunt"), shown only where
   * the name fits inside that circle at the current zoom (checked again after every zoom). */
  function addNames(map, layer, settings) {
    var L = window.L;
    var names = L.layerGroup();
    var entries = [];
    layer.eachLayer(function (shape) {
      var feature = shape.feature;
      if (isPoint(feature) || !shape.getBounds) return;
      var name = text(property(feature, settings.label));
      if (!name) return;
      var point = Array.isArray(feature.labelpunt) && feature.labelpunt.length === 3 ? feature.labelpunt : null;
      var label = L.tooltip({
        permanent: true,
        direction: "center",
        interactive: false,
        className: "ov-kaart__naam" + (settings.rol === "context" ? " ov-kaart__naam--context" : ""),
        pane: "ov-namen"
      });
      label.setLatLng(point ? [point[1], point[0]] : shape.getBounds().getCenter());
      label.setContent(element("span", null, name));
      names.addLayer(label);
      entries.push({ label: label, shape: shape, point: point });
    });
    var all = map.ovNamen || (map.ovNamen = []);
    all.push({ group: names, entries: entries });
    layer.on("add", function () { names.addTo(map); fitNames(map); });
    layer.on("remove", function () { map.removeLayer(names); });
    if (map.hasLayer(layer)) names.addTo(map);
    if (!map.ovNamenBijwerken) {
      map.ovNamenBijwerken = function () { fitNames(map); };
      map.on("zoomend resize", map.ovNamenBijwerken);
    }
    fitNames(map);
  }

  /* The room a name has: the label point's circle, or else the area's bounding box, on screen. */
  function room(map, entry) {
    if (entry.point) {
      var centre = map.latLngToContainerPoint([entry.point[1], entry.point[0]]);
      var edge = map.latLngToContainerPoint([entry.point[1] + entry.point[2], entry.point[0]]);
      var radius = Math.abs(centre.y - edge.y);
      return { width: 2 * radius * 1.2, height: 2 * radius }; // a name may reach a little past the circle sideways
    }
    var bounds = entry.shape.getBounds();
    var a = map.latLngToContainerPoint(bounds.getNorthWest());
    var b = map.latLngToContainerPoint(bounds.getSouthEast());
    return { width: Math.abs(b.x - a.x), height: Math.abs(b.y - a.y) };
  }

  function fitNames(map) {
    var shown = [];
    (map.ovNamen || []).forEach(function (set) {
      if (!map.hasLayer(set.group)) return;
      set.entries.forEach(function (entry) {
        var element = entry.label.getElement();
        if (element) shown.push({ entry: entry, element: element });
      });
    });
    // First show all, then measure all, then hide: one layout for all names, not one per name.
    shown.forEach(function (item) { item.element.classList.remove("ov-kaart__naam--verborgen"); });
    var fits = shown.map(function (item) {
      var space = room(map, item.entry);
      return item.element.offsetWidth <= space.width && item.element.offsetHeight <= space.height;
    });
    shown.forEach(function (item, i) {
      if (!fits[i]) item.element.classList.add("ov-kaart__naam--verborgen");
    });
  }

  /* A GeoJSON layer, empty at first, filled once its site asset has been fetched. */
  function laag(map, url, settings, kaart) {
    var L = window.L;
    var number = map.ovLagen = (map.ovLagen || 0) + 1;
    var base = settings.rol === "nadruk" ? 100 : settings.rol === "context" ? -100 : 0;
    var shapes = pane(map, "ov-vlakken-" + number, 200 + base + number);
    var points = pane(map, "ov-punten-" + number, 400 + number);
    if (settings.namen && !map.getPane("ov-namen")) map.createPane("ov-namen").style.zIndex = 640;
    var pages = null;
    var options = {
      pane: shapes,
      style: function (feature) { return style(settings, feature); },
      pointToLayer: function (feature, latlng) {
        return L.circleMarker(latlng, L.extend({ pane: points }, style(settings, feature)));
      },
      onEachFeature: function (feature, layer) {
        layer.bindPopup(function () { return popupContent(feature, settings, pages); }, { maxWidth: 280 });
      }
    };
    var gebied = kaart && kaart.gebied;
    if (settings.rol === "nadruk") {
      options.filter = function (feature) { return property(feature, "gebied") === gebied; };
    } else if (settings.rol === "context" && gebied) {
      // The gebieden around this one, not all of them: a visie of a thousand gebieden would
      // otherwise draw and label a thousand outlines on every gebied page.
      var around = surroundings(kaart.grenzen);
      options.filter = function (feature) {
        return property(feature, "gebied") !== gebied && overlaps(feature.geometry, around);
      };
    }
    var layer = L.geoJSON(null, options);
    var container = map.getContainer();
    container.ovWachtend = (container.ovWachtend || 0) + 1;
    var pagesLoaded = settings.paginas ? fetchJson(settings.paginas).then(function (found) {
      pages = found;
    }, function () { pages = {}; }) : Promise.resolve();
    Promise.all([fetchJson(url), pagesLoaded]).then(function (results) {
      layer.addData(results[0]);
      if (settings.namen) addNames(map, layer, settings);
    }, function (error) {
      if (window.console) console.warn("Kaartlaag niet geladen:", error);
    }).then(function () {
      container.ovWachtend -= 1;
      markDrawn(container);
    });
    return layer;
  }

  function dutchControls(map, settings) {
    var L = window.L;
    var container = map.getContainer();
    L.control.zoom({ position: "topleft", zoomInTitle: "Inzoomen", zoomOutTitle: "Uitzoomen" }).addTo(map);
    if (map.attributionControl) map.attributionControl.setPrefix("Leaflet");
    container.querySelectorAll(".leaflet-control-layers-toggle").forEach(function (toggle) {
      toggle.title = settings.lagenTitel;
      toggle.setAttribute("aria-label", settings.lagenTitel);
    });
    map.on("popupopen", function (event) {
      var close = event.popup.getElement().querySelector(".leaflet-popup-close-button");
      if (close) {
        close.setAttribute("aria-label", "Sluiten");
        close.title = "Sluiten";
      }
    });
  }

  function visible(container) {
    return container.clientWidth > 0 && container.clientHeight > 0;
  }

  /* The first step of every map script: the page's extent, now or once a hidden content tab shows. */
  function begin(map, settings, kaart) {
    var L = window.L;
    var container = map.getContainer();
    var bounds = L.latLngBounds(kaart.grenzen);
    var fitted = false;
    function fit() {
      map.fitBounds(bounds, { padding: [12, 12], maxZoom: settings.maxZoom, animate: false });
      fitted = true;
    }
    if (visible(container)) fit();
    var observer = null;
    if (window.ResizeObserver) {
      observer = new ResizeObserver(function () {
        if (!visible(container)) return;
        map.invalidateSize();
        if (!fitted) fit(); // the map was drawn while its tab was hidden
        if (map.ovNamenBijwerken) map.ovNamenBijwerken();
      });
      observer.observe(container);
    }
    container.ovKaart = map;
    live.push({ map: map, container: container, observer: observer });
  }

  /* A map is drawn once its script has run and every layer's data has arrived. */
  function markDrawn(container) {
    if (container.ovKlaar && !container.ovWachtend) container.setAttribute("data-ov-kaart", "getekend");
  }

  /* The last step: controls in Dutch. */
  function klaar(map, settings) {
    dutchControls(map, settings);
    map.getContainer().ovKlaar = true;
    markDrawn(map.getContainer());
  }

  /* Maps whose page is gone (instant navigation swapped it out) are taken down. */
  function cleanUp() {
    live = live.filter(function (entry) {
      if (document.body.contains(entry.container)) return true;
      if (entry.observer) entry.observer.disconnect();
      entry.map.remove();
      return false;
    });
  }

  /* The script of a kind of map, loaded from this site once per page view. */
  function loadKind(name) {
    var registry = window.ovKaartSoorten || (window.ovKaartSoorten = {});
    if (!kinds[name]) {
      kinds[name] = (registry[name] ? Promise.resolve() : loadFile("script", {
        src: new URL("kaarten/soorten/" + name + ".js", assets).href
      })).then(function () {
        if (typeof registry[name] !== "function") throw new Error("Onbekende kaartsoort " + name);
        return registry[name];
      });
      kinds[name].catch(function () { delete kinds[name]; });
    }
    return kinds[name];
  }

  /* The page's data of one map, from its container's attributes. */
  function pageData(container) {
    var grenzen = JSON.parse(container.getAttribute("data-ov-grenzen"));
    return {
      container: container,
      grenzen: grenzen,
      midden: [(grenzen[0][0] + grenzen[1][0]) / 2, (grenzen[0][1] + grenzen[1][1]) / 2],
      gebied: container.getAttribute("data-ov-gebied") || null
    };
  }

  function draw(L, container) {
    var name = container.getAttribute("data-ov-soort") || "";
    if (!/^[0-9a-f]+$/.test(name)) return Promise.reject(new Error("Onbekende kaartsoort"));
    return loadKind(name).then(function (kind) {
      if (!document.body.contains(container) || container.ovKaart) return; // gone, or drawn already
      kind(L, api, pageData(container));
    });
  }

  function start() {
    cleanUp();
    var waiting = Array.prototype.filter.call(
      document.querySelectorAll(".ov-kaart__kaart[data-ov-soort]"),
      function (container) { return !container.ovKaart && !container.ovBezig; }
    );
    if (!waiting.length) return;
    waiting.forEach(function (container) { container.ovBezig = true; });
    function fail(container, error) {
      container.hidden = true; // the text alternative stays
      if (error && window.console) console.error(error);
    }
    loadLeaflet().then(function (L) {
      waiting.forEach(function (container) {
        draw(L, container).catch(function (error) { fail(container, error); });
      });
    }, function () {
      // No Leaflet: the text alternatives carry the maps.
      waiting.forEach(function (container) { fail(container); });
    });
  }

  // loadLeaflet and text serve the Wat geldt hier? page too: one Leaflet, one way to show a value.
  var api = { start: start, begin: begin, laag: laag, klaar: klaar, loadLeaflet: loadLeaflet, text: text };
  window.ovKaart = api;

  // Material's instant navigation swaps pages without loading this file again: document$ tells
  // when a new page is there, the first one included.
  if (typeof document$ !== "undefined") {
    document$.subscribe(start);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
