import { formText } from '../forms';

/** The password change form as the API's body names it; what was typed is never drawn back into the page. */
export function passwordChangeForm(form: unknown): { currentPassword: string; newPassword: string } {
  return { currentPassword: formText(form, 'currentPassword'), newPassword: formText(form, 'newPassword') };
}
