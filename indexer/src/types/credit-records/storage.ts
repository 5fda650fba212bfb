import {sts, Block, Bytes, Option, Result, StorageType, RuntimeCtx} from '../support'
import * as v105 from '../v105'

export const tierTable =  {
    /**
     *  The tier table, by ascending `min_score`; the first row starts at the lowest score.
     */
    v105: new StorageType('CreditRecords.TierTable', 'Default', [], sts.array(() => v105.TierBand)) as TierTableV105,
}

/**
 *  The tier table, by ascending `min_score`; the first row starts at the lowest score.
 */
export interface TierTableV105  {
    is(block: RuntimeCtx): boolean
    getDefault(block: Block): v105.TierBand[]
    get(block: Block): Promise<(v105.TierBand[] | undefined)>
}
