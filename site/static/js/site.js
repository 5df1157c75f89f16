// The site's one script, deferred; nothing needs it to read the site.
// Search suggestions: as the reader types in the search box, titles that begin with those words (with or
// without marks) are offered in the box's native list (<datalist>), so keyboards and screen readers work.
(function () {
  "use strict";
  var input = document.getElementById("site-search");
  var list = document.getElementById("search-suggestions");
  if (!input || !list || !window.fetch) return;
  var url = input.getAttribute("data-suggest-url");
  var timer = null;
  var asked = "";
  input.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(function () {
      var typed = input.value.trim();
      if (typed.length < 2 || typed === asked) return;
      asked = typed;
      fetch(url + "?q=" + encodeURIComponent(typed), { headers: { Accept: "application/json" } })
        .then(function (response) { return response.ok ? response.json() : { suggestions: [] }; })
        .then(function (data) {
          if (typed !== asked) return;
          list.textContent = "";
          data.suggestions.forEach(function (suggestion) {
            var option = document.createElement("option");
            option.value = suggestion.title;
            list.appendChild(option);
          });
        })
        .catch(function () {});
    }, 150);
  });
})();

// The print button of articles (Nghị định 42/2022/NĐ-CP asks for printing on every article): hidden in the page,
// as it needs this script, and shown here; printing uses the print stylesheet (site.css, @media print).
(function () {
  "use strict";
  Array.prototype.forEach.call(document.querySelectorAll("[data-print]"), function (button) {
    button.addEventListener("click", function () { window.print(); });
    button.hidden = false;
  });
})();
