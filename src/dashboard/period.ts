import { ukDate } from '../common/uk-time';
import type { FieldProblem } from '../common/validation';

/** The longest period a dashboard covers: its cost grows with the period, so it is bounded. */
export const MAX_MONTHS = 36;
export const DEFAULT_MONTHS = 12;

/** Calendar months in UK time, written YYYY-MM, both ends included. */
export interface Period {
  from: string;
  to: string;
  months: number;
}

/** The month (YYYY-MM) an instant falls in, in the UK. */
export function ukMonth(instant: Date): string {
  return ukDate(instant).slice(0, 7);
}

/** `month` moved by `count` months (negative: back). */
export function addMonths(month: string, count: number): string {
  const [year, number] = month.split('-').map(Number);
  const index = year * 12 + (number - 1) + count;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** How many months `from` to `to` spans, both included (0 or less when `to` is before `from`). */
export function monthsSpanned(from: string, to: string): number {
  const index = (month: string) => {
    const [year, number] = month.split('-').map(Number);
    return year * 12 + number;
  };
  return index(to) - index(from) + 1;
}

/**
 * The period a request asks for, or what is wrong with it: `months` (the last N, this month
 * included) or `from` and/or `to` (a missing `to` is this month, or `from` when that is later; a
 * missing `from` is 11 months before `to`); by default the last 12 months.
 */
export function resolvePeriod(query: { from?: string; to?: string; months?: number }, now: Date): Period | FieldProblem[] {
  const thisMonth = ukMonth(now);
  if (query.months !== undefined && (query.from !== undefined || query.to !== undefined)) {
    return [{ field: 'months', problems: ['Give either months, or from and to, not both'] }];
  }
  if (query.months !== undefined || (query.from === undefined && query.to === undefined)) {
    const months = query.months ?? DEFAULT_MONTHS;
    return { from: addMonths(thisMonth, 1 - months), to: thisMonth, months };
  }
  const to = query.to ?? (query.from && query.from > thisMonth ? query.from : thisMonth);
  const from = query.from ?? addMonths(to, 1 - DEFAULT_MONTHS);
  const months = monthsSpanned(from, to);
  if (months < 1) return [{ field: 'to', problems: ['to must be the same month as from or a later one'] }];
  if (months > MAX_MONTHS)
    return [{ field: 'from', problems: [`The period can be at most ${MAX_MONTHS} months: from ${from} to ${to} is ${months}`] }];
  return { from, to, months };
}

/** Every month of the period, in order. */
export function monthsOf(period: Period): string[] {
  return Array.from({ length: period.months }, (_, index) => addMonths(period.from, index));
}

const monthNameFormat = new Intl.DateTimeFormat('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' });
const shortMonthFormat = new Intl.DateTimeFormat('en-GB', { month: 'short', year: '2-digit', timeZone: 'UTC' });

const firstDay = (month: string) => {
  const [year, number] = month.split('-').map(Number);
  return new Date(Date.UTC(year, number - 1, 1));
};

/** A month as people read it: "March 2027". */
export function monthName(month: string): string {
  return monthNameFormat.format(firstDay(month));
}

/** A month as an axis labels it: "Mar 27". */
export function shortMonthName(month: string): string {
  return shortMonthFormat.format(firstDay(month));
}
