import {Entity as Entity_, Column as Column_, PrimaryColumn as PrimaryColumn_, ManyToOne as ManyToOne_, Index as Index_, IntColumn as IntColumn_, BigIntColumn as BigIntColumn_, StringColumn as StringColumn_, DateTimeColumn as DateTimeColumn_, OneToMany as OneToMany_} from "@subsquid/typeorm-store"
import {Account} from "./account.model"
import {LoanStatus} from "./_loanStatus"
import {Instalment} from "./instalment.model"
import {Payment} from "./payment.model"
import {LoanLender} from "./loanLender.model"
import {OverdueNotice} from "./overdueNotice.model"

@Entity_()
export class Loan {
    constructor(props?: Partial<Loan>) {
        Object.assign(this, props)
    }

    /**
     * The loan id
     */
    @PrimaryColumn_()
    id!: string

    @Index_()
    @ManyToOne_(() => Account, {nullable: true})
    borrower!: Account

    @Index_()
    @IntColumn_({nullable: false})
    asset!: number

    @BigIntColumn_({nullable: false})
    principal!: bigint

    /**
     * Annual rate as FixedU128 (18 decimals): 120000000000000000 = 12 %
     */
    @BigIntColumn_({nullable: false})
    annualRate!: bigint

    @IntColumn_({nullable: false})
    instalmentCount!: number

    /**
     * Seconds between instalments
     */
    @IntColumn_({nullable: false})
    period!: number

    @StringColumn_({nullable: false})
    kind!: string

    @IntColumn_({nullable: true})
    collateralAsset!: number | undefined | null

    @BigIntColumn_({nullable: true})
    collateralAmount!: bigint | undefined | null

    @DateTimeColumn_({nullable: false})
    fundingDeadline!: Date

    @BigIntColumn_({nullable: false})
    minTicket!: bigint

    @Index_()
    @StringColumn_({nullable: false})
    purpose!: string

    @StringColumn_({nullable: false})
    purposeHash!: string

    @Index_()
    @Column_("varchar", {length: 10, nullable: false})
    status!: LoanStatus

    @BigIntColumn_({nullable: false})
    funded!: bigint

    @BigIntColumn_({nullable: false})
    refunded!: bigint

    /**
     * Borrower's score and tier when the loan started
     */
    @IntColumn_({nullable: true})
    borrowerScore!: number | undefined | null

    @IntColumn_({nullable: true})
    borrowerTier!: number | undefined | null

    @Index_()
    @DateTimeColumn_({nullable: false})
    createdAt!: Date

    @DateTimeColumn_({nullable: true})
    startedAt!: Date | undefined | null

    @DateTimeColumn_({nullable: true})
    endedAt!: Date | undefined | null

    @BigIntColumn_({nullable: false})
    principalRepaid!: bigint

    @BigIntColumn_({nullable: false})
    interestPaid!: bigint

    @BigIntColumn_({nullable: false})
    penaltyPaid!: bigint

    /**
     * What the borrower owed when the loan defaulted or was liquidated
     */
    @BigIntColumn_({nullable: true})
    outstandingAtDefault!: bigint | undefined | null

    @BigIntColumn_({nullable: false})
    collateralToLenders!: bigint

    @BigIntColumn_({nullable: false})
    collateralReturned!: bigint

    @OneToMany_(() => Instalment, e => e.loan)
    instalments!: Instalment[]

    @OneToMany_(() => Payment, e => e.loan)
    payments!: Payment[]

    @OneToMany_(() => LoanLender, e => e.loan)
    lenders!: LoanLender[]

    @OneToMany_(() => OverdueNotice, e => e.loan)
    overdueNotices!: OverdueNotice[]
}
