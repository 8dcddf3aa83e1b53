// Stormglass run explorer: one zoomable time axis (seconds of simulated time) shared by the event
// lanes (drawn here on a canvas) and the metric lanes (uPlot charts). Data: the inlined JSON.
(function () {
  'use strict';
  const D = JSON.parse(document.getElementById('explorer-data').textContent);
  const DUR = Math.max(D.run.durationS, 1e-6);
  const MEMBERS = D.run.members;
  const COLORS = ['#1f77b4', '#ff7f0e', '#2ca02c', '#d62728', '#9467bd', '#8c564b', '#e377c2', '#7f7f7f', '#bcbd22', '#17becf'];
  const ROLE_COLORS = { leader: '#1f4e9c', candidate: '#f28e2b', pre_candidate: '#f6c85f', follower: '#d9d9d9', down: '#c0392b' };
  const LANES = [
    ['fsync', 'WAL fdatasync latency (per window)'], ['disk-util', 'disk utilisation'], ['disk-queue', 'disk queue depth'],
    ['client', 'client latency'], ['errors', 'client errors (per window)'], ['heartbeats', 'late heartbeats (per window)']];
  const GUTTER = 110;
  const MIN_SPAN = 0.002;
  const view = { t0: 0, t1: DUR };
  let selected = -1;
  let chosenRequest = -1;
  let charts = [];
  let plotLeft = GUTTER;
  let plotW = 600;
  let rows = [];
  let pending = false;
  const started = performance.now();
  const api = { ready: false, firstPaintMs: null };
  window.stormglassExplorer = api;

  // ---------- formatting ----------
  function fmtT(s) {
    if (s == null || !isFinite(s)) return '';
    const ms = Math.round(s * 1000);
    const h = Math.floor(ms / 3600000), m = Math.floor(ms / 60000) % 60, sec = Math.floor(ms / 1000) % 60;
    return h + ':' + String(m).padStart(2, '0') + ':' + String(sec).padStart(2, '0') + '.' + String(ms % 1000).padStart(3, '0');
  }
  function fmtAxis(s) {
    const span = view.t1 - view.t0;
    const t = fmtT(s);
    return span > 600 ? t.slice(0, -4) : t;
  }
  function fmtDur(s) {
    if (s >= 1) return s.toFixed(2) + ' s';
    if (s >= 0.001) return (s * 1000).toFixed(1) + ' ms';
    return Math.round(s * 1e6) + ' µs';
  }
  function fmtUnit(v, unit) {
    if (v == null) return '–';
    if (unit === 's') return fmtDur(v);
    if (unit === 'ratio') return Math.round(v * 100) + ' %';
    return Math.abs(v) >= 100 ? String(Math.round(v)) : String(Math.round(v * 100) / 100);
  }
  function member(m) { return 'n' + m; }

  // ---------- view ----------
  function setView(a, b) {
    let t0 = Math.min(a, b), t1 = Math.max(a, b);
    if (t1 - t0 < MIN_SPAN) { const c = (t0 + t1) / 2; t0 = c - MIN_SPAN / 2; t1 = c + MIN_SPAN / 2; }
    const span = Math.min(t1 - t0, DUR);
    if (t0 < 0) { t0 = 0; t1 = span; }
    if (t1 > DUR) { t1 = DUR; t0 = DUR - span; }
    view.t0 = t0; view.t1 = t1;
    schedule();
  }
  function schedule() {
    if (pending) return;
    pending = true;
    requestAnimationFrame(() => { pending = false; render(); });
  }
  function tToX(t) { return plotLeft + (t - view.t0) / (view.t1 - view.t0) * plotW; }
  function xToT(x) { return view.t0 + (x - plotLeft) / plotW * (view.t1 - view.t0); }
  function zoomAround(t, factor) { setView(t - (t - view.t0) * factor, t + (view.t1 - t) * factor); }
  function pan(fraction) { const d = (view.t1 - view.t0) * fraction; setView(view.t0 + d, view.t1 + d); }
  function changeWindow(i) {
    const c = D.leaderChanges[i];
    const e = Math.max(D.run.electionS, 0.05);
    return [c.t - Math.max(3, 3 * e), c.t + Math.max(1.5, 1.5 * e)];
  }
  function zoomToChange(i) { if (D.leaderChanges[i]) { const w = changeWindow(i); setView(w[0], w[1]); } }

  // ---------- metric lanes (uPlot) ----------
  function level() {
    const span = view.t1 - view.t0;
    for (const l of D.levels) if (span / l.w <= plotW) return l;
    return D.levels[D.levels.length - 1];
  }
  // a window's value holds from its start to its end
  const stepped = uPlot.paths.stepped({ align: 1 });
  function buildCharts() {
    const host = document.getElementById('charts');
    const width = host.clientWidth || 800;
    let colour = 0;
    for (const [lane, title] of LANES) {
      const list = D.series.filter(s => s.lane === lane);
      if (!list.length) continue;
      const unit = list[0].unit;
      const el = document.createElement('div');
      host.appendChild(el);
      const opts = {
        title: title, width: width, height: 130, padding: [4, 12, 0, 0],
        scales: { x: { time: false, auto: false }, y: { auto: true, range: (u, min, max) => [0, max > 0 ? max * 1.08 : 1] } },
        axes: [{ size: 26, space: 90, values: (u, ts) => ts.map(fmtAxis) },
               { size: GUTTER, values: (u, ts) => ts.map(v => fmtUnit(v, unit)) }],
        series: [{ label: 'time', value: (u, v) => fmtT(v) }].concat(list.map(s => ({
          label: s.label, stroke: COLORS[colour++ % COLORS.length], width: 1.25, points: { show: false }, paths: stepped,
          value: (u, v) => fmtUnit(v, s.unit) }))),
        cursor: { sync: { key: 'stormglass' }, drag: { x: true, y: false, setScale: false } },
        hooks: { setSelect: [u => {
          if (u.select.width > 3) {
            const a = u.posToVal(u.select.left, 'x'), b = u.posToVal(u.select.left + u.select.width, 'x');
            u.setSelect({ left: 0, width: 0, top: 0, height: 0 }, false);
            setView(a, b);
          }
        }] },
      };
      const u = new uPlot(opts, [[0, 1]].concat(list.map(() => [null, null])), el);
      charts.push({ u: u, ids: list.map(s => s.id) });
    }
  }
  function updateCharts() {
    const l = level();
    const i0 = Math.max(0, Math.floor(view.t0 / l.w) - 1);
    const i1 = Math.min(l.n, Math.ceil(view.t1 / l.w) + 1);
    const xs = [];
    for (let i = i0; i <= i1; i++) xs.push(Math.min(i * l.w, DUR));
    for (const c of charts) {
      // the last window's value is repeated at its end so that its step is drawn to the end
      const data = [xs].concat(c.ids.map(id => { const v = l.v[id].slice(i0, i1); v.push(v.length ? v[v.length - 1] : null); return v; }));
      c.u.setData(data, false);
      c.u.setScale('x', { min: view.t0, max: view.t1 });
    }
  }
  function measurePlot(canvas) {
    if (!charts.length) { plotLeft = GUTTER; plotW = Math.max(100, canvas.clientWidth - GUTTER - 12); return; }
    const over = charts[0].u.over.getBoundingClientRect();
    plotLeft = over.left - canvas.getBoundingClientRect().left;
    plotW = over.width;
  }

  // ---------- event lanes (canvas) ----------
  function buildRows() {
    rows = [];
    MEMBERS.forEach(m => rows.push({ key: 'role', m: m, label: member(m) + ' role', h: 16 }));
    rows.push({ key: 'lc', label: 'leader changes', h: 20 });
    rows.push({ key: 'elections', label: 'elections · votes', h: 18 });
    rows.push({ key: 'marks', label: 'faults · bursts', h: 18 });
    rows.push({ key: 'warnings', label: 'etcd warnings', h: 16 });
    MEMBERS.forEach(m => rows.push({ key: 'hb', m: m, label: member(m) + ' heartbeats', h: 12 }));
    MEMBERS.forEach(m => rows.push({ key: 'fs', m: m, label: member(m) + ' fdatasync', h: 14 }));
    MEMBERS.forEach(m => rows.push({ key: 'commit', m: m, label: member(m) + ' backend', h: 10 }));
    rows.push({ key: 'req', label: 'requests (sampled)', h: 36 });
    let y = 22;
    for (const r of rows) { r.y = y; y += r.h + 3; }
    return y + 4;
  }
  function rowOf(key, m) { return rows.find(r => r.key === key && (m === undefined || r.m === m)); }
  function visible(a, b) { return b >= view.t0 && a <= view.t1; }
  function span(ctx, row, a, b, colour, inset) {
    if (!row || !visible(a, b)) return;
    const x0 = Math.max(plotLeft, tToX(a)), x1 = Math.min(plotLeft + plotW, tToX(b));
    ctx.fillStyle = colour;
    ctx.fillRect(x0, row.y + (inset || 0), Math.max(1, x1 - x0), row.h - 2 * (inset || 0));
  }
  function tick(ctx, row, t, colour, w) {
    if (!row || t < view.t0 || t > view.t1) return;
    ctx.fillStyle = colour;
    ctx.fillRect(Math.round(tToX(t)) - (w || 1) / 2, row.y, w || 1, row.h);
  }
  function drawEvents() {
    const canvas = document.getElementById('events');
    const height = buildRows();
    const dpr = window.devicePixelRatio || 1;
    canvas.style.height = height + 'px';
    canvas.width = Math.round(canvas.clientWidth * dpr);
    canvas.height = Math.round(height * dpr);
    measurePlot(canvas);
    const ctx = canvas.getContext('2d');
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    ctx.clearRect(0, 0, canvas.clientWidth, height);
    ctx.font = '11px system-ui, sans-serif';
    ctx.fillStyle = '#444';
    ctx.fillText('events — ' + fmtT(view.t0) + ' to ' + fmtT(view.t1) + ' (' + fmtDur(view.t1 - view.t0) + ')', plotLeft, 14);
    for (const r of rows) {
      ctx.fillStyle = '#f6f6f6';
      ctx.fillRect(plotLeft, r.y, plotW, r.h);
      ctx.fillStyle = '#333';
      ctx.fillText(r.label, 4, r.y + r.h - 3);
    }
    ctx.save();
    ctx.beginPath();
    ctx.rect(plotLeft, 0, plotW, height);
    ctx.clip();
    for (const [m, a, b, role, term] of D.roles) span(ctx, rowOf('role', m), a, b, ROLE_COLORS[role] || '#999');
    D.leaderChanges.forEach((c, i) => tick(ctx, rowOf('lc'), c.t, i === selected ? '#e67e00' : '#c0392b', 3));
    for (const [t, m, term, pre] of D.elections) tick(ctx, rowOf('elections'), t, pre ? '#f6c85f' : '#f28e2b', 2);
    for (const [t, cand, voter, term, pre, granted] of D.votes) {
      const r = rowOf('elections');
      if (t >= view.t0 && t <= view.t1) { ctx.fillStyle = granted ? '#2ca02c' : '#7f7f7f'; ctx.beginPath(); ctx.arc(tToX(t), r.y + r.h / 2, 3, 0, 7); ctx.fill(); }
    }
    for (const [a, b, fault, label] of D.marks) span(ctx, rowOf('marks'), a, b, fault ? 'rgba(192,57,43,0.45)' : 'rgba(148,103,189,0.45)', 2);
    for (const [t, m, msg] of D.warnings) tick(ctx, rowOf('warnings'), t, COLORS[(m - 1) % COLORS.length], 1);
    for (const [m, t] of D.heartbeats) tick(ctx, rowOf('hb', m), t, '#1f4e9c', 1);
    for (const [m, a, b] of D.fsyncs) span(ctx, rowOf('fs', m), a, b, b - a >= 1 ? '#c0392b' : b - a >= 0.1 ? '#e67e22' : '#5b8def', 1);
    for (const [m, a, b] of D.commits) span(ctx, rowOf('commit', m), a, b, '#8c564b', 1);
    drawRequests(ctx);
    drawLabels(ctx);
    if (selected >= 0) drawHighlight(ctx, height);
    ctx.restore();
  }
  // sampled requests: one line each from received to answered, in six sub-rows; the chosen one thicker
  function requestY(r, i) { return r.y + 3 + (i % 6) * 5.5; }
  function drawRequests(ctx) {
    const r = rowOf('req');
    D.requests.spans.forEach((q, i) => {
      const st = q[3], a = st[0][1], b = st[st.length - 1][1];
      if (!visible(a, b)) return;
      const slow = b - a >= 1;
      ctx.fillStyle = i === chosenRequest ? '#000' : slow ? '#c0392b' : q[2] ? '#17becf' : '#9467bd';
      const x0 = tToX(a), x1 = tToX(b);
      ctx.fillRect(x0, requestY(r, i), Math.max(2, x1 - x0), i === chosenRequest ? 4 : 2.5);
      if (x1 - x0 > 40) for (const [, t] of st) { ctx.fillRect(tToX(t), requestY(r, i) - 1, 1, 4.5); }
    });
  }
  function requestAt(x, y) {
    const r = rowOf('req');
    if (y < r.y || y > r.y + r.h) return -1;
    let best = -1, bestD = 5;
    D.requests.spans.forEach((q, i) => {
      const st = q[3], x0 = tToX(st[0][1]), x1 = Math.max(x0 + 2, tToX(st[st.length - 1][1]));
      const dy = Math.abs(requestY(r, i) + 1 - y), dx = x < x0 ? x0 - x : x > x1 ? x - x1 : 0;
      if (dx + dy < bestD) { bestD = dx + dy; best = i; }
    });
    return best;
  }
  function chooseRequest(i) {
    chosenRequest = i;
    const q = D.requests.spans[i], st = q[3], t0 = st[0][1];
    document.getElementById('request').hidden = false;
    document.getElementById('request-title').textContent = (q[2] ? 'put' : 'linearizable read') + ' #' + q[1] + ' received by '
      + member(q[0]) + ': ' + fmtDur(st[st.length - 1][1] - t0);
    const ol = document.getElementById('request-stages');
    ol.textContent = '';
    let prev = t0;
    for (const [k, t] of st) {
      const li = document.createElement('li');
      li.textContent = D.requests.stages[k] + ' at ' + fmtT(t) + ' (+' + fmtDur(t - prev) + ')';
      ol.appendChild(li);
      prev = t;
    }
    schedule();
  }
  function buildSlowestList() {
    const ol = document.getElementById('slowest');
    const order = D.requests.spans.map((q, i) => i).sort((a, b) => dur(b) - dur(a)).slice(0, 10);
    function dur(i) { const st = D.requests.spans[i][3]; return st[st.length - 1][1] - st[0][1]; }
    for (const i of order) {
      const q = D.requests.spans[i];
      const li = document.createElement('li');
      li.textContent = fmtDur(dur(i)) + ' · ' + (q[2] ? 'put' : 'read') + ' on ' + member(q[0]) + ' at ' + fmtT(q[3][0][1]);
      li.addEventListener('click', () => { const st = q[3]; const pad = Math.max(0.2, dur(i) * 0.3); setView(st[0][1] - pad, st[st.length - 1][1] + pad); chooseRequest(i); });
      ol.appendChild(li);
    }
    if (!order.length) ol.textContent = 'none sampled';
  }
  function drawLabels(ctx) {
    // names of bursts and faults where there is room for them
    ctx.fillStyle = '#222';
    const r = rowOf('marks');
    for (const [a, b, fault, label] of D.marks) {
      if (!visible(a, b)) continue;
      const x0 = Math.max(plotLeft, tToX(a)), x1 = Math.min(plotLeft + plotW, tToX(b));
      if (x1 - x0 > ctx.measureText(label).width + 6) ctx.fillText(label, x0 + 3, r.y + r.h - 5);
    }
  }
  function marker(ctx, t, colour, text, y) {
    if (t == null || t < view.t0 || t > view.t1) return;
    const x = tToX(t);
    ctx.strokeStyle = colour; ctx.lineWidth = 1.5; ctx.setLineDash([4, 3]);
    ctx.beginPath(); ctx.moveTo(x, 18); ctx.lineTo(x, y); ctx.stroke(); ctx.setLineDash([]);
    ctx.fillStyle = colour; ctx.fillText(text, x + 3, 18 + 11 * (marker.n++ % 3));
  }
  function drawHighlight(ctx, height) {
    const c = D.leaderChanges[selected];
    const h = c.highlight;
    marker.n = 0;
    if (h.fsync) {
      const [m, a, b] = h.fsync;
      ctx.fillStyle = 'rgba(231,76,60,0.12)';
      ctx.fillRect(tToX(a), 18, Math.max(2, tToX(b) - tToX(a)), height - 18);
      const r = rowOf('fs', m);
      ctx.strokeStyle = '#c0392b'; ctx.lineWidth = 2;
      ctx.strokeRect(tToX(a), r.y - 1, Math.max(2, tToX(b) - tToX(a)), r.h + 2);
      marker(ctx, a, '#c0392b', 'fdatasync ' + member(m) + ' begins', height);
    }
    marker(ctx, h.lastHeartbeat, '#1f4e9c', 'last heartbeat ' + member(c.from), height);
    if (h.timer) marker(ctx, h.timer[1], '#f28e2b', 'timer ' + member(h.timer[0]), height);
    marker(ctx, c.t, '#e67e00', 'leader ' + member(c.to), height);
    marker(ctx, h.firstHeartbeat, '#2ca02c', 'first heartbeat ' + member(c.to), height);
  }

  // ---------- overview (range box) ----------
  function drawOverview() {
    const canvas = document.getElementById('overview');
    const dpr = window.devicePixelRatio || 1;
    canvas.width = Math.round(canvas.clientWidth * dpr);
    canvas.height = Math.round(44 * dpr);
    const ctx = canvas.getContext('2d');
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    const w = canvas.clientWidth;
    const x = t => plotLeft + t / DUR * plotW;
    ctx.clearRect(0, 0, w, 44);
    ctx.fillStyle = '#fafafa'; ctx.fillRect(plotLeft, 4, plotW, 36);
    for (const [a, b, fault] of D.marks) { ctx.fillStyle = fault ? 'rgba(192,57,43,0.3)' : 'rgba(148,103,189,0.3)'; ctx.fillRect(x(a), 24, Math.max(1, x(b) - x(a)), 14); }
    ctx.fillStyle = '#c0392b';
    for (const c of D.leaderChanges) ctx.fillRect(x(c.t) - 1, 6, 2, 16);
    ctx.fillStyle = 'rgba(31,78,156,0.18)'; ctx.strokeStyle = '#1f4e9c';
    const bx = x(view.t0), bw = Math.max(3, x(view.t1) - bx);
    ctx.fillRect(bx, 2, bw, 40); ctx.strokeRect(bx, 2, bw, 40);
    ctx.fillStyle = '#333'; ctx.font = '11px system-ui, sans-serif';
    ctx.fillText('whole run ' + fmtT(0) + ' – ' + fmtT(DUR), 4, 16);
  }
  function overviewInput() {
    const canvas = document.getElementById('overview');
    let drag = null;
    const tAt = e => (e.clientX - canvas.getBoundingClientRect().left - plotLeft) / plotW * DUR;
    canvas.addEventListener('mousedown', e => {
      const t = tAt(e);
      drag = t >= view.t0 && t <= view.t1 ? { move: true, from: t, v0: view.t0, v1: view.t1 } : { move: false, from: t };
    });
    window.addEventListener('mousemove', e => {
      if (!drag) return;
      const t = tAt(e);
      if (drag.move) { const d = t - drag.from; setView(drag.v0 + d, drag.v1 + d); }
    });
    window.addEventListener('mouseup', e => {
      if (!drag) return;
      const t = tAt(e);
      if (!drag.move) {
        if (Math.abs(t - drag.from) / DUR * plotW > 3) setView(drag.from, t);
        else { const s = view.t1 - view.t0; setView(t - s / 2, t + s / 2); }
      }
      drag = null;
    });
  }

  // ---------- interaction ----------
  function eventsInput() {
    const canvas = document.getElementById('events');
    let drag = null;
    canvas.addEventListener('mousedown', e => { drag = { x: e.clientX, v0: view.t0, v1: view.t1, moved: false }; canvas.style.cursor = 'grabbing'; });
    window.addEventListener('mousemove', e => {
      if (!drag) return;
      const dx = e.clientX - drag.x;
      if (Math.abs(dx) > 3) drag.moved = true;
      if (drag.moved) { const dt = -dx / plotW * (drag.v1 - drag.v0); setView(drag.v0 + dt, drag.v1 + dt); }
    });
    window.addEventListener('mouseup', e => {
      if (!drag) return;
      const click = !drag.moved && e.target === canvas;
      drag = null; canvas.style.cursor = 'grab';
      if (click) clickAt(e);
    });
    document.getElementById('lanes-wrap').addEventListener('wheel', e => {
      e.preventDefault();
      const x = e.clientX - canvas.getBoundingClientRect().left;
      zoomAround(Math.min(view.t1, Math.max(view.t0, xToT(x))), Math.pow(1.0015, e.deltaY));
    }, { passive: false });
    window.addEventListener('keydown', e => {
      const mid = (view.t0 + view.t1) / 2;
      if (e.key === '+' || e.key === '=') zoomAround(mid, 0.5);
      else if (e.key === '-' || e.key === '_') zoomAround(mid, 2);
      else if (e.key === 'ArrowLeft') pan(-0.2);
      else if (e.key === 'ArrowRight') pan(0.2);
      else if (e.key === '0' || e.key === 'Home') setView(0, DUR);
      else if (e.key === 'n') zoomToChange(nextChange(1));
      else if (e.key === 'p') zoomToChange(nextChange(-1));
      else return;
      e.preventDefault();
    });
    window.addEventListener('resize', () => { for (const c of charts) c.u.setSize({ width: document.getElementById('charts').clientWidth, height: 130 }); schedule(); });
  }
  function nextChange(dir) {
    // from a wide view the next change is the first one in it; from a change's window, the one after it
    const wide = view.t1 - view.t0 > 60;
    const mid = wide ? (dir > 0 ? view.t0 : view.t1) : (view.t0 + view.t1) / 2;
    const list = D.leaderChanges;
    if (dir > 0) { for (let i = 0; i < list.length; i++) if (list[i].t > mid + 1e-6) return i; return list.length - 1; }
    for (let i = list.length - 1; i >= 0; i--) if (list[i].t < mid - 1e-6) return i;
    return 0;
  }
  function clickAt(e) {
    const canvas = document.getElementById('events');
    const box = canvas.getBoundingClientRect();
    const x = e.clientX - box.left, y = e.clientY - box.top;
    const q = requestAt(x, y);
    if (q >= 0) { chooseRequest(q); return; }
    const r = rowOf('lc');
    if (y < r.y - 4 || y > r.y + r.h + 4) return;
    let best = -1, bestD = 7;
    D.leaderChanges.forEach((c, i) => { const d = Math.abs(tToX(c.t) - x); if (d < bestD) { bestD = d; best = i; } });
    if (best >= 0) select(best);
  }
  function select(i) {
    selected = i;
    const c = D.leaderChanges[i];
    document.getElementById('story').hidden = false;
    document.getElementById('story-title').textContent = 'Leader change ' + (i + 1) + ': ' + c.title;
    const ol = document.getElementById('story-lines');
    ol.textContent = '';
    for (const line of c.story) { const li = document.createElement('li'); li.textContent = line; ol.appendChild(li); }
    document.querySelectorAll('#changes li').forEach((li, j) => li.classList.toggle('selected', j === i));
    schedule();
  }
  function buildChangeList() {
    const ol = document.getElementById('changes');
    D.leaderChanges.forEach((c, i) => {
      const li = document.createElement('li');
      li.textContent = c.title;
      li.addEventListener('click', () => { zoomToChange(i); select(i); });
      ol.appendChild(li);
    });
    if (!D.leaderChanges.length) ol.textContent = 'none in this run';
  }

  // ---------- render ----------
  function render() {
    drawEvents();
    updateCharts();
    drawOverview();
    document.getElementById('range-text').textContent = 'view ' + fmtT(view.t0) + ' – ' + fmtT(view.t1)
      + ' · metric windows of ' + fmtDur(level().w);
    if (api.firstPaintMs == null) { api.firstPaintMs = performance.now() - started; api.ready = true; }
  }

  document.getElementById('title').textContent = 'Stormglass explorer — ' + D.run.scenario + ', seed ' + D.run.seed
    + (D.run.fingerprint ? ', fingerprint ' + D.run.fingerprint : '');
  buildRows();
  buildCharts();
  buildChangeList();
  buildSlowestList();
  overviewInput();
  eventsInput();
  api.view = () => ({ t0: view.t0, t1: view.t1 });
  api.setView = setView;
  api.zoomToChange = zoomToChange;
  api.selected = () => selected;
  api.leaderChanges = () => D.leaderChanges.length;
  api.changeMarkerPoint = i => {
    const c = D.leaderChanges[i];
    if (!c || c.t < view.t0 || c.t > view.t1) return null;
    const box = document.getElementById('events').getBoundingClientRect();
    const r = rowOf('lc');
    return { x: box.left + tToX(c.t), y: box.top + r.y + r.h / 2 };
  };
  api.storyText = () => document.getElementById('story').hidden ? '' : document.getElementById('story').innerText;
  render();
})();
