/**
 * Limits on the shape of what a client sends, checked while the body is read and before any
 * transform or validation: a body nested thousands deep, or holding hundreds of thousands of
 * elements, costs the server far more to handle than the client to send.
 */
export const MAX_DEPTH = 32;
export const MAX_ELEMENTS = 10_000;

/** Control characters that have no place in text people type (tab, line feed and carriage return do). */
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

/**
 * One pass over raw JSON text, outside strings: how deep arrays and objects nest, and how
 * many elements they hold. Returns what is wrong, or undefined when the shape is acceptable.
 */
export function jsonShapeProblem(text: string): string | undefined {
  let depth = 0;
  let elements = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92 /* \ */) i++;
      else if (c === 34 /* " */) inString = false;
      continue;
    }
    if (c === 34) inString = true;
    else if (c === 91 /* [ */ || c === 123 /* { */) {
      if (++depth > MAX_DEPTH) return `the body nests deeper than ${MAX_DEPTH} levels`;
      elements++;
    } else if (c === 93 /* ] */ || c === 125 /* } */) depth--;
    else if (c === 44 /* , */) elements++;
    if (elements > MAX_ELEMENTS) return `the body holds more than ${MAX_ELEMENTS} elements`;
  }
  return undefined;
}

/** The path of the first string (or key) in `value` holding a control character, e.g. `locations.0.label`. */
export function controlCharacterAt(value: unknown, path = ''): string | undefined {
  if (typeof value === 'string') return CONTROL.test(value) ? path || 'value' : undefined;
  if (value === null || typeof value !== 'object') return undefined;
  for (const [key, item] of Object.entries(value)) {
    const at = path ? `${path}.${key}` : key;
    if (CONTROL.test(key)) return at;
    const found = controlCharacterAt(item, at);
    if (found) return found;
  }
  return undefined;
}
