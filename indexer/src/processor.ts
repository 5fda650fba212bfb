// The processor's data source: blocks and the domain pallets' events straight from a node's RPC.
import {
    BlockHeader,
    DataHandlerContext,
    SubstrateBatchProcessor,
    SubstrateBatchProcessorFields,
    Event as _Event,
    Call as _Call,
    Extrinsic as _Extrinsic,
} from '@subsquid/substrate-processor'

import {events} from './types'

/**
 * Every event of the four domain pallets, by the names typegen found in the runtime metadata
 * (the RPC data source has no wildcard). A new event needs a typegen run and a handler.
 */
export const EVENT_NAMES: string[] = [events.creditRecords, events.liquidityPools, events.p2PLoans, events.smeFinance]
    .flatMap((pallet) => Object.values(pallet).map((def) => (def as {name: string}).name))

/** The node's RPC; ws:// and http:// address the same server of a Substrate node. */
export const RPC_URL = process.env.XINDAI_INDEXER_RPC || 'ws://127.0.0.1:9944'

/**
 * The processor talks HTTP to the node and polls for new heads. Over a websocket,
 * substrate-data-raw 1.x relies on chain_subscribeNewHeads, and with a dev node's sealing the
 * subscription went silent after the first blocks (the processor stalled at the head it had);
 * polling the best and finalized heads once a second has no such failure mode.
 */
const HTTP_URL = RPC_URL.replace(/^ws(s?):\/\//, 'http$1://')

export const processor = new SubstrateBatchProcessor()
    .setRpcEndpoint({
        url: HTTP_URL,
        // A dev node answers fast; keep a few requests in flight without flooding it.
        capacity: Number(process.env.XINDAI_INDEXER_RPC_CAPACITY || 10),
        rateLimit: process.env.XINDAI_INDEXER_RPC_RATE ? Number(process.env.XINDAI_INDEXER_RPC_RATE) : undefined,
    })
    // New heads polled once a second (see HTTP_URL); blocks up to the finalized head are
    // "final", those above it are hot (README: unfinalized blocks and rollback).
    .setRpcDataIngestionSettings({
        headPollInterval: Number(process.env.XINDAI_INDEXER_POLL_MS || 1000),
    })
    .setBlockRange({from: 0})
    .addEvent({
        name: EVENT_NAMES,
        extrinsic: true,
        call: true,
    })
    .setFields({
        block: {timestamp: true},
        event: {name: true, args: true},
        extrinsic: {hash: true, signature: true},
        call: {name: true},
    })

export type Fields = SubstrateBatchProcessorFields<typeof processor>
export type Block = BlockHeader<Fields>
export type Event = _Event<Fields>
export type Call = _Call<Fields>
export type Extrinsic = _Extrinsic<Fields>
export type ProcessorContext<Store> = DataHandlerContext<Store, Fields>
