// The case as a clinician keeps it: fields shown by relevance, sensible defaults, the case kept in this browser's local
// storage across reloads (cleared on request), saved to and loaded from a file, and the repository's example cases.
// Uses $, $$, el, addRow, buildCase, loadIntoForm and clearProblems from app.js.
'use strict';

const STORE_KEY = 'fusionguide.case';

// ---- rows: defaults and the fields of the chosen method ----

/** Gives a new row its defaults and shows only the fields its method (and gene) use. */
function prepareRow(row) {
  for (const control of $$('[data-default]', row)) if (control.value === '') control.value = control.dataset.default;
  for (const control of $$('[data-field="method"], [data-field="gene"]', row)) control.addEventListener('change', () => showRelevantFields(row));
  showRelevantFields(row);
}

/**
 * A field marked data-methods is shown when the row's method is one of them (and data-genes, when the gene is one of
 * them), or when it already holds a value, so that nothing entered is ever hidden from view.
 */
function showRelevantFields(row) {
  const method = $('[data-field="method"]', row)?.value ?? '';
  const gene = $('[data-field="gene"]', row)?.value ?? '';
  for (const label of $$('label[data-methods]', row)) {
    const control = $('[data-field]', label);
    const methodFits = label.dataset.methods.split(' ').includes(method);
    const geneFits = !label.dataset.genes || label.dataset.genes.split(' ').includes(gene);
    label.hidden = !(methodFits && geneFits) && control.value.trim() === '';
  }
  const hint = $('.method-hint', row);
  if (hint) hint.hidden = method !== '';
}

/** True when nothing in the row was chosen beyond its defaults. */
function isBlankRow(row) {
  return $$('[data-field]', row).every(c => c.value.trim() === '' || c.value === c.dataset.default);
}

// ---- local storage ----

function saveCase() {
  try {
    localStorage.setItem(STORE_KEY, JSON.stringify({ case: buildCase(), asOf: $('#as-of').value }));
  } catch {
    // Storage full or disabled (private mode): the page still works, it just cannot keep the case.
    $('#storage-status').textContent = 'This browser does not allow the case to be kept.';
  }
}

function restoreCase() {
  let saved = null;
  try { saved = JSON.parse(localStorage.getItem(STORE_KEY) ?? 'null'); } catch { saved = null; }
  if (!saved || typeof saved.case !== 'object' || saved.case === null) return false;
  loadIntoForm(saved.case);
  $('#as-of').value = typeof saved.asOf === 'string' ? saved.asOf : '';
  $('#storage-status').textContent = 'The case kept in this browser was restored.';
  return true;
}

function forgetCase() {
  localStorage.removeItem(STORE_KEY);
  loadIntoForm({});
  $('#as-of').value = '';
  clearProblems();
  $('#result').hidden = true;
  $('#storage-status').textContent = 'The case was cleared from this browser.';
}

// ---- files and examples ----

function loadCaseObject(caseObject, status) {
  if (!caseObject || typeof caseObject !== 'object' || Array.isArray(caseObject)) {
    $('#storage-status').textContent = 'That file does not hold a case (a JSON object).';
    return;
  }
  clearProblems();
  loadIntoForm(caseObject);
  $('#case-json').value = JSON.stringify(caseObject, null, 2);
  saveCase();
  $('#storage-status').textContent = status;
}

function saveToFile() {
  const data = buildCase();
  const name = `${(data.id ?? 'fusionguide-case').replace(/[^A-Za-z0-9._-]+/g, '-')}.json`;
  const link = el('a', { href: URL.createObjectURL(new Blob([JSON.stringify(data, null, 2)], { type: 'application/json' })), download: name });
  document.body.append(link);
  link.click();
  link.remove();
}

async function loadFromFile(event) {
  const file = event.target.files[0];
  if (!file) return;
  try {
    loadCaseObject(JSON.parse(await file.text()), `Loaded ${file.name}.`);
  } catch (error) {
    $('#storage-status').textContent = `${file.name} is not valid JSON: ${error.message}`;
  }
}

async function loadExample() {
  const name = $('#example-choice').value;
  try {
    const response = await fetch(`/examples/${encodeURIComponent(name)}.json`, { headers: { 'Accept': 'application/json' } });
    if (!response.ok) throw new Error(`${response.status}`);
    loadCaseObject(await response.json(), `Example loaded: ${$('#example-choice').selectedOptions[0].textContent}.`);
  } catch (error) {
    $('#storage-status').textContent = `The example could not be loaded (${error.message}).`;
  }
}

function initCaseStore() {
  restoreCase();
  const form = $('#case-form');
  form.addEventListener('input', saveCase);
  form.addEventListener('change', saveCase);
  for (const button of $$('[data-add]')) button.addEventListener('click', saveCase);
  $('#forget-case').addEventListener('click', forgetCase);
  $('#save-file').addEventListener('click', saveToFile);
  $('#load-file').addEventListener('change', loadFromFile);
  $('#load-example').addEventListener('click', loadExample);
}
