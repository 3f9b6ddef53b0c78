/* Wat geldt hier? From an address, a point on the map or the reader's own location to the
 * gebieden, keuzes and map objects at that point. Everything is computed here, in the browser,
 * from the site's own files (the page's JSON data and the layer assets); the only other party is
 * PDOK's Locatieserver, asked only after the reader types an address, and only when the visie
 * allows it. Data reaches the page through textContent only.
 */
(function () {
  "use strict";

  var PDOK = "https://api.pdok.nl/bzk/locatieserver/search/v3_1/";
  var DEBOUNCE = 250;
  var MIN_CHARS = 3;
  var current = null; // the page's state while it is shown

  /* --- small helpers -------------------------------------------------------------------------- */

  function element(tag, className, content) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (content !== undefined) node.textContent = content;
    return node;
  }

  // kaart.js, loaded before this file on every page, loads Leaflet once for all maps.
  function text(value) {
    return window.ovKaart.text(value);
  }

  function has(object, key) {
    return object && key !== null && key !== undefined && Object.prototype.hasOwnProperty.call(object, key);
  }

  function escapeHtml(value) {
    return text(value).replace(/[&<>"']/g, function (c) { return "&#" + c.charCodeAt(0) + ";"; });
  }

  function loadLeaflet() {
    return window.ovKaart.loadLeaflet();
  }

  function getJson(url, signal) {
    return fetch(url, { credentials: "same-origin", signal: signal }).then(function (response) {
      if (!response.ok) throw new Error(response.status + " " + url);
      return response.json();
    });
  }

  /* --- geometry (WGS84 degrees; distances in metres on a local flat approximation) ------------ */

  function ringContains(ring, x, y) {
    var inside = false;
    for (var i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      var xi = ring[i][0], yi = ring[i][1], xj = ring[j][0], yj = ring[j][1];
      if ((yi > y) !== (yj > y) && x < (xj - xi) * (y - yi) / (yj - yi) + xi) inside = !inside;
    }
    return inside;
  }

  function polygonContains(rings, x, y) {
    if (!rings.length || !ringContains(rings[0], x, y)) return false;
    for (var k = 1; k < rings.length; k++) if (ringContains(rings[k], x, y)) return false;
    return true;
  }

  function contains(geometry, x, y) {
    if (!geometry) return false;
    if (geometry.type === "Polygon") return polygonContains(geometry.coordinates, x, y);
    if (geometry.type === "MultiPolygon") return geometry.coordinates.some(function (p) { return polygonContains(p, x, y); });
    if (geometry.type === "GeometryCollection") return geometry.geometries.some(function (g) { return contains(g, x, y); });
    return false;
  }

  function isArea(geometry) {
    if (!geometry) return false;
    if (geometry.type === "GeometryCollection") return geometry.geometries.some(isArea);
    return geometry.type === "Polygon" || geometry.type === "MultiPolygon";
  }

  /* Distance in metres from (x, y) to the nearest point or line of a geometry. */
  function distance(geometry, x, y) {
    var kx = 111320 * Math.cos(y * Math.PI / 180);
    var ky = 110574;
    function toPoint(p) { var dx = (p[0] - x) * kx, dy = (p[1] - y) * ky; return Math.sqrt(dx * dx + dy * dy); }
    function toSegment(a, b) {
      var ax = (a[0] - x) * kx, ay = (a[1] - y) * ky, bx = (b[0] - x) * kx, by = (b[1] - y) * ky;
      var dx = bx - ax, dy = by - ay, length = dx * dx + dy * dy;
      var t = length ? Math.max(0, Math.min(1, -(ax * dx + ay * dy) / length)) : 0;
      var px = ax + t * dx, py = ay + t * dy;
      return Math.sqrt(px * px + py * py);
    }
    function toLine(line) {
      if (line.length === 1) return toPoint(line[0]);
      var best = Infinity;
      for (var i = 1; i < line.length; i++) best = Math.min(best, toSegment(line[i - 1], line[i]));
      return best;
    }
    function min(values) { return values.length ? Math.min.apply(null, values) : Infinity; }
    switch (geometry && geometry.type) {
      case "Point": return toPoint(geometry.coordinates);
      case "MultiPoint": return min(geometry.coordinates.map(toPoint));
      case "LineString": return toLine(geometry.coordinates);
      case "MultiLineString": return min(geometry.coordinates.map(toLine));
      case "GeometryCollection":
        return min(geometry.geometries.filter(function (g) { return !isArea(g); }).map(function (g) { return distance(g, x, y); }));
      default: return Infinity;
    }
  }

  /* --- the answer ------------------------------------------------------------------------------ */

  function byId(list) {
    var found = {};
    list.forEach(function (item) { if (!has(found, item.id)) found[item.id] = item; });
    return found;
  }

  function ancestors(gebieden, id) {
    var chain = [];
    var item = gebieden[id];
    while (item && item.onderdeelVan && has(gebieden, item.onderdeelVan) && chain.indexOf(item.onderdeelVan) < 0) {
      chain.push(item.onderdeelVan);
      item = gebieden[item.onderdeelVan];
    }
    return chain;
  }

  function insideBounds(bounds, lat, lon) {
    return lat >= bounds[0][0] && lat <= bounds[1][0] && lon >= bounds[0][1] && lon <= bounds[1][1];
  }

  function compute(state, lat, lon) {
    var data = state.data;
    var gebieden = state.gebieden;
    var containing = [];
    var objects = [];
    data.lagen.forEach(function (laag) {
      var geojson = state.layers[laag.id];
      if (!geojson) return;
      geojson.features.forEach(function (feature) {
        var properties = feature.properties || {};
        if (laag.gebieden) {
          if (has(gebieden, properties.gebied) && contains(feature.geometry, lon, lat) &&
              containing.indexOf(properties.gebied) < 0) containing.push(properties.gebied);
          return;
        }
        var inside = contains(feature.geometry, lon, lat);
        var metres = inside ? 0 : distance(feature.geometry, lon, lat);
        if (inside || metres <= data.afstand) objects.push({ laag: laag, feature: feature, inside: inside, metres: metres });
      });
    });
    // Innermost first: the gebieden that contain the point, with every larger gebied they are part of.
    var all = [];
    containing.forEach(function (id) {
      [id].concat(ancestors(gebieden, id)).forEach(function (g) { if (all.indexOf(g) < 0) all.push(g); });
    });
    var depth = {};
    all.forEach(function (id) { depth[id] = ancestors(gebieden, id).length; });
    var order = data.gebieden.map(function (g) { return g.id; });
    all.sort(function (a, b) { return depth[b] - depth[a] || order.indexOf(a) - order.indexOf(b); });
    var inGemeente = all.length > 0 || insideBounds(data.grenzen, lat, lon);
    var groups = [];
    data.kernopgaven.forEach(function (kernopgave) {
      var found = [];
      data.keuzes.forEach(function (keuze) {
        if (keuze.kernopgave !== kernopgave.id) return;
        if (!keuze.gebieden.length) {
          if (inGemeente) found.push({ keuze: keuze, via: null, heel: true });
          return;
        }
        var via = null;
        for (var i = 0; i < all.length; i++) if (keuze.gebieden.indexOf(all[i]) >= 0) { via = all[i]; break; }
        if (via !== null) found.push({ keuze: keuze, via: via, heel: false });
      });
      if (found.length) groups.push({ kernopgave: kernopgave, keuzes: found });
    });
    return { gebieden: all, groups: groups, objects: objects, inGemeente: inGemeente };
  }

  /* --- rendering the answer -------------------------------------------------------------------- */

  function link(state, url, label) {
    if (!url) return element("span", null, label);
    var a = element("a", null, label);
    a.href = new URL(url, state.root).href;
    return a;
  }

  function pointText(lat, lon) {
    return lat.toFixed(5).replace(".", ",") + " N, " + lon.toFixed(5).replace(".", ",") + " O";
  }

  function renderAnswer(state, point, result) {
    var data = state.data;
    var box = state.answerBody;
    box.textContent = "";
    state.answerTitle.textContent = "Wat geldt hier: " + point.label;
    box.appendChild(element("p", "ov-wgh__punt", "Punt op de kaart: " + pointText(point.lat, point.lon) +
      ". Het adres van deze pagina bevat dit punt: u kunt het delen of bewaren."));

    box.appendChild(element("h3", null, "Gebieden"));
    if (result.gebieden.length) {
      var list = element("ul", "ov-wgh__gebieden");
      result.gebieden.forEach(function (id, index) {
        var gebied = state.gebieden[id];
        var item = element("li");
        item.appendChild(link(state, gebied.url, gebied.titel));
        if (gebied.onderdeelVan && has(state.gebieden, gebied.onderdeelVan)) {
          item.appendChild(document.createTextNode(" (onderdeel van " + state.gebieden[gebied.onderdeelVan].titel + ")"));
        }
        if (index === 0) item.appendChild(document.createTextNode(" — hier ligt het punt"));
        list.appendChild(item);
      });
      box.appendChild(list);
    } else if (result.inGemeente) {
      box.appendChild(element("p", "ov-wgh__geen",
        "Dit punt ligt in geen van de gebieden van de visie. Ligt het wel in de gemeente " + data.gemeente +
        ", dan gelden hier alleen de keuzes voor de hele gemeente."));
    } else {
      box.appendChild(element("p", "ov-wgh__geen",
        "Dit punt ligt in geen van de gebieden van de visie en buiten de gemeente " + data.gemeente +
        ". De visie maakt hier geen keuzes."));
    }

    var total = result.groups.reduce(function (sum, group) { return sum + group.keuzes.length; }, 0);
    box.appendChild(element("h3", null, "Keuzes die hier gelden (" + total + ")"));
    if (!total) box.appendChild(element("p", null, "Er gelden hier geen richtinggevende keuzes van de visie."));
    result.groups.forEach(function (group) {
      var section = element("section", "ov-groep");
      var heading = element("h4", "ov-groep__kop");
      heading.appendChild(link(state, group.kernopgave.url, group.kernopgave.titel));
      section.appendChild(heading);
      var list = element("ul", "ov-keuzelijst");
      group.keuzes.forEach(function (found) {
        var item = element("li");
        item.appendChild(link(state, found.keuze.url, found.keuze.titel));
        if (found.keuze.rol && has(data.rollen, found.keuze.rol)) {
          item.appendChild(document.createTextNode(" "));
          item.appendChild(element("span", "ov-rol ov-rol--" + found.keuze.rol, data.rollen[found.keuze.rol]));
        }
        var via = found.heel ? "geldt voor de hele gemeente" : "geldt voor " + state.gebieden[found.via].titel;
        item.appendChild(document.createTextNode(" "));
        item.appendChild(element("span", "ov-via", "(" + via + ")"));
        list.appendChild(item);
      });
      section.appendChild(list);
      box.appendChild(section);
    });

    box.appendChild(element("h3", null, "Op de kaartlagen"));
    if (!result.objects.length) {
      box.appendChild(element("p", null, "Geen objecten van de andere kaartlagen op dit punt of binnen " + data.afstand + " meter."));
    }
    var byLayer = [];
    result.objects.forEach(function (found) {
      var entry = byLayer.filter(function (e) { return e.laag === found.laag; })[0];
      if (!entry) byLayer.push(entry = { laag: found.laag, items: [] });
      entry.items.push(found);
    });
    byLayer.forEach(function (entry) {
      var laag = entry.laag;
      var section = element("section", "ov-wgh__laag");
      var heading = element("h4", null);
      var swatch = element("span", "ov-legenda");
      swatch.setAttribute("aria-hidden", "true");
      swatch.style.setProperty("--ov-kleur", laag.kleur);
      heading.appendChild(swatch);
      heading.appendChild(document.createTextNode(laag.titel));
      section.appendChild(heading);
      var list = element("ul");
      entry.items.sort(function (a, b) { return a.metres - b.metres; }).forEach(function (found) {
        var properties = found.feature.properties || {};
        var item = element("li");
        var name = text(properties[laag.label]) || "Object zonder naam";
        item.appendChild(element("strong", null, name));
        item.appendChild(document.createTextNode(found.inside ? " (op dit punt)" : " (op ongeveer " + Math.round(found.metres) + " meter)"));
        var fields = element("dl", "ov-kaart__velden");
        laag.velden.forEach(function (veld) {
          if (veld[0] === laag.label || !has(properties, veld[0])) return;
          var value = text(properties[veld[0]]);
          if (!value) return;
          var row = element("div");
          row.appendChild(element("dt", null, veld[1]));
          row.appendChild(element("dd", null, value));
          fields.appendChild(row);
        });
        if (fields.childNodes.length) item.appendChild(fields);
        list.appendChild(item);
      });
      section.appendChild(list);
      box.appendChild(section);
    });
    box.appendChild(element("p", "ov-wgh__voetnoot",
      "Objecten van lijnen en punten tellen mee tot " + data.afstand + " meter van het punt. De kaarten zijn indicatief."));
    state.answer.hidden = false;
    var where = result.gebieden.length ? "ligt in " + state.gebieden[result.gebieden[0]].titel : "ligt in geen gebied";
    announce(state, "Antwoord voor " + point.label + ": " + where + ", " + total + (total === 1 ? " keuze." : " keuzes."));
  }

  function announce(state, message) {
    // A change the live region notices even when the same message repeats.
    state.status.textContent = "";
    window.setTimeout(function () { state.status.textContent = message; }, 30);
  }

  function showError(state, message) {
    state.error.textContent = message;
    state.error.hidden = !message;
    if (message) announce(state, message);
  }

  /* --- the point: URL, marker, answer ---------------------------------------------------------- */

  function round6(value) { return Number(value.toFixed(6)); }

  function parsePoint(search) {
    var raw = new URLSearchParams(search).get("punt");
    if (raw === null) return null;
    var match = /^\s*(-?\d{1,2}(?:\.\d+)?)\s*,\s*(-?\d{1,3}(?:\.\d+)?)\s*$/.exec(raw);
    if (!match) return { invalid: true };
    var lat = round6(parseFloat(match[1])), lon = round6(parseFloat(match[2]));
    if (Math.abs(lat) > 90 || Math.abs(lon) > 180) return { invalid: true };
    return { lat: lat, lon: lon, label: "punt " + pointText(lat, lon) };
  }

  function pointUrl(point) {
    var params = new URLSearchParams(location.search);
    params.delete("adres");
    params.delete("punt");
    var rest = params.toString();
    return location.pathname + "?" + (rest ? rest + "&" : "") + "punt=" + round6(point.lat) + "," + round6(point.lon);
  }

  function show(state, point, options) {
    options = options || {};
    if (!state.ready) { state.pending = [point, options]; return; }
    var result = compute(state, point.lat, point.lon);
    if (options.push) history.pushState({ ovPunt: [point.lat, point.lon, point.label] }, "", pointUrl(point));
    state.point = point;
    state.pointOptions = options;
    drawMarker(state);
    renderAnswer(state, point, result);
    state.answer.setAttribute("data-ov-punt", round6(point.lat) + "," + round6(point.lon));
    if (options.focus) state.answerTitle.focus();
  }

  function drawMarker(state) {
    if (!state.map || !state.point) return;
    var L = window.L;
    var point = state.point;
    if (state.marker) state.marker.remove();
    state.marker = L.circleMarker([point.lat, point.lon], {
      radius: 9, color: "#000", weight: 3, fillColor: "#ffeb3b", fillOpacity: 1, interactive: false
    }).addTo(state.map);
    if (state.pointOptions.zoom) state.map.setView([point.lat, point.lon], Math.max(state.map.getZoom(), 14), { animate: false });
    else if (!state.map.getBounds().contains([point.lat, point.lon])) state.map.panTo([point.lat, point.lon], { animate: false });
  }

  function clear(state) {
    state.point = null;
    state.answer.hidden = true;
    state.answer.removeAttribute("data-ov-punt");
    state.answerBody.textContent = "";
    if (state.marker) { state.marker.remove(); state.marker = null; }
  }

  function fromLocation(state) {
    var point = parsePoint(location.search);
    if (point === null) { clear(state); return; }
    if (point.invalid) {
      clear(state);
      showError(state, "Het adres van deze pagina bevat geen geldig punt. Gebruik de vorm ?punt=52.5125,6.0944.");
      return;
    }
    var saved = history.state && history.state.ovPunt;
    if (saved && saved[0] === point.lat && saved[1] === point.lon) point.label = saved[2];
    show(state, point, { zoom: true });
  }

  /* --- the address field: a WAI-ARIA combobox -------------------------------------------------- */

  function setUpCombobox(state, form) {
    var input = form.querySelector("[role=combobox]");
    var listbox = form.querySelector("[role=listbox]");
    var options = [];
    var active = -1;
    var timer = null;
    var controller = null;
    var asked = 0;

    function close() {
      listbox.hidden = true;
      input.setAttribute("aria-expanded", "false");
      input.removeAttribute("aria-activedescendant");
      active = -1;
    }

    function open() {
      if (!options.length) return;
      listbox.hidden = false;
      input.setAttribute("aria-expanded", "true");
    }

    function activate(index) {
      if (!options.length) return;
      open();
      active = (index + options.length) % options.length;
      options.forEach(function (option, i) {
        option.node.setAttribute("aria-selected", i === active ? "true" : "false");
      });
      var node = options[active].node;
      input.setAttribute("aria-activedescendant", node.id);
      if (node.scrollIntoView) node.scrollIntoView({ block: "nearest" });
    }

    function failed() {
      close();
      showError(state, "Adressen zoeken lukt nu niet: de adreszoeker van PDOK is niet bereikbaar. " +
        "Klik of tik op de kaart, gebruik uw locatie of kies uw gebied in de lijst Alle gebieden hieronder.");
    }

    function render(docs, query) {
      listbox.textContent = "";
      options = docs.filter(function (doc) { return doc && typeof doc.id === "string" && doc.weergavenaam; })
        .slice(0, 10).map(function (doc, i) {
          var node = element("li", "ov-combobox__optie", text(doc.weergavenaam));
          node.id = input.id + "-optie-" + i;
          node.setAttribute("role", "option");
          node.setAttribute("aria-selected", "false");
          listbox.appendChild(node);
          return { node: node, doc: doc };
        });
      active = -1;
      input.removeAttribute("aria-activedescendant");
      if (options.length) {
        open();
        announce(state, options.length + (options.length === 1 ? " adres" : " adressen") +
          " gevonden. Kies met pijl omlaag en Enter.");
      } else {
        close();
        announce(state, "Geen adressen gevonden voor " + query + ".");
      }
    }

    function suggest() {
      var query = input.value.trim();
      if (controller) controller.abort();
      if (query.length < MIN_CHARS) { options = []; listbox.textContent = ""; close(); return; }
      controller = window.AbortController ? new AbortController() : null;
      var number = ++asked;
      var url = PDOK + "suggest?rows=8&fq=" + encodeURIComponent("type:(adres OR postcode OR weg)") +
        "&q=" + encodeURIComponent(query);
      getJson(url, controller && controller.signal).then(function (answer) {
        if (number !== asked) return;
        showError(state, "");
        var docs = answer && answer.response && Array.isArray(answer.response.docs) ? answer.response.docs : [];
        render(docs, query);
      }, function (error) {
        if (number !== asked || (error && error.name === "AbortError")) return;
        failed();
      });
    }

    function choose(index) {
      var option = options[index];
      if (!option) return;
      input.value = text(option.doc.weergavenaam);
      close();
      var label = input.value;
      announce(state, "Ligging van " + label + " opzoeken…");
      var number = ++asked;
      getJson(PDOK + "lookup?fl=" + encodeURIComponent("id,weergavenaam,centroide_ll") + "&id=" +
        encodeURIComponent(option.doc.id)).then(function (answer) {
        if (number !== asked) return;
        var doc = answer && answer.response && answer.response.docs && answer.response.docs[0];
        var match = doc && /^POINT\(\s*(-?[\d.]+)\s+(-?[\d.]+)\s*\)$/.exec(doc.centroide_ll || "");
        if (!match) { failed(); return; }
        showError(state, "");
        show(state, { lat: round6(parseFloat(match[2])), lon: round6(parseFloat(match[1])), label: label },
          { push: true, zoom: true, focus: true });
      }, function () { if (number === asked) failed(); });
    }

    input.addEventListener("input", function () {
      window.clearTimeout(timer);
      timer = window.setTimeout(suggest, DEBOUNCE);
    });
    input.addEventListener("keydown", function (event) {
      if (event.key === "ArrowDown") {
        event.preventDefault();
        activate(listbox.hidden ? 0 : active + 1);
      } else if (event.key === "ArrowUp") {
        event.preventDefault();
        activate(listbox.hidden ? options.length - 1 : active - 1);
      } else if (event.key === "Enter") {
        event.preventDefault();
        if (!listbox.hidden && options.length) choose(active >= 0 ? active : 0);
      } else if (event.key === "Escape") {
        if (!listbox.hidden) { event.preventDefault(); close(); }
        else if (input.value) { event.preventDefault(); input.value = ""; options = []; listbox.textContent = ""; }
      }
    });
    listbox.addEventListener("mousedown", function (event) { event.preventDefault(); }); // keep focus in the field
    listbox.addEventListener("click", function (event) {
      var node = event.target.closest("[role=option]");
      if (node) choose(options.findIndex(function (o) { return o.node === node; }));
    });
    input.addEventListener("blur", close);
    form.addEventListener("submit", function (event) { event.preventDefault(); });

    // Typed on the home page: that form opens this page with ?adres=.
    var typed = new URLSearchParams(location.search).get("adres");
    if (typed) {
      input.value = typed.slice(0, 200);
      input.focus();
      suggest();
    }
  }

  /* --- the map ---------------------------------------------------------------------------------- */

  function setUpMap(state, L) {
    var data = state.data;
    var map = L.map(state.mapContainer, { scrollWheelZoom: false, zoomControl: false });
    map.fitBounds(data.grenzen, { padding: [12, 12], maxZoom: 16, animate: false });
    L.control.zoom({ position: "topleft", zoomInTitle: "Inzoomen", zoomOutTitle: "Uitzoomen" }).addTo(map);
    if (map.attributionControl) map.attributionControl.setPrefix("Leaflet");
    if (data.achtergrond) {
      L.tileLayer(data.achtergrond.url, {
        attribution: escapeHtml(data.achtergrond.attributie), minZoom: 7, maxZoom: 19, maxNativeZoom: 19
      }).addTo(map);
    }
    var overlays = {};
    data.lagen.forEach(function (laag) {
      var geojson = state.layers[laag.id];
      if (!geojson) return;
      var layer = L.geoJSON(geojson, {
        interactive: false,
        style: function () {
          return { color: laag.kleur, weight: laag.gebieden ? 2 : 3, opacity: 0.9, fillColor: laag.kleur, fillOpacity: laag.gebieden ? 0.06 : 0.15 };
        },
        pointToLayer: function (feature, latlng) {
          return L.circleMarker(latlng, { radius: 6, color: "#fff", weight: 2, fillColor: laag.kleur, fillOpacity: 0.95, interactive: false });
        }
      }).addTo(map);
      // Leaflet inserts a label as HTML: escaped text only, and no style attribute (a strict
      // Content-Security-Policy refuses those); the colour is set below, through the DOM.
      overlays['<span class="ov-legenda" data-ov-laag="' + escapeHtml(laag.id) + '" aria-hidden="true"></span>' + escapeHtml(laag.titel)] = layer;
    });
    if (Object.keys(overlays).length) L.control.layers(null, overlays, { collapsed: true, position: "topright" }).addTo(map);
    var colours = {};
    data.lagen.forEach(function (laag) { colours[laag.id] = laag.kleur; });
    state.mapContainer.querySelectorAll("[data-ov-laag]").forEach(function (swatch) {
      var id = swatch.getAttribute("data-ov-laag");
      if (has(colours, id)) swatch.style.setProperty("--ov-kleur", colours[id]);
    });
    state.mapContainer.querySelectorAll(".leaflet-control-layers-toggle").forEach(function (toggle) {
      toggle.title = "Kaartlagen";
      toggle.setAttribute("aria-label", "Kaartlagen");
    });
    map.on("click", function (event) {
      show(state, { lat: round6(event.latlng.lat), lon: round6(event.latlng.lng), label: "het aangewezen punt" }, { push: true });
    });
    // By keyboard: move the map with the arrow keys, Enter chooses its centre.
    state.mapContainer.addEventListener("keydown", function (event) {
      if (event.key !== "Enter" || event.target !== state.mapContainer) return;
      var centre = map.getCenter();
      show(state, { lat: round6(centre.lat), lon: round6(centre.lng), label: "het midden van de kaart" }, { push: true });
    });
    state.map = map;
    state.mapContainer.setAttribute("data-ov-kaart", "getekend");
  }

  /* --- the page --------------------------------------------------------------------------------- */

  function setUpLocation(state, button) {
    if (!navigator.geolocation) { button.hidden = true; return; }
    button.addEventListener("click", function () {
      announce(state, "Uw locatie opvragen…");
      navigator.geolocation.getCurrentPosition(function (position) {
        showError(state, "");
        show(state, { lat: round6(position.coords.latitude), lon: round6(position.coords.longitude), label: "uw locatie" },
          { push: true, zoom: true, focus: true });
      }, function () {
        showError(state, "Uw locatie is niet beschikbaar: de browser gaf hem niet door. Zoek een adres of klik op de kaart.");
      }, { enableHighAccuracy: false, timeout: 15000, maximumAge: 60000 });
    });
  }

  function init() {
    var root = document.querySelector("[data-ov-watgeldthier]");
    if (!root || root.dataset.ovReady) return;
    root.dataset.ovReady = "1";
    var state = {
      root: new URL(root.getAttribute("data-ov-basis") || "./", location.href),
      status: root.querySelector("[data-ov-status]"),
      answer: root.querySelector("[data-ov-antwoord]"),
      answerBody: root.querySelector("[data-ov-antwoord-inhoud]"),
      answerTitle: root.querySelector("#ov-wgh-antwoord-titel"),
      mapContainer: root.querySelector("#ov-wgh-kaart"),
      layers: {},
      ready: false,
      pending: null,
      map: null,
      marker: null
    };
    current = state;
    var interactive = root.querySelector("[data-ov-interactief]");
    state.error = element("p", "ov-wgh__fout");
    state.error.hidden = true;
    interactive.insertBefore(state.error, state.status);
    root.querySelector("[data-ov-zonder-script]").hidden = true;
    interactive.hidden = false;
    setUpLocation(state, root.querySelector("[data-ov-mijn-locatie]"));

    var dataUrl = new URL(root.getAttribute("data-ov-gegevens"), location.href).href;
    getJson(dataUrl).then(function (data) {
      state.data = data;
      state.gebieden = byId(data.gebieden);
      var form = root.querySelector("form[data-ov-adres]");
      if (form && data.adresZoeken === "pdok") setUpCombobox(state, form);
      return Promise.all(data.lagen.map(function (laag) {
        return getJson(new URL(laag.url, state.root).href).then(function (geojson) { state.layers[laag.id] = geojson; });
      }));
    }).then(function () {
      state.ready = true;
      root.setAttribute("data-ov-klaar", "");
      if (state.pending) show(state, state.pending[0], state.pending[1]);
      else fromLocation(state);
      state.pending = null;
      return loadLeaflet().then(function (L) {
        if (!document.body.contains(root)) return;
        setUpMap(state, L);
        drawMarker(state);
      }, function () {
        state.mapContainer.hidden = true;
      });
    }).catch(function (error) {
      if (window.console) console.error(error);
      showError(state, "De gegevens voor deze pagina konden niet worden geladen. Kies uw gebied in de lijst Alle gebieden hieronder.");
    });
  }

  window.addEventListener("popstate", function () {
    if (current && current.ready && document.body.contains(current.answer)) fromLocation(current);
  });

  if (typeof document$ !== "undefined") {
    document$.subscribe(init);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
