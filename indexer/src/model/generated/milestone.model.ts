import {Entity as Entity_, Column as Column_, PrimaryColumn as PrimaryColumn_, ManyToOne as ManyToOne_, Index as Index_, IntColumn as IntColumn_, BigIntColumn as BigIntColumn_, DateTimeColumn as DateTimeColumn_} from "@subsquid/typeorm-store"
import {CreditLine} from "./creditLine.model"
import {Account} from "./account.model"

@Entity_()
export class Milestone {
    constructor(props?: Partial<Milestone>) {
        Object.assign(this, props)
    }

    /**
     * <line>-<index>
     */
    @PrimaryColumn_()
    id!: string

    @Index_()
    @ManyToOne_(() => CreditLine, {nullable: true})
    line!: CreditLine

    @IntColumn_({nullable: false})
    index!: number

    @BigIntColumn_({nullable: false})
    amount!: bigint

    @Index_()
    @ManyToOne_(() => Account, {nullable: true})
    verifier!: Account

    @DateTimeColumn_({nullable: false})
    releasedAt!: Date
}
