// Renders a result (the contract's JSON) as the page's report. Uses el(), references and PREFERENCE from app.js.
'use strict';

/** Reference ids as links into the reference list at the end of the report. */
function refLinks(ids, cited) {
  if (!ids || ids.length === 0) return null;
  return el('span', { class: 'refs' }, '[', ids.flatMap((id, i) => {
    // The server sends each reference as a reader sees it (label, readableCitation) and the id a work recorded twice
    // is listed under (listedAs): the cleaning rules live once, in Rendering's ReadableReferences.
    const r = references.get(id);
    const target = r ? r.listedAs : id;
    cited.add(target);
    const link = el('a', { href: `#ref-${target}`, title: r ? r.readableCitation : id }, r ? r.label : id);
    return i === 0 ? [link] : [', ', link];
  }), ']');
}

function section(id, title, ...content) {
  const body = content.flat().filter(Boolean);
  return body.length ? el('section', { id, class: 'report-section' }, el('h3', {}, title), body) : null;
}

function table(headers, rows) {
  if (rows.length === 0) return null;
  return el('table', {}, el('thead', {}, el('tr', {}, headers.map(h => el('th', { scope: 'col' }, h)))),
    el('tbody', {}, rows.map(cells => el('tr', {}, cells.map(c => el('td', {}, c))))));
}

function warningList(warnings) {
  return warnings && warnings.length
    ? el('ul', { class: 'warnings' }, warnings.map(w => el('li', { 'data-code': w.code }, el('code', {}, w.code), ' ', w.message)))
    : null;
}

function diagnosisSection(d, cited) {
  const genes = Object.entries(d.genes ?? {}).map(([gene, status]) => [gene, el('span', { class: `status status-${status}` }, status)]);
  return section('diagnosis', 'Diagnosis and next tests',
    el('p', {}, el('strong', {}, 'Driver: '), words('driver', d.driver),
      d.fusionPartner ? ` — fusion partner ${d.fusionPartner}` : '', d.fusionVariant ? ` (variant ${d.fusionVariant})` : ''),
    table(['Gene', 'Status'], genes),
    d.nextTests && d.nextTests.length ? el('h4', {}, 'Next tests to order') : null,
    d.nextTests && d.nextTests.length ? el('ol', { id: 'next-tests' }, d.nextTests.map(t =>
      el('li', {}, el('strong', {}, `${t.gene} ${t.method}${t.sample ? ' on ' + t.sample : ''}`), ': ', t.reason, ' ', refLinks(t.references, cited)))) : null,
    warningList(d.warnings));
}

/** An option's therapy; a combination (SYS-COMB-001) names what it is given with and that it is off-label or a trial. */
function therapyName(o) {
  const c = o.combination;
  return c ? `${words('therapy', o.therapy)} + ${c.with.map(t => words('therapy', t)).join(' + ')} (continued) — ${c.use === 'trial' ? 'in a clinical trial' : 'off-label combination'}`
    : words('therapy', o.therapy);
}

/** A dosing row's start, then a chemotherapy regimen's maintenance and premedication (SAFE-DOSE-003). */
function startText(d) {
  return [d.start, d.maintenance ? `Maintenance: ${d.maintenance}` : null,
    (d.premedication ?? []).length ? `Premedication: ${d.premedication.join('; ')}` : null].filter(Boolean).join('. ');
}

function systemicSection(s, cited) {
  const options = s.options.map(o => el('li', { 'data-therapy': o.therapy },
    el('span', { class: 'therapy' }, therapyName(o)), ' ',
    el('span', { class: `badge badge-${o.preference}` }, PREFERENCE[o.preference] ?? o.preference),
    o.category ? el('span', { class: 'category' }, ` category ${o.category}`) : null,
    el('p', { class: 'rationale' }, o.rationale, ' ', refLinks(o.references, cited))));
  const avoid = (s.avoid ?? []).map(a => el('li', { 'data-therapy': a.therapy },
    el('span', { class: 'therapy' }, words('therapy', a.therapy)), ': ', a.reason, ' ', refLinks(a.references, cited)));
  return section('systemic', 'Systemic therapy',
    el('p', {}, el('strong', {}, 'Setting: '), words('setting', s.setting), s.line ? `, line ${s.line}` : ''),
    options.length ? el('ol', { id: 'options', class: 'options' }, options) : el('p', { id: 'options' }, 'No systemic option is recommended.'),
    avoid.length ? el('h4', {}, 'Avoid') : null,
    avoid.length ? el('ul', { id: 'avoid', class: 'avoid' }, avoid) : null);
}

