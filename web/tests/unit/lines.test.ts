import { describe, expect, test } from 'vitest';

import { type LineFacts, milestoneBlocker, nextMilestone } from '../../src/lines';
import { errorSentence } from '../../src/errors';

const ENTERPRISE = '5HGjWAeFDfFCWPsjFQdVV2Msvz2XtMktvgocEZcCj68kUMaw';
const AUDITOR = '5FLSigC9HGRKVhB9FiEo4Y3koPsNmBmLJbpXg2mp1hXcS59Y';
const NOW = 1_800_000_000_000n;

function line(over: Partial<LineFacts> = {}): LineFacts {
  return {
    enterprise: ENTERPRISE,
    status: { type: 'Active' },
    milestones: [
      { released: true, spec: { verifier: { type: 'KycProvider' } } },
      { released: false, spec: { verifier: { type: 'Auditor' } } },
      { released: false, spec: { verifier: { type: 'Auditor' } } },
    ],
    overdue: false,
    maturity: NOW + 1_000n,
    ...over,
  };
}

describe('milestone attestation, as the pallet checks it', () => {
  test('the next pending milestone of an active line, by a verifier of its kind, is attestable', () => {
    expect(nextMilestone(line())).toBe(1);
    expect(milestoneBlocker(line(), 1, AUDITOR, 'Auditor', NOW)).toBeNull();
  });
  test('milestones go in order', () => {
    expect(milestoneBlocker(line(), 2, AUDITOR, 'Auditor', NOW)).toEqual({ k: 'order', first: 1 });
  });
  test('released milestones and inactive lines are refused', () => {
    expect(milestoneBlocker(line(), 0, AUDITOR, 'KycProvider', NOW)).toEqual({ k: 'released' });
    expect(milestoneBlocker(line({ status: { type: 'Closing' } }), 1, AUDITOR, 'Auditor', NOW)).toEqual({ k: 'inactive' });
    expect(nextMilestone({ milestones: [{ released: true, spec: { verifier: { type: 'Auditor' } } }] })).toBeUndefined();
  });
  test('another kind of verifier, the enterprise itself, a matured or an overdue line are refused', () => {
    expect(milestoneBlocker(line(), 1, AUDITOR, 'KycProvider', NOW)).toEqual({ k: 'kind', kind: 'Auditor' });
    expect(milestoneBlocker(line(), 1, ENTERPRISE, 'Auditor', NOW)).toEqual({ k: 'own' });
    expect(milestoneBlocker(line({ maturity: NOW }), 1, AUDITOR, 'Auditor', NOW)).toEqual({ k: 'matured' });
    expect(milestoneBlocker(line({ overdue: true }), 1, AUDITOR, 'Auditor', NOW)).toEqual({ k: 'overdue' });
  });
  test('the chain\'s refusals read as sentences in both languages', () => {
    expect(errorSentence('SmeFinance.MilestoneOutOfOrder', 'en')).toMatch(/in order/);
    expect(errorSentence('SmeFinance.MilestoneOutOfOrder', 'zh')).toMatch(/按顺序/);
    expect(errorSentence('SmeFinance.NotFinancier', 'en')).toMatch(/financier named/);
  });
});
