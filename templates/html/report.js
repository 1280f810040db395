/* smsreport: column sorting, a text filter and a status filter for the server table. The page reads fully
   without this script; on load it only shows the controls and attaches listeners, so that a table of
   10,000 rows opens quickly. Words come from data attributes written in the report's language. */
(function () {
  "use strict";
  var table = document.getElementById("servers-table");
  var controls = document.getElementById("servers-controls");
  var filter = document.getElementById("servers-filter");
  var statusFilter = document.getElementById("servers-status");
  var count = document.getElementById("servers-count");
  if (!table || !controls || !filter || !statusFilter || !count) { return; }

  var body = table.tBodies[0];
  var rows = Array.prototype.slice.call(body.rows);
  var searchKeys = null;
  var sortKeys = {};
  var collator = new Intl.Collator(document.documentElement.lang || undefined, { numeric: true, sensitivity: "base" });
  var pending = 0;

  controls.hidden = false;
  table.classList.add("sortable");

  function searchKey(index) {
    if (searchKeys === null) {
      searchKeys = rows.map(function (row) {
        return (row.cells[0].textContent + "\n" + row.cells[1].textContent).toLowerCase();
      });
    }
    return searchKeys[index];
  }

  function applyFilter() {
    pending = 0;
    var query = filter.value.trim().toLowerCase();
    var status = statusFilter.value;
    var shown = 0;
    for (var i = 0; i < rows.length; i++) {
      var row = rows[i];
      var visible = (status === "" || row.getAttribute("data-status") === status) &&
        (query === "" || searchKey(i).indexOf(query) !== -1);
      if (row.hidden === visible) { row.hidden = !visible; }
      if (visible) { shown++; }
    }
    count.textContent = count.getAttribute("data-template")
      .replace("{0}", shown.toLocaleString("en-US"))
      .replace("{1}", rows.length.toLocaleString("en-US"));
  }

  function scheduleFilter() {
    if (pending) { clearTimeout(pending); }
    pending = setTimeout(applyFilter, 120);
  }

  function keyOf(row, column, kind) {
    var cell = row.cells[column];
    if (kind === "rank") { return Number(cell.getAttribute("data-v")); }
    if (kind === "num") { return Number(cell.textContent.replace(/[^0-9]/g, "")) || 0; }
    return (cell.firstElementChild || cell).textContent.trim();
  }

  function sortBy(header) {
    var column = header.cellIndex;
    var kind = header.getAttribute("data-sort");
    var ascending = header.getAttribute("aria-sort") !== "ascending";
    if (!sortKeys[column]) {
      sortKeys[column] = rows.map(function (row) { return keyOf(row, column, kind); });
    }
    var keys = sortKeys[column];
    var order = rows.map(function (row, index) { return index; });
    order.sort(function (a, b) {
      var x = keys[a];
      var y = keys[b];
      var result = kind === "text" ? collator.compare(x, y) : x - y;
      if (result === 0) { return a - b; }
      return ascending ? result : -result;
    });
    var headers = table.tHead.rows[0].cells;
    for (var h = 0; h < headers.length; h++) { headers[h].removeAttribute("aria-sort"); }
    header.setAttribute("aria-sort", ascending ? "ascending" : "descending");
    var fragment = document.createDocumentFragment();
    for (var i = 0; i < order.length; i++) { fragment.appendChild(rows[order[i]]); }
    body.appendChild(fragment);
  }

  Array.prototype.forEach.call(table.tHead.rows[0].cells, function (header) {
    if (!header.hasAttribute("data-sort")) { return; }
    header.tabIndex = 0;
    header.addEventListener("click", function () { sortBy(header); });
    header.addEventListener("keydown", function (event) {
      if (event.key === "Enter" || event.key === " ") { event.preventDefault(); sortBy(header); }
    });
  });
  filter.addEventListener("input", scheduleFilter);
  statusFilter.addEventListener("change", applyFilter);

  /* Printing shows the directories of every problem server; the print stylesheet leaves consistent ones out. */
  var opened = [];
  window.addEventListener("beforeprint", function () {
    var closed = document.querySelectorAll("details.server:not(.s-consistent):not([open])");
    opened = Array.prototype.filter.call(closed, function (details) {
      details.open = true;
      return true;
    });
  });
  window.addEventListener("afterprint", function () {
    opened.forEach(function (details) { details.open = false; });
    opened = [];
  });
}());
