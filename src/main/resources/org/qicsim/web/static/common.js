// Shared helpers of the workshop pages. Text only ever enters the page through textContent.
'use strict';

const Q = {
  async api(method, path, body, token) {
    const headers = {};
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    if (token) headers['X-Qicsim-Token'] = token;
    const response = await fetch(path, {
      method, headers, body: body === undefined ? undefined : JSON.stringify(body),
      credentials: 'same-origin', cache: 'no-store'
    });
    let data = null;
    const type = response.headers.get('Content-Type') || '';
    if (type.startsWith('application/json')) data = await response.json();
    if (!response.ok) {
      const error = new Error((data && data.error) || ('HTTP ' + response.status));
      error.status = response.status;
      error.problems = (data && data.problems) || [];
      throw error;
    }
    return data;
  },

  el(tag, text, cls) {
    const e = document.createElement(tag);
    if (text !== undefined && text !== null) e.textContent = String(text);
    if (cls) e.className = cls;
    return e;
  },

  clear(node) {
    while (node.firstChild) node.removeChild(node.firstChild);
  },

  showError(node, error) {
    Q.clear(node);
    if (!error) return;
    node.appendChild(Q.el('p', error.message, 'error'));
    if (error.problems && error.problems.length) {
      const list = Q.el('ul', null, 'problems');
      for (const p of error.problems) list.appendChild(Q.el('li', p.text));
      node.appendChild(list);
    }
  },

  money(v) {
    if (v === null || v === undefined) return '–';
    return Math.round(v).toLocaleString('en-GB');
  },

  num(v, digits) {
    if (v === null || v === undefined) return '–';
    return Number(v).toFixed(digits === undefined ? 1 : digits);
  },

  ci(e, digits, money) {
    if (!e || e.mean === null || e.mean === undefined) return '–';
    const f = money ? Q.money : (x) => Q.num(x, digits);
    if (e.ciLow === null || e.ciLow === undefined) return f(e.mean);
    return f(e.mean) + ' [' + f(e.ciLow) + ', ' + f(e.ciHigh) + ']';
  },

  table(node, headers, rows) {
    Q.clear(node);
    const table = Q.el('table');
    const head = Q.el('tr');
    for (const h of headers) head.appendChild(Q.el('th', h));
    table.appendChild(head);
    for (const r of rows) {
      const tr = Q.el('tr');
      if (r.cls) tr.className = r.cls;
      for (const c of r.cells) tr.appendChild(Q.el('td', c));
      table.appendChild(tr);
    }
    node.appendChild(table);
  },

  // The live league: everyone's design against no collaborative, most events averted first.
  league(node, state) {
    const rows = (state.league || []).map((r, i) => ({
      cls: r.you ? 'you' : '',
      cells: [i + 1, r.name, r.status + (r.status === 'running' || r.status === 'queued'
        ? ' (' + r.runsDone + '/' + state.round.replicates + ')' : ''),
        Q.ci(r.eventsAverted, 1), Q.ci(r.relativeEffect, 3), Q.money(r.costTotal && r.costTotal.mean),
        Q.money(r.plannedCost)]
    }));
    Q.table(node, ['#', 'participant', 'status', 'events averted [95% CI]', 'relative effect',
      'simulated cost', 'planned cost'], rows);
  },

  // Trajectories: monthly adverse-event rate of each design and of no collaborative.
  chart: null,
  trajectories(canvas, state) {
    if (typeof Chart === 'undefined' || !state.round) return;
    const base = state.noCollaborative || [];
    const datasets = [];
    if (base.length) {
      datasets.push({ label: 'no collaborative', data: base, borderColor: '#000', borderWidth: 3,
        pointRadius: 0, borderDash: [6, 4] });
    }
    const palette = ['#1b9e77', '#d95f02', '#7570b3', '#e7298a', '#66a61e', '#e6ab02', '#a6761d', '#666666'];
    (state.league || []).forEach((r, i) => {
      if (r.trajectory && r.trajectory.length) {
        datasets.push({ label: r.name, data: r.trajectory, borderColor: palette[i % palette.length],
          borderWidth: r.you ? 3 : 1.5, pointRadius: 0 });
      }
    });
    const months = Math.max(base.length, ...datasets.map((d) => d.data.length), 0);
    const labels = Array.from({ length: months }, (_, t) => t);
    if (!Q.chart) {
      Q.chart = new Chart(canvas, {
        type: 'line', data: { labels, datasets },
        options: { animation: false, responsive: true, maintainAspectRatio: false,
          scales: { x: { title: { display: true, text: 'month' } },
            y: { title: { display: true, text: 'adverse-event rate' } } } }
      });
    } else {
      Q.chart.data.labels = labels;
      Q.chart.data.datasets = datasets;
      Q.chart.update();
    }
  },

  debrief(node, debrief) {
    Q.clear(node);
    if (!debrief) return;
    node.appendChild(Q.el('p', debrief.label, 'label'));
    const rows = debrief.rows.map((r) => ({
      cls: r.best ? 'best' : '',
      cells: [r.name, Q.ci(r.eventsAverted, 1), Q.ci(r.costTotal, 0, true),
        r.costPerEventAverted ? Q.ci({ mean: r.costPerEventAverted.ratio, ciLow: r.costPerEventAverted.ciLow,
          ciHigh: r.costPerEventAverted.ciHigh }, 0, true) : 'dominated (no events averted)',
        Q.ci(r.netSavings, 0, true),
        r.best ? 'best' : Q.ci(r.eventsAvertedVsBest, 1), r.best ? '' : Q.ci(r.costTotalVsBest, 0, true)]
    }));
    const holder = Q.el('div');
    Q.table(holder, ['design', 'events averted [95% CI]', 'simulated cost', 'cost per event averted',
      'net savings', 'events averted − best (paired)', 'cost − best (paired)'], rows);
    node.appendChild(holder);
    node.appendChild(Q.el('p', debrief.replicates + ' replicates per design, common random numbers; '
      + (debrief.paired ? 'differences paired replicate by replicate.' : 'UNPAIRED.'), 'note'));
  },

  async download(room, token, link) {
    const response = await fetch('/api/rooms/' + room + '/results.zip',
      { headers: { 'X-Qicsim-Token': token }, cache: 'no-store' });
    if (!response.ok) throw new Error('the results are not ready');
    const blob = await response.blob();
    const url = URL.createObjectURL(blob);
    link.href = url;
    link.download = 'qicsim-workshop-' + room.toLowerCase() + '.zip';
    link.click();
  },

  room() {
    const room = new URLSearchParams(location.search).get('room') || '';
    return /^[A-HJ-NP-Z2-9]{8}$/.test(room) ? room : '';
  }
};
