// Parting's web form: builds a letter request from the fields, shows the
// plan as the user types, puts API errors next to the field their JSON
// pointer names, and downloads the PDF. No framework, no network access
// beyond this service.
'use strict';

(() => {
  // A realistic request to start from (the German sample of the service).
  const EXAMPLE = {
    language: 'de',
    letter_date: '2026-11-22',
    sender: {
      organization: 'Nordlicht Consulting GmbH',
      name: 'Jana Petersen',
      role: 'Geschäftsführerin',
      address: ['Am Sandtorkai 12', '20457 Hamburg'],
      country: 'DE',
      email: 'jana.petersen@nordlicht.example',
      phone: '+49 40 1234567',
    },
    recipient: {
      organization: 'Müller & Söhne AG',
      name: 'Thomas Müller',
      form_of_address: 'mr',
      address: ['Leopoldstraße 5', '80802 München'],
      country: 'DE',
    },
    contract: {
      title: 'Rahmenvertrag über Beratungsleistungen',
      reference: 'RV-2023-017',
      signed_on: '2023-01-15',
      termination_clause: '§ 8.2',
      notice_period: { amount: 3, unit: 'months' },
      notice_anchor: 'end_of_month',
      immediate_for_cause: false,
      currency: 'EUR',
    },
    termination: {
      reasons: ['time_drain', 'payment_problems'],
      documented_situations: [
        { date: '2026-09-30', text: 'Rechnung RE-2026-0871 wurde 61 Tage nach Fälligkeit beglichen' },
      ],
      for_cause: false,
    },
    projects: [{ name: 'Website-Relaunch', deliverable: 'Go-live', due: '2026-12-15' }],
    transition: {
      handover: ['Quelldateien und Designs', 'Zugangsdaten'],
      handover_by: '2027-01-15',
      contact: { name: 'Lena Vogt', email: 'lena.vogt@nordlicht.example' },
      alternatives: [{ name: 'Hafenblick Digital', note: 'auf E-Commerce spezialisiert' }],
    },
    goodwill: { kind: 'refund_last_month', amount: '1250.00', currency: 'EUR', invoice: 'RE-2026-1102' },
    options: { paper: 'A4', draft: false, apology: true },
  };

  const PLAN_DELAY_MS = 350;
  const form = document.getElementById('letter-form');
  const $ = (id) => document.getElementById(id);

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

  // ---- Rows (projects, situations, alternatives) --------------------------

  const rowContainers = () => Array.from(form.querySelectorAll('.rows[data-list]'));

  // Gives every row's fields ids, label targets and pointers by position.
  function renumber(container) {
    const list = container.dataset.list;
    const noun = container.dataset.noun;
    const slug = list.replace(/[^a-z]+/g, '-').replace(/^-|-$/g, '');
    container.querySelectorAll('.row').forEach((row, index) => {
      row.querySelectorAll('[data-field]').forEach((input) => {
        const field = input.dataset.field;
        input.id = `${slug}-${index}-${field}`;
        input.dataset.pointer = `${list}/${index}/${field}`;
        const label = row.querySelector(`label[data-for="${field}"]`);
        if (label) label.htmlFor = input.id;
      });
      const remove = row.querySelector('.remove-row');
      remove.setAttribute('aria-label', `Remove ${noun} ${index + 1}`);
      row.dataset.pointer = `${list}/${index}`;
    });
    container.dataset.pointer = list;
  }

  function addRow(container, values = {}) {
    const template = $(container.dataset.template);
    const row = template.content.firstElementChild.cloneNode(true);
    row.querySelectorAll('[data-field]').forEach((input) => {
      const value = values[input.dataset.field];
      if (value !== undefined && value !== null) input.value = value;
    });
    container.querySelector('.row-list').appendChild(row);
    renumber(container);
    return row;
  }

  function readRows(container) {
    const items = [];
    container.querySelectorAll('.row').forEach((row) => {
      const item = {};
      row.querySelectorAll('[data-field]').forEach((input) => {
        const value = input.value.trim();
        if (value !== '') item[input.dataset.field] = value;
      });
      if (Object.keys(item).length > 0) items.push(item);
    });
    return items;
  }

  // ---- Reasons ------------------------------------------------------------

  let reasonsRequest = 0;

  function checkedReasons() {
    return Array.from(form.querySelectorAll('#reason-list input:checked')).map((box) => box.value);
  }

  async function loadReasons(language, checked) {
    const ticket = ++reasonsRequest;
    const list = $('reason-list');
    try {
      const response = await fetch(`/v1/reasons?language=${encodeURIComponent(language)}`);
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      const catalog = await response.json();
      if (ticket !== reasonsRequest) return;  // a later language won
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
    } catch (error) {
      if (ticket !== reasonsRequest) return;
      list.replaceChildren();
      const note = document.createElement('p');
      note.className = 'field-error';
      note.textContent = `The reasons could not be loaded (${error.message}).`;
      list.appendChild(note);
    }
  }

  async function loadLanguages() {
    try {
      const response = await fetch('/v1/languages');
      if (!response.ok) return;
      const { languages } = await response.json();
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

  function fillForm(request) {
    form.querySelectorAll('[data-path]').forEach((input) => {
      const value = getAt(request, input.dataset.path);
      switch (input.dataset.type) {
        case 'bool':
          input.checked = value === true;
          break;
        case 'lines':
          input.value = Array.isArray(value) ? value.join('\n') : '';
          break;
        case 'tristate':
          input.value = value === true ? 'true' : value === false ? 'false' : '';
          break;
        default:
          if (input.tagName === 'SELECT') {
            if (value !== undefined && value !== null) input.value = String(value);
          } else {
            input.value = value === undefined || value === null ? '' : String(value);
          }
      }
    });
    for (const container of rowContainers()) {
      container.querySelector('.row-list').replaceChildren();
      for (const item of getAt(request, container.dataset.list) || []) addRow(container, item);
    }
  }

  function readForm() {
    const request = {};
    form.querySelectorAll('[data-path]').forEach((input) => {
      const path = input.dataset.path;
      if (input.dataset.requires && getAt(request, input.dataset.requires) === undefined) return;
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
          break;
        case 'tristate':
          if (raw !== '') setAt(request, path, raw === 'true');
          break;
        default:
          if (raw !== '') setAt(request, path, raw);
      }
    });
    setAt(request, '/termination/reasons', checkedReasons());
    for (const container of rowContainers()) {
      const items = readRows(container);
      if (items.length > 0) setAt(request, container.dataset.list, items);
    }
    return request;
  }

  // ---- Errors next to their fields ----------------------------------------

  function clearErrors() {
    form.querySelectorAll('.field-error[data-generated]').forEach((node) => node.remove());
    form.querySelectorAll('[aria-invalid]').forEach((node) => {
      node.removeAttribute('aria-invalid');
      node.removeAttribute('aria-describedby');
    });
    form.querySelectorAll('.has-error').forEach((node) => node.classList.remove('has-error'));
    $('error-list').replaceChildren();
    $('error-summary').hidden = true;
  }

  // The element a pointer names, or the nearest one its parent pointers name.
  function elementFor(pointer) {
    let current = pointer;
    while (current) {
      const found = form.querySelector(`[data-pointer="${CSS.escape(current)}"]`);
      if (found) return found;
      current = current.slice(0, current.lastIndexOf('/'));
    }
    return null;
  }

  let errorCount = 0;

  function showErrors(errors, fallbackMessage) {
    clearErrors();
    const items = errors.length > 0 ? errors : [{ pointer: '', message: fallbackMessage }];
    for (const { pointer, message } of items) {
      const target = pointer ? elementFor(pointer) : null;
      const entry = document.createElement('li');
      if (target) {
        const note = document.createElement('p');
        note.className = 'field-error';
        note.dataset.generated = '';
        note.id = `error-${++errorCount}`;
        note.textContent = message;
        const holder = target.closest('.field, .row, fieldset') || target.parentElement;
        holder.classList.add('has-error');
        if (target.matches('input, select, textarea')) {
          target.setAttribute('aria-invalid', 'true');
          const described = target.getAttribute('aria-describedby');
          target.setAttribute('aria-describedby', described ? `${described} ${note.id}` : note.id);
          holder.appendChild(note);
        } else {
          target.appendChild(note);
        }
        const link = document.createElement('a');
        link.href = `#${note.id}`;
        link.textContent = `${labelOf(target) || pointer}: ${message}`;
        link.addEventListener('click', (event) => {
          event.preventDefault();
          const focusable = target.matches('input, select, textarea')
            ? target
            : target.querySelector('input, select, textarea');
          (focusable || note).focus();
        });
        entry.appendChild(link);
      } else {
        entry.textContent = pointer ? `${pointer}: ${message}` : message;
      }
      $('error-list').appendChild(entry);
    }
    $('error-summary').hidden = false;
  }

  function labelOf(element) {
    if (element.id) {
      const label = form.querySelector(`label[for="${CSS.escape(element.id)}"]`);
      if (label) return label.firstChild.textContent.trim();
    }
    const legend = element.querySelector && element.querySelector('legend, h3');
    return legend ? legend.firstChild.textContent.trim() : '';
  }

  async function problemOf(response) {
    try {
      const problem = await response.json();
      return { errors: problem.errors || [], detail: problem.detail || problem.title };
    } catch (_) {
      return { errors: [], detail: `The service answered ${response.status}.` };
    }
  }

  // ---- The live plan ------------------------------------------------------

  let planTimer = 0;
  let planAbort = null;

  function schedulePlan() {
    clearTimeout(planTimer);
    planTimer = setTimeout(updatePlan, PLAN_DELAY_MS);
  }

  function formatDate(iso, language) {
    const [year, month, day] = iso.split('-').map(Number);
    try {
      return new Intl.DateTimeFormat(language, { dateStyle: 'long', timeZone: 'UTC' }).format(
        new Date(Date.UTC(year, month - 1, day)),
      );
    } catch (_) {
      return iso;
    }
  }

  async function updatePlan() {
    if (planAbort) planAbort.abort();
    planAbort = new AbortController();
    const request = readForm();
    $('plan-status').textContent = 'Computing…';
    try {
      const response = await fetch('/v1/letters/plan', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(request),
        signal: planAbort.signal,
      });
      if (!response.ok) {
        const problem = await problemOf(response);
        showErrors(problem.errors, problem.detail);
        $('plan-facts').hidden = true;
        $('plan-warnings-box').hidden = true;
        $('plan-status').textContent =
          problem.errors.length > 0
            ? `No plan yet: ${problem.errors.length} field(s) to fix.`
            : `No plan: ${problem.detail}`;
        return;
      }
      clearErrors();
      showPlan(await response.json(), request.language || 'en');
    } catch (error) {
      if (error.name === 'AbortError') return;
      $('plan-status').textContent = 'The service cannot be reached.';
    }
  }

  function showPlan(plan, language) {
    $('plan-status').textContent = 'The letter will say:';
    $('plan-end-date').textContent = plan.effective_end_date
      ? `${formatDate(plan.effective_end_date, language)} (${plan.effective_end_date})`
      : '—';
    $('plan-route').textContent = (plan.route || '').replace(/_/g, ' ');
    $('plan-derivation').textContent = plan.derivation || '';
    $('plan-sections').textContent = (plan.sections || []).join(', ');
    $('plan-facts').hidden = false;
    const list = $('plan-warnings');
    list.replaceChildren();
    for (const warning of plan.warnings || []) {
      const item = document.createElement('li');
      item.textContent = warning.message;
      const target = warning.pointer ? elementFor(warning.pointer) : null;
      if (target) {
        const go = document.createElement('button');
        go.type = 'button';
        go.className = 'link';
        go.textContent = `Go to ${labelOf(target) || warning.pointer}`;
        go.addEventListener('click', () => {
          const focusable = target.matches('input, select, textarea')
            ? target
            : target.querySelector('input, select, textarea');
          if (focusable) focusable.focus();
        });
        item.append(' ', go);
      }
      list.appendChild(item);
    }
    $('plan-warnings-box').hidden = list.children.length === 0;
  }

  // ---- The PDF ------------------------------------------------------------

  function fileNameFrom(response) {
    const disposition = response.headers.get('Content-Disposition') || '';
    const match = /filename="([^"]+)"/.exec(disposition);
    return match ? match[1] : 'letter.pdf';
  }

  async function createPdf(event) {
    event.preventDefault();
    const button = $('create-pdf');
    const status = $('action-status');
    button.disabled = true;
    status.textContent = 'Creating the letter…';
    try {
      const response = await fetch('/v1/letters', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(readForm()),
      });
      if (!response.ok) {
        const problem = await problemOf(response);
        showErrors(problem.errors, problem.detail);
        status.textContent = 'The letter was not created.';
        $('error-summary').focus();
        return;
      }
      clearErrors();
      const url = URL.createObjectURL(await response.blob());
      const link = document.createElement('a');
      link.href = url;
      link.download = fileNameFrom(response);
      document.body.appendChild(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10000);
      status.textContent = `Downloaded ${link.download}.`;
    } catch (error) {
      status.textContent = 'The service cannot be reached.';
    } finally {
      button.disabled = false;
    }
  }

  // ---- Wiring -------------------------------------------------------------

  function init() {
    form.querySelectorAll('[data-path]').forEach((input) => {
      input.dataset.pointer = input.dataset.path;
    });
    rowContainers().forEach(renumber);
    fillForm(EXAMPLE);

    form.addEventListener('input', schedulePlan);
    form.addEventListener('change', schedulePlan);
    form.addEventListener('submit', createPdf);
    form.addEventListener('click', (event) => {
      const add = event.target.closest('.add-row');
      if (add) {
        const row = addRow(add.closest('.rows'));
        row.querySelector('input').focus();
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
        schedulePlan();
      }
    });
    $('language').addEventListener('change', () => {
      loadReasons($('language').value, checkedReasons());
    });

    loadLanguages();
    loadReasons(EXAMPLE.language, EXAMPLE.termination.reasons).then(updatePlan);
  }

  init();
})();
