/** A JSON value, as JSON.parse returns it. */
export type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

/** Values for a template's `{{name}}` placeholders: text, or a list for list placeholders. */
export type TemplateValues = Readonly<Record<string, string | readonly string[]>>;

/** A filled template and the placeholders it used that had no value. */
export interface FilledTemplate {
  value: Json;
  missing: string[];
}

const PLACEHOLDER = /\{\{\s*([A-Za-z][A-Za-z0-9]*)\s*\}\}/g;
const WHOLE_PLACEHOLDER = /^\{\{\s*([A-Za-z][A-Za-z0-9]*)\s*\}\}$/;

/**
 * Fills `{{name}}` placeholders in every string of a parsed JSON template (keys are left alone).
 * Filling the parsed value rather than the raw text means a value with quotes or backslashes
 * can never break the JSON.
 *
 * An array item that is exactly one placeholder with a list value is replaced by the list's
 * items, so `"validDomains": ["{{validDomains}}"]` can become zero, one or many domains.
 * Placeholders with no value are reported in `missing` and left in place.
 */
export function fillTemplate(template: Json, values: TemplateValues): FilledTemplate {
  const missing = new Set<string>();

  const fillText = (text: string): string =>
    text.replace(PLACEHOLDER, (placeholder, name: string) => {
      const value = values[name];
      if (typeof value === 'string') return value;
      // A list only makes sense as a whole array item; inside other text it counts as unfilled.
      missing.add(name);
      return placeholder;
    });

  const fill = (node: Json): Json => {
    if (typeof node === 'string') return fillText(node);
    if (Array.isArray(node)) {
      return node.flatMap((item) => {
        const whole = typeof item === 'string' ? WHOLE_PLACEHOLDER.exec(item) : null;
        const value = whole ? values[whole[1]] : undefined;
        return value !== undefined && typeof value !== 'string' ? [...value] : [fill(item)];
      });
    }
    if (node !== null && typeof node === 'object') {
      return Object.fromEntries(Object.entries(node).map(([key, item]) => [key, fill(item)]));
    }
    return node;
  };

  const value = fill(template);
  return { value, missing: [...missing].sort() };
}
