import {Entity as Entity_, Column as Column_, PrimaryColumn as PrimaryColumn_, ManyToOne as ManyToOne_, Index as Index_, BigIntColumn as BigIntColumn_, IntColumn as IntColumn_, DateTimeColumn as DateTimeColumn_} from "@subsquid/typeorm-store"
import {Pool} from "./pool.model"
import {Account} from "./account.model"

@Entity_()
export class PoolLiquidation {
    constructor(props?: Partial<PoolLiquidation>) {
        Object.assign(this, props)
    }

    @PrimaryColumn_()
    id!: string

    @Index_()
    @ManyToOne_(() => Pool, {nullable: true})
    pool!: Pool

    @Index_()
    @ManyToOne_(() => Account, {nullable: true})
    liquidator!: Account

    @Index_()
    @ManyToOne_(() => Account, {nullable: true})
    borrower!: Account

    @BigIntColumn_({nullable: false})
    repaid!: bigint

    @IntColumn_({nullable: false})
    collateralAsset!: number

    @BigIntColumn_({nullable: false})
    lpSeized!: bigint

    @DateTimeColumn_({nullable: false})
    at!: Date

    @IntColumn_({nullable: false})
    block!: number
}
