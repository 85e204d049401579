// FusionGuide web page: builds a case from the form (or takes pasted JSON), sends it to POST /v1/recommend and
// shows the result. It decides nothing clinical: everything shown comes from the API. No dependencies, no CDN.
'use strict';

const VOCAB = {
  sex: ['female', 'male', 'other', 'unknown'],
  smoking: ['never', 'former', 'current', 'unknown'],
  ecog: ['0', '1', '2', '3', '4'],
  histology: ['adenocarcinoma', 'squamous', 'large-cell', 'nsclc-nos', 'adenosquamous', 'small-cell'],
  stage: ['IA', 'IB', 'IIA', 'IIB', 'IIIA', 'IIIB', 'IIIC', 'IV', 'IVA', 'IVB'],
  transformation: ['small-cell', 'squamous'],
  yesno: [['true', 'yes'], ['false', 'no']],
  gene: ['ALK', 'ROS1', 'EGFR', 'KRAS', 'BRAF', 'MET', 'RET', 'NTRK1', 'NTRK2', 'NTRK3', 'ERBB2', 'PD-L1'],
  method: [['ihc', 'IHC'], ['fish', 'FISH'], ['ngs-dna', 'NGS (DNA)'], ['ngs-rna', 'NGS (RNA)'], ['rt-pcr', 'RT-PCR'], ['histology', 'histology']],
  sample: ['tissue', 'cytology', 'plasma'],
  clone: ['D5F3', '5A4', 'SP384', 'D4D6', '22C3', 'SP263', 'other'],
  result: ['positive', 'negative', 'equivocal', 'failed'],
  timing: [['diagnosis', 'at diagnosis'], ['progression', 'at progression']],
  intensity: ['0', '1', '2', '3'],
  therapy: ['crizotinib', 'ceritinib', 'alectinib', 'brigatinib', 'ensartinib', 'lorlatinib', 'entrectinib', 'repotrectinib',
    'taletrectinib', 'cabozantinib', 'platinum-pemetrexed', 'platinum-pemetrexed-bevacizumab', 'chemo-immunotherapy',
    'immunotherapy-monotherapy', 'docetaxel', 'platinum-etoposide', 'clinical-trial', 'best-supportive-care'],
  stopReason: ['progression', 'intolerance', 'completed', 'ongoing'],
  progressionPattern: [['systemic', 'systemic'], ['cns', 'CNS only'], ['oligoprogression', 'oligoprogression'], ['both', 'systemic and CNS']],
  event: ['hypertriglyceridemia', 'hypercholesterolemia', 'cognitive-effects', 'mood-effects', 'peripheral-neuropathy', 'ck-elevation',
    'alt-ast-elevation', 'bradycardia', 'qtc-prolongation', 'pneumonitis', 'hypertension', 'visual-disturbance', 'diarrhea',
    'nausea', 'dizziness', 'weight-gain', 'edema', 'hyperglycemia', 'anemia', 'neutropenia', 'other'],
  grade: ['1', '2', '3', '4', '5'],
  site: ['brain', 'bone', 'liver', 'adrenal', 'lung', 'pleura', 'pericardium', 'lymph-node', 'other'],
  comorbidity: ['hyperlipidemia', 'psychiatric-disorder', 'cognitive-impairment', 'interstitial-lung-disease', 'hypertension',
    'bradycardia', 'long-qt', 'heart-failure', 'diabetes', 'liver-impairment', 'renal-impairment', 'pregnancy'],
  region: ['US', 'EU', 'TR', 'JP', 'CN', 'other'],
  alteration: ['MET amplification', 'EGFR amplification', 'KIT amplification', 'KRAS mutation', 'BRAF V600E', 'MAP2K1 mutation',
    'PIK3CA mutation', 'NF2 loss'],
};

const PREFERENCE = { 'preferred': 'Preferred', 'other-recommended': 'Other recommended', 'certain-circumstances': 'Useful in certain circumstances' };

