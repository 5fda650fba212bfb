// CreditRecords monitoring: flags raised by the rules or by verifiers' reports, and their review
// by the risk council (cleared or confirmed) or withdrawal.
import {Ctx, account, decode, json} from '../context'
import * as m from '../model'
import {events} from '../types'
import {Handlers} from './handlers'

const ev = events.creditRecords

async function review(c: Ctx, flagId: bigint, outcome: string, reason: string | null): Promise<void> {
    const flag = await c.cache.get(m.Flag, String(flagId))
    if (!flag) throw new Error(`${c.event.name} at block ${c.block.height}: flag ${flagId} was never raised`)
    flag.status = outcome
    c.cache.add(flag)
    c.cache.add(new m.Review({id: c.event.id, flag, outcome, reason, at: c.at, block: c.block.height}))
}

export const monitoringHandlers: Handlers = {
    [ev.flagRaised.name]: async (c) => {
        const e = decode(ev.flagRaised.v105, c)
        c.cache.add(new m.Flag({
            id: String(e.flag),
            person: await account(c, e.person),
            account: await account(c, e.account),
            cause: e.cause.__kind,
            rule: e.cause.__kind === 'Rule' ? e.cause.rule.__kind : null,
            detail: json(e.cause),
            status: 'Open',
            raisedAt: c.at,
        }))
    },

    [ev.flagWithdrawn.name]: async (c) => {
        const e = decode(ev.flagWithdrawn.v105, c)
        await review(c, e.flag, 'Withdrawn', null)
    },

    [ev.flagCleared.name]: async (c) => {
        const e = decode(ev.flagCleared.v105, c)
        await review(c, e.flag, 'Cleared', e.reason)
    },

    [ev.flagConfirmed.name]: async (c) => {
        const e = decode(ev.flagConfirmed.v105, c)
        await review(c, e.flag, 'Confirmed', e.reason)
    },
}
