// LiquidityPools: deposits, withdrawals, borrows, repayments, liquidations and write-offs.
// (Parameter and pause events are in governance.ts.)
import {Ctx, account, decode} from '../context'
import * as m from '../model'
import {events} from '../types'
import {Handlers} from './handlers'

const ev = events.liquidityPools

/** The pool of an asset; genesis pools have no PoolCreated event, so a row starts on first sight. */
export function poolOf(c: Ctx, asset: number): Promise<m.Pool> {
    const id = String(asset)
    return c.cache.getOrCreate(m.Pool, id, () => new m.Pool({
        id, deposited: 0n, withdrawn: 0n, borrowed: 0n, repaid: 0n, liquidations: 0, paused: false,
    }))
}

async function action(
    c: Ctx, kind: m.PoolActionKind, who: string, asset: number, amount: bigint,
    extra: Partial<m.PoolAction>, total: 'deposited' | 'withdrawn' | 'borrowed' | 'repaid',
): Promise<void> {
    const pool = await poolOf(c, asset)
    pool[total] += amount
    c.cache.add(pool)
    c.cache.add(new m.PoolAction({
        id: c.event.id,
        pool,
        account: await account(c, who),
        kind,
        amount,
        at: c.at,
        block: c.block.height,
        ...extra,
    }))
}

export const liquidityPoolsHandlers: Handlers = {
    [ev.deposited.name]: async (c) => {
        const e = decode(ev.deposited.v105, c)
        await action(c, m.PoolActionKind.Deposit, e.who, e.asset, e.amount, {lpAmount: e.lpMinted}, 'deposited')
    },

    [ev.withdrawn.name]: async (c) => {
        const e = decode(ev.withdrawn.v105, c)
        await action(c, m.PoolActionKind.Withdrawal, e.who, e.asset, e.amount, {lpAmount: e.lpBurned}, 'withdrawn')
    },

    [ev.borrowed.name]: async (c) => {
        const e = decode(ev.borrowed.v105, c)
        await action(c, m.PoolActionKind.Borrow, e.who, e.asset, e.amount, {debtAfter: e.debt, premium: e.premium}, 'borrowed')
    },

    [ev.repaid.name]: async (c) => {
        const e = decode(ev.repaid.v105, c)
        await action(c, m.PoolActionKind.Repayment, e.who, e.asset, e.amount, {debtAfter: e.debt}, 'repaid')
    },

    [ev.liquidated.name]: async (c) => {
        const e = decode(ev.liquidated.v105, c)
        const pool = await poolOf(c, e.debtAsset)
        pool.liquidations += 1
        c.cache.add(pool)
        c.cache.add(new m.PoolLiquidation({
            id: c.event.id,
            pool,
            liquidator: await account(c, e.liquidator),
            borrower: await account(c, e.borrower),
            repaid: e.repaid,
            collateralAsset: e.collateralAsset,
            lpSeized: e.lpSeized,
            at: c.at,
            block: c.block.height,
        }))
    },

    [ev.badDebt.name]: async (c) => {
        const e = decode(ev.badDebt.v105, c)
        c.cache.add(new m.PoolWriteOff({
            id: c.event.id,
            pool: await poolOf(c, e.asset),
            borrower: await account(c, e.borrower),
            amount: e.amount,
            coveredByReserves: e.coveredByReserves,
            socialised: e.socialised,
            at: c.at,
            block: c.block.height,
        }))
    },

    [ev.facilityWrittenOff.name]: async (c) => {
        const e = decode(ev.facilityWrittenOff.v105, c)
        c.cache.add(new m.PoolWriteOff({
            id: c.event.id,
            pool: await poolOf(c, e.asset),
            facility: Number(e.facility),
            amount: e.amount,
            coveredByReserves: e.coveredByReserves,
            socialised: e.socialised,
            at: c.at,
            block: c.block.height,
        }))
    },
}
