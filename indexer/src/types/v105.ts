import {sts, Result, Option, Bytes, BitSequence} from './support'

export interface Instalment {
    dueAt: bigint
    principal: bigint
    interest: bigint
    principalPaid: bigint
    interestPaid: bigint
}

export const Instalment: sts.Type<Instalment> = sts.struct(() => {
    return  {
        dueAt: sts.bigint(),
        principal: sts.bigint(),
        interest: sts.bigint(),
        principalPaid: sts.bigint(),
        interestPaid: sts.bigint(),
    }
})

export interface TierBand {
    minScore: number
    exposureCap: bigint
    ratePremiumBps: number
}

export const TierBand: sts.Type<TierBand> = sts.struct(() => {
    return  {
        minScore: sts.number(),
        exposureCap: sts.bigint(),
        ratePremiumBps: sts.number(),
    }
})

export const OverdueTarget: sts.Type<OverdueTarget> = sts.closedEnum(() => {
    return  {
        Line: sts.bigint(),
        Recourse: sts.bigint(),
    }
})

export type OverdueTarget = OverdueTarget_Line | OverdueTarget_Recourse

export interface OverdueTarget_Line {
    __kind: 'Line'
    value: bigint
}

export interface OverdueTarget_Recourse {
    __kind: 'Recourse'
    value: bigint
}

export const SmeParams: sts.Type<SmeParams> = sts.struct(() => {
    return  {
        gracePeriod: sts.bigint(),
        penaltyRate: FixedU128,
        defaultAfterDays: sts.number(),
        maxAdvanceRate: Permill,
        maxFeeRate: Permill,
        noticeDays: sts.array(() => sts.number()),
    }
})

export const Permill = sts.number()

export interface SmeParams {
    gracePeriod: bigint
    penaltyRate: FixedU128
    defaultAfterDays: number
    maxAdvanceRate: Permill
    maxFeeRate: Permill
    noticeDays: number[]
}

export type Permill = number

export type FixedU128 = bigint

export const FinancingOffer: sts.Type<FinancingOffer> = sts.struct(() => {
    return  {
        minAdvanceRate: Permill,
        maxFeeRate: Permill,
        financier: sts.option(() => AccountId32),
    }
})

export interface FinancingOffer {
    minAdvanceRate: Permill
    maxFeeRate: Permill
    financier?: (AccountId32 | undefined)
}

export type AccountId32 = Bytes

export const LineSource: sts.Type<LineSource> = sts.closedEnum(() => {
    return  {
        Financier: AccountId32,
        Pool: sts.unit(),
    }
})

export type LineSource = LineSource_Financier | LineSource_Pool

export interface LineSource_Financier {
    __kind: 'Financier'
    value: AccountId32
}

export interface LineSource_Pool {
    __kind: 'Pool'
}

export const LineTerms: sts.Type<LineTerms> = sts.struct(() => {
    return  {
        asset: sts.number(),
        limit: sts.bigint(),
        annualRate: FixedU128,
        term: sts.bigint(),
        purpose: LoanPurpose,
    }
})

export const LoanPurpose: sts.Type<LoanPurpose> = sts.struct(() => {
    return  {
        category: PurposeCategory,
        descriptionHash: H256,
    }
})

export const PurposeCategory: sts.Type<PurposeCategory> = sts.closedEnum(() => {
    return  {
        BusinessWorkingCapital: sts.unit(),
        Education: sts.unit(),
        Equipment: sts.unit(),
        Home: sts.unit(),
        Medical: sts.unit(),
        Other: sts.unit(),
        PersonalConsumption: sts.unit(),
        Refinancing: sts.unit(),
    }
})

export type PurposeCategory = PurposeCategory_BusinessWorkingCapital | PurposeCategory_Education | PurposeCategory_Equipment | PurposeCategory_Home | PurposeCategory_Medical | PurposeCategory_Other | PurposeCategory_PersonalConsumption | PurposeCategory_Refinancing

export interface PurposeCategory_BusinessWorkingCapital {
    __kind: 'BusinessWorkingCapital'
}

export interface PurposeCategory_Education {
    __kind: 'Education'
}

export interface PurposeCategory_Equipment {
    __kind: 'Equipment'
}

