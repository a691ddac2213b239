'use strict';
(function () {
  const $ = (id) => document.getElementById(id);
  let room = Q.room();
  let token = room ? sessionStorage.getItem('facilitator:' + room) : null;
  let budgetSet = false;

  async function loadScenarios() {
    const data = await Q.api('GET', '/api/scenarios');
    for (const s of data.scenarios) {
      const option = Q.el('option', s.name + ' — ' + s.description);
      option.value = s.id;
      $('scenario').appendChild(option);
    }
  }

  async function open(body) {
    Q.showError($('open-problems'), null);
    try {
      const data = await Q.api('POST', '/api/rooms', body);
      room = data.room;
      token = data.token;
      sessionStorage.setItem('facilitator:' + room, token);
      history.replaceState(null, '', '/facilitate?room=' + room);
      showRoom();
    } catch (e) {
      Q.showError($('open-problems'), e);
    }
  }

  function showRoom() {
    $('open-section').classList.add('hidden');
    $('room-section').classList.remove('hidden');
    $('room-code').textContent = room;
    const link = location.origin + '/play?room=' + room;
    $('join-link').textContent = link;
    $('join-link').href = link;
    poll();
  }

  async function round(body) {
    Q.showError($('round-problems'), null);
    try {
      await Q.api('POST', '/api/rooms/' + room + '/round', body, token);
      refresh();
    } catch (e) {
      Q.showError($('round-problems'), e);
    }
  }

  async function refresh() {
    const state = await Q.api('GET', '/api/rooms/' + room + '/state', undefined, token);
    $('scenario-name').textContent = state.scenario;
    $('scenario-facts').textContent = state.description + '; ' + state.sites + ' sites, '
      + state.horizonMonths + ' months, seed ' + state.seed;
    if (!budgetSet) {
      $('budget').value = Math.ceil(state.round ? state.round.budget : state.defaultBudget);
      budgetSet = true;
    }
    S.facilitate(state);
    const people = state.participants.map((p) => ({ cells: [p.name, p.status, p.submissions] }));
    Q.table($('participants'), ['participant', 'status', 'designs this round'], people);
    if (state.round) {
      const r = state.round;
      $('round-status').textContent = 'Round ' + r.number + ': ' + r.phase
        + (r.phase === 'open' ? ' (' + r.secondsLeft + ' s left)' : '') + '; ' + r.replicates
        + ' replicates; budget ' + Q.money(r.budget) + '; designs waiting on the server: ' + state.queueWaiting
        + (r.failure ? '; ' + r.failure : '');
      Q.league($('league'), state);
      Q.trajectories($('trajectories'), state);
      if (state.debrief) Q.debrief($('debrief'), state.debrief);
      $('download').disabled = !state.resultsReady;
    } else {
      $('round-status').textContent = 'No round yet: set the round and start it when everyone has joined.';
    }
  }

  async function poll() {
    try {
      await refresh();
    } catch (e) {
      $('round-status').textContent = 'Cannot reach the room: ' + e.message;
    }
    setTimeout(poll, 2000);
  }

  $('open-bundled').addEventListener('click', () => open({ scenario: $('scenario').value }));
  $('open-upload').addEventListener('click', () => open({ upload: $('upload-text').value }));
  $('upload-file').addEventListener('change', async () => {
    const file = $('upload-file').files[0];
    if (file) $('upload-text').value = await file.text();
  });
  $('start-round').addEventListener('click', () => round({
    action: 'start', replicates: parseInt($('replicates').value, 10), budget: Number($('budget').value),
    minutes: parseInt($('minutes').value, 10)
  }));
  $('end-round').addEventListener('click', () => round({ action: 'end' }));
  async function siteRound(body) {
    Q.showError($('site-problems'), null);
    try {
      await Q.api('POST', '/api/rooms/' + room + '/site', body, token);
      refresh();
    } catch (e) {
      Q.showError($('site-problems'), e);
    }
  }
  $('start-site').addEventListener('click', () => siteRound({
    action: 'start', cycleSeconds: parseInt($('cycle-seconds').value, 10) }));
  $('end-site').addEventListener('click', () => siteRound({ action: 'end' }));
  $('site-download').addEventListener('click', () => Q.download(room, token, $('site-download-link'),
    'site-results.zip').catch((e) => Q.showError($('site-problems'), e)));
  Q.wireAttribution('', 'debrief', () => room, () => token, refresh, $('round-problems'));
  Q.wireAttribution('site-', 'site-debrief', () => room, () => token, refresh, $('site-problems'));
  $('download').addEventListener('click', () => Q.download(room, token, $('download-link')).catch(
    (e) => Q.showError($('round-problems'), e)));

  loadScenarios().catch((e) => Q.showError($('open-problems'), e));
  if (room && token) showRoom();
})();
