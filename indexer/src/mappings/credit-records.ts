// CreditRecords: profiles, persons, attestations, the credit registry's bookings, the score, and
// who may read and who read a profile (data-access grants, collection access, ProfileAccessed).
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

function collectionId(owner: string, agent: string, kase: {product: {__kind: string}; id: bigint}): string {
    return `${owner}:${agent}:${kase.product.__kind}:${kase.id}`
}

/**
 * The consent under which `institution` read `subject`'s profile at `at`, as the chain decides it
 * (CreditRecords.log_access): the owner's grant while it runs, else a collection access in force.
 */
async function consentOf(c: Ctx, subject: m.Account, institution: m.Account): Promise<
    {basis: m.AccessBasis; grant?: m.AccessGrant; collection?: m.CollectionAccess; until: Date} | undefined
> {
    const grant = await c.cache.get(m.AccessGrant, `${subject.id}:${institution.id}`)
    if (grant && !grant.revokedAt && c.at < grant.until) return {basis: m.AccessBasis.Grant, grant, until: grant.until}
    const open = await c.cache.findAll(
        m.CollectionAccess,
        {owner: {id: subject.id}, agent: {id: institution.id}},
        (x) => x.owner.id === subject.id && x.agent.id === institution.id && !x.endedAt && c.at < x.until,
    )
    if (open.length === 0) return undefined
    // The one that runs longest.
    const collection = open.reduce((a, b) => (b.until > a.until ? b : a))
    return {basis: m.AccessBasis.Collection, collection, until: collection.until}
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

    // Who may read a profile, and who did.
    [ev.accessGranted.name]: async (c) => {
        const e = decode(ev.accessGranted.v105, c)
        const owner = await account(c, e.owner)
        const institution = await account(c, e.institution)
        const id = `${owner.id}:${institution.id}`
        // A new grant to the same institution replaces the old one, as on chain.
        const grant = await c.cache.getOrCreate(m.AccessGrant, id, () => new m.AccessGrant({id, owner, institution}))
        Object.assign(grant, {grantedAt: c.at, until: new Date(Number(e.until)), revokedAt: null, block: c.block.height})
        c.cache.add(grant)
    },

    [ev.accessRevoked.name]: async (c) => {
        const e = decode(ev.accessRevoked.v105, c)
        const grant = await c.cache.get(m.AccessGrant, `${(await account(c, e.owner)).id}:${(await account(c, e.institution)).id}`)
        if (grant) c.cache.add(Object.assign(grant, {revokedAt: c.at}))
    },

    [ev.collectionAccessGranted.name]: async (c) => {
        const e = decode(ev.collectionAccessGranted.v105, c)
        const owner = await account(c, e.owner)
        const agent = await account(c, e.agent)
        const id = collectionId(owner.id, agent.id, e.case)
        const access = await c.cache.getOrCreate(m.CollectionAccess, id, () => new m.CollectionAccess({
            id, owner, agent, product: product(e.case.product.__kind), caseId: e.case.id,
        }))
        Object.assign(access, {grantedAt: c.at, until: new Date(Number(e.until)), endedAt: null, block: c.block.height})
        c.cache.add(access)
    },

    [ev.collectionAccessEnded.name]: async (c) => {
        const e = decode(ev.collectionAccessEnded.v105, c)
        const owner = await account(c, e.owner)
        const agent = await account(c, e.agent)
        const access = await c.cache.get(m.CollectionAccess, collectionId(owner.id, agent.id, e.case))
        if (access) c.cache.add(Object.assign(access, {endedAt: c.at}))
    },

    [ev.profileAccessed.name]: async (c) => {
        const e = decode(ev.profileAccessed.v105, c)
        const subject = await account(c, e.subject)
        const institution = await account(c, e.institution)
        const consent = await consentOf(c, subject, institution)
        c.cache.add(new m.ProfileAccess({
            id: c.event.id,
            subject,
            institution,
            basis: consent?.basis ?? null,
            grant: consent?.grant ?? null,
            collection: consent?.collection ?? null,
            until: consent?.until ?? null,
            at: c.at,
            block: c.block.height,
            extrinsicHash: c.event.extrinsic?.hash ?? null,
        }))
    },
}
