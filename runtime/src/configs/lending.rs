//! Prices and lending: the oracle with its feeder set, the [`PriceProvider`] the lending pallets
//! read, the liquidity pools, P2P loans and SME finance.

use core::marker::PhantomData;

use frame_support::{
	parameter_types,
	traits::{ConstU128, ConstU32, ConstU64, EnsureOriginWithArg},
	PalletId,
};
use frame_system::EnsureRoot;
use sp_runtime::Permill;
use xindai_primitives::{
	interest::Rate,
	price::{Price, PriceFeeder, PriceProvider, TimestampedPrice},
	AssetId, Moment,
};

use crate::{
	governance::{EmergencyOrigin, RootOrRiskAdmin, RootOrUnderwriter, TreasuryAccount},
	AccountId, Assets, CreditRecords, Runtime, RuntimeEvent, Timestamp,
};

/// The feeder set of the oracle: managed by root only. Two feeders set every pool's price, so
/// choosing them is as powerful as root (see `governance::tracks`).
pub type OracleMembershipInstance = pallet_membership::Instance2;

impl pallet_membership::Config<OracleMembershipInstance> for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type AddOrigin = EnsureRoot<AccountId>;
	type RemoveOrigin = EnsureRoot<AccountId>;
	type SwapOrigin = EnsureRoot<AccountId>;
	type ResetOrigin = EnsureRoot<AccountId>;
	type PrimeOrigin = EnsureRoot<AccountId>;
	type MembershipInitialized = ();
	/// Removed feeders' last values are cleared.
	type MembershipChanged = crate::Oracle;
	type MaxMembers = ConstU32<16>;
	type WeightInfo = pallet_membership::weights::SubstrateWeight<Runtime>;
}

parameter_types! {
	pub const OraclePalletId: PalletId = PalletId(*b"xd/oracl");
	/// A price needs fresh values from at least two sources (feeders, or root as the oracle's own
	/// feed): one feeder alone never sets it. See [`super::oracle`].
	pub const OracleMinimumCount: u32 = 2;
	/// A feeder's value older than an hour no longer counts in the median.
	pub const OracleExpiresIn: Moment = 60 * 60 * 1_000;
	/// A combined price more than 50% away from the previous one (up or down) trips the circuit
	/// breaker: it is stored, but the asset cools off.
	pub const OracleMaxJump: Permill = Permill::from_percent(50);
	/// Values agree when they are within 10% of each other: the two middle values of an even
	/// count must, and all feeders' values must for a confirmation that ends a cooling-off.
	pub const OracleMaxSpread: Permill = Permill::from_percent(10);
	/// A cooling-off lasts 15 minutes (unless the whole feeder set confirms the price earlier):
	/// its price is stale for lending decisions meanwhile. Well below the hour a price stays
	/// fresh, so a confirmed crash is still fresh when liquidations resume.
	pub const OracleCoolingOff: Moment = 15 * 60 * 1_000;
}

impl pallet_oracle::Config for Runtime {
	type OnNewData = ();
	/// The median of at least two fresh values, with a circuit breaker on jumps.
	type CombineData = super::oracle::GuardedMedian<
		OracleMinimumCount,
		OracleExpiresIn,
		OracleMaxJump,
		OracleMaxSpread,
		OracleCoolingOff,
	>;
	type Time = Timestamp;
	/// Prices are keyed by pallet-assets id.
	type OracleKey = AssetId;
	/// Credit units (USDX's smallest unit) per smallest unit of the asset.
	type OracleValue = Price;
	type PalletId = OraclePalletId;
	type Members = crate::OracleMembership;
	type WeightInfo = crate::weights::pallet_oracle::WeightInfo<Runtime>;
	type MaxHasDispatchedSize = ConstU32<16>;
	type MaxFeedValues = OracleMaxFeedValues;
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = OracleBenchmarkFeed;
}

parameter_types! {
	/// The most prices one `feed_values` call carries.
	pub const OracleMaxFeedValues: u32 = 16;
}

