import {Entity as Entity_, Column as Column_, PrimaryColumn as PrimaryColumn_, ManyToOne as ManyToOne_, Index as Index_, IntColumn as IntColumn_, DateTimeColumn as DateTimeColumn_, BigIntColumn as BigIntColumn_} from "@subsquid/typeorm-store"
import {Loan} from "./loan.model"
import {InstalmentState} from "./_instalmentState"
import {Payment} from "./payment.model"

@Entity_()
export class Instalment {
    constructor(props?: Partial<Instalment>) {
        Object.assign(this, props)
    }

    /**
     * <loan>-<index>
     */
    @PrimaryColumn_()
    id!: string

    @Index_()
    @ManyToOne_(() => Loan, {nullable: true})
    loan!: Loan

    @IntColumn_({nullable: false})
    index!: number

    @DateTimeColumn_({nullable: false})
    dueAt!: Date

    @BigIntColumn_({nullable: false})
    principal!: bigint

    @BigIntColumn_({nullable: false})
    interest!: bigint

    @Column_("varchar", {length: 8, nullable: false})
    state!: InstalmentState

    @DateTimeColumn_({nullable: true})
    paidAt!: Date | undefined | null

    /**
     * Days late when completed (P2pLoans.InstalmentPaid)
     */
    @IntColumn_({nullable: true})
    daysLate!: number | undefined | null

    @Index_()
    @ManyToOne_(() => Payment, {nullable: true})
    payment!: Payment | undefined | null
}
