import {Entity as Entity_, Column as Column_, PrimaryColumn as PrimaryColumn_, Index as Index_, ManyToOne as ManyToOne_, IntColumn as IntColumn_, BigIntColumn as BigIntColumn_, DateTimeColumn as DateTimeColumn_} from "@subsquid/typeorm-store"
import {OverdueProduct} from "./_overdueProduct"
import {Loan} from "./loan.model"
import {CreditLine} from "./creditLine.model"
import {Invoice} from "./invoice.model"
import {Account} from "./account.model"

@Entity_()
export class OverdueNotice {
    constructor(props?: Partial<OverdueNotice>) {
        Object.assign(this, props)
    }

    @PrimaryColumn_()
    id!: string

    @Index_()
    @Column_("varchar", {length: 10, nullable: false})
    product!: OverdueProduct

    @Index_()
    @ManyToOne_(() => Loan, {nullable: true})
    loan!: Loan | undefined | null

    @Index_()
    @ManyToOne_(() => CreditLine, {nullable: true})
    line!: CreditLine | undefined | null

    @Index_()
    @ManyToOne_(() => Invoice, {nullable: true})
    invoice!: Invoice | undefined | null

    @Index_()
    @ManyToOne_(() => Account, {nullable: true})
    borrower!: Account

    @IntColumn_({nullable: false})
    daysPastDue!: number

    @BigIntColumn_({nullable: false})
    amountDue!: bigint

    @Index_()
    @DateTimeColumn_({nullable: false})
    at!: Date

    @IntColumn_({nullable: false})
    block!: number
}
