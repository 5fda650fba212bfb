import {Entity as Entity_, Column as Column_, PrimaryColumn as PrimaryColumn_, ManyToOne as ManyToOne_, Index as Index_, IntColumn as IntColumn_, BigIntColumn as BigIntColumn_, DateTimeColumn as DateTimeColumn_} from "@subsquid/typeorm-store"
import {Pool} from "./pool.model"
import {Account} from "./account.model"

/**
 * LiquidityPools.BadDebt and FacilityWrittenOff: losses the pool took
 */
@Entity_()
export class PoolWriteOff {
    constructor(props?: Partial<PoolWriteOff>) {
        Object.assign(this, props)
    }

    @PrimaryColumn_()
    id!: string

    @Index_()
    @ManyToOne_(() => Pool, {nullable: true})
    pool!: Pool

    @Index_()
    @ManyToOne_(() => Account, {nullable: true})
    borrower!: Account | undefined | null

    @IntColumn_({nullable: true})
    facility!: number | undefined | null

    @BigIntColumn_({nullable: false})
    amount!: bigint

    @BigIntColumn_({nullable: false})
    coveredByReserves!: bigint

    @BigIntColumn_({nullable: false})
    socialised!: bigint

    @DateTimeColumn_({nullable: false})
    at!: Date

    @IntColumn_({nullable: false})
    block!: number
}
