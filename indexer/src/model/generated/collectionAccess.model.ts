import {Entity as Entity_, Column as Column_, PrimaryColumn as PrimaryColumn_, ManyToOne as ManyToOne_, Index as Index_, BigIntColumn as BigIntColumn_, DateTimeColumn as DateTimeColumn_, IntColumn as IntColumn_} from "@subsquid/typeorm-store"
import {Account} from "./account.model"
import {CreditProduct} from "./_creditProduct"

/**
 * A collection agent's access to a defaulted debtor's contact file (CreditRecords.CollectionAccessGranted, CollectionAccessEnded).
 */
@Entity_()
export class CollectionAccess {
    constructor(props?: Partial<CollectionAccess>) {
        Object.assign(this, props)
    }

    /**
     * <owner>:<agent>:<product>:<case id>
     */
    @PrimaryColumn_()
    id!: string

    @Index_()
    @ManyToOne_(() => Account, {nullable: true})
    owner!: Account

    @Index_()
    @ManyToOne_(() => Account, {nullable: true})
    agent!: Account

    /**
     * The product that lent (P2pLoans, Pools, SmeFinance) and its loan or line id
     */
    @Column_("varchar", {length: 10, nullable: false})
    product!: CreditProduct

    @BigIntColumn_({nullable: false})
    caseId!: bigint

    @DateTimeColumn_({nullable: false})
    grantedAt!: Date

    @DateTimeColumn_({nullable: false})
    until!: Date

    @DateTimeColumn_({nullable: true})
    endedAt!: Date | undefined | null

    @IntColumn_({nullable: false})
    block!: number
}
