import {Entity as Entity_, Column as Column_, PrimaryColumn as PrimaryColumn_, ManyToOne as ManyToOne_, Index as Index_, StringColumn as StringColumn_, DateTimeColumn as DateTimeColumn_, OneToMany as OneToMany_} from "@subsquid/typeorm-store"
import {Account} from "./account.model"
import {Review} from "./review.model"

@Entity_()
export class Flag {
    constructor(props?: Partial<Flag>) {
        Object.assign(this, props)
    }

    /**
     * The flag id
     */
    @PrimaryColumn_()
    id!: string

    @Index_()
    @ManyToOne_(() => Account, {nullable: true})
    person!: Account

    @Index_()
    @ManyToOne_(() => Account, {nullable: true})
    account!: Account

    /**
     * Rule or Report
     */
    @StringColumn_({nullable: false})
    cause!: string

    /**
     * The rule (Velocity, RapidCycles …) of a Rule flag
     */
    @StringColumn_({nullable: true})
    rule!: string | undefined | null

    /**
     * The cause as the chain encodes it (JSON)
     */
    @StringColumn_({nullable: false})
    detail!: string

    /**
     * Open, Withdrawn, Cleared, Confirmed
     */
    @Index_()
    @StringColumn_({nullable: false})
    status!: string

    @Index_()
    @DateTimeColumn_({nullable: false})
    raisedAt!: Date

    @OneToMany_(() => Review, e => e.flag)
    reviews!: Review[]
}
