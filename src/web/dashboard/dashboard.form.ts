import type { FieldError } from '../page';

/** The dashboard's address query, as Fastify parses it. */
export type PageQuery = Record<string, string | string[] | undefined>;

/** The period form's fields as typed: month and year of the first and of the last month. */
export type PeriodForm = Record<string, string>;

/** The fields of the period form as the API's query names them: `from-month` 3 and `from-year` 2027 are `from` 2027-03. */
export function periodQuery(query: PageQuery): { criteria: Record<string, string>; errors: FieldError[]; form: PeriodForm } {
  const text = (name: string) => (typeof query[name] === 'string' ? (query[name] as string).trim() : '');
  const form = Object.fromEntries(['from-month', 'from-year', 'to-month', 'to-year'].map((name) => [name, text(name)]));
  const criteria: Record<string, string> = {};
  const errors: FieldError[] = [];
  for (const name of ['months', 'from', 'to']) if (text(name)) criteria[name] = text(name);
  for (const end of ['from', 'to'] as const) {
    const [month, year] = [form[`${end}-month`], form[`${end}-year`]];
    if (!month && !year) continue;
    if (!/^\d{1,2}$/.test(month) || Number(month) < 1 || Number(month) > 12 || !/^20\d{2}$/.test(year)) {
      errors.push({
        field: `${end}-month`,
        text: `The ${end === 'from' ? 'first' : 'last'} month must be a real month, for example 3 2027`,
      });
    } else {
      criteria[end] = `${year}-${month.padStart(2, '0')}`;
    }
  }
  return { criteria, errors, form };
}

/** Where the API's field is entered on the form. */
const FIELD_IDS: Record<string, string> = { from: 'from-month', to: 'to-month', months: 'from-month' };

/** The id of the form's field where the API's field is entered ('' for the form as a whole). */
export const periodFieldId = (field: string): string => FIELD_IDS[field] ?? '';
