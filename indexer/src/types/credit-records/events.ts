import {sts, Block, Bytes, Option, Result, EventType, RuntimeCtx} from '../support'
import * as v105 from '../v105'

export const verifierAdded =  {
    name: 'CreditRecords.VerifierAdded',
    /**
     * A verifier was admitted.
     */
    v105: new EventType(
        'CreditRecords.VerifierAdded',
        sts.struct({
            verifier: v105.AccountId32,
            kind: v105.VerifierKind,
        })
    ),
}

export const verifierRemoved =  {
    name: 'CreditRecords.VerifierRemoved',
    /**
     * A verifier was removed; its attestations stay until they expire or are revoked.
     */
    v105: new EventType(
        'CreditRecords.VerifierRemoved',
        sts.struct({
            verifier: v105.AccountId32,
        })
    ),
}

export const registered =  {
    name: 'CreditRecords.Registered',
    /**
     * A profile was registered.
     */
    v105: new EventType(
        'CreditRecords.Registered',
        sts.struct({
            who: v105.AccountId32,
            kind: v105.ProfileKind,
            documents: v105.H256,
            deposit: sts.bigint(),
        })
    ),
}

export const documentsUpdated =  {
    name: 'CreditRecords.DocumentsUpdated',
    /**
     * A profile's document commitment changed.
     */
    v105: new EventType(
        'CreditRecords.DocumentsUpdated',
        sts.struct({
            who: v105.AccountId32,
            documents: v105.H256,
        })
    ),
}

export const deregistered =  {
    name: 'CreditRecords.Deregistered',
    /**
     * A profile was removed and its deposit returned; the credit history is kept.
     */
    v105: new EventType(
        'CreditRecords.Deregistered',
        sts.struct({
            who: v105.AccountId32,
            deposit: sts.bigint(),
        })
    ),
}

export const historyForgotten =  {
    name: 'CreditRecords.HistoryForgotten',
    /**
     * The owner of a deregistered account erased its credit history.
     */
    v105: new EventType(
        'CreditRecords.HistoryForgotten',
        sts.struct({
            who: v105.AccountId32,
        })
    ),
}

export const identityLinked =  {
    name: 'CreditRecords.IdentityLinked',
    /**
     * `who` joined the person `identity`, who now has `accounts` accounts sharing one
     * history and one exposure cap.
     */
    v105: new EventType(
        'CreditRecords.IdentityLinked',
        sts.struct({
            who: v105.AccountId32,
            identity: v105.H256,
            accounts: sts.number(),
        })
    ),
}

export const identityLinkPending =  {
    name: 'CreditRecords.IdentityLinkPending',
    /**
     * An identity attestation named `who` as an account of the existing person `identity`:
     * it joins once it (`accept_person`) and an account of the person (`approve_account`)
     * agree; until then the attestation does not verify it.
     */
    v105: new EventType(
        'CreditRecords.IdentityLinkPending',
        sts.struct({
            who: v105.AccountId32,
            identity: v105.H256,
        })
    ),
}

export const identityLinkRejected =  {
    name: 'CreditRecords.IdentityLinkRejected',
    /**
     * `by` refused `who`'s joining its pending person.
     */
    v105: new EventType(
        'CreditRecords.IdentityLinkRejected',
        sts.struct({
            who: v105.AccountId32,
            by: v105.AccountId32,
        })
    ),
}

export const attested =  {
    name: 'CreditRecords.Attested',
    /**
     * A verifier attested a claim about a profile.
     */
    v105: new EventType(
        'CreditRecords.Attested',
        sts.struct({
            subject: v105.AccountId32,
            verifier: v105.AccountId32,
            claim: v105.ClaimKind,
            claimHash: v105.H256,
            expiresAt: sts.bigint(),
        })
    ),
}

export const attestationRevoked =  {
    name: 'CreditRecords.AttestationRevoked',
    /**
     * An attestation was revoked.
     */
    v105: new EventType(
        'CreditRecords.AttestationRevoked',
        sts.struct({
            subject: v105.AccountId32,
            verifier: v105.AccountId32,
            claim: v105.ClaimKind,
        })
    ),
}

export const borrowed =  {
    name: 'CreditRecords.Borrowed',
    /**
     * New debt was recorded (amounts in the position's asset).
     */
    v105: new EventType(
        'CreditRecords.Borrowed',
        sts.struct({
            who: v105.AccountId32,
            position: v105.PositionKey,
            amount: sts.bigint(),
            owed: sts.bigint(),
        })
    ),
}

