/* tuxiang finder: type a class, college, major abbreviation or pinyin initials, or pick from the
   list, and get the class's card. Every card is on the page (.class-card, id c-…) with its times;
   this script only searches and links them, so it shows no time of its own. A pick goes to the
   card's link (#c-…), a typed search is kept in the address (#q=…): what a student sees is what
   they can share, and back/forward step through both. Plain ES5 for old in-app browsers. */
(function () {
  var q = document.getElementById('tx-q'), sel = document.getElementById('tx-s'), out = document.getElementById('tx-out');
  if (!q || !sel || !out || !document.querySelectorAll) return;
  var els = document.querySelectorAll('.class-card[id]'), cards = [];
  for (var i = 0; i < els.length; i++) {
    var e = els[i];
    cards.push({ id: e.id, el: e, n: low(e.getAttribute('data-n')), c: low(e.getAttribute('data-c')), py: e.getAttribute('data-py') || '', label: e.getAttribute('aria-label') || e.id });
  }
  var LIMIT = 20;
  function low(s) { return String(s || '').toLowerCase(); }
  function L(k) { return out.getAttribute('data-l-' + k) || ''; }
  function esc(s) { return String(s).replace(/[&<>"]/g, function (c) { return { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' }[c]; }); }
  // Every character of `v` in `s`, in order: 计科 finds 计算机科学与技术, jk finds jsjkx.
  function within(v, s) {
    var at = 0;
    for (var i = 0; i < v.length; i++) { at = s.indexOf(v.charAt(i), at); if (at < 0) return false; at++; }
    return true;
  }
  // Cards whose class, college or initials contain the query; failing that, those that hold its
  // characters in order (abbreviations). All of them: the caller shows every one or says how many.
  function find(v) {
    var exact = [], loose = [], flat;
    for (var i = 0; i < cards.length; i++) {
      var k = cards[i];
      flat = k.py.replace(/ /g, '');
      if (k.n.indexOf(v) >= 0 || k.c.indexOf(v) >= 0 || k.py.indexOf(v) >= 0 || flat.indexOf(v) >= 0) exact.push(k);
      else if (within(v, k.n) || within(v, k.c + k.n) || within(v, flat)) loose.push(k);
    }
    return exact.length ? exact : loose;
  }
  function item(k) {
    var when = k.el.querySelector('.when'), t = when ? (when.textContent || '') : '';
    return '<li><a href="#' + esc(k.id) + '"><span class="who">' + esc(k.label) + '</span> <span class="nowrap">' + esc(t) + '</span></a></li>';
  }
  function show(v, all) {
    if (!v) { out.innerHTML = ''; return; }
    var r = find(v);
    if (!r.length) { out.innerHTML = '<p class="hint">' + esc(L('none')) + '</p>'; return; }
    if (r.length === 1) {
      var copy = r[0].el.cloneNode(true);
      copy.removeAttribute('id');
      out.innerHTML = '';
      out.appendChild(copy);
      return;
    }
    var n = all ? r.length : Math.min(r.length, LIMIT), h = '<p class="count">' + esc(L('count').replace('{n}', r.length)) + '</p><ul class="results">';
    for (var i = 0; i < n; i++) h += item(r[i]);
    h += '</ul>';
    if (n < r.length) h += '<button type="button" class="btn more">' + esc(L('more').replace('{n}', r.length - n)) + '</button>';
    out.innerHTML = h;
    var more = out.querySelector('button.more');
    if (more) more.onclick = function () { show(v, true); var a = out.querySelectorAll('a')[n]; if (a) a.focus(); };
  }
  function norm(s) { return low(s).replace(/\s+/g, ''); }
  function setHash(h, push) {
    if (!window.history || !history.replaceState) { if (push) location.hash = h; return; }
    var url = location.href.split('#')[0] + (h ? '#' + h : '');
    if (push) history.pushState(null, '', url); else history.replaceState(null, '', url);
  }
  var typing = null;
  q.oninput = function () {
    var v = norm(q.value);
    show(v, false);
    sel.value = '';
    // One history entry per search, updated as the student types.
    if (typing === null) setHash(v ? 'q=' + encodeURIComponent(q.value) : '', true);
    else setHash(v ? 'q=' + encodeURIComponent(q.value) : '', false);
    typing = v ? 1 : null;
  };
  sel.onchange = function () {
    typing = null;
    if (sel.value) location.hash = sel.value;
  };
  // The address says what is shown: a card's link, a search, or nothing.
  function fromHash() {
    var a = '';
    try { a = decodeURIComponent(location.hash.slice(1)); } catch (e) { return; }
    typing = null;
    if (a.indexOf('q=') === 0) {
      q.value = a.slice(2);
      sel.value = '';
      show(norm(q.value), false);
    } else {
      sel.value = document.getElementById(a) ? a : '';
      if (sel.value) { q.value = ''; out.innerHTML = ''; }
    }
  }
  window.onhashchange = fromHash;
  window.onpopstate = fromHash;
  fromHash();
  if (cards.length) q.placeholder = (q.getAttribute('data-eg') || '') + (cards[0].el.getAttribute('data-n') || '');
})();