export interface PurposeCategory_Home {
    __kind: 'Home'
}

export interface PurposeCategory_Medical {
    __kind: 'Medical'
}

export interface PurposeCategory_Other {
    __kind: 'Other'
}

export interface PurposeCategory_PersonalConsumption {
    __kind: 'PersonalConsumption'
}

export interface PurposeCategory_Refinancing {
    __kind: 'Refinancing'
}

export interface LoanPurpose {
    category: PurposeCategory
    descriptionHash: H256
}

export type H256 = Bytes

export interface LineTerms {
    asset: number
    limit: bigint
    annualRate: FixedU128
    term: bigint
    purpose: LoanPurpose
}

export const ReportingPeriod: sts.Type<ReportingPeriod> = sts.struct(() => {
    return  {
        year: sts.number(),
        quarter: sts.number(),
    }
})

export interface ReportingPeriod {
    year: number
    quarter: number
}

export const RiskParams: sts.Type<RiskParams> = sts.struct(() => {
    return  {
        gracePeriod: sts.bigint(),
        penaltyRate: FixedU128,
        defaultAfterDays: sts.number(),
        maxInitialLtv: Permill,
        liquidationLtv: Permill,
        liquidatorReward: Permill,
        maxPriceAge: sts.bigint(),
        noticeDays: sts.array(() => sts.number()),
    }
})

export interface RiskParams {
    gracePeriod: bigint
    penaltyRate: FixedU128
    defaultAfterDays: number
    maxInitialLtv: Permill
    liquidationLtv: Permill
    liquidatorReward: Permill
    maxPriceAge: bigint
    noticeDays: number[]
}

export const LoanTerms: sts.Type<LoanTerms> = sts.struct(() => {
    return  {
        asset: sts.number(),
        principal: sts.bigint(),
        annualRate: FixedU128,
        instalments: sts.number(),
        period: sts.bigint(),
        kind: RepaymentKind,
        collateral: sts.option(() => sts.tuple(() => [sts.number(), sts.bigint()])),
        fundingDeadline: sts.bigint(),
        minTicket: sts.bigint(),
        purpose: LoanPurpose,
    }
})

export const RepaymentKind: sts.Type<RepaymentKind> = sts.closedEnum(() => {
    return  {
        Amortising: sts.unit(),
        Bullet: sts.unit(),
    }
})

export type RepaymentKind = RepaymentKind_Amortising | RepaymentKind_Bullet

export interface RepaymentKind_Amortising {
    __kind: 'Amortising'
}

export interface RepaymentKind_Bullet {
    __kind: 'Bullet'
}

export interface LoanTerms {
    asset: number
    principal: bigint
    annualRate: FixedU128
    instalments: number
    period: bigint
    kind: RepaymentKind
    collateral?: ([number, bigint] | undefined)
    fundingDeadline: bigint
    minTicket: bigint
    purpose: LoanPurpose
}

export const DispatchError: sts.Type<DispatchError> = sts.closedEnum(() => {
    return  {
        Arithmetic: ArithmeticError,
        BadOrigin: sts.unit(),
        CannotLookup: sts.unit(),
        ConsumerRemaining: sts.unit(),
        Corruption: sts.unit(),
        Exhausted: sts.unit(),
        Module: ModuleError,
        NoProviders: sts.unit(),
        Other: sts.unit(),
        RootNotAllowed: sts.unit(),
        Token: TokenError,
        TooManyConsumers: sts.unit(),
        Transactional: TransactionalError,
        Trie: TrieError,
        Unavailable: sts.unit(),
    }
})

export const TrieError: sts.Type<TrieError> = sts.closedEnum(() => {
    return  {
        DecodeError: sts.unit(),
        DecoderError: sts.unit(),
        DuplicateKey: sts.unit(),
        ExtraneousHashReference: sts.unit(),
        ExtraneousNode: sts.unit(),
        ExtraneousValue: sts.unit(),
        IncompleteDatabase: sts.unit(),
        IncompleteProof: sts.unit(),
        InvalidChildReference: sts.unit(),
        InvalidHash: sts.unit(),
        InvalidStateRoot: sts.unit(),
        RootMismatch: sts.unit(),
        ValueAtIncompleteKey: sts.unit(),
        ValueMismatch: sts.unit(),
    }
})

