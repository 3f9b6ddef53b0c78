/* Search in the header, on the site's own index (zoeken/, written with the site).

   The index is split into small files: a query fetches index.json, the shards of its words and
   the items of the results it shows, nothing else, however large the visie. Words are turned
   into terms by the same rules as at build time (omgevingsvisie/search/words.py; a test runs both
   on the same words), so plurals, diminutives and verb forms find each other in both directions.
   Nothing loads until the reader uses the search field. */
(function () {
  "use strict";

  var PAGE_SIZE = 10;
  var DEBOUNCE = 120;
  var VARIANT_WEIGHT = 0.6;
  var PREFIX_WEIGHT = 0.5;
  var SOORT = { keuze: "Keuze", kernopgave: "Kernopgave", gebied: "Gebied", pagina: "Pagina" };

  /* --- words: keep in step with omgevingsvisie/search/words.py ------------------------------- */

  var VOWELS = "aeiouy";
  var VOICELESS = "tkfsp";
  var DIMINUTIVES = ["etjes", "etje", "tjes", "tje", "pjes", "pje", "jes", "je"];
  var PLURAL_S = ["ers", "els", "ems", "ens", "ies", "tes"];
  var LONG_VOWELS = ["aa", "ee", "oo", "uu"];
  var PARTICIPLE = /^(aan|af|in|mee|na|om|op|samen|terug|toe|uit|voor)?ge([a-z]{3,})([dt])$/;
  var NOT_PARTICIPLES = ["gebied", "gebit", "geduld", "gedicht", "gehucht", "gelid", "geluid", "gemoed", "gerecht",
    "gevecht", "gewicht", "gezicht", "gezond"];
  var WORD = /[\p{L}\p{N}]+/gu;
  var stopwords = {};

  function vowel(c) { return c.length === 1 && VOWELS.indexOf(c) >= 0; }
  function endsWithAny(word, endings) {
    return endings.some(function (end) { return word.slice(-end.length) === end; });
  }

  function normalize(text) {
    return String(text).toLowerCase().normalize("NFKD").replace(/\p{M}/gu, "");
  }

  function tokens(text) {
    return (normalize(text).match(WORD) || []).filter(function (word) {
      return Array.from(word).length >= 2 || /^[0-9]+$/.test(word);
    });
  }

  function voiceless(base) {
    if (base.slice(-1) === "v") return base.slice(0, -1) + "f";
    if (base.slice(-1) === "z") return base.slice(0, -1) + "s";
    return base;
  }

  function withoutDiminutive(word) {
    for (var i = 0; i < DIMINUTIVES.length; i++) {
      var end = DIMINUTIVES[i];
      if (word.slice(-end.length) === end && word.length - end.length >= 3) {
        var base = word.slice(0, -end.length);
        if (end.charAt(0) === "t" && endsWithAny(base, LONG_VOWELS)) base += "t";
        return base;
      }
    }
    return word;
  }

  function withoutInflection(word) {
    if (word.slice(-5) === "heden") return word.slice(0, -5) + "heid";
    if (endsWithAny(word, PLURAL_S) && word.length >= 6) word = word.slice(0, -1);
    if (word.slice(-2) === "en" && word.length >= 5 &&
        (!vowel(word.charAt(word.length - 3)) || word.slice(-4, -2) === "ee" || word.slice(-4, -2) === "ie")) {
      return voiceless(word.slice(0, -2));
    }
    if (word.slice(-1) === "e" && word.length >= 5 && !vowel(word.charAt(word.length - 2))) {
      return voiceless(word.slice(0, -1));
    }
    return word;
  }

  function undouble(word) {
    var n = word.length;
    if (n >= 4 && word.charAt(n - 1) === word.charAt(n - 2) && !vowel(word.charAt(n - 1))) return word.slice(0, -1);
    if (n >= 4 && !vowel(word.charAt(n - 1)) && LONG_VOWELS.indexOf(word.slice(-3, -1)) >= 0 && !vowel(word.charAt(n - 4))) {
      return word.slice(0, -2) + word.charAt(n - 1);
    }
    return word;
  }

  function stem(word) {
    if (word.length < 4 || !/^[a-z]+$/.test(word)) return word;
    var base = withoutDiminutive(word);
    if (base === word) base = withoutInflection(word);
    return undouble(base);
  }

  function variants(word) {
    if (word.length < 5 || !/^[a-z]+$/.test(word)) return [];
    var forms = [];
    var participle = NOT_PARTICIPLES.indexOf(word) < 0 ? word.match(PARTICIPLE) : null;
    if (participle) {
      var prefix = participle[1] || "";
      forms.push(prefix + participle[2], prefix + participle[2] + participle[3]);
    }
    var last = word.charAt(word.length - 1);
    if ((last === "d" || last === "t") && !vowel(word.charAt(word.length - 2))) forms.push(word.slice(0, -1));
    var before = word.charAt(word.length - 3);
    if (word.length >= 6 && (word.slice(-2) === "de" || word.slice(-2) === "te") && !vowel(before)) {
      var voicelessBefore = VOICELESS.indexOf(before) >= 0 || word.slice(-4, -2) === "ch";
      if ((word.charAt(word.length - 2) === "t") === voicelessBefore) forms.push(word.slice(0, -2));
    }
    var own = stem(word);
    var found = [];
    forms.forEach(function (form) {
      var term = stem(form);
      if (term !== own && found.indexOf(term) < 0 && term.length >= 3) found.push(term);
    });
    return found;
  }

  function shardKey(term) {
    return Array.from(term).slice(0, 2).map(function (c) { return /^[a-z0-9]$/.test(c) ? c : "_"; }).join("");
  }

  /* --- the index ----------------------------------------------------------------------------- */

  var index = null;
  var shards = {};
  var items = {};
  var filterData = null;

  function siteRoot() {
    var config = document.getElementById("__config");
    var base = ".";
    try { base = JSON.parse(config.textContent).base || "."; } catch (error) { /* keep "." */ }
    return new URL(base.replace(/\/?$/, "/"), location.href);
  }

  function fetchJson(path, fresh) {
    var url = new URL("zoeken/" + path, siteRoot());
    if (!fresh && index) url.searchParams.set("v", index.bouw);
    return fetch(url.href, fresh ? { cache: "no-cache" } : {}).then(function (response) {
      if (!response.ok) throw new Error(response.status + " " + url.href);
      return response.json();
    });
  }

  function loadIndex() {
    if (!index) {
      index = fetchJson("index.json", true).then(function (data) {
        index = data;
        stopwords = {};
        data.stopwoorden.forEach(function (word) { stopwords[word] = true; });
        return data;
      });
      index.catch(function () { index = null; });
    }
    return Promise.resolve(index);
  }

  /* The last start in a sorted list that is not after the value: which file holds it. */
  function fileOf(starts, value, before) {
    var low = 0;
    var high = starts.length - 1;
    while (low < high) {
      var middle = (low + high + 1) >> 1;
      if (before(value, starts[middle])) high = middle - 1; else low = middle;
    }
    return low;
  }

  function loadShard(key) {
    var number = fileOf(index.termen, key, function (a, b) { return a < b; });
    if (!index.termen.length) return Promise.resolve({ t: {}, x: {} });
    if (!shards[number]) {
      shards[number] = fetchJson("termen/" + number + ".json");
      shards[number].catch(function () { delete shards[number]; });
    }
    return shards[number];
  }

  function loadItem(number) {
    var group = fileOf(index.items, number, function (a, b) { return a < b; });
    if (!items[group]) {
      items[group] = fetchJson("items/" + group + ".json");
      items[group].catch(function () { delete items[group]; });
    }
    return items[group].then(function (list) { return list[number - index.items[group]]; });
  }

  function loadFilters() {
    if (!filterData) {
      filterData = fetchJson("filters.json");
      filterData.catch(function () { filterData = null; });
    }
    return filterData;
  }

  function postings(list, into, weight) {
    var number = 0;
    for (var i = 0; i < list.length; i += 2) {
      number += list[i];
      var score = list[i + 1] * weight;
      if (!(into.get(number) >= score)) into.set(number, score);
    }
  }

  /* What the reader typed, as terms: per word its stem, its variants and, for the word being
     typed, every term it begins. */
  function plan(query) {
    var words = tokens(query);
    var typing = !/\s$/.test(query);
    var content = words.filter(function (word) { return !stopwords[word]; });
    var lookups = content.map(function (word, i) {
      return { stem: stem(word), variants: variants(word), prefix: typing && i === content.length - 1 && word === words[words.length - 1] ? word : null };
    });
    var keys = {};
    lookups.forEach(function (lookup) {
      keys[shardKey(lookup.stem)] = true;
      lookup.variants.forEach(function (term) { keys[shardKey(term)] = true; });
      if (lookup.prefix) keys[shardKey(lookup.prefix)] = true;
    });
    var phrase = words.join(" ");
    if (phrase) keys[shardKey(words[0])] = true;
    return { lookups: lookups, phrase: phrase, first: words[0], keys: Object.keys(keys) };
  }

  function evaluate(planned) {
    return Promise.all(planned.keys.map(loadShard)).then(function (loaded) {
      var byKey = {};
      planned.keys.forEach(function (key, i) { byKey[key] = loaded[i]; });
      var total = new Map();
      var matchedWords = new Map();
      var terms = {};
      planned.lookups.forEach(function (lookup) {
        var found = new Map();
        var own = byKey[shardKey(lookup.stem)].t[lookup.stem];
        if (own) { postings(own, found, 1); terms[lookup.stem] = true; }
        lookup.variants.forEach(function (term) {
          var list = byKey[shardKey(term)].t[term];
          if (list) { postings(list, found, VARIANT_WEIGHT); terms[term] = true; }
        });
        if (lookup.prefix && lookup.prefix.length >= 2) {
          var shard = byKey[shardKey(lookup.prefix)].t;
          Object.keys(shard).forEach(function (term) {
            if (term !== lookup.stem && term.length > lookup.prefix.length && term.lastIndexOf(lookup.prefix, 0) === 0) {
              postings(shard[term], found, PREFIX_WEIGHT);
              terms[term] = true;
            }
          });
        }
        found.forEach(function (score, number) {
          total.set(number, (total.get(number) || 0) + score);
          matchedWords.set(number, (matchedWords.get(number) || 0) + 1);
        });
      });
      var wanted = planned.lookups.length;
      var scored = [];
      total.forEach(function (score, number) {
        var share = matchedWords.get(number) / wanted;
        scored.push({ number: number, score: score * share * share });
      });
      var exact = planned.phrase ? byKey[shardKey(planned.first)].x[planned.phrase] || [] : [];
      exact.forEach(function (number) {
        var known = scored.find(function (s) { return s.number === number; });
        if (known) known.score += 1e6;
        else scored.push({ number: number, score: 1e6 });
      });
      scored.sort(function (a, b) { return b.score - a.score || a.number - b.number; });
      return { numbers: scored.map(function (s) { return s.number; }), terms: terms, exact: exact.length > 0 };
    });
  }

  /* --- narrowing (Verfijn) ------------------------------------------------------------------- */

  function choice(zoek) {
    var pick = {};
    ["soort", "kernopgave", "gebied"].forEach(function (name) {
      if (zoek.elements[name].value !== "") pick[name] = zoek.elements[name].value;
    });
    return pick;
  }

  function withinGebied(data, gebied) {
    var around = {};
    for (var at = gebied, steps = 0; at >= 0 && !around[at] && steps < 50; steps++) {
      around[at] = true;  // the gebied and every gebied it lies in (a keuze for those applies here)
      at = data.gebieden[at] ? data.gebieden[at][1] : -1;
    }
    return around;
  }

  function narrowing(pick) {
    if (!Object.keys(pick).length) return Promise.resolve(null);
    return loadFilters().then(function (data) {
      var soort = pick.soort !== undefined ? data.soorten.indexOf(pick.soort) : null;
      var kernopgave = pick.kernopgave !== undefined ? Number(pick.kernopgave) : null;
      var gebied = pick.gebied !== undefined ? Number(pick.gebied) : null;
      var around = gebied !== null ? withinGebied(data, gebied) : null;
      var keuze = data.soorten.indexOf("keuze");
      return function (number) {
        var row = data.items[number];
        if (!row) return false;
        if (soort !== null && row[0] !== soort) return false;
        if (kernopgave !== null && row[1].indexOf(kernopgave) < 0) return false;
        if (gebied !== null) {
          if (row[0] === keuze) return row[3] === 1 || row[2].some(function (g) { return around[g]; });
          return row[2].indexOf(gebied) >= 0;
        }
        return true;
      };
    });
  }

  function fillFilters(zoek) {
    if (zoek.dataset.ovFilters) return;
    zoek.dataset.ovFilters = "1";
    loadFilters().then(function (data) {
      function fill(select, names) {
        names.forEach(function (entry) {
          var option = document.createElement("option");
          option.value = String(entry.index);
          option.textContent = entry.titel;
          select.appendChild(option);
        });
      }
      fill(zoek.elements.kernopgave, data.kernopgaven.map(function (titel, i) { return { titel: titel, index: i }; }));
      fill(zoek.elements.gebied, data.gebieden.map(function (g, i) { return { titel: g[0], index: i }; })
        .sort(function (a, b) { return a.titel.localeCompare(b.titel, "nl"); }));
    }).catch(function () { delete zoek.dataset.ovFilters; });
  }

  /* --- results ------------------------------------------------------------------------------- */

  var searchNumber = 0;
  var timer = null;
  var shown = { numbers: [], terms: {}, query: "" };

  function form() { return document.querySelector("[data-ov-zoek]"); }

  function run(zoek) {
    var query = zoek.elements.q.value;
    var pick = choice(zoek);
    var status = zoek.querySelector(".ov-zoek__status");
    var list = zoek.querySelector(".ov-zoek__resultaten");
    var number = ++searchNumber;
    clearTimeout(timer);
    if (!query.trim() && !Object.keys(pick).length) {
      list.textContent = "";
      status.textContent = "";
      zoek.querySelector(".ov-zoek__meer").hidden = true;
      return;
    }
    open(zoek);
    status.textContent = "Zoeken…";
    timer = setTimeout(function () {
      loadIndex().then(function () {
        var planned = plan(query);
        var found = planned.lookups.length || planned.phrase
          ? evaluate(planned)
          : Promise.resolve(query.trim() ? { numbers: [], terms: {} } : allItems());
        return Promise.all([found, narrowing(pick)]);
      }).then(function (results) {
        if (number !== searchNumber) return;
        var found = results[0];
        var keep = results[1];
        shown = { numbers: keep ? found.numbers.filter(keep) : found.numbers, terms: found.terms, query: query.trim() };
        list.textContent = "";
        return showMore(zoek, number).then(function () { fillFilters(zoek); });
      }).catch(function () {
        if (number === searchNumber) status.textContent = "Zoeken lukt nu niet. Laad de pagina opnieuw en probeer het nog eens.";
      });
    }, DEBOUNCE);
  }

  function allItems() {
    var numbers = [];
    for (var i = 0; i < index.aantal; i++) numbers.push(i);
    return { numbers: numbers, terms: {} };
  }

  function showMore(zoek, number) {
    var list = zoek.querySelector(".ov-zoek__resultaten");
    var status = zoek.querySelector(".ov-zoek__status");
    var more = zoek.querySelector(".ov-zoek__meer");
    var start = list.children.length;
    var batch = shown.numbers.slice(start, start + PAGE_SIZE);
    return Promise.all(batch.map(loadItem)).then(function (loaded) {
      if (number !== searchNumber) return;
      loaded.forEach(function (data) { list.appendChild(resultItem(data, shown.terms)); });
      var total = shown.numbers.length;
      var about = shown.query ? " voor ‘" + shown.query + "’" : "";
      status.textContent = total === 0
        ? "Geen resultaten" + about + "."
        : (total === 1 ? "1 resultaat" : total + " resultaten") + about + "."
          + (total > list.children.length ? " De eerste " + list.children.length + " staan hieronder." : "");
      more.hidden = list.children.length >= total;
    });
  }

  function safeUrl(url) {
    var target = new URL(url, siteRoot());
    return target.origin === location.origin ? target.href : "#";
  }

  function matches(word, terms) {
    var normal = tokens(word)[0];
    if (!normal || stopwords[normal]) return false;
    if (terms[stem(normal)]) return true;
    return variants(normal).some(function (term) { return terms[term]; });
  }

  /* A piece of running text around the first word that matched, the matched words marked. */
  function excerpt(text, terms) {
    var words = [];
    var pattern = /[\p{L}\p{N}\p{M}]+/gu;
    var found;
    while ((found = pattern.exec(text)) && words.length < 4000) words.push({ start: found.index, end: pattern.lastIndex, word: found[0] });
    if (!words.length) return null;
    var first = words.findIndex(function (w) { return matches(w.word, terms); });
    var from = Math.max(0, (first < 0 ? 0 : first) - 8);
    var to = Math.min(words.length, from + 28);
    var paragraph = document.createElement("p");
    paragraph.className = "ov-zoek__uittreksel";
    var position = words[from].start;
    if (from > 0) paragraph.appendChild(document.createTextNode("… "));
    for (var i = from; i < to; i++) {
      var w = words[i];
      if (!matches(w.word, terms)) continue;
      paragraph.appendChild(document.createTextNode(text.slice(position, w.start)));
      var mark = document.createElement("mark");
      mark.textContent = text.slice(w.start, w.end);
      paragraph.appendChild(mark);
      position = w.end;
    }
    var end = to < words.length ? words[to - 1].end : text.length;
    paragraph.appendChild(document.createTextNode(text.slice(position, end) + (to < words.length ? " …" : "")));
    return paragraph;
  }

  function resultItem(data, terms) {
    var item = document.createElement("li");
    item.className = "ov-zoek__resultaat";
    var link = document.createElement("a");
    link.href = safeUrl(data.url);
    link.className = "ov-zoek__link";
    var soort = document.createElement("span");
    soort.className = "ov-zoek__soort ov-zoek__soort--" + (SOORT[data.soort] ? data.soort : "pagina");
    soort.textContent = SOORT[data.soort] || "Pagina";
    var title = document.createElement("span");
    title.className = "ov-zoek__titel";
    title.textContent = data.titel;
    link.appendChild(soort);
    link.appendChild(document.createTextNode(" "));
    link.appendChild(title);
    item.appendChild(link);
    var context = [];
    if (data.soort === "keuze") {
      if (data.kernopgave) context.push("Kernopgave: " + data.kernopgave);
      if (data.rol) context.push("Rol: " + data.rol);
    }
    if (data.ook && data.ook.length) context.push("Ook bekend als: " + data.ook.join(", "));
    if (context.length) {
      var line = document.createElement("p");
      line.className = "ov-zoek__context";
      line.textContent = context.join(" · ");
      item.appendChild(line);
    }
    var snippet = data.tekst ? excerpt(data.tekst, terms) : null;
    if (snippet) item.appendChild(snippet);
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

  // For the test that compares these rules with the build's (tests/test_search_words.py).
  window.omgevingsvisieZoeken = { normalize: normalize, tokens: tokens, stem: stem, variants: variants, shardKey: shardKey };

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
      loadIndex();
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
      showMore(zoek, searchNumber);
    } else if (event.target.closest(".ov-zoek__link")) {
      close(zoek);
    } else if (!zoek.contains(event.target)) {
      close(zoek);
    }
  });
})();
