/**
 * Calendar-date arithmetic on `YYYY-MM-DD` strings, done in UTC so no time zone moves a day; the rules
 * the server applies too (`isCalendarDate`, `addDays`) are the contract's. "Today" is the company's
 * today when its time zone is known, since the server's dates are in that zone.
 */
export { addDays, isCalendarDate } from '../../../server/src/contract/dates.js';

/** Today's calendar date in `timeZone` (the browser's when absent or unknown). */
export function today(timeZone?: string, now = new Date()): string {
  try {
    // en-CA formats dates as YYYY-MM-DD.
    return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(
      now,
    );
  } catch {
    return new Intl.DateTimeFormat('en-CA', { year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
  }
}

export function startOfYear(date: string): string {
  return `${date.slice(0, 4)}-01-01`;
}
