/** People plan in UK local time (Europe/London); the API keeps instants. */
export const UK_TIME_ZONE = 'Europe/London';

const ukDateFormat = new Intl.DateTimeFormat('en-CA', { timeZone: UK_TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' });

/** The calendar date (YYYY-MM-DD) of an instant in the UK. */
export function ukDate(instant: Date): string {
  return ukDateFormat.format(instant);
}