export const repaid =  {
    name: 'CreditRecords.Repaid',
    /**
     * A repayment was recorded (amounts in the position's asset).
     */
    v105: new EventType(
        'CreditRecords.Repaid',
        sts.struct({
            who: v105.AccountId32,
            position: v105.PositionKey,
            /**
             * Principal repaid.
             */
            amount: sts.bigint(),
            daysLate: sts.number(),
            /**
             * Milliseconds of on-time service the payment added to the history (0: none).
             */
            creditedMs: sts.bigint(),
            /**
             * Principal still owed at the position.
             */
            owed: sts.bigint(),
        })
    ),
}

export const committed =  {
    name: 'CreditRecords.Committed',
    /**
     * A product promised credit not paid out yet; it counts against the exposure cap.
     */
    v105: new EventType(
        'CreditRecords.Committed',
        sts.struct({
            who: v105.AccountId32,
            position: v105.PositionKey,
            amount: sts.bigint(),
            committed: sts.bigint(),
        })
    ),
}

export const commitmentReleased =  {
    name: 'CreditRecords.CommitmentReleased',
    /**
     * A commitment ended (paid out, cancelled or expired).
     */
    v105: new EventType(
        'CreditRecords.CommitmentReleased',
        sts.struct({
            who: v105.AccountId32,
            position: v105.PositionKey,
            amount: sts.bigint(),
            committed: sts.bigint(),
        })
    ),
}

export const defaulted =  {
    name: 'CreditRecords.Defaulted',
    /**
     * A default was recorded: `amount` of principal written off.
     */
    v105: new EventType(
        'CreditRecords.Defaulted',
        sts.struct({
            who: v105.AccountId32,
            position: v105.PositionKey,
            amount: sts.bigint(),
            owed: sts.bigint(),
        })
    ),
}

export const loanSettled =  {
    name: 'CreditRecords.LoanSettled',
    /**
     * A loan was settled in full.
     */
    v105: new EventType(
        'CreditRecords.LoanSettled',
        sts.struct({
            who: v105.AccountId32,
        })
    ),
}

export const scoreChanged =  {
    name: 'CreditRecords.ScoreChanged',
    /**
     * A score changed.
     */
    v105: new EventType(
        'CreditRecords.ScoreChanged',
        sts.struct({
            who: v105.AccountId32,
            old: sts.number(),
            new: sts.number(),
            reason: v105.ScoreChangeReason,
        })
    ),
}

export const tierTableSet =  {
    name: 'CreditRecords.TierTableSet',
    /**
     * Governance set a new tier table.
     */
    v105: new EventType(
        'CreditRecords.TierTableSet',
        sts.struct({
            tiers: sts.number(),
        })
    ),
}

export const frozen =  {
    name: 'CreditRecords.Frozen',
    /**
     * An account was frozen: it may not borrow.
     */
    v105: new EventType(
        'CreditRecords.Frozen',
        sts.struct({
            who: v105.AccountId32,
            reason: v105.FreezeReason,
        })
    ),
}

export const unfrozen =  {
    name: 'CreditRecords.Unfrozen',
    /**
     * An account was unfrozen.
     */
    v105: new EventType(
        'CreditRecords.Unfrozen',
        sts.struct({
            who: v105.AccountId32,
        })
    ),
}

export const accessGranted =  {
    name: 'CreditRecords.AccessGranted',
    /**
     * An owner granted an institution access to their off-chain profile.
     */
    v105: new EventType(
        'CreditRecords.AccessGranted',
        sts.struct({
            owner: v105.AccountId32,
            institution: v105.AccountId32,
            until: sts.bigint(),
        })
    ),
}

export const accessRevoked =  {
    name: 'CreditRecords.AccessRevoked',
    /**
     * An owner revoked an institution's access.
     */
    v105: new EventType(
        'CreditRecords.AccessRevoked',
        sts.struct({
            owner: v105.AccountId32,
            institution: v105.AccountId32,
        })
    ),
}

export const profileAccessed =  {
    name: 'CreditRecords.ProfileAccessed',
    /**
     * An institution accessed an owner's off-chain profile.
     */
    v105: new EventType(
        'CreditRecords.ProfileAccessed',
        sts.struct({
            subject: v105.AccountId32,
            institution: v105.AccountId32,
        })
    ),
}