export type TrieError = TrieError_DecodeError | TrieError_DecoderError | TrieError_DuplicateKey | TrieError_ExtraneousHashReference | TrieError_ExtraneousNode | TrieError_ExtraneousValue | TrieError_IncompleteDatabase | TrieError_IncompleteProof | TrieError_InvalidChildReference | TrieError_InvalidHash | TrieError_InvalidStateRoot | TrieError_RootMismatch | TrieError_ValueAtIncompleteKey | TrieError_ValueMismatch

export interface TrieError_DecodeError {
    __kind: 'DecodeError'
}

export interface TrieError_DecoderError {
    __kind: 'DecoderError'
}

export interface TrieError_DuplicateKey {
    __kind: 'DuplicateKey'
}

export interface TrieError_ExtraneousHashReference {
    __kind: 'ExtraneousHashReference'
}

export interface TrieError_ExtraneousNode {
    __kind: 'ExtraneousNode'
}

export interface TrieError_ExtraneousValue {
    __kind: 'ExtraneousValue'
}

export interface TrieError_IncompleteDatabase {
    __kind: 'IncompleteDatabase'
}

export interface TrieError_IncompleteProof {
    __kind: 'IncompleteProof'
}

export interface TrieError_InvalidChildReference {
    __kind: 'InvalidChildReference'
}

export interface TrieError_InvalidHash {
    __kind: 'InvalidHash'
}

export interface TrieError_InvalidStateRoot {
    __kind: 'InvalidStateRoot'
}

export interface TrieError_RootMismatch {
    __kind: 'RootMismatch'
}

export interface TrieError_ValueAtIncompleteKey {
    __kind: 'ValueAtIncompleteKey'
}

export interface TrieError_ValueMismatch {
    __kind: 'ValueMismatch'
}

export const TransactionalError: sts.Type<TransactionalError> = sts.closedEnum(() => {
    return  {
        LimitReached: sts.unit(),
        NoLayer: sts.unit(),
    }
})

export type TransactionalError = TransactionalError_LimitReached | TransactionalError_NoLayer

export interface TransactionalError_LimitReached {
    __kind: 'LimitReached'
}

export interface TransactionalError_NoLayer {
    __kind: 'NoLayer'
}

export const TokenError: sts.Type<TokenError> = sts.closedEnum(() => {
    return  {
        BelowMinimum: sts.unit(),
        Blocked: sts.unit(),
        CannotCreate: sts.unit(),
        CannotCreateHold: sts.unit(),
        Frozen: sts.unit(),
        FundsUnavailable: sts.unit(),
        NotExpendable: sts.unit(),
        OnlyProvider: sts.unit(),
        UnknownAsset: sts.unit(),
        Unsupported: sts.unit(),
    }
})

export type TokenError = TokenError_BelowMinimum | TokenError_Blocked | TokenError_CannotCreate | TokenError_CannotCreateHold | TokenError_Frozen | TokenError_FundsUnavailable | TokenError_NotExpendable | TokenError_OnlyProvider | TokenError_UnknownAsset | TokenError_Unsupported

export interface TokenError_BelowMinimum {
    __kind: 'BelowMinimum'
}

export interface TokenError_Blocked {
    __kind: 'Blocked'
}

export interface TokenError_CannotCreate {
    __kind: 'CannotCreate'
}

export interface TokenError_CannotCreateHold {
    __kind: 'CannotCreateHold'
}

export interface TokenError_Frozen {
    __kind: 'Frozen'
}

export interface TokenError_FundsUnavailable {
    __kind: 'FundsUnavailable'
}

export interface TokenError_NotExpendable {
    __kind: 'NotExpendable'
}

export interface TokenError_OnlyProvider {
    __kind: 'OnlyProvider'
}

export interface TokenError_UnknownAsset {
    __kind: 'UnknownAsset'
}

export interface TokenError_Unsupported {
    __kind: 'Unsupported'
}

export const ModuleError: sts.Type<ModuleError> = sts.struct(() => {
    return  {
        index: sts.number(),
        error: sts.bytes(),
    }
})

export interface ModuleError {
    index: number
    error: Bytes
}

