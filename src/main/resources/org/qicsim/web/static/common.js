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

  // The debrief of a round, design or site mode alike: cost-effectiveness of the designs played
  // and the five-feature attribution. Renders into the fixed elements of the page's debrief body
  // (prefix '': #cea, #ceac, #attribution-*; prefix 'site-': #site-cea, …, built by buildDebriefBody);
  // the design selector (facilitator only) is kept across polls.
  palette: ['#1b9e77', '#d95f02', '#7570b3', '#e7298a', '#66a61e', '#e6ab02', '#a6761d', '#666666'],
  charts: {},
  debrief(node, debrief, prefix) {
    const p = prefix || '';
    const $ = (id) => document.getElementById(p + id);
    Q.clear(node);
    if (!debrief) return;
    $('debrief-body').classList.remove('hidden');
    const runs = debrief.replicates === 1
      ? 'One run per design (replicate 1 of the room\'s seed, the same world and random numbers for each): '
        + 'the numbers are that one run\'s, not a mean with an interval, and P(cost-effective) is 0 or 1'
      : debrief.replicates + ' replicates per design under common random numbers ('
        + (debrief.paired ? 'paired' : 'UNPAIRED') + ')';
    node.appendChild(Q.el('p', runs + '; ' + debrief.perspective + ' perspective, costs and events '
      + 'averted discounted; willingness to pay ' + Q.money(debrief.wtp) + ' per event averted.', 'note'));
    Q.cea(debrief, p);
    Q.attribution(debrief, p);
  },

  cea(debrief, prefix) {
    const p = prefix || '';
    const rows = debrief.rows.map((r) => ({
      cls: r.best ? 'best' : '',
      cells: [r.name + (r.best ? ' (most events averted)' : ''), Q.ci(r.eventsAverted, 1),
        Q.ci(r.incrementalCost, 0, true), Q.ci(r.eventsAvertedDiscounted, 1),
        r.icer ? (r.icer.ciLow === null ? Q.money(r.icer.mean) + (debrief.replicates === 1 ? '' : ' [unbounded]')
          : Q.ci(r.icer, 0, true)) : (r.quadrant || '–'), Q.ci(r.nmb, 0, true),
        Q.num(r.probabilityCostEffective, 2)]
    }));
    const one = debrief.replicates === 1;
    Q.table(document.getElementById(p + 'cea'), ['design', one ? 'events averted' : 'events averted [95% CI]',
      'incremental cost', 'events averted (discounted)', one ? 'ICER or quadrant' : 'ICER [95% CI] or quadrant',
      'NMB at WTP', 'P(cost-effective at WTP)'], rows);
    if (typeof Chart === 'undefined') return;
    const datasets = debrief.rows.map((r, i) => ({
      label: r.name, data: r.ceacWtp.map((w, j) => ({ x: w, y: r.ceac[j] })),
      borderColor: Q.palette[i % Q.palette.length], pointRadius: 0, borderWidth: 2
    }));
    const canvas = document.getElementById(p + 'ceac');
    const key = p + 'ceac';
    if (!Q.charts[key]) {
      Q.charts[key] = new Chart(canvas, {
        type: 'line', data: { datasets },
        options: { animation: false, responsive: true, maintainAspectRatio: false,
          plugins: { title: { display: true, text: 'Cost-effectiveness acceptability curves' } },
          scales: { x: { type: 'linear', title: { display: true, text: 'willingness to pay per event averted' } },
            y: { min: 0, max: 1, title: { display: true, text: 'probability cost-effective' } } } }
      });
    } else {
      Q.charts[key].data.datasets = datasets;
      Q.charts[key].update();
    }
  },

  attribution(debrief, prefix) {
    const p = prefix || '';
    const $ = (id) => document.getElementById(p + id);
    const list = debrief.attributions || [];
    const select = $('attribution-design');
    let shown = list.length ? list[list.length - 1] : null;
    if (select) {
      const designs = debrief.attributable || [];
      const best = new Set(debrief.rows.filter((r) => r.best).map((r) => r.design));
      const key = designs.map((d) => d.design).join(',');
      if (select.dataset.key !== key) {
        Q.clear(select);
        for (const d of designs) {
          const o = Q.el('option', d.name + (best.has(d.design) && designs.length > 1 ? ' (best)' : ''));
          o.value = d.design;
          select.appendChild(o);
        }
        select.dataset.key = key;
        if (shown) select.value = String(shown.design);
      }
      const replicates = $('attribution-replicates');
      if (replicates) {
        replicates.parentElement.classList.toggle('hidden', !debrief.attributionReplicatesChosen);
        // The default once: the facilitator's own entry is never overwritten by a poll.
        if (!replicates.dataset.filled) {
          replicates.value = debrief.attributionReplicates;
          replicates.dataset.filled = 'true';
        }
      }
      const chosen = list.filter((a) => String(a.design) === select.value);
      if (chosen.length) shown = chosen[chosen.length - 1];
      const button = $('attribute');
      button.disabled = list.some((a) => a.status === 'queued' || a.status === 'planning' || a.status === 'running')
        || (chosen.length > 0 && chosen[chosen.length - 1].status !== 'failed');
    }
    const status = $('attribution-status');
    if (!shown) {
      status.textContent = 'No attribution yet.';
      return;
    }
    const seconds = shown.seconds === null ? '' : ' (' + Math.round(shown.seconds) + ' s)';
    if (shown.status === 'failed') {
      status.textContent = 'Attribution of ' + shown.name + "'s design failed: " + shown.failure;
      return;
    }
    const whose = shown.name.startsWith('the ') ? shown.name : shown.name + "'s design";
    if (shown.status !== 'done') {
      status.textContent = 'Attribution of ' + whose + ': ' + shown.status + ', '
        + shown.runsDone + ' of ' + shown.runsTotal + ' runs' + seconds + '…';
      return;
    }
    const metric = $('attribution-metric').value;
    const m = shown.result.metrics[metric];
    const money = metric === 'costTotal' || metric === 'netMonetaryBenefit';
    const digits = metric === 'finalRate' ? 4 : 1;
    const fmt = (e) => Q.ci(e, digits, money);
    status.textContent = 'Attribution of ' + whose + ': ' + shown.result.designs + ' designs × '
      + shown.replicates + ' replicates, ' + shown.runsTotal + ' runs' + seconds + '; in the results zip as '
      + shown.folder + '/.';
    const rows = m.features.map((f) => ({
      cells: [f.name, fmt(f.shapley), f.share === null ? '–' : Q.num(100 * f.share, 0) + '%', fmt(f.main)]
    }));
    rows.push({ cls: 'total', cells: ['total: all on − all off', Q.ci({ mean: m.total }, digits, money),
      m.total === null ? '–' : '100%', 'all on ' + fmt(m.allOn) + '; all off ' + fmt(m.allOff)] });
    rows.push({ cells: ['interaction share (variance not carried by main effects)', Q.ci(m.interactionShare, 3),
      '', ''] });
    Q.table($('attribution-table'), ['feature', 'Shapley value [95% CI]', 'share of total',
      'main effect [95% CI]'], rows);
    if (typeof Chart === 'undefined') return;
    const labels = m.features.map((f) => f.name);
    const datasets = [
      // order: the interval (lower order) is drawn over the bar.
      { label: 'Shapley value', data: m.features.map((f) => f.shapley.mean), backgroundColor: '#9ecae1',
        grouped: false, barPercentage: 0.7, order: 2 },
      { label: '95% bootstrap CI', data: m.features.map((f) => [f.shapley.ciLow, f.shapley.ciHigh]),
        backgroundColor: '#08306b', grouped: false, barPercentage: 0.12, order: 1 }
    ];
    const title = 'Shapley value of each feature: ' + $('attribution-metric').selectedOptions[0].textContent;
    const key = p + 'attribution';
    if (!Q.charts[key]) {
      Q.charts[key] = new Chart($('attribution-chart'), {
        type: 'bar', data: { labels, datasets },
        options: { indexAxis: 'y', animation: false, responsive: true, maintainAspectRatio: false,
          plugins: { title: { display: true, text: title } } }
      });
    } else {
      Q.charts[key].data.labels = labels;
      Q.charts[key].data.datasets = datasets;
      Q.charts[key].options.plugins.title.text = title;
      Q.charts[key].update();
    }
  },

  // The facilitator's "Compute attribution" of a debrief body: posts the chosen design (and, for a
  // site round, the replicates) to route ('debrief' or 'site-debrief'); errors go to errorNode.
  wireAttribution(prefix, route, room, token, refresh, errorNode) {
    const $ = (id) => document.getElementById(prefix + id);
    $('attribute').addEventListener('click', async () => {
      Q.showError(errorNode, null);
      const body = { design: parseInt($('attribution-design').value, 10) };
      const replicates = $('attribution-replicates');
      if (replicates && !replicates.parentElement.classList.contains('hidden')) {
        body.replicates = parseInt(replicates.value, 10);
      }
      try {
        await Q.api('POST', '/api/rooms/' + room() + '/' + route, body, token());
        refresh();
      } catch (e) {
        Q.showError(errorNode, e);
      }
    });
    $('attribution-design').addEventListener('change', () => refresh().catch(() => {}));
    $('attribution-metric').addEventListener('change', () => refresh().catch(() => {}));
  },

  // file: 'results.zip' (the design round's) or 'site-results.zip' (the site round's).
  async download(room, token, link, file) {
    const name = file || 'results.zip';
    const response = await fetch('/api/rooms/' + room + '/' + name,
      { headers: { 'X-Qicsim-Token': token }, cache: 'no-store' });
    if (!response.ok) throw new Error('the results are not ready');
    const blob = await response.blob();
    const url = URL.createObjectURL(blob);
    link.href = url;
    link.download = 'qicsim-workshop-' + room.toLowerCase() + (name === 'results.zip' ? '' : '-site') + '.zip';
    link.click();
  },

  room() {
    const room = new URLSearchParams(location.search).get('room') || '';
    return /^[A-HJ-NP-Z2-9]{8}$/.test(room) ? room : '';
  }
};

