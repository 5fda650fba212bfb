import {Entity as Entity_, Column as Column_, PrimaryColumn as PrimaryColumn_, ManyToOne as ManyToOne_, Index as Index_, IntColumn as IntColumn_, BigIntColumn as BigIntColumn_, DateTimeColumn as DateTimeColumn_} from "@subsquid/typeorm-store"
import {Account} from "./account.model"
import {CreditEventKind} from "./_creditEventKind"
import {CreditProduct} from "./_creditProduct"

/**
 * The credit registry's booking of a debt (CreditRecords.Borrowed / Repaid / Defaulted), for every product.
 */
@Entity_()
export class CreditEvent {
    constructor(props?: Partial<CreditEvent>) {
        Object.assign(this, props)
    }

    @PrimaryColumn_()
    id!: string

    @Index_()
    @ManyToOne_(() => Account, {nullable: true})
    account!: Account

    @Index_()
    @Column_("varchar", {length: 9, nullable: false})
    kind!: CreditEventKind

    @Index_()
    @Column_("varchar", {length: 10, nullable: false})
    product!: CreditProduct

    @IntColumn_({nullable: false})
    asset!: number

    /**
     * Principal borrowed, repaid or written off
     */
    @BigIntColumn_({nullable: false})
    amount!: bigint

    /**
     * Days late of a Repaid that records a late due date (0 otherwise)
     */
    @IntColumn_({nullable: false})
    daysLate!: number

    /**
     * What the account owes in this position afterwards
     */
    @BigIntColumn_({nullable: false})
    owed!: bigint

    @Index_()
    @DateTimeColumn_({nullable: false})
    at!: Date

    @IntColumn_({nullable: false})
    block!: number
}
