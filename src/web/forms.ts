/** Reading posted forms (application/x-www-form-urlencoded): a field is a string, or several strings when repeated. */
type Form = unknown;

/** One text field; the first value when the field was repeated; '' when absent. */
export function formText(form: Form, name: string): string {
  const value = (form as Record<string, unknown> | undefined)?.[name];
  const first = Array.isArray(value) ? value[0] : value;
  return typeof first === 'string' ? first : '';
}

/** Every value of a field that can repeat (checkboxes). */
export function formList(form: Form, name: string): string[] {
  const value = (form as Record<string, unknown> | undefined)?.[name];
  return (Array.isArray(value) ? value : [value]).filter((item): item is string => typeof item === 'string' && item !== '');
}
