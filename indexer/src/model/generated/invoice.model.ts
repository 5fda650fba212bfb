import {Entity as Entity_, Column as Column_, PrimaryColumn as PrimaryColumn_, ManyToOne as ManyToOne_, Index as Index_, IntColumn as IntColumn_, BigIntColumn as BigIntColumn_, DateTimeColumn as DateTimeColumn_, StringColumn as StringColumn_} from "@subsquid/typeorm-store"
import {Account} from "./account.model"

@Entity_()
export class Invoice {
    constructor(props?: Partial<Invoice>) {
        Object.assign(this, props)
    }

    @PrimaryColumn_()
    id!: string

    @Index_()
    @ManyToOne_(() => Account, {nullable: true})
    enterprise!: Account

    @Index_()
    @ManyToOne_(() => Account, {nullable: true})
    buyer!: Account

    @IntColumn_({nullable: false})
    asset!: number

    @BigIntColumn_({nullable: false})
    amount!: bigint

    @DateTimeColumn_({nullable: false})
    dueAt!: Date

    @StringColumn_({nullable: false})
    invoiceHash!: string

    /**
     * Submitted, Confirmed, Offered, Financed, Paid, Rejected, Cancelled, Recourse, RecourseRepaid
     */
    @Index_()
    @StringColumn_({nullable: false})
    status!: string

    @Index_()
    @ManyToOne_(() => Account, {nullable: true})
    financier!: Account | undefined | null

    @BigIntColumn_({nullable: true})
    advance!: bigint | undefined | null

    @BigIntColumn_({nullable: true})
    fee!: bigint | undefined | null

    @BigIntColumn_({nullable: true})
    toFinancier!: bigint | undefined | null

    @BigIntColumn_({nullable: true})
    toEnterprise!: bigint | undefined | null

    @IntColumn_({nullable: true})
    daysLate!: number | undefined | null

    @BigIntColumn_({nullable: true})
    recourseOwed!: bigint | undefined | null

    @BigIntColumn_({nullable: false})
    recourseRepaid!: bigint

    @DateTimeColumn_({nullable: false})
    submittedAt!: Date
}
