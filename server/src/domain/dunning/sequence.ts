/**
 * The reminder sequence as arithmetic, pure (property-tested): steps are the sequence's offsets from
 * the due date (negative: before it), then one every `repeatDays` after the last. An invoice is due
 * the latest step whose day has come; a step is sent once, so an invoice that missed steps (a pause, a
 * promise, a server down for a week) gets one reminder for the latest, never a burst.
 */
import type { DunningSequence } from '../settings';

/** The day (from the due date) of step `index`. */
export function stepDay(sequence: DunningSequence, index: number): number {
  const { offsets, repeatDays } = sequence;
  if (index < offsets.length) return offsets[index]!;
  if (repeatDays === null || offsets.length === 0) return Infinity;
  return offsets.at(-1)! + (index - offsets.length + 1) * repeatDays;
}

/** The latest step whose day has come `daysPastDue` days after the due date; null before the first. */
export function dueStep(sequence: DunningSequence, daysPastDue: number): number | null {
  const { offsets, repeatDays } = sequence;
  if (offsets.length === 0 || daysPastDue < offsets[0]!) return null;
  const last = offsets.at(-1)!;
  if (daysPastDue >= last && repeatDays !== null) {
    return offsets.length - 1 + Math.floor((daysPastDue - last) / repeatDays);
  }
  let step = 0;
  while (step + 1 < offsets.length && offsets[step + 1]! <= daysPastDue) step++;
  return step;
}
