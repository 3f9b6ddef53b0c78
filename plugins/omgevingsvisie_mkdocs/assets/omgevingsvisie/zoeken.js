/* Search in the header: Pagefind's index (built with the site) behind our own accessible results.
   Pagefind stems Dutch on both sides; on top of that a query also tries the forms the stemmer does
   not join (diminutives, verb forms, f/v and s/z), and an item whose exact id, name or other name
   was typed comes first. Nothing loads until the reader uses the search field. */
(function () {
  "use strict";

  var PAGE_SIZE = 10;
  var SOORT = { keuze: "Keuze", kernopgave: "Kernopgave", gebied: "Gebied", pagina: "Pagina" };
  var HELE_GEMEENTE = "Hele gemeente";
  var engine = null;
  var filtersLoaded = false;
  var searchNumber = 0;
  var shown = [];

  function siteRoot() {
    var config = document.getElementById("__config");
    var base = ".";
    try { base = JSON.parse(config.textContent).base || "."; } catch (error) { /* keep "." */ }
    return new URL(base.replace(/\/?$/, "/"), location.href);
  }

  function loadEngine() {
    if (!engine) {
      var root = siteRoot();
      engine = import(new URL("pagefind/pagefind.js", root).href).then(function (pagefind) {
        // No worker: it would be one more file to download (12 kB) and to allow in a CSP.
        return pagefind.options({ baseUrl: root.pathname, excerptLength: 22, noWorker: true }).then(function () {
          return pagefind.init();
        }).then(function () { return pagefind; });
      });
      engine.catch(function () { engine = null; });
    }
    return engine;
  }

  /* Other Dutch forms of one word, for what the stemmer leaves apart. */
  function wordForms(word) {
    var forms = [];
    function add(form) {
      if (form.length >= 3 && form !== word && forms.indexOf(form) < 0) forms.push(form);
    }
    if (!/^[a-zà-ÿ]{3,}$/.test(word)) return forms;
    // Diminutives: straatje, pleintjes, boompje, balletje.
    ["etjes", "etje", "tjes", "tje", "pjes", "pje", "kjes", "kje", "jes", "je"].forEach(function (end) {
      if (word.length - end.length >= 3 && word.slice(-end.length) === end) {
        var stem = word.slice(0, -end.length);
        add(stem);
        if (/^e/.test(end) && /([^aeiou])\1$/.test(stem)) add(stem.slice(0, -1));
      }
    });
    if (word.length >= 5) {
      // Past participles (gebundeld, gebouwd) and present and past tense (speelt, bouwde).
      var participle = word.match(/^(?:[a-z]{0,4}?)ge([a-z]{3,})[dt]$/);
      if (participle) add(word.slice(0, participle[0].length - participle[1].length - 3) + participle[1]);
      if (/[dt]$/.test(word)) add(word.slice(0, -1));
      var past = word.match(/^(.{3,}?)(den|ten|de|te)$/);
      if (past) add(past[1]);
      // Plurals the stemmer keeps: corporaties, fietsers.
      if (/[^s]s$/.test(word)) add(word.slice(0, -1));
      if (/ers$/.test(word)) add(word.slice(0, -3));
    }
    // f/v and s/z: erf and erven, huis and huizen.
    if (/f$/.test(word)) add(word.slice(0, -1) + "v");
    if (/s$/.test(word) && word.length >= 4) add(word.slice(0, -1) + "z");
    if (/ven$/.test(word)) add(word.slice(0, -3) + "f");
    if (/zen$/.test(word)) add(word.slice(0, -3) + "s");
    return forms;
  }

  function variants(query) {
    var words = query.toLowerCase().split(/\s+/).filter(Boolean);
    var found = [];
    words.forEach(function (word, index) {
      wordForms(word).forEach(function (form) {
        var copy = words.slice();
        copy[index] = form;
        found.push(copy.join(" "));
      });
    });
    return found.slice(0, 8);
  }

  function normal(text) {
    return String(text || "").toLowerCase().replace(/\s+/g, " ").trim();
  }

  function exactMatch(data, query) {
    var wanted = normal(query);
    var meta = data.meta || {};
    if (normal(meta.id) === wanted || normal(meta.title) === wanted) return true;
    return String(meta.ook || "").split(",").some(function (name) { return normal(name) === wanted; });
  }

  function form() { return document.querySelector("[data-ov-zoek]"); }

  function filterChoice(zoek) {
    var filters = {};
    var soort = zoek.elements.soort.value;
    var kernopgave = zoek.elements.kernopgave.value;
    var gebied = zoek.elements.gebied.value;
    if (soort) filters.soort = soort;
    if (kernopgave) filters.kernopgave = kernopgave;
    // A keuze for the whole gemeente applies in every gebied too.
    if (gebied) filters.gebied = { any: [gebied, HELE_GEMEENTE] };
    return filters;
  }

  function fillFilters(pagefind, zoek) {
    if (filtersLoaded) return;
    filtersLoaded = true;
    pagefind.filters().then(function (available) {
      ["kernopgave", "gebied"].forEach(function (name) {
        var select = zoek.elements[name];
        Object.keys(available[name] || {}).filter(function (value) {
          return value !== HELE_GEMEENTE;
        }).sort(function (a, b) { return a.localeCompare(b, "nl"); }).forEach(function (value) {
          var option = document.createElement("option");
          option.value = value;
          option.textContent = value;
          select.appendChild(option);
        });
      });
    }).catch(function () { filtersLoaded = false; });
  }

  function run(zoek) {
    var query = zoek.elements.q.value.trim();
    var filters = filterChoice(zoek);
    var status = zoek.querySelector(".ov-zoek__status");
    var list = zoek.querySelector(".ov-zoek__resultaten");
    var number = ++searchNumber;
    if (!query && !Object.keys(filters).length) {
      list.textContent = "";
      status.textContent = "";
      zoek.querySelector(".ov-zoek__meer").hidden = true;
      return;
    }
    open(zoek);
    status.textContent = "Zoeken…";
    loadEngine().then(function (pagefind) {
      // Only the typed query waits for the reader to pause; its other forms follow it.
      return pagefind.debouncedSearch(query || null, { filters: filters }, 150).then(function (first) {
        if (number !== searchNumber || first === null) return null;
        return Promise.all(variants(query).map(function (text) {
          return pagefind.search(text, { filters: filters }).then(function (found) {
            return { found: found, weight: 0.75 };
          });
        })).then(function (rest) { return [{ found: first, weight: 1 }].concat(rest); });
      }).then(function (searches) {
        if (!searches || number !== searchNumber) return;
        var byUrl = {};
        searches.forEach(function (search) {
          if (!search.found) return;
          search.found.results.forEach(function (result) {
            var score = result.score * search.weight;
            var known = byUrl[result.id];
            if (!known || known.score < score) byUrl[result.id] = { result: result, score: score };
          });
        });
        var merged = Object.keys(byUrl).map(function (id) { return byUrl[id]; });
        merged.sort(function (a, b) { return b.score - a.score; });
        shown = merged.map(function (item) { return item.result; });
        list.textContent = "";
        return showMore(zoek, query, number).then(function () { fillFilters(pagefind, zoek); });
      });
    }).catch(function () {
      if (number === searchNumber) status.textContent = "Zoeken lukt nu niet. Laad de pagina opnieuw en probeer het nog eens.";
    });
  }

  function showMore(zoek, query, number) {
    var list = zoek.querySelector(".ov-zoek__resultaten");
    var status = zoek.querySelector(".ov-zoek__status");
    var more = zoek.querySelector(".ov-zoek__meer");
    var start = list.children.length;
    var batch = shown.slice(start, start + PAGE_SIZE + (start ? 0 : 2));
    return Promise.all(batch.map(function (result) { return result.data(); })).then(function (items) {
      if (number !== searchNumber) return;
      if (!start && query) {
        // The item whose exact id, name or other name was typed goes first.
        var exact = items.findIndex(function (data) { return exactMatch(data, query); });
        if (exact > 0) items.unshift(items.splice(exact, 1)[0]);
        items = items.slice(0, PAGE_SIZE);
      }
      items.forEach(function (data) { list.appendChild(resultItem(data)); });
      var total = shown.length;
      var about = query ? " voor ‘" + query + "’" : "";
      status.textContent = total === 0
        ? "Geen resultaten" + about + "."
        : (total === 1 ? "1 resultaat" : total + " resultaten") + about + "."
          + (total > list.children.length ? " De eerste " + list.children.length + " staan hieronder." : "");
      more.hidden = list.children.length >= total;
    });
  }

  function safeUrl(url) {
    var target = new URL(url, location.href);
    return target.origin === location.origin ? target.href : "#";
  }

  function excerpt(html) {
    // Pagefind marks the matched words with <mark>; everything else is shown as text.
    var template = document.createElement("template");
    template.innerHTML = html;
    var paragraph = document.createElement("p");
    paragraph.className = "ov-zoek__uittreksel";
    template.content.childNodes.forEach(function (node) {
      if (node.nodeName === "MARK") {
        var mark = document.createElement("mark");
        mark.textContent = node.textContent;
        paragraph.appendChild(mark);
      } else {
        paragraph.appendChild(document.createTextNode(node.textContent));
      }
    });
    return paragraph;
  }

  function resultItem(data) {
    var meta = data.meta || {};
    var item = document.createElement("li");
    item.className = "ov-zoek__resultaat";
    var link = document.createElement("a");
    // A keuze is indexed on its own; its "url" meta is its anchor on the kernopgave page.
    link.href = safeUrl(meta.url ? new URL(meta.url, siteRoot()).href : data.url);
    link.className = "ov-zoek__link";
    var soort = document.createElement("span");
    soort.className = "ov-zoek__soort ov-zoek__soort--" + (SOORT[meta.soort] ? meta.soort : "pagina");
    soort.textContent = SOORT[meta.soort] || "Pagina";
    var title = document.createElement("span");
    title.className = "ov-zoek__titel";
    title.textContent = meta.title || data.url;
    link.appendChild(soort);
    link.appendChild(document.createTextNode(" "));
    link.appendChild(title);
    item.appendChild(link);
    var context = [];
    if (meta.soort === "keuze") {
      if (meta.kernopgave) context.push("Kernopgave: " + meta.kernopgave);
      if (meta.rol) context.push("Rol: " + meta.rol);
    }
    if (meta.ook) context.push("Ook bekend als: " + meta.ook);
    if (context.length) {
      var line = document.createElement("p");
      line.className = "ov-zoek__context";
      line.textContent = context.join(" · ");
      item.appendChild(line);
    }
    if (data.excerpt) item.appendChild(excerpt(data.excerpt));
    return item;
  }

  function open(zoek) {
    zoek.querySelector(".ov-zoek__paneel").hidden = false;
    zoek.classList.add("ov-zoek--open");
  }

  function close(zoek) {
    zoek.querySelector(".ov-zoek__paneel").hidden = true;
    zoek.classList.remove("ov-zoek--open");
  }

  function typing(target) {
    return target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));
  }

  // Listeners sit on the document, so they survive Material's instant navigation.
  document.addEventListener("keydown", function (event) {
    var zoek = form();
    if (!zoek) return;
    if (event.key === "/" && !typing(event.target) && !event.ctrlKey && !event.metaKey && !event.altKey) {
      event.preventDefault();
      event.stopPropagation();
      zoek.elements.q.focus();
      zoek.elements.q.select();
      if (zoek.elements.q.value) open(zoek);
    } else if (event.key === "Escape" && zoek.contains(event.target)) {
      close(zoek);
      zoek.elements.q.focus();
    }
  }, true);

  document.addEventListener("input", function (event) {
    var zoek = form();
    if (zoek && event.target === zoek.elements.q) run(zoek);
  });

  document.addEventListener("change", function (event) {
    var zoek = form();
    if (zoek && event.target.form === zoek && event.target.tagName === "SELECT") run(zoek);
  });

  document.addEventListener("focusin", function (event) {
    var zoek = form();
    if (zoek && event.target === zoek.elements.q) {
      loadEngine();
      if (zoek.elements.q.value.trim()) open(zoek);
    }
  });

  document.addEventListener("submit", function (event) {
    var zoek = form();
    if (zoek && event.target === zoek) {
      event.preventDefault();
      var first = zoek.querySelector(".ov-zoek__link");
      if (first) first.focus();
    }
  });

  document.addEventListener("click", function (event) {
    var zoek = form();
    if (!zoek) return;
    if (event.target.closest(".ov-zoek__meer")) {
      showMore(zoek, zoek.elements.q.value.trim(), searchNumber);
    } else if (event.target.closest(".ov-zoek__link")) {
      close(zoek);
    } else if (!zoek.contains(event.target)) {
      close(zoek);
    }
  });
})();
