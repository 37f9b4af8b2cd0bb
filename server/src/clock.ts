/** Time comes from here, injected, so expiry and reminders are tested without sleeping. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** A clock that can be moved forward: the demo's (time travel, `POST /dev/clock`) and the tests'. */
export interface AdjustableClock extends Clock {
  advance(ms: number): void;
}

export function isAdjustable(clock: Clock): clock is AdjustableClock {
  return typeof (clock as Partial<AdjustableClock>).advance === 'function';
}

/** The demo's clock: real time plus how far a person has moved it forward (kept in the database). */
export class OffsetClock implements AdjustableClock {
  constructor(
    private offsetMs = 0,
    private readonly base: Clock = systemClock,
  ) {}

  now(): Date {
    return new Date(this.base.now().getTime() + this.offsetMs);
  }

  advance(ms: number): void {
    this.offsetMs += ms;
  }

  /** How far ahead of real time it runs, in ms. */
  get offset(): number {
    return this.offsetMs;
  }
}

/** A clock tests move by hand. */
export class ManualClock implements AdjustableClock {
  private current: number;

  constructor(start: Date | string = '2026-11-20T15:00:00Z') {
    this.current = new Date(start).getTime();
  }

  now(): Date {
    return new Date(this.current);
  }

  set(at: Date | string): void {
    this.current = new Date(at).getTime();
  }

  advance(ms: number): void {
    this.current += ms;
  }
}

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;
