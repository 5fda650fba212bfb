import {Entity as Entity_, Column as Column_, PrimaryColumn as PrimaryColumn_, ManyToOne as ManyToOne_, Index as Index_, DateTimeColumn as DateTimeColumn_, IntColumn as IntColumn_, StringColumn as StringColumn_} from "@subsquid/typeorm-store"
import {Account} from "./account.model"
import {AccessBasis} from "./_accessBasis"
import {AccessGrant} from "./accessGrant.model"
import {CollectionAccess} from "./collectionAccess.model"

/**
 * Every CreditRecords.ProfileAccessed: an institution recorded that it read the subject's off-chain profile, with the consent it read it under.
 */
@Entity_()
export class ProfileAccess {
    constructor(props?: Partial<ProfileAccess>) {
        Object.assign(this, props)
    }

    @PrimaryColumn_()
    id!: string

    /**
     * Whose profile
     */
    @Index_()
    @ManyToOne_(() => Account, {nullable: true})
    subject!: Account

    /**
     * Who read it
     */
    @Index_()
    @ManyToOne_(() => Account, {nullable: true})
    institution!: Account

    /**
     * Which consent allowed it, as the indexer saw the grants; null if it saw none in force
     */
    @Column_("varchar", {length: 10, nullable: true})
    basis!: AccessBasis | undefined | null

    @Index_()
    @ManyToOne_(() => AccessGrant, {nullable: true})
    grant!: AccessGrant | undefined | null

    @Index_()
    @ManyToOne_(() => CollectionAccess, {nullable: true})
    collection!: CollectionAccess | undefined | null

    /**
     * When that consent ends
     */
    @DateTimeColumn_({nullable: true})
    until!: Date | undefined | null

    @Index_()
    @DateTimeColumn_({nullable: false})
    at!: Date

    @IntColumn_({nullable: false})
    block!: number

    @StringColumn_({nullable: true})
    extrinsicHash!: string | undefined | null
}
