/**
 * Python `re` patterns as JavaScript RegExps. The shared judges (ask.py, converse.py) and every
 * question file write their regexes for Python's re on str (Unicode) patterns; this translates
 * such a pattern into one that matches the same text in JavaScript, with the u flag:
 *
 * - \w \W \b \B \d \D \s \S keep Python's Unicode meaning (JavaScript's are ASCII-only);
 * - `.` leaves out only \n (JavaScript's also leaves out \r, U+2028 and U+2029);
 * - `$` also matches before a newline that ends the text; \A and \Z are ^ and $;
 * - (?P<name>...) and (?P=name) become (?<name>...) and \k<name>; (?#...) comments go;
 * - {,n} is {0,n}; a `{` or `}` that is no quantifier, and a lone `]`, are literal;
 * - a leading (?i), (?s), (?a) or (?u) applies to the whole pattern.
 *
 * What JavaScript cannot express (atomic groups, possessive quantifiers, conditionals, scoped
 * flags, verbose mode, \N{...}) throws a SyntaxError naming the pattern, never matches wrongly.
 */

export interface PyRegexOptions {
  /** re.I: the judges search facts, not_facts, menus and declines case-insensitively. */
  readonly ignoreCase?: boolean;
  /** For replacing every match (re.sub). */
  readonly global?: boolean;
}

const UNICODE_WORD = '\\p{L}\\p{N}_';
const ASCII_WORD = 'A-Za-z0-9_';
// str.isspace(): Unicode White_Space-ish characters as Python defines them.
const SPACE = '\\t\\n\\v\\f\\r\\x1c-\\x20\\x85\\xa0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000';
const SYNTAX = new Set('^$\\.*+?()[]{}|/'.split(''));
const SIMPLE_ESCAPES: Record<string, string> = { a: '\\x07', f: '\\f', n: '\\n', r: '\\r', t: '\\t', v: '\\v' };

const cache = new Map<string, RegExp>();

/** The JavaScript RegExp that matches what Python's re.compile(source, flags) matches. */
export function pyRegex(source: string, options: PyRegexOptions = {}): RegExp {
  const ignoreCase = options.ignoreCase ?? true;
  const key = `${ignoreCase ? 'i' : ''}${options.global ? 'g' : ''}:${source}`;
  const cached = cache.get(key);
  if (cached) {
    cached.lastIndex = 0;
    return cached;
  }
  const { pattern, flags } = translate(source);
  const regex = new RegExp(
    pattern,
    `${ignoreCase || flags.ignoreCase ? 'i' : ''}${options.global ? 'g' : ''}${flags.dotAll ? 's' : ''}u`,
  );
  cache.set(key, regex);
  return regex;
}

/** re.search(source, text[, re.I]) is not None. */
export function pySearch(source: string, text: string, ignoreCase = true): boolean {
  return pyRegex(source, { ignoreCase }).test(text);
}

/** re.sub(source, replacement, text[, flags=re.I]) with a plain replacement text. */
export function pySub(source: string, replacement: string, text: string, ignoreCase = true): string {
  return text.replace(pyRegex(source, { ignoreCase, global: true }), () => replacement);
}

