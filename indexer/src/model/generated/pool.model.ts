import {Entity as Entity_, Column as Column_, PrimaryColumn as PrimaryColumn_, BigIntColumn as BigIntColumn_, IntColumn as IntColumn_, BooleanColumn as BooleanColumn_} from "@subsquid/typeorm-store"

@Entity_()
export class Pool {
    constructor(props?: Partial<Pool>) {
        Object.assign(this, props)
    }

    /**
     * The pool's asset id
     */
    @PrimaryColumn_()
    id!: string

    @BigIntColumn_({nullable: false})
    deposited!: bigint

    @BigIntColumn_({nullable: false})
    withdrawn!: bigint

    @BigIntColumn_({nullable: false})
    borrowed!: bigint

    @BigIntColumn_({nullable: false})
    repaid!: bigint

    @IntColumn_({nullable: false})
    liquidations!: number

    @BooleanColumn_({nullable: false})
    paused!: boolean
}
