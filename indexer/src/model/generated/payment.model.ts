import {Entity as Entity_, Column as Column_, PrimaryColumn as PrimaryColumn_, ManyToOne as ManyToOne_, Index as Index_, BigIntColumn as BigIntColumn_, IntColumn as IntColumn_, DateTimeColumn as DateTimeColumn_, StringColumn as StringColumn_} from "@subsquid/typeorm-store"
import {Loan} from "./loan.model"
import {Account} from "./account.model"

/**
 * A P2pLoans.Repaid: one payment and how it was split.
 */
@Entity_()
export class Payment {
    constructor(props?: Partial<Payment>) {
        Object.assign(this, props)
    }

    @PrimaryColumn_()
    id!: string

    @Index_()
    @ManyToOne_(() => Loan, {nullable: true})
    loan!: Loan

    /**
     * The extrinsic's signer
     */
    @Index_()
    @ManyToOne_(() => Account, {nullable: true})
    payer!: Account | undefined | null

    @BigIntColumn_({nullable: false})
    amount!: bigint

    @BigIntColumn_({nullable: false})
    penalty!: bigint

    @BigIntColumn_({nullable: false})
    interest!: bigint

    @BigIntColumn_({nullable: false})
    principal!: bigint

    @BigIntColumn_({nullable: false})
    prepaid!: bigint

    /**
     * Instalments the payment completed, and the most days late among them
     */
    @IntColumn_({array: true, nullable: false})
    instalmentsCompleted!: (number)[]

    @IntColumn_({nullable: false})
    daysLate!: number

    @Index_()
    @DateTimeColumn_({nullable: false})
    at!: Date

    @IntColumn_({nullable: false})
    block!: number

    @StringColumn_({nullable: true})
    extrinsicHash!: string | undefined | null
}
