// P2pLoans: a loan from request to funding, instalments, payments, default or liquidation, the
// lenders' stakes (funding, share sales, pro-rata returns and losses) and collections.
import {addLender, addPlatform, tierLoanDefaulted, tierLoanStarted} from '../aggregates'
import {Ctx, account, decode, signerOf} from '../context'
import * as m from '../model'
import {events, storage} from '../types'
import {Handlers} from './handlers'

const ev = events.p2PLoans

async function loanOf(c: Ctx, id: number): Promise<m.Loan> {
    const loan = await c.cache.get(m.Loan, String(id))
    if (!loan) throw new Error(`${c.event.name} at block ${c.block.height}: loan ${id} was never created`)
    return loan
}

async function stake(c: Ctx, loan: m.Loan, lenderHex: string): Promise<{row: m.LoanLender; isNew: boolean}> {
    const lender = await account(c, lenderHex)
    const id = `${loan.id}-${lender.id}`
    const found = await c.cache.get(m.LoanLender, id)
    if (found) return {row: found, isNew: false}
    const row = c.cache.add(new m.LoanLender({
        id, loan, lender,
        funded: 0n, refunded: 0n, shares: 0n, sharesBought: 0n, sharesSold: 0n, boughtFor: 0n,
        soldFor: 0n, principalReturned: 0n, interestEarned: 0n, claimed: 0n, collateralClaimed: 0n,
        loss: 0n,
    }))
    return {row, isNew: true}
}

/** The loan's lenders holding shares now. */
function holders(c: Ctx, loan: m.Loan): Promise<m.LoanLender[]> {
    return c.cache.findAll(m.LoanLender, {loan: {id: loan.id}}, (l) => l.loan.id === loan.id && l.shares > 0n)
}

/** `amount` × shares / principal, rounded down as the chain's pro_rata rounds payouts. */
const proRata = (amount: bigint, shares: bigint, total: bigint) => (total === 0n ? 0n : (amount * shares) / total)

/** Books what the lenders lose when a loan defaults or is liquidated: their part of the unpaid principal. */
async function writeDown(c: Ctx, loan: m.Loan): Promise<void> {
    const unpaid = loan.principal - loan.principalRepaid
    if (unpaid <= 0n) return
    for (const l of await holders(c, loan)) {
        const loss = proRata(unpaid, l.shares, loan.principal)
        l.loss += loss
        c.cache.add(l)
        await addLender(c, l.lender, loan.asset, {losses: loss})
    }
}

async function ended(c: Ctx, loan: m.Loan, status: m.LoanStatus, outstanding: bigint, toLenders: bigint, returned: bigint) {
    loan.status = status
    loan.endedAt = c.at
    loan.outstandingAtDefault = outstanding
    loan.collateralToLenders += toLenders
    loan.collateralReturned += returned
    c.cache.add(loan)
    await tierLoanDefaulted(c, loan.borrowerTier, outstanding)
    await writeDown(c, loan)
}

