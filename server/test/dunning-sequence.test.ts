/**
 * The reminder sequence's arithmetic (domain/dunning/sequence.ts): which step an invoice is due
 * `d` days after its due date. By example on the default sequence, and as a property over random
 * sequences: the step found is the latest whose day has come.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { dueStep, stepDay } from '../src/domain/dunning';
import { defaultSettings } from '../src/domain/settings';

const standard = defaultSettings.dunningSequence;

describe('the reminder sequence', () => {
  it('the default: 3 days before, on the day, 7, 14 and 30 days after, then every 14 days', () => {
    assert.deepEqual(standard, { offsets: [-3, 0, 7, 14, 30], repeatDays: 14 });
    const days = [-4, -3, -1, 0, 6, 7, 13, 14, 29, 30, 43, 44, 57, 58, 100];
    assert.deepEqual(
      days.map((d) => dueStep(standard, d)),
      [null, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 9],
    );
    assert.deepEqual(
      [0, 1, 2, 3, 4, 5, 6, 7].map((i) => stepDay(standard, i)),
      [-3, 0, 7, 14, 30, 44, 58, 72],
    );
  });

  it('without repeats, the last step is the last; without steps, nothing is due', () => {
    assert.equal(dueStep({ offsets: [0, 10], repeatDays: null }, 500), 1);
    assert.equal(stepDay({ offsets: [0, 10], repeatDays: null }, 2), Infinity);
    assert.equal(dueStep({ offsets: [], repeatDays: 14 }, 500), null);
  });

  it('is always the latest step whose day has come (property)', () => {
    const sequence = fc
      .uniqueArray(fc.integer({ min: -90, max: 365 }), { minLength: 1, maxLength: 8 })
      .map((o) => o.sort((a, b) => a - b));
    fc.assert(
      fc.property(
        sequence,
        fc.option(fc.integer({ min: 1, max: 60 })),
        fc.integer({ min: -120, max: 1000 }),
        (offsets, repeatDays, d) => {
          const s = { offsets, repeatDays };
          const step = dueStep(s, d);
          if (step === null) {
            assert.ok(d < offsets[0]!);
            return;
          }
          assert.ok(stepDay(s, step) <= d, 'its day has come');
          assert.ok(stepDay(s, step + 1) > d, 'the next one has not');
        },
      ),
      { numRuns: 2000 },
    );
  });
});
