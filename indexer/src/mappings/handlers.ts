import {Ctx} from '../context'

/** Handlers by qualified event name ("P2pLoans.Repaid"). */
export type Handlers = Record<string, (c: Ctx) => Promise<void>>
