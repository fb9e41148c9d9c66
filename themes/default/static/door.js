/* tuxiang door display: on a room's page, what is on now and what comes next, updated every
   half minute. The whole day is listed below without script; this reads the times from it
   (each block's date in data-d, each class's minutes in .ctime). Plain ES5. */
(function () {
  var box = document.getElementById('door');
  if (!box || !document.querySelectorAll) return;
  function mins(t) { var m = /(\d{1,2}):(\d{2})/.exec(t); return m ? parseInt(m[1], 10) * 60 + parseInt(m[2], 10) : -1; }
  function pad(n) { return (n < 10 ? '0' : '') + n; }
  function esc(s) { return String(s).replace(/[&<>"]/g, function (c) { return { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' }[c]; }); }
  var items = [], rows = document.querySelectorAll('tr.block[data-d]');
  for (var i = 0; i < rows.length; i++) {
    var d = rows[i].getAttribute('data-d'), lis = rows[i].querySelectorAll('li'), col = rows[i].querySelector('.college');
    if (!lis.length) {
      var tm = rows[i].querySelector('.time span');
      var t = tm ? tm.textContent : '';
      items.push({ d: d, who: col ? col.textContent : '', t: t, s: mins(t), e: mins(t.split('–')[1] || '') });
    }
    for (var j = 0; j < lis.length; j++) {
      var n = lis[j].querySelector('.cname'), ct = lis[j].querySelector('.ctime'), tt = ct ? ct.textContent : '';
      items.push({ d: d, who: n ? n.textContent : '', t: tt, s: mins(tt), e: mins(tt.split('–')[1] || '') });
    }
  }
  function tick() {
    var now = new Date(), today = now.getFullYear() + '-' + pad(now.getMonth() + 1) + '-' + pad(now.getDate());
    var m = now.getHours() * 60 + now.getMinutes(), cur = [], next = null;
    for (var i = 0; i < items.length; i++) {
      var it = items[i];
      if (it.d !== today) continue;
      if (it.s <= m && m < it.e) cur.push(it);
      else if (it.s > m && (!next || it.s < next.s)) next = it;
    }
    var h = '';
    if (cur.length) { h += '<p class="door-label">' + esc(box.getAttribute('data-l-now')) + '</p>'; for (var k = 0; k < cur.length; k++) h += '<p class="door-now">' + esc(cur[k].who) + ' <span class="nowrap">' + esc(cur[k].t) + '</span></p>'; }
    if (next) h += '<p class="door-label">' + esc(box.getAttribute('data-l-next')) + '</p><p class="door-next">' + esc(next.who) + ' <span class="nowrap">' + esc(next.t) + '</span></p>';
    if (!h) { var any = false; for (var x = 0; x < items.length; x++) if (items[x].d === today) any = true; if (any) h = '<p class="door-label">' + esc(box.getAttribute('data-l-done')) + '</p>'; }
    box.innerHTML = h;
    box.hidden = !h;
  }
  tick();
  setInterval(tick, 30000);
})();