const $ = (selector, root = document) => root.querySelector(selector);
const $$ = (selector, root = document) => Array.from(root.querySelectorAll(selector));
let references = new Map();
let lastResultText = null;
let uid = 0;

/** Creates an element: el('p', {class: 'x'}, 'text', child). Text is always set as text, never as HTML. */
function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v !== undefined && v !== null && v !== false) node.setAttribute(k, v === true ? '' : String(v));
  }
  for (const c of children.flat()) {
    if (c !== undefined && c !== null && c !== false) node.append(c instanceof Node ? c : String(c));
  }
  return node;
}

function pairs(name) { return VOCAB[name].map(v => Array.isArray(v) ? v : [v, v]); }

function fillVocabularies(root) {
  for (const select of $$('select[data-vocab]', root)) {
    if (select.options.length > 0) continue;
    select.append(el('option', { value: '' }, '—'));
    for (const [value, label] of pairs(select.dataset.vocab)) select.append(el('option', { value }, label));
  }
  for (const group of $$('.checks[data-vocab]', root)) {
    if ($('input', group)) continue;
    for (const [value, label] of pairs(group.dataset.vocab)) {
      group.append(el('label', { class: 'check' }, el('input', { type: 'checkbox', value }), ' ', label));
    }
  }
}

// ---- rows (tests, history, adverse events) ----

function addRow(name) {
  const container = document.getElementById(name);
  const row = document.getElementById(container.dataset.template).content.firstElementChild.cloneNode(true);
  fillVocabularies(row);
  $('.remove', row).addEventListener('click', () => { row.remove(); renumber(container); saveCase(); });
  container.append(row);
  renumber(container);
  prepareRow(row);
  return row;
}

/** Gives every row control its JSON path, so that a problem's path finds the control it is about. */
function renumber(container) {
  $$(':scope > .row', container).forEach((row, i) => {
    const base = `${container.dataset.array}[${i}]`;
    row.dataset.path = base;
    $('legend', row).textContent = `${container.dataset.label} ${i + 1}`;
    for (const control of $$('[data-field]', row)) control.dataset.path = `${base}.${control.dataset.field}`;
  });
}

// ---- form → case ----

function readControl(control) {
  if (control.classList.contains('checks')) {
    const values = $$('input:checked', control).map(i => i.value);
    return values.length ? values : undefined;
  }
  const text = control.value.trim();
  if (text === '') return undefined;
  switch (control.dataset.type || control.type) {
    case 'number': case 'integer': return Number(text);
    case 'boolean': return text === 'true';
    case 'list': return text.split(',').map(s => s.trim()).filter(s => s !== '');
    default: return text;
  }
}

function setPath(target, path, value) {
  const keys = path.replace(/^\$\./, '').split('.');
  let node = target;
  for (const key of keys.slice(0, -1)) node = node[key] ??= {};
  node[keys[keys.length - 1]] = value;
}

function buildCase() {
  const form = $('#case-form');
  const result = {};
  for (const control of $$('[data-path]', form)) {
    if (control.closest('.row') || control.classList.contains('rows')) continue;
    const value = readControl(control);
    if (value !== undefined) setPath(result, control.dataset.path, value);
  }
  for (const container of $$('.rows', form)) {
    // A row left blank (nothing chosen beyond its defaults) is not part of the case: it must never block a patient
    // who has no test, therapy or event yet.
    const rows = $$(':scope > .row', container).filter(row => !isBlankRow(row)).map(row => {
      const item = {};
      for (const control of $$('[data-field]', row)) {
        const value = readControl(control);
        if (value !== undefined) item[control.dataset.field] = value;
      }
      return item;
    });
    if (rows.length) setPath(result, container.dataset.array, rows);
  }
  return result;
}

// ---- case → form (for pasted JSON, so that problems land beside their fields) ----

function writeControl(control, value) {
  if (control.classList.contains('checks')) {
    const wanted = Array.isArray(value) ? value.map(String) : [];
    for (const box of $$('input', control)) box.checked = wanted.includes(box.value);
    return;
  }
  const text = value === undefined || value === null ? '' : Array.isArray(value) ? value.join(', ') : String(value);
  if (control.tagName === 'SELECT' && text !== '' && !Array.from(control.options).some(o => o.value === text)) {
    control.append(el('option', { value: text }, `${text} (not in the list)`));
  }
  control.value = text;
}

