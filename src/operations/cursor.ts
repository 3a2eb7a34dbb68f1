import { validationError } from '../common/validation';

/** The keyset of the last item of a page: its creation time (UTC ISO 8601, to the microsecond) and id. */
export interface Cursor {
  at: string;
  id: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const UTC_MICROSECONDS = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;

export function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify([cursor.at, cursor.id])).toString('base64url');
}

export function decodeCursor(text: string): Cursor {
  try {
    const [at, id] = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
    if (typeof at === 'string' && UTC_MICROSECONDS.test(at) && typeof id === 'string' && UUID.test(id)) return { at, id };
  } catch {
    // fall through to the refusal below
  }
  throw validationError([
    {
      field: 'cursor',
      problems: ['This page link is not one the service gave out: use the link to the next page that came with the previous one'],
    },
  ]);
}
