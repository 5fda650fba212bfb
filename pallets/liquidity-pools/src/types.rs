//! The pallet's storage types and the compile-time bounds on every risk parameter.

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use scale_info::TypeInfo;
use sp_runtime::{FixedU128, Permill};
use xindai_primitives::{
	interest::{Index, Rate},
	service::ServiceClock,
	AssetId, Balance, Moment,
};

/// The jump-rate interest model (Compound's `JumpRateModelV2`): the annual borrow rate rises
/// gently with utilisation up to the `kink`, then steeply.
///
/// ```text
/// u ≤ kink: rate = base + multiplier × u
/// u > kink: rate = base + multiplier × kink + jump_multiplier × (u − kink)
/// ```
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	Debug,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	serde::Serialize,
	serde::Deserialize,
)]
pub struct JumpRateModel {
	/// Annual borrow rate at zero utilisation.
	pub base: Rate,
	/// Added per unit of utilisation up to the kink.
	pub multiplier: Rate,
	/// Added per unit of utilisation above the kink.
	pub jump_multiplier: Rate,
	/// Utilisation where the jump starts.
	pub kink: Permill,
}

impl JumpRateModel {
	/// Compound's stablecoin curve: 2% a year at zero utilisation, 10% at the 80% kink, then
	/// +3% per point of utilisation (40% at 90%).
	pub const fn stablecoin() -> Self {
		JumpRateModel {
			base: Rate::from_rational(2, 100),
			multiplier: Rate::from_rational(10, 100),
			jump_multiplier: Rate::from_u32(3),
			kink: Permill::from_percent(80),
		}
	}
}

/// A pool's risk parameters, set by the risk origin within [`bounds`].
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	Debug,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	serde::Serialize,
	serde::Deserialize,
)]
pub struct PoolParams {
	/// How much of a deposit's value may be borrowed against it.
	pub collateral_factor: Permill,
	/// The share of a deposit's value counted when judging liquidation (≥ collateral factor).
	pub liquidation_threshold: Permill,
	/// The liquidator's bonus: seized collateral is worth the repaid debt × (1 + incentive).
	pub liquidation_incentive: Permill,
	/// The most of one debt a single liquidation may repay.
	pub close_factor: Permill,
	/// The share of interest kept as reserves for the treasury.
	pub reserve_factor: Permill,
	/// The borrow-rate model.
	pub rate_model: JumpRateModel,
	/// The most the pool may hold (cash + borrows − reserves), in units of the asset.
	pub supply_cap: Balance,
	/// The most that may be borrowed from the pool, in units of the asset.
	pub borrow_cap: Balance,
}

/// Compile-time bounds on every pool parameter: no referendum can set a value outside them.
///
/// They follow what Compound, Aave and Acala run in production, with margin, and rule out the
/// settings that broke lending protocols: a liquidation threshold at or above 100% (positions
/// that can never be liquidated profitably), an incentive that makes liquidation worsen health,
/// or a reserve factor that takes all interest from lenders.
pub mod bounds {
	use super::*;

	/// Collateral factor at most 90%.
	pub const MAX_COLLATERAL_FACTOR: Permill = Permill::from_percent(90);
	/// Liquidation threshold at most 95% (and at least the collateral factor).
	pub const MAX_LIQUIDATION_THRESHOLD: Permill = Permill::from_percent(95);
	/// Liquidation incentive at most 20%.
	pub const MAX_LIQUIDATION_INCENTIVE: Permill = Permill::from_percent(20);
	/// Close factor between 5% and 100%.
	pub const MIN_CLOSE_FACTOR: Permill = Permill::from_percent(5);
	/// Reserve factor at most 50%.
	pub const MAX_RESERVE_FACTOR: Permill = Permill::from_percent(50);
	/// Base rate at most 20% a year.
	pub const MAX_BASE_RATE: Rate = Rate::from_rational(20, 100);
	/// Multiplier at most 100% a year.
	pub const MAX_MULTIPLIER: Rate = Rate::from_u32(1);
	/// Jump multiplier at most 1000% a year.
	pub const MAX_JUMP_MULTIPLIER: Rate = Rate::from_u32(10);
	/// Kink between 10% and 95% utilisation.
	pub const MIN_KINK: Permill = Permill::from_percent(10);
	/// See [`MIN_KINK`].
	pub const MAX_KINK: Permill = Permill::from_percent(95);
	/// Price age limit between one minute and one day (milliseconds).
	pub const MIN_PRICE_AGE: Moment = 60_000;
	/// See [`MIN_PRICE_AGE`].
	pub const MAX_PRICE_AGE: Moment = 24 * 60 * 60 * 1_000;
}

