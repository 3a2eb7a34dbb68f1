import { createHmac } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InstanceKeys } from '../config/instance-keys';

/**
 * The server's key for matching subjects blind: HMAC-SHA-256 of each normalised identifier.
 * SUBJECT_MATCH_KEY, the same on every instance (the database records its fingerprint and an
 * instance with another refuses to start), or beside the embedded database one kept in DATA_DIR.
 * It never leaves the server: not in a response, a log line or an audit event.
 */
@Injectable()
export class SubjectMatchKey {
  constructor(private readonly keys: InstanceKeys) {}

  /** The keyed hash an identifier is matched by. */
  of(text: string): Buffer {
    return createHmac('sha256', this.keys.get('SUBJECT_MATCH_KEY')).update(text, 'utf8').digest();
  }
}