/// The feed `pallet_oracle`'s benchmarks time: a full one, [`OracleMaxFeedValues`] prices for
/// distinct assets (the worst case a feeder can submit).
#[cfg(feature = "runtime-benchmarks")]
pub struct OracleBenchmarkFeed;
#[cfg(feature = "runtime-benchmarks")]
impl pallet_oracle::BenchmarkHelper<AssetId, Price, OracleMaxFeedValues> for OracleBenchmarkFeed {
	fn get_currency_id_value_pairs(
	) -> frame_support::BoundedVec<(AssetId, Price), OracleMaxFeedValues> {
		use sp_runtime::FixedPointNumber;
		let feed: alloc::vec::Vec<(AssetId, Price)> = (1..=OracleMaxFeedValues::get())
			.map(|asset| (asset, Price::saturating_from_integer(asset)))
			.collect();
		// At most `OracleMaxFeedValues` by construction.
		frame_support::BoundedVec::truncate_from(feed)
	}
}

/// Prices for the lending pallets: the oracle's combined value and when it was set — except
/// while the asset cools off after a jump ([`super::oracle`]): then the real value is reported as
/// last updated at the Unix epoch, stale for every price age, so borrowing and liquidating at it
/// wait while repayments (which take any price) go on.
pub struct OraclePrices;
impl PriceProvider for OraclePrices {
	fn price(asset: AssetId) -> Option<TimestampedPrice> {
		super::oracle::lending_price(asset)
			.map(|v| TimestampedPrice { price: v.value, updated_at: v.timestamp })
	}
}

/// Genesis prices are seeded as the oracle's combined value, stamped with genesis time (a root
/// feed alone would be one value, below the quorum).
pub struct OracleGenesisPrices;
impl PriceFeeder for OracleGenesisPrices {
	fn feed_price(asset: AssetId, price: Price) -> sp_runtime::DispatchResult {
		super::oracle::seed_price(asset, price);
		Ok(())
	}
}

/// LP tokens are `asset + LP_ASSET_ID_OFFSET`: `lpUSDX` is 1_000_001.
pub const LP_ASSET_ID_OFFSET: AssetId = 1_000_000;

/// Whether `id` is reserved for LP tokens: every id from [`LP_ASSET_ID_OFFSET`] up. Only the
/// liquidity-pools pallet (through `fungibles::Create`, which no origin check gates) and root
/// (`force_create`) create assets there.
pub const fn is_lp_asset_id(id: AssetId) -> bool {
	id >= LP_ASSET_ID_OFFSET
}

/// pallet-assets' `CreateOrigin`: whatever `Inner` accepts, for ids below the LP range only. So
/// nobody can take the LP token id a future pool needs (its creation would fail with
/// `LpAssetTaken`).
pub struct OutsideLpRange<Inner>(PhantomData<Inner>);
impl<O, Inner: EnsureOriginWithArg<O, AssetId>> EnsureOriginWithArg<O, AssetId>
	for OutsideLpRange<Inner>
{
	type Success = Inner::Success;

	fn try_origin(o: O, id: &AssetId) -> Result<Self::Success, O> {
		if is_lp_asset_id(*id) {
			return Err(o);
		}
		Inner::try_origin(o, id)
	}

	#[cfg(feature = "runtime-benchmarks")]
	fn try_successful_origin(id: &AssetId) -> Result<O, ()> {
		if is_lp_asset_id(*id) {
			return Err(());
		}
		Inner::try_successful_origin(id)
	}
}

/// Credit units (USDX's smallest unit) per USDX.
pub const USDX_UNIT: u128 = 1_000_000;

parameter_types! {
	pub const LiquidityPoolsPalletId: PalletId = PalletId(*b"xd/pools");
	/// A tier premium adds at most 20% a year to a pool's borrow rate.
	pub const MaxPoolRatePremium: Rate = Rate::from_rational(20, 100);
}

