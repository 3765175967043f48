// crosscheck's web UI: small conveniences over pages that work without
// script. Loaded from /static (the Content-Security-Policy allows no
// inline script), deferred, with no dependency.
(function () {
  "use strict";
  document.documentElement.classList.add("js");

  // The article: selecting a highlighted passage shows its claim's card
  // beside the text (or in a sheet at the bottom on a phone), and marks
  // every passage of that claim.
  var panel = document.getElementById("claim-panel");
  if (panel) {
    var close = document.createElement("button");
    close.type = "button";
    close.className = "close";
    close.setAttribute("aria-label", "Close the claim");
    close.textContent = "×";
    panel.insertBefore(close, panel.firstChild);

    var select = function (id, scroll) {
      var cards = panel.querySelectorAll(".claim-card");
      for (var i = 0; i < cards.length; i++) {
        cards[i].classList.toggle("shown", cards[i].getAttribute("data-card") === id);
      }
      var marked = document.querySelectorAll("#doc-text a.selected");
      for (var j = 0; j < marked.length; j++) marked[j].classList.remove("selected");
      if (!id) {
        panel.classList.remove("has-claim");
        return;
      }
      var parts = document.querySelectorAll('#doc-text a[data-claim="' + id + '"]');
      for (var k = 0; k < parts.length; k++) parts[k].classList.add("selected");
      panel.classList.add("has-claim");
      if (scroll && parts.length) parts[0].scrollIntoView({ block: "center" });
    };
    document.addEventListener("click", function (ev) {
      var a = ev.target.closest && ev.target.closest("#doc-text a[data-claim]");
      if (!a) return;
      ev.preventDefault();
      var id = a.getAttribute("data-claim");
      select(id, false);
      history.replaceState(null, "", "#claim-" + id);
    });
    close.addEventListener("click", function () {
      select("", false);
      history.replaceState(null, "", location.pathname + location.search);
    });
    document.addEventListener("keydown", function (ev) {
      if (ev.key === "Escape") close.click();
    });
    var m = /^#claim-(\d+)$/.exec(location.hash);
    if (m) select(m[1], true);
  }

  // Filters: on a phone, a filter form that filters nothing starts
  // folded, so that the results come first.
  if (window.matchMedia("(max-width: 640px)").matches) {
    var boxes = document.querySelectorAll("details.filter-box:not([data-active])");
    for (var b = 0; b < boxes.length; b++) boxes[b].removeAttribute("open");
  }

  // Tables: a click on a column's title sorts the rows shown by it.
  var tables = document.querySelectorAll("table.sortable");
  Array.prototype.forEach.call(tables, function (table) {
    var heads = table.querySelectorAll("th");
    Array.prototype.forEach.call(heads, function (th, col) {
      var kind = th.getAttribute("data-sort");
      var button = th.querySelector("button");
      if (!kind || !button) return;
      button.addEventListener("click", function () {
        var asc = th.getAttribute("aria-sort") !== "ascending";
        Array.prototype.forEach.call(heads, function (h) { h.removeAttribute("aria-sort"); });
        th.setAttribute("aria-sort", asc ? "ascending" : "descending");
        var body = table.tBodies[0];
        var rows = Array.prototype.slice.call(body.rows);
        var key = function (row) {
          var cell = row.cells[col];
          var v = cell ? (cell.getAttribute("data-v") || cell.textContent.trim()) : "";
          return kind === "num" ? parseFloat(v.replace(/[^0-9.\-]/g, "")) || 0 : v.toLowerCase();
        };
        rows.sort(function (a, b) {
          var x = key(a), y = key(b);
          var c = x < y ? -1 : x > y ? 1 : 0;
          return asc ? c : -c;
        });
        rows.forEach(function (r) { body.appendChild(r); });
      });
    });
  });
})();
