// SmeFinance: filings and their audits, credit lines with milestones and repayments, invoices,
// overdue notices and collections of lines. (ParamsSet is in governance.ts.)
import {addPlatform, tierLoanDefaulted, tierLoanStarted} from '../aggregates'
import {Ctx, account, decode} from '../context'
import * as m from '../model'
import {events} from '../types'
import {Handlers} from './handlers'

const ev = events.smeFinance

async function lineOf(c: Ctx, id: bigint): Promise<m.CreditLine> {
    const line = await c.cache.get(m.CreditLine, String(id))
    if (!line) throw new Error(`${c.event.name} at block ${c.block.height}: line ${id} was never applied for`)
    return line
}

async function invoiceOf(c: Ctx, id: bigint): Promise<m.Invoice> {
    const inv = await c.cache.get(m.Invoice, String(id))
    if (!inv) throw new Error(`${c.event.name} at block ${c.block.height}: invoice ${id} was never submitted`)
    return inv
}

async function filingOf(c: Ctx, enterprise: string, period: {year: number; quarter: number}): Promise<m.Filing | undefined> {
    return c.cache.get(m.Filing, `${(await account(c, enterprise)).id}-${period.year}-${period.quarter}`)
}

export const smeFinanceHandlers: Handlers = {
    [ev.reportFiled.name]: async (c) => {
        const e = decode(ev.reportFiled.v105, c)
        const enterprise = await account(c, e.enterprise)
        const id = `${enterprise.id}-${e.period.year}-${e.period.quarter}`
        const filing = await c.cache.getOrCreate(m.Filing, id, () => new m.Filing({id, enterprise}))
        c.cache.add(Object.assign(filing, {
            year: e.period.year, quarter: e.period.quarter, commitment: e.commitment, filedAt: c.at,
        }))
    },

    [ev.reportAttested.name]: async (c) => {
        const e = decode(ev.reportAttested.v105, c)
        const filing = await filingOf(c, e.enterprise, e.period)
        if (filing) c.cache.add(Object.assign(filing, {auditor: await account(c, e.auditor), attestedAt: c.at}))
    },

    [ev.lineApplied.name]: async (c) => {
        const e = decode(ev.lineApplied.v105, c)
        c.cache.add(new m.CreditLine({
            id: String(e.line),
            enterprise: await account(c, e.enterprise),
            asset: e.terms.asset,
            limit: e.terms.limit,
            annualRate: e.terms.annualRate,
            term: Number(e.terms.term),
            purpose: e.terms.purpose.category.__kind,
            status: 'Applied',
            appliedAt: c.at,
            drawn: 0n,
            interestPaid: 0n,
            principalRepaid: 0n,
        }))
    },

    [ev.lineApproved.name]: async (c) => {
        const e = decode(ev.lineApproved.v105, c)
        const line = await lineOf(c, e.line)
        line.status = 'Approved'
        if (e.source.__kind === 'Financier') {
            line.financier = await account(c, e.source.value)
            line.fromPool = false
        } else {
            line.fromPool = true
        }
        c.cache.add(line)
    },

    [ev.lineActivated.name]: async (c) => {
        const e = decode(ev.lineActivated.v105, c)
        const line = await lineOf(c, e.line)
        const enterprise = await c.cache.get(m.Account, line.enterprise.id)
        Object.assign(line, {
            status: 'Active', activatedAt: c.at, maturity: new Date(Number(e.maturity)), tier: enterprise?.tier ?? null,
        })
        c.cache.add(line)
        await tierLoanStarted(c, line.tier, line.limit)
    },

    [ev.trancheReleased.name]: async (c) => {
        const e = decode(ev.trancheReleased.v105, c)
        const line = await lineOf(c, e.line)
        line.drawn += e.amount
        c.cache.add(line)
        c.cache.add(new m.Milestone({
            id: `${line.id}-${e.milestone}`,
            line,
            index: e.milestone,
            amount: e.amount,
            verifier: await account(c, e.verifier),
            releasedAt: c.at,
        }))
    },

    [ev.lineRepaid.name]: async (c) => {
        const e = decode(ev.lineRepaid.v105, c)
        const line = await lineOf(c, e.line)
        line.interestPaid += e.interest
        line.principalRepaid += e.principal
        c.cache.add(line)
        c.cache.add(new m.LineRepayment({
            id: c.event.id,
            line,
            payer: await account(c, e.payer),
            interest: e.interest,
            principal: e.principal,
            daysLate: e.daysLate,
            at: c.at,
            block: c.block.height,
        }))
        await addPlatform(c, line.asset, {interestPaid: e.interest})
    },

    [ev.lineClosing.name]: async (c) => {
        const e = decode(ev.lineClosing.v105, c)
        const line = await lineOf(c, e.line)
        c.cache.add(Object.assign(line, {status: 'Closing', undrawnReleased: e.undrawn}))
    },

    [ev.lineClosed.name]: async (c) => {
        const line = await lineOf(c, decode(ev.lineClosed.v105, c).line)
        if (line.status !== 'Defaulted') c.cache.add(Object.assign(line, {status: 'Closed'}))
    },

    [ev.lineDefaulted.name]: async (c) => {
        const e = decode(ev.lineDefaulted.v105, c)
        const line = await lineOf(c, e.line)
        c.cache.add(Object.assign(line, {status: 'Defaulted', outstandingAtDefault: e.outstanding, undrawnReleased: e.undrawn}))
        await tierLoanDefaulted(c, line.tier, e.outstanding)
    },

    [ev.invoiceSubmitted.name]: async (c) => {
        const e = decode(ev.invoiceSubmitted.v105, c)
        c.cache.add(new m.Invoice({
            id: String(e.invoice),
            enterprise: await account(c, e.enterprise),
            buyer: await account(c, e.buyer),
            asset: e.asset,
            amount: e.amount,
            dueAt: new Date(Number(e.dueAt)),
            invoiceHash: e.invoiceHash,
            status: 'Submitted',
            recourseRepaid: 0n,
            submittedAt: c.at,
        }))
    },

    [ev.invoiceConfirmed.name]: async (c) => {
        const inv = await invoiceOf(c, decode(ev.invoiceConfirmed.v105, c).invoice)
        c.cache.add(Object.assign(inv, {status: 'Confirmed'}))
    },

    [ev.invoiceOffered.name]: async (c) => {
        const inv = await invoiceOf(c, decode(ev.invoiceOffered.v105, c).invoice)
        c.cache.add(Object.assign(inv, {status: 'Offered'}))
    },

    [ev.invoiceRejected.name]: async (c) => {
        const inv = await invoiceOf(c, decode(ev.invoiceRejected.v105, c).invoice)
        c.cache.add(Object.assign(inv, {status: 'Rejected'}))
    },

    [ev.invoiceCancelled.name]: async (c) => {
        const inv = await invoiceOf(c, decode(ev.invoiceCancelled.v105, c).invoice)
        c.cache.add(Object.assign(inv, {status: 'Cancelled'}))
    },

    [ev.invoiceFinanced.name]: async (c) => {
        const e = decode(ev.invoiceFinanced.v105, c)
        const inv = await invoiceOf(c, e.invoice)
        c.cache.add(Object.assign(inv, {
            status: 'Financed', financier: await account(c, e.financier), advance: e.advance, fee: e.fee,
        }))
    },

    [ev.invoicePaid.name]: async (c) => {
        const e = decode(ev.invoicePaid.v105, c)
        const inv = await invoiceOf(c, e.invoice)
        c.cache.add(Object.assign(inv, {
            status: 'Paid', toFinancier: e.toFinancier, toEnterprise: e.toEnterprise, daysLate: e.daysLate,
        }))
    },

    [ev.recourseClaimed.name]: async (c) => {
        const e = decode(ev.recourseClaimed.v105, c)
        const inv = await invoiceOf(c, e.invoice)
        c.cache.add(Object.assign(inv, {status: 'Recourse', recourseOwed: e.owed}))
    },

    [ev.recourseRepaid.name]: async (c) => {
        const e = decode(ev.recourseRepaid.v105, c)
        const inv = await invoiceOf(c, e.invoice)
        inv.recourseRepaid += e.amount
        inv.recourseOwed = e.owed
        if (e.owed === 0n) inv.status = 'RecourseRepaid'
        c.cache.add(inv)
    },

    [ev.overdueNotice.name]: async (c) => {
        const e = decode(ev.overdueNotice.v105, c)
        const notice = new m.OverdueNotice({
            id: c.event.id,
            borrower: await account(c, e.borrower),
            daysPastDue: e.daysPastDue,
            amountDue: e.amountDue,
            at: c.at,
            block: c.block.height,
        })
        let asset: number
        if (e.target.__kind === 'Line') {
            notice.product = m.OverdueProduct.CreditLine
            notice.line = await lineOf(c, e.target.value)
            asset = notice.line.asset
        } else {
            notice.product = m.OverdueProduct.Recourse
            notice.invoice = await invoiceOf(c, e.target.value)
            asset = notice.invoice.asset
        }
        c.cache.add(notice)
        await addPlatform(c, asset, {overdueAmount: e.amountDue}, {overdueNotices: 1})
    },

    [ev.lineCollectorAssigned.name]: async (c) => {
        const e = decode(ev.lineCollectorAssigned.v105, c)
        const line = await lineOf(c, e.line)
        const agent = await account(c, e.agent)
        const id = `CreditLine-${line.id}-${agent.id}`
        const row = await c.cache.getOrCreate(m.CollectionAssignment, id, () => new m.CollectionAssignment({
            id, product: m.OverdueProduct.CreditLine, line, agent, recovered: 0n,
        }))
        c.cache.add(Object.assign(row, {accessUntil: new Date(Number(e.accessUntil)), assignedAt: c.at}))
    },

    [ev.lineCollectionRecovered.name]: async (c) => {
        const e = decode(ev.lineCollectionRecovered.v105, c)
        const row = await c.cache.get(m.CollectionAssignment, `CreditLine-${e.line}-${(await account(c, e.agent)).id}`)
        if (row) c.cache.add(Object.assign(row, {recovered: e.recovered}))
    },
}