impl pallet_liquidity_pools::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type Assets = Assets;
	type Time = Timestamp;
	type Prices = OraclePrices;
	type GenesisPrices = OracleGenesisPrices;
	type Credit = CreditRecords;
	type RiskOrigin = RootOrRiskAdmin;
	/// Root, the risk-admin track, or 2/3 of the risk council.
	type PauseOrigin = EmergencyOrigin;
	type PalletId = LiquidityPoolsPalletId;
	type TreasuryAccount = TreasuryAccount;
	type LpAssetIdOffset = ConstU32<LP_ASSET_ID_OFFSET>;
	/// 10,000 smallest units of each asset are locked by a pool's first deposit: at least the
	/// dev assets' minimum balances (1 cent of USDX, 1,000 satoshi of XBTC), so the pool account
	/// never holds dust.
	type MinimumLiquidity = ConstU128<10_000>;
	type MaxAssetsPerAccount = ConstU32<4>;
	/// Prices older than an hour are stale until governance says otherwise.
	type DefaultMaxPriceAge = ConstU64<{ 60 * 60 * 1_000 }>;
	type MaxRatePremium = MaxPoolRatePremium;
	/// Debts worth at most 10 USDX may be liquidated whole.
	type DustValue = ConstU128<{ 10 * USDX_UNIT }>;
	/// A liquidation counts as a payment 30 days late in the credit history.
	type LiquidationDaysLate = ConstU32<30>;
	type WeightInfo = crate::weights::pallet_liquidity_pools::WeightInfo<Runtime>;
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = benchmark_helper::LendingBenchmarkHelper;
}

#[cfg(feature = "runtime-benchmarks")]
mod benchmark_helper {
	use super::*;
	use crate::AccountId;
	use frame_support::traits::{
		fungible::Mutate as _,
		fungibles::{metadata::Mutate as _, Create, Inspect, Mutate},
	};

	/// Assets via pallet-assets, prices seeded as the oracle's combined value, a verified
	/// borrower via credit records' benchmark path.
	pub struct LendingBenchmarkHelper;
	impl pallet_p2p_loans::BenchmarkHelper<AccountId> for LendingBenchmarkHelper {
		fn create_asset_and_fund(asset: AssetId, who: &AccountId) {
			<Self as pallet_liquidity_pools::BenchmarkHelper<AccountId>>::create_asset_and_fund(
				asset, who,
			)
		}
		fn set_price(asset: AssetId, price: Price) {
			<Self as pallet_liquidity_pools::BenchmarkHelper<AccountId>>::set_price(asset, price)
		}
		fn make_eligible(who: &AccountId) {
			<Self as pallet_liquidity_pools::BenchmarkHelper<AccountId>>::make_eligible(who)
		}
		fn set_time(now: Moment) {
			pallet_timestamp::Now::<Runtime>::put(now);
		}
		fn make_collection_agent(who: &AccountId) {
			pallet_credit_records::Pallet::<Runtime>::benchmark_admit_verifier(
				who,
				xindai_primitives::credit::VerifierKind::CollectionAgent,
			);
		}
	}

	impl pallet_sme_finance::BenchmarkHelper<AccountId> for LendingBenchmarkHelper {
		fn create_asset_and_fund(asset: AssetId, who: &AccountId) {
			<Self as pallet_liquidity_pools::BenchmarkHelper<AccountId>>::create_asset_and_fund(
				asset, who,
			)
		}
		fn make_enterprise(who: &AccountId) {
			pallet_credit_records::Pallet::<Runtime>::benchmark_make_enterprise(who);
		}
		fn make_verified(who: &AccountId) {
			pallet_credit_records::Pallet::<Runtime>::benchmark_make_eligible(who);
		}
		fn make_verifier(who: &AccountId, kind: xindai_primitives::credit::VerifierKind) {
			pallet_credit_records::Pallet::<Runtime>::benchmark_admit_verifier(who, kind);
		}
		fn fund_pool(asset: AssetId, cap: crate::Balance) {
			use crate::{LiquidityPools, RuntimeOrigin};
			// The dev USDX pool's parameters, without its caps.
			let params = pallet_liquidity_pools::types::PoolParams {
				supply_cap: crate::Balance::MAX / 4,
				borrow_cap: crate::Balance::MAX / 4,
				..crate::genesis_config_presets::usdx::pool_params()
			};
			Self::create_asset_and_fund(asset, &LiquidityPools::account_id());
			let _ = LiquidityPools::create_pool(RuntimeOrigin::root(), asset, params);
			let lender = AccountId::new([8u8; 32]);
			Self::create_asset_and_fund(asset, &lender);
			let _ = LiquidityPools::deposit(
				RuntimeOrigin::signed(lender),
				asset,
				cap.saturating_mul(2),
			);
			let _ = LiquidityPools::set_facility_cap(RuntimeOrigin::root(), asset, cap);
		}
		fn set_price(asset: AssetId, price: Price) {
			<Self as pallet_liquidity_pools::BenchmarkHelper<AccountId>>::set_price(asset, price)
		}
		/// Moves the clock, and re-stamps every price at the new time: a benchmark that jumps
		/// days ahead measures the priced path, not a refusal on stale prices.
		fn set_time(now: Moment) {
			pallet_timestamp::Now::<Runtime>::put(now);
			let prices: alloc::vec::Vec<(AssetId, Price)> =
				pallet_oracle::Values::<Runtime>::iter()
					.map(|(asset, feed)| (asset, feed.value))
					.collect();
			for (asset, price) in prices {
				crate::configs::oracle::seed_price(asset, price);
			}
		}
	}

