// The answer first: the one-line summary card, the unverified-knowledge badge, "Patient and findings" (the inputs
// restated in words, as the server's Markdown and HTML reports do), the plain-text summary for the chart and the print
// header. Everything shown comes from the case sent and the API's result. Uses $, el from app.js.
'use strict';

const WORDS = {
  driver: { alk: 'ALK-positive', ros1: 'ROS1-positive', other: 'another driver', none: 'no driver found', indeterminate: 'driver not yet established' },
  therapy: {
    'platinum-pemetrexed-bevacizumab': 'platinum-pemetrexed with bevacizumab', 'immunotherapy-monotherapy': 'immunotherapy alone',
    'clinical-trial': 'clinical trial', 'best-supportive-care': 'best supportive care',
  },
  method: { ihc: 'IHC', fish: 'FISH', 'ngs-dna': 'DNA NGS', 'ngs-rna': 'RNA NGS', 'rt-pcr': 'RT-PCR', histology: 'histology' },
  stopReason: { progression: 'stopped at progression', intolerance: 'stopped for intolerance', completed: 'completed', ongoing: 'ongoing' },
  progressionPattern: { systemic: 'systemic progression', cns: 'progression in the CNS only', oligoprogression: 'oligoprogression', both: 'systemic and CNS progression' },
  sex: { female: 'woman', male: 'man' },
  setting: { 'diagnostic-workup': 'diagnostic work-up', 'first-line': 'first line', 'subsequent-targeted': 'subsequent targeted therapy', 'post-targeted': 'after targeted therapy', 'non-targeted': 'no targeted therapy' },
  histology: { 'nsclc-nos': 'NSCLC, not otherwise specified' },
  event: { 'ck-elevation': 'CK elevation', 'alt-ast-elevation': 'ALT/AST elevation', 'qtc-prolongation': 'QTc prolongation' },
  comorbidity: { 'long-qt': 'long QT' },
  local: { srs: 'SRS', wbrt: 'WBRT', sbrt: 'SBRT', rfa: 'RFA' },
  action: {},
};

const UNVERIFIED = 'unverified-knowledge';

