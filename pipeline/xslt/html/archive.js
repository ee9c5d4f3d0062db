/* The script of every page. Every page works without it: the view switch is
   CSS, the registers and the index are plain links. With it:
   - a link into the hidden view (#d-ocr-3 while the reading text shows)
     switches to that view first.
   The search page has its own (search.js, around Pagefind). */
(function () {
  "use strict";

  function showTarget() {
    var id = decodeURIComponent(location.hash.slice(1));
    var el = id && document.getElementById(id);
    var view = el && el.closest(".view");
    if (!view) return;
    var radio = document.getElementById(
      view.classList.contains("diplomatic") ? "view-diplomatic" : "view-reading");
    if (radio && !radio.checked) {
      radio.checked = true;
      // As a reader's choice would: cite.js keeps the view in the address.
      radio.dispatchEvent(new Event("change", { bubbles: true }));
      el.scrollIntoView();
    }
  }

  window.addEventListener("hashchange", showTarget);
  // Following the same link twice changes no hash, but the view may have changed since.
  document.addEventListener("click", function (event) {
    var link = event.target.closest && event.target.closest('a[href^="#"]');
    if (link) setTimeout(showTarget, 0);
  });
  document.addEventListener("DOMContentLoaded", function () {
    showTarget();
  });
})();
