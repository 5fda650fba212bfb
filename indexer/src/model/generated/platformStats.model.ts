import {Entity as Entity_, Column as Column_, PrimaryColumn as PrimaryColumn_, StringColumn as StringColumn_, Index as Index_, IntColumn as IntColumn_, BigIntColumn as BigIntColumn_} from "@subsquid/typeorm-store"

/**
 * Platform statistics of one calendar month (UTC, period = YYYY-MM) or of all time (period = all), per asset.
 */
@Entity_()
export class PlatformStats {
    constructor(props?: Partial<PlatformStats>) {
        Object.assign(this, props)
    }

    /**
     * <period>:<asset>
     */
    @PrimaryColumn_()
    id!: string

    @Index_()
    @StringColumn_({nullable: false})
    period!: string

    @IntColumn_({nullable: false})
    asset!: number

    /**
     * Principal booked by the credit registry (all products), and by product
     */
    @BigIntColumn_({nullable: false})
    lent!: bigint

    @BigIntColumn_({nullable: false})
    lentP2p!: bigint

    @BigIntColumn_({nullable: false})
    lentPools!: bigint

    @BigIntColumn_({nullable: false})
    lentSme!: bigint

    /**
     * Principal repaid as the registry books it
     */
    @BigIntColumn_({nullable: false})
    repaid!: bigint

    /**
     * Interest and penalty paid on P2P loans and credit lines
     */
    @BigIntColumn_({nullable: false})
    interestPaid!: bigint

    /**
     * Principal written off on default
     */
    @BigIntColumn_({nullable: false})
    defaulted!: bigint

    @IntColumn_({nullable: false})
    borrowings!: number

    @IntColumn_({nullable: false})
    repayments!: number

    /**
     * Due dates completed late (registry Repaid with days late)
     */
    @IntColumn_({nullable: false})
    latePayments!: number

    @IntColumn_({nullable: false})
    defaults!: number

    /**
     * Overdue notices and the amount due they named (a due date can be named at several thresholds)
     */
    @IntColumn_({nullable: false})
    overdueNotices!: number

    @BigIntColumn_({nullable: false})
    overdueAmount!: bigint

    @IntColumn_({nullable: false})
    p2pLoansStarted!: number

    @IntColumn_({nullable: false})
    p2pLoansClosed!: number
}
