import { createHmac, timingSafeEqual } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { ConfigValidationError } from '../config/app-config';
import { InstanceKeys, SharedKeyName } from '../config/instance-keys';
import { InstanceKeyRepository } from './instance-key.repository';

/** The fixed label each key's fingerprint is the HMAC of: it tells two keys apart and reveals neither. */
const LABEL = 'day-of-action-planner: fingerprint of a key every instance shares';

/** What an operator whose instance holds another key than the database's must do. */
function remedy(name: SharedKeyName): string {
  switch (name) {
    case 'SUBJECT_MATCH_KEY':
      return 'Give this instance the SUBJECT_MATCH_KEY the others use. It cannot be changed on its own: every subject already recorded was matched under the first key, and changing it means keying every subject again.';
    case 'JWT_SECRET':
      return 'Give this instance the JWT_SECRET the others use. To change it on purpose, stop every instance, run npm run keys:forget-jwt-secret (node dist/forget-jwt-secret.js in the Docker image) with this instance’s settings, then start them all with the new secret (tokens already issued stop working).';
  }
}

export function fingerprintOf(key: Buffer): Buffer {
  return createHmac('sha256', key).update(LABEL, 'utf8').digest();
}

/**
 * Every instance on one database must hold the same keys: subjects matched under two keys never
 * match (deconfliction would fail silently), and a token signed by one would be refused by the
 * others. The first instance records each key's fingerprint (two starting together record one,
 * as the insert does nothing on conflict); any instance whose key gives another refuses to start.
 */
export async function checkKeyFingerprints(manager: EntityManager, instanceKeys: InstanceKeyRepository, keys: InstanceKeys): Promise<void> {
  const mismatched: SharedKeyName[] = [];
  for (const name of ['SUBJECT_MATCH_KEY', 'JWT_SECRET'] as const) {
    const mine = fingerprintOf(keys.get(name));
    await instanceKeys.record(manager, name, mine);
    const recorded = await instanceKeys.fingerprint(manager, name);
    if (!recorded || !timingSafeEqual(recorded, mine)) mismatched.push(name);
  }
  if (mismatched.length) {
    throw new ConfigValidationError(
      `This instance's keys are not the ones this database was started with:\n${mismatched
        .map((name) => `  - ${name}: ${name} is not the one the other instances on this database use. ${remedy(name)}`)
        .join('\n')}`,
    );
  }
}
