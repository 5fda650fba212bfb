// CreditRecords: profiles, persons, attestations, the credit registry's bookings and the score.
// (Monitoring flags are in monitoring.ts, parameter events in governance.ts.)
import {addPlatform} from '../aggregates'
import {Ctx, account, decode} from '../context'
import * as m from '../model'
import {tierOf} from '../tiers'
import {events} from '../types'
import {Handlers} from './handlers'

const ev = events.creditRecords

function product(kind: string): m.CreditProduct {
    switch (kind) {
        case 'Pools': return m.CreditProduct.Pools
        case 'P2pLoans': return m.CreditProduct.P2pLoans
        case 'SmeFinance': return m.CreditProduct.SmeFinance
        default: throw new Error(`unknown credit product ${kind}`)
    }
}

const LENT_FIELD = {Pools: 'lentPools', P2pLoans: 'lentP2p', SmeFinance: 'lentSme'} as const

async function creditEvent(
    c: Ctx, who: string, kind: m.CreditEventKind, position: {product: {__kind: string}; asset: number},
    amount: bigint, owed: bigint, daysLate = 0,
): Promise<void> {
    c.cache.add(new m.CreditEvent({
        id: c.event.id,
        account: await account(c, who),
        kind,
        product: product(position.product.__kind),
        asset: position.asset,
        amount,
        daysLate,
        owed,
        at: c.at,
        block: c.block.height,
    }))
}

export const creditRecordsHandlers: Handlers = {
    [ev.registered.name]: async (c) => {
        const e = decode(ev.registered.v105, c)
        const acc = await account(c, e.who)
        const profile = await c.cache.getOrCreate(m.Profile, acc.id, () => new m.Profile({id: acc.id, account: acc}))
        Object.assign(profile, {
            kind: e.kind.__kind,
            documents: e.documents,
            deposit: e.deposit,
            registeredAt: c.at,
            registeredBlock: c.block.height,
            active: true,
            deregisteredAt: null,
        })
        c.cache.add(profile)
    },

    [ev.documentsUpdated.name]: async (c) => {
        const e = decode(ev.documentsUpdated.v105, c)
        const acc = await account(c, e.who)
        const profile = await c.cache.get(m.Profile, acc.id)
        if (profile) c.cache.add(Object.assign(profile, {documents: e.documents}))
    },

    [ev.deregistered.name]: async (c) => {
        const e = decode(ev.deregistered.v105, c)
        const acc = await account(c, e.who)
        const profile = await c.cache.get(m.Profile, acc.id)
        if (profile) c.cache.add(Object.assign(profile, {active: false, deregisteredAt: c.at}))
    },

    [ev.identityLinked.name]: async (c) => {
        const e = decode(ev.identityLinked.v105, c)
        const person = await c.cache.getOrCreate(m.Person, e.identity, () =>
            new m.Person({id: e.identity, accountCount: 0, linkedAt: c.at}))
        person.accountCount = e.accounts
        c.cache.add(person)
        const acc = await account(c, e.who)
        acc.person = person
        c.cache.add(acc)
    },

    [ev.attested.name]: async (c) => {
        const e = decode(ev.attested.v105, c)
        const subject = await account(c, e.subject)
        const verifier = await account(c, e.verifier)
        const id = `${subject.id}:${verifier.id}:${e.claim.__kind}`
        const att = await c.cache.getOrCreate(m.Attestation, id, () => new m.Attestation({id, subject, verifier}))
        Object.assign(att, {
            claim: e.claim.__kind,
            claimHash: e.claimHash,
            issuedAt: c.at,
            expiresAt: new Date(Number(e.expiresAt)),
            revokedAt: null,
            block: c.block.height,
        })
        c.cache.add(att)
    },

    [ev.incomeAttested.name]: async (c) => {
        // Follows the Attested of the same IncomeVerified claim in the same call.
        const e = decode(ev.incomeAttested.v105, c)
        const subject = await account(c, e.subject)
        const verifier = await account(c, e.verifier)
        const att = await c.cache.get(m.Attestation, `${subject.id}:${verifier.id}:IncomeVerified`)
        if (att) c.cache.add(Object.assign(att, {incomeBand: e.band.__kind}))
    },

    [ev.attestationRevoked.name]: async (c) => {
        const e = decode(ev.attestationRevoked.v105, c)
        const subject = await account(c, e.subject)
        const verifier = await account(c, e.verifier)
        const att = await c.cache.get(m.Attestation, `${subject.id}:${verifier.id}:${e.claim.__kind}`)
        if (att) c.cache.add(Object.assign(att, {revokedAt: c.at}))
    },

    [ev.scoreChanged.name]: async (c) => {
        const e = decode(ev.scoreChanged.v105, c)
        const acc = await account(c, e.who)
        const tier = await tierOf(c.block, e.new)
        acc.score = e.new
        acc.tier = tier
        c.cache.add(acc)
        c.cache.add(new m.ScoreChange({
            id: c.event.id,
            account: acc,
            old: e.old,
            new: e.new,
            delta: e.new - e.old,
            reason: e.reason.__kind,
            daysLate: e.reason.__kind === 'RepaidLate' ? e.reason.daysLate : null,
            tierAfter: tier,
            at: c.at,
            block: c.block.height,
            extrinsicHash: c.event.extrinsic?.hash ?? null,
        }))
    },

    [ev.frozen.name]: async (c) => {
        const e = decode(ev.frozen.v105, c)
        const acc = await account(c, e.who)
        c.cache.add(Object.assign(acc, {frozen: e.reason.__kind}))
    },

    [ev.unfrozen.name]: async (c) => {
        const e = decode(ev.unfrozen.v105, c)
        const acc = await account(c, e.who)
        c.cache.add(Object.assign(acc, {frozen: null}))
    },

    // The registry's bookings: one stream for every product, feeding the platform statistics.
    [ev.borrowed.name]: async (c) => {
        const e = decode(ev.borrowed.v105, c)
        await creditEvent(c, e.who, m.CreditEventKind.Borrowed, e.position, e.amount, e.owed)
        const field = LENT_FIELD[e.position.product.__kind as keyof typeof LENT_FIELD]
        await addPlatform(c, e.position.asset, {lent: e.amount, [field]: e.amount}, {borrowings: 1})
    },

    [ev.repaid.name]: async (c) => {
        const e = decode(ev.repaid.v105, c)
        await creditEvent(c, e.who, m.CreditEventKind.Repaid, e.position, e.amount, e.owed, e.daysLate)
        await addPlatform(c, e.position.asset, {repaid: e.amount}, {
            repayments: e.amount > 0n ? 1 : 0,
            latePayments: e.daysLate > 0 ? 1 : 0,
        })
    },

    [ev.defaulted.name]: async (c) => {
        const e = decode(ev.defaulted.v105, c)
        await creditEvent(c, e.who, m.CreditEventKind.Defaulted, e.position, e.amount, e.owed)
        await addPlatform(c, e.position.asset, {defaulted: e.amount}, {defaults: 1})
    },
}