/// The state of one pool.
#[derive(
	Clone, PartialEq, Eq, Debug, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo,
)]
pub struct Pool {
	/// The risk parameters.
	pub params: PoolParams,
	/// The pallet-assets id of the pool's LP token.
	pub lp_asset: AssetId,
	/// Units of the asset the pool holds (its account's balance of the asset).
	pub cash: Balance,
	/// Σ of the positions' scaled debts: borrows = `total_scaled_debt × borrow_index`.
	pub total_scaled_debt: Balance,
	/// The protocol's share of interest, owed to the treasury.
	pub total_reserves: Balance,
	/// LP tokens in existence.
	pub lp_supply: Balance,
	/// The borrow index: 1 at creation, grows with interest.
	pub borrow_index: Index,
	/// The time (milliseconds) up to which interest has accrued.
	pub last_accrued: Moment,
	/// Paused pools take no deposits and lend nothing; repayment and liquidation go on.
	pub paused: bool,
	/// The most the pool may commit to credit facilities (undrawn + drawn), set by governance.
	pub facility_cap: Balance,
	/// Σ facilities' undrawn commitments.
	pub facility_undrawn: Balance,
	/// Σ facilities' drawn principal: lent out, owned by the lenders.
	pub facility_drawn: Balance,
	/// Facility income (the lenders' share of interest, principal recovered after a write-off)
	/// received but not yet counted as the lenders': it unlocks linearly until `income_unlocks_at`,
	/// so a deposit just before a lump payment and a withdrawal just after capture nothing.
	pub income_locked: Balance,
	/// Up to when `income_locked` was last unlocked (milliseconds).
	pub income_locked_at: Moment,
	/// When all of `income_locked` is unlocked (milliseconds).
	pub income_unlocks_at: Moment,
}

/// How long facility income takes to unlock into what lenders own: thirty days, the period over
/// which a credit line's interest falls due.
pub const INCOME_UNLOCK_PERIOD: Moment = 30 * 24 * 60 * 60 * 1_000;

/// What an account owes one pool.
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	Debug,
	Default,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
)]
pub struct DebtPosition {
	/// The debt divided by the pool's borrow index: debt = `scaled × borrow_index`.
	pub scaled: Balance,
	/// The borrower's tier premium, an annual rate on top of the pool's rate.
	pub premium: Rate,
	/// Up to when (milliseconds) the premium has been charged.
	pub premium_since: Moment,
	/// The on-time service the position has earned since its last repayment: what the credit
	/// score counts (time outstanding, never the number of repayments).
	pub service: ServiceClock,
	/// Principal borrowed and not yet repaid (repayments pay interest first): what the credit
	/// registry counts as exposure.
	pub principal: Balance,
	/// Until when (milliseconds) a liquidation of this position counts as the delinquency
	/// already recorded: liquidations within `LiquidationDaysLate` days of the recorded one
	/// record nothing more, so dust liquidations cannot grief a score, while a borrower
	/// liquidated month after month is recorded each time.
	pub delinquent_until: Moment,
}

/// Which share of collateral value counts for a health check.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum CollateralWeight {
	/// Collateral factor: for borrowing and withdrawing.
	Borrowing,
	/// Liquidation threshold: for judging liquidation.
	Liquidation,
}

/// An account's weighted collateral and debt, in credit units.
#[derive(Clone, Copy, PartialEq, Eq, Debug, Default)]
pub struct Liquidity {
	/// Σ collateral value × weight, rounded down.
	pub weighted_collateral: Balance,
	/// Σ debt value, rounded up.
	pub debt: Balance,
	/// Σ collateral LP tokens held in custody, over all pools whose asset the check could
	/// price (what a liquidation can seize).
	pub collateral_lp: Balance,
}

impl Liquidity {
	/// Whether the debt is covered.
	pub fn is_healthy(&self) -> bool {
		self.weighted_collateral >= self.debt
	}

	/// Weighted collateral over debt; `None` without debt.
	pub fn health_factor(&self) -> Option<FixedU128> {
		(self.debt > 0).then(|| FixedU128::from_rational(self.weighted_collateral, self.debt))
	}
}
