/** People plan in UK local time (Europe/London); the API keeps instants. */
export const UK_TIME_ZONE = 'Europe/London';

const ukDateFormat = new Intl.DateTimeFormat('en-CA', { timeZone: UK_TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' });

/** The calendar date (YYYY-MM-DD) of an instant in the UK. */
export function ukDate(instant: Date): string {
  return ukDateFormat.format(instant);
}

const ukDateTimeFormat = new Intl.DateTimeFormat('en-GB', {
  timeZone: UK_TIME_ZONE,
  weekday: 'short',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
  timeZoneName: 'short',
});
const ukFieldsFormat = new Intl.DateTimeFormat('en-GB', {
  timeZone: UK_TIME_ZONE,
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** An instant as people in the UK read it, with GMT or BST named: "Mon, 1 March 2027 at 05:00 GMT". */
export function ukDateTime(instant: Date | string): string {
  return ukDateTimeFormat.format(typeof instant === 'string' ? new Date(instant) : instant);
}

const ukDayFormat = new Intl.DateTimeFormat('en-GB', { timeZone: UK_TIME_ZONE, day: 'numeric', month: 'long', year: 'numeric' });
const calendarDayFormat = new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', day: 'numeric', month: 'long', year: 'numeric' });

/**
 * A day as people in the UK write it: "10 December 2026". A calendar date (YYYY-MM-DD) is that
 * day; an instant is the day it falls on in the UK.
 */
export function ukDay(day: Date | string): string {
  if (typeof day === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(day)) return calendarDayFormat.format(new Date(`${day}T00:00:00Z`));
  return ukDayFormat.format(typeof day === 'string' ? new Date(day) : day);
}

const ukClockFormat = new Intl.DateTimeFormat('en-GB', {
  timeZone: UK_TIME_ZONE,
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
  timeZoneName: 'short',
});

/** The time of day of an instant in the UK, with GMT or BST named: "05:30 GMT" (for times within a day of action). */
export function ukClock(instant: Date | string): string {
  return ukClockFormat.format(typeof instant === 'string' ? new Date(instant) : instant);
}

export interface UkLocalTime {
  day: number;
  month: number;
  year: number;
  hour: number;
  minute: number;
}

/** The UK wall-clock reading of an instant, field by field (what a date input and a time field show). */
export function ukLocalTime(instant: Date | string): UkLocalTime {
  const parts = Object.fromEntries(
    ukFieldsFormat.formatToParts(typeof instant === 'string' ? new Date(instant) : instant).map((part) => [part.type, Number(part.value)]),
  );
  return { day: parts.day, month: parts.month, year: parts.year, hour: parts.hour, minute: parts.minute };
}

/**
 * The instant a UK wall-clock time stands for. In the hour the clocks go back the time happens
 * twice: the first (BST) is meant. In the hour they go forward it never happens: undefined.
 */
export function ukInstant(local: UkLocalTime): Date | undefined {
  const asUtc = Date.UTC(local.year, local.month - 1, local.day, local.hour, local.minute);
  const same = (instant: Date) => {
    const read = ukLocalTime(instant);
    return (
      read.year === local.year &&
      read.month === local.month &&
      read.day === local.day &&
      read.hour === local.hour &&
      read.minute === local.minute
    );
  };
  return [new Date(asUtc - 3600_000), new Date(asUtc)].find(same);
}

/**
 * A time of day as people type it, on the 24-hour clock or with am or pm: "06:00", "6:00", "06.00",
 * "0600", "0600hrs", "600", "6am", "6:30 pm", "noon", "midnight". Undefined when it is not one.
 */
export function clockOf(typed: string): { hour: number; minute: number } | undefined {
  const text = typed.trim().toLowerCase().replace(/\s+/g, ' ');
  if (text === 'noon' || text === 'midday') return { hour: 12, minute: 0 };
  if (text === 'midnight') return { hour: 0, minute: 0 };
  const twelveHour = /^(\d{1,2})(?:[:.](\d{2}))? ?([ap])\.?m\.?$/.exec(text);
  if (twelveHour) {
    const [hour, minute] = [Number(twelveHour[1]), Number(twelveHour[2] ?? 0)];
    if (hour < 1 || hour > 12 || minute > 59) return undefined;
    return { hour: (hour % 12) + (twelveHour[3] === 'p' ? 12 : 0), minute };
  }
  const day = /^(?:(\d{1,2})[:.](\d{2})|(\d{1,2})(\d{2}))(?: ?(?:hrs|hours|h))?$/.exec(text);
  if (!day) return undefined;
  const [hour, minute] = [Number(day[1] ?? day[3]), Number(day[2] ?? day[4])];
  return hour <= 23 && minute <= 59 ? { hour, minute } : undefined;
}
