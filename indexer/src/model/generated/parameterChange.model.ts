import {Entity as Entity_, Column as Column_, PrimaryColumn as PrimaryColumn_, StringColumn as StringColumn_, Index as Index_, DateTimeColumn as DateTimeColumn_, IntColumn as IntColumn_} from "@subsquid/typeorm-store"

/**
 * A governance-set parameter: every *ParamsSet / TierTableSet / PurposesClosed / FacilityCapSet / MaxPriceAgeSet / PoolPaused … event.
 */
@Entity_()
export class ParameterChange {
    constructor(props?: Partial<ParameterChange>) {
        Object.assign(this, props)
    }

    @PrimaryColumn_()
    id!: string

    @Index_()
    @StringColumn_({nullable: false})
    pallet!: string

    /**
     * The event's name, e.g. RiskParamsSet
     */
    @Index_()
    @StringColumn_({nullable: false})
    name!: string

    /**
     * The new value as the event carries it (JSON)
     */
    @StringColumn_({nullable: false})
    value!: string

    /**
     * The call that caused it, e.g. Sudo.sudo or Scheduler (a referendum's enactment)
     */
    @StringColumn_({nullable: true})
    call!: string | undefined | null

    @DateTimeColumn_({nullable: false})
    at!: Date

    @IntColumn_({nullable: false})
    block!: number
}
