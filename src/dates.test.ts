// The one date converter: impossible dates are refused (never rolled over), and the refusal can be said.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { dateProblem, toKst, toKstNoting } from './dates.js';

test('a day its month does not have is no date, in every written form; leap days follow the calendar', () => {
  for (const raw of ['2026-02-30', '2026-02-30T10:00:00+09:00', '2026.02.30 10:00', '2026년 2월 30일', '2025-02-29', '2026-04-31', '2026-13-01']) {
    assert.equal(toKst(raw), null, raw);
  }
  assert.equal(toKst('2024-02-29'), '2024-02-29');
  assert.equal(toKst('2026-01-31 23:59'), '2026-01-31T23:59:00+09:00');
});

test('a value written as a date but out of range gets a reason; other text does not', () => {
  assert.match(dateProblem('2026-02-30')!, /"2026-02-30" is written as a date but is not one/);
  assert.match(dateProblem('1850.03.01')!, /year 1990-2100/);
  assert.match(dateProblem('2026-03-01 25:00')!, /not one/);
  assert.equal(dateProblem('2026-03-01'), null);
  assert.equal(dateProblem('어제 오후'), null);
  assert.equal(dateProblem('0001-01-01T00:00:00Z'), null, "a CMS's empty date is no claim");
  const rejected: string[] = [];
  assert.equal(toKstNoting('2026-02-30', rejected), null);
  assert.equal(toKstNoting('2026-02-28', rejected), '2026-02-28');
  assert.equal(rejected.length, 1);
});
