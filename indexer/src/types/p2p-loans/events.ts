import {sts, Block, Bytes, Option, Result, EventType, RuntimeCtx} from '../support'
import * as v105 from '../v105'

export const requestCreated =  {
    name: 'P2pLoans.RequestCreated',
    /**
     * A borrower asked for a loan.
     */
    v105: new EventType(
        'P2pLoans.RequestCreated',
        sts.struct({
            loan: sts.number(),
            borrower: v105.AccountId32,
            terms: v105.LoanTerms,
        })
    ),
}

export const requestCancelled =  {
    name: 'P2pLoans.RequestCancelled',
    /**
     * The borrower withdrew the request; lenders reclaim their money.
     */
    v105: new EventType(
        'P2pLoans.RequestCancelled',
        sts.struct({
            loan: sts.number(),
        })
    ),
}

export const requestExpired =  {
    name: 'P2pLoans.RequestExpired',
    /**
     * The request was not funded in time; lenders reclaim their money.
     */
    v105: new EventType(
        'P2pLoans.RequestExpired',
        sts.struct({
            loan: sts.number(),
        })
    ),
}

export const funded =  {
    name: 'P2pLoans.Funded',
    /**
     * A lender funded part of a request.
     */
    v105: new EventType(
        'P2pLoans.Funded',
        sts.struct({
            loan: sts.number(),
            lender: v105.AccountId32,
            amount: sts.bigint(),
            funded: sts.bigint(),
        })
    ),
}

export const loanStarted =  {
    name: 'P2pLoans.LoanStarted',
    /**
     * Fully funded: the principal went to the borrower and the schedule started.
     */
    v105: new EventType(
        'P2pLoans.LoanStarted',
        sts.struct({
            loan: sts.number(),
            borrower: v105.AccountId32,
            principal: sts.bigint(),
        })
    ),
}

export const refunded =  {
    name: 'P2pLoans.Refunded',
    /**
     * A lender got its funding back.
     */
    v105: new EventType(
        'P2pLoans.Refunded',
        sts.struct({
            loan: sts.number(),
            lender: v105.AccountId32,
            amount: sts.bigint(),
        })
    ),
}

export const repaid =  {
    name: 'P2pLoans.Repaid',
    /**
     * The borrower paid: penalty, interest and principal parts, and principal prepaid.
     */
    v105: new EventType(
        'P2pLoans.Repaid',
        sts.struct({
            loan: sts.number(),
            amount: sts.bigint(),
            penalty: sts.bigint(),
            interest: sts.bigint(),
            principal: sts.bigint(),
            prepaid: sts.bigint(),
        })
    ),
}

export const instalmentPaid =  {
    name: 'P2pLoans.InstalmentPaid',
    /**
     * An instalment was completed, `days_late` days after its due date (0 within grace).
     */
    v105: new EventType(
        'P2pLoans.InstalmentPaid',
        sts.struct({
            loan: sts.number(),
            index: sts.number(),
            daysLate: sts.number(),
        })
    ),
}

export const loanClosed =  {
    name: 'P2pLoans.LoanClosed',
    /**
     * Fully repaid: collateral and deposit returned.
     */
    v105: new EventType(
        'P2pLoans.LoanClosed',
        sts.struct({
            loan: sts.number(),
        })
    ),
}

export const overdueNotice =  {
    name: 'P2pLoans.OverdueNotice',
    /**
     * An instalment of `loan` is `days_past_due` days past due (one of the governance
     * thresholds, each announced once per due date); `amount_due` is what is due now
     * (instalments due and the penalty accrued).
     */
    v105: new EventType(
        'P2pLoans.OverdueNotice',
        sts.struct({
            loan: sts.number(),
            borrower: v105.AccountId32,
            daysPastDue: sts.number(),
            amountDue: sts.bigint(),
        })
    ),
}

export const loanPruned =  {
    name: 'P2pLoans.LoanPruned',
    /**
     * An ended loan's record was removed (`complete`), or `lenders_paid` more of its
     * lenders were paid out and removed on the way there.
     */
    v105: new EventType(
        'P2pLoans.LoanPruned',
        sts.struct({
            loan: sts.number(),
            lendersPaid: sts.number(),
            complete: sts.boolean(),
        })
    ),
}

export const claimed =  {
    name: 'P2pLoans.Claimed',
    /**
     * A lender took its share of repayments and of collateral handed to lenders.
     */
    v105: new EventType(
        'P2pLoans.Claimed',
        sts.struct({
            loan: sts.number(),
            lender: v105.AccountId32,
            amount: sts.bigint(),
            collateral: sts.bigint(),
        })
    ),
}

export const defaulted =  {
    name: 'P2pLoans.Defaulted',
    /**
     * The loan defaulted; the collateral its debt needed went to the lenders, the rest back
     * to the borrower.
     */
    v105: new EventType(
        'P2pLoans.Defaulted',
        sts.struct({
            loan: sts.number(),
            outstanding: sts.bigint(),
            collateralToLenders: sts.bigint(),
            collateralReturned: sts.bigint(),
        })
    ),
}

