// Credit-line rules the pages apply before a transaction, mirroring the pallet
// (pallets/sme-finance/src/impls/lines.rs, do_attest_milestone): pure functions, unit-tested in
// tests/unit/lines.test.ts. The chain decides in the end; these only explain in advance.

/** What of a line (`SmeFinanceApi.line`) the rules read. */
export interface LineFacts {
  enterprise: string;
  status: { type: string };
  milestones: { released: boolean; spec: { verifier: { type: string } } }[];
  overdue: boolean;
  maturity: bigint;
}

/** Why milestone `index` cannot be attested by `me` now, or null when it can. */
export type MilestoneBlocker =
  | { k: 'released' }
  | { k: 'inactive' }
  | { k: 'kind'; kind: string }
  | { k: 'own' }
  | { k: 'order'; first: number }
  | { k: 'matured' }
  | { k: 'overdue' };

/** The index of the next milestone to release (the pallet releases them in order), if any. */
export function nextMilestone(line: Pick<LineFacts, 'milestones'>): number | undefined {
  const i = line.milestones.findIndex((m) => !m.released);
  return i < 0 ? undefined : i;
}

/**
 * Whether `me`, a verifier of `myKind`, may attest milestone `index` of `line` at `now` (ms), in
 * the order the pallet checks: pending, line active, in order, the verifier's kind, not the
 * enterprise itself, before maturity, not overdue.
 */
export function milestoneBlocker(line: LineFacts, index: number, me: string, myKind: string, now: bigint): MilestoneBlocker | null {
  const m = line.milestones[index];
  if (!m || m.released) return { k: 'released' };
  if (line.status.type !== 'Active') return { k: 'inactive' };
  const next = nextMilestone(line);
  if (next !== undefined && index !== next) return { k: 'order', first: next };
  if (m.spec.verifier.type !== myKind) return { k: 'kind', kind: m.spec.verifier.type };
  if (line.enterprise === me) return { k: 'own' };
  if (now >= line.maturity) return { k: 'matured' };
  if (line.overdue) return { k: 'overdue' };
  return null;
}