	impl pallet_liquidity_pools::BenchmarkHelper<AccountId> for LendingBenchmarkHelper {
		fn create_asset_and_fund(asset: AssetId, who: &AccountId) {
			let owner = AccountId::new([7u8; 32]);
			let _ = crate::Balances::mint_into(&owner, 1_000 * crate::XDI);
			let _ = crate::Balances::mint_into(who, 1_000 * crate::XDI);
			if !Assets::asset_exists(asset) {
				let _ = <Assets as Create<AccountId>>::create(asset, owner.clone(), true, 1);
				let _ = Assets::set(asset, &owner, b"Bench".to_vec(), b"BEN".to_vec(), 6);
				// No custody reserve: only the dev assets get one at genesis, so the first
				// payment of a new asset into custody creates its account, and the benchmarks
				// measure that.
			}
			let _ = <Assets as Mutate<AccountId>>::mint_into(asset, who, 1_000_000_000_000_000);
		}
		fn set_price(asset: AssetId, price: Price) {
			// A root feed alone is below the oracle's quorum: seed the combined price.
			crate::configs::oracle::seed_price(asset, price);
		}
		fn make_eligible(who: &AccountId) {
			pallet_credit_records::Pallet::<Runtime>::benchmark_make_eligible(who);
		}
	}
}

parameter_types! {
	pub const P2pLoansPalletId: PalletId = PalletId(*b"xd/p2plo");
	/// A loan record with the longest schedule is about 3 KB.
	pub const LoanRequestDeposit: crate::Balance = crate::configs::deposit(2, 3_000);
	/// A listing of loan shares: one item of about 100 bytes.
	pub const LoanListingDeposit: crate::Balance = crate::configs::deposit(1, 100);
	/// No P2P loan may carry more than 60% a year.
	pub const MaxP2pAnnualRate: Rate = Rate::from_rational(60, 100);
}

impl pallet_p2p_loans::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type Assets = Assets;
	type Currency = crate::Balances;
	type RuntimeHoldReason = crate::RuntimeHoldReason;
	type Time = Timestamp;
	type Prices = OraclePrices;
	type Credit = CreditRecords;
	type Collections = CreditRecords;
	/// An assigned collection agent sees the borrower's contact file for 90 days (renewable
	/// by the majority).
	type CollectionAccessPeriod = ConstU64<{ 90 * 24 * 60 * 60 * 1_000 }>;
	/// Grace, penalty, default threshold, LTVs, reward and price age: root or risk_admin.
	type RiskOrigin = RootOrRiskAdmin;
	type PalletId = P2pLoansPalletId;
	type RequestDeposit = LoanRequestDeposit;
	type ListingDeposit = LoanListingDeposit;
	/// Four years of monthly instalments.
	type MaxInstalments = ConstU32<48>;
	/// Between a day and a year between instalments.
	type MinPeriod = ConstU64<{ 24 * 60 * 60 }>;
	type MaxPeriod = ConstU64<{ 365 * 24 * 60 * 60 }>;
	type MaxAnnualRate = MaxP2pAnnualRate;
	/// A request may wait for lenders up to 90 days.
	type MaxFundingWindow = ConstU64<{ 90 * 24 * 60 * 60 * 1_000 }>;
	type MaxOpenRequests = ConstU32<5>;
	type MaxLoansPerLender = ConstU32<64>;
	type MaxListingsPerLoan = ConstU32<16>;
	type SweepBatch = ConstU32<8>;
	type WeightInfo = crate::weights::pallet_p2p_loans::WeightInfo<Runtime>;
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = benchmark_helper::LendingBenchmarkHelper;
}

