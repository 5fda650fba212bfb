import {Entity as Entity_, Column as Column_, PrimaryColumn as PrimaryColumn_, ManyToOne as ManyToOne_, Index as Index_, BigIntColumn as BigIntColumn_, DateTimeColumn as DateTimeColumn_, IntColumn as IntColumn_} from "@subsquid/typeorm-store"
import {Pool} from "./pool.model"
import {Account} from "./account.model"
import {PoolActionKind} from "./_poolActionKind"

/**
 * LiquidityPools.Deposited / Withdrawn / Borrowed / Repaid
 */
@Entity_()
export class PoolAction {
    constructor(props?: Partial<PoolAction>) {
        Object.assign(this, props)
    }

    @PrimaryColumn_()
    id!: string

    @Index_()
    @ManyToOne_(() => Pool, {nullable: true})
    pool!: Pool

    @Index_()
    @ManyToOne_(() => Account, {nullable: true})
    account!: Account

    @Index_()
    @Column_("varchar", {length: 10, nullable: false})
    kind!: PoolActionKind

    @BigIntColumn_({nullable: false})
    amount!: bigint

    /**
     * LP minted (deposit) or burned (withdrawal)
     */
    @BigIntColumn_({nullable: true})
    lpAmount!: bigint | undefined | null

    /**
     * The account's debt in the pool after a borrow or repayment
     */
    @BigIntColumn_({nullable: true})
    debtAfter!: bigint | undefined | null

    /**
     * Tier rate premium of a borrow (FixedU128)
     */
    @BigIntColumn_({nullable: true})
    premium!: bigint | undefined | null

    @Index_()
    @DateTimeColumn_({nullable: false})
    at!: Date

    @IntColumn_({nullable: false})
    block!: number
}
