// The indexer's GraphQL API (indexer/, Subsquid OpenReader): the history the chain does not keep
// in its state, such as every score change with its reason. Optional: without a GraphQL URL the
// views show what the chain has now.

/**
 * The GraphQL URL: `?graphql=http://…/graphql` in the page's address, else VITE_XINDAI_GRAPHQL at
 * build time, else none (the indexer is not connected).
 */
export function graphqlEndpoint(search: string = typeof location === 'undefined' ? '' : location.search): string | undefined {
  const fromQuery = new URLSearchParams(search).get('graphql');
  if (fromQuery && /^https?:\/\//.test(fromQuery)) return fromQuery;
  const fromEnv = import.meta.env?.VITE_XINDAI_GRAPHQL as string | undefined;
  return fromEnv && /^https?:\/\//.test(fromEnv) ? fromEnv : undefined;
}

/** POSTs a query; resolves with its `data`, rejects with the first GraphQL error's message. */
export async function gql<T>(url: string, query: string, variables: Record<string, unknown> = {}, signal?: AbortSignal): Promise<T> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query, variables }),
    signal,
  });
  if (!res.ok) throw new Error(`HTTP ${res.status}`);
  const body = (await res.json()) as { data?: T; errors?: { message: string }[] };
  if (body.errors?.length) throw new Error(body.errors[0].message);
  if (!body.data) throw new Error('no data');
  return body.data;
}

/** One CreditRecords.ScoreChanged as the indexer keeps it (schema.graphql, ScoreChange). */
export interface ScoreChangeRow {
  id: string;
  old: number;
  new: number;
  delta: number;
  reason: string;
  daysLate: number | null;
  tierAfter: number | null;
  /** ISO date-time of the block. */
  at: string;
  block: number;
}

export const SCORE_HISTORY = `query ScoreHistory($id: String!) {
  scoreChanges(where: {account: {id_eq: $id}}, orderBy: [block_ASC, id_ASC]) {
    id old new delta reason daysLate tierAfter at block
  }
}`;

/** The all-time platform statistics per asset (PlatformStats, period "all"). */
export interface PlatformStatsRow {
  asset: number;
  lent: string;
  repaid: string;
  interestPaid: string;
  defaulted: string;
  borrowings: number;
  repayments: number;
  latePayments: number;
  defaults: number;
}

export const PLATFORM_STATS = `query PlatformStats {
  platformStats(where: {period_eq: "all"}, orderBy: [asset_ASC]) {
    asset lent repaid interestPaid defaulted borrowings repayments latePayments defaults
  }
}`;

export interface ChartBox {
  width: number;
  height: number;
  pad: number;
}

/**
 * The score chart's points: the score before the first change, then after each change, placed by
 * time (x, up to `untilMs`) and score (y, the range of the scores seen, at least 40 points tall).
 */
export function historyPoints(rows: ScoreChangeRow[], untilMs: number, box: ChartBox): { x: number; y: number; score: number }[] {
  if (rows.length === 0) return [];
  const times = rows.map((r) => Date.parse(r.at));
  const t0 = times[0];
  const t1 = Math.max(untilMs, times[times.length - 1], t0 + 1);
  const scores = [rows[0].old, ...rows.map((r) => r.new)];
  let lo = Math.min(...scores);
  let hi = Math.max(...scores);
  if (hi - lo < 40) {
    const mid = (hi + lo) / 2;
    lo = mid - 20;
    hi = mid + 20;
  }
  const x = (t: number) => box.pad + ((box.width - 2 * box.pad) * (t - t0)) / (t1 - t0);
  const y = (s: number) => box.height - box.pad - ((box.height - 2 * box.pad) * (s - lo)) / (hi - lo);
  const points = [{ x: x(t0), y: y(rows[0].old), score: rows[0].old }];
  rows.forEach((r, i) => points.push({ x: x(times[i]), y: y(r.new), score: r.new }));
  // The score stays at its last value until now.
  const last = rows[rows.length - 1].new;
  points.push({ x: x(t1), y: y(last), score: last });
  return points;
}

/** One CreditRecords.ProfileAccessed (schema.graphql, ProfileAccess): who read the profile, when, under which consent. */
export interface ProfileAccessRow {
  id: string;
  institution: { id: string };
  /** `Grant` (the owner's data-access grant), `Collection` (a collection agent's access), or null. */
  basis: 'Grant' | 'Collection' | null;
  /** ISO date-time the consent ends. */
  until: string | null;
  collection: { product: string; caseId: string } | null;
  at: string;
  block: number;
}

