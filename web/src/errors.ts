// Dispatch errors as sentences a person understands, in English and Chinese. Errors without a
// hand-written sentence fall back to the pallet's own doc line (src/errorDocs.ts).

import { ERROR_DOCS } from './errorDocs';
import type { Lang } from './i18n';

type Sentences = Record<string, { en: string; zh: string }>;

const SENTENCES: Sentences = {
  // Credit records
  'CreditRecords.NoProfile': { en: 'You have no credit profile yet: register one under "My credit" first.', zh: '您还没有信用档案：请先在「我的信用」中注册。' },
  'CreditRecords.AlreadyRegistered': { en: 'This account already has a credit profile.', zh: '此账户已有信用档案。' },
  'CreditRecords.NotVerified': { en: 'Your identity is not verified yet: a KYC provider has to attest your profile before you can borrow.', zh: '您的身份尚未验证：需由 KYC 机构认证您的档案后才能借款。' },
  'CreditRecords.ExposureCapExceeded': { en: "This would take your total credit above your tier's exposure cap. Borrow less, or repay first.", zh: '这将使您的总授信超过您所在等级的敞口上限。请减少借款金额或先还款。' },
  'CreditRecords.AccountFrozen': { en: 'This account is frozen: it cannot take new credit.', zh: '此账户已被冻结，无法获得新的授信。' },
  'CreditRecords.PriceUnavailable': { en: 'A price needed to value your positions is not fresh: new borrowing waits until the oracle is fed.', zh: '估值所需的价格不够新：需等待预言机更新价格后才能借款。' },
  'CreditRecords.TooManyPositions': { en: 'You hold the largest number of credit positions an account may have.', zh: '您的信用头寸数量已达上限。' },
  'CreditRecords.DebtOutstanding': { en: 'You still owe debt or have credit committed: this is possible only once it is repaid.', zh: '您仍有未偿债务或已承诺的授信：还清后才能执行此操作。' },
  'CreditRecords.ClaimNotAllowed': { en: 'Verifiers of your kind may not attest this claim.', zh: '您这类认证机构不能认证此项声明。' },
  'CreditRecords.SelfAttestation': { en: 'A verifier cannot attest about itself.', zh: '认证机构不能认证自己。' },
  'CreditRecords.ExpiryNotInFuture': { en: 'The expiry date must be in the future.', zh: '到期日必须在将来。' },
  'CreditRecords.NotVerifier': { en: 'This account is not an admitted verifier.', zh: '此账户不是已获准的认证机构。' },
  'CreditRecords.AlreadyVerifier': { en: 'This account is already a verifier.', zh: '此账户已是认证机构。' },
  'CreditRecords.IdentityCommitmentMismatch': { en: 'An identity claim (KYC, KYB) needs an identity reference; other claims take none.', zh: '身份声明（KYC、KYB）需要身份承诺；其他声明不需要。' },
  'CreditRecords.IdentityConflict': { en: 'This account already belongs to another person.', zh: '此账户已属于另一个人。' },
  'CreditRecords.AttestationNotFound': { en: 'There is no such attestation.', zh: '没有这项认证。' },
  'CreditRecords.TooManyAttestations': { en: 'The profile holds the largest number of valid attestations it may have.', zh: '该档案的有效认证数量已达上限。' },
  'CreditRecords.UnderReview': { en: 'Your account is under review by the risk council: no new credit until the review ends.', zh: '您的账户正在接受风险委员会审查：审查结束前不能获得新授信。' },
  'CreditRecords.PurposeClosed': { en: 'This product no longer lends for this purpose.', zh: '该产品已不再为此用途放贷。' },
  'CreditRecords.DebtServiceAboveIncomeLimit': { en: 'The monthly repayments would exceed what your attested income allows.', zh: '每月还款额将超过您认证收入所允许的上限。' },
  'CreditRecords.DebtServiceAboveRevenueLimit': { en: "The monthly repayments would exceed what the enterprise's audited revenue allows.", zh: '每月还款额将超过企业经审计收入所允许的上限。' },
  'CreditRecords.DebtServiceAboveUnattestedLimit': { en: 'The monthly repayments would exceed the limit for borrowers without an attested income: ask for less, over more months, or get your income attested.', zh: '每月还款额将超过未认证收入借款人的上限：请减少金额、延长期限，或认证您的收入。' },
  // Liquidity pools
  'LiquidityPools.InsufficientCollateral': { en: 'Your collateral would not cover your debt: add collateral or borrow less.', zh: '您的抵押品不足以覆盖债务：请增加抵押品或减少借款。' },
  'LiquidityPools.PriceStale': { en: "The asset's price is out of date: borrowing and withdrawing collateral wait for a fresh price (repaying and depositing never do).", zh: '资产价格已过时：借款和提取抵押品需等待最新价格（还款和存款不受影响）。' },
  'LiquidityPools.NoPrice': { en: 'The asset has never been priced.', zh: '该资产从未定价。' },
  'LiquidityPools.InsufficientCash': { en: 'The pool does not hold that much to lend or pay out right now.', zh: '资金池当前没有这么多可借出或支付的资金。' },
  'LiquidityPools.InsufficientLp': { en: 'You do not hold that many pool tokens.', zh: '您没有这么多资金池代币。' },
  'LiquidityPools.PoolPaused': { en: 'The pool is paused.', zh: '该资金池已暂停。' },
  'LiquidityPools.ZeroAmount': { en: 'Enter an amount above zero.', zh: '请输入大于零的金额。' },
  'LiquidityPools.SupplyCapExceeded': { en: "The deposit would take the pool above its supply cap.", zh: '此笔存款将使资金池超过其存款上限。' },
  'LiquidityPools.BorrowCapExceeded': { en: "The borrow would take the pool above its borrow cap.", zh: '此笔借款将使资金池超过其借款上限。' },
  'LiquidityPools.DepositTooSmall': { en: 'The deposit is too small.', zh: '存款金额太小。' },
  'LiquidityPools.WouldLeaveDust': { en: 'The withdrawal would leave a tiny remainder: withdraw everything, or leave more.', zh: '提取后剩余金额过小：请全部提取，或保留更多。' },
  'LiquidityPools.CollateralAlreadyEnabled': { en: 'This pool is already your collateral.', zh: '该资金池已作为您的抵押品。' },
  'LiquidityPools.CollateralNotEnabled': { en: 'This pool is not your collateral.', zh: '该资金池未作为您的抵押品。' },
  'LiquidityPools.NoDebt': { en: 'You owe this pool nothing.', zh: '您在该资金池没有债务。' },
  // P2P loans
  'P2pLoans.NotVerified': { en: 'Only verified (KYC/KYB) accounts may lend: get your profile attested first.', zh: '只有经过验证（KYC/KYB）的账户才能出借：请先认证您的档案。' },
  'P2pLoans.OwnLoan': { en: 'You cannot fund your own loan.', zh: '您不能为自己的借款出资。' },
  'P2pLoans.BelowMinTicket': { en: "The amount is below the request's minimum ticket.", zh: '金额低于该借款请求的最低出资额。' },
  'P2pLoans.OverFunded': { en: 'That is more than the request still needs.', zh: '金额超过了该请求尚需的资金。' },
  'P2pLoans.NotFunding': { en: 'The request is no longer open for funding.', zh: '该借款请求已不再接受出资。' },
  'P2pLoans.DeadlinePassed': { en: 'The funding deadline has passed.', zh: '出资截止时间已过。' },
  'P2pLoans.DeadlineOutOfBounds': { en: 'The funding deadline is in the past or too far away.', zh: '出资截止时间已过去或太远。' },
  'P2pLoans.CollateralTooLow': { en: 'The collateral does not cover the loan at the largest allowed loan-to-value.', zh: '抵押品不足以按允许的最高贷款价值比覆盖借款。' },
  'P2pLoans.RateTooHigh': { en: 'The interest rate is above the highest allowed.', zh: '利率超过允许的最高值。' },
  'P2pLoans.InstalmentsOutOfBounds': { en: 'The number of instalments is outside the allowed range.', zh: '分期期数超出允许范围。' },
  'P2pLoans.PeriodOutOfBounds': { en: 'The instalment period is outside the allowed range.', zh: '还款周期超出允许范围。' },
  'P2pLoans.BadMinTicket': { en: 'The minimum ticket must be above zero and at most the amount.', zh: '最低出资额必须大于零且不超过借款金额。' },
  'P2pLoans.ZeroPrincipal': { en: 'Enter an amount above zero.', zh: '请输入大于零的金额。' },
  'P2pLoans.ZeroAmount': { en: 'Enter an amount above zero.', zh: '请输入大于零的金额。' },
  'P2pLoans.NotRepayable': { en: 'This loan is not being repaid.', zh: '该借款不在还款中。' },
  'P2pLoans.NothingToClaim': { en: 'There is nothing to claim yet.', zh: '目前没有可领取的款项。' },
  'P2pLoans.TooManyOpenRequests': { en: 'You have too many open requests.', zh: '您的未完成借款请求过多。' },
  'P2pLoans.PriceStale': { en: 'A price is out of date: wait for the oracle to post a fresh one.', zh: '价格已过时：请等待预言机更新价格。' },
  'P2pLoans.NotTradable': { en: 'The loan is not being repaid: its shares cannot be traded.', zh: '该借款不在还款中：其份额不能交易。' },
  'P2pLoans.InsufficientShares': { en: 'You do not hold that many unlisted shares (or the listing offers fewer).', zh: '您没有这么多未挂牌的份额（或该挂牌出售的份额较少）。' },
  'P2pLoans.AlreadyListed': { en: 'You already have shares of this loan listed: cancel that listing first.', zh: '您已挂牌出售该借款的份额：请先取消原挂牌。' },
  'P2pLoans.TooManyListings': { en: 'This loan has the most open listings it may have.', zh: '该借款的挂牌数量已达上限。' },
  'P2pLoans.ZeroPrice': { en: 'Enter a price above zero.', zh: '请输入大于零的价格。' },
  'P2pLoans.ListingNotFound': { en: 'The listing is gone: it was sold or cancelled.', zh: '该挂牌已不存在：已售出或已取消。' },
  'P2pLoans.NotSeller': { en: 'Only the seller may cancel this listing.', zh: '只有卖方可以取消该挂牌。' },
  // SME finance
  'SmeFinance.NotVerifiedEnterprise': { en: 'Only KYB-verified enterprises may do this: register an enterprise profile and have a KYC provider attest it (KYB).', zh: '只有通过 KYB 验证的企业才能执行此操作：请注册企业档案并由 KYC 机构认证（KYB）。' },
  'SmeFinance.NotVerified': { en: 'Only verified (KYC/KYB) accounts may confirm, finance or fund: get your profile attested first.', zh: '只有经过验证（KYC/KYB）的账户才能确认、融资或出资：请先认证您的档案。' },
  'SmeFinance.NotVerifier': { en: 'This account is not an admitted verifier of the required kind.', zh: '此账户不是所需类型的已获准认证机构。' },
  'SmeFinance.SelfAttestation': { en: 'Verifiers cannot attest their own filings or lines.', zh: '认证机构不能认证自己的申报或额度。' },
  'SmeFinance.InvalidPeriod': { en: 'The period must be a year from 2000 to 2100, a quarter or the full year.', zh: '期间必须是 2000 至 2100 年中的某个季度或全年。' },
  'SmeFinance.MetricsOutOfBounds': { en: 'A reported figure is out of bounds.', zh: '申报数据超出范围。' },
  'SmeFinance.FilingLocked': { en: 'This period\'s filing was audited: it cannot change any more.', zh: '该期间的申报已经审计，不能再更改。' },
  'SmeFinance.FilingMismatch': { en: 'The figures differ from those filed: the auditor attests exactly what was filed.', zh: '数据与申报不符：审计机构只能认证所申报的数据。' },
  'SmeFinance.BadMilestones': { en: 'A line needs one to eight milestones.', zh: '额度需要一至八个里程碑。' },
  'SmeFinance.MilestoneTooSmall': { en: 'A milestone is below the asset\'s minimum balance.', zh: '某个里程碑金额低于该资产的最低余额。' },
  'SmeFinance.ZeroLimit': { en: 'Enter milestone amounts above zero.', zh: '请输入大于零的里程碑金额。' },
  'SmeFinance.RateTooHigh': { en: 'The interest rate is above the highest allowed.', zh: '利率超过允许的最高值。' },
  'SmeFinance.TermOutOfBounds': { en: 'The term must be from one month to five years.', zh: '期限必须在一个月至五年之间。' },
  'SmeFinance.WrongLineStatus': { en: 'The line is not in a state that allows this.', zh: '该额度当前的状态不允许此操作。' },
  'SmeFinance.LineOverdue': { en: 'The line has overdue payments: no tranche is released until they are paid.', zh: '该额度有逾期款项：还清前不会放出新的款项。' },
  'SmeFinance.NothingOwed': { en: 'Nothing is owed on this line.', zh: '该额度没有欠款。' },
  'SmeFinance.ZeroAmount': { en: 'Enter an amount above zero.', zh: '请输入大于零的金额。' },
  'SmeFinance.SelfInvoice': { en: 'The buyer cannot be the enterprise itself.', zh: '买方不能是企业自己。' },
  'SmeFinance.DueDateOutOfBounds': { en: 'The due date must be in the future and at most 180 days away.', zh: '到期日必须在将来，且不超过 180 天。' },
  'SmeFinance.DuplicateInvoice': { en: 'This invoice document was submitted before: a document is invoiced once.', zh: '此发票文件已提交过：每份文件只能开票一次。' },
  'SmeFinance.TooManyInvoices': { en: 'The enterprise has the most open invoices it may have.', zh: '企业的未结发票数量已达上限。' },
  'SmeFinance.InvoiceNotFound': { en: 'The invoice is no longer open.', zh: '该发票已不再处于未结状态。' },
  'SmeFinance.WrongInvoiceStatus': { en: 'The invoice is not in a state that allows this.', zh: '该发票当前的状态不允许此操作。' },
  'SmeFinance.NotBuyer': { en: 'Only the invoice\'s buyer may do this.', zh: '只有发票的买方可以执行此操作。' },
  'SmeFinance.NotEnterprise': { en: 'Only the enterprise may do this.', zh: '只有企业本身可以执行此操作。' },
  'SmeFinance.OwnInvoice': { en: 'The enterprise and the buyer cannot finance their own invoice.', zh: '企业和买方不能为自己的发票融资。' },
  'SmeFinance.AdvanceRateOutOfBounds': { en: 'The advance must be above zero and at most the largest governance allows (see Governance).', zh: '预付比例必须大于零且不超过治理允许的最高值（见「治理」）。' },
  'SmeFinance.FeeOutOfBounds': { en: 'The fee is above the largest governance allows, or advance and fee exceed the invoice.', zh: '费用超过治理允许的最高值，或预付与费用之和超过发票金额。' },
  'SmeFinance.InvoiceDue': { en: 'The invoice is due already.', zh: '该发票已到期。' },
  'SmeFinance.NotOffered': { en: 'The enterprise has not offered this invoice for financing.', zh: '企业尚未将此发票提供融资。' },
  'SmeFinance.TermsNotMet': { en: 'These rates do not meet the enterprise\'s offer (at least its advance, at most its fee, by its financier).', zh: '这些比例不符合企业的报价（预付不低于其要求、费用不高于其上限、且为其指定的出资方）。' },
  'SmeFinance.InvoiceBelowMinimum': { en: 'The invoice is below the asset\'s minimum balance.', zh: '发票金额低于该资产的最低余额。' },
  'SmeFinance.FinancingBelowMinimum': { en: 'At these rates an amount moved would be below the asset\'s minimum balance: change the rates.', zh: '按这些比例，某笔转账金额将低于该资产的最低余额：请调整比例。' },
  'SmeFinance.FilingNotFound': { en: 'There is no filing of this enterprise for this period.', zh: '该企业没有此期间的申报。' },
  'SmeFinance.LineNotFound': { en: 'The credit line is gone: it was closed or withdrawn.', zh: '该授信额度已不存在：已关闭或撤回。' },
  'SmeFinance.MilestoneOutOfOrder': { en: 'Milestones are released in order: attest the earlier pending milestone first.', zh: '里程碑按顺序放款：请先认证前一个待认证的里程碑。' },
  'SmeFinance.MilestoneNotPending': { en: 'This milestone was attested already, or the line has no such milestone.', zh: '该里程碑已认证，或额度没有此里程碑。' },
  'SmeFinance.LineMatured': { en: 'The line has matured: it releases no more tranches.', zh: '该额度已到期：不再放款。' },
  'SmeFinance.NotFinancier': { en: 'Only the financier of this line or invoice may do this (a line: the financier named at its approval; an invoice: the one who financed it).', zh: '只有该额度或发票的出资方才能执行此操作（额度：批准时指定的出资方；发票：为其融资的出资方）。' },
  'SmeFinance.NotLateEnough': { en: 'The buyer is not late enough yet: recourse can be claimed once the invoice is unpaid the governance-set number of days past its due date (see Governance).', zh: '买方逾期时间尚不够长：发票逾期未付达到治理设定的天数后才能追索（见「治理」）。' },
  'SmeFinance.RecourseDustLeft': { en: 'This repayment would leave less than the asset\'s minimum balance owed under recourse, which no later payment could settle: pay all of it, or leave at least the minimum.', zh: '这笔还款将使追索欠款低于该资产的最低余额，之后无法再结清：请全部还清，或至少保留最低余额。' },
  // Referenda and conviction voting
  'ConvictionVoting.NotOngoing': { en: 'The referendum is no longer open for votes.', zh: '该公投已不再接受投票。' },
  'ConvictionVoting.NotVoter': { en: 'You have no vote on this referendum to remove.', zh: '您在该公投上没有可撤回的投票。' },
  'ConvictionVoting.NoPermission': { en: 'Only the voter may remove this vote now.', zh: '目前只有投票人本人可以撤回此投票。' },
  'ConvictionVoting.NoPermissionYet': { en: 'The vote\'s lock period has not ended yet: it cannot be removed by others before then.', zh: '该投票的锁定期尚未结束：在此之前他人不能撤回。' },
  'ConvictionVoting.AlreadyDelegating': { en: 'You delegate your votes on this track: undelegate first to vote yourself.', zh: '您已在该通道委托投票：请先取消委托再亲自投票。' },
  'ConvictionVoting.AlreadyVoting': { en: 'You have votes on this track: remove them before delegating.', zh: '您在该通道已有投票：委托前请先撤回。' },
  'ConvictionVoting.InsufficientFunds': { en: 'You do not have that much XDI to vote with.', zh: '您没有这么多 XDI 可用于投票。' },
  'ConvictionVoting.MaxVotesReached': { en: 'You have the most votes on this track an account may have: remove some first.', zh: '您在该通道的投票数已达上限：请先撤回一些。' },
  'ConvictionVoting.Nonsense': { en: 'This vote makes no sense to the chain (e.g. a zero balance).', zh: '链上无法接受此投票（例如金额为零）。' },
  'ConvictionVoting.ClassNeeded': { en: 'Name the track of the vote to remove.', zh: '请指明要撤回的投票所在的通道。' },
  'ConvictionVoting.BadClass': { en: 'The referendum is not on this track.', zh: '该公投不在此通道上。' },
  'Referenda.NotOngoing': { en: 'The referendum has ended.', zh: '该公投已结束。' },
  'Referenda.HasDeposit': { en: 'The decision deposit was placed already.', zh: '决策押金已经放置。' },
  'Referenda.BadReferendum': { en: 'There is no such referendum.', zh: '没有这个公投。' },
  'Referenda.NoTrack': { en: 'No track takes proposals with this origin.', zh: '没有通道接受此来源的提案。' },
  'Referenda.Full': { en: 'The track\'s queue is full.', zh: '该通道的队列已满。' },
  'Referenda.PreimageNotExist': { en: 'The proposal\'s preimage is not on chain: note it first (preimage.notePreimage).', zh: '提案的原像尚未上链：请先提交原像（preimage.notePreimage）。' },
  // System-wide
  'Token.FundsUnavailable': { en: 'Your balance is too low for this.', zh: '您的余额不足。' },
  'Token.BelowMinimum': { en: 'The amount would leave an account below the minimum balance.', zh: '该金额将使账户低于最低余额。' },
  'Token.NoFunds': { en: 'Your balance is too low for this.', zh: '您的余额不足。' },
  'Token.CannotCreate': { en: 'The receiving account cannot be created with this amount.', zh: '接收账户无法以此金额创建。' },
  'Token.Frozen': { en: 'The funds are frozen.', zh: '资金已被冻结。' },
  BadOrigin: { en: 'This account is not allowed to do this.', zh: '此账户无权执行此操作。' },
  'Invalid.Payment': { en: 'Not enough XDI to pay the transaction fee.', zh: 'XDI 余额不足以支付交易手续费。' },
  'Invalid.Stale': { en: 'The transaction was already used (stale nonce): try again.', zh: '交易已过期（nonce 已使用）：请重试。' },
  'Invalid.Future': { en: 'Another transaction of this account is pending: wait and try again.', zh: '此账户有另一笔交易在等待：请稍后重试。' },
  Cancelled: { en: 'You cancelled the signature.', zh: '您取消了签名。' },
};

