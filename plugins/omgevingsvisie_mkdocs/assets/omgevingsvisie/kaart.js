/* Interactive maps. Each map figure queues its (folium-built) script in window.ovKaarten; this
 * file loads Leaflet from this site only when a page has a map, and runs the queue. The text
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

  function element(tag, className, content) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (content !== undefined) node.textContent = content;
    return node;
  }

  /* The contents of a popup, built from DOM nodes and textContent only. */
  function popupContent(feature, settings) {
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
    var pages = settings.paginas || {};
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
    if (settings.nadruk) {
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

  /* A GeoJSON layer, empty at first, filled once its site asset has been fetched. */
  function laag(map, url, settings) {
    var L = window.L;
    var number = map.ovLagen = (map.ovLagen || 0) + 1;
    var shapes = pane(map, "ov-vlakken-" + number, (settings.nadruk ? 100 : 0) + number);
    var points = pane(map, "ov-punten-" + number, 200 + number);
    var options = {
      pane: shapes,
      style: function (feature) { return style(settings, feature); },
      pointToLayer: function (feature, latlng) {
        return L.circleMarker(latlng, L.extend({ pane: points }, style(settings, feature)));
      },
      onEachFeature: function (feature, layer) {
        layer.bindPopup(function () { return popupContent(feature, settings); }, { maxWidth: 280 });
      }
    };
    if (settings.gebied) {
      options.filter = function (feature) { return property(feature, "gebied") === settings.gebied; };
    }
    var layer = L.geoJSON(null, options);
    var container = map.getContainer();
    container.ovWachtend = (container.ovWachtend || 0) + 1;
    fetchJson(url).then(function (geojson) {
      layer.addData(geojson);
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

  /* The first step of every map script: the extent, now or once a hidden content tab shows. */
  function begin(map, settings) {
    var L = window.L;
    var container = map.getContainer();
    var bounds = L.latLngBounds(settings.grenzen);
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

  function start() {
    cleanUp();
    var queue = window.ovKaarten || (window.ovKaarten = []);
    if (!queue.length) return;
    loadLeaflet().then(function (L) {
      queue.splice(0).forEach(function (entry) {
        var container = document.getElementById(entry[0]);
        if (!container || container.ovKaart) return; // from a page that is gone, or drawn already
        try {
          entry[1](L, api);
        } catch (error) {
          container.hidden = true; // the text alternative stays
          if (window.console) console.error(error);
        }
      });
    }, function () {
      // No Leaflet: the text alternatives carry the maps.
      queue.splice(0).forEach(function (entry) {
        var container = document.getElementById(entry[0]);
        if (container) container.hidden = true;
      });
    });
  }

  var api = { start: start, begin: begin, laag: laag, klaar: klaar };
  window.ovKaart = api;

  // Material's instant navigation swaps pages without loading this file again; scripts inside the
  // page content do run again and call start() themselves. This covers the first page view.
  if (typeof document$ !== "undefined") {
    document$.subscribe(start);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
