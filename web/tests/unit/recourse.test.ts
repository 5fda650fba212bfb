import { describe, expect, test } from 'vitest';

import { checkRepay, claimState, recourseClaimableAt, recourseDaysLate } from '../../src/recourse';
import { errorSentence } from '../../src/errors';

const DAY = 86_400_000n;
const DUE = 1_800_000_000_000n;
const USDX = 1_000_000n;
const params = { grace_period: 3n * 86_400n, default_after_days: 90 };
const financing = { financier: '5Financier', advance: 800n * USDX, recourse_owed: 0n, recourse_since: 0n };

describe('claiming recourse', () => {
  test('claimable default_after_days after the due date', () => {
    expect(recourseClaimableAt(DUE, params)).toBe(DUE + 90n * DAY);
  });
  test('a financed invoice waits, then is claimable for its advance; under recourse it shows what is owed', () => {
    const inv = { status: { type: 'Financed' }, due_at: DUE, financing };
    expect(claimState(inv, params, DUE - DAY)).toEqual({ k: 'waiting', at: DUE + 90n * DAY, days: 91 });
    // Part of a day left counts as a day.
    expect(claimState(inv, params, DUE + 90n * DAY - 1n)).toEqual({ k: 'waiting', at: DUE + 90n * DAY, days: 1 });
    expect(claimState(inv, params, DUE + 90n * DAY)).toEqual({ k: 'claimable', at: DUE + 90n * DAY, owed: 800n * USDX });
    const under = { status: { type: 'Recourse' }, due_at: DUE, financing: { ...financing, recourse_owed: 500n * USDX, recourse_since: DUE + 95n * DAY } };
    expect(claimState(under, params, DUE + 100n * DAY)).toEqual({ k: 'claimed', owed: 500n * USDX, since: DUE + 95n * DAY });
    expect(claimState({ status: { type: 'Confirmed' }, due_at: DUE }, params, DUE + 100n * DAY)).toEqual({ k: 'notFinanced' });
  });
});

describe('repaying recourse', () => {
  const min = 1n * USDX;
  test('takes at most what is owed, and refuses a dust rest', () => {
    expect(checkRepay(800n * USDX, 300n * USDX, min)).toEqual({ k: 'ok', paid: 300n * USDX, rest: 500n * USDX });
    expect(checkRepay(800n * USDX, 900n * USDX, min)).toEqual({ k: 'ok', paid: 800n * USDX, rest: 0n });
    expect(checkRepay(800n * USDX, 800n * USDX - 1n, min)).toEqual({ k: 'dust', rest: 1n });
    expect(checkRepay(800n * USDX, 799n * USDX, min)).toEqual({ k: 'ok', paid: 799n * USDX, rest: min });
    expect(checkRepay(800n * USDX, 0n, min)).toEqual({ k: 'zero' });
  });
  test('lateness counts from the claim, after the grace period, in whole days rounded up', () => {
    const since = DUE + 90n * DAY;
    expect(recourseDaysLate(since, since + 3n * DAY, params.grace_period)).toBe(0);
    expect(recourseDaysLate(since, since + 3n * DAY + 1n, params.grace_period)).toBe(4);
    expect(recourseDaysLate(since, since + 10n * DAY, params.grace_period)).toBe(10);
  });
  test('the recourse errors read as sentences', () => {
    expect(errorSentence('SmeFinance.NotLateEnough', 'en')).toMatch(/not late enough/);
    expect(errorSentence('SmeFinance.RecourseDustLeft', 'zh')).toMatch(/最低余额/);
    expect(errorSentence('SmeFinance.NotFinancier', 'en')).toMatch(/financier of this line or invoice/);
    expect(errorSentence('ConvictionVoting.InsufficientFunds', 'en')).toMatch(/XDI to vote/);
    expect(errorSentence('Referenda.HasDeposit', 'zh')).toMatch(/决策押金/);
  });
});
