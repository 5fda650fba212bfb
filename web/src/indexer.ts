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

// ---------------------------------------------------------------------------------------------
// Records found through the indexer, read from the chain
//
// The chain indexes few records by who they concern (P2P loans not by borrower, invoices not by
// buyer or financier, filings and lines not by state), so a view finds its records' keys through
// the indexer and reads their current state from the chain: the keys the indexer has, plus the
// keys created since the block it has indexed, once the chain has the same block at that height.
// Otherwise (no indexer, an error, no status yet, another chain or a fork, too far behind) the
// view reads every record as before. Each view still checks each record it reads on chain.

/** The block the indexer has processed, as `squidStatus { height hash }` gives it. */
export interface IndexerStatus {
  height: number;
  hash: string;
}

/**
 * Which keys to read: the indexer's `keys` plus the keys created since its block (`newer`,
 * undefined when they cannot be known: read everything), deduplicated by `keyOf` in their first
 * order. Undefined — read everything — without an indexer status, or when the chain's block at
 * the indexer's height (`chainHash`) is another one (another chain, or a fork the indexer has not
 * followed yet).
 */
export function selectKeys<K>(status: IndexerStatus | null | undefined, chainHash: string | null | undefined, keys: K[], newer: K[] | undefined, keyOf: (k: K) => string): K[] | undefined {
  if (!status || !chainHash || chainHash.toLowerCase() !== status.hash.toLowerCase() || !newer) return undefined;
  const seen = new Map<string, K>();
  for (const k of [...keys, ...newer]) if (!seen.has(keyOf(k))) seen.set(keyOf(k), k);
  return [...seen.values()];
}

/**
 * Sequential ids (the chain allocates 0, 1, 2 … in order): the indexer's ids below `chainNext`
 * plus every id from `indexedCount` (how many ids the indexer has seen) to `chainNext` − 1, in
 * ascending order. Ids the chain has not allocated (yet) are left out.
 */
export function sequentialIds(ids: number[], indexedCount: number, chainNext: number): number[] {
  const out = new Set(ids.filter((id) => Number.isInteger(id) && id >= 0 && id < chainNext));
  for (let id = Math.max(0, indexedCount); id < chainNext; id += 1) out.add(id);
  return [...out].sort((a, b) => a - b);
}

/** How a view asks the indexer for keys, and learns the keys the chain created since. */
export interface KeysQuery<D extends { squidStatus: IndexerStatus | null }, K> {
  /** Runs the GraphQL query (its answer carries `squidStatus { height hash }`). */
  ask: () => Promise<D>;
  /** The keys in the answer. */
  keys: (data: D) => K[];
  /** The keys created after the indexer's block, or undefined when they cannot be known. */
  newer: (data: D, status: IndexerStatus) => Promise<K[] | undefined>;
  /** The chain's block hash at a height (null when it has none). */
  blockHash: (height: number) => Promise<string | null | undefined>;
  keyOf: (k: K) => string;
  /** What the view reads instead, for the console. */
  what: string;
}

/**
 * The keys to read from the chain, found through the indexer (`selectKeys`), or undefined: read
 * every record. Never rejects: an indexer that fails only means reading everything.
 */
export async function keysViaIndexer<D extends { squidStatus: IndexerStatus | null }, K>(q: KeysQuery<D, K>): Promise<K[] | undefined> {
  try {
    const data = await q.ask();
    const status = data.squidStatus;
    if (!status) return undefined;
    const [hash, newer] = await Promise.all([q.blockHash(status.height), q.newer(data, status)]);
    return selectKeys(status, hash, q.keys(data), newer, q.keyOf);
  } catch (e) {
    console.warn(`indexer: reading ${q.what} instead`, e);
    return undefined;
  }
}

/**
 * Sequential ids through the indexer: its ids (`ids`) and how many it has seen (`count`), plus
 * the ids allocated since, up to the chain's next id at the block read (`chainNext`); ascending.
 */