/** The 'Pallet.Error' (or 'Token.X', 'BadOrigin') key of a dispatch error as polkadot-api gives it. */
export function errorKey(err: unknown): string {
  if (!err || typeof err !== 'object') return String(err);
  const e = err as { type?: string; value?: { type?: string; value?: { type?: string } } };
  if (e.type === 'Module' && e.value?.type) {
    return e.value.value?.type ? `${e.value.type}.${e.value.value.type}` : e.value.type;
  }
  if (e.value && typeof e.value === 'object' && typeof e.value.type === 'string') return `${e.type}.${e.value.type}`;
  return e.type ?? 'Unknown';
}

/** The sentence for `key` ('LiquidityPools.PriceStale') in `lang`. */
export function errorSentence(key: string, lang: Lang): string {
  const s = SENTENCES[key];
  if (s) return s[lang];
  const doc = ERROR_DOCS[key];
  if (lang === 'zh') return doc ? `链上拒绝了此交易（${key}）：${doc}` : `链上拒绝了此交易（${key}）。`;
  return doc ? `The chain refused this (${key}): ${doc}` : `The chain refused this (${key}).`;
}

/** Keys with a hand-written sentence (tests check each has both languages). */
export const TRANSLATED_ERRORS = Object.keys(SENTENCES);
export const sentenceOf = (key: string) => SENTENCES[key];
