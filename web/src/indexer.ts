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