export const p2pLoansHandlers: Handlers = {
    [ev.requestCreated.name]: async (c) => {
        const e = decode(ev.requestCreated.v105, c)
        const t = e.terms
        c.cache.add(new m.Loan({
            id: String(e.loan),
            borrower: await account(c, e.borrower),
            asset: t.asset,
            principal: t.principal,
            annualRate: t.annualRate,
            instalmentCount: t.instalments,
            period: Number(t.period),
            kind: t.kind.__kind,
            collateralAsset: t.collateral?.[0] ?? null,
            collateralAmount: t.collateral?.[1] ?? null,
            fundingDeadline: new Date(Number(t.fundingDeadline)),
            minTicket: t.minTicket,
            purpose: t.purpose.category.__kind,
            purposeHash: t.purpose.descriptionHash,
            status: m.LoanStatus.Funding,
            funded: 0n,
            refunded: 0n,
            createdAt: c.at,
            principalRepaid: 0n,
            interestPaid: 0n,
            penaltyPaid: 0n,
            collateralToLenders: 0n,
            collateralReturned: 0n,
        }))
    },

    [ev.requestCancelled.name]: async (c) => {
        const loan = await loanOf(c, decode(ev.requestCancelled.v105, c).loan)
        c.cache.add(Object.assign(loan, {status: m.LoanStatus.Cancelled, endedAt: c.at}))
    },

    [ev.requestExpired.name]: async (c) => {
        const loan = await loanOf(c, decode(ev.requestExpired.v105, c).loan)
        c.cache.add(Object.assign(loan, {status: m.LoanStatus.Expired, endedAt: c.at}))
    },

    [ev.funded.name]: async (c) => {
        const e = decode(ev.funded.v105, c)
        const loan = await loanOf(c, e.loan)
        loan.funded = e.funded
        c.cache.add(loan)
        const {row, isNew} = await stake(c, loan, e.lender)
        row.funded += e.amount
        row.shares += e.amount
        c.cache.add(row)
        await addLender(c, row.lender, loan.asset, {principalLent: e.amount}, isNew)
    },

    [ev.refunded.name]: async (c) => {
        const e = decode(ev.refunded.v105, c)
        const loan = await loanOf(c, e.loan)
        loan.refunded += e.amount
        c.cache.add(loan)
        const {row} = await stake(c, loan, e.lender)
        row.refunded += e.amount
        row.shares -= e.amount
        c.cache.add(row)
        await addLender(c, row.lender, loan.asset, {principalLent: -e.amount})
    },

    [ev.loanStarted.name]: async (c) => {
        const e = decode(ev.loanStarted.v105, c)
        const loan = await loanOf(c, e.loan)
        const borrower = await account(c, e.borrower)
        Object.assign(loan, {
            status: m.LoanStatus.Active,
            startedAt: c.at,
            borrowerScore: borrower.score ?? null,
            borrowerTier: borrower.tier ?? null,
        })
        c.cache.add(loan)
        // The schedule is not in the event: read it from the block's state (the node must keep
        // state for the blocks the indexer processes; see README: archive node).
        const item = storage.p2PLoans.schedules.v105
        const schedule = item.is(c.block) ? await item.get(c.block, e.loan) : undefined
        for (const [index, inst] of (schedule ?? []).entries()) {
            c.cache.add(new m.Instalment({
                id: `${loan.id}-${index}`,
                loan,
                index,
                dueAt: new Date(Number(inst.dueAt)),
                principal: inst.principal,
                interest: inst.interest,
                state: m.InstalmentState.Due,
            }))
        }
        await tierLoanStarted(c, loan.borrowerTier, e.principal)
        await addPlatform(c, loan.asset, {}, {p2pLoansStarted: 1})
    },

    [ev.instalmentPaid.name]: async (c) => {
        // Emitted just before the Repaid of the same call: kept until that payment is recorded.
        const e = decode(ev.instalmentPaid.v105, c)
        const inst = await c.cache.get(m.Instalment, `${e.loan}-${e.index}`)
        if (!inst) throw new Error(`instalment ${e.index} of loan ${e.loan} unknown at block ${c.block.height}`)
        Object.assign(inst, {
            state: e.daysLate > 0 ? m.InstalmentState.PaidLate : m.InstalmentState.Paid,
            paidAt: c.at,
            daysLate: e.daysLate,
        })
        c.cache.add(inst)
        const key = `instalments:${c.event.extrinsic?.id ?? c.block.id}:${e.loan}`
        c.scratch.set(key, [...(c.scratch.get(key) ?? []), inst])
    },

    [ev.repaid.name]: async (c) => {
        const e = decode(ev.repaid.v105, c)
        const loan = await loanOf(c, e.loan)
        const key = `instalments:${c.event.extrinsic?.id ?? c.block.id}:${e.loan}`
        const completed: m.Instalment[] = c.scratch.get(key) ?? []
        c.scratch.delete(key)
        const payerHex = signerOf(c)
        const payment = c.cache.add(new m.Payment({
            id: c.event.id,
            loan,
            payer: payerHex ? await account(c, payerHex) : null,
            amount: e.amount,
            penalty: e.penalty,
            interest: e.interest,
            principal: e.principal,
            prepaid: e.prepaid,
            instalmentsCompleted: completed.map((i) => i.index),
            daysLate: completed.reduce((d, i) => Math.max(d, i.daysLate ?? 0), 0),
            at: c.at,
            block: c.block.height,
            extrinsicHash: c.event.extrinsic?.hash ?? null,
        }))
        for (const inst of completed) c.cache.add(Object.assign(inst, {payment}))

        const principal = e.principal + e.prepaid
        const earned = e.interest + e.penalty
        const recovering = loan.status === m.LoanStatus.Defaulted || loan.status === m.LoanStatus.Liquidated
        loan.principalRepaid += principal
        loan.interestPaid += e.interest
        loan.penaltyPaid += e.penalty
        c.cache.add(loan)
        for (const l of await holders(c, loan)) {
            const p = proRata(principal, l.shares, loan.principal)
            const i = proRata(earned, l.shares, loan.principal)
            l.principalReturned += p
            l.interestEarned += i
            // After a default, what the borrower still pays recovers what was written down.
            const recovered = recovering ? (p < l.loss ? p : l.loss) : 0n
            l.loss -= recovered
            c.cache.add(l)
            await addLender(c, l.lender, loan.asset, {principalReturned: p, interestEarned: i, losses: -recovered})
        }
        await addPlatform(c, loan.asset, {interestPaid: earned})
    },

    [ev.loanClosed.name]: async (c) => {
        const loan = await loanOf(c, decode(ev.loanClosed.v105, c).loan)
        // A default whose collateral settled everything closes at once: it stays a default.
        if (loan.status !== m.LoanStatus.Defaulted && loan.status !== m.LoanStatus.Liquidated) {
            loan.status = m.LoanStatus.Closed
            loan.endedAt = c.at
        }
        c.cache.add(loan)
        await addPlatform(c, loan.asset, {}, {p2pLoansClosed: 1})
    },

    [ev.defaulted.name]: async (c) => {
        const e = decode(ev.defaulted.v105, c)
        const loan = await loanOf(c, e.loan)
        await ended(c, loan, m.LoanStatus.Defaulted, e.outstanding, e.collateralToLenders, e.collateralReturned)
    },

    [ev.liquidated.name]: async (c) => {
        const e = decode(ev.liquidated.v105, c)
        const loan = await loanOf(c, e.loan)
        await ended(c, loan, m.LoanStatus.Liquidated, e.outstanding, e.collateralToLenders, e.collateralReturned)
    },

    [ev.claimed.name]: async (c) => {
        const e = decode(ev.claimed.v105, c)
        const loan = await loanOf(c, e.loan)
        const {row} = await stake(c, loan, e.lender)
        row.claimed += e.amount
        row.collateralClaimed += e.collateral
        c.cache.add(row)
        await addLender(c, row.lender, loan.asset, {received: e.amount})
    },

    [ev.sharesSold.name]: async (c) => {
        // The buyer pays the seller directly; the buyer's stake counts what it paid as lent.
        const e = decode(ev.sharesSold.v105, c)
        const loan = await loanOf(c, e.loan)
        const seller = await stake(c, loan, e.seller)
        seller.row.shares -= e.shares
        seller.row.sharesSold += e.shares
        seller.row.soldFor += e.paid
        c.cache.add(seller.row)
        await addLender(c, seller.row.lender, loan.asset, {received: e.paid})
        const buyer = await stake(c, loan, e.buyer)
        buyer.row.shares += e.shares
        buyer.row.sharesBought += e.shares
        buyer.row.boughtFor += e.paid
        c.cache.add(buyer.row)
        await addLender(c, buyer.row.lender, loan.asset, {principalLent: e.paid}, buyer.isNew)
    },

    [ev.overdueNotice.name]: async (c) => {
        const e = decode(ev.overdueNotice.v105, c)
        const loan = await loanOf(c, e.loan)
        c.cache.add(new m.OverdueNotice({
            id: c.event.id,
            product: m.OverdueProduct.P2pLoan,
            loan,
            borrower: await account(c, e.borrower),
            daysPastDue: e.daysPastDue,
            amountDue: e.amountDue,
            at: c.at,
            block: c.block.height,
        }))
        await addPlatform(c, loan.asset, {overdueAmount: e.amountDue}, {overdueNotices: 1})
    },

    [ev.collectorAssigned.name]: async (c) => {
        const e = decode(ev.collectorAssigned.v105, c)
        const loan = await loanOf(c, e.loan)
        const agent = await account(c, e.agent)
        const id = `P2pLoan-${loan.id}-${agent.id}`
        const row = await c.cache.getOrCreate(m.CollectionAssignment, id, () => new m.CollectionAssignment({
            id, product: m.OverdueProduct.P2pLoan, loan, agent, recovered: 0n,
        }))
        c.cache.add(Object.assign(row, {accessUntil: new Date(Number(e.accessUntil)), assignedAt: c.at}))
    },

    [ev.collectionRecovered.name]: async (c) => {
        const e = decode(ev.collectionRecovered.v105, c)
        const row = await c.cache.get(m.CollectionAssignment, `P2pLoan-${e.loan}-${(await account(c, e.agent)).id}`)
        if (row) c.cache.add(Object.assign(row, {recovered: e.recovered}))
    },
}
