// Amounts in the interface language's notation: "1.250,50" in German,
// "1,250.50" in English, and always "1250.50" in the request.
import { locale } from './i18n.js';

function separators() {
  const parts = new Intl.NumberFormat(locale()).formatToParts(12345.6);
  const decimal = (parts.find((p) => p.type === 'decimal') || { value: '.' }).value;
  return { decimal, group: decimal === ',' ? '.' : ',' };
}

// The request's decimal string for what the user typed, or null when it is
// no amount. Group marks count only before three digits.
export function parseAmount(text) {
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
    // "1250.00" typed in a comma locale: a single dot before one or two
    // digits is no group mark, so it is the decimal point.
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

// "1250.00" as the interface language writes it ("1250,00"), without group
// marks, so that it reads back unchanged.
export function formatAmount(value) {
  const { decimal } = separators();
  return /^\d+(\.\d+)?$/.test(value) ? value.replace('.', decimal) : value;
}