/** The newest reads first. */
export const PROFILE_ACCESSES = `query ProfileAccesses($id: String!) {
  profileAccesses(where: {subject: {id_eq: $id}}, orderBy: [block_DESC, id_DESC], limit: 50) {
    id institution { id } basis until collection { product caseId } at block
  }
  profileAccessesConnection(where: {subject: {id_eq: $id}}, orderBy: id_ASC) { totalCount }
}`;

/** A lender's returns per asset (LenderStats) and per loan (LoanLender). Amounts as decimal strings. */
export interface LenderStatsRow {
  asset: number;
  loans: number;
  principalLent: string;
  principalReturned: string;
  interestEarned: string;
  received: string;
  losses: string;
}

export interface LoanLenderRow {
  loan: { id: string; asset: number; status: string };
  funded: string;
  refunded: string;
  /** Paid for shares bought, received for shares sold. */
  boughtFor: string;
  soldFor: string;
  principalReturned: string;
  interestEarned: string;
  claimed: string;
  loss: string;
}

/** One loan's part of LenderStats: lent = funded − refunded + paid for shares; received = claimed + sold for. */
export function loanLenderTotals(l: LoanLenderRow): { lent: bigint; received: bigint } {
  return { lent: BigInt(l.funded) - BigInt(l.refunded) + BigInt(l.boughtFor), received: BigInt(l.claimed) + BigInt(l.soldFor) };
}

export const LENDER_RETURNS = `query LenderReturns($id: String!) {
  lenderStats(where: {lender: {id_eq: $id}}, orderBy: asset_ASC) { asset loans principalLent principalReturned interestEarned received losses }
  loanLenders(where: {lender: {id_eq: $id}}, orderBy: id_ASC) { loan { id asset status } funded refunded boughtFor soldFor principalReturned interestEarned claimed loss }
}`;

/**
 * What a lender made: interest (and penalties) earned less the principal written down, and that
 * as a share of the principal lent (in percent with two decimals, rounded toward zero; null
 * when nothing was lent). Principal still outstanding is neither a gain nor a loss yet.
 */
export function lenderReturn(row: { principalLent: string; interestEarned: string; losses: string }): { net: bigint; yieldPct: string | null } {
  const lent = BigInt(row.principalLent);
  const net = BigInt(row.interestEarned) - BigInt(row.losses);
  if (lent <= 0n) return { net, yieldPct: null };
  const bps = (net * 10_000n) / lent;
  const neg = bps < 0n;
  const abs = neg ? -bps : bps;
  return { net, yieldPct: `${neg ? '-' : ''}${abs / 100n}.${String(abs % 100n).padStart(2, '0')}` };
}

/**
 * The account's P2P loans as the indexer knows them, and how far it has got: the number of loans
 * it has seen (loan ids count from 0 without gaps, so this is the next id it knows) and the block
 * it has indexed (to check that it follows this chain).
 */
export const MY_LOAN_IDS = `query MyLoanIds($id: String!) {
  loans(where: {borrower: {id_eq: $id}}, orderBy: id_ASC) { id }
  loansConnection(orderBy: id_ASC) { totalCount }
  squidStatus { height hash }
}`;

export interface IndexedIds {
  /** The account's ids, as the indexer has them. */
  ids: number[];
  /** How many ids the indexer has seen (0 … count − 1). */
  count: number;
  height: number;
  hash: string;
}

export function indexedLoanIds(data: { loans: { id: string }[]; loansConnection: { totalCount: number }; squidStatus: { height: number; hash: string } | null }): IndexedIds | undefined {
  if (!data.squidStatus) return undefined;
  return { ids: data.loans.map((l) => Number(l.id)), count: data.loansConnection.totalCount, height: data.squidStatus.height, hash: data.squidStatus.hash };
}

/**
 * The ids whose current state to read from the chain instead of reading every record: the
 * indexer's ids for the account, plus every id created since the indexer's last block
 * (`count` … `chainNext` − 1; the chain allocates ids in order). Undefined — read everything —
 * without an indexer answer, or when the chain has another block at the indexer's height
 * (another chain, or a fork the indexer has not followed yet). Ids the chain does not have (yet)
 * are left out. The caller still checks each record's owner on chain.
 */
export function idsToRead(indexed: IndexedIds | undefined, chainNext: number, chainHashAtIndexedHeight: string | undefined): number[] | undefined {
  if (!indexed || !chainHashAtIndexedHeight || chainHashAtIndexedHeight.toLowerCase() !== indexed.hash.toLowerCase()) return undefined;
  const ids = new Set(indexed.ids.filter((id) => Number.isInteger(id) && id >= 0 && id < chainNext));
  for (let id = Math.max(0, indexed.count); id < chainNext; id += 1) ids.add(id);
  return [...ids].sort((a, b) => a - b);
}
