/**
 * Python's ways of writing values, where the shared judges print or compare them: str() and
 * repr() of what a YAML or JSON file holds, and `f"{x:.1f}"`. The port prints the same lines and
 * reasons as ask.py and converse.py, so a reason like `nothing to click matches /x/ among ['Yes',
 * 'No']` reads the same from both.
 */

/** Python's repr() of a str: single quotes unless the text has ' and no ". */
export function pyReprString(text: string): string {
  const quote = text.includes("'") && !text.includes('"') ? '"' : "'";
  let out = quote;
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    if (ch === '\\') out += '\\\\';
    else if (ch === quote) out += `\\${quote}`;
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\t') out += '\\t';
    else if (code < 0x20 || code === 0x7f) out += `\\x${code.toString(16).padStart(2, '0')}`;
    else if (!isPrintable(ch, code)) out += pyHexEscape(code);
    else out += ch;
  }
  return out + quote;
}

function pyHexEscape(code: number): string {
  if (code <= 0xff) return `\\x${code.toString(16).padStart(2, '0')}`;
  if (code <= 0xffff) return `\\u${code.toString(16).padStart(4, '0')}`;
  return `\\U${code.toString(16).padStart(8, '0')}`;
}

// str.isprintable(): not a control, format, surrogate, private-use, unassigned or separator
// other than the plain space.
function isPrintable(ch: string, code: number): boolean {
  if (code === 0x20) return true;
  return !/[\p{Cc}\p{Cf}\p{Cs}\p{Co}\p{Cn}\p{Zl}\p{Zp}\p{Zs}]/u.test(ch);
}

/** Python's repr() of a value parsed from YAML or JSON. */
export function pyRepr(value: unknown): string {
  if (typeof value === 'string') return pyReprString(value);
  if (Array.isArray(value)) return `[${value.map(pyRepr).join(', ')}]`;
  if (value instanceof Date) return pyDate(value);
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).map(([k, v]) => `${pyRepr(k)}: ${pyRepr(v)}`);
    return `{${entries.join(', ')}}`;
  }
  return pyStr(value);
}

/** Python's str() of a value parsed from YAML or JSON. */
export function pyStr(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value === null || value === undefined) return 'None';
  if (value === true) return 'True';
  if (value === false) return 'False';
  if (typeof value === 'number')
    return Number.isInteger(value) || !Number.isFinite(value) ? pyNumber(value) : `${value}`;
  if (value instanceof Date) return pyDate(value);
  return pyRepr(value);
}

function pyNumber(value: number): string {
  if (value === Infinity) return 'inf';
  if (value === -Infinity) return '-inf';
  if (Number.isNaN(value)) return 'nan';
  return String(value);
}

function pyDate(value: Date): string {
  const iso = value.toISOString();
  return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso.replace('T', ' ').replace(/\.000Z$|Z$/, '+00:00');
}

/** Python truthiness of a parsed value. */
export function pyTruthy(value: unknown): boolean {
  if (Array.isArray(value)) return value.length > 0;
  if (value && typeof value === 'object' && !(value instanceof Date)) return Object.keys(value).length > 0;
  return Boolean(value);
}

/**
 * `f"{x:.Nf}"`: JavaScript's toFixed rounds an exact tie up, Python to even (6.25 -> '6.2').
 */
export function pyFixed(x: number, digits: number): string {
  const exact = x.toFixed(Math.min(100, digits + 60));
  const cut = exact.indexOf('.') + 1 + digits;
  const tail = exact.slice(cut);
  if (!/^50*$/.test(tail)) return x.toFixed(digits);
  const kept = exact.slice(0, digits === 0 ? cut - 1 : cut);
  const last = Number(kept[kept.length - 1]);
  return last % 2 === 0 ? kept : x.toFixed(digits);
}

/** int(x) as file_version uses it: None, a bad text or anything else not whole gives undefined. */
export function pyInt(value: unknown): number | undefined {
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (typeof value === 'number') return Number.isFinite(value) ? Math.trunc(value) : undefined;
  if (typeof value === 'string' && /^\s*[+-]?\d+(_\d+)*\s*$/.test(value)) return Number(value.replace(/_/g, ''));
  return undefined;
}
