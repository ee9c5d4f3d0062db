// The map page (map.html): draws the table of places as a Leaflet map of circle markers.
// The table is the data (each row: id = the entry's key, data-lat, data-lon, a link to
// the register entry), so the page needs no other request than Leaflet itself and the
// tiles, and works as a list without this script. Tiles (data-tiles) may fail to load
// (no network): the markers are drawn all the same, on the container's plain background.
(function () {
  "use strict";
  var box = document.getElementById("place-map");
  if (!box || !window.L) return; // no Leaflet: the list alone
  var rows = document.querySelectorAll("table.map-places tr[data-lat][data-lon]");
  var markers = {};
  var bounds = [];

  box.hidden = false; // shown before the map is made, so Leaflet can measure it
  var map = L.map(box, {maxZoom: 18, worldCopyJump: true});
  // The register's colour for places (archive.css), light or dark as the page is.
  var colour = getComputedStyle(box).getPropertyValue("--place").trim() || "#1f6b4e";
  var tiles = box.getAttribute("data-tiles");
  if (tiles) {
    L.tileLayer(tiles, {maxZoom: 19, attribution: box.getAttribute("data-attribution") || ""})
      .addTo(map);
  }

  // The popup is built from the row's own link (DOM nodes, never markup from the page),
  // so it names the place as the list does and leads to the same register entry.
  function popup(row) {
    var link = row.querySelector("a");
    var out = document.createElement("div");
    var name = document.createElement("strong");
    name.textContent = link.textContent;
    var entry = document.createElement("a");
    entry.href = link.getAttribute("href");
    entry.className = "register-entry";
    entry.textContent = "Register entry, with every occurrence";
    out.appendChild(name);
    out.appendChild(document.createElement("br"));
    out.appendChild(entry);
    return out;
  }

  Array.prototype.forEach.call(rows, function (row) {
    var at = [parseFloat(row.getAttribute("data-lat")), parseFloat(row.getAttribute("data-lon"))];
    if (isNaN(at[0]) || isNaN(at[1])) return;
    var marker = L.circleMarker(at, {radius: 7, weight: 2, color: colour,
                                     fillColor: colour, fillOpacity: 0.6})
      .bindPopup(popup(row))
      .bindTooltip(row.querySelector("a").textContent)
      .addTo(map);
    markers[row.id] = marker;
    bounds.push(at);
  });
  if (bounds.length === 1) {
    map.setView(bounds[0], 8);
  } else {
    map.fitBounds(bounds, {padding: [24, 24], maxZoom: 10});
  }

  // map.html#KEY (the "On the map" link of a register entry): centre that place, open
  // its popup and bring the map into view; the browser has scrolled to its row already.
  function show() {
    var key = decodeURIComponent(location.hash.slice(1));
    var marker = Object.prototype.hasOwnProperty.call(markers, key) ? markers[key] : null;
    if (!marker) return;
    map.setView(marker.getLatLng(), Math.max(map.getZoom(), 7));
    marker.openPopup();
    box.scrollIntoView({block: "nearest"});
  }
  window.addEventListener("hashchange", show);
  show();
  // The browser scrolls to the fragment's row once the page has loaded, after this
  // script: bring the map back into view then.
  if (location.hash) {
    window.addEventListener("load", function () { setTimeout(show, 0); });
  }
})();
