(function () {
  'use strict';
  // Every value below comes from the embedded JSON and reaches the page only through textContent or an
  // attribute set by the DOM API: names and tags are user input and must never be parsed as HTML.
  var data = JSON.parse(document.getElementById('report-data').textContent);
  var S = data.strings, C = data.clusters;
  var READINESS = ['BLOCKED', 'INCOMPLETE', 'ACTIONS_REQUIRED', 'READY', 'NOT_APPLICABLE'];
  var SEVERITY = ['BLOCKER', 'ACTION', 'WARNING', 'INFO'];
  var state = { q: '', r: '', g: '', key: 'urgency', dir: 1, page: 0, size: 50, open: {} };
  var view = [];
  var tbody = document.getElementById('rows');
  var columns = document.querySelectorAll('#clusters thead th').length;

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) { e.className = cls; }
    if (text !== undefined && text !== null) { e.textContent = String(text); }
    return e;
  }
  function haystack(c) {
    if (c._h === undefined) {
      var parts = [c.n, c.id, c.s, c.g, c.l, c.v, c.p, c.grp || '', c.top];
      (c.t || []).forEach(function (t) { parts.push(t[0] + '=' + t[1]); });
      (c.f || []).forEach(function (f) { parts.push(f[1]); });
      (c.u || []).forEach(function (u) { parts.push(u[0]); });
      c._h = parts.join('\n').toLowerCase();
    }
    return c._h;
  }
  function matches(c) {
    if (state.r !== '' && READINESS[c.r] !== state.r) { return false; }
    if (state.g !== '' && c.grp !== state.g) { return false; }
    if (state.q !== '') {
      var h = haystack(c), terms = state.q.split(/\s+/);
      for (var i = 0; i < terms.length; i++) { if (terms[i] && h.indexOf(terms[i]) < 0) { return false; } }
    }
    return true;
  }
  var KEYS = {
    urgency: function (c) { return c.o; }, name: function (c) { return c.n.toLowerCase(); },
    readiness: function (c) { return c.r; }, group: function (c) { return (c.grp || '').toLowerCase(); },
    location: function (c) { return (c.l || '').toLowerCase(); }, version: function (c) { return c.vk; },
    blockers: function (c) { return c.nb; }, actions: function (c) { return c.na; },
    warnings: function (c) { return c.nw; }, waived: function (c) { return c.nv; }
  };
  function refresh() {
    view = [];
    for (var i = 0; i < C.length; i++) { if (matches(C[i])) { view.push(i); } }
    var key = KEYS[state.key], dir = state.dir;
    view.sort(function (a, b) {
      var x = key(C[a]), y = key(C[b]);
      if (x < y) { return -dir; }
      if (x > y) { return dir; }
      return C[a].o - C[b].o;
    });
    var pages = Math.max(1, Math.ceil(view.length / state.size));
    if (state.page >= pages) { state.page = pages - 1; }
    draw(false);
  }
  function draw(all) {
    while (tbody.firstChild) { tbody.removeChild(tbody.firstChild); }
    var from = all ? 0 : state.page * state.size;
    var to = all ? view.length : Math.min(view.length, from + state.size);
    var frag = document.createDocumentFragment();
    for (var i = from; i < to; i++) { row(frag, view[i]); }
    tbody.appendChild(frag);
    var shown = view.length === 0 ? 'No cluster matches the filter'
      : 'Showing ' + (from + 1) + '\u2013' + to + ' of ' + view.length + (view.length === C.length ? '' : ' (filtered from ' + C.length + ')');
    document.getElementById('count').textContent = shown;
    var pages = Math.max(1, Math.ceil(view.length / state.size));
    document.getElementById('page').textContent = 'Page ' + (state.page + 1) + ' of ' + pages;
    document.getElementById('prev').disabled = state.page === 0;
    document.getElementById('next').disabled = state.page >= pages - 1;
    var ths = document.querySelectorAll('#clusters thead th[data-key]');
    for (var j = 0; j < ths.length; j++) {
      var k = ths[j].getAttribute('data-key');
      if (k === state.key) { ths[j].setAttribute('aria-sort', state.dir === 1 ? 'ascending' : 'descending'); }
      else { ths[j].removeAttribute('aria-sort'); }
    }
  }
  function row(frag, i) {
    var c = C[i], open = !!state.open[i];
    var tr = el('tr', 'cluster');
    tr.setAttribute('data-index', String(i));
    var first = el('td');
    var button = el('button', 'toggle', open ? '\u25BE' : '\u25B8');
    button.setAttribute('aria-expanded', String(open));
    button.setAttribute('aria-label', 'Details of ' + c.n);
    button.addEventListener('click', function () { state.open[i] = !state.open[i]; draw(false); });
    first.appendChild(button);
    tr.appendChild(first);
    var name = el('td', 'name');
    name.appendChild(el('strong', null, c.n));
    name.appendChild(el('div', 'ids', c.g + ' \u00B7 ' + c.s));
    tr.appendChild(name);
    var r = el('td');
    r.appendChild(el('span', 'badge b-' + READINESS[c.r], READINESS[c.r]));
    tr.appendChild(r);
    if (data.groupColumn) { tr.appendChild(el('td', null, c.grp)); }
    tr.appendChild(el('td', null, c.l));
    tr.appendChild(el('td', null, c.v));
    tr.appendChild(el('td', 'num', c.nb));
    tr.appendChild(el('td', 'num', c.na));
    tr.appendChild(el('td', 'num', c.nw));
    tr.appendChild(el('td', 'num', c.nv));
    var top = el('td', 'top', c.top.length > 200 ? c.top.slice(0, 199) + '\u2026' : c.top);
    top.title = c.top;
    tr.appendChild(top);
    frag.appendChild(tr);
    if (open) { frag.appendChild(detail(c)); }
  }
  function link(url) {
    if (!/^https:\/\//.test(url)) { return el('span', null, url); }
    var a = el('a', null, 'reference');
    a.href = url;
    a.rel = 'noopener noreferrer';
    a.title = url;
    return a;
  }
  function detail(c) {
    var tr = el('tr', 'detail'), td = el('td');
    td.colSpan = columns;
    td.appendChild(el('div', 'ids', c.id));
    td.appendChild(el('div', 'ids', 'network plugin ' + c.p + (c.t && c.t.length ? ' \u00B7 tags ' + c.t.map(function (t) { return t[0] + '=' + t[1]; }).join(', ') : ' \u00B7 no tags')));
    var ul = el('ul');
    (c.f || []).forEach(function (f) {
      var li = el('li');
      li.appendChild(el('span', 's-' + SEVERITY[f[0]], SEVERITY[f[0]]));
      li.appendChild(document.createTextNode(' '));
      li.appendChild(el('code', null, f[1]));
      li.appendChild(document.createTextNode(': ' + f[2]));
      var fix = el('div', 'fix', 'Fix: ' + S[f[3]] + ' ');
      fix.appendChild(link(S[f[4]]));
      li.appendChild(fix);
      if (f[6]) { li.appendChild(el('div', 'waiver', f[6])); }
      ul.appendChild(li);
    });
    (c.u || []).forEach(function (u) {
      var li = el('li');
      li.appendChild(el('span', 's-' + SEVERITY[u[1]], 'NOT CHECKED'));
      li.appendChild(document.createTextNode(' '));
      li.appendChild(el('code', null, u[0]));
      li.appendChild(document.createTextNode(' (could be ' + SEVERITY[u[1]] + '): ' + u[2]));
      if (u[4]) { li.appendChild(el('div', 'waiver', u[4])); }
      ul.appendChild(li);
    });
    if (!ul.firstChild) { ul.appendChild(el('li', null, READINESS[c.r] === 'NOT_APPLICABLE' ? 'Not on kubenet: nothing to migrate.' : 'No findings.')); }
    td.appendChild(ul);
    tr.appendChild(td);
    return tr;
  }
  document.getElementById('filter').addEventListener('input', function (e) {
    state.q = e.target.value.trim().toLowerCase(); state.page = 0; refresh();
  });
  document.getElementById('readiness').addEventListener('change', function (e) {
    state.r = e.target.value; state.page = 0; refresh();
  });
  var groupSelect = document.getElementById('group');
  if (groupSelect) {
    (data.groups || []).forEach(function (g) { var o = el('option', null, g); o.value = g; groupSelect.appendChild(o); });
    groupSelect.addEventListener('change', function (e) { state.g = e.target.value; state.page = 0; refresh(); });
  }
  document.getElementById('size').addEventListener('change', function (e) {
    state.size = parseInt(e.target.value, 10); state.page = 0; refresh();
  });
  document.getElementById('prev').addEventListener('click', function () { if (state.page > 0) { state.page--; draw(false); } });
  document.getElementById('next').addEventListener('click', function () { state.page++; draw(false); });
  var heads = document.querySelectorAll('#clusters thead th[data-key] button');
  for (var h = 0; h < heads.length; h++) {
    heads[h].addEventListener('click', function (e) {
      var key = e.currentTarget.parentNode.getAttribute('data-key');
      if (state.key === key) { state.dir = -state.dir; } else { state.key = key; state.dir = 1; }
      state.page = 0; refresh();
    });
  }
  // Printing shows every row of the current filter (up to a bound that keeps the printout sane).
  window.addEventListener('beforeprint', function () { if (view.length <= 2000) { draw(true); } });
  window.addEventListener('afterprint', function () { draw(false); });
  document.getElementById('table-js').hidden = false;
  refresh();
})();