function getPath(source, path) {
  return path.replace(/^\$\./, '').split('.').reduce((node, key) => (node && typeof node === 'object' ? node[key] : undefined), source);
}

function loadIntoForm(caseObject) {
  const form = $('#case-form');
  for (const container of $$('.rows', form)) {
    $$(':scope > .row', container).forEach(r => r.remove());
    const items = getPath(caseObject, container.dataset.array);
    for (const item of Array.isArray(items) ? items : []) {
      const row = addRow(container.id);
      for (const control of $$('[data-field]', row)) writeControl(control, item && typeof item === 'object' ? item[control.dataset.field] : undefined);
      showRelevantFields(row);
    }
  }
  for (const control of $$('[data-path]', form)) {
    if (control.closest('.row') || control.classList.contains('rows')) continue;
    writeControl(control, getPath(caseObject, control.dataset.path));
  }
}

// ---- problems beside their fields ----

function clearProblems() {
  for (const p of $$('.field-error')) p.remove();
  for (const c of $$('[aria-invalid]')) { c.removeAttribute('aria-invalid'); c.removeAttribute('aria-describedby'); }
  const summary = $('#form-errors');
  summary.replaceChildren();
  summary.hidden = true;
}

/** The control a path names, or the nearest enclosing one ($.tests[0].x → $.tests[0] → $.tests). */
function controlFor(path) {
  for (let p = path; p && p !== '$'; p = p.replace(/(\[\d+\]|\.[^.[\]]+)$/, '')) {
    const found = $(`[data-path="${CSS.escape(p)}"]`, $('#case-form'));
    if (found) return found;
    if (!/(\[\d+\]|\.[^.[\]]+)$/.test(p)) break;
  }
  return null;
}

/** A control's name as the form shows it: its row's legend ("Test 1") and its own label ("FISH: % rearranged cells"). */
function fieldName(control) {
  const row = control.closest('.row');
  const rowName = row ? $('legend', row).textContent : null;
  if (control.classList.contains('row')) return rowName;
  if (control.classList.contains('rows')) return $('legend', control.closest('fieldset')).textContent;
  if (control.classList.contains('checks')) return $('.group-label', control).textContent;
  const label = control.closest('label');
  const own = label ? Array.from(label.childNodes).filter(n => n.nodeType === Node.TEXT_NODE).map(n => n.textContent.trim()).filter(Boolean).join(' ') : '';
  return [rowName, own].filter(Boolean).join(', ') || null;
}

function showProblems(problems) {
  clearProblems();
  const summary = $('#form-errors');
  const list = el('ul');
  for (const problem of problems) {
    const control = controlFor(problem.path);
    const id = `problem-${++uid}`;
    // A clinician reads the field in words (its label, in its row); the JSON path stays in data-problem-path only.
    const name = control ? fieldName(control) : null;
    const message = el('p', { class: 'field-error', id, 'data-problem-path': problem.path }, sentence(problem.message));
    if (control) {
      const anchor = control.classList.contains('row') || control.classList.contains('rows') ? $('legend', control) ?? control : control;
      anchor.after(message);
      control.setAttribute('aria-invalid', 'true');
      control.setAttribute('aria-describedby', [control.getAttribute('aria-describedby'), id].filter(Boolean).join(' '));
      if (!control.id) control.id = `control-${++uid}`;
      list.append(el('li', {}, el('a', { href: `#${control.id}` }, name ?? 'The case'), `: ${problem.message}`));
    } else {
      list.append(el('li', {}, sentence(problem.message)));
    }
  }
  summary.append(el('p', {}, `The case has ${problems.length} problem${problems.length === 1 ? '' : 's'}; each is shown beside its field.`), list);
  summary.hidden = false;
}

// ---- talking to the API ----

