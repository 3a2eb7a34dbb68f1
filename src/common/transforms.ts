/** class-transformer helpers for request fields. */
type Input = { value: unknown };

export const trim = ({ value }: Input) => (typeof value === 'string' ? value.trim() : value);
export const upper = ({ value }: Input) => (typeof value === 'string' ? value.trim().toUpperCase() : value);
export const lower = ({ value }: Input) => (typeof value === 'string' ? value.trim().toLowerCase() : value);
