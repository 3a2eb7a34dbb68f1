import { createHash } from 'node:crypto';

/** A form's fields by key, each as the form shows it: text, a list of ticked boxes, a date's parts. */
export type FormValues = Record<string, unknown>;

/** What a person chose for a field that they and someone else both changed: their own value, or the plan's now. */
export type Choice = 'yours' | 'now';

/** A field both the person and someone else changed since the form was drawn: shown side by side, with a choice. */
export interface Clash {
  key: string;
  yours: unknown;
  now: unknown;
}

export interface Merged<V extends FormValues> {
  /** What the form holds after the merge: the person's changes over the plan as it is now. */
  values: V;
  /** The fields the person changed: only these are sent. */
  mine: (keyof V & string)[];
  /** The fields both changed, each to different values, that the person has not chosen between yet. */
  clashes: Clash[];
}

const digest = (value: unknown) =>
  createHash('sha256')
    .update(JSON.stringify(value ?? null))
    .digest('base64url')
    .slice(0, 12);
const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/**
 * What a form records of the values it was drawn with (R10): a short hash of each field, enough to
 * tell later which fields the person changed and which someone else did, without sending the plan
 * back and forth.
 */
export function drawnFingerprint(values: FormValues): string {
  return Buffer.from(JSON.stringify(Object.fromEntries(Object.entries(values).map(([key, value]) => [key, digest(value)])))).toString(
    'base64url',
  );
}

/** The fingerprint a posted form carries, or undefined when it carries none (or not one of ours). */
export function readFingerprint(text: string): Record<string, string> | undefined {
  if (!text) return undefined;
  try {
    const parsed: unknown = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
    if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) return undefined;
    return Object.values(parsed).every((hash) => typeof hash === 'string') ? (parsed as Record<string, string>) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * A three-way merge of a form (R10): `posted` is what the person sent, `drawn` the fingerprint of
 * what the form showed them, `now` the plan's values now. A field the person changed keeps their
 * value, unless they chose the plan's now for it; every other field takes the plan's value now; a
 * field both changed to different values is a clash until the person chooses. A form that carries
 * no fingerprint is taken to have been drawn from the plan as it is now.
 */
export function mergeForm<V extends FormValues>(
  posted: V,
  drawn: Record<string, string> | undefined,
  now: V,
  choices: Record<string, Choice> = {},
): Merged<V> {
  const shown = drawn ?? Object.fromEntries(Object.entries(now).map(([key, value]) => [key, digest(value)]));
  const values = { ...now };
  const mine: (keyof V & string)[] = [];
  const clashes: Clash[] = [];
  for (const key of Object.keys(now) as (keyof V & string)[]) {
    const changedByThem = shown[key] !== digest(now[key]);
    const changedByMe = shown[key] !== digest(posted[key]);
    if (!changedByMe || choices[key] === 'now' || same(posted[key], now[key])) continue;
    if (changedByThem && choices[key] !== 'yours') clashes.push({ key, yours: posted[key], now: now[key] });
    values[key] = posted[key];
    mine.push(key);
  }
  return { values, mine, clashes };
}