function words(kind, code) { return code === undefined || code === null ? '' : (WORDS[kind][code] ?? String(code).replace(/-/g, ' ')); }
function sentence(text) { const t = String(text).trim(); return t === '' ? t : t[0].toUpperCase() + t.slice(1) + (/[.!?]$/.test(t) ? '' : '.'); }
function list(items) { return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`; }

function parseCase(body) {
  try { const c = JSON.parse(body); return c && typeof c === 'object' && !Array.isArray(c) ? c : {}; } catch { return {}; }
}

/** The one fact a busy reader must not miss: a contraindicated or major interaction of the first choice, else the first warning. */
function mostImportantWarning(result, first) {
  const interaction = (result.interactions ?? []).find(i => i.therapy === first && (i.severity === 'contraindicated' || i.severity === 'major'));
  if (interaction) return `${interaction.severity} interaction with ${interaction.with}: ${interaction.advice}`;
  const warning = [...(result.warnings ?? []), ...(result.diagnosis?.warnings ?? [])].find(w => w.code !== UNVERIFIED);
  return warning ? warning.message : null;
}

/** Driver, setting, first choice with its starting dose, the most important warning. */
function summaryFacts(result) {
  const s = result.systemicTherapy;
  const first = s.options[0];
  const dose = first ? (result.dosing ?? []).find(d => d.therapy === first.therapy) : null;
  return {
    driver: words('driver', result.diagnosis.driver),
    setting: `${words('setting', s.setting)}${s.line ? `, line ${s.line}` : ''}`,
    choice: first ? `${words('therapy', first.therapy)}${dose ? ` ${dose.start}` : ''}` : 'no systemic therapy yet: order the tests listed below',
    warning: mostImportantWarning(result, first?.therapy),
  };
}

function summaryCard(result) {
  const f = summaryFacts(result);
  const unverified = (result.warnings ?? []).find(w => w.code === UNVERIFIED);
  return [
    el('p', { class: 'summary-line' }, el('strong', {}, f.driver), ' · ', f.setting, ' · ', el('strong', {}, 'First choice: '), el('span', { id: 'first-choice' }, f.choice),
      f.warning ? [' · ', el('span', { class: 'summary-warning' }, el('strong', {}, 'Warning: '), f.warning)] : null),
    // The notice once, as a badge that expands, with a link to the list it points to (the trace entry).
    unverified ? el('details', { class: 'unverified' }, el('summary', {}, 'Unverified knowledge'),
      el('p', {}, unverified.message, ' ', el('a', { href: '#trace-unverified' }, 'Go to the list.'))) : null,
  ];
}

function testText(t) {
  const details = [t.result ?? 'no call reported'];
  if (t.percentRearrangedCells !== undefined) details.push(`${t.percentRearrangedCells}% ${t.cellsScored !== undefined ? `of ${t.cellsScored} ` : 'of '}cells rearranged`);
  if (t.intensity !== undefined) details.push(`intensity ${t.intensity}`);
  if (t.tps !== undefined) details.push(`TPS ${t.tps}%`);
  if (t.variant) details.push(`variant ${t.variant}`);
  if (t.mutations?.length) details.push(`mutations ${list(t.mutations)}`);
  if (t.alterations?.length) details.push(`other alterations ${list(t.alterations)}`);
  const clone = t.clone ? ` (${t.clone})` : '';
  return sentence(`${t.gene} by ${words('method', t.method)}${clone}${t.sample ? ` on ${t.sample}` : ''} ${t.timing === 'progression' ? 'at progression' : 'at diagnosis'}${t.date ? ` (${t.date})` : ''}: ${details.join(', ')}`);
}

function historyText(h, i) {
  const span = h.start && h.end ? ` from ${h.start} to ${h.end}` : h.start ? ` from ${h.start}` : h.end ? ` until ${h.end}` : '';
  const why = h.stopReason ? `, ${words('stopReason', h.stopReason)}` : '';
  return `${i + 1}. ${sentence(`${words('therapy', h.therapy)}${span}${why}${h.progressionPattern ? ` (${words('progressionPattern', h.progressionPattern)})` : ''}`)}`;
}

/** The inputs restated in words: the same headings as the server's reports. */
function findingsFacts(c, asOf) {
  const p = c.patient ?? {}, t = c.tumor ?? {}, d = c.disease ?? {}, b = d.brainMetastases, x = c.context ?? {};
  const who = `${p.age !== undefined ? `${p.age}-year-old ` : ''}${words('sex', p.sex) || 'patient'}`;
  const brain = !b || b.present === undefined ? 'Not stated.' : !b.present ? 'None.'
    : sentence(['Present', b.count !== undefined ? `${b.count} lesion${b.count === 1 ? '' : 's'}` : null, b.largestMm !== undefined ? `largest ${b.largestMm} mm` : null,
      b.symptomatic === true ? 'symptomatic' : b.symptomatic === false ? 'asymptomatic' : null, b.leptomeningeal ? 'leptomeningeal disease' : null].filter(Boolean).join(', ').replace('Present, ', 'Present: '));
  const resistance = (c.tests ?? []).filter(x => x.timing === 'progression').flatMap(x => [...(x.mutations ?? []).map(m => `${x.gene} ${m}`), ...(x.alterations ?? [])]);
  return [
    ['Patient', sentence([who, p.smoking && p.smoking !== 'unknown' ? `${p.smoking} smoker` : null, p.ecog !== undefined ? `ECOG ${p.ecog}` : 'ECOG not stated'].filter(Boolean).join(', '))],
    ['Tumour', sentence(`${t.histology ? words('histology', t.histology) : 'histology not stated'}, ${t.stage ? `stage ${t.stage}` : 'stage not stated'}${t.transformation ? `; ${t.transformation} transformation at progression` : ''}`)],
    ['Tests', (c.tests ?? []).length ? c.tests.map(testText).join(' ') : 'No biomarker test reported yet.'],
    ['Resistance findings', resistance.length ? sentence(`At progression: ${list(resistance)}`) : 'None reported.'],
    ['Brain metastases', brain],
    ['Systemic therapy so far', (c.history ?? []).length ? c.history.map(historyText).join(' ') : 'None: no systemic therapy given yet.'],
    ['Adverse events', (c.adverseEvents ?? []).length ? c.adverseEvents.map(a => sentence(`grade ${a.grade} ${words('event', a.event)}${a.therapy ? ` on ${words('therapy', a.therapy)}` : ''}`)).join(' ') : 'None reported.'],
    ['Comorbidities', (c.comorbidities ?? []).length ? sentence(list(c.comorbidities.map(m => words('comorbidity', m)))) : 'None reported.'],
    ['Co-medications', (c.medications ?? []).length ? sentence(list(c.medications)) : 'None reported.'],
    ['Region and availability', sentence(`${x.region ? `${x.region} approvals apply` : 'region not stated'}${(x.unavailable ?? []).length ? `; the site cannot obtain ${list(x.unavailable.map(u => words('therapy', u)))}` : ''}`)],
    ['Evaluation date', asOf ?? '—'],
  ];
}

function findingsSection(c, asOf) {
  return el('section', { id: 'findings', class: 'report-section' }, el('h3', {}, 'Patient and findings'),
    el('dl', { class: 'findings' }, findingsFacts(c, asOf).flatMap(([label, value]) => [el('dt', {}, label), el('dd', {}, value)])));
}

/** Plain text a clinician pastes into the chart: the summary, the case restated, the options, the evaluation date. */
function chartText(result, c) {
  const f = summaryFacts(result);
  const lines = [`FusionGuide (knowledge base ${result.knowledgeBaseVersion}), evaluated as of ${result.asOf}`,
    `Summary: ${f.driver}; ${f.setting}; first choice: ${f.choice}.`];
  if (f.warning) lines.push(`Most important warning: ${f.warning}`);
  lines.push('', 'Patient and findings:', ...findingsFacts(c, result.asOf).map(([label, value]) => `- ${label}: ${value}`), '', 'Options:');
  result.systemicTherapy.options.forEach((o, i) => lines.push(`${i + 1}. ${words('therapy', o.therapy)} (${PREFERENCE[o.preference] ?? o.preference}): ${o.rationale}`));
  if (result.systemicTherapy.options.length === 0) lines.push('None yet.');
  if ((result.diagnosis.nextTests ?? []).length) lines.push('', 'Tests to order:', ...result.diagnosis.nextTests.map(t => `- ${t.gene} ${words('method', t.method)}${t.sample ? ` on ${t.sample}` : ''}: ${t.reason}`));
  lines.push('', 'Decision support only: it does not replace the treating clinician\'s judgement.');
  return lines.join('\n');
}

async function copyToChart() {
  const text = $('#chart-text').value;
  try {
    await navigator.clipboard.writeText(text);
    $('#copy-status').textContent = 'Copied: paste it into the chart.';
  } catch {
    // No clipboard permission: the text is selected in its box for the user to copy.
    $('.chart-text').open = true;
    $('#chart-text').select();
    $('#copy-status').textContent = 'Select and copy the text below (the browser did not allow copying).';
  }
}

function stampPrintTime() {
  const asOf = $('#print-meta').dataset.asOf ?? '';
  $('#print-meta').textContent = `Evaluated as of ${asOf}. Printed ${new Date().toLocaleString(undefined, { dateStyle: 'long', timeStyle: 'short' })}.`;
}
