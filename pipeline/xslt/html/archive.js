/* The edition's only script. Every page works without it: the view switch is
   CSS, the registers and the index are plain links. With it:
   - a link into the hidden view (#d-ocr-3 while the reading text shows)
     switches to that view first;
   - search.html answers ?q=... from search-index.js (window.ARCHIVE_SEARCH: the
     register entries) and its shards search-index-N.js (the documents). */
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
      el.scrollIntoView();
    }
  }

  // Folded as the pipeline folds (pipeline/digest.py): its table, then
  // accents off, lower case.
  function fold(text, table) {
    var out = "";
    for (var ch of text) out += Object.prototype.hasOwnProperty.call(table, ch) ? table[ch] : ch;
    return out.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();
  }

  function words(text, table) {
    return fold(text, table).match(/[\p{L}\p{N}]+/gu) || [];
  }

  // A word of the query finds itself, and from three letters on, the words it begins
  // (query words are letters and digits only, so they are safe inside a pattern).
  function matches(term, word) {
    return term === word || (word.length >= 3 && term.startsWith(word));
  }

  // Each document carries its folded words as "word:count word:count ...".
  function countIn(terms, word) {
    var pattern = word.length >= 3 ? word + "[^ :]*" : word;
    var re = new RegExp("(?:^| )" + pattern + ":(\\d+)", "gu");
    var total = 0, m;
    while ((m = re.exec(terms)) !== null) total += Number(m[1]);
    return total;
  }

  function documentHits(data, query) {
    var hits = [];
    data.docs.forEach(function (doc, i) {
      var total = 0;
      for (var k = 0; k < query.length; k++) {
        var n = countIn(doc.terms, query[k]);
        if (!n) return;
        total += n;
      }
      hits.push([i, total]);
    });
    return hits.sort(function (a, b) {
      var x = data.docs[a[0]], y = data.docs[b[0]];
      return b[1] - a[1] || x.title.localeCompare(y.title) || (x.href < y.href ? -1 : x.href > y.href ? 1 : 0);
    });
  }

  function entryHits(data, query) {
    return data.entries.filter(function (entry) {
      var names = [].concat.apply([], entry.names.map(function (n) { return words(n, data.fold); }));
      return query.every(function (word) {
        return names.some(function (name) { return matches(name, word); });
      });
    });
  }

  function element(tag, text, attrs) {
    var el = document.createElement(tag);
    if (text) el.textContent = text;
    Object.keys(attrs || {}).forEach(function (k) { el.setAttribute(k, attrs[k]); });
    return el;
  }

  var KINDS = { person: "person", place: "place", org: "organisation" };

  function search() {
    var out = document.getElementById("search-results");
    if (!out) return;
    var q = new URLSearchParams(location.search).get("q") || "";
    document.querySelectorAll("input[name=q]").forEach(function (input) { input.value = q; });
    var data = window.ARCHIVE_SEARCH;
    if (!data) {
      out.appendChild(element("p", "The search index (search-index.js) is missing: " +
                              "export the HTML edition again.", { "class": "notice" }));
      return;
    }
    if (data.loaded < data.shards) {
      out.appendChild(element("p", (data.shards - data.loaded) + " of " + data.shards +
                              " parts of the search index (search-index-N.js) are missing: " +
                              "export the HTML edition again.", { "class": "notice" }));
    }
    var query = words(q, data.fold);
    if (!query.length) return;
    var entries = entryHits(data, query);
    var docs = documentHits(data, query);
    out.appendChild(element("p", entries.length + " register entr" +
      (entries.length === 1 ? "y" : "ies") + " and " + docs.length + " document" +
      (docs.length === 1 ? "" : "s") + " for “" + q + "”.", { "class": "totals" }));
    if (entries.length) {
      out.appendChild(element("h2", "Register entries"));
      var list = out.appendChild(element("ul", "", { "class": "entry-hits" }));
      entries.forEach(function (entry) {
        var li = list.appendChild(element("li"));
        li.appendChild(element("a", entry.label, { href: entry.href }));
        li.appendChild(document.createTextNode(" (" + KINDS[entry.kind] +
          (entry.names.length > 1 ? "; also " + entry.names.slice(1).join(", ") : "") +
          (entry.found ? "" : "; no occurrence in this edition") + ")"));
      });
    }
    if (docs.length) {
      out.appendChild(element("h2", "Documents"));
      var ol = out.appendChild(element("ol", "", { "class": "doc-hits" }));
      docs.forEach(function (hit) {
        var doc = data.docs[hit[0]];
        var li = ol.appendChild(element("li"));
        li.appendChild(element("a", doc.title || doc.href, { href: doc.href }));
        li.appendChild(document.createTextNode(" — " + hit[1] + " match" +
          (hit[1] === 1 ? "" : "es") + ", " + doc.source));
      });
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
    search();
  });
})();
