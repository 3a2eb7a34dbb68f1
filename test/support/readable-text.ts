/**
 * The words a person reads in a response: for JSON, its messages (an error's `message` and the
 * problems it lists for each field, a readiness check's `message`, a history entry's or a task's
 * `summary`, a verdict's `reason`, a rule's `description`), never its codes and identifiers; for a page, its visible text, one string per line of it, and
 * the words a screen reader speaks for an element (`aria-label`, `alt`, `title`, `placeholder`).
 */
export function readableText(contentType: string, body: string): string[] {
  const type = contentType.split(';')[0].trim().toLowerCase();
  if (type === 'application/json') return jsonMessages(parseJson(body));
  if (type === 'text/html') return pageText(body);
  return [];
}

function parseJson(body: string): unknown {
  try {
    return JSON.parse(body);
  } catch {
    return undefined;
  }
}

/**
 * Keys whose string values are written for a person to read: messages, summaries and the problems
 * of each field; a policy verdict's reason and a rule's description (and the reasons and
 * descriptions people typed, which must read as English too).
 */
const MESSAGE_KEYS = new Set(['message', 'summary', 'problems', 'reason', 'description']);

function jsonMessages(value: unknown, key = ''): string[] {
  if (typeof value === 'string') return MESSAGE_KEYS.has(key) ? [value] : [];
  if (Array.isArray(value)) return value.flatMap((item) => jsonMessages(item, key));
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([name, item]) => jsonMessages(item, name));
  return [];
}

/** Elements whose content is not read as text: scripts, styles, templates, and literal values to copy (a feed's secret address). */
const UNREAD = /<(script|style|template|code)\b[^>]*>[\s\S]*?<\/\1\s*>/gi;
/** Elements that sit inside a line of text; every other tag ends a line. */
const INLINE = new Set(['a', 'abbr', 'b', 'em', 'i', 'small', 'span', 'strong', 'time', 'mark', 'q', 's', 'sub', 'sup', 'u', 'wbr']);
const SPOKEN_ATTRIBUTES = /\s(?:aria-label|alt|title|placeholder)\s*=\s*(?:"([^"]*)"|'([^']*)')/gi;

function pageText(html: string): string[] {
  const spoken: string[] = [];
  const text = html
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(UNREAD, '\n')
    .replace(/<\/?([a-zA-Z][\w-]*)\b((?:[^>"']|"[^"]*"|'[^']*')*)>/g, (_tag, name: string, attributes: string) => {
      for (const found of attributes.matchAll(SPOKEN_ATTRIBUTES)) spoken.push(found[1] ?? found[2]);
      return INLINE.has(name.toLowerCase()) ? '' : '\n';
    })
    .replace(/<!doctype[^>]*>/gi, '');
  return [...text.split('\n'), ...spoken].map((line) => decodeEntities(line).replace(/\s+/g, ' ').trim()).filter(Boolean);
}

const NAMED: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
  ndash: '–',
  mdash: '—',
  lsquo: '‘',
  rsquo: '’',
  ldquo: '“',
  rdquo: '”',
  hellip: '…',
  middot: '·',
  pound: '£',
};

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (entity, name: string) => {
    if (name[0] === '#') return String.fromCodePoint(name[1].toLowerCase() === 'x' ? parseInt(name.slice(2), 16) : Number(name.slice(1)));
    return NAMED[name.toLowerCase()] ?? entity;
  });
}
