// Aggregates kept up to date as events arrive, never recomputed from scratch: platform
// statistics per month and of all time, default rates per tier, each lender's returns.
// Every update is an addition to a row that the same batch writes back, so a restart that
// resumes after the last processed block counts nothing twice.
import {Ctx, monthOf} from './context'
import * as m from './model'

export type PlatformField =
    | 'lent' | 'lentP2p' | 'lentPools' | 'lentSme' | 'repaid' | 'interestPaid' | 'defaulted'
    | 'overdueAmount'
export type PlatformCount =
    | 'borrowings' | 'repayments' | 'latePayments' | 'defaults' | 'overdueNotices'
    | 'p2pLoansStarted' | 'p2pLoansClosed'

function emptyStats(id: string, period: string, asset: number): m.PlatformStats {
    return new m.PlatformStats({
        id, period, asset,
        lent: 0n, lentP2p: 0n, lentPools: 0n, lentSme: 0n, repaid: 0n, interestPaid: 0n,
        defaulted: 0n, overdueAmount: 0n,
        borrowings: 0, repayments: 0, latePayments: 0, defaults: 0, overdueNotices: 0,
        p2pLoansStarted: 0, p2pLoansClosed: 0,
    })
}

/**
 * Adds to the platform statistics of the block's month and of all time, for `asset`:
 * `amounts` to BigInt fields, `counts` to Int fields.
 */
export async function addPlatform(
    c: Ctx,
    asset: number,
    amounts: Partial<Record<PlatformField, bigint>>,
    counts: Partial<Record<PlatformCount, number>> = {},
): Promise<void> {
    for (const period of [monthOf(c.at), 'all']) {
        const id = `${period}:${asset}`
        const row = await c.cache.getOrCreate(m.PlatformStats, id, () => emptyStats(id, period, asset))
        for (const [k, v] of Object.entries(amounts)) (row as any)[k] += v as bigint
        for (const [k, v] of Object.entries(counts)) (row as any)[k] += v as number
        c.cache.add(row)
    }
}

function tierId(tier: number | null | undefined): string {
    return tier == null ? 'none' : String(tier)
}

async function tierRow(c: Ctx, tier: number | null | undefined): Promise<m.TierStats> {
    const id = tierId(tier)
    return c.cache.getOrCreate(m.TierStats, id, () => new m.TierStats({
        id, tier: tier ?? null, loans: 0, lent: 0n, defaults: 0, defaultedAmount: 0n, defaultRate: 0,
    }))
}

/** A loan (P2P loan or credit line) started for a borrower of `tier`. */
export async function tierLoanStarted(c: Ctx, tier: number | null | undefined, principal: bigint): Promise<void> {
    const row = await tierRow(c, tier)
    row.loans += 1
    row.lent += principal
    row.defaultRate = row.loans > 0 ? row.defaults / row.loans : 0
    c.cache.add(row)
}

/** A loan that started in `tier` defaulted, owing `amount`. */
export async function tierLoanDefaulted(c: Ctx, tier: number | null | undefined, amount: bigint): Promise<void> {
    const row = await tierRow(c, tier)
    row.defaults += 1
    row.defaultedAmount += amount
    row.defaultRate = row.loans > 0 ? row.defaults / row.loans : 0
    c.cache.add(row)
}

export type LenderField = 'principalLent' | 'principalReturned' | 'interestEarned' | 'received' | 'losses'

/** Adds to a lender's totals in `asset`; `newLoan` counts a loan it joined. */
export async function addLender(
    c: Ctx,
    lender: m.Account,
    asset: number,
    amounts: Partial<Record<LenderField, bigint>>,
    newLoan = false,
): Promise<void> {
    const id = `${lender.id}:${asset}`
    const row = await c.cache.getOrCreate(m.LenderStats, id, () => new m.LenderStats({
        id, lender, asset, loans: 0,
        principalLent: 0n, principalReturned: 0n, interestEarned: 0n, received: 0n, losses: 0n,
    }))
    for (const [k, v] of Object.entries(amounts)) (row as any)[k] += v as bigint
    if (newLoan) row.loans += 1
    c.cache.add(row)
}
