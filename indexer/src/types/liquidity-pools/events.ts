import {sts, Block, Bytes, Option, Result, EventType, RuntimeCtx} from '../support'
import * as v105 from '../v105'

export const poolCreated =  {
    name: 'LiquidityPools.PoolCreated',
    /**
     * A pool was created, with its LP token.
     */
    v105: new EventType(
        'LiquidityPools.PoolCreated',
        sts.struct({
            asset: sts.number(),
            lpAsset: sts.number(),
            params: v105.PoolParams,
        })
    ),
}

export const poolParamsSet =  {
    name: 'LiquidityPools.PoolParamsSet',
    /**
     * A pool's parameters changed.
     */
    v105: new EventType(
        'LiquidityPools.PoolParamsSet',
        sts.struct({
            asset: sts.number(),
            params: v105.PoolParams,
        })
    ),
}

export const poolPaused =  {
    name: 'LiquidityPools.PoolPaused',
    /**
     * A pool stopped taking deposits and lending.
     */
    v105: new EventType(
        'LiquidityPools.PoolPaused',
        sts.struct({
            asset: sts.number(),
        })
    ),
}

export const poolUnpaused =  {
    name: 'LiquidityPools.PoolUnpaused',
    /**
     * A pool takes deposits and lends again.
     */
    v105: new EventType(
        'LiquidityPools.PoolUnpaused',
        sts.struct({
            asset: sts.number(),
        })
    ),
}

export const reservesReduced =  {
    name: 'LiquidityPools.ReservesReduced',
    /**
     * Reserves went to the treasury.
     */
    v105: new EventType(
        'LiquidityPools.ReservesReduced',
        sts.struct({
            asset: sts.number(),
            amount: sts.bigint(),
            remaining: sts.bigint(),
        })
    ),
}

export const maxPriceAgeSet =  {
    name: 'LiquidityPools.MaxPriceAgeSet',
    /**
     * The price age limit changed (milliseconds).
     */
    v105: new EventType(
        'LiquidityPools.MaxPriceAgeSet',
        sts.struct({
            maxAge: sts.bigint(),
        })
    ),
}

export const donationSwept =  {
    name: 'LiquidityPools.DonationSwept',
    /**
     * Assets sent to the pool account directly were added to the reserves.
     */
    v105: new EventType(
        'LiquidityPools.DonationSwept',
        sts.struct({
            asset: sts.number(),
            amount: sts.bigint(),
        })
    ),
}

export const deposited =  {
    name: 'LiquidityPools.Deposited',
    /**
     * A lender deposited and received LP tokens.
     */
    v105: new EventType(
        'LiquidityPools.Deposited',
        sts.struct({
            who: v105.AccountId32,
            asset: sts.number(),
            amount: sts.bigint(),
            lpMinted: sts.bigint(),
        })
    ),
}

export const withdrawn =  {
    name: 'LiquidityPools.Withdrawn',
    /**
     * A lender burned LP tokens for the asset.
     */
    v105: new EventType(
        'LiquidityPools.Withdrawn',
        sts.struct({
            who: v105.AccountId32,
            asset: sts.number(),
            amount: sts.bigint(),
            lpBurned: sts.bigint(),
        })
    ),
}

export const collateralEnabled =  {
    name: 'LiquidityPools.CollateralEnabled',
    /**
     * The account's LP tokens of the pool became collateral.
     */
    v105: new EventType(
        'LiquidityPools.CollateralEnabled',
        sts.struct({
            who: v105.AccountId32,
            asset: sts.number(),
            lpAmount: sts.bigint(),
        })
    ),
}

export const collateralDisabled =  {
    name: 'LiquidityPools.CollateralDisabled',
    /**
     * The account's collateral LP tokens of the pool came back to its wallet.
     */
    v105: new EventType(
        'LiquidityPools.CollateralDisabled',
        sts.struct({
            who: v105.AccountId32,
            asset: sts.number(),
            lpAmount: sts.bigint(),
        })
    ),
}

export const borrowed =  {
    name: 'LiquidityPools.Borrowed',
    /**
     * An account borrowed; `premium` is its tier premium on top of the pool's rate.
     */
    v105: new EventType(
        'LiquidityPools.Borrowed',
        sts.struct({
            who: v105.AccountId32,
            asset: sts.number(),
            amount: sts.bigint(),
            debt: sts.bigint(),
            premium: v105.FixedU128,
        })
    ),
}

