import {Entity as Entity_, Column as Column_, PrimaryColumn as PrimaryColumn_, ManyToOne as ManyToOne_, Index as Index_, BigIntColumn as BigIntColumn_} from "@subsquid/typeorm-store"
import {Loan} from "./loan.model"
import {Account} from "./account.model"

/**
 * A lender's stake in a loan: what it funded, holds, received, earned and lost.
 */
@Entity_()
export class LoanLender {
    constructor(props?: Partial<LoanLender>) {
        Object.assign(this, props)
    }

    /**
     * <loan>-<lender>
     */
    @PrimaryColumn_()
    id!: string

    @Index_()
    @ManyToOne_(() => Loan, {nullable: true})
    loan!: Loan

    @Index_()
    @ManyToOne_(() => Account, {nullable: true})
    lender!: Account

    @BigIntColumn_({nullable: false})
    funded!: bigint

    @BigIntColumn_({nullable: false})
    refunded!: bigint

    /**
     * Shares held now (1 share = 1 unit of principal)
     */
    @BigIntColumn_({nullable: false})
    shares!: bigint

    @BigIntColumn_({nullable: false})
    sharesBought!: bigint

    @BigIntColumn_({nullable: false})
    sharesSold!: bigint

    /**
     * Paid for shares bought, received for shares sold
     */
    @BigIntColumn_({nullable: false})
    boughtFor!: bigint

    @BigIntColumn_({nullable: false})
    soldFor!: bigint

    /**
     * Pro-rata part of the borrower's payments while holding shares
     */
    @BigIntColumn_({nullable: false})
    principalReturned!: bigint

    @BigIntColumn_({nullable: false})
    interestEarned!: bigint

    /**
     * Claimed repayments and collateral
     */
    @BigIntColumn_({nullable: false})
    claimed!: bigint

    @BigIntColumn_({nullable: false})
    collateralClaimed!: bigint

    /**
     * Share of the principal outstanding when the loan defaulted, less later recoveries
     */
    @BigIntColumn_({nullable: false})
    loss!: bigint
}