export const liquidated =  {
    name: 'P2pLoans.Liquidated',
    /**
     * The collateral was liquidated for the lenders: what the debt and the reward needed;
     * the rest went back to the borrower. `outstanding` remains owed.
     */
    v105: new EventType(
        'P2pLoans.Liquidated',
        sts.struct({
            loan: sts.number(),
            liquidator: v105.AccountId32,
            reward: sts.bigint(),
            collateralToLenders: sts.bigint(),
            collateralReturned: sts.bigint(),
            outstanding: sts.bigint(),
        })
    ),
}

export const disbursementRefused =  {
    name: 'P2pLoans.DisbursementRefused',
    /**
     * A fully funded request was not disbursed: the borrower may not borrow it any more
     * (`error`); the request is cancelled and its lenders refunded.
     */
    v105: new EventType(
        'P2pLoans.DisbursementRefused',
        sts.struct({
            loan: sts.number(),
            error: v105.DispatchError,
        })
    ),
}

export const refundFailed =  {
    name: 'P2pLoans.RefundFailed',
    /**
     * The automatic refund of `lender`'s funding failed (e.g. the asset is frozen); the
     * lender keeps its claim (`claim_refund`).
     */
    v105: new EventType(
        'P2pLoans.RefundFailed',
        sts.struct({
            loan: sts.number(),
            lender: v105.AccountId32,
            error: v105.DispatchError,
        })
    ),
}

export const payoutSetAside =  {
    name: 'P2pLoans.PayoutSetAside',
    /**
     * A payout to `to` failed (`error`: its account could not receive the asset): a
     * lender's payout at pruning, or collateral returning to a borrower. The amount waits
     * in custody as its unclaimed balance of `asset` (`withdraw_unclaimed`).
     */
    v105: new EventType(
        'P2pLoans.PayoutSetAside',
        sts.struct({
            loan: sts.number(),
            to: v105.AccountId32,
            asset: sts.number(),
            amount: sts.bigint(),
            error: v105.DispatchError,
        })
    ),
}

export const unclaimedWithdrawn =  {
    name: 'P2pLoans.UnclaimedWithdrawn',
    /**
     * An account withdrew what was set aside for it.
     */
    v105: new EventType(
        'P2pLoans.UnclaimedWithdrawn',
        sts.struct({
            who: v105.AccountId32,
            asset: sts.number(),
            amount: sts.bigint(),
        })
    ),
}

export const creditReportFailed =  {
    name: 'P2pLoans.CreditReportFailed',
    /**
     * The credit registry refused a report that could not hold back a payment or a
     * request's end: the borrower's history may be missing this event.
     */
    v105: new EventType(
        'P2pLoans.CreditReportFailed',
        sts.struct({
            error: v105.DispatchError,
        })
    ),
}

export const sharesListed =  {
    name: 'P2pLoans.SharesListed',
    /**
     * Shares were put up for sale.
     */
    v105: new EventType(
        'P2pLoans.SharesListed',
        sts.struct({
            listing: sts.number(),
            loan: sts.number(),
            seller: v105.AccountId32,
            shares: sts.bigint(),
            price: sts.bigint(),
        })
    ),
}

export const listingCancelled =  {
    name: 'P2pLoans.ListingCancelled',
    /**
     * A listing was withdrawn.
     */
    v105: new EventType(
        'P2pLoans.ListingCancelled',
        sts.struct({
            listing: sts.number(),
        })
    ),
}

export const sharesSold =  {
    name: 'P2pLoans.SharesSold',
    /**
     * Shares changed hands.
     */
    v105: new EventType(
        'P2pLoans.SharesSold',
        sts.struct({
            listing: sts.number(),
            loan: sts.number(),
            seller: v105.AccountId32,
            buyer: v105.AccountId32,
            shares: sts.bigint(),
            paid: sts.bigint(),
        })
    ),
}

export const riskParamsSet =  {
    name: 'P2pLoans.RiskParamsSet',
    /**
     * The risk parameters changed.
     */
    v105: new EventType(
        'P2pLoans.RiskParamsSet',
        sts.struct({
            params: v105.RiskParams,
        })
    ),
}

export const collectorVoted =  {
    name: 'P2pLoans.CollectorVoted',
    /**
     * A lender voted for `agent` to collect a defaulted loan with its `shares`; `support`
     * is all the shares voting for the agent now.
     */
    v105: new EventType(
        'P2pLoans.CollectorVoted',
        sts.struct({
            loan: sts.number(),
            lender: v105.AccountId32,
            agent: v105.AccountId32,
            shares: sts.bigint(),
            support: sts.bigint(),
        })
    ),
}

export const collectorAssigned =  {
    name: 'P2pLoans.CollectorAssigned',
    /**
     * Lenders holding a majority of the loan assigned `agent` to collect it: it may see
     * the borrower's contact file until `access_until`.
     */
    v105: new EventType(
        'P2pLoans.CollectorAssigned',
        sts.struct({
            loan: sts.number(),
            agent: v105.AccountId32,
            accessUntil: sts.bigint(),
        })
    ),
}

export const collectionRecovered =  {
    name: 'P2pLoans.CollectionRecovered',
    /**
     * The assigned collection agent paid `amount` on the loan (`recovered` in all).
     */
    v105: new EventType(
        'P2pLoans.CollectionRecovered',
        sts.struct({
            loan: sts.number(),
            agent: v105.AccountId32,
            amount: sts.bigint(),
            recovered: sts.bigint(),
        })
    ),
}
