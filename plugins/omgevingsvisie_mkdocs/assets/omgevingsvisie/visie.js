/* Narrowing the list of all keuzes. The full list works without script; this only filters it. */
(function () {
  "use strict";

  function setUpFilter(form) {
    if (form.dataset.ovReady) return;
    form.dataset.ovReady = "1";
    var root = form.closest(".ov-alle-keuzes");
    var cards = root.querySelectorAll(".ov-keuzekaart");
    var count = root.querySelector("[data-ov-count]");

    function apply() {
      var kernopgave = form.elements.kernopgave.value;
      var gebied = form.elements.gebied.value;
      var rol = form.elements.rol.value;
      var shown = 0;
      var general = 0;
      cards.forEach(function (card) {
        var match =
          (!kernopgave || card.dataset.kernopgaven.split(" ").indexOf(kernopgave) >= 0) &&
          // A keuze for the whole gemeente applies in every gebied too.
          (!gebied || !card.dataset.gebieden || card.dataset.gebieden.split(" ").indexOf(gebied) >= 0) &&
          (!rol || card.dataset.rol === rol);
        card.hidden = !match;
        if (match) {
          shown += 1;
          if (!card.dataset.gebieden) general += 1;
        }
      });
      var text = shown === cards.length
        ? cards.length + " keuzes"
        : shown + " van de " + cards.length + " keuzes";
      if (gebied && general) text += " (waarvan " + general + " voor de hele gemeente)";
      count.textContent = text;
      var params = new URLSearchParams();
      if (kernopgave) params.set("kernopgave", kernopgave);
      if (gebied) params.set("gebied", gebied);
      if (rol) params.set("rol", rol);
      var query = params.toString();
      history.replaceState(history.state, "", query ? "?" + query : location.pathname);
    }

    var initial = new URLSearchParams(location.search);
    ["kernopgave", "gebied", "rol"].forEach(function (name) {
      var value = initial.get(name);
      if (value && form.elements[name].querySelector('option[value="' + CSS.escape(value) + '"]')) {
        form.elements[name].value = value;
      }
    });
    form.addEventListener("change", apply);
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    form.hidden = false;
    apply();
  }

  function init() {
    document.querySelectorAll("form[data-ov-filter]").forEach(setUpFilter);
  }

  // Material's instant navigation swaps the page without reloading scripts: initialise on every page.
  if (typeof document$ !== "undefined") {
    document$.subscribe(init);
  } else {
    document.addEventListener("DOMContentLoaded", init);
  }
})();

/* The skip link moves keyboard focus to the content, not only the view. Browsers leave the focus
   starting point where it was when a script (such as Material's) handles the jump, so the next
   Tab went back into the menu. */
(function () {
  "use strict";
  document.addEventListener("click", function (event) {
    var link = event.target.closest && event.target.closest("a.md-skip");
    if (!link) return;
    var target = document.getElementById(decodeURIComponent(link.hash.slice(1)));
    if (!target) return;
    if (!target.hasAttribute("tabindex")) target.setAttribute("tabindex", "-1");
    target.focus();
  });
})();
