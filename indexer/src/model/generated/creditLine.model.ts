import {Entity as Entity_, Column as Column_, PrimaryColumn as PrimaryColumn_, ManyToOne as ManyToOne_, Index as Index_, IntColumn as IntColumn_, BigIntColumn as BigIntColumn_, StringColumn as StringColumn_, BooleanColumn as BooleanColumn_, DateTimeColumn as DateTimeColumn_, OneToMany as OneToMany_} from "@subsquid/typeorm-store"
import {Account} from "./account.model"
import {Milestone} from "./milestone.model"
import {LineRepayment} from "./lineRepayment.model"

@Entity_()
export class CreditLine {
    constructor(props?: Partial<CreditLine>) {
        Object.assign(this, props)
    }

    @PrimaryColumn_()
    id!: string

    @Index_()
    @ManyToOne_(() => Account, {nullable: true})
    enterprise!: Account

    @IntColumn_({nullable: false})
    asset!: number

    @BigIntColumn_({nullable: false})
    limit!: bigint

    @BigIntColumn_({nullable: false})
    annualRate!: bigint

    /**
     * Seconds from funding to maturity
     */
    @IntColumn_({nullable: false})
    term!: number

    @StringColumn_({nullable: false})
    purpose!: string

    /**
     * Applied, Approved, Active, Closing, Closed, Defaulted
     */
    @Index_()
    @StringColumn_({nullable: false})
    status!: string

    /**
     * Financier account, or null for a pool facility
     */
    @Index_()
    @ManyToOne_(() => Account, {nullable: true})
    financier!: Account | undefined | null

    @BooleanColumn_({nullable: true})
    fromPool!: boolean | undefined | null

    @IntColumn_({nullable: true})
    tier!: number | undefined | null

    @DateTimeColumn_({nullable: false})
    appliedAt!: Date

    @DateTimeColumn_({nullable: true})
    activatedAt!: Date | undefined | null

    @DateTimeColumn_({nullable: true})
    maturity!: Date | undefined | null

    @BigIntColumn_({nullable: false})
    drawn!: bigint

    @BigIntColumn_({nullable: false})
    interestPaid!: bigint

    @BigIntColumn_({nullable: false})
    principalRepaid!: bigint

    @BigIntColumn_({nullable: true})
    outstandingAtDefault!: bigint | undefined | null

    @BigIntColumn_({nullable: true})
    undrawnReleased!: bigint | undefined | null

    @OneToMany_(() => Milestone, e => e.line)
    milestones!: Milestone[]

    @OneToMany_(() => LineRepayment, e => e.line)
    repayments!: LineRepayment[]
}
