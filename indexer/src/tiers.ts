// The governance tier table (CreditRecords.TierTable), read from the chain's storage: at the
// first block a batch needs it, and again after every TierTableSet. A score's tier is the last
// band whose min_score is at most the score, as `tier_of` in pallets/credit-records/src/types.rs.
import {Block} from './processor'
import {storage} from './types'

let table: number[] | undefined

export async function loadTierTable(block: Block): Promise<void> {
    const item = storage.creditRecords.tierTable.v105
    if (!item.is(block)) throw new Error(`CreditRecords.TierTable at block ${block.height} does not match the generated type`)
    const bands = await item.get(block)
    table = (bands ?? []).map((b) => b.minScore)
}

export async function tierOf(block: Block, score: number | null | undefined): Promise<number | null> {
    if (score == null) return null
    if (table === undefined) await loadTierTable(block)
    let tier: number | null = null
    for (const [i, min] of table!.entries()) {
        if (min > score) break
        tier = i
    }
    return tier
}
