// Governance: every event by which a governance origin (a referendum's track, the risk council,
// or sudo on a dev chain) sets a parameter, admits a verifier or pauses a pool, as one
// ParameterChange row with the value the event carries.
import {Ctx, decode, json} from '../context'
import * as m from '../model'
import {loadTierTable} from '../tiers'
import {events, storage} from '../types'
import {Handlers} from './handlers'
import {poolOf} from './liquidity-pools'

const cr = events.creditRecords
const lp = events.liquidityPools

async function change(c: Ctx, value: unknown): Promise<void> {
    const [pallet, name] = c.event.name.split('.')
    c.cache.add(new m.ParameterChange({
        id: c.event.id,
        pallet,
        name,
        value: json(value),
        call: c.event.call?.name ?? null,
        at: c.at,
        block: c.block.height,
    }))
}

/** A handler recording the event's decoded fields as the new value. */
function recorder(type: {is(e: any): boolean; decode(e: any): unknown}) {
    return async (c: Ctx) => change(c, decode(type, c))
}

export const governanceHandlers: Handlers = {
    [cr.verifierAdded.name]: recorder(cr.verifierAdded.v105),
    [cr.verifierRemoved.name]: recorder(cr.verifierRemoved.v105),
    [cr.monitorParamsSet.name]: recorder(cr.monitorParamsSet.v105),
    [cr.capacityParamsSet.name]: recorder(cr.capacityParamsSet.v105),
    [cr.purposesClosed.name]: recorder(cr.purposesClosed.v105),
    [cr.tierTableSet.name]: async (c) => {
        // The event carries only the row count: record the table itself, and score tiers by it.
        decode(cr.tierTableSet.v105, c)
        await loadTierTable(c.block)
        const item = storage.creditRecords.tierTable.v105
        await change(c, {tiers: item.is(c.block) ? await item.get(c.block) : null})
    },
    [lp.poolCreated.name]: recorder(lp.poolCreated.v105),
    [lp.poolParamsSet.name]: recorder(lp.poolParamsSet.v105),
    [lp.maxPriceAgeSet.name]: recorder(lp.maxPriceAgeSet.v105),
    [lp.facilityCapSet.name]: recorder(lp.facilityCapSet.v105),
    [lp.poolPaused.name]: async (c) => {
        const e = decode(lp.poolPaused.v105, c)
        c.cache.add(Object.assign(await poolOf(c, e.asset), {paused: true}))
        await change(c, e)
    },
    [lp.poolUnpaused.name]: async (c) => {
        const e = decode(lp.poolUnpaused.v105, c)
        c.cache.add(Object.assign(await poolOf(c, e.asset), {paused: false}))
        await change(c, e)
    },
    [events.p2PLoans.riskParamsSet.name]: recorder(events.p2PLoans.riskParamsSet.v105),
    [events.smeFinance.paramsSet.name]: recorder(events.smeFinance.paramsSet.v105),
}
