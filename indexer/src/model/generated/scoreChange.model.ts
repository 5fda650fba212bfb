import {Entity as Entity_, Column as Column_, PrimaryColumn as PrimaryColumn_, ManyToOne as ManyToOne_, Index as Index_, IntColumn as IntColumn_, StringColumn as StringColumn_, DateTimeColumn as DateTimeColumn_} from "@subsquid/typeorm-store"
import {Account} from "./account.model"

/**
 * Every CreditRecords.ScoreChanged, with the reason the chain gives.
 */
@Entity_()
export class ScoreChange {
    constructor(props?: Partial<ScoreChange>) {
        Object.assign(this, props)
    }

    @PrimaryColumn_()
    id!: string

    @Index_()
    @ManyToOne_(() => Account, {nullable: true})
    account!: Account

    @IntColumn_({nullable: false})
    old!: number

    @IntColumn_({nullable: false})
    new!: number

    @IntColumn_({nullable: false})
    delta!: number

    /**
     * RepaidOnTime, RepaidLate, Defaulted, AttestationsChanged, HistoryAged, FilingAttested
     */
    @Index_()
    @StringColumn_({nullable: false})
    reason!: string

    /**
     * Days late, for RepaidLate
     */
    @IntColumn_({nullable: true})
    daysLate!: number | undefined | null

    @IntColumn_({nullable: true})
    tierAfter!: number | undefined | null

    @Index_()
    @DateTimeColumn_({nullable: false})
    at!: Date

    @IntColumn_({nullable: false})
    block!: number

    @StringColumn_({nullable: true})
    extrinsicHash!: string | undefined | null
}
