'use strict';
// Site mode (each participant leads one hospital): the participant's report, answer buttons,
// countdown, history and trajectory, and the facilitator's view; shared by play.js and facilitate.js.
const S = {
  chart: null,
  pct(v) {
    return v === null || v === undefined ? '–' : (100 * v).toFixed(2) + '%';
  },

  // The participant's page, from state.site (null before any site-mode round).
  play(state) {
    const $ = (id) => document.getElementById(id);
    const site = state.site;
    const you = site.you || {};
    const hospital = you.site ? 'hospital ' + you.site : null;
    let status = 'Site-mode round ' + site.number + ': ' + site.phase
      + (site.failure ? ' (' + site.failure + ')' : '') + '. ';
    if (site.phase === 'starting') status += 'The hospitals are being set up…';
    else if (!hospital) status += 'You watch this round (you joined after it started, or there are more participants than member hospitals).';
    else status += 'You lead ' + hospital + ' (participants get the member hospitals in join order).';
    if (hospital && you.effort) status += ' Your improvement effort now: ' + S.efforts[you.effort] + '.';
    if (site.resultsFailure) status += ' ' + site.resultsFailure + '.';
    $('site-status').textContent = status;
    const report = you.report;
    const box = $('site-report');
    Q.clear(box);
    for (const b of document.querySelectorAll('#site-buttons button')) b.disabled = !report || you.answered;
    S.gaming(you);
    if (you.gaming) {
      $('site-countdown').textContent = you.answered ? 'Answer sent.' : you.secondsLeft + ' s left to decide '
        + '(then the model decides for your hospital)';
    } else if (report) {
      $('site-countdown').textContent = you.answered ? 'Answer sent.' : you.secondsLeft + ' s left to answer '
        + '(then the model answers for your hospital)';
      const rows = [
        ['feedback cycle (month)', report.cycle + ' (' + report.month + ')'],
        ['your reported adverse-event rate', S.pct(report.rate)],
        ['benchmark shown with the report', S.pct(report.benchmark)],
        ['position', report.standing],
        ['your aspiration', S.pct(report.aspiration)],
        ['gap to aspiration (standard errors; > 0 is worse)', Q.num(report.gap, 2)],
        ['gap at your previous report (trend)', report.previousGap === null ? 'first report' : Q.num(report.previousGap, 2)],
        ['response in force', report.responseInForce],
        ['trust in the collaborative / psychological safety', Q.num(report.trust, 2) + ' / ' + Q.num(report.safety, 2)],
        ['credibility of the data / threat', Q.num(report.credibility, 2) + ' / ' + Q.num(report.threat, 2)],
        ['chance a model hospital like yours processes this report', S.pct(report.processingProbability)]
      ];
      if (report.leanings) {
        const l = report.leanings;
        rows.push(['a model hospital would lean to', 'learn ' + S.pct(l.learn) + ', lower ' + S.pct(l.lower)
          + ', reject ' + S.pct(l.reject) + ', withdraw ' + S.pct(l.withdraw)]);
      } else {
        rows.push(['a model hospital would', 'maintain (it meets its aspiration), if it processes the report']);
      }
      Q.table(box, ['your report', ''], rows.map((r) => ({ cells: r })));
    }
    if (!report && !you.gaming) {
      $('site-countdown').textContent = '';
      const others = (site.choosing || []).filter((name) => name !== state.you);
      const asking = others.length ? ' (still choosing: ' + others.join(', ') + ')' : '';
      box.appendChild(Q.el('p', site.phase === 'running'
        ? 'Waiting for other hospitals or for your next report' + asking + '.' : '', 'note'));
    }
    const history = (you.history || []).map((h) => ({
      cells: [h.cycle, h.month, S.pct(h.rate), Q.num(h.gap, 2), h.chosen, S.efforts[h.effort] || h.effort, h.model,
        h.by]
    }));
    Q.table($('site-history'), ['cycle', 'month', 'rate', 'gap', 'chosen', 'effort until the next report',
      'model would choose', 'by'], history);
    Q.table($('site-gaming-history'), ['year', 'month', 'chosen', 'model would choose', 'by'],
      (you.gamingHistory || []).map((g) => ({ cells: [g.year, g.month, g.chosen, g.model, g.by] })));
    $('site-after').classList.toggle('hidden', site.phase !== 'finished');
    $('site-download').disabled = !site.results;
    if (you.trajectory) S.trajectory($('site-chart'), you.trajectory);
    if (site.debrief) S.debrief($('site-debrief'), site.debrief);
    if (site.analysis) Q.debrief($('site-analysis'), site.analysis, 'site-');
  },

  efforts: { model: 'as a model hospital would', copy: 'copy the positive deviants', own: 'our own changes' },

  // The yearly gaming question, shown while it waits for the participant.
  gaming(you) {
    const $ = (id) => document.getElementById(id);
    const g = you.gaming;
    $('site-gaming').classList.toggle('hidden', !g);
    for (const b of document.querySelectorAll('#site-gaming-buttons button')) b.disabled = !g || you.answered;
    if (!g) return;
    Q.table($('site-gaming-question'), ['gaming decision', ''], [
      ['collaborative year (month)', g.year + ' (' + g.month + ')'],
      ['you game now', g.gamingNow ? 'yes (you chose to last year)' : 'no'],
      ['the stake: what better-looking data is worth (outcome-based pay, public reporting)', Q.num(g.stake, 2)],
      ['records audited each month', S.pct(g.auditRate)],
      ['chance an audit detects a year of gaming at your hospital', S.pct(g.detection)],
      ['what gaming does to your recorded data', 'it leaves ' + S.pct(g.suppression) + ' of your recorded adverse '
        + 'events out and codes ' + S.pct(g.upcodeShare) + ' of your records as riskier (+' + Q.num(g.upcodeShift, 2)
        + ' on the risk scale): your reported, risk-adjusted rate looks better than your care is; your care itself '
        + 'does not change, but your local tests and the collaborative judge you on these data'],
      ['if an audit detects it', 'you lose this year\'s performance payment, trust in the collaborative falls by '
        + Q.num(g.trustPenalty, 2) + ', you stop gaming, you are excluded from the positive deviants and showcases for '
        + g.exclusionCycles + ' feedback cycles (your reports in those cycles carry the exclusion, and you lose the '
        + 'performance payment of each year they fall in), and where hospitals see each other your ties weaken'],
      ['chance a model hospital like yours games this year', S.pct(g.probability)]
    ].map((r) => ({ cells: r })));
  },

  trajectory(canvas, t) {
    if (typeof Chart === 'undefined' || S.chart) return;
    const labels = t.yourHospital.map((_, m) => m);
    const line = (label, data, color, width, dash) => ({ label, data, borderColor: color, borderWidth: width,
      pointRadius: 0, borderDash: dash || [] });
    S.chart = new Chart(canvas, {
      type: 'line',
      data: { labels, datasets: [
        line('your hospital', t.yourHospital, '#d95f02', 3),
        line('your hospital had the model chosen', t.modelHospital, '#7570b3', 1.5),
        line('your hospital without a collaborative', t.noCollaborative, '#000', 2, [6, 4]),
        line('whole collaborative (all hospitals)', t.collaborative, '#1b9e77', 1.5)] },
      options: { animation: false, responsive: true, maintainAspectRatio: false,
        scales: { x: { title: { display: true, text: 'month' } },
          y: { title: { display: true, text: 'adverse-event rate (expected events per case)' } } } }
    });
  },

  debrief(node, rows) {
    Q.table(node, ['participant', 'hospital', 'reports', 'answered by you', 'same as the model', 'years gamed',
      'last-year rate: played', 'had the model chosen', 'no collaborative'], rows.map((r) => ({
      cells: [r.name, r.site, r.reports, r.byYou, r.sameAsModel, r.gamedYears + ' of ' + r.gamingYears,
        S.pct(r.lastYearRate), S.pct(r.lastYearRateModel), S.pct(r.lastYearRateNoCollaborative)]
    })));
  },

  // The facilitator's view: who leads which hospital, who is choosing, and the debrief.
  facilitate(state) {
    const $ = (id) => document.getElementById(id);
    const site = state.site;
    if (!site) {
      $('site-status').textContent = 'No site-mode round yet.';
      return;
    }
    $('site-status').textContent = 'Site-mode round ' + site.number + ': ' + site.phase
      + (site.ending ? ' (ending: the model answers the remaining reports)' : '')
      + (site.failure ? '; ' + site.failure : '') + '; ' + site.members + ' member hospitals; '
      + (site.cycle ? 'feedback cycle ' + site.cycle + ' (month ' + site.month + '); ' : '')
      + site.cycleSeconds + ' s per question' + ((site.choosing || []).length ? '; still choosing: ' + site.choosing.join(', ') : '')
      + (site.resultsFailure ? '; ' + site.resultsFailure : '');
    Q.table($('site-players'), ['participant', 'hospital', 'status', 'reports so far', 'answered by them',
      'gaming decisions so far'], site.players.map((p) => ({
      cells: [p.name, p.site === null ? '–' : p.site, p.status, p.answered, p.byYou, p.gamingYears] })));
    if (site.debrief) S.debrief($('site-debrief'), site.debrief);
    if (site.analysis) Q.debrief($('site-analysis'), site.analysis, 'site-');
    $('site-download').disabled = !site.results;
  }
};