/** re.escape: the text as a pattern that matches it literally. */
export function pyEscape(text: string): string {
  return text.replace(/[()[\]{}?*+\-|^$\\.&~# \t\n\r\v\f]/g, (c) => `\\${c}`);
}

interface Flags {
  ignoreCase: boolean;
  dotAll: boolean;
  ascii: boolean;
}

class Translator {
  private i = 0;
  private out = '';
  readonly flags: Flags = { ignoreCase: false, dotAll: false, ascii: false };

  constructor(private readonly src: string) {}

  fail(why: string): never {
    throw new SyntaxError(`Python regex /${this.src}/ has no JavaScript equivalent: ${why}`);
  }

  private get word(): string {
    return this.flags.ascii ? ASCII_WORD : UNICODE_WORD;
  }

  run(): string {
    this.leadingFlags();
    while (this.i < this.src.length) this.token();
    return this.out;
  }

  private leadingFlags(): void {
    for (let m = /^\(\?([aiLmsux]+)\)/.exec(this.src); m; m = /^\(\?([aiLmsux]+)\)/.exec(this.src.slice(this.i))) {
      for (const flag of m[1]) {
        if (flag === 'i') this.flags.ignoreCase = true;
        else if (flag === 's') this.flags.dotAll = true;
        else if (flag === 'a') this.flags.ascii = true;
        else if (flag !== 'u') this.fail(`flag (?${flag})`);
      }
      this.i += m[0].length;
    }
  }

  private token(): void {
    const c = this.src[this.i];
    if (c === '\\') return this.escape();
    if (c === '[') return this.characterClass();
    if (c === '(') return this.group();
    this.i += 1;
    if (c === '.') this.out += this.flags.dotAll ? '[\\s\\S]' : '[^\\n]';
    else if (c === '$') this.out += '(?=\\n?$)';
    else if (c === '*' || c === '+' || c === '?') this.quantified(c);
    else if (c === '{') this.brace();
    else if (c === '}' || c === ']') this.out += `\\${c}`;
    else this.out += c;
  }

  /** After a quantifier: an optional lazy `?`; a possessive `+` has no JavaScript form. */
  private quantified(quantifier: string): void {
    this.out += quantifier;
    if (this.src[this.i] === '?') {
      this.out += '?';
      this.i += 1;
    } else if (this.src[this.i] === '+') this.fail('possessive quantifier');
  }

  private brace(): void {
    const m = /^(\d*)(?:(,)(\d*))?\}/.exec(this.src.slice(this.i));
    if (!m || (m[1] === '' && m[2] === undefined)) {
      this.out += '\\{';
      return;
    }
    this.i += m[0].length;
    const min = m[1] === '' ? '0' : m[1];
    const max = m[2] === undefined ? min : m[3];
    this.quantified(min === max ? `{${min}}` : `{${min},${max}}`);
  }

  private escape(): void {
    const c = this.src[this.i + 1];
    if (c === undefined) this.fail('trailing backslash');
    this.i += 2;
    const w = this.word;
    const boundary = `(?:(?<=[${w}])(?![${w}])|(?<![${w}])(?=[${w}]))`;
    const inside = `(?:(?<=[${w}])(?=[${w}])|(?<![${w}])(?![${w}]))`;
    const classes: Record<string, string> = {
      w: `[${w}]`,
      W: `[^${w}]`,
      d: this.flags.ascii ? '[0-9]' : '\\p{Nd}',
      D: this.flags.ascii ? '[^0-9]' : '\\P{Nd}',
      s: `[${SPACE}]`,
      S: `[^${SPACE}]`,
      b: boundary,
      B: inside,
      A: '^',
      Z: '$',
    };
    if (classes[c] !== undefined) this.out += classes[c];
    else if (/[1-9]/.test(c)) this.backReference(c);
    else this.out += this.literalEscape(c);
  }

  private backReference(first: string): void {
    let digits = first;
    if (/[0-9]/.test(this.src[this.i] ?? '')) digits += this.src[this.i++];
    this.out += `(?:\\${digits})`;
  }

  /** An escape that stands for one character, the same inside and outside a class. */
  private literalEscape(c: string): string {
    if (SIMPLE_ESCAPES[c]) return SIMPLE_ESCAPES[c];
    if (c === '0') {
      const octal = /^[0-7]{0,2}/.exec(this.src.slice(this.i))![0];
      this.i += octal.length;
      return codePoint(parseInt(`0${octal}`, 8));
    }
    if (c === 'x' || c === 'u' || c === 'U') {
      const length = { x: 2, u: 4, U: 8 }[c];
      const hex = this.src.slice(this.i, this.i + length);
      if (!new RegExp(`^[0-9a-fA-F]{${length}}$`).test(hex)) this.fail(`bad escape \\${c}${hex}`);
      this.i += length;
      return codePoint(parseInt(hex, 16));
    }
    if (/[A-Za-z0-9]/.test(c)) this.fail(`escape \\${c}`);
    const full = String.fromCodePoint(this.src.codePointAt(this.i - 1)!);
    this.i += full.length - 1;
    return SYNTAX.has(full) ? `\\${full}` : codePoint(full.codePointAt(0)!);
  }

  private characterClass(): void {
    this.i += 1;
    let body = '';
    if (this.src[this.i] === '^') {
      body += '^';
      this.i += 1;
    }
    if (this.src[this.i] === ']') {
      body += '\\]';
      this.i += 1;
    }
    for (;;) {
      const c = this.src[this.i];
      if (c === undefined) this.fail('unterminated character set');
      if (c === ']') break;
      if (c === '\\') {
        const e = this.src[this.i + 1];
        this.i += 2;
        const members: Record<string, string> = {
          w: this.word,
          d: this.flags.ascii ? '0-9' : '\\p{Nd}',
          s: SPACE,
          b: '\\x08',
        };
        if (members[e] !== undefined) body += members[e];
        else if ('WDS'.includes(e ?? '')) this.fail(`\\${e} inside a character set`);
        else body += this.literalEscape(e);
        continue;
      }
      const full = String.fromCodePoint(this.src.codePointAt(this.i)!);
      this.i += full.length;
      body += c === '[' ? '\\[' : full;
    }
    this.i += 1;
    this.out += `[${body}]`;
  }

  private group(): void {
    const rest = this.src.slice(this.i);
    const simple = /^\((?:\?:|\?=|\?!|\?<=|\?<!)?/.exec(rest)![0];
    if (!rest.startsWith('(?') || simple.length > 1) {
      this.out += simple;
      this.i += simple.length;
      return;
    }
    const named = /^\(\?P<([A-Za-z_]\w*)>/.exec(rest);
    const reference = /^\(\?P=([A-Za-z_]\w*)\)/.exec(rest);
    const comment = /^\(\?#[^)]*\)/.exec(rest);
    if (named) {
      this.out += `(?<${named[1]}>`;
      this.i += named[0].length;
    } else if (reference) {
      this.out += `\\k<${reference[1]}>`;
      this.i += reference[0].length;
    } else if (comment) this.i += comment[0].length;
    else if (rest.startsWith('(?>')) this.fail('atomic group');
    else if (rest.startsWith('(?(')) this.fail('conditional group');
    else if (/^\(\?[aiLmsux]/.test(rest)) this.fail('flags that are not at the start, or scoped');
    else this.fail(`group ${rest.slice(0, 4)}`);
  }
}

function codePoint(value: number): string {
  return `\\u{${value.toString(16)}}`;
}

function translate(source: string): { pattern: string; flags: Flags } {
  const translator = new Translator(source);
  const pattern = translator.run();
  return { pattern, flags: translator.flags };
}
