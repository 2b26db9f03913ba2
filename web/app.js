// Parting's web form: builds a letter request from the fields, shows the
// plan as the user types, puts API errors next to the field their JSON
// pointer names, keeps the input across reloads and downloads the PDF.
// No framework, no network access beyond this service.
'use strict';

(() => {
  // A realistic request to start from (the English sample of the service).
  const EXAMPLE = {
    language: 'en',
    letter_date: '2026-11-22',
    sender: {
      organization: 'Northlight Consulting LLC',
      name: 'Jane Peterson',
      role: 'Managing Director',
      address: ['12 Harbor Street', 'Boston, MA 02110'],
      country: 'US',
      email: 'jane.peterson@northlight.example',
      phone: '+1 617 555 0142',
    },
    recipient: {
      organization: 'Miller & Sons Inc.',
      name: 'Thomas Miller',
      form_of_address: 'mr',
      address: ['5 Lexington Avenue', 'New York, NY 10010'],
      country: 'US',
    },
    contract: {
      title: 'Consulting Services Framework Agreement',
      reference: 'FA-2023-017',
      signed_on: '2023-01-15',
      termination_clause: '§ 8.2',
      notice_period: { amount: 3, unit: 'months' },
      notice_anchor: 'end_of_month',
      immediate_for_cause: false,
      currency: 'USD',
    },
    termination: {
      reasons: ['time_drain', 'payment_problems'],
      documented_situations: [{ date: '2026-09-30', text: 'Invoice INV-2026-0871 was paid 61 days late' }],
      for_cause: false,
    },
    projects: [{ name: 'Website relaunch', deliverable: 'Go-live', due: '2026-12-15' }],
    transition: {
      handover: ['Source files and designs', 'Access credentials'],
      handover_by: '2027-01-15',
      contact: { name: 'Lena Vogt', email: 'lena.vogt@northlight.example' },
      alternatives: [{ name: 'Harborview Digital', note: 'specialized in e-commerce' }],
    },
    goodwill: { kind: 'refund_last_month', amount: '1250.00', currency: 'USD', invoice: 'INV-2026-1102' },
    options: { paper: 'A4', apology: true },
  };

  const PLAN_DELAY_MS = 350;
  const SAVE_DELAY_MS = 250;
  const STORAGE_KEY = 'parting.form.v1';
  const API_KEY_STORAGE = 'parting.apiKey';
  const ROUTE_NAMES = {
    ordinary_notice: 'Ordinary notice',
    end_of_term: 'End of the fixed term',
    for_cause: 'For cause',
    requested: 'The requested date',
  };

  const form = document.getElementById('letter-form');
  const $ = (id) => document.getElementById(id);

  // ---- Storage that may be unavailable (private modes, disabled) ----------

  function storageGet(storage, key) {
    try {
      return window[storage].getItem(key);
    } catch (_) {
      return null;
    }
  }

  function storageSet(storage, key, value) {
    try {
      if (value === null) window[storage].removeItem(key);
      else window[storage].setItem(key, value);
    } catch (_) {
      // Full or disabled: the form still works, it just forgets.
    }
  }

  // ---- Talking to the service ---------------------------------------------

  class AuthRequired extends Error {}

  // fetch() with the API key, if one is set; a 401 asks the user for a key.
  async function api(path, options = {}) {
    const headers = new Headers(options.headers || {});
    const key = storageGet('sessionStorage', API_KEY_STORAGE);
    if (key) headers.set('Authorization', `Bearer ${key}`);
    const response = await fetch(path, { ...options, headers });
    if (response.status === 401) {
      askForApiKey(Boolean(key));
      throw new AuthRequired('An API key is needed.');
    }
    return response;
  }

  function askForApiKey(rejected) {
    $('auth-box').hidden = false;
    $('auth-message').textContent = rejected
      ? 'The service did not accept this API key. Please check it.'
      : 'This service needs an API key.';
  }

  async function problemOf(response) {
    let problem = {};
    try {
      problem = await response.json();
    } catch (_) {
      // Not problem+json (a proxy's page, say): fall back to the status.
    }
    const errors = Array.isArray(problem.errors) ? problem.errors : [];
    const detail = problem.detail || problem.title || '';
    let message;
    switch (true) {
      case response.status === 400:
        message = `The service could not read the request${detail ? `: ${detail}` : '.'}`;
        break;
      case response.status === 413:
        message = 'The request is too large for the service. Shorten the longest texts or lists.';
        break;
      case response.status === 422:
        message = detail || 'Some fields need attention.';
        break;
      case response.status >= 500:
        message = `The service had a problem (${response.status})${detail ? `: ${detail}` : ''}. Please try again in a moment.`;
        break;
      default:
        message = `The service answered ${response.status}${detail ? `: ${detail}` : '.'}`;
    }
    return { status: response.status, errors, message };
  }

  // ---- JSON pointers ------------------------------------------------------

  const segments = (pointer) =>
    pointer.split('/').slice(1).map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));

  function getAt(object, pointer) {
    let value = object;
    for (const key of segments(pointer)) {
      if (value === null || typeof value !== 'object') return undefined;
      value = value[key];
    }
    return value;
  }

  function setAt(object, pointer, value) {
    const keys = segments(pointer);
    let target = object;
    for (const key of keys.slice(0, -1)) {
      if (typeof target[key] !== 'object' || target[key] === null) target[key] = {};
      target = target[key];
    }
    target[keys[keys.length - 1]] = value;
  }

  const isControl = (node) => node && node.matches('input, select, textarea');

  // ---- Rows (situations, projects, hand-over items, alternatives) ---------

  const rowContainers = () => Array.from(form.querySelectorAll('.rows[data-list]'));
  const rowsOf = (container) => Array.from(container.querySelector('.row-list').children);

  // Gives every row's fields ids, numbered accessible names and pointers by
  // position.
  function renumber(container) {
    const list = container.dataset.list;
    const noun = container.dataset.noun;
    const scalar = container.dataset.scalar;
    const slug = list.replace(/[^a-z]+/g, '-').replace(/^-|-$/g, '');
    rowsOf(container).forEach((row, index) => {
      row.querySelectorAll('[data-field]').forEach((input) => {
        const field = input.dataset.field;
        input.id = `${slug}-${index}-${field}`;
        input.dataset.pointer = scalar ? `${list}/${index}` : `${list}/${index}/${field}`;
        const label = row.querySelector(`label[data-for="${field}"]`);
        if (label) {
          label.htmlFor = input.id;
          let number = label.querySelector('.row-number');
          if (!number) {
            number = document.createElement('span');
            number.className = 'visually-hidden row-number';
            label.appendChild(number);
          }
          number.textContent = `, ${noun} ${index + 1}`;
        }
      });
      const remove = row.querySelector('.remove-row');
      remove.setAttribute('aria-label', `Remove ${noun} ${index + 1}`);
      row.dataset.pointer = `${list}/${index}`;
      row.setAttribute('role', 'group');
      row.setAttribute('aria-label', `${noun[0].toUpperCase()}${noun.slice(1)} ${index + 1}`);
    });
    container.dataset.pointer = list;
    const empty = container.querySelector('.row-list').children.length === 0;
    container.classList.toggle('is-empty', empty);
  }

  function addRow(container, values = {}) {
    const template = $(container.dataset.template);
    const row = template.content.firstElementChild.cloneNode(true);
    const scalar = container.dataset.scalar;
    row.querySelectorAll('[data-field]').forEach((input) => {
      const value = scalar ? values : values[input.dataset.field];
      if (typeof value === 'string' || typeof value === 'number') input.value = String(value);
    });
    container.querySelector('.row-list').appendChild(row);
    renumber(container);
    return row;
  }

  // The rows as the request sends them: empty rows are left out, and
  // `indexes` maps a sent position back to its row on screen.
  function readRows(container) {
    const items = [];
    const indexes = [];
    const scalar = container.dataset.scalar;
    rowsOf(container).forEach((row, rowIndex) => {
      const item = {};
      row.querySelectorAll('[data-field]').forEach((input) => {
        const value = input.value.trim();
        if (value !== '') item[input.dataset.field] = value;
      });
      if (Object.keys(item).length === 0) return;
      items.push(scalar ? item[scalar] : item);
      indexes.push(rowIndex);
    });
    return { items, indexes };
  }

  // ---- Reasons ------------------------------------------------------------

  let reasonsRequest = 0;
  let reasonsLoaded = false;
  let pendingReasons = [];  // checked while the catalog is not (yet) shown

  function checkedReasons() {
    if (!reasonsLoaded) return pendingReasons.slice();
    return Array.from(form.querySelectorAll('#reason-list input:checked')).map((box) => box.value);
  }

  async function loadReasons(language, checked) {
    const ticket = ++reasonsRequest;
    const list = $('reason-list');
    pendingReasons = checked.slice();
    try {
      const response = await api(`/v1/reasons?language=${encodeURIComponent(language)}`);
      if (!response.ok) throw new Error((await problemOf(response)).message);
      const catalog = await response.json();
      if (ticket !== reasonsRequest) return;  // a later language won
      const focusedId = document.activeElement && document.activeElement.id;
      list.replaceChildren();
      list.lang = language;
      for (const reason of catalog.reasons) {
        const item = document.createElement('div');
        item.className = 'check';
        const box = document.createElement('input');
        box.type = 'checkbox';
        box.id = `reason-${reason.id}`;
        box.value = reason.id;
        box.checked = checked.includes(reason.id);
        const label = document.createElement('label');
        label.htmlFor = box.id;
        label.textContent = reason.label;
        item.append(box, label);
        list.appendChild(item);
      }
      reasonsLoaded = true;
      if (focusedId && $(focusedId)) $(focusedId).focus();
    } catch (error) {
      if (ticket !== reasonsRequest) return;
      reasonsLoaded = false;
      list.replaceChildren();
      const note = document.createElement('p');
      note.className = 'field-error';
      note.textContent =
        error instanceof AuthRequired
          ? 'The reasons appear once the API key is set.'
          : `The reasons could not be loaded (${error.message}).`;
      list.appendChild(note);
    }
  }

  async function loadLanguages() {
    try {
      const response = await api('/v1/languages');
      if (!response.ok) return;
      const { languages } = await response.json();
      if (!Array.isArray(languages) || languages.length === 0) return;
      const select = $('language');
      const current = select.value;
      select.replaceChildren(
        ...languages.map((language) => {
          const option = new Option(language.name, language.code);
          option.lang = language.code;
          return option;
        }),
      );
      select.value = current;
    } catch (_) {
      // The built-in list stays.
    }
  }

  // ---- Form ⇄ request -----------------------------------------------------

  const pathInputs = () => Array.from(form.querySelectorAll('[data-path]'));

  function defaultValueOf(input) {
    if (input.type === 'checkbox') return input.defaultChecked;
    if (input.tagName === 'SELECT') {
      const selected = Array.from(input.options).find((option) => option.defaultSelected);
      return (selected || input.options[0]).value;
    }
    return '';
  }

  // A request (as the API takes it) into the form.
  function fillFromRequest(request) {
    for (const input of pathInputs()) {
      const value = getAt(request, input.dataset.path);
      switch (input.dataset.type) {
        case 'bool':
          input.checked = value === undefined ? input.defaultChecked : value === true;
          break;
        case 'lines':
          input.value = Array.isArray(value) ? value.join('\n') : '';
          break;
        case 'tristate':
          input.value = value === true ? 'true' : value === false ? 'false' : '';
          break;
        default:
          if (value === undefined || value === null) input.value = defaultValueOf(input);
          else input.value = String(value);
      }
    }
    for (const container of rowContainers()) {
      container.querySelector('.row-list').replaceChildren();
      const items = getAt(request, container.dataset.list);
      for (const item of Array.isArray(items) ? items : []) addRow(container, item);
    }
    const reasons = getAt(request, '/termination/reasons');
    return Array.isArray(reasons) ? reasons : [];
  }

  // Where each sent list item is on screen (see readRows).
  let rowIndexes = {};

  // The form as a request: empty optional inputs are left out.
  function readForm() {
    const request = {};
    for (const input of pathInputs()) {
      const path = input.dataset.path;
      if (input.dataset.requires && getAt(request, input.dataset.requires) === undefined) continue;
      const raw = input.type === 'checkbox' ? input.checked : input.value.trim();
      switch (input.dataset.type) {
        case 'bool':
          setAt(request, path, raw);
          break;
        case 'lines': {
          const lines = input.value.split('\n').map((l) => l.trim()).filter((l) => l !== '');
          if (lines.length > 0) setAt(request, path, lines);
          break;
        }
        case 'int':
          // Not a whole number: sent as typed, so the service says what is wrong.
          if (raw !== '') setAt(request, path, /^-?\d+$/.test(raw) ? Number(raw) : raw);
          else if (input.validity && input.validity.badInput) setAt(request, path, 'not a number');
          break;
        case 'tristate':
          if (raw !== '') setAt(request, path, raw === 'true');
          break;
        default:
          if (raw !== '') setAt(request, path, input.dataset.case === 'upper' ? raw.toUpperCase() : raw);
      }
    }
    const reasons = checkedReasons();
    setAt(request, '/termination/reasons', reasons);
    rowIndexes = {};
    for (const container of rowContainers()) {
      const { items, indexes } = readRows(container);
      rowIndexes[container.dataset.list] = indexes;
      if (items.length > 0) setAt(request, container.dataset.list, items);
    }
    // Goodwill "none" with nothing else is no goodwill at all.
    if (request.goodwill && Object.keys(request.goodwill).length === 1 && request.goodwill.kind === 'none') {
      delete request.goodwill;
    }
    return request;
  }

  // Everything on screen, empty rows included, for the reload.
  function snapshot() {
    const fields = {};
    for (const input of pathInputs()) {
      fields[input.id] = input.type === 'checkbox' ? input.checked : input.value;
    }
    const rows = {};
    for (const container of rowContainers()) {
      rows[container.dataset.list] = rowsOf(container).map((row) => {
        const item = {};
        row.querySelectorAll('[data-field]').forEach((input) => {
          item[input.dataset.field] = input.value;
        });
        return item;
      });
    }
    return { version: 1, fields, rows, reasons: checkedReasons() };
  }

  function restore(state) {
    for (const input of pathInputs()) {
      const value = state.fields ? state.fields[input.id] : undefined;
      if (input.type === 'checkbox') input.checked = typeof value === 'boolean' ? value : input.defaultChecked;
      else input.value = typeof value === 'string' ? value : defaultValueOf(input);
      if (input.tagName === 'SELECT' && input.selectedIndex < 0) input.value = defaultValueOf(input);
    }
    for (const container of rowContainers()) {
      container.querySelector('.row-list').replaceChildren();
      const items = state.rows ? state.rows[container.dataset.list] : [];
      for (const item of Array.isArray(items) ? items : []) {
        const row = addRow(container);
        row.querySelectorAll('[data-field]').forEach((input) => {
          const value = item && item[input.dataset.field];
          if (typeof value === 'string') input.value = value;
        });
      }
    }
    return Array.isArray(state.reasons) ? state.reasons.filter((r) => typeof r === 'string') : [];
  }

  function isBlank() {
    return JSON.stringify(snapshot()) === JSON.stringify(resetToDefaults(true));
  }

  // The defaults, as a snapshot (dry) or applied to the form.
  function resetToDefaults(dry) {
    const fields = {};
    for (const input of pathInputs()) fields[input.id] = defaultValueOf(input);
    const rows = {};
    for (const container of rowContainers()) rows[container.dataset.list] = [];
    const state = { version: 1, fields, rows, reasons: [] };
    if (dry) return state;
    restore(state);
    return state;
  }

  // ---- Saving across reloads ----------------------------------------------

  let saveTimer = 0;

  function scheduleSave() {
    clearTimeout(saveTimer);
    saveTimer = setTimeout(saveNow, SAVE_DELAY_MS);
  }

  function saveNow() {
    clearTimeout(saveTimer);
    saveTimer = 0;
    storageSet('localStorage', STORAGE_KEY, JSON.stringify(snapshot()));
  }

  function loadSaved() {
    const text = storageGet('localStorage', STORAGE_KEY);
    if (!text) return null;
    try {
      const state = JSON.parse(text);
      return state && state.version === 1 ? state : null;
    } catch (_) {
      return null;
    }
  }

  // ---- Errors next to their fields ----------------------------------------

  // A field counts as touched once the user changed it (or the form was
  // filled for them); errors of untouched fields wait in the summaries until
  // the user asks for the letter.
  let showAllErrors = false;
  let lastErrors = [];
  let errorCount = 0;

  function markTouched(input) {
    if (isControl(input)) input.dataset.touched = '';
  }

  function markFilledTouched() {
    for (const input of form.querySelectorAll('input, select, textarea')) {
      const filled = input.type === 'checkbox' ? input.checked : input.value.trim() !== '';
      if (filled) markTouched(input);
    }
  }

  // A pointer of the sent request → the same pointer on screen (rows with
  // nothing in them are not sent, so positions can differ).
  function screenPointer(pointer) {
    for (const [list, indexes] of Object.entries(rowIndexes)) {
      if (pointer === list || !pointer.startsWith(`${list}/`)) continue;
      const rest = pointer.slice(list.length + 1);
      const slash = rest.indexOf('/');
      const index = Number(slash < 0 ? rest : rest.slice(0, slash));
      if (!Number.isInteger(index) || indexes[index] === undefined) return pointer;
      return `${list}/${indexes[index]}${slash < 0 ? '' : rest.slice(slash)}`;
    }
    return pointer;
  }

  const byPointer = (pointer) =>
    form.querySelector(`[data-pointer="${CSS.escape(pointer)}"], [data-also="${CSS.escape(pointer)}"]`);

  // The element a pointer names: the field itself, else the first field
  // inside it, else the nearest enclosing one.
  function elementFor(requestPointer) {
    const pointer = screenPointer(requestPointer);
    const exact = byPointer(pointer);
    if (exact) return exact;
    const inside = form.querySelector(`[data-pointer^="${CSS.escape(`${pointer}/`)}"]`);
    if (inside && pointer !== '') return inside;
    let current = pointer;
    while (current.includes('/')) {
      current = current.slice(0, current.lastIndexOf('/'));
      if (current === '') break;
      const found = byPointer(current);
      if (found) return found;
    }
    return null;
  }

  function focusTarget(target) {
    const focusable = isControl(target) ? target : target.querySelector('input, select, textarea, button');
    if (!focusable) return;
    focusable.focus();
    focusable.scrollIntoView({ block: 'center', behavior: 'auto' });
  }

  // A readable name for a field: its legend or label, with the row number.
  function nameOf(target) {
    const text = (node) =>
      Array.from(node.childNodes)
        .filter((child) => child.nodeType === Node.TEXT_NODE || child.classList.contains('row-number'))
        .map((child) => child.textContent)
        .join('')
        .replace(/\s+/g, ' ')
        .trim();
    let label = '';
    if (isControl(target) && target.id) {
      const node = form.querySelector(`label[for="${CSS.escape(target.id)}"]`);
      if (node) label = text(node);
    } else {
      const legend = target.querySelector('legend, h3');
      if (legend) label = text(legend);
    }
    const group = target.closest('fieldset.sub') || target.closest('.letter-form > fieldset');
    const section = group && group !== target ? group.querySelector('legend') : null;
    const sectionName = section ? text(section) : '';
    if (sectionName && label && !label.toLowerCase().includes(sectionName.toLowerCase())) {
      return `${sectionName}: ${label}`;
    }
    return label || sectionName;
  }

  function clearInlineErrors() {
    form.querySelectorAll('.field-error[data-generated]').forEach((node) => node.remove());
    form.querySelectorAll('[aria-invalid]').forEach((node) => {
      node.removeAttribute('aria-invalid');
      const kept = (node.getAttribute('aria-describedby') || '')
        .split(' ')
        .filter((id) => id && !id.startsWith('error-'));
      if (kept.length > 0) node.setAttribute('aria-describedby', kept.join(' '));
      else node.removeAttribute('aria-describedby');
    });
    form.querySelectorAll('.has-error').forEach((node) => node.classList.remove('has-error'));
  }

  function clearErrors() {
    lastErrors = [];
    clearInlineErrors();
    $('error-list').replaceChildren();
    $('error-summary').hidden = true;
    $('plan-problems').replaceChildren();
    $('plan-problems-box').hidden = true;
  }

  // "Notice period" + "must be between 0 and 120 months" reads as a sentence.
  function sentence(name, message) {
    return /^[a-z]/.test(message) ? `${name} ${message}` : `${name}: ${message}`;
  }

  function errorLink(target, pointer, message) {
    const link = document.createElement('a');
    link.href = `#${target && target.id ? target.id : 'letter-form'}`;
    link.textContent = sentence((target && nameOf(target)) || pointer, message);
    link.addEventListener('click', (event) => {
      event.preventDefault();
      if (target) focusTarget(target);
    });
    return link;
  }

  // Shows 422 errors: next to touched fields (all after a "Create PDF"),
  // and in the plan's list and, when asked for, the summary above the form.
  function showErrors(errors, { summary }) {
    clearInlineErrors();
    lastErrors = errors;
    const planList = $('plan-problems');
    const summaryList = $('error-list');
    planList.replaceChildren();
    summaryList.replaceChildren();
    for (const { pointer = '', message = '' } of errors) {
      const target = elementFor(pointer);
      const touched = target && (isControl(target) ? 'touched' in target.dataset : target.querySelector('[data-touched]'));
      const inline = target && (showAllErrors || touched);
      if (inline) {
        const note = document.createElement('p');
        note.className = 'field-error';
        note.dataset.generated = '';
        note.id = `error-${++errorCount}`;
        note.textContent = message;
        const holder = isControl(target) ? target.closest('.field') || target.parentElement : target;
        holder.classList.add('has-error');
        if (isControl(target)) {
          target.setAttribute('aria-invalid', 'true');
          const described = target.getAttribute('aria-describedby');
          target.setAttribute('aria-describedby', described ? `${described} ${note.id}` : note.id);
          holder.appendChild(note);
        } else {
          const heading = target.querySelector(':scope > legend, :scope > h3');
          if (heading) heading.after(note);
          else target.prepend(note);
        }
      }
      for (const list of [planList, summaryList]) {
        const item = document.createElement('li');
        if (target) item.appendChild(errorLink(target, pointer, message));
        else item.textContent = pointer ? sentence(pointer, message) : message;
        list.appendChild(item);
      }
    }
    $('plan-problems-box').hidden = errors.length === 0;
    $('error-summary-detail').hidden = true;
    $('error-summary-heading').textContent =
      errors.length === 1 ? 'Please check this field' : `Please check these ${errors.length} fields`;
    if (summary) $('error-summary').hidden = errors.length === 0;
  }

  // A problem that names no field (400, 413, 5xx, offline).
  function showGeneralProblem(message) {
    clearInlineErrors();
    $('error-list').replaceChildren();
    $('error-summary-heading').textContent = 'The letter could not be made';
    $('error-summary-detail').textContent = message;
    $('error-summary-detail').hidden = false;
    $('error-summary').hidden = false;
  }

  // ---- The live plan ------------------------------------------------------

  let planTimer = 0;
  let planAbort = null;
  let planTicket = 0;

  function schedulePlan() {
    clearTimeout(planTimer);
    planTimer = setTimeout(updatePlan, PLAN_DELAY_MS);
  }

  function parseIso(iso) {
    const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso || '');
    return match ? new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]))) : null;
  }

  function formatDate(iso, style = 'full') {
    const date = parseIso(iso);
    if (!date) return iso || '';
    try {
      return new Intl.DateTimeFormat('en-GB', { dateStyle: style, timeZone: 'UTC' }).format(date);
    } catch (_) {
      return iso;
    }
  }

  function setPlanStatus(text, kind) {
    const status = $('plan-status');
    status.textContent = text;
    status.dataset.kind = kind || '';
  }

  async function updatePlan() {
    clearTimeout(planTimer);
    if (planAbort) planAbort.abort();
    const ticket = ++planTicket;
    if (isBlank()) {
      clearErrors();
      $('plan-body').hidden = true;
      setPlanStatus('Fill in the form, or load the example, to see when the contract ends.');
      return;
    }
    planAbort = new AbortController();
    const request = readForm();
    $('plan').setAttribute('aria-busy', 'true');
    try {
      const response = await api('/v1/letters/plan', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(request),
        signal: planAbort.signal,
      });
      if (ticket !== planTicket) return;
      if (!response.ok) {
        const problem = await problemOf(response);
        if (ticket !== planTicket) return;
        $('plan-body').hidden = true;
        if (problem.status === 422 && problem.errors.length > 0) {
          showErrors(problem.errors, { summary: !$('error-summary').hidden });
          const count = problem.errors.length;
          setPlanStatus(`No plan yet: ${count} ${count === 1 ? 'field needs' : 'fields need'} attention.`, 'problem');
        } else {
          clearErrors();
          setPlanStatus(`No plan: ${problem.message}`, 'problem');
        }
        return;
      }
      const plan = await response.json();
      if (ticket !== planTicket) return;
      clearErrors();
      showPlan(plan);
    } catch (error) {
      if (error.name === 'AbortError' || ticket !== planTicket) return;
      $('plan-body').hidden = true;
      setPlanStatus(
        error instanceof AuthRequired ? 'The plan appears once the API key is set.' : 'The service cannot be reached.',
        'problem',
      );
    } finally {
      if (ticket === planTicket) $('plan').removeAttribute('aria-busy');
    }
  }

  // Text with its ISO dates kept on one line (Chromium breaks after hyphens).
  function withDates(text) {
    const fragment = document.createDocumentFragment();
    let last = 0;
    for (const match of String(text).matchAll(/\d{4}-\d{2}-\d{2}/g)) {
      fragment.append(text.slice(last, match.index));
      const date = document.createElement('span');
      date.className = 'nowrap';
      date.textContent = match[0];
      fragment.append(date);
      last = match.index + match[0].length;
    }
    fragment.append(String(text).slice(last));
    return fragment;
  }

  function listInto(list, items, render) {
    list.replaceChildren(...items.map(render));
    list.closest('[id$="-box"]').hidden = items.length === 0;
  }

  function showPlan(plan) {
    setPlanStatus('The letter will end the contract on', 'ok');
    $('plan-end-date').textContent = plan.effective_end_date ? formatDate(plan.effective_end_date) : '—';
    $('plan-end-iso').textContent = plan.effective_end_date || '';
    $('plan-route').textContent = ROUTE_NAMES[plan.route] || (plan.route || '').replace(/_/g, ' ');
    $('plan-derivation').replaceChildren(withDates(plan.derivation || ''));
    $('plan-letter-date').textContent = plan.letter_date ? formatDate(plan.letter_date, 'long') : '';
    $('plan-letter-date').hidden = !plan.letter_date;
    $('plan-letter-date-label').hidden = !plan.letter_date;

    const others = (plan.options || []).filter((option) => option.route !== plan.route || option.date !== plan.effective_end_date);
    listInto($('plan-options'), others, (option) => {
      const item = document.createElement('li');
      const strong = document.createElement('strong');
      strong.textContent = `${ROUTE_NAMES[option.route] || option.route}: ${formatDate(option.date, 'long')}`;
      item.append(strong);
      if (option.derivation) item.append(document.createElement('br'), withDates(option.derivation));
      return item;
    });
    listInto($('plan-notes'), plan.notes || [], (note) => {
      const item = document.createElement('li');
      item.append(withDates(note));
      return item;
    });
    listInto($('plan-warnings'), plan.warnings || [], (warning) => {
      const item = document.createElement('li');
      const target = warning.pointer ? elementFor(warning.pointer) : null;
      if (target) {
        const link = document.createElement('a');
        link.href = `#${target.id || 'letter-form'}`;
        link.append(withDates(warning.message));
        link.addEventListener('click', (event) => {
          event.preventDefault();
          focusTarget(target);
        });
        item.append(link);
      } else {
        item.append(withDates(warning.message));
      }
      return item;
    });
    listInto($('plan-sections'), plan.sections || [], (section) => {
      const item = document.createElement('li');
      item.textContent = section.replace(/_/g, ' ');
      return item;
    });
    $('plan-body').hidden = false;
  }

  // ---- The PDF ------------------------------------------------------------

  function fileNameFrom(response, draft) {
    const disposition = response.headers.get('Content-Disposition') || '';
    let name = 'letter.pdf';
    const extended = /filename\*\s*=\s*UTF-8''([^;]+)/i.exec(disposition);
    const plain = /filename\s*=\s*"([^"]+)"/i.exec(disposition) || /filename\s*=\s*([^;\s]+)/i.exec(disposition);
    try {
      if (extended) name = decodeURIComponent(extended[1]);
      else if (plain) name = plain[1];
    } catch (_) {
      if (plain) name = plain[1];
    }
    name = name.replace(/[/\\]/g, '_');
    if (draft && !/-draft\.pdf$/i.test(name)) name = name.replace(/(\.pdf)?$/i, '-draft.pdf');
    return name;
  }

  let downloading = false;

  async function download(draft) {
    if (downloading) return;
    downloading = true;
    const buttons = [$('create-pdf'), $('review-draft')];
    const status = $('action-status');
    buttons.forEach((button) => {
      button.disabled = true;
    });
    form.setAttribute('aria-busy', 'true');
    status.dataset.kind = '';
    status.textContent = draft ? 'Creating the draft for review…' : 'Creating the letter…';
    showAllErrors = true;
    try {
      const request = readForm();
      request.options = { ...(request.options || {}), draft };
      const response = await api('/v1/letters', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(request),
      });
      if (!response.ok) {
        const problem = await problemOf(response);
        if (problem.status === 422 && problem.errors.length > 0) showErrors(problem.errors, { summary: true });
        else showGeneralProblem(problem.message);
        status.dataset.kind = 'problem';
        status.textContent = draft ? 'The draft was not created.' : 'The letter was not created.';
        $('error-summary').focus();
        return;
      }
      const blob = await response.blob();
      $('error-summary').hidden = true;
      const url = URL.createObjectURL(blob);
      const link = document.createElement('a');
      link.href = url;
      link.download = fileNameFrom(response, draft);
      link.hidden = true;
      document.body.appendChild(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(url), 60000);
      status.dataset.kind = 'ok';
      status.textContent = `Downloaded ${link.download}.`;
    } catch (error) {
      status.dataset.kind = 'problem';
      status.textContent =
        error instanceof AuthRequired ? 'Please enter the API key above, then try again.' : 'The service cannot be reached.';
    } finally {
      buttons.forEach((button) => {
        button.disabled = false;
      });
      form.removeAttribute('aria-busy');
      downloading = false;
    }
  }

  // ---- Start over, example, undo ------------------------------------------

  let undoState = null;

  function announce(text, withUndo) {
    const status = $('toolbar-status');
    status.replaceChildren(text);
    if (withUndo) {
      const undo = document.createElement('button');
      undo.type = 'button';
      undo.className = 'link';
      undo.textContent = 'Undo';
      undo.addEventListener('click', () => {
        if (!undoState) return;
        const reasons = restore(undoState);
        undoState = null;
        afterReplace(reasons);
        announce('Your input is back.');
      });
      status.append(' ', undo);
    }
  }

  function afterReplace(reasons) {
    clearErrors();
    showAllErrors = false;
    form.querySelectorAll('[data-touched]').forEach((node) => delete node.dataset.touched);
    markFilledTouched();
    $('action-status').textContent = '';
    loadReasons($('language').value, reasons).then(() => {
      saveNow();
      updatePlan();
    });
  }

  function startOver() {
    undoState = isBlank() ? null : snapshot();
    resetToDefaults(false);
    afterReplace([]);
    announce('The form is empty.', Boolean(undoState));
    $('language').focus();
  }

  function loadExample() {
    undoState = isBlank() ? null : snapshot();
    const reasons = fillFromRequest(EXAMPLE);
    afterReplace(reasons);
    announce('The example is loaded.', Boolean(undoState));
  }

  // ---- Wiring -------------------------------------------------------------

  function onInput(event) {
    if (event.target.closest('#reason-list')) pendingReasons = checkedReasons();
    if (event.type === 'change') markTouched(event.target);
    scheduleSave();
    schedulePlan();
  }

  function init() {
    pathInputs().forEach((input) => {
      input.dataset.pointer = input.dataset.path;
    });
    rowContainers().forEach(renumber);

    const saved = loadSaved();
    const reasons = saved ? restore(saved) : [];
    markFilledTouched();

    form.addEventListener('input', onInput);
    form.addEventListener('change', onInput);
    form.addEventListener('focusout', (event) => {
      if (isControl(event.target) && event.target.value !== '') markTouched(event.target);
    });
    // Nothing submits the form: Enter in a field never sends the letter.
    form.addEventListener('submit', (event) => event.preventDefault());
    form.addEventListener('keydown', (event) => {
      if (event.key === 'Enter' && event.target.matches('input:not([type="checkbox"]):not([type="radio"])')) {
        event.preventDefault();
      }
    });
    form.addEventListener('click', (event) => {
      const add = event.target.closest('.add-row');
      if (add) {
        const row = addRow(add.closest('.rows'));
        row.querySelector('input').focus();
        scheduleSave();
        schedulePlan();
        return;
      }
      const remove = event.target.closest('.remove-row');
      if (remove) {
        const container = remove.closest('.rows');
        const row = remove.closest('.row');
        const next = row.nextElementSibling || row.previousElementSibling;
        row.remove();
        renumber(container);
        (next ? next.querySelector('input') : container.querySelector('.add-row')).focus();
        scheduleSave();
        schedulePlan();
      }
    });
    $('create-pdf').addEventListener('click', () => download(false));
    $('review-draft').addEventListener('click', () => download(true));
    $('start-over').addEventListener('click', startOver);
    $('load-example').addEventListener('click', loadExample);
    $('language').addEventListener('change', () => {
      loadReasons($('language').value, checkedReasons());
    });
    $('auth-form').addEventListener('submit', (event) => {
      event.preventDefault();
      const key = $('api-key').value.trim();
      storageSet('sessionStorage', API_KEY_STORAGE, key === '' ? null : key);
      $('api-key').value = '';
      $('auth-box').hidden = true;
      loadLanguages();
      loadReasons($('language').value, checkedReasons()).then(updatePlan);
    });
    // The debounce must not lose the last keystrokes to a reload.
    window.addEventListener('pagehide', () => {
      if (saveTimer) saveNow();
    });
    document.addEventListener('visibilitychange', () => {
      if (document.visibilityState === 'hidden' && saveTimer) saveNow();
    });

    loadLanguages();
    loadReasons($('language').value, reasons).then(updatePlan);
  }

  init();
})();