function careSections(r, cited) {
  return [
    section('local', 'Local therapy', table(['Therapy', 'Indication', 'Rationale'], (r.localTherapy ?? []).map(l =>
      [words('local', l.therapy), words('local', l.indication), el('span', {}, l.rationale, ' ', refLinks(l.references, cited))]))),
    section('dosing', 'Dosing', table(['Therapy', 'Start', 'Reductions', 'Food and adjustments'], (r.dosing ?? []).map(d =>
      [words('therapy', d.therapy), startText(d), (d.reductions ?? []).join(' → '),
        el('span', {}, [d.food, ...(d.adjustments ?? [])].filter(Boolean).join('; '), ' ', refLinks(d.references, cited))]))),
    // The labels' pregnancy, breastfeeding and contraception lines under their own heading (dosing rows' `reproductive`).
    (r.dosing ?? []).some(d => (d.reproductive ?? []).length)
      ? section('reproductive', 'Pregnancy, breastfeeding and contraception', table(['Therapy', 'What the label says'],
          (r.dosing ?? []).flatMap(d => (d.reproductive ?? []).map(line => [words('therapy', d.therapy), line]))))
      : null,
    section('toxicity', 'Toxicity management', table(['Therapy', 'Event', 'Grade', 'Action', 'Dose', 'Supportive care'],
      (r.toxicityManagement ?? []).map(t => [words('therapy', t.therapy), words('event', t.event), String(t.grade), words('action', t.action), t.dose ?? '',
        el('span', {}, (t.supportive ?? []).join('; '), ' ', refLinks(t.references, cited))]))),
    section('monitoring', 'Monitoring', table(['Therapy', 'What', 'When'], (r.monitoring ?? []).map(m =>
      [words('therapy', m.therapy), el('span', {}, m.item, ' ', refLinks(m.references, cited)), m.schedule]))),
    section('interactions', 'Drug interactions', table(['Therapy', 'With', 'Severity', 'Advice'], (r.interactions ?? []).map(i =>
      [words('therapy', i.therapy), i.with, el('span', { class: `severity severity-${i.severity}` }, i.severity),
        el('span', {}, i.advice, i.mechanism ? ` (${i.mechanism})` : '', ' ', refLinks(i.references, cited))]))),
  ];
}

/** The trace entry that lists the unverified facts a result uses: the unverified-knowledge badge links to it. */
const UNVERIFIED_RULE = 'KB-UNVERIFIED-001';

function traceSection(trace, cited) {
  if (!trace || trace.length === 0) return null;
  return section('trace', 'Why: the rules that shaped this result',
    el('details', { open: true }, el('summary', {}, `${trace.length} rules`),
      el('ol', { class: 'trace' }, trace.map(t => el('li', { id: t.rule === UNVERIFIED_RULE ? 'trace-unverified' : null },
        el('code', {}, t.rule), ' ', t.detail, ' ', refLinks(t.references, cited))))));
}

function referenceSection(cited) {
  const items = Array.from(cited).sort().map(id => {
    const r = references.get(id);
    return el('li', { id: `ref-${id}` }, el('strong', {}, r ? `${r.label}.` : id), ' ', r ? r.readableCitation : '(not in the reference list)',
      r && r.url ? [' ', el('a', { href: r.url, rel: 'noreferrer noopener', target: '_blank' }, r.url)] : null);
  });
  return section('references', 'References', items.length ? el('ul', { class: 'reference-list' }, items) : null);
}

function showResult(result, text, auditRecord, caseObject) {
  lastResultText = text;
  const cited = new Set();
  $('#summary').replaceChildren(...summaryCard(result).filter(Boolean));
  $('#chart-text').value = chartText(result, caseObject);
  $('#print-meta').dataset.asOf = result.asOf ?? '';
  stampPrintTime();
  const body = [
    el('p', { class: 'meta' }, `Case ${result.caseId ?? '(no id)'} · knowledge base ${result.knowledgeBaseVersion} · as of ${result.asOf ?? ''}`,
      auditRecord ? ` · audit record ${auditRecord}` : ''),
    findingsSection(caseObject, result.asOf),
    // The unverified-knowledge notice is the badge beside the summary, not a paragraph above the answer.
    section('warnings', 'Warnings', warningList((result.warnings ?? []).filter(w => w.code !== UNVERIFIED))),
    diagnosisSection(result.diagnosis, cited),
    systemicSection(result.systemicTherapy, cited),
    ...careSections(result, cited),
    traceSection(result.trace, cited),
  ];
  body.push(referenceSection(cited));
  $('#result-body').replaceChildren(...body.filter(Boolean));
  const panel = $('#result');
  panel.hidden = false;
  panel.scrollIntoView({ block: 'start' });
  // Keyboard and screen-reader users land on the answer, not back at the top of the form.
  $('#result-title').focus({ preventScroll: true });
}
