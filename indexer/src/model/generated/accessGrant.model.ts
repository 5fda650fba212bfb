import {Entity as Entity_, Column as Column_, PrimaryColumn as PrimaryColumn_, ManyToOne as ManyToOne_, Index as Index_, DateTimeColumn as DateTimeColumn_, IntColumn as IntColumn_} from "@subsquid/typeorm-store"
import {Account} from "./account.model"

/**
 * An owner's data-access grant to an institution (CreditRecords.AccessGranted, AccessRevoked); a new grant to the same institution replaces it.
 */
@Entity_()
export class AccessGrant {
    constructor(props?: Partial<AccessGrant>) {
        Object.assign(this, props)
    }

    /**
     * <owner>:<institution>
     */
    @PrimaryColumn_()
    id!: string

    @Index_()
    @ManyToOne_(() => Account, {nullable: true})
    owner!: Account

    @Index_()
    @ManyToOne_(() => Account, {nullable: true})
    institution!: Account

    @DateTimeColumn_({nullable: false})
    grantedAt!: Date

    /**
     * The grant's expiry (the chain's `until`)
     */
    @DateTimeColumn_({nullable: false})
    until!: Date

    @DateTimeColumn_({nullable: true})
    revokedAt!: Date | undefined | null

    @IntColumn_({nullable: false})
    block!: number
}
