/**
 * The fields a client actually sent. Compiled DTO classes declare every field as an own
 * property (`undefined` when absent), so spreading a DTO over stored data would blank
 * whatever was not sent; merge this instead.
 */
export function definedFields<T extends object>(input: T | undefined): Partial<T> {
  if (!input) return {};
  return Object.fromEntries(Object.entries(input).filter(([, value]) => value !== undefined)) as Partial<T>;
}