export const flagRaised =  {
    name: 'CreditRecords.FlagRaised',
    /**
     * A monitoring rule or a verifier's report flagged `person` (the account holding its
     * history) over `account`'s activity: no new credit until the risk council reviews it.
     */
    v105: new EventType(
        'CreditRecords.FlagRaised',
        sts.struct({
            flag: sts.bigint(),
            person: v105.AccountId32,
            account: v105.AccountId32,
            cause: v105.FlagCause,
        })
    ),
}

export const flagWithdrawn =  {
    name: 'CreditRecords.FlagWithdrawn',
    /**
     * A removed verifier's open report was withdrawn.
     */
    v105: new EventType(
        'CreditRecords.FlagWithdrawn',
        sts.struct({
            flag: sts.bigint(),
            person: v105.AccountId32,
        })
    ),
}

export const flagCleared =  {
    name: 'CreditRecords.FlagCleared',
    /**
     * The risk council cleared a flag (`reason`: hash of its written reasons).
     */
    v105: new EventType(
        'CreditRecords.FlagCleared',
        sts.struct({
            flag: sts.bigint(),
            person: v105.AccountId32,
            reason: v105.H256,
        })
    ),
}

export const flagConfirmed =  {
    name: 'CreditRecords.FlagConfirmed',
    /**
     * The risk council confirmed a flag: `account` is frozen for suspected fraud.
     */
    v105: new EventType(
        'CreditRecords.FlagConfirmed',
        sts.struct({
            flag: sts.bigint(),
            person: v105.AccountId32,
            account: v105.AccountId32,
            reason: v105.H256,
        })
    ),
}

export const monitorParamsSet =  {
    name: 'CreditRecords.MonitorParamsSet',
    /**
     * Governance set the monitoring rules' thresholds.
     */
    v105: new EventType(
        'CreditRecords.MonitorParamsSet',
        sts.struct({
            params: v105.MonitorParams,
        })
    ),
}

export const incomeAttested =  {
    name: 'CreditRecords.IncomeAttested',
    /**
     * A credit bureau attested `subject`'s monthly income band (with the `Attested` event
     * of its `IncomeVerified` claim).
     */
    v105: new EventType(
        'CreditRecords.IncomeAttested',
        sts.struct({
            subject: v105.AccountId32,
            verifier: v105.AccountId32,
            band: v105.IncomeBand,
        })
    ),
}

export const capacityParamsSet =  {
    name: 'CreditRecords.CapacityParamsSet',
    /**
     * Governance set the repayment-capacity parameters.
     */
    v105: new EventType(
        'CreditRecords.CapacityParamsSet',
        sts.struct({
            params: v105.CapacityParams,
        })
    ),
}

export const purposesClosed =  {
    name: 'CreditRecords.PurposesClosed',
    /**
     * Governance set the purposes `product` no longer lends for.
     */
    v105: new EventType(
        'CreditRecords.PurposesClosed',
        sts.struct({
            product: v105.CreditProduct,
            closed: v105.PurposeSet,
        })
    ),
}

export const debtServiceChanged =  {
    name: 'CreditRecords.DebtServiceChanged',
    /**
     * The monthly debt service booked for `who` at `position` is now `monthly` (asset
     * units).
     */
    v105: new EventType(
        'CreditRecords.DebtServiceChanged',
        sts.struct({
            who: v105.AccountId32,
            position: v105.PositionKey,
            monthly: sts.bigint(),
        })
    ),
}

export const collectionAccessGranted =  {
    name: 'CreditRecords.CollectionAccessGranted',
    /**
     * Lenders assigned `agent` to collect `owner`'s defaulted debt `case`: it may see the
     * owner's contact file until `until` (the owner consented in the loan's terms).
     */
    v105: new EventType(
        'CreditRecords.CollectionAccessGranted',
        sts.struct({
            owner: v105.AccountId32,
            agent: v105.AccountId32,
            case: v105.CollectionCase,
            until: sts.bigint(),
        })
    ),
}

export const collectionAccessEnded =  {
    name: 'CreditRecords.CollectionAccessEnded',
    /**
     * A collection agent's access ended (the debt was repaid, or another agent assigned).
     */
    v105: new EventType(
        'CreditRecords.CollectionAccessEnded',
        sts.struct({
            owner: v105.AccountId32,
            agent: v105.AccountId32,
            case: v105.CollectionCase,
        })
    ),
}
