import {Entity as Entity_, Column as Column_, PrimaryColumn as PrimaryColumn_, ManyToOne as ManyToOne_, Index as Index_, BigIntColumn as BigIntColumn_, IntColumn as IntColumn_, DateTimeColumn as DateTimeColumn_} from "@subsquid/typeorm-store"
import {CreditLine} from "./creditLine.model"
import {Account} from "./account.model"

@Entity_()
export class LineRepayment {
    constructor(props?: Partial<LineRepayment>) {
        Object.assign(this, props)
    }

    @PrimaryColumn_()
    id!: string

    @Index_()
    @ManyToOne_(() => CreditLine, {nullable: true})
    line!: CreditLine

    @Index_()
    @ManyToOne_(() => Account, {nullable: true})
    payer!: Account

    @BigIntColumn_({nullable: false})
    interest!: bigint

    @BigIntColumn_({nullable: false})
    principal!: bigint

    @IntColumn_({nullable: false})
    daysLate!: number

    @DateTimeColumn_({nullable: false})
    at!: Date

    @IntColumn_({nullable: false})
    block!: number
}
