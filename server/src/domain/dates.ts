/**
 * Calendar dates (`YYYY-MM-DD`) in the company's time zone. The day arithmetic the widget shares
 * (`isCalendarDate`, `addDays`, `daysBetween`) is the contract's (contract/dates.ts).
 */
import { addDays } from '../contract/dates';

export { addDays, daysBetween, isCalendarDate } from '../contract/dates';

const formatters = new Map<string, Intl.DateTimeFormat>();

/** The calendar date of `instant` in `timeZone`. */
export function calendarDate(instant: Date, timeZone: string): string {
  let f = formatters.get(timeZone);
  if (!f) {
    // en-CA formats as YYYY-MM-DD.
    f = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    formatters.set(timeZone, f);
  }
  return f.format(instant);
}

export function isTimeZone(value: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

const offsetFormatters = new Map<string, Intl.DateTimeFormat>();

/** The zone's offset from UTC at `instant`, in ms (−5 h in New York winter is −18,000,000). */
function zoneOffsetMs(instant: number, timeZone: string): number {
  let f = offsetFormatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    offsetFormatters.set(timeZone, f);
  }
  const p = Object.fromEntries(f.formatToParts(instant).map((x) => [x.type, Number(x.value)]));
  const wall = Date.UTC(p.year!, p.month! - 1, p.day!, p.hour!, p.minute!, p.second!);
  return wall - Math.floor(instant / 1000) * 1000;
}

/** The instant a calendar day begins in `timeZone` (midnight there), DST included. */
export function startOfDay(date: string, timeZone: string): Date {
  const wall = Date.parse(`${date}T00:00:00Z`);
  let instant = wall - zoneOffsetMs(wall, timeZone);
  // Near a DST change the offset at the guess and at the answer differ; one more step settles it.
  instant = wall - zoneOffsetMs(instant, timeZone);
  return new Date(instant);
}

/**
 * The hour the company's scheduled emails go out on a calendar day (reminders, promise reminders):
 * 09:00 in its time zone, so they arrive in the morning there.
 */
export const SEND_HOUR = 9;

/** The instant of `hour`:00 on `date` in `timeZone` (midnight there plus the hours). */
export function dayAt(date: string, timeZone: string, hour: number): Date {
  return new Date(startOfDay(date, timeZone).getTime() + hour * 3_600_000);
}

/** The first `hour`:00 in `timeZone` after `now`. */
export function nextDayAt(now: Date, timeZone: string, hour: number): Date {
  const today = calendarDate(now, timeZone);
  const at = dayAt(today, timeZone, hour);
  return at > now ? at : dayAt(addDays(today, 1), timeZone, hour);
}
