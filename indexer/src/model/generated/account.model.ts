import {Entity as Entity_, Column as Column_, PrimaryColumn as PrimaryColumn_, ManyToOne as ManyToOne_, Index as Index_, IntColumn as IntColumn_, StringColumn as StringColumn_, OneToOne as OneToOne_, OneToMany as OneToMany_} from "@subsquid/typeorm-store"
import {Person} from "./person.model"
import {Profile} from "./profile.model"
import {Attestation} from "./attestation.model"
import {ScoreChange} from "./scoreChange.model"
import {Loan} from "./loan.model"
import {LoanLender} from "./loanLender.model"
import {LenderStats} from "./lenderStats.model"
import {CreditEvent} from "./creditEvent.model"
import {ProfileAccess} from "./profileAccess.model"
import {AccessGrant} from "./accessGrant.model"

/**
 * An account that appeared in a domain event (borrower, lender, verifier, agent …).
 */
@Entity_()
export class Account {
    constructor(props?: Partial<Account>) {
        Object.assign(this, props)
    }

    /**
     * SS58 address (prefix 42)
     */
    @PrimaryColumn_()
    id!: string

    /**
     * The person (identity commitment) the account belongs to, once linked
     */
    @Index_()
    @ManyToOne_(() => Person, {nullable: true})
    person!: Person | undefined | null

    /**
     * Last score announced by CreditRecords.ScoreChanged; null before the first change
     */
    @IntColumn_({nullable: true})
    score!: number | undefined | null

    /**
     * Tier the score falls in, by the governance tier table of the time
     */
    @IntColumn_({nullable: true})
    tier!: number | undefined | null

    /**
     * Freeze reason while frozen (Default, SuspectedFraud, Compliance, RiskReview), else null
     */
    @StringColumn_({nullable: true})
    frozen!: string | undefined | null

    @OneToOne_(() => Profile, e => e.account)
    profile!: Profile | undefined | null

    @OneToMany_(() => Attestation, e => e.subject)
    attestations!: Attestation[]

    @OneToMany_(() => ScoreChange, e => e.account)
    scoreChanges!: ScoreChange[]

    @OneToMany_(() => Loan, e => e.borrower)
    loans!: Loan[]

    @OneToMany_(() => LoanLender, e => e.lender)
    lenderPositions!: LoanLender[]

    @OneToMany_(() => LenderStats, e => e.lender)
    lenderStats!: LenderStats[]

    @OneToMany_(() => CreditEvent, e => e.account)
    creditEvents!: CreditEvent[]

    /**
     * Who read this account's off-chain profile (CreditRecords.ProfileAccessed)
     */
    @OneToMany_(() => ProfileAccess, e => e.subject)
    profileAccesses!: ProfileAccess[]

    /**
     * The data-access grants this account gave
     */
    @OneToMany_(() => AccessGrant, e => e.owner)
    accessGrants!: AccessGrant[]
}
