// `npm run process`: follows a Xindai node over its RPC and writes its domain events to PostgreSQL.
import './loopback'
import {TypeormDatabase} from '@subsquid/typeorm-store'
import {EntityCache, Ctx} from './context'
import {creditRecordsHandlers} from './mappings/credit-records'
import {governanceHandlers} from './mappings/governance'
import {Handlers} from './mappings/handlers'
import {liquidityPoolsHandlers} from './mappings/liquidity-pools'
import {monitoringHandlers} from './mappings/monitoring'
import {p2pLoansHandlers} from './mappings/p2p-loans'
import {smeFinanceHandlers} from './mappings/sme-finance'
import {processor} from './processor'

const handlers: Handlers = {}
for (const group of [
    creditRecordsHandlers, monitoringHandlers, governanceHandlers, liquidityPoolsHandlers,
    p2pLoansHandlers, smeFinanceHandlers,
]) {
    for (const [name, handler] of Object.entries(group)) {
        if (handlers[name]) throw new Error(`two handlers for ${name}`)
        handlers[name] = handler
    }
}

// supportHotBlocks: blocks above the finalized head are indexed at once, each in its own
// transaction whose changes are logged, and undone when the node switches to another fork.
const db = new TypeormDatabase({supportHotBlocks: true})

processor.run(db, async (ctx) => {
    const cache = new EntityCache(ctx.store)
    let count = 0
    for (const block of ctx.blocks) {
        const at = new Date(block.header.timestamp ?? 0)
        const scratch = new Map<string, any>()
        for (const event of block.events) {
            const handler = handlers[event.name]
            if (!handler) continue
            const c: Ctx = {cache, block: block.header, event, at, scratch}
            await handler(c)
            count += 1
        }
    }
    await cache.flush()
    if (count > 0) {
        const last = ctx.blocks[ctx.blocks.length - 1].header
        ctx.log.info(`indexed ${count} events up to block ${last.height}${ctx.isHead ? ' (head)' : ''}`)
    }
})
