/* Document pages only: the chosen view kept in the address, and the citation
   of a passage (docs/citation.md). The page works without it: the views
   switch by CSS and a paragraph's § link is an ordinary #p-N link.
   - The diplomatic view is ?view=diplomatic: a query, not a fragment, so the
     fragment stays free for links into the text (PAGE.html?view=diplomatic#d-p-3).
     Loading such an address opens that view; a fragment into the other view
     wins (archive.js switches to it and fires the radio's change event).
   - Following a § link (or an address with #p-N) shows, under the paragraph,
     the page's citation with the paragraph and its address, and a copy button. */
(function () {
  "use strict";

  function radio(view) { return document.getElementById("view-" + view); }

  // The address with the view in it (replaceState: no reload, no history entry).
  function keepView() {
    var dip = radio("diplomatic");
    if (!dip) return;
    var params = new URLSearchParams(location.search);
    if (dip.checked) params.set("view", "diplomatic"); else params.delete("view");
    var query = params.toString();
    var url = location.pathname + (query ? "?" + query : "") + location.hash;
    if (url === location.pathname + location.search + location.hash) return;
    try {
      history.replaceState(history.state, "", url);
    } catch (e) { /* a browser that refuses it for file: pages: the view still works */ }
  }

  function openView() {
    var dip = radio("diplomatic");
    if (dip && new URLSearchParams(location.search).get("view") === "diplomatic") dip.checked = true;
  }

  function make(tag, text, attrs) {
    var el = document.createElement(tag);
    if (text) el.textContent = text;
    Object.keys(attrs || {}).forEach(function (k) { el.setAttribute(k, attrs[k]); });
    return el;
  }

  // The page's citation ends with its address (data-url) and a full stop; a
  // passage's puts the paragraph and the passage's own address there.
  function passageCitation(link) {
    var cite = document.querySelector("p.citation[data-url]");
    if (!cite) return "";
    var url = cite.getAttribute("data-url");
    var text = cite.textContent.replace(/\s+/g, " ").trim();
    var end = url + ".";
    var head = text.slice(-end.length) === end ? text.slice(0, -end.length) : text + " ";
    var printed = link.closest(".view.diplomatic") ? ", as printed" : "";
    var n = (link.getAttribute("aria-label") || "").replace(/^\D+/, "");
    return head + "Paragraph " + n + printed + ". " +
      url + link.getAttribute("href") + ".";
  }

  function copy(text, out, button) {
    function select() {
      var range = document.createRange();
      range.selectNodeContents(out);
      var sel = window.getSelection();
      sel.removeAllRanges();
      sel.addRange(range);
      button.textContent = "Selected: copy it";
    }
    if (navigator.clipboard && navigator.clipboard.writeText) {
      navigator.clipboard.writeText(text).then(function () {
        button.textContent = "Copied";
      }, select);
    } else {
      select();
    }
  }

  function showPassage() {
    var id = decodeURIComponent(location.hash.slice(1));
    var target = id && document.getElementById(id);
    var link = target && target.querySelector(":scope > a.cite-p");
    var old = document.querySelector(".passage-cite");
    if (old && (!link || old.previousElementSibling !== target)) old.remove();
    if (!link || (old && old.isConnected)) return;
    var text = passageCitation(link);
    if (!text) return;
    var box = make("div", "", { "class": "passage-cite", role: "note",
                                "aria-label": "Cite this passage" });
    box.appendChild(make("span", "Cite this passage: "));
    var out = box.appendChild(make("span", text, { "class": "passage-citation" }));
    var button = box.appendChild(make("button", "Copy", { type: "button" }));
    button.addEventListener("click", function () { copy(text, out, button); });
    target.insertAdjacentElement("afterend", box);
  }

  document.addEventListener("change", function (event) {
    if (event.target.classList && event.target.classList.contains("view-radio")) keepView();
  });
  window.addEventListener("hashchange", function () { setTimeout(showPassage, 0); });
  // A § link followed again changes no hash: show its citation all the same.
  document.addEventListener("click", function (event) {
    if (event.target.closest && event.target.closest("a.cite-p")) setTimeout(showPassage, 0);
  });
  document.addEventListener("DOMContentLoaded", function () {
    openView();
    // After archive.js's own handler has opened the view of the fragment.
    setTimeout(function () { keepView(); showPassage(); }, 0);
  });
})();
