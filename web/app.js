// Parting's web form: builds a letter request from the fields, shows the
// plan as the user types, puts errors next to their field in the user's
// words and interface language (web/i18n.js), keeps a draft in this browser
// for a visible time, previews the PDF in the page from the same bytes it
// downloads, and copies the request as JSON or curl. No framework, no
// network access beyond this service.
'use strict';

(() => {
  const PLAN_DELAY_MS = 350;
  const SAVE_DELAY_MS = 250;
  const DRAFT_DAYS = 30;
  const DAY_MS = 24 * 60 * 60 * 1000;
  const STORAGE_KEY = 'parting.form.v1';
  const UI_LANGUAGE_STORAGE = 'parting.uiLanguage';
  const API_KEY_STORAGE = 'parting.apiKey';
  const UI_LANGUAGES = ['en', 'de', 'pt', 'pl', 'th'];
  const DATE_LOCALES = { en: 'en-GB', de: 'de-DE', pt: 'pt-BR', pl: 'pl-PL', th: 'th-TH' };
  const EXAMPLES = window.PARTING_EXAMPLES || {};
  const MESSAGES = window.PARTING_I18N || {};

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

  // ---- The interface language ---------------------------------------------

  let ui = 'en';
  // The English of every data-i18n key, as index.html has it.
  const english = {};

  function t(key, params = {}) {
    const own = MESSAGES[ui] && MESSAGES[ui][key];
    const text = own !== undefined ? own : (MESSAGES.en && MESSAGES.en[key]) || english[key] || key;
    return text.replace(/\{(\w+)\}/g, (whole, name) => (name in params ? String(params[name]) : whole));
  }

  // Every element with text to translate, in the page and in the row
  // templates.
  function translatable(selector) {
    const nodes = Array.from(document.querySelectorAll(selector));
    document.querySelectorAll('template').forEach((template) => {
      nodes.push(...template.content.querySelectorAll(selector));
    });
    return nodes;
  }

  function attributePairs(node) {
    return node.dataset.i18nAttr.split(';').map((pair) => pair.split(':'));
  }

  function collectEnglish() {
    for (const node of translatable('[data-i18n]')) {
      if (!(node.dataset.i18n in english)) english[node.dataset.i18n] = node.textContent.trim();
    }
    for (const node of translatable('[data-i18n-attr]')) {
      for (const [attribute, key] of attributePairs(node)) {
        if (!(key in english)) english[key] = node.getAttribute(attribute) || '';
      }
    }
  }

  function applyTranslations() {
    document.documentElement.lang = ui;
    for (const node of translatable('[data-i18n]')) node.textContent = t(node.dataset.i18n);
    for (const node of translatable('[data-i18n-attr]')) {
      for (const [attribute, key] of attributePairs(node)) node.setAttribute(attribute, t(key));
    }
    document.querySelectorAll('.amount-hint').forEach((hint) => {
      hint.textContent = t('hint.amount', { example: formatAmount('1250.00') });
    });
  }

  function detectUiLanguage() {
    const stored = storageGet('localStorage', UI_LANGUAGE_STORAGE);
    if (UI_LANGUAGES.includes(stored)) return stored;
    for (const tag of navigator.languages || [navigator.language || 'en']) {
      const code = String(tag).toLowerCase().split('-')[0];
      if (UI_LANGUAGES.includes(code)) return code;
    }
    return 'en';
  }

  // ---- Amounts in the interface language's notation -----------------------

  function separators() {
    const parts = new Intl.NumberFormat(DATE_LOCALES[ui]).formatToParts(12345.6);
    const decimal = (parts.find((p) => p.type === 'decimal') || { value: '.' }).value;
    return { decimal, group: decimal === ',' ? '.' : ',' };
  }

  // "1.250,00" (de), "1,250.00" (en), "1250.00" anywhere → "1250.00"; null
  // when it is no amount. Group marks count only before three digits.
  function parseAmount(text) {
    const { decimal, group } = separators();
    const compact = text.replace(/[\s\u00a0\u202f'’]/g, '');
    if (!/^\d[\d.,]*$/.test(compact)) return null;
    let whole = compact;
    let fraction = '';
    const last = Math.max(compact.lastIndexOf(decimal), compact.lastIndexOf(group));
    const lastMark = last >= 0 ? compact[last] : '';
    const tail = last >= 0 ? compact.slice(last + 1) : '';
    const isDecimal =
      lastMark === decimal ||
      // "1250.00" typed in a comma locale: a dot before one or two digits is
      // no group mark, so it is the decimal point.
      (lastMark === '.' && decimal === ',' && /^\d{1,2}$/.test(tail) && compact.indexOf('.') === last);
    if (last >= 0 && isDecimal) {
      whole = compact.slice(0, last);
      fraction = tail;
      if (!/^\d+$/.test(fraction)) return null;
    }
    const groups = whole.split(group);
    if (groups.length > 1 && !groups.slice(1).every((g) => /^\d{3}$/.test(g))) return null;
    whole = groups.join('');
    if (!/^\d+$/.test(whole)) return null;
    return fraction ? `${whole}.${fraction}` : whole;
  }

  // "1250.00" as the interface language writes it ("1250,00"), without
  // group marks, so that it reads back unchanged.
  function formatAmount(value) {
    const { decimal } = separators();
    return /^\d+(\.\d+)?$/.test(value) ? value.replace('.', decimal) : value;
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

  let authRejected = false;
  function askForApiKey(rejected) {
    authRejected = rejected;
    $('auth-box').hidden = false;
    $('auth-message').textContent = t(rejected ? 'auth.rejected' : 'auth.needed');
  }

  async function problemOf(response) {
    let problem = {};
    try {
      problem = await response.json();
    } catch (_) {
      // Not problem+json (a proxy's page, say): fall back to the status.
    }
    const errors = Array.isArray(problem.errors) ? problem.errors : [];
    const status = response.status;
    let message;
    if (status === 400) message = t('problem.unreadable');
    else if (status === 413) message = t('problem.too_large');
    else if (status === 422) message = t('problem.invalid');
    else if (status === 503) message = t('problem.busy', { status });
    else if (status >= 500) message = t('problem.server', { status });
    else message = t('problem.other', { status });
    return { status, errors, message };
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
      const n = index + 1;
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
          number.textContent = t(`${noun}.suffix`, { n });
        }
      });
      row.querySelector('.remove-row').setAttribute('aria-label', t(`${noun}.remove`, { n }));
      row.dataset.pointer = `${list}/${index}`;
      row.setAttribute('role', 'group');
      row.setAttribute('aria-label', t(`${noun}.name`, { n }));
    });
    container.dataset.pointer = list;
    container.classList.toggle('is-empty', rowsOf(container).length === 0);
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

  // A multi-line text as the letter takes it: one paragraph.
  const oneParagraph = (text) => text.split(/\s*\n\s*/).filter((l) => l !== '').join(' ').trim();

  // The rows as the request sends them: empty rows are left out, and
  // `indexes` maps a sent position back to its row on screen.
  function readRows(container) {
    const items = [];
    const indexes = [];
    const scalar = container.dataset.scalar;
    rowsOf(container).forEach((row, rowIndex) => {
      const item = {};
      row.querySelectorAll('[data-field]').forEach((input) => {
        const value = input.dataset.type === 'paragraph' ? oneParagraph(input.value) : input.value.trim();
        if (value !== '') item[input.dataset.field] = value;
      });
      // A row with only a half-typed date is not empty: it is sent, and
      // its date is reported.
      const unreadable = Array.from(row.querySelectorAll('input')).some((i) => i.validity.badInput);
      if (Object.keys(item).length === 0 && !unreadable) return;
      items.push(scalar ? item[scalar] : item);
      indexes.push(rowIndex);
    });
    return { items, indexes };
  }

  // ---- Reasons: labels in the interface language, the letter's wording as
  // a preview ----------------------------------------------------------------

  const catalogs = {};
  let reasonsRequest = 0;
  let reasonsLoaded = false;
  let pendingReasons = [];  // checked while the catalog is not (yet) shown

  function checkedReasons() {
    if (!reasonsLoaded) return pendingReasons.slice();
    return Array.from(form.querySelectorAll('#reason-list input:checked')).map((box) => box.value);
  }

  function catalog(language) {
    if (!catalogs[language]) {
      catalogs[language] = api(`/v1/reasons?language=${encodeURIComponent(language)}`)
        .then(async (response) => {
          if (!response.ok) throw new Error((await problemOf(response)).message);
          const body = await response.json();
          return new Map(body.reasons.map((reason) => [reason.id, reason.label]));
        })
        .catch((error) => {
          delete catalogs[language];
          throw error;
        });
    }
    return catalogs[language];
  }

  async function loadReasons(checked) {
    const ticket = ++reasonsRequest;
    const letter = $('language').value;
    const list = $('reason-list');
    pendingReasons = checked.slice();
    try {
      const [own, wording] = await Promise.all([catalog(ui), catalog(letter)]);
      if (ticket !== reasonsRequest) return;  // a later language won
      const focusedId = document.activeElement && document.activeElement.id;
      list.replaceChildren();
      list.lang = ui;
      list.dataset.letterLanguage = letter;
      for (const [id, label] of wording) {
        const item = document.createElement('div');
        item.className = 'check reason';
        const box = document.createElement('input');
        box.type = 'checkbox';
        box.id = `reason-${id}`;
        box.value = id;
        box.checked = checked.includes(id);
        const text = document.createElement('label');
        text.htmlFor = box.id;
        text.textContent = own.get(id) || label;
        item.append(box, text);
        if (letter !== ui) {
          const preview = document.createElement('span');
          preview.className = 'reason-preview';
          preview.id = `reason-${id}-preview`;
          preview.lang = letter;
          preview.textContent = label;
          box.setAttribute('aria-describedby', preview.id);
          item.append(preview);
        }
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
        error instanceof AuthRequired ? t('reasons.need_key') : t('reasons.failed', { detail: error.message });
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
        case 'flag':
          input.checked = typeof value === 'boolean' ? value : input.defaultChecked;
          break;
        case 'lines':
          input.value = Array.isArray(value) ? value.join('\n') : '';
          break;
        case 'tristate':
          input.value = value === true ? 'true' : value === false ? 'false' : '';
          break;
        case 'amount':
          input.value = typeof value === 'string' ? formatAmount(value) : '';
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
    $('legal-details').open = Boolean(getAt(request, '/sender/legal'));
    const reasons = getAt(request, '/termination/reasons');
    return Array.isArray(reasons) ? reasons : [];
  }

  // Where each sent list item is on screen (see readRows).
  let rowIndexes = {};

  // The form as a request: empty optional inputs are left out, and so are
  // switches left at the service's default.
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
        case 'flag':
          if (raw !== input.defaultChecked) setAt(request, path, raw);
          break;
        case 'lines': {
          const lines = input.value.split('\n').map((l) => l.trim()).filter((l) => l !== '');
          if (lines.length > 0) setAt(request, path, lines);
          break;
        }
        case 'int':
          // Not a whole number: sent as typed, so the service says what is wrong.
          if (raw !== '') setAt(request, path, /^-?\d+$/.test(raw) ? Number(raw) : raw);
          break;
        case 'amount':
          if (raw !== '') setAt(request, path, parseAmount(raw) || raw);
          break;
        case 'tristate':
          if (raw !== '') setAt(request, path, raw === 'true');
          break;
        default:
          if (raw !== '') setAt(request, path, input.dataset.case === 'upper' ? raw.toUpperCase() : raw);
      }
    }
    setAt(request, '/termination/reasons', checkedReasons());
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

  // Fields whose text the browser could not read as a value (a date typed
  // half, "1e" in a number): never sent as if empty.
  function unreadableFields() {
    return Array.from(form.querySelectorAll('input')).filter(
      (input) => !input.closest('template') && input.validity && input.validity.badInput,
    );
  }

  function clientErrors() {
    return unreadableFields().map((input) => ({
      pointer: input.dataset.pointer || '',
      text: t(input.type === 'date' ? 'err.date_incomplete' : 'err.number', { field: nameOf(input) }),
      target: input,
    }));
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
    $('legal-details').open = pathInputs().some((i) => i.closest('#legal-details') && i.value !== '');
    return Array.isArray(state.reasons) ? state.reasons.filter((r) => typeof r === 'string') : [];
  }

  function blankState() {
    const fields = {};
    for (const input of pathInputs()) fields[input.id] = defaultValueOf(input);
    fields.language = $('language').value;  // the letter's language is a choice, not input
    const rows = {};
    for (const container of rowContainers()) rows[container.dataset.list] = [];
    return { version: 1, fields, rows, reasons: [] };
  }

  function isBlank() {
    return JSON.stringify(snapshot()) === JSON.stringify(blankState()) && unreadableFields().length === 0;
  }

  // ---- The draft kept in this browser, for a time the user sees -----------

  let saveTimer = 0;

  function scheduleSave() {
    clearTimeout(saveTimer);
    saveTimer = setTimeout(saveNow, SAVE_DELAY_MS);
  }

  function saveNow() {
    clearTimeout(saveTimer);
    saveTimer = 0;
    if (isBlank()) storageSet('localStorage', STORAGE_KEY, null);
    else storageSet('localStorage', STORAGE_KEY, JSON.stringify({ ...snapshot(), savedAt: Date.now() }));
    showDraftNotice();
  }

  // The saved draft, unless it is older than DRAFT_DAYS (then it is gone).
  function loadSaved() {
    const text = storageGet('localStorage', STORAGE_KEY);
    if (!text) return null;
    try {
      const state = JSON.parse(text);
      if (!state || state.version !== 1) return null;
      if (typeof state.savedAt !== 'number' || Date.now() - state.savedAt > DRAFT_DAYS * DAY_MS) {
        storageSet('localStorage', STORAGE_KEY, null);
        return null;
      }
      return state;
    } catch (_) {
      return null;
    }
  }

  function showDraftNotice() {
    const saved = loadSaved();
    const text = $('draft-notice-text');
    if (saved) {
      const until = new Date(saved.savedAt + DRAFT_DAYS * DAY_MS);
      text.textContent = t('draft.kept', { days: DRAFT_DAYS, date: formatInstant(until) });
    } else {
      text.textContent = t('draft.none', { days: DRAFT_DAYS });
    }
    $('forget-draft').hidden = !saved;
  }

  function forgetDraft() {
    storageSet('localStorage', STORAGE_KEY, null);
    resetForm();
    afterReplace([], false);
    undoState = null;
    showDraftNotice();
    announce(t('draft.forgotten'));
    $('language').focus();
  }

  // ---- Errors next to their fields, in the user's words --------------------

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
    const details = focusable.closest('details');
    if (details) details.open = true;
    focusable.focus();
    focusable.scrollIntoView({ block: 'center', behavior: 'auto' });
  }

  // The words of a label or legend: its own text, not its hints.
  function wordsOf(node) {
    const own = node.querySelector(':scope > [data-i18n]:not(.hint)');
    const number = node.querySelector(':scope > .row-number');
    const text = own ? own.textContent : node.dataset.i18n ? node.textContent.replace(number ? number.textContent : '', '') : '';
    return `${text}${number ? number.textContent : ''}`.replace(/\s+/g, ' ').trim();
  }

  // A readable name for a field: its label, with its section and row.
  function nameOf(target) {
    let label = '';
    if (isControl(target) && target.id) {
      const node = form.querySelector(`label[for="${CSS.escape(target.id)}"]`);
      if (node) label = wordsOf(node);
    } else {
      const legend = target.querySelector('legend, .rows-heading');
      if (legend) label = wordsOf(legend);
    }
    const group = target.closest('fieldset.sub') || target.closest('.letter-form > fieldset');
    const section = group && group !== target ? group.querySelector('legend') : null;
    const sectionName = section ? wordsOf(section) : '';
    if (sectionName && label && !label.toLowerCase().includes(sectionName.toLowerCase())) {
      return t('err.field_in_section', { section: sectionName, field: label });
    }
    return label || sectionName;
  }

  // The service's message (English, for developers) → a sentence in the
  // user's language that names the field by its label.
  const MESSAGE_RULES = [
    [/^needs an organization or a name/, 'err.org_or_name'],
    [/^is required(: | when )the contract has no term/, 'err.notice_required'],
    [/^is required for an amount when the contract has no currency/, 'err.currency_needed'],
    [/^(is required|must not be empty|must not be null|needs at least one line)$/, 'err.required'],
    [/^must not be negative/, 'err.negative'],
    [/^must be between (-?\d+) and (-?\d+)(?: (days|weeks|months))?/, 'err.between'],
    [/^must be at most (\d+) characters/, 'err.too_long'],
    [/^must have at most (\d+)/, 'err.too_many'],
    [/^must be a date written YYYY-MM-DD|^must be a date string/, 'err.date'],
    [/^not a real date/, 'err.not_real_date'],
    [/^must be a two-letter ISO 3166/, 'err.country'],
    [/^must be a three-letter ISO 4217|^is not an ISO 4217/, 'err.currency'],
    [/^must be a decimal number|^must have at most two decimals|^is too large/, 'err.amount'],
    [/^is not an e-mail address/, 'err.email'],
    [/^must be a (whole )?number/, 'err.number'],
    [/^must not contain/, 'err.characters'],
    [/^is not in the reason catalog/, 'err.reason'],
    [/^is earlier than the contract allows; the earliest lawful end date is (\d{4}-\d{2}-\d{2})/, 'err.too_early'],
    [/^must be one of/, 'err.choice'],
  ];

  function explain(target, pointer, message) {
    const field = (target && nameOf(target)) || pointer || t('err.the_request');
    for (const [pattern, key] of MESSAGE_RULES) {
      const match = pattern.exec(message);
      if (!match) continue;
      const first = match[1] && /^\d{4}-/.test(match[1]) ? formatDate(match[1], 'long') : match[1];
      // "120 months": the unit in the user's language.
      const second = match[3] ? `${match[2]} ${t(`range.${match[3]}`)}` : match[2];
      return t(key, { field, a: first, b: second, example: formatAmount('1250.00') });
    }
    return t('err.other', { field, detail: message });
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

  function errorLink(target, text) {
    const link = document.createElement('a');
    link.href = `#${target && target.id ? target.id : 'letter-form'}`;
    link.textContent = text;
    link.addEventListener('click', (event) => {
      event.preventDefault();
      if (target) focusTarget(target);
    });
    return link;
  }

  // The browser's own findings first; the service's for the same fields are
  // then about the value it did not get, so they are left out.
  function mergeErrors(local, remote) {
    const mine = new Set(local.map((e) => e.pointer));
    return [...local, ...remote.filter((e) => !mine.has(screenPointer(e.pointer || '')))];
  }

  // Shows errors ({pointer, message} from the service, or {pointer, text,
  // target} from the browser): next to touched fields (all after a "Create
  // PDF"), in the plan's list and, when asked for, the summary above.
  function showErrors(errors, { summary }) {
    clearInlineErrors();
    lastErrors = errors;
    const planList = $('plan-problems');
    const summaryList = $('error-list');
    planList.replaceChildren();
    summaryList.replaceChildren();
    for (const error of errors) {
      const pointer = error.pointer || '';
      const target = error.target || elementFor(pointer);
      const text = error.text || explain(target, pointer, error.message || '');
      const touched =
        error.target || (target && (isControl(target) ? 'touched' in target.dataset : target.querySelector('[data-touched]')));
      if (target && (showAllErrors || touched)) {
        const note = document.createElement('p');
        note.className = 'field-error';
        note.dataset.generated = '';
        note.id = `error-${++errorCount}`;
        note.textContent = text;
        const holder = isControl(target) ? target.closest('.field') || target.parentElement : target;
        holder.classList.add('has-error');
        if (isControl(target)) {
          target.setAttribute('aria-invalid', 'true');
          const described = target.getAttribute('aria-describedby');
          target.setAttribute('aria-describedby', described ? `${described} ${note.id}` : note.id);
          holder.appendChild(note);
        } else {
          const heading = target.querySelector(':scope > legend, :scope > .rows-heading');
          if (heading) heading.after(note);
          else target.prepend(note);
        }
      }
      for (const list of [planList, summaryList]) {
        const item = document.createElement('li');
        if (target) item.appendChild(errorLink(target, text));
        else item.textContent = text;
        list.appendChild(item);
      }
    }
    $('plan-problems-box').hidden = errors.length === 0;
    $('error-summary-detail').hidden = true;
    $('error-summary-heading').textContent =
      errors.length === 1 ? t('summary.one') : t('summary.many', { count: errors.length });
    if (summary) $('error-summary').hidden = errors.length === 0;
  }

  // A problem that names no field (400, 413, 5xx, offline).
  function showGeneralProblem(message) {
    clearInlineErrors();
    $('error-list').replaceChildren();
    $('error-summary-heading').textContent = t('summary.failed');
    $('error-summary-detail').textContent = message;
    $('error-summary-detail').hidden = false;
    $('error-summary').hidden = false;
  }

  // ---- The live plan ------------------------------------------------------

  let planTimer = 0;
  let planAbort = null;
  let planTicket = 0;
  let lastPlan = null;
  let planStatus = { key: 'plan.empty', params: {}, kind: '' };

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
      return new Intl.DateTimeFormat(DATE_LOCALES[ui], { dateStyle: style, timeZone: 'UTC' }).format(date);
    } catch (_) {
      return iso;
    }
  }

  function formatInstant(date) {
    return new Intl.DateTimeFormat(DATE_LOCALES[ui], { dateStyle: 'long' }).format(date);
  }

  function setPlanStatus(key, params = {}, kind = '') {
    planStatus = { key, params, kind };
    const status = $('plan-status');
    status.textContent = t(key, params);
    status.dataset.kind = kind;
  }

  function planUnavailable() {
    lastPlan = null;
    $('plan-body').hidden = true;
    $('actions-plan').hidden = true;
  }

  async function updatePlan() {
    clearTimeout(planTimer);
    if (planAbort) planAbort.abort();
    const ticket = ++planTicket;
    if (isBlank()) {
      clearErrors();
      planUnavailable();
      setPlanStatus('plan.empty');
      return;
    }
    planAbort = new AbortController();
    const request = readForm();
    const local = clientErrors();
    $('plan').setAttribute('aria-busy', 'true');
    try {
      const response = await api('/v1/letters/plan', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(request),
        signal: planAbort.signal,
      });
      if (ticket !== planTicket) return;
      let errors = local;
      let plan = null;
      let general = null;
      if (response.ok) plan = await response.json();
      else {
        const problem = await problemOf(response);
        if (problem.status === 422 && problem.errors.length > 0) errors = mergeErrors(local, problem.errors);
        else general = problem.message;
      }
      if (ticket !== planTicket) return;
      if (errors.length > 0) {
        planUnavailable();
        showErrors(errors, { summary: !$('error-summary').hidden });
        setPlanStatus(errors.length === 1 ? 'plan.status_one' : 'plan.status_many', { count: errors.length }, 'problem');
      } else if (general) {
        clearErrors();
        planUnavailable();
        setPlanStatus('plan.failed', { detail: general }, 'problem');
      } else {
        clearErrors();
        showPlan(plan);
      }
    } catch (error) {
      if (error.name === 'AbortError' || ticket !== planTicket) return;
      planUnavailable();
      setPlanStatus(error instanceof AuthRequired ? 'plan.need_key' : 'problem.offline', {}, 'problem');
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

  const routeName = (route) => {
    const name = t(`route.${route}`);
    return name === `route.${route}` ? String(route || '').replace(/_/g, ' ') : name;
  };

  function showPlan(plan) {
    lastPlan = plan;
    const letter = $('language').value;
    setPlanStatus('plan.ok', {}, 'ok');
    $('plan-receive-box').hidden = !plan.receive_by;
    $('plan-receive-by').textContent = plan.receive_by ? formatDate(plan.receive_by) : '';
    $('plan-end-date').textContent = plan.effective_end_date ? formatDate(plan.effective_end_date) : '—';
    $('plan-end-iso').textContent = plan.effective_end_date || '';
    $('plan-route').textContent = routeName(plan.route);
    const derivationText = $('plan-derivation-text');
    derivationText.hidden = !plan.derivation_text;
    derivationText.lang = letter;
    derivationText.replaceChildren(withDates(plan.derivation_text || ''));
    $('plan-derivation').replaceChildren(withDates(plan.derivation || ''));
    $('plan-receipt').textContent = plan.receipt_date ? formatDate(plan.receipt_date, 'long') : '';
    $('plan-receipt').hidden = $('plan-receipt-label').hidden = !plan.receipt_date;
    $('plan-letter-date').textContent = plan.letter_date ? formatDate(plan.letter_date, 'long') : '';
    $('plan-letter-date').hidden = $('plan-letter-date-label').hidden = !plan.letter_date;

    const others = (plan.options || []).filter(
      (option) => option.route !== plan.route || option.date !== plan.effective_end_date,
    );
    listInto($('plan-options'), others, (option) => {
      const item = document.createElement('li');
      const strong = document.createElement('strong');
      strong.textContent = `${routeName(option.route)}: ${formatDate(option.date, 'long')}`;
      item.append(strong);
      const how = option.derivation_text || option.derivation;
      if (how) item.append(document.createElement('br'), withDates(how));
      return item;
    });
    listInto($('plan-notes'), plan.notes || [], (note) => {
      const item = document.createElement('li');
      item.append(withDates(typeof note === 'string' ? note : note.text || note.message || ''));
      return item;
    });
    listInto($('plan-warnings'), plan.warnings || [], (warning) => {
      const item = document.createElement('li');
      const words = warning.text || warning.message;
      if (warning.text) item.lang = letter;
      const target = warning.pointer ? elementFor(warning.pointer) : null;
      if (target) {
        const link = document.createElement('a');
        link.href = `#${target.id || 'letter-form'}`;
        link.append(withDates(words));
        link.addEventListener('click', (event) => {
          event.preventDefault();
          focusTarget(target);
        });
        item.append(link);
      } else {
        item.append(withDates(words));
      }
      return item;
    });
    listInto($('plan-sections'), plan.sections || [], (section) => {
      const item = document.createElement('li');
      const name = t(`section.${section}`);
      item.textContent = name === `section.${section}` ? section.replace(/_/g, ' ') : name;
      return item;
    });
    $('plan-body').hidden = false;

    // On a phone the plan is far below; its gist rides with the actions.
    const gist = $('actions-plan');
    gist.replaceChildren();
    if (plan.effective_end_date) {
      gist.append(t('actions.plan_gist', { date: formatDate(plan.effective_end_date, 'long') }));
      if (plan.receive_by) gist.append(' ', t('actions.plan_receive', { date: formatDate(plan.receive_by, 'long') }));
      const more = document.createElement('a');
      more.href = '#plan';
      more.textContent = t('actions.plan_more');
      gist.append(' ', more);
    }
    gist.hidden = !plan.effective_end_date;
  }

  // ---- The PDF: fetched once, shown in the page, downloaded from the same
  // bytes ---------------------------------------------------------------------

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
  let previewUrl = null;
  let actionStatus = null;  // {key, params, kind}, re-said on a language switch

  function setActionStatus(key, params = {}, kind = '') {
    actionStatus = key ? { key, params, kind } : null;
    const status = $('action-status');
    status.dataset.kind = kind;
    status.textContent = key ? t(key, params) : '';
  }

  function showPreview(blob, name) {
    if (previewUrl) URL.revokeObjectURL(previewUrl);
    previewUrl = URL.createObjectURL(blob);
    $('preview-download').href = previewUrl;
    $('preview-download').download = name;
    $('preview-open').href = previewUrl;
    $('preview-frame').src = previewUrl;
    $('preview').hidden = false;
    return previewUrl;
  }

  async function download(draft) {
    if (downloading) return;
    downloading = true;
    const buttons = [$('create-pdf'), $('review-draft')];
    buttons.forEach((button) => {
      button.disabled = true;
    });
    form.setAttribute('aria-busy', 'true');
    setActionStatus(draft ? 'actions.making_draft' : 'actions.making');
    showAllErrors = true;
    try {
      const request = readForm();
      const local = clientErrors();
      if (local.length > 0) {
        showErrors(local, { summary: true });
        setActionStatus(draft ? 'actions.draft_failed' : 'actions.failed', {}, 'problem');
        $('error-summary').focus();
        return;
      }
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
        setActionStatus(draft ? 'actions.draft_failed' : 'actions.failed', {}, 'problem');
        $('error-summary').focus();
        return;
      }
      const blob = await response.blob();
      $('error-summary').hidden = true;
      const name = fileNameFrom(response, draft);
      const url = showPreview(blob, name);
      const link = document.createElement('a');
      link.href = url;
      link.download = name;
      link.hidden = true;
      document.body.appendChild(link);
      link.click();
      link.remove();
      setActionStatus('actions.downloaded', { name }, 'ok');
    } catch (error) {
      setActionStatus(error instanceof AuthRequired ? 'actions.need_key' : 'problem.offline', {}, 'problem');
    } finally {
      buttons.forEach((button) => {
        button.disabled = false;
      });
      form.removeAttribute('aria-busy');
      downloading = false;
    }
  }

  // ---- Copy as JSON / curl ------------------------------------------------

  const shellQuote = (text) => `'${text.replace(/'/g, `'\\''`)}'`;

  function curlCommand(request) {
    const url = new URL('/v1/letters', window.location.href).href;
    const lines = [`curl -sS --fail-with-body -X POST ${shellQuote(url)}`, `-H 'Content-Type: application/json'`];
    if (storageGet('sessionStorage', API_KEY_STORAGE)) lines.push(`-H "Authorization: Bearer $PARTING_API_KEY"`);
    lines.push(`--data-binary ${shellQuote(JSON.stringify(request))}`, '-o letter.pdf');
    return lines.join(' \\\n  ');
  }

  async function copy(kind) {
    const request = readForm();
    const text = kind === 'json' ? `${JSON.stringify(request, null, 2)}\n` : `${curlCommand(request)}\n`;
    const local = clientErrors();
    $('copy-box').hidden = true;
    try {
      await navigator.clipboard.writeText(text);
      setActionStatus(
        local.length > 0 ? 'actions.copied_incomplete' : kind === 'json' ? 'actions.copied_json' : 'actions.copied_curl',
        { count: local.length },
        local.length > 0 ? 'problem' : 'ok',
      );
    } catch (_) {
      // No clipboard (permissions, an old browser): the text to copy by hand.
      $('copy-text').value = text;
      $('copy-box').hidden = false;
      $('copy-text').focus();
      $('copy-text').select();
      setActionStatus('actions.copy_by_hand');
    }
  }

  // ---- Start over, example, undo ------------------------------------------

  let undoState = null;
  let toolbarStatus = null;

  function announce(text, withUndo) {
    const status = $('toolbar-status');
    status.replaceChildren(text);
    if (withUndo) {
      const undo = document.createElement('button');
      undo.type = 'button';
      undo.className = 'link';
      undo.textContent = t('toolbar.undo');
      undo.addEventListener('click', () => {
        if (!undoState) return;
        const reasons = restore(undoState);
        undoState = null;
        afterReplace(reasons);
        announce(t('toolbar.back'));
      });
      status.append(' ', undo);
    }
  }

  function afterReplace(reasons, save = true) {
    clearErrors();
    showAllErrors = false;
    form.querySelectorAll('[data-touched]').forEach((node) => delete node.dataset.touched);
    markFilledTouched();
    setActionStatus(null);
    loadReasons(reasons).then(() => {
      if (save) saveNow();
      updatePlan();
    });
  }

  function resetForm() {
    const letter = $('language').value;
    restore(blankState());
    $('language').value = letter;
  }

  function startOver() {
    undoState = isBlank() ? null : snapshot();
    resetForm();
    afterReplace([]);
    announce(t('toolbar.emptied'), Boolean(undoState));
    $('language').focus();
  }

  function loadExample() {
    const language = $('language').value;
    const example = EXAMPLES[language] || EXAMPLES.en;
    if (!example) return;
    undoState = isBlank() ? null : snapshot();
    const reasons = fillFromRequest(example);
    afterReplace(reasons);
    announce(t('toolbar.example_loaded', { language: $('language').selectedOptions[0].textContent }), Boolean(undoState));
  }

  // ---- Switching the interface language -----------------------------------

  function setUiLanguage(code, remember) {
    const amounts = form.querySelectorAll('[data-type="amount"]');
    const values = Array.from(amounts, (input) => parseAmount(input.value.trim()));
    ui = code;
    $('ui-language').value = code;
    if (remember) storageSet('localStorage', UI_LANGUAGE_STORAGE, code);
    amounts.forEach((input, i) => {
      if (values[i]) input.value = formatAmount(values[i]);
    });
    applyTranslations();
    rowContainers().forEach(renumber);
    if (!$('auth-box').hidden) askForApiKey(authRejected);
    setPlanStatus(planStatus.key, planStatus.params, planStatus.kind);
    if (lastPlan) showPlan(lastPlan);
    if (lastErrors.length > 0) showErrors(lastErrors, { summary: !$('error-summary').hidden });
    if (actionStatus) setActionStatus(actionStatus.key, actionStatus.params, actionStatus.kind);
    showDraftNotice();
  }

  // ---- Wiring -------------------------------------------------------------

  // The bad-input state of every field, to notice changes the browser does
  // not report as input (a date typed half stays "" to scripts).
  let unreadableKey = '';
  function checkUnreadable() {
    const key = unreadableFields().map((input) => input.id).join(' ');
    if (key === unreadableKey) return;
    unreadableKey = key;
    schedulePlan();
  }

  function onInput(event) {
    if (event.target.closest('#reason-list')) pendingReasons = checkedReasons();
    if (event.type === 'change') markTouched(event.target);
    unreadableKey = unreadableFields().map((input) => input.id).join(' ');
    scheduleSave();
    schedulePlan();
  }

  function init() {
    collectEnglish();
    ui = detectUiLanguage();
    pathInputs().forEach((input) => {
      input.dataset.pointer = input.dataset.path;
    });

    const saved = loadSaved();
    if (!saved && UI_LANGUAGES.includes(ui)) $('language').value = ui;
    setUiLanguage(ui, false);
    const reasons = saved ? restore(saved) : [];
    markFilledTouched();

    form.addEventListener('input', onInput);
    form.addEventListener('change', onInput);
    form.addEventListener('keyup', checkUnreadable);
    form.addEventListener('focusout', (event) => {
      if (isControl(event.target) && (event.target.value !== '' || event.target.validity.badInput)) {
        markTouched(event.target);
      }
      checkUnreadable();
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
        row.querySelector('[data-field]').focus();
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
        (next ? next.querySelector('[data-field]') : container.querySelector('.add-row')).focus();
        scheduleSave();
        schedulePlan();
      }
    });
    $('create-pdf').addEventListener('click', () => download(false));
    $('review-draft').addEventListener('click', () => download(true));
    $('copy-json').addEventListener('click', () => copy('json'));
    $('copy-curl').addEventListener('click', () => copy('curl'));
    $('start-over').addEventListener('click', startOver);
    $('load-example').addEventListener('click', loadExample);
    $('forget-draft').addEventListener('click', forgetDraft);
    $('language').addEventListener('change', () => {
      loadReasons(checkedReasons());
    });
    $('ui-language').addEventListener('change', () => {
      setUiLanguage($('ui-language').value, true);
      loadReasons(checkedReasons());
    });
    $('auth-form').addEventListener('submit', (event) => {
      event.preventDefault();
      const key = $('api-key').value.trim();
      storageSet('sessionStorage', API_KEY_STORAGE, key === '' ? null : key);
      $('api-key').value = '';
      $('auth-box').hidden = true;
      loadLanguages();
      loadReasons(checkedReasons()).then(updatePlan);
    });
    // A PDF viewer inside the page needs the page's permission (its
    // Content-Security-Policy); without it the preview opens in a new tab.
    document.addEventListener('securitypolicyviolation', (event) => {
      if (/^(frame|child|object)-src/.test(event.effectiveDirective) || event.blockedURI.startsWith('blob')) {
        $('preview-frame').hidden = true;
        $('preview-blocked').hidden = false;
      }
    });
    // The debounce must not lose the last keystrokes to a reload.
    window.addEventListener('pagehide', () => {
      if (saveTimer) saveNow();
    });
    document.addEventListener('visibilitychange', () => {
      if (document.visibilityState === 'hidden' && saveTimer) saveNow();
    });

    loadLanguages();
    loadReasons(reasons).then(updatePlan);
  }

  init();
})();
