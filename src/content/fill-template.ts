/**
 * Fills {name} placeholders in a content sentence. A placeholder with no value is left as it
 * is, so a content mistake shows up in the reply instead of silently vanishing.
 */
export function fillTemplate(template: string, values: Readonly<Record<string, string | number>>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.prototype.hasOwnProperty.call(values, name) ? String(values[name]) : whole,
  );
}
