import {Entity as Entity_, Column as Column_, PrimaryColumn as PrimaryColumn_, ManyToOne as ManyToOne_, Index as Index_, StringColumn as StringColumn_, DateTimeColumn as DateTimeColumn_, IntColumn as IntColumn_} from "@subsquid/typeorm-store"
import {Account} from "./account.model"

/**
 * The latest attestation of one claim by one verifier about one subject.
 */
@Entity_()
export class Attestation {
    constructor(props?: Partial<Attestation>) {
        Object.assign(this, props)
    }

    /**
     * <subject>:<verifier>:<claim>
     */
    @PrimaryColumn_()
    id!: string

    @Index_()
    @ManyToOne_(() => Account, {nullable: true})
    subject!: Account

    @Index_()
    @ManyToOne_(() => Account, {nullable: true})
    verifier!: Account

    @Index_()
    @StringColumn_({nullable: false})
    claim!: string

    @StringColumn_({nullable: false})
    claimHash!: string

    /**
     * Income band for IncomeVerified (CreditRecords.IncomeAttested)
     */
    @StringColumn_({nullable: true})
    incomeBand!: string | undefined | null

    @DateTimeColumn_({nullable: false})
    issuedAt!: Date

    @DateTimeColumn_({nullable: false})
    expiresAt!: Date

    @DateTimeColumn_({nullable: true})
    revokedAt!: Date | undefined | null

    @IntColumn_({nullable: false})
    block!: number
}