export const ArithmeticError: sts.Type<ArithmeticError> = sts.closedEnum(() => {
    return  {
        DivisionByZero: sts.unit(),
        Overflow: sts.unit(),
        Underflow: sts.unit(),
    }
})

export type ArithmeticError = ArithmeticError_DivisionByZero | ArithmeticError_Overflow | ArithmeticError_Underflow

export interface ArithmeticError_DivisionByZero {
    __kind: 'DivisionByZero'
}

export interface ArithmeticError_Overflow {
    __kind: 'Overflow'
}

export interface ArithmeticError_Underflow {
    __kind: 'Underflow'
}

export type DispatchError = DispatchError_Arithmetic | DispatchError_BadOrigin | DispatchError_CannotLookup | DispatchError_ConsumerRemaining | DispatchError_Corruption | DispatchError_Exhausted | DispatchError_Module | DispatchError_NoProviders | DispatchError_Other | DispatchError_RootNotAllowed | DispatchError_Token | DispatchError_TooManyConsumers | DispatchError_Transactional | DispatchError_Trie | DispatchError_Unavailable

export interface DispatchError_Arithmetic {
    __kind: 'Arithmetic'
    value: ArithmeticError
}

export interface DispatchError_BadOrigin {
    __kind: 'BadOrigin'
}

export interface DispatchError_CannotLookup {
    __kind: 'CannotLookup'
}

export interface DispatchError_ConsumerRemaining {
    __kind: 'ConsumerRemaining'
}

export interface DispatchError_Corruption {
    __kind: 'Corruption'
}

export interface DispatchError_Exhausted {
    __kind: 'Exhausted'
}

export interface DispatchError_Module {
    __kind: 'Module'
    value: ModuleError
}

export interface DispatchError_NoProviders {
    __kind: 'NoProviders'
}

export interface DispatchError_Other {
    __kind: 'Other'
}

export interface DispatchError_RootNotAllowed {
    __kind: 'RootNotAllowed'
}

export interface DispatchError_Token {
    __kind: 'Token'
    value: TokenError
}

export interface DispatchError_TooManyConsumers {
    __kind: 'TooManyConsumers'
}

export interface DispatchError_Transactional {
    __kind: 'Transactional'
    value: TransactionalError
}

export interface DispatchError_Trie {
    __kind: 'Trie'
    value: TrieError
}

export interface DispatchError_Unavailable {
    __kind: 'Unavailable'
}

export const FixedU128 = sts.bigint()

export const PoolParams: sts.Type<PoolParams> = sts.struct(() => {
    return  {
        collateralFactor: Permill,
        liquidationThreshold: Permill,
        liquidationIncentive: Permill,
        closeFactor: Permill,
        reserveFactor: Permill,
        rateModel: JumpRateModel,
        supplyCap: sts.bigint(),
        borrowCap: sts.bigint(),
    }
})

export const JumpRateModel: sts.Type<JumpRateModel> = sts.struct(() => {
    return  {
        base: FixedU128,
        multiplier: FixedU128,
        jumpMultiplier: FixedU128,
        kink: Permill,
    }
})

export interface JumpRateModel {
    base: FixedU128
    multiplier: FixedU128
    jumpMultiplier: FixedU128
    kink: Permill
}

export interface PoolParams {
    collateralFactor: Permill
    liquidationThreshold: Permill
    liquidationIncentive: Permill
    closeFactor: Permill
    reserveFactor: Permill
    rateModel: JumpRateModel
    supplyCap: bigint
    borrowCap: bigint
}

export const CollectionCase: sts.Type<CollectionCase> = sts.struct(() => {
    return  {
        product: CreditProduct,
        id: sts.bigint(),
    }
})

export interface CollectionCase {
    product: CreditProduct
    id: bigint
}

export type CreditProduct = CreditProduct_P2pLoans | CreditProduct_Pools | CreditProduct_SmeFinance

export interface CreditProduct_P2pLoans {
    __kind: 'P2pLoans'
}

export interface CreditProduct_Pools {
    __kind: 'Pools'
}

export interface CreditProduct_SmeFinance {
    __kind: 'SmeFinance'
}

export const PurposeSet = sts.number()

export const CreditProduct: sts.Type<CreditProduct> = sts.closedEnum(() => {
    return  {
        P2pLoans: sts.unit(),
        Pools: sts.unit(),
        SmeFinance: sts.unit(),
    }
})