// Both pages show a debrief per round kind (design round: #debrief-body; site round:
// #site-debrief-body, data-prefix "site-"); each is built here by one function so the pages and
// the two kinds cannot drift apart. The facilitator's copy adds the design picker (and, for a site
// round, the replicates) and the button that starts an attribution.
(function buildDebriefBodies() {
  for (const body of document.querySelectorAll('.debrief-body')) buildDebriefBody(body);

  function buildDebriefBody(body) {
    const facilitator = body.dataset.facilitator === 'true';
    const p = body.dataset.prefix || '';
    const site = p === 'site-';
    const chart = (id) => {
      const box = Q.el('div', null, 'chart');
      const canvas = document.createElement('canvas');
      canvas.id = p + id;
      box.appendChild(canvas);
      return box;
    };
    const withId = (node, id) => { node.id = p + id; return node; };
    body.appendChild(Q.el('h3', site ? 'Cost-effectiveness of the round as played and of the model alone, '
      + 'against no collaborative' : 'Cost-effectiveness of the designs played, against no collaborative'));
    body.appendChild(withId(Q.el('div'), 'cea'));
    body.appendChild(chart('ceac'));
    body.appendChild(Q.el('h3', 'Which feature did it? The five-feature attribution'));
    body.appendChild(Q.el('p', 'Every on/off combination of the five features of high-performing collaboratives '
      + '(32 designs) runs under the round\'s seed and replicates; each feature\'s Shapley value is what it adds on '
      + 'average over the orders in which the features could be switched on; the shares sum to the total '
      + '(all on \u2212 all off).', 'note'));
    if (site) {
      body.appendChild(Q.el('p', 'In a site round the attribution is of the room\'s design, the collaborative every '
        + 'hospital played in, with every hospital following the model (the participants\' answers cannot be '
        + 'switched on and off like features); its replicate 1 is the model-only run above.', 'note'));
    }
    const controls = withId(Q.el('p'), 'attribution-controls');
    const labelled = (text, control) => {
      const label = Q.el('label', text + ' ');
      label.appendChild(control);
      return label;
    };
    if (facilitator) {
      controls.appendChild(labelled('Design', withId(document.createElement('select'), 'attribution-design')));
      controls.appendChild(document.createTextNode(' '));
      if (site) {
        const replicates = withId(document.createElement('input'), 'attribution-replicates');
        replicates.type = 'number';
        replicates.min = '1';
        replicates.max = '20';
        replicates.step = '1';
        const label = labelled('Replicates', replicates);
        label.classList.add('hidden');
        controls.appendChild(label);
        controls.appendChild(document.createTextNode(' '));
      }
      const button = withId(Q.el('button', 'Compute attribution'), 'attribute');
      button.type = 'button';
      controls.appendChild(button);
      controls.appendChild(document.createTextNode(' '));
    }
    const metric = withId(document.createElement('select'), 'attribution-metric');
    for (const [value, text] of [['eventsAverted', 'events averted'], ['netMonetaryBenefit', 'net monetary benefit'],
      ['costTotal', 'total cost'], ['finalRate', 'final adverse-event rate']]) {
      const option = Q.el('option', text);
      option.value = value;
      metric.appendChild(option);
    }
    controls.appendChild(labelled('Metric', metric));
    body.appendChild(controls);
    body.appendChild(withId(Q.el('p'), 'attribution-status'));
    body.appendChild(chart('attribution-chart'));
    body.appendChild(withId(Q.el('div'), 'attribution-table'));
  }
})();
