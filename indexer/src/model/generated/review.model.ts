import {Entity as Entity_, Column as Column_, PrimaryColumn as PrimaryColumn_, ManyToOne as ManyToOne_, Index as Index_, StringColumn as StringColumn_, DateTimeColumn as DateTimeColumn_, IntColumn as IntColumn_} from "@subsquid/typeorm-store"
import {Flag} from "./flag.model"

/**
 * The risk council's decision on a flag (FlagCleared / FlagConfirmed) or its withdrawal.
 */
@Entity_()
export class Review {
    constructor(props?: Partial<Review>) {
        Object.assign(this, props)
    }

    @PrimaryColumn_()
    id!: string

    @Index_()
    @ManyToOne_(() => Flag, {nullable: true})
    flag!: Flag

    @StringColumn_({nullable: false})
    outcome!: string

    @StringColumn_({nullable: true})
    reason!: string | undefined | null

    @DateTimeColumn_({nullable: false})
    at!: Date

    @IntColumn_({nullable: false})
    block!: number
}