export const CapacityParams: sts.Type<CapacityParams> = sts.struct(() => {
    return  {
        incomeRatio: Permill,
        revenueRatio: Permill,
        unattestedLimit: sts.bigint(),
    }
})

export interface CapacityParams {
    incomeRatio: Permill
    revenueRatio: Permill
    unattestedLimit: bigint
}

export const IncomeBand: sts.Type<IncomeBand> = sts.closedEnum(() => {
    return  {
        From12kTo25k: sts.unit(),
        From1kTo3k: sts.unit(),
        From25kTo50k: sts.unit(),
        From3kTo6k: sts.unit(),
        From6kTo12k: sts.unit(),
        Over50k: sts.unit(),
        Under1k: sts.unit(),
    }
})

export type IncomeBand = IncomeBand_From12kTo25k | IncomeBand_From1kTo3k | IncomeBand_From25kTo50k | IncomeBand_From3kTo6k | IncomeBand_From6kTo12k | IncomeBand_Over50k | IncomeBand_Under1k

export interface IncomeBand_From12kTo25k {
    __kind: 'From12kTo25k'
}

export interface IncomeBand_From1kTo3k {
    __kind: 'From1kTo3k'
}

export interface IncomeBand_From25kTo50k {
    __kind: 'From25kTo50k'
}

export interface IncomeBand_From3kTo6k {
    __kind: 'From3kTo6k'
}

export interface IncomeBand_From6kTo12k {
    __kind: 'From6kTo12k'
}

export interface IncomeBand_Over50k {
    __kind: 'Over50k'
}

export interface IncomeBand_Under1k {
    __kind: 'Under1k'
}

export const MonitorParams: sts.Type<MonitorParams> = sts.struct(() => {
    return  {
        window: sts.bigint(),
        maxBorrowings: sts.number(),
        maxBorrowed: sts.bigint(),
        quickRepayWithin: sts.bigint(),
        maxQuickRepayments: sts.number(),
        maxCancellations: sts.number(),
    }
})

export interface MonitorParams {
    window: bigint
    maxBorrowings: number
    maxBorrowed: bigint
    quickRepayWithin: bigint
    maxQuickRepayments: number
    maxCancellations: number
}

export const FlagCause: sts.Type<FlagCause> = sts.closedEnum(() => {
    return  {
        Report: sts.enumStruct({
            reporter: AccountId32,
            reasonCode: sts.number(),
            evidence: H256,
        }),
        Rule: sts.enumStruct({
            rule: RiskRule,
            observed: Observed,
        }),
    }
})

export const Observed: sts.Type<Observed> = sts.struct(() => {
    return  {
        since: sts.bigint(),
        count: sts.number(),
        borrowed: sts.bigint(),
    }
})

export interface Observed {
    since: bigint
    count: number
    borrowed: bigint
}

export const RiskRule: sts.Type<RiskRule> = sts.closedEnum(() => {
    return  {
        BorrowedValue: sts.unit(),
        BorrowingCount: sts.unit(),
        Cancellations: sts.unit(),
        QuickRepayments: sts.unit(),
    }
})

export type RiskRule = RiskRule_BorrowedValue | RiskRule_BorrowingCount | RiskRule_Cancellations | RiskRule_QuickRepayments

export interface RiskRule_BorrowedValue {
    __kind: 'BorrowedValue'
}

export interface RiskRule_BorrowingCount {
    __kind: 'BorrowingCount'
}

export interface RiskRule_Cancellations {
    __kind: 'Cancellations'
}

export interface RiskRule_QuickRepayments {
    __kind: 'QuickRepayments'
}

export type FlagCause = FlagCause_Report | FlagCause_Rule

export interface FlagCause_Report {
    __kind: 'Report'
    reporter: AccountId32
    reasonCode: number
    evidence: H256
}

export interface FlagCause_Rule {
    __kind: 'Rule'
    rule: RiskRule
    observed: Observed
}

export const FreezeReason: sts.Type<FreezeReason> = sts.closedEnum(() => {
    return  {
        Compliance: sts.unit(),
        Default: sts.unit(),
        RiskReview: sts.unit(),
        SuspectedFraud: sts.unit(),
    }
})

