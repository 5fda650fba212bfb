import {sts, Block, Bytes, Option, Result, StorageType, RuntimeCtx} from '../support'
import * as v105 from '../v105'

export const schedules =  {
    /**
     *  The schedule of each started loan.
     */
    v105: new StorageType('P2pLoans.Schedules', 'Optional', [sts.number()], sts.array(() => v105.Instalment)) as SchedulesV105,
}

/**
 *  The schedule of each started loan.
 */
export interface SchedulesV105  {
    is(block: RuntimeCtx): boolean
    get(block: Block, key: number): Promise<(v105.Instalment[] | undefined)>
    getMany(block: Block, keys: number[]): Promise<(v105.Instalment[] | undefined)[]>
    getKeys(block: Block): Promise<number[]>
    getKeys(block: Block, key: number): Promise<number[]>
    getKeysPaged(pageSize: number, block: Block): AsyncIterable<number[]>
    getKeysPaged(pageSize: number, block: Block, key: number): AsyncIterable<number[]>
    getPairs(block: Block): Promise<[k: number, v: (v105.Instalment[] | undefined)][]>
    getPairs(block: Block, key: number): Promise<[k: number, v: (v105.Instalment[] | undefined)][]>
    getPairsPaged(pageSize: number, block: Block): AsyncIterable<[k: number, v: (v105.Instalment[] | undefined)][]>
    getPairsPaged(pageSize: number, block: Block, key: number): AsyncIterable<[k: number, v: (v105.Instalment[] | undefined)][]>
}
