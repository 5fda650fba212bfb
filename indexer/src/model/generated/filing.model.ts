import {Entity as Entity_, Column as Column_, PrimaryColumn as PrimaryColumn_, ManyToOne as ManyToOne_, Index as Index_, IntColumn as IntColumn_, StringColumn as StringColumn_, DateTimeColumn as DateTimeColumn_} from "@subsquid/typeorm-store"
import {Account} from "./account.model"

@Entity_()
export class Filing {
    constructor(props?: Partial<Filing>) {
        Object.assign(this, props)
    }

    /**
     * <enterprise>-<year>-<quarter>
     */
    @PrimaryColumn_()
    id!: string

    @Index_()
    @ManyToOne_(() => Account, {nullable: true})
    enterprise!: Account

    @IntColumn_({nullable: false})
    year!: number

    @IntColumn_({nullable: false})
    quarter!: number

    @StringColumn_({nullable: false})
    commitment!: string

    @DateTimeColumn_({nullable: false})
    filedAt!: Date

    @Index_()
    @ManyToOne_(() => Account, {nullable: true})
    auditor!: Account | undefined | null

    @DateTimeColumn_({nullable: true})
    attestedAt!: Date | undefined | null
}
