import { dictionary } from '@zxcvbn-ts/language-common';
import { isRepetition } from './repetition';

export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 128;

/**
 * NCSC guidance: a minimum length and a deny-list, no composition rules. The deny-list is
 * zxcvbn's list of the most common passwords (49,233, most common first: the 10,000 most
 * common and more), compared without regard to case.
 */
const COMMON_PASSWORDS = new Set(dictionary['passwords-common'].map((password) => password.toLowerCase()));

/** What is wrong with a password for the account of `email`, in words a person can act on; empty when it will do. */
export function passwordProblems(password: string, email: string): string[] {
  if (password.length < PASSWORD_MIN_LENGTH) return [`Enter a password of at least ${PASSWORD_MIN_LENGTH} characters`];
  if (password.length > PASSWORD_MAX_LENGTH) return [`Enter a password of at most ${PASSWORD_MAX_LENGTH} characters`];
  const lower = password.toLowerCase();
  const localPart = email.toLowerCase().split('@')[0];
  if (COMMON_PASSWORDS.has(lower) || isRepetition(lower)) {
    return ['This password is too common or too easy to guess; choose another (three unrelated words make a good one)'];
  }
  if (lower.includes(email.toLowerCase()) || (localPart.length >= 4 && lower.includes(localPart))) {
    return ['The password must not contain the email address or its name; choose another'];
  }
  return [];
}
