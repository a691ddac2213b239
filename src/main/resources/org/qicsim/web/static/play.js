'use strict';
(function () {
  const $ = (id) => document.getElementById(id);
  const room = Q.room();
  let token = room ? sessionStorage.getItem('participant:' + room) : null;
  let levers = [];
  let priceTimer = null;

  function controlId(path) {
    return 'lever-' + path.replace(/\./g, '-');
  }

  function buildForm(list) {
    levers = list;
    const holder = $('levers');
    Q.clear(holder);
    const sections = new Map();
    for (const lever of list) {
      let fieldset = sections.get(lever.section);
      if (!fieldset) {
        fieldset = Q.el('fieldset');
        fieldset.appendChild(Q.el('legend', lever.section));
        sections.set(lever.section, fieldset);
        holder.appendChild(fieldset);
      }
      const row = Q.el('div', null, 'lever');
      const label = Q.el('label', lever.label);
      const id = controlId(lever.path);
      label.htmlFor = id;
      let input;
      if (lever.type === 'boolean') {
        input = Q.el('input');
        input.type = 'checkbox';
        input.checked = lever.value === true;
      } else if (lever.type === 'enum') {
        input = Q.el('select');
        for (const v of lever.values) {
          const option = Q.el('option', v);
          option.value = v;
          input.appendChild(option);
        }
        input.value = lever.value;
      } else {
        input = Q.el('input');
        input.type = 'number';
        if (lever.min !== null) input.min = lever.min;
        if (lever.max !== null) input.max = lever.max;
        input.step = lever.type === 'integer' ? '1' : 'any';
        input.value = lever.value === null ? '' : lever.value;
        if (lever.nullable) input.placeholder = 'none';
      }
      input.id = id;
      input.dataset.path = lever.path;
      input.addEventListener('change', schedulePrice);
      input.addEventListener('input', schedulePrice);
      const range = lever.type === 'enum' || lever.type === 'boolean' ? '' : ' ' + interval(lever);
      row.appendChild(label);
      row.appendChild(input);
      row.appendChild(Q.el('small', lever.doc + range));
      fieldset.appendChild(row);
    }
  }

  function interval(l) {
    const lo = l.min === null ? '' : (l.minOpen ? '(' : '[') + l.min;
    const hi = l.max === null ? '' : l.max + (l.maxOpen ? ')' : ']');
    if (lo && hi) return lo + ', ' + hi;
    if (lo) return (l.minOpen ? '> ' : '≥ ') + l.min;
    if (hi) return (l.maxOpen ? '< ' : '≤ ') + l.max;
    return '';
  }

  function values() {
    const out = {};
    for (const lever of levers) {
      const input = $(controlId(lever.path));
      if (lever.type === 'boolean') out[lever.path] = input.checked;
      else if (lever.type === 'enum') out[lever.path] = input.value;
      else if (input.value === '') out[lever.path] = lever.nullable ? null : lever.value;
      else out[lever.path] = Number(input.value);
    }
    return out;
  }

  function schedulePrice() {
    clearTimeout(priceTimer);
    priceTimer = setTimeout(price, 300);
  }

  async function price() {
    try {
      const p = await Q.api('POST', '/api/rooms/' + room + '/price', { levers: values() }, token);
      $('planned-cost').textContent = Q.money(p.plannedCost);
      $('budget').textContent = Q.money(p.budget);
      $('budget-verdict').textContent = p.withinBudget ? 'within budget' : 'OVER BUDGET';
      $('budget-verdict').className = 'budget' + (p.withinBudget ? '' : ' over');
      Q.showError($('design-problems'), null);
    } catch (e) {
      $('budget-verdict').textContent = '';
      Q.showError($('design-problems'), e);
    }
  }

  async function submit(event) {
    event.preventDefault();
    Q.showError($('design-problems'), null);
    try {
      await Q.api('POST', '/api/rooms/' + room + '/designs', { levers: values() }, token);
      $('submit-status').textContent = 'queued: your design runs on the server';
      refresh();
    } catch (e) {
      $('submit-status').textContent = '';
      Q.showError($('design-problems'), e);
    }
  }

  async function join(event) {
    event.preventDefault();
    Q.showError($('page-problems'), null);
    try {
      const data = await Q.api('POST', '/api/rooms/' + room + '/join', { name: $('name').value });
      token = data.token;
      sessionStorage.setItem('participant:' + room, token);
      await start();
    } catch (e) {
      Q.showError($('page-problems'), e);
    }
  }

  async function start() {
    const data = await Q.api('GET', '/api/rooms/' + room + '/levers', undefined, token);
    buildForm(data.levers);
    $('join-section').classList.add('hidden');
    $('design-section').classList.remove('hidden');
    $('results-section').classList.remove('hidden');
    price();
    poll();
  }

  async function refresh() {
    const state = await Q.api('GET', '/api/rooms/' + room + '/state', undefined, token);
    const siteMode = state.mode === 'site' && state.site;
    $('site-section').classList.toggle('hidden', !siteMode);
    $('design-section').classList.toggle('hidden', !!siteMode);
    $('results-section').classList.toggle('hidden', !!siteMode);
    if (siteMode) {
      S.play(state);
      return;
    }
    const r = state.round;
    if (!r) {
      $('round-status').textContent = 'Hello ' + state.you + '. Waiting for the facilitator to start a round; '
        + 'you can prepare your design meanwhile.';
      $('submit').disabled = true;
      return;
    }
    const mine = (state.league || []).find((row) => row.you);
    $('round-status').textContent = 'Round ' + r.number + ': ' + r.phase
      + (r.phase === 'open' ? ' (' + r.secondsLeft + ' s left)' : '')
      + (mine ? '; your design: ' + mine.status + ' (' + mine.runsDone + '/' + r.replicates + ' runs)' : '');
    $('submit').disabled = r.phase !== 'open' || (mine && (mine.status === 'queued' || mine.status === 'running'));
    Q.league($('league'), state);
    Q.trajectories($('trajectories'), state);
    if (state.debrief) Q.debrief($('debrief'), state.debrief);
    $('download').disabled = !state.resultsReady;
  }

  async function poll() {
    try {
      await refresh();
    } catch (e) {
      $('round-status').textContent = 'Cannot reach the room: ' + e.message;
    }
    setTimeout(poll, 1000);
  }

  async function respond(event) {
    Q.showError($('site-problems'), null);
    try {
      const effort = document.querySelector('input[name="site-effort"]:checked');
      await Q.api('POST', '/api/rooms/' + room + '/respond', { response: event.target.dataset.response,
        effort: effort ? effort.value : 'model' }, token);
      refresh();
    } catch (e) {
      Q.showError($('site-problems'), e);
    }
  }
  for (const b of document.querySelectorAll('#site-buttons button')) b.addEventListener('click', respond);

  async function game(event) {
    Q.showError($('site-problems'), null);
    try {
      await Q.api('POST', '/api/rooms/' + room + '/gaming', { gaming: event.target.dataset.gaming }, token);
      refresh();
    } catch (e) {
      Q.showError($('site-problems'), e);
    }
  }
  for (const b of document.querySelectorAll('#site-gaming-buttons button')) b.addEventListener('click', game);
  $('site-download').addEventListener('click', () => Q.download(room, token, $('site-download-link'),
    'site-results.zip').catch((e) => Q.showError($('site-problems'), e)));

  $('room-code').textContent = room || '(no room code)';
  $('join-form').addEventListener('submit', join);
  $('design-form').addEventListener('submit', submit);
  $('attribution-metric').addEventListener('change', () => refresh().catch(() => {}));
  $('site-attribution-metric').addEventListener('change', () => refresh().catch(() => {}));
  $('download').addEventListener('click', () => Q.download(room, token, $('download-link')).catch(
    (e) => Q.showError($('design-problems'), e)));
  if (!room) {
    Q.showError($('page-problems'), new Error('This link has no valid room code; ask the facilitator for it.'));
    $('join-section').classList.add('hidden');
  } else if (token) {
    start().catch((e) => Q.showError($('page-problems'), e));
  }
})();
