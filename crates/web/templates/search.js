// Optional as-you-type suggestions for the search box (the pages work without it).
// On the server it asks /suggest?q=; in a static site it filters search-index.json.
(function () {
  "use strict";
  var input = document.querySelector("input[data-suggest]");
  if (!input) { return; }
  var source = input.getAttribute("data-suggest");
  var list = document.getElementById("suggestions");
  var index = null;
  function fold(s) {
    return s.normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/[đĐ]/g, "d")
      .toLowerCase().replace(/[^a-z0-9]+/g, " ").trim();
  }
  function show(items) {
    list.textContent = "";
    items.slice(0, 10).forEach(function (item) {
      var option = document.createElement("option");
      option.value = item.label;
      list.appendChild(option);
    });
    results(items);
  }
  function results(items) {
    var box = document.getElementById("static-results");
    if (!box) { return; }
    box.textContent = "";
    items.slice(0, 100).forEach(function (item) {
      var li = document.createElement("li");
      var a = document.createElement("a");
      a.href = item.href;
      a.textContent = item.label;
      li.appendChild(a);
      li.appendChild(document.createTextNode(" · " + item.kind));
      box.appendChild(li);
    });
  }
  function local(q) {
    var key = fold(q);
    return index.filter(function (item) { return item.key.indexOf(key) !== -1; });
  }
  function lookup(q) {
    if (q.length < 2) { return; }
    if (/\.json$/.test(source)) {
      if (index) { show(local(q)); return; }
      fetch(source).then(function (r) { return r.json(); }).then(function (data) {
        index = data.map(function (item) {
          item.href = source.replace(/search-index\.json$/, "") + item.href;
          return item;
        });
        show(local(q));
      });
    } else {
      fetch(source + "?q=" + encodeURIComponent(q)).then(function (r) { return r.json(); }).then(show);
    }
  }
  input.addEventListener("input", function () { lookup(input.value); });
  var q = new URLSearchParams(window.location.search).get("q");
  if (q && document.getElementById("static-results")) { input.value = q; lookup(q); }
})();
