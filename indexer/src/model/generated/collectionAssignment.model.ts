import {Entity as Entity_, Column as Column_, PrimaryColumn as PrimaryColumn_, ManyToOne as ManyToOne_, Index as Index_, DateTimeColumn as DateTimeColumn_, BigIntColumn as BigIntColumn_} from "@subsquid/typeorm-store"
import {OverdueProduct} from "./_overdueProduct"
import {Loan} from "./loan.model"
import {CreditLine} from "./creditLine.model"
import {Account} from "./account.model"

/**
 * A collection agent assigned to a defaulted loan or line, and what it recovered.
 */
@Entity_()
export class CollectionAssignment {
    constructor(props?: Partial<CollectionAssignment>) {
        Object.assign(this, props)
    }

    /**
     * <P2pLoan|CreditLine>-<id>-<agent>
     */
    @PrimaryColumn_()
    id!: string

    @Column_("varchar", {length: 10, nullable: false})
    product!: OverdueProduct

    @Index_()
    @ManyToOne_(() => Loan, {nullable: true})
    loan!: Loan | undefined | null

    @Index_()
    @ManyToOne_(() => CreditLine, {nullable: true})
    line!: CreditLine | undefined | null

    @Index_()
    @ManyToOne_(() => Account, {nullable: true})
    agent!: Account

    @DateTimeColumn_({nullable: false})
    accessUntil!: Date

    @DateTimeColumn_({nullable: false})
    assignedAt!: Date

    @BigIntColumn_({nullable: false})
    recovered!: bigint
}
