/* tuxiang "my slot" finder: pick or type a class or college; a #c-… link opens its card.
   Plain ES5 for old in-app browsers. Everything comes from the timetable on the page (#tt): each
   day's <h3>, each room's <h4><a>, and each block (<tr class="block">: its time cell, its college
   link with the station in a <small>, and its classes as <li id> with .cname and .ctime). */
(function () {
  var sel = document.getElementById('tx-s'), q = document.getElementById('tx-q'), card = document.getElementById('tx-card');
  var tt = document.getElementById('tt');
  if (!sel || !q || !card || !tt || !tt.querySelectorAll) return;
  var early = parseInt(tt.getAttribute('data-early'), 10) || 0;
  function esc(s) { return String(s).replace(/[&<>"]/g, function (c) { return { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' }[c]; }); }
  function text(el) { return el ? (el.textContent || '').replace(/^\s+|\s+$/g, '') : ''; }
  function pad(n) { return (n < 10 ? '0' : '') + n; }
  // "08:00–08:10" → when to arrive: the start less the minutes to come early (never before 00:00).
  function arrive(time) {
    var m = /(\d{1,2}):(\d{2})/.exec(time);
    if (!m) return '';
    var t = Math.max(0, parseInt(m[1], 10) * 60 + parseInt(m[2], 10) - early);
    return pad(Math.floor(t / 60)) + ':' + pad(t % 60);
  }
  function first(el, tag, cls) {
    var all = el.getElementsByTagName(tag);
    for (var i = 0; i < all.length; i++) if (!cls || (' ' + all[i].className + ' ').indexOf(' ' + cls + ' ') >= 0) return all[i];
    return null;
  }
  function own(el, tag) {
    for (var c = el.firstChild; c; c = c.nextSibling) if (c.nodeType === 1 && c.tagName === tag) return c;
    return null;
  }

  // Every class (or a college's block without classes) with its day, time, room and station.
  var opts = [], date = '', room = '', href = '';
  var els = tt.querySelectorAll('h3, h4, tr.block');
  for (var i = 0; i < els.length; i++) {
    var el = els[i];
    if (el.tagName === 'H3') { date = text(el); continue; }
    if (el.tagName === 'H4') { var a = first(el, 'a'); room = text(a || el); href = a ? a.getAttribute('href') : ''; continue; }
    var td = first(el, 'td', 'time'), col = first(el, 'a', 'college');
    if (!td || !col) continue;
    var time = td.firstChild && td.firstChild.nodeType === 3 ? text(td.firstChild) : text(td);
    var base = { c: text(col), d: date, r: room, h: href, s: text(own(col.parentNode, 'SMALL')) };
    var lis = col.parentNode.getElementsByTagName('li'), list = [];
    for (var j = 0; j < lis.length; j++) {
      var ct = text(first(lis[j], 'span', 'ctime'));
      list.push({ v: lis[j].id, n: text(first(lis[j], 'span', 'cname')), t: ct });
    }
    if (!list.length) list.push({ v: el.id, n: base.c, t: time });
    for (var k = 0; k < list.length; k++) {
      var o = list[k];
      o.c = base.c; o.d = base.d; o.r = base.r; o.h = base.h; o.s = base.s; o.a = arrive(o.t);
      opts.push(o);
    }
  }

  // The picker: one group per college, in timetable order.
  var groups = {}, order = [];
  for (var m = 0; m < opts.length; m++) {
    if (!groups.hasOwnProperty(opts[m].c)) { groups[opts[m].c] = []; order.push(opts[m].c); }
    groups[opts[m].c].push(opts[m]);
  }
  for (var g = 0; g < order.length; g++) {
    var og = document.createElement('optgroup');
    og.label = order[g];
    for (var x = 0; x < groups[order[g]].length; x++) {
      var op = document.createElement('option');
      op.value = groups[order[g]][x].v;
      op.text = groups[order[g]][x].n;
      og.appendChild(op);
    }
    sel.appendChild(og);
  }
  if (opts.length) q.placeholder = (q.getAttribute('data-eg') || '') + opts[0].n;

  function show(list) {
    var L = function (k) { return card.getAttribute('data-l-' + k) || ''; };
    if (!list.length) { card.innerHTML = q.value ? '<p class="hint">' + esc(L('none')) + '</p>' : ''; return; }
    var h = '', bring = card.getAttribute('data-bring') || '';
    for (var i = 0; i < list.length && i < 8; i++) {
      var o = list[i];
      h += '<div class="slot-card"><p class="who">' + esc(o.n) + (o.n !== o.c ? ' <small>' + esc(o.c) + '</small>' : '') + '</p>' +
        '<p class="when">' + esc(o.d) + ' ' + esc(o.t) + '</p>' +
        '<p>' + esc(L('arrive')).replace('{t}', '<strong>' + esc(o.a) + '</strong>') + ' <a href="' + esc(o.h) + '">' + esc(o.r) + '</a>' + (o.s ? '（' + esc(o.s) + '）' : '') + '</p>' +
        (bring ? '<p>' + esc(L('bring')) + esc(bring) + '</p>' : '') +
        '<p class="hint"><a href="#' + esc(o.v) + '">' + esc(L('link')) + '</a></p></div>';
    }
    card.innerHTML = h;
  }
  function byValue(v) { var r = []; for (var i = 0; i < opts.length; i++) if (opts[i].v === v) r.push(opts[i]); return r; }
  sel.onchange = function () { q.value = ''; show(byValue(sel.value)); };
  q.oninput = function () {
    var v = q.value.replace(/\s+/g, ''), r = [];
    if (v) for (var i = 0; i < opts.length; i++) if (opts[i].n.indexOf(v) >= 0 || opts[i].c.indexOf(v) >= 0) r.push(opts[i]);
    show(r);
  };
  function fromHash() {
    var a = '';
    try { a = decodeURIComponent(location.hash.slice(1)); } catch (e) { return; }
    var r = a ? byValue(a) : [];
    if (r.length) { sel.value = a; show(r); }
  }
  window.onhashchange = fromHash; fromHash();
})();
