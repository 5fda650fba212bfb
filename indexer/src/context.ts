// What every handler gets: the entity cache of the batch, the block and the event.
//
// Entities are read once per batch (from the cache, else from PostgreSQL with the relations
// their handlers touch), changed in memory, and written back once at the end of the batch in
// foreign-key order. With hot blocks, a batch is one unfinalized block, so the store's change
// log can undo it on a reorg.
import {Store} from '@subsquid/typeorm-store'
import {FindOptionsRelations} from 'typeorm'
import * as ss58 from '@subsquid/ss58'
import {Block, Event} from './processor'
import * as m from './model'

type Entity = {id: string}
type Class<E extends Entity> = {new (props?: Partial<E>): E; name: string}

/**
 * The relations each entity is loaded with. A relation left unloaded would be written back as
 * NULL by the store's upsert, so every ManyToOne of a class is listed here.
 */
const RELATIONS: Record<string, FindOptionsRelations<any>> = {
    Account: {person: true},
    Profile: {account: true},
    Attestation: {subject: true, verifier: true},
    AccessGrant: {owner: true, institution: true},
    CollectionAccess: {owner: true, agent: true},
    ProfileAccess: {subject: true, institution: true, grant: true, collection: true},
    Loan: {borrower: true},
    LoanLender: {loan: true, lender: true},
    Instalment: {loan: true, payment: true},
    Filing: {enterprise: true, auditor: true},
    CreditLine: {enterprise: true, financier: true},
    Milestone: {line: true, verifier: true},
    Invoice: {enterprise: true, buyer: true, financier: true},
    Flag: {person: true, account: true},
    CollectionAssignment: {loan: true, line: true, agent: true},
    LenderStats: {lender: true},
}

/** The order in which classes are written: every class after the ones it refers to. */
const WRITE_ORDER: Class<any>[] = [
    m.Person, m.Account, m.Profile, m.Attestation, m.AccessGrant, m.CollectionAccess, m.ProfileAccess,
    m.ScoreChange, m.CreditEvent,
    m.Pool, m.PoolAction, m.PoolLiquidation, m.PoolWriteOff,
    m.Loan, m.Payment, m.Instalment, m.LoanLender,
    m.Filing, m.CreditLine, m.Milestone, m.LineRepayment, m.Invoice,
    m.Flag, m.Review, m.OverdueNotice, m.CollectionAssignment, m.ParameterChange,
    m.PlatformStats, m.TierStats, m.LenderStats,
]

export class EntityCache {
    private readonly maps = new Map<string, Map<string, Entity>>()

    constructor(readonly store: Store) {}

    private map(cls: Class<any>): Map<string, Entity> {
        let map = this.maps.get(cls.name)
        if (!map) {
            map = new Map()
            this.maps.set(cls.name, map)
        }
        return map
    }

    /** The entity, from this batch or the database; undefined if neither has it. */
    async get<E extends Entity>(cls: Class<E>, id: string): Promise<E | undefined> {
        const map = this.map(cls)
        const hit = map.get(id)
        if (hit) return hit as E
        const found = await this.store.get(cls, {where: {id} as any, relations: RELATIONS[cls.name]})
        if (found) map.set(id, found)
        return found
    }

    /** The entity, created by `init` when it does not exist yet. */
    async getOrCreate<E extends Entity>(cls: Class<E>, id: string, init: () => E): Promise<E> {
        const found = await this.get(cls, id)
        if (found) return found
        const created = init()
        this.map(cls).set(id, created)
        return created
    }

    /** Records a new or changed entity for the end-of-batch write. */
    add<E extends Entity>(entity: E): E {
        this.map(entity.constructor as Class<E>).set(entity.id, entity)
        return entity
    }

    /** Every entity of `cls` matching `where` (database rows merged with this batch's). */
    async findAll<E extends Entity>(cls: Class<E>, where: any, match: (e: E) => boolean): Promise<E[]> {
        const map = this.map(cls)
        const rows = await this.store.find(cls, {where, relations: RELATIONS[cls.name]})
        for (const row of rows) if (!map.has(row.id)) map.set(row.id, row)
        return [...map.values()].filter((e) => match(e as E)) as E[]
    }

    async flush(): Promise<void> {
        for (const cls of WRITE_ORDER) {
            const map = this.maps.get(cls.name)
            if (map && map.size > 0) await this.store.upsert([...map.values()])
        }
        this.maps.clear()
    }
}

const codec = ss58.codec(42)

/** SS58 form (prefix 42) of a 32-byte account id given as hex. */
export function address(hex: string): string {
    return codec.encode(hex)
}

export interface Ctx {
    cache: EntityCache
    block: Block
    event: Event
    /** The block's time. */
    at: Date
    /** Per-batch scratch space shared by handlers (e.g. instalments awaiting their payment). */
    scratch: Map<string, any>
}

/** The account entity of a 32-byte id (hex), created on first sight. */
export function account(c: Ctx, hex: string): Promise<m.Account> {
    const id = address(hex)
    return c.cache.getOrCreate(m.Account, id, () => new m.Account({id}))
}

/** A stub referencing an existing entity by id (for relations whose row is known to exist). */
export function ref<E extends Entity>(cls: Class<E>, id: string): E {
    return new cls({id} as Partial<E>)
}

/** "YYYY-MM" (UTC) of a date. */
export function monthOf(at: Date): string {
    return at.toISOString().slice(0, 7)
}

/** Decodes an event with one version of its generated type, with a clear error otherwise. */
export function decode<T>(type: {is(e: any): boolean; decode(e: any): T}, c: Ctx): T {
    if (!type.is(c.event)) {
        throw new Error(
            `${c.event.name} at block ${c.block.height} does not match the generated type: ` +
                'the runtime changed; run the metadata explorer and typegen again (indexer/README.md)',
        )
    }
    return type.decode(c.event)
}

/** JSON of a decoded value (bigints as strings). */
export function json(value: unknown): string {
    return JSON.stringify(value, (_k, v) => (typeof v === 'bigint' ? v.toString() : v))
}

/** The signer of the event's extrinsic, if it was signed. */
export function signerOf(c: Ctx): string | undefined {
    const sig = c.event.extrinsic?.signature as any
    const addr = sig?.address
    if (!addr) return undefined
    if (typeof addr === 'string') return addr
    if (addr.__kind === 'Id' && typeof addr.value === 'string') return addr.value
    return undefined
}
