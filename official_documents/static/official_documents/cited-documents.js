// The search box of the cited-documents chooser (official_documents/chooser.py): filters the list as one types,
// ignoring case, diacritics (đ as d) and separators, as the server folds each document's text.
(function () {
  function fold(text) {
    return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase().replace(/đ/g, "d");
  }
  function words(text) {
    return fold(text).replace(/[-/.,;:()]+/g, " ").split(/\s+/).filter(Boolean);
  }
  function setUp(root) {
    if (root.dataset.citedDocumentsReady) return;
    root.dataset.citedDocumentsReady = "1";
    var search = root.querySelector("[data-cited-documents-search]");
    var nothing = root.querySelector("[data-cited-documents-nothing]");
    var items = Array.prototype.slice.call(root.querySelectorAll("[data-search]"));
    search.addEventListener("input", function () {
      var wanted = words(search.value);
      var shown = 0;
      items.forEach(function (item) {
        var text = " " + item.dataset.search.replace(/[-/.,;:()]+/g, " ") + " ";
        var match = wanted.every(function (word) { return text.indexOf(word) !== -1; });
        item.hidden = !match;
        if (match) shown += 1;
      });
      nothing.hidden = shown > 0 || items.length === 0;
    });
    // Enter in the search box must not submit the page form.
    search.addEventListener("keydown", function (event) {
      if (event.key === "Enter") event.preventDefault();
    });
  }
  function setUpAll() {
    document.querySelectorAll("[data-cited-documents]").forEach(setUp);
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setUpAll);
  } else {
    setUpAll();
  }
  // Panels rendered later (the editor's partial re-renders) get theirs too.
  new MutationObserver(setUpAll).observe(document.documentElement, { childList: true, subtree: true });
})();
