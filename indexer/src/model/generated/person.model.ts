import {Entity as Entity_, Column as Column_, PrimaryColumn as PrimaryColumn_, OneToMany as OneToMany_, IntColumn as IntColumn_, DateTimeColumn as DateTimeColumn_} from "@subsquid/typeorm-store"
import {Account} from "./account.model"

/**
 * A person: the accounts attested with one identity commitment (CreditRecords.IdentityLinked).
 */
@Entity_()
export class Person {
    constructor(props?: Partial<Person>) {
        Object.assign(this, props)
    }

    /**
     * The identity commitment (H256)
     */
    @PrimaryColumn_()
    id!: string

    @OneToMany_(() => Account, e => e.person)
    accounts!: Account[]

    @IntColumn_({nullable: false})
    accountCount!: number

    @DateTimeColumn_({nullable: false})
    linkedAt!: Date
}
