// The interface language, apart from the letter's: t() looks a key up in
// web/i18n/<language>.js, then in English; the page's own English (its
// data-i18n texts) is collected once at start. Dates are written the way the
// interface language writes them.
import en from '../i18n/en.js';
import de from '../i18n/de.js';
import pt from '../i18n/pt.js';
import pl from '../i18n/pl.js';
import th from '../i18n/th.js';
import { storageGet } from './storage.js';

export const MESSAGES = { en, de, pt, pl, th };
export const UI_LANGUAGES = Object.keys(MESSAGES);
const LOCALES = { en: 'en-GB', de: 'de-DE', pt: 'pt-BR', pl: 'pl-PL', th: 'th-TH' };
export const UI_LANGUAGE_STORAGE = 'parting.uiLanguage';

// The locale each letter language writes its dates in (GET /v1/languages).
const LETTER_LOCALES = {};

let current = 'en';
const english = {};  // the English of every data-i18n key, as index.html has it

export const ui = () => current;
export const locale = () => LOCALES[current];

export function setLetterLocales(languages) {
  for (const language of languages) if (language.code && language.locale) LETTER_LOCALES[language.code] = language.locale;
}

export const letterLocale = (code) => LETTER_LOCALES[code];

export function setUi(code) {
  current = UI_LANGUAGES.includes(code) ? code : 'en';
}

export function t(key, params = {}) {
  const own = MESSAGES[current][key];
  const text = own !== undefined ? own : en[key] || english[key] || key;
  return text.replace(/\{(\w+)\}/g, (whole, name) => (name in params ? String(params[name]) : whole));
}

// Every element with text to translate, in the page and in the row templates.
function translatable(selector) {
  const nodes = Array.from(document.querySelectorAll(selector));
  document.querySelectorAll('template').forEach((template) => {
    nodes.push(...template.content.querySelectorAll(selector));
  });
  return nodes;
}

const attributePairs = (node) => node.dataset.i18nAttr.split(';').map((pair) => pair.split(':'));

export function collectEnglish() {
  for (const node of translatable('[data-i18n]')) {
    if (!(node.dataset.i18n in english)) english[node.dataset.i18n] = node.textContent.trim();
  }
  for (const node of translatable('[data-i18n-attr]')) {
    for (const [attribute, key] of attributePairs(node)) {
      if (!(key in english)) english[key] = node.getAttribute(attribute) || '';
    }
  }
}

export function applyTranslations() {
  document.documentElement.lang = current;
  for (const node of translatable('[data-i18n]')) node.textContent = t(node.dataset.i18n);
  for (const node of translatable('[data-i18n-attr]')) {
    for (const [attribute, key] of attributePairs(node)) node.setAttribute(attribute, t(key));
  }
}

// The remembered choice, else the first of the browser's languages we have.
export function detectUiLanguage() {
  const stored = storageGet('localStorage', UI_LANGUAGE_STORAGE);
  if (UI_LANGUAGES.includes(stored)) return stored;
  for (const tag of navigator.languages || [navigator.language || 'en']) {
    const code = String(tag).toLowerCase().split('-')[0];
    if (UI_LANGUAGES.includes(code)) return code;
  }
  return 'en';
}

function parseIso(iso) {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso || '');
  return match ? new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]))) : null;
}

// "2027-02-28" as the interface language writes it (or `where`, another
// locale); the text itself if it is no ISO date.
export function formatDate(iso, style = 'full', where = locale()) {
  const date = parseIso(iso);
  if (!date) return iso || '';
  try {
    return new Intl.DateTimeFormat(where, { dateStyle: style, timeZone: 'UTC' }).format(date);
  } catch (_) {
    return iso;
  }
}

// A moment's local date, written out.
export const formatInstant = (date) => new Intl.DateTimeFormat(locale(), { dateStyle: 'long' }).format(date);
