/* The search page's script: starts Pagefind's interface (pagefind-ui.js of the
   first bundle) over every bundle of the edition (pipeline/editions/search.py),
   gives it the ?q= of the box that sent the reader here, and points each result
   at the paragraph where its first match stands (the page's p-N ids). */
(function () {
  "use strict";

  // The last paragraph anchor at or before the first match: Pagefind records each
  // element with an id and the word position where it starts.
  function passage(result) {
    var at = (result.locations || [])[0];
    var best = null;
    (result.anchors || []).forEach(function (anchor) {
      if (/^p-/.test(anchor.id) && (at === undefined || anchor.location <= at)) best = anchor;
    });
    if (best) result.url = result.url.split("#")[0] + "#" + best.id;
    return result;
  }

  document.addEventListener("DOMContentLoaded", function () {
    var box = document.getElementById("search");
    if (!box) return;
    if (location.protocol === "file:" || typeof PagefindUI === "undefined") {
      document.getElementById("search-offline").hidden = false;
      return;
    }
    // Bundles by path from the site root: pagefind-ui.js imports them from its own
    // folder otherwise.
    var bundles = box.getAttribute("data-bundles").split(" ").filter(Boolean).map(
      function (href) { return new URL(href, location.href).pathname; });
    if (!bundles.length) return;
    var ui = new PagefindUI({
      element: "#search",
      bundlePath: bundles[0],
      mergeIndex: bundles.slice(1).map(function (path) { return { bundlePath: path }; }),
      baseUrl: new URL(".", location.href).pathname,
      showSubResults: false,
      showImages: false,
      resetStyles: false,
      processResult: passage
    });
    var q = new URLSearchParams(location.search).get("q");
    if (q) ui.triggerSearch(q);
  });
})();
