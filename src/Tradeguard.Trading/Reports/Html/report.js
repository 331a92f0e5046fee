(function () {
  'use strict';
  var root = document.documentElement;
  var errors = document.getElementById('errors');
  // Errors land in the page (data-errors counts them), so a headless browser's DOM dump shows whether drawing failed.
  function fail(text) {
    errors.hidden = false;
    errors.textContent += text + '\n';
    root.setAttribute('data-errors', String(Number(root.getAttribute('data-errors') || 0) + 1));
  }
  window.addEventListener('error', function (e) { fail('error: ' + e.message); });
  document.addEventListener('securitypolicyviolation', function (e) { fail('blocked by the page policy: ' + e.violatedDirective); });
  var consoleError = console.error;
  console.error = function () {
    fail('console.error: ' + Array.prototype.join.call(arguments, ' '));
    consoleError.apply(console, arguments);
  };

  var data = JSON.parse(document.getElementById('chart-data').textContent);
  var columns = data.starts.length;
  var margin = { left: 76, right: 16, top: 22, bottom: 24 };
  var colours = { up: '#26a69a', down: '#ef5350', buy: '#2ca02c', sell: '#d62728', equity: '#1f77b4',
    drawdown: '#d62728', grid: '#e6e6e6', axis: '#999', text: '#333' };

  function panel(id, height) {
    var canvas = document.getElementById(id);
    var width = canvas.parentElement.clientWidth;
    var ratio = window.devicePixelRatio || 1;
    canvas.width = Math.round(width * ratio);
    canvas.height = Math.round(height * ratio);
    canvas.style.height = height + 'px';
    var g = canvas.getContext('2d');
    g.setTransform(ratio, 0, 0, ratio, 0, 0);
    g.clearRect(0, 0, width, height);
    g.font = '12px system-ui, "DejaVu Sans", sans-serif';
    return { g: g, width: width, top: margin.top, bottom: height - margin.bottom };
  }

  function x(p, column) {
    return margin.left + (column + 0.5) * (p.width - margin.left - margin.right) / columns;
  }

  function extent(values, lo, hi) {
    for (var i = 0; i < values.length; i++) {
      var v = values[i];
      if (v !== null) {
        lo = Math.min(lo, v);
        hi = Math.max(hi, v);
      }
    }
    return [lo, hi];
  }

  // A y scale over [lo, hi] padded by 4 %, with "nice" ticks (steps of 1, 2 or 5 × 10^n).
  function scale(p, range) {
    var lo = range[0], hi = range[1];
    if (!(hi > lo)) { lo -= 1; hi += 1; }
    var pad = (hi - lo) * 0.04;
    lo -= pad; hi += pad;
    var raw = (hi - lo) / Math.max(2, Math.floor((p.bottom - p.top) / 40));
    var power = Math.pow(10, Math.floor(Math.log10(raw)));
    var step = [1, 2, 5, 10].map(function (m) { return m * power; }).find(function (s) { return s >= raw; });
    var ticks = [];
    for (var t = Math.ceil(lo / step) * step; t <= hi; t += step) { ticks.push(t); }
    return {
      y: function (v) { return p.bottom - (v - lo) / (hi - lo) * (p.bottom - p.top); },
      ticks: ticks,
      digits: Math.max(0, -Math.floor(Math.log10(step)))
    };
  }

  function axes(p, s, title, label) {
    var g = p.g;
    g.fillStyle = colours.text;
    g.strokeStyle = colours.grid;
    g.lineWidth = 1;
    g.textAlign = 'right';
    g.textBaseline = 'middle';
    s.ticks.forEach(function (t) {
      var y = Math.round(s.y(t)) + 0.5;
      g.beginPath(); g.moveTo(margin.left, y); g.lineTo(p.width - margin.right, y); g.stroke();
      g.fillText(label(t), margin.left - 6, y);
    });
    // Dates under every panel, at the same columns: the panels share one time axis.
    var count = Math.max(2, Math.floor((p.width - margin.left - margin.right) / 120));
    g.textAlign = 'center';
    g.textBaseline = 'top';
    for (var i = 0; i < count && columns > 0; i++) {
      var column = Math.round(i * (columns - 1) / (count - 1));
      var cx = Math.round(x(p, column)) + 0.5;
      g.beginPath(); g.moveTo(cx, p.top); g.lineTo(cx, p.bottom); g.stroke();
      g.fillText(data.dates[column], Math.min(Math.max(cx, margin.left + 34), p.width - margin.right - 34), p.bottom + 5);
    }
    g.strokeStyle = colours.axis;
    g.strokeRect(margin.left + 0.5, p.top + 0.5, p.width - margin.left - margin.right, p.bottom - p.top);
    g.textAlign = 'left';
    g.textBaseline = 'alphabetic';
    g.fillText(title, margin.left, p.top - 7);
  }

  // A line reduced to first, lowest, highest and last value per column; a null column breaks the line.
  function line(p, s, m4, colour, width) {
    var g = p.g;
    g.strokeStyle = colour;
    g.lineWidth = width;
    g.beginPath();
    var drawing = false;
    for (var k = 0; k < columns; k++) {
      if (m4[4 * k] === null) { drawing = false; continue; }
      var cx = x(p, k);
      for (var j = 0; j < 4; j++) {
        var y = s.y(m4[4 * k + j]);
        if (drawing) { g.lineTo(cx, y); } else { g.moveTo(cx, y); drawing = true; }
      }
    }
    g.stroke();
  }

  function candles(p, s) {
    var g = p.g;
    var body = Math.max(1, Math.floor((p.width - margin.left - margin.right) / columns * 0.7));
    for (var k = 0; k < columns; k++) {
      var o = data.candles[4 * k], h = data.candles[4 * k + 1], l = data.candles[4 * k + 2], c = data.candles[4 * k + 3];
      var cx = Math.round(x(p, k));
      g.fillStyle = c >= o ? colours.up : colours.down;
      var high = Math.round(s.y(h)), low = Math.round(s.y(l));
      g.fillRect(cx, high, 1, Math.max(1, low - high));
      var top = Math.round(s.y(Math.max(o, c))), bottom = Math.round(s.y(Math.min(o, c)));
      g.fillRect(cx - Math.floor(body / 2), top, body, Math.max(1, bottom - top));
    }
  }

  // Triangles with their tip at the fill price: ▲ below it for a buy, ▼ above it for a sell.
  function markers(p, s, fills, colour, direction) {
    var g = p.g;
    g.fillStyle = colour;
    for (var i = 0; i < fills.length; i += 2) {
      var cx = x(p, fills[i]), y = s.y(fills[i + 1]);
      g.beginPath();
      g.moveTo(cx, y);
      g.lineTo(cx - 5, y + 9 * direction);
      g.lineTo(cx + 5, y + 9 * direction);
      g.closePath();
      g.fill();
    }
  }

  function legend(p, entries) {
    var g = p.g;
    var left = margin.left + 8;
    g.textBaseline = 'middle';
    entries.forEach(function (e) {
      g.fillStyle = e[1];
      g.fillRect(left, p.top + 9, 14, 4);
      g.fillStyle = colours.text;
      g.fillText(e[0], left + 18, p.top + 11);
      left += 30 + g.measureText(e[0]).width;
    });
  }

  function fixed(digits) { return function (v) { return v.toFixed(digits); }; }

  function draw() {
    var price = panel('price', 420);
    var range = extent(data.candles, Infinity, -Infinity);
    data.overlays.forEach(function (o) { range = extent(o.line, range[0], range[1]); });
    var ps = scale(price, range);
    axes(price, ps, 'Price (quote currency per unit)', fixed(ps.digits));
    price.g.save();
    price.g.beginPath();
    price.g.rect(margin.left, price.top, price.width - margin.left - margin.right, price.bottom - price.top);
    price.g.clip();
    candles(price, ps);
    data.overlays.forEach(function (o) { line(price, ps, o.line, o.colour, 1.5); });
    markers(price, ps, data.buys, colours.buy, 1);
    markers(price, ps, data.sells, colours.sell, -1);
    price.g.restore();
    legend(price, [[data.symbol + ' candles', colours.up]].concat(
      data.overlays.map(function (o) { return [o.name, o.colour]; }), [['buy fill', colours.buy], ['sell fill', colours.sell]]));

    var equity = panel('equity', 200);
    var es = scale(equity, extent(data.equity, Infinity, -Infinity));
    axes(equity, es, 'Equity (quote currency)', fixed(es.digits));
    line(equity, es, data.equity, colours.equity, 1.5);

    // Drawdown as a negative percentage of the running peak, 0 at the top.
    var drawdown = panel('drawdown', 160);
    var depth = data.drawdown.map(function (v) { return v === null ? null : -100 * v; });
    var ds = scale(drawdown, extent(depth, 0, 0));
    axes(drawdown, ds, 'Drawdown (% of peak equity)', function (v) { return v.toFixed(ds.digits) + ' %'; });
    var g = drawdown.g;
    g.beginPath();
    g.moveTo(x(drawdown, 0), ds.y(0));
    for (var k = 0; k < columns; k++) {
      if (depth[4 * k] !== null) { g.lineTo(x(drawdown, k), ds.y(depth[4 * k + 2])); }
    }
    g.lineTo(x(drawdown, columns - 1), ds.y(0));
    g.closePath();
    g.fillStyle = 'rgba(214, 39, 40, 0.3)';
    g.fill();
    line(drawdown, ds, depth, colours.drawdown, 1);
  }

  draw();
  window.addEventListener('resize', draw);
  root.setAttribute('data-chart', 'drawn');
})();