export async function idsViaIndexer<D extends { squidStatus: IndexerStatus | null }>(q: {
  ask: () => Promise<D>;
  ids: (data: D) => (string | number)[];
  count: (data: D) => number;
  chainNext: () => Promise<number | bigint>;
  blockHash: (height: number) => Promise<string | null | undefined>;
  what: string;
}): Promise<number[] | undefined> {
  let next: Promise<number> | undefined;
  const chainNext = () => (next ??= q.chainNext().then(Number));
  const ids = await keysViaIndexer<D, number>({
    ask: q.ask,
    keys: (d) => q.ids(d).map(Number),
    newer: async (d) => sequentialIds([], q.count(d), await chainNext()),
    blockHash: q.blockHash,
    keyOf: String,
    what: q.what,
  });
  if (!ids) return undefined;
  const n = await chainNext();
  return sequentialIds(ids, n, n);
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

export interface MyLoanIdsData {
  loans: { id: string }[];
  loansConnection: { totalCount: number };
  squidStatus: IndexerStatus | null;
}

/** Invoice statuses (the indexer's) after which the chain no longer holds the invoice. */
const INVOICE_CLOSED = ['Paid', 'Rejected', 'Cancelled', 'RecourseRepaid'];
/** Line statuses (the indexer's) that never come back. */
const LINE_ENDED = ['Closed', 'Defaulted'];

/**
 * The invoices and credit lines *SME finance* reads for an account beyond its own as enterprise
 * (which the runtime API lists), as the indexer has them at its block: open invoices that name it
 * as buyer or financier, and every open invoice not financed yet (any of them may have been
 * offered to it, or financed by it, since that block); lines not ended with it as financier, and
 * lines still awaiting the underwriter (approved with it as financier since, perhaps). With the
 * counts of invoices and lines the indexer has seen (ids count from 0 without gaps).
 */
export const SME_IDS = `query SmeIds($id: String!) {
  invoices(where: {AND: [{status_not_in: ${JSON.stringify(INVOICE_CLOSED)}}, {OR: [{buyer: {id_eq: $id}}, {financier: {id_eq: $id}}, {status_in: ["Submitted", "Confirmed", "Offered"]}]}]}, orderBy: id_ASC) { id }
  invoicesConnection(orderBy: id_ASC) { totalCount }
  creditLines(where: {OR: [{status_eq: "Applied"}, {AND: [{status_not_in: ${JSON.stringify(LINE_ENDED)}}, {financier: {id_eq: $id}}]}]}, orderBy: id_ASC) { id }
  creditLinesConnection(orderBy: id_ASC) { totalCount }
  squidStatus { height hash }
}`;

export interface SmeIdsData {
  invoices: { id: string }[];
  invoicesConnection: { totalCount: number };
  creditLines: { id: string }[];
  creditLinesConnection: { totalCount: number };
  squidStatus: IndexerStatus | null;
}

/**
 * What the *Verifier* reads of SME finance, as the indexer has it at its block: the filings no
 * auditor has attested (the chain's own check decides whether they still wait), and the lines that
 * are active or may have become so since (applied, approved), with the count of lines it has seen.
 */
export const VERIFIER_SME_KEYS = `query VerifierSmeKeys {
  filings(where: {auditor_isNull: true}, orderBy: id_ASC) { enterprise { id } year quarter }
  creditLines(where: {status_in: ["Applied", "Approved", "Active"]}, orderBy: id_ASC) { id }
  creditLinesConnection(orderBy: id_ASC) { totalCount }
  squidStatus { height hash }
}`;

export interface VerifierSmeKeysData {
  filings: { enterprise: { id: string }; year: number; quarter: number }[];
  creditLines: { id: string }[];
  creditLinesConnection: { totalCount: number };
  squidStatus: IndexerStatus | null;
}

/** A filing's key in `SmeFinance.Filings`: the enterprise and the period. */
export interface FilingKey {
  enterprise: string;
  period: { year: number; quarter: number };
}

export const filingKeyOf = (k: FilingKey) => `${k.enterprise}-${k.period.year}-${k.period.quarter}`;

/**
 * Records without sequential ids (filings) created since the indexer's block are found in the
 * events of the blocks after it: their heights, up to the block read (`atHeight`). Undefined —
 * read everything — when the indexer is more than `maxLag` blocks behind.
 */
export function blocksSince(indexedHeight: number, atHeight: number, maxLag = 64): number[] | undefined {
  if (atHeight - indexedHeight > maxLag) return undefined;
  const out: number[] = [];
  for (let h = indexedHeight + 1; h <= atHeight; h += 1) out.push(h);
  return out;
}

/** The chain's block hash at a height, through the node's RPC (null when it has none). */
export function chainBlockHash(rpc: { _request: <R>(method: string, params: unknown[]) => Promise<R> }): (height: number) => Promise<string | null> {
  return (height) => rpc._request<string | null>('chain_getBlockHash', [height]);
}

/**
 * The records to show: those at `keys` (found through the indexer; the ones the chain no longer
 * has are left out), or, when `keys` is undefined, every record (`all`). `viaIndexer` says which.
 */
export async function readRecords<K, V>(
  keys: K[] | undefined,
  one: (k: K) => Promise<V | undefined>,
  all: () => Promise<{ key: K; value: V }[]>,
): Promise<{ records: { key: K; value: V }[]; viaIndexer: boolean }> {
  if (!keys) return { records: await all(), viaIndexer: false };
  const values = await Promise.all(keys.map(one));
  return { records: keys.flatMap((key, i) => (values[i] === undefined ? [] : [{ key, value: values[i] as V }])), viaIndexer: true };
}