export type FreezeReason = FreezeReason_Compliance | FreezeReason_Default | FreezeReason_RiskReview | FreezeReason_SuspectedFraud

export interface FreezeReason_Compliance {
    __kind: 'Compliance'
}

export interface FreezeReason_Default {
    __kind: 'Default'
}

export interface FreezeReason_RiskReview {
    __kind: 'RiskReview'
}

export interface FreezeReason_SuspectedFraud {
    __kind: 'SuspectedFraud'
}

export const ScoreChangeReason: sts.Type<ScoreChangeReason> = sts.closedEnum(() => {
    return  {
        AttestationsChanged: sts.unit(),
        Defaulted: sts.unit(),
        FilingAttested: sts.unit(),
        HistoryAged: sts.unit(),
        RepaidLate: sts.enumStruct({
            daysLate: sts.number(),
        }),
        RepaidOnTime: sts.unit(),
    }
})

export type ScoreChangeReason = ScoreChangeReason_AttestationsChanged | ScoreChangeReason_Defaulted | ScoreChangeReason_FilingAttested | ScoreChangeReason_HistoryAged | ScoreChangeReason_RepaidLate | ScoreChangeReason_RepaidOnTime

export interface ScoreChangeReason_AttestationsChanged {
    __kind: 'AttestationsChanged'
}

export interface ScoreChangeReason_Defaulted {
    __kind: 'Defaulted'
}

export interface ScoreChangeReason_FilingAttested {
    __kind: 'FilingAttested'
}

export interface ScoreChangeReason_HistoryAged {
    __kind: 'HistoryAged'
}

export interface ScoreChangeReason_RepaidLate {
    __kind: 'RepaidLate'
    daysLate: number
}

export interface ScoreChangeReason_RepaidOnTime {
    __kind: 'RepaidOnTime'
}

export const PositionKey: sts.Type<PositionKey> = sts.struct(() => {
    return  {
        product: CreditProduct,
        asset: sts.number(),
    }
})

export interface PositionKey {
    product: CreditProduct
    asset: number
}

export const ClaimKind: sts.Type<ClaimKind> = sts.closedEnum(() => {
    return  {
        AuditedFinancials: sts.unit(),
        IncomeVerified: sts.unit(),
        Kyb: sts.unit(),
        KycBasic: sts.unit(),
        KycFull: sts.unit(),
    }
})

export type ClaimKind = ClaimKind_AuditedFinancials | ClaimKind_IncomeVerified | ClaimKind_Kyb | ClaimKind_KycBasic | ClaimKind_KycFull

export interface ClaimKind_AuditedFinancials {
    __kind: 'AuditedFinancials'
}

export interface ClaimKind_IncomeVerified {
    __kind: 'IncomeVerified'
}

export interface ClaimKind_Kyb {
    __kind: 'Kyb'
}

export interface ClaimKind_KycBasic {
    __kind: 'KycBasic'
}

export interface ClaimKind_KycFull {
    __kind: 'KycFull'
}

export const H256 = sts.bytes()

export const ProfileKind: sts.Type<ProfileKind> = sts.closedEnum(() => {
    return  {
        Enterprise: sts.unit(),
        Individual: sts.unit(),
    }
})

export type ProfileKind = ProfileKind_Enterprise | ProfileKind_Individual

export interface ProfileKind_Enterprise {
    __kind: 'Enterprise'
}

export interface ProfileKind_Individual {
    __kind: 'Individual'
}

export const VerifierKind: sts.Type<VerifierKind> = sts.closedEnum(() => {
    return  {
        Auditor: sts.unit(),
        CollectionAgent: sts.unit(),
        CreditBureau: sts.unit(),
        KycProvider: sts.unit(),
    }
})

export type VerifierKind = VerifierKind_Auditor | VerifierKind_CollectionAgent | VerifierKind_CreditBureau | VerifierKind_KycProvider

export interface VerifierKind_Auditor {
    __kind: 'Auditor'
}

export interface VerifierKind_CollectionAgent {
    __kind: 'CollectionAgent'
}

export interface VerifierKind_CreditBureau {
    __kind: 'CreditBureau'
}

export interface VerifierKind_KycProvider {
    __kind: 'KycProvider'
}

export const AccountId32 = sts.bytes()