async function recommend(body) {
  clearProblems();
  const asOf = $('#as-of').value;
  const url = '/v1/recommend' + (asOf ? `?asOf=${encodeURIComponent(asOf)}` : '');
  let response;
  try {
    response = await fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/json', 'Accept': 'application/json' }, body });
  } catch (error) {
    return showFault(`The server could not be reached: ${error.message}`);
  }
  const text = await response.text();
  if (response.ok) return showResult(JSON.parse(text), text, response.headers.get('X-Audit-Record'), parseCase(body));
  // A result left on screen would belong to another case: hide it.
  $('#result').hidden = true;
  lastResultText = null;
  let problem = {};
  try { problem = JSON.parse(text); } catch { /* not problem details: shown as status below */ }
  if (response.status === 400 && Array.isArray(problem.problems)) {
    selectTab('form');
    showProblems(problem.problems);
    $('#form-errors').scrollIntoView({ block: 'start' });
    return;
  }
  showFault(`${response.status} ${problem.title ?? response.statusText}${problem.detail ? ': ' + problem.detail : ''}`);
}

function showFault(message) {
  selectTab('form');
  const summary = $('#form-errors');
  summary.replaceChildren(el('p', {}, message));
  summary.hidden = false;
}

function submitJson() {
  const text = $('#case-json').value;
  try {
    const parsed = JSON.parse(text);
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) loadIntoForm(parsed);
  } catch {
    // Not JSON: sent anyway, so that the server's own message names the fault.
  }
  return recommend(text);
}

async function loadKnowledge() {
  try {
    const response = await fetch('/v1/knowledge', { headers: { 'Accept': 'application/json' } });
    const kb = await response.json();
    references = new Map(kb.references.map(r => [r.id, r]));
    $('#kb-version').textContent = `Knowledge base ${kb.version}, released ${kb.releaseDate}`;
    $('#therapy-list').replaceChildren(...VOCAB.therapy.map(t => el('option', { value: t })));
    $('#alteration-list').replaceChildren(...VOCAB.alteration.map(a => el('option', { value: a })));
  } catch {
    $('#kb-version').textContent = 'The knowledge base could not be read.';
  }
}

function selectTab(which) {
  const form = which === 'form';
  $('#tab-form').setAttribute('aria-selected', String(form));
  $('#tab-json').setAttribute('aria-selected', String(!form));
  $('#form-panel').hidden = !form;
  $('#json-entry').hidden = form;
}

function init() {
  fillVocabularies(document);
  for (const button of $$('[data-add]')) button.addEventListener('click', () => { const row = addRow(button.dataset.add); $('select, input', row).focus(); });
  $('#tab-form').addEventListener('click', () => selectTab('form'));
  $('#tab-json').addEventListener('click', () => selectTab('json'));
  $('#case-form').addEventListener('submit', event => { event.preventDefault(); recommend(JSON.stringify(buildCase())); });
  $('#submit-json').addEventListener('click', submitJson);
  $('#show-json').addEventListener('click', () => { $('#case-json').value = JSON.stringify(buildCase(), null, 2); selectTab('json'); });
  $('#clear-form').addEventListener('click', () => { loadIntoForm({}); $('#as-of').value = ''; clearProblems(); saveCase(); });
  $('#case-file').addEventListener('change', async event => { const file = event.target.files[0]; if (file) $('#case-json').value = await file.text(); });
  $('#print').addEventListener('click', () => { stampPrintTime(); window.print(); });
  window.addEventListener('beforeprint', stampPrintTime);
  $('#copy-chart').addEventListener('click', copyToChart);
  initCaseStore();
  $('#download').addEventListener('click', downloadResult);
  loadKnowledge();
}

function downloadResult() {
  if (!lastResultText) return;
  const link = el('a', { href: URL.createObjectURL(new Blob([lastResultText], { type: 'application/json' })), download: 'fusionguide-result.json' });
  document.body.append(link);
  link.click();
  link.remove();
}

document.addEventListener('DOMContentLoaded', init);
