import {Entity as Entity_, Column as Column_, PrimaryColumn as PrimaryColumn_, IntColumn as IntColumn_, BigIntColumn as BigIntColumn_, FloatColumn as FloatColumn_} from "@subsquid/typeorm-store"

/**
 * Loans (P2P loans and SME credit lines) by the borrower's tier when they started, and how many defaulted.
 */
@Entity_()
export class TierStats {
    constructor(props?: Partial<TierStats>) {
        Object.assign(this, props)
    }

    /**
     * The tier index, or 'none'
     */
    @PrimaryColumn_()
    id!: string

    @IntColumn_({nullable: true})
    tier!: number | undefined | null

    @IntColumn_({nullable: false})
    loans!: number

    @BigIntColumn_({nullable: false})
    lent!: bigint

    @IntColumn_({nullable: false})
    defaults!: number

    @BigIntColumn_({nullable: false})
    defaultedAmount!: bigint

    /**
     * defaults / loans
     */
    @FloatColumn_({nullable: false})
    defaultRate!: number
}
