import {Entity as Entity_, Column as Column_, PrimaryColumn as PrimaryColumn_, ManyToOne as ManyToOne_, Index as Index_, IntColumn as IntColumn_, BigIntColumn as BigIntColumn_} from "@subsquid/typeorm-store"
import {Account} from "./account.model"

/**
 * A lender's P2P returns in one asset, summed over its LoanLender rows.
 */
@Entity_()
export class LenderStats {
    constructor(props?: Partial<LenderStats>) {
        Object.assign(this, props)
    }

    /**
     * <lender>:<asset>
     */
    @PrimaryColumn_()
    id!: string

    @Index_()
    @ManyToOne_(() => Account, {nullable: true})
    lender!: Account

    @IntColumn_({nullable: false})
    asset!: number

    @IntColumn_({nullable: false})
    loans!: number

    @BigIntColumn_({nullable: false})
    principalLent!: bigint

    @BigIntColumn_({nullable: false})
    principalReturned!: bigint

    @BigIntColumn_({nullable: false})
    interestEarned!: bigint

    @BigIntColumn_({nullable: false})
    received!: bigint

    @BigIntColumn_({nullable: false})
    losses!: bigint
}
