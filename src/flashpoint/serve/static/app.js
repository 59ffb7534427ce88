// Flashpoint dashboard: drag across a timeline to select a date range.
// Written for this project. The selection goes into the URL (since, until),
// so every panel re-scopes on the server and the view can be shared.
(function () {
  "use strict";

  function periodEnd(start, freq) {
    var d = new Date(start.length === 4 ? start + "-01-01T00:00:00Z" : start.length === 7 ? start + "-01T00:00:00Z" : start + "T00:00:00Z");
    if (freq === "week") d.setUTCDate(d.getUTCDate() + 6);
    else if (freq === "month") { d.setUTCMonth(d.getUTCMonth() + 1); d.setUTCDate(0); }
    else if (freq === "year") { d.setUTCFullYear(d.getUTCFullYear() + 1); d.setUTCDate(0); }
    return d.toISOString().slice(0, 10);
  }

  function periodStart(start) {
    return start.length === 4 ? start + "-01-01" : start.length === 7 ? start + "-01" : start;
  }

  function svgX(svg, evt) {
    var pt = svg.createSVGPoint();
    pt.x = evt.clientX; pt.y = evt.clientY;
    return pt.matrixTransform(svg.getScreenCTM().inverse()).x;
  }

  function setup(figure) {
    var svg = figure.querySelector("svg.timeline-svg");
    if (!svg) return;
    var freq = figure.getAttribute("data-freq") || "week";
    var brush = svg.querySelector(".brush");
    var bars = Array.prototype.slice.call(svg.querySelectorAll("g.bar")).map(function (g) {
      var x = parseFloat(g.getAttribute("data-x")), w = parseFloat(g.getAttribute("data-w"));
      return { period: g.getAttribute("data-period"), x0: x, x1: x + w + 1 };
    });
    var start = null;

    function covered(a, b) {
      var lo = Math.min(a, b), hi = Math.max(a, b);
      return bars.filter(function (bar) { return bar.x1 > lo && bar.x0 < hi; });
    }

    svg.addEventListener("mousedown", function (evt) {
      start = svgX(svg, evt);
      brush.setAttribute("x", start);
      brush.setAttribute("width", 0);
      evt.preventDefault();
    });
    svg.addEventListener("mousemove", function (evt) {
      if (start === null) return;
      var x = svgX(svg, evt);
      brush.setAttribute("x", Math.min(start, x));
      brush.setAttribute("width", Math.abs(x - start));
    });
    window.addEventListener("mouseup", function (evt) {
      if (start === null) return;
      var x = svgX(svg, evt);
      var picked = covered(start, Math.abs(x - start) < 2 ? start + 1 : x);
      start = null;
      if (!picked.length) return;
      var url = new URL(window.location.href);
      url.searchParams.set("since", periodStart(picked[0].period));
      url.searchParams.set("until", periodEnd(picked[picked.length - 1].period, freq));
      url.searchParams.delete("cursor");
      url.searchParams.delete("freq");
      window.location.assign(url.toString());
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    Array.prototype.forEach.call(document.querySelectorAll("figure.timeline"), setup);
  });
})();
