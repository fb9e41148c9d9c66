/* tuxiang "my slot" finder: pick or type a class or college; a #c-… link opens its card.
   Plain ES5 for old in-app browsers; all data comes from the <option> elements' data-* attributes. */
(function () {
  var sel = document.getElementById('tx-s'), q = document.getElementById('tx-q'), card = document.getElementById('tx-card');
  if (!sel || !q || !card) return;
  var opts = [];
  for (var i = 0; i < sel.options.length; i++) if (sel.options[i].value) opts.push(sel.options[i]);
  function esc(s) { return String(s).replace(/[&<>"]/g, function (c) { return { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' }[c]; }); }
  function show(list) {
    var L = function (k) { return card.getAttribute('data-l-' + k) || ''; };
    if (!list.length) { card.innerHTML = q.value ? '<p class="hint">' + esc(L('none')) + '</p>' : ''; return; }
    var h = '', bring = card.getAttribute('data-bring') || '';
    for (var i = 0; i < list.length && i < 8; i++) {
      var o = list[i];
      var g = function (k) { return o.getAttribute('data-' + k) || ''; };
      h += '<div class="slot-card"><p class="who">' + esc(g('n')) + (g('n') !== g('c') ? ' <small>' + esc(g('c')) + '</small>' : '') + '</p>' +
        '<p class="when">' + esc(g('d')) + ' ' + esc(g('t')) + '</p>' +
        '<p>' + esc(L('arrive')).replace('{t}', '<strong>' + esc(g('a')) + '</strong>') + ' <a href="' + esc(g('h')) + '">' + esc(g('r')) + '</a>' + (g('s') ? '（' + esc(g('s')) + '）' : '') + '</p>' +
        (bring ? '<p>' + esc(L('bring')) + esc(bring) + '</p>' : '') +
        '<p class="hint"><a href="#' + esc(o.value) + '">' + esc(L('link')) + '</a></p></div>';
    }
    card.innerHTML = h;
  }
  function byValue(v) { var r = []; for (var i = 0; i < opts.length; i++) if (opts[i].value === v) r.push(opts[i]); return r; }
  sel.onchange = function () { q.value = ''; show(byValue(sel.value)); };
  q.oninput = function () {
    var v = q.value.replace(/\s+/g, ''), r = [];
    if (v) for (var i = 0; i < opts.length; i++) {
      var n = opts[i].getAttribute('data-n') || '', c = opts[i].getAttribute('data-c') || '';
      if (n.indexOf(v) >= 0 || c.indexOf(v) >= 0) r.push(opts[i]);
    }
    show(r);
  };
  function fromHash() {
    var a = ''; try { a = decodeURIComponent(location.hash.slice(1)); } catch (e) { return; }
    var r = a ? byValue(a) : [];
    if (r.length) { sel.value = a; show(r); }
  }
  window.onhashchange = fromHash; fromHash();
})();
