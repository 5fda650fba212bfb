import {Entity as Entity_, Column as Column_, PrimaryColumn as PrimaryColumn_, OneToOne as OneToOne_, Index as Index_, JoinColumn as JoinColumn_, StringColumn as StringColumn_, BigIntColumn as BigIntColumn_, DateTimeColumn as DateTimeColumn_, IntColumn as IntColumn_, BooleanColumn as BooleanColumn_} from "@subsquid/typeorm-store"
import {Account} from "./account.model"

@Entity_()
export class Profile {
    constructor(props?: Partial<Profile>) {
        Object.assign(this, props)
    }

    /**
     * The account's address
     */
    @PrimaryColumn_()
    id!: string

    @Index_({unique: true})
    @OneToOne_(() => Account, {nullable: true})
    @JoinColumn_()
    account!: Account

    @StringColumn_({nullable: false})
    kind!: string

    @StringColumn_({nullable: false})
    documents!: string

    @BigIntColumn_({nullable: false})
    deposit!: bigint

    @DateTimeColumn_({nullable: false})
    registeredAt!: Date

    @IntColumn_({nullable: false})
    registeredBlock!: number

    /**
     * False once deregistered (the history stays on chain)
     */
    @BooleanColumn_({nullable: false})
    active!: boolean

    @DateTimeColumn_({nullable: true})
    deregisteredAt!: Date | undefined | null
}
