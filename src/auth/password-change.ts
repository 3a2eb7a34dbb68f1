import { SetMetadata } from '@nestjs/common';
import { DomainError } from '../common/errors/domain-error';

export const OPEN_BEFORE_CHANGE_METADATA = 'auth:open-before-change';

/**
 * The route answers a user who still has the one-time password an admin issued: changing it,
 * saying who they are, and signing out. Every other route refuses them until they set their own.
 */
export const OpenBeforePasswordChange = () => SetMetadata(OPEN_BEFORE_CHANGE_METADATA, true);

export function passwordChangeRequired(): DomainError {
  return new DomainError(
    'PASSWORD_CHANGE_REQUIRED',
    'Choose a password of your own before you do anything else: an admin issued the one you signed in with, and it works only until you change it. Change it on the Your account page, or send your current and new passwords to POST /auth/password.',
  );
}