parameter_types! {
	pub const SmeFinancePalletId: PalletId = PalletId(*b"xd/smefi");
	/// A credit line with the most milestones is about 1 KB.
	pub const SmeRecordDeposit: crate::Balance = crate::configs::deposit(1, 1_000);
	/// No credit line may carry more than 60% a year.
	pub const MaxSmeAnnualRate: Rate = Rate::from_rational(60, 100);
}

impl pallet_sme_finance::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type Assets = Assets;
	type Currency = crate::Balances;
	type RuntimeHoldReason = crate::RuntimeHoldReason;
	type Time = Timestamp;
	type Credit = CreditRecords;
	type Enterprises = CreditRecords;
	/// Pool-funded lines borrow from the liquidity pools through credit facilities.
	type Facilities = crate::LiquidityPools;
	type Collections = CreditRecords;
	/// As for P2P loans: 90 days, renewable.
	type CollectionAccessPeriod = ConstU64<{ 90 * 24 * 60 * 60 * 1_000 }>;
	/// Root or the underwriter track.
	type UnderwriterOrigin = RootOrUnderwriter;
	/// Grace, penalty, default threshold and invoice-financing limits: root or risk_admin.
	type RiskOrigin = RootOrRiskAdmin;
	type PalletId = SmeFinancePalletId;
	type RecordDeposit = SmeRecordDeposit;
	type MaxMilestones = ConstU32<8>;
	/// 25 years of quarterly and annual reports (the limit is for life: filings are records).
	type MaxFilings = ConstU32<128>;
	type MaxLinesPerEnterprise = ConstU32<8>;
	type MaxOpenInvoices = ConstU32<64>;
	type MaxAnnualRate = MaxSmeAnnualRate;
	/// Lines run from a month to five years.
	type MinTerm = ConstU64<{ 30 * 24 * 60 * 60 }>;
	type MaxTerm = ConstU64<{ 5 * 365 * 24 * 60 * 60 }>;
	/// Interest falls due every 30 days.
	type InterestPeriod = ConstU64<{ 30 * 24 * 60 * 60 }>;
	/// Invoices are due within 180 days.
	type MaxInvoiceTerm = ConstU64<{ 180 * 24 * 60 * 60 * 1_000 }>;
	/// An ended invoice's document cannot be invoiced again for two years.
	type InvoiceHashRetention = ConstU64<{ 2 * 365 * 24 * 60 * 60 * 1_000 }>;
	type WeightInfo = crate::weights::pallet_sme_finance::WeightInfo<Runtime>;
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = benchmark_helper::LendingBenchmarkHelper;
}

#[cfg(test)]
mod tests {
	use super::*;
	use crate::{AccountId, RuntimeOrigin};

	/// The runtime's asset-creation origin, as pallet-assets calls it.
	type CreateOrigin = <Runtime as pallet_assets::Config>::CreateOrigin;

	fn create_origin(origin: RuntimeOrigin, id: AssetId) -> Option<AccountId> {
		<CreateOrigin as EnsureOriginWithArg<RuntimeOrigin, AssetId>>::ensure_origin(origin, &id)
			.ok()
	}

	#[test]
	fn the_lp_range_starts_at_the_offset() {
		assert!(!is_lp_asset_id(0));
		assert!(!is_lp_asset_id(LP_ASSET_ID_OFFSET - 1));
		assert!(is_lp_asset_id(LP_ASSET_ID_OFFSET));
		assert!(is_lp_asset_id(LP_ASSET_ID_OFFSET + 1), "lpUSDX");
		assert!(is_lp_asset_id(AssetId::MAX));
	}

	#[test]
	fn signed_asset_creation_is_refused_in_the_lp_range() {
		let alice = AccountId::new([1; 32]);
		let signed = || RuntimeOrigin::signed(alice.clone());
		let lp = LP_ASSET_ID_OFFSET;
		for id in [lp, lp + 1, lp + 2, AssetId::MAX] {
			assert_eq!(create_origin(signed(), id), None, "id {id}");
		}
		for id in [0, 1, 3, LP_ASSET_ID_OFFSET - 1] {
			assert_eq!(create_origin(signed(), id), Some(alice.clone()));
			// Root creates assets with `force_create`, not through this origin.
			assert_eq!(create_origin(RuntimeOrigin::root(), id), None);
		}
	}
}