export const repaid =  {
    name: 'LiquidityPools.Repaid',
    /**
     * A debt was repaid, in part or in full.
     */
    v105: new EventType(
        'LiquidityPools.Repaid',
        sts.struct({
            who: v105.AccountId32,
            asset: sts.number(),
            amount: sts.bigint(),
            debt: sts.bigint(),
        })
    ),
}

export const liquidated =  {
    name: 'LiquidityPools.Liquidated',
    /**
     * A position was liquidated.
     */
    v105: new EventType(
        'LiquidityPools.Liquidated',
        sts.struct({
            liquidator: v105.AccountId32,
            borrower: v105.AccountId32,
            debtAsset: sts.number(),
            repaid: sts.bigint(),
            collateralAsset: sts.number(),
            lpSeized: sts.bigint(),
        })
    ),
}

export const badDebt =  {
    name: 'LiquidityPools.BadDebt',
    /**
     * Debt without collateral was written off: reserves covered part, lenders the rest.
     */
    v105: new EventType(
        'LiquidityPools.BadDebt',
        sts.struct({
            borrower: v105.AccountId32,
            asset: sts.number(),
            amount: sts.bigint(),
            coveredByReserves: sts.bigint(),
            socialised: sts.bigint(),
        })
    ),
}

export const creditReportFailed =  {
    name: 'LiquidityPools.CreditReportFailed',
    /**
     * The credit registry refused a report the pool could not hold back (a repayment, a
     * liquidation, a write-off must go through): the history may be missing an event.
     */
    v105: new EventType(
        'LiquidityPools.CreditReportFailed',
        sts.struct({
            error: v105.DispatchError,
        })
    ),
}

export const facilityCapSet =  {
    name: 'LiquidityPools.FacilityCapSet',
    /**
     * Governance set how much the pool may commit to credit facilities.
     */
    v105: new EventType(
        'LiquidityPools.FacilityCapSet',
        sts.struct({
            asset: sts.number(),
            cap: sts.bigint(),
        })
    ),
}

export const facilityOpened =  {
    name: 'LiquidityPools.FacilityOpened',
    /**
     * The pool committed `limit` to a credit facility.
     */
    v105: new EventType(
        'LiquidityPools.FacilityOpened',
        sts.struct({
            asset: sts.number(),
            facility: sts.bigint(),
            limit: sts.bigint(),
        })
    ),
}

export const facilityDrawn =  {
    name: 'LiquidityPools.FacilityDrawn',
    /**
     * A facility drew `amount` of its commitment.
     */
    v105: new EventType(
        'LiquidityPools.FacilityDrawn',
        sts.struct({
            asset: sts.number(),
            facility: sts.bigint(),
            amount: sts.bigint(),
        })
    ),
}

export const facilityRepaid =  {
    name: 'LiquidityPools.FacilityRepaid',
    /**
     * A facility repaid principal and paid interest (and `recovered` written-off principal).
     */
    v105: new EventType(
        'LiquidityPools.FacilityRepaid',
        sts.struct({
            asset: sts.number(),
            facility: sts.bigint(),
            principal: sts.bigint(),
            interest: sts.bigint(),
            recovered: sts.bigint(),
        })
    ),
}

export const facilityReleased =  {
    name: 'LiquidityPools.FacilityReleased',
    /**
     * A facility's undrawn commitment ended.
     */
    v105: new EventType(
        'LiquidityPools.FacilityReleased',
        sts.struct({
            asset: sts.number(),
            facility: sts.bigint(),
            undrawn: sts.bigint(),
        })
    ),
}

export const facilityWrittenOff =  {
    name: 'LiquidityPools.FacilityWrittenOff',
    /**
     * A defaulted facility's principal was written off: reserves covered part, lenders the
     * rest.
     */
    v105: new EventType(
        'LiquidityPools.FacilityWrittenOff',
        sts.struct({
            asset: sts.number(),
            facility: sts.bigint(),
            amount: sts.bigint(),
            coveredByReserves: sts.bigint(),
            socialised: sts.bigint(),
        })
    ),
}
