//! Test runtime: balances for deposits, timestamp for the clock, root for both admin origins.

use crate as pallet_credit_records;
use frame_support::{
	derive_impl, parameter_types,
	traits::{ConstBool, ConstU128, ConstU16, ConstU32, ConstU64},
	BoundedVec,
};
use frame_support::{ord_parameter_types, traits::EitherOfDiverse};
use frame_system::{EnsureRoot, EnsureSignedBy};
use sp_core::H256;
use sp_runtime::BuildStorage;
use xindai_primitives::{
	credit::{CreditProduct, CreditRegistry, PositionKey},
	price::{Price, PriceProvider, TimestampedPrice},
	service::{Repayment, Service},
	AssetId, Moment,
};

use crate::types::*;

pub type AccountId = u64;
pub type Balance = u128;
type Block = frame_system::mocking::MockBlock<Test>;

frame_support::construct_runtime!(
	pub enum Test {
		System: frame_system,
		Timestamp: pallet_timestamp,
		Balances: pallet_balances,
		CreditRecords: pallet_credit_records,
	}
);

#[derive_impl(frame_system::config_preludes::TestDefaultConfig)]
impl frame_system::Config for Test {
	type Block = Block;
	type AccountData = pallet_balances::AccountData<Balance>;
}

#[derive_impl(pallet_balances::config_preludes::TestDefaultConfig)]
impl pallet_balances::Config for Test {
	type Balance = Balance;
	type AccountStore = System;
	type ExistentialDeposit = ConstU128<1>;
	type RuntimeHoldReason = RuntimeHoldReason;
}

impl pallet_timestamp::Config for Test {
	type Moment = Moment;
	type OnTimestampSet = ();
	type MinimumPeriod = ConstU64<1>;
	type WeightInfo = ();
}

/// The deposit of a profile.
pub const PROFILE_DEPOSIT: Balance = 100;
/// The base deposit of a grant.
pub const GRANT_DEPOSIT_BASE: Balance = 10;
/// The deposit per envelope byte.
pub const GRANT_DEPOSIT_PER_BYTE: Balance = 1;
/// One day in milliseconds.
pub const DAY: Moment = MILLISECONDS_PER_DAY;
/// The clock at the start of every test: 1 January 2026.
pub const START: Moment = 1_767_225_600_000;

ord_parameter_types! {
	/// May freeze and unfreeze, nothing else.
	pub const EmergencyCouncil: AccountId = 42;
	/// Reviews monitoring flags, nothing else.
	pub const RiskCouncil: AccountId = 43;
}

parameter_types! {
	pub const MaxGrantDuration: Moment = 365 * DAY;
	pub const MaxExposureCap: u128 = 1_000_000 * CREDIT_UNIT;
}

impl pallet_credit_records::Config for Test {
	type RuntimeEvent = RuntimeEvent;
	type Currency = Balances;
	type RuntimeHoldReason = RuntimeHoldReason;
	type Time = Timestamp;
	type VerifierAdminOrigin = EnsureRoot<AccountId>;
	type RiskOrigin = EnsureRoot<AccountId>;
	/// Root, or the stand-in for an emergency council.
	type FreezeOrigin =
		EitherOfDiverse<EnsureRoot<AccountId>, EnsureSignedBy<EmergencyCouncil, AccountId>>;
	/// The stand-in for the risk council.
	type ReviewOrigin = EnsureSignedBy<RiskCouncil, AccountId>;
	type ProfileDeposit = ConstU128<PROFILE_DEPOSIT>;
	type GrantDepositBase = ConstU128<GRANT_DEPOSIT_BASE>;
	type GrantDepositPerByte = ConstU128<GRANT_DEPOSIT_PER_BYTE>;
	type MaxVerifiers = ConstU32<3>;
	type MaxNameLength = ConstU32<16>;
	type MaxAttestations = ConstU32<3>;
	type MaxGrants = ConstU32<2>;
	type MaxEnvelopeLength = ConstU32<64>;
	type MaxGrantDuration = MaxGrantDuration;
	type MaxTiers = ConstU32<8>;
	type MaxExposureCap = MaxExposureCap;
	type MaxRatePremiumBps = ConstU16<2_000>;
	type FreezeOnDefault = ConstBool<true>;
	/// One USDX.
	type MinCountedRepayment = ConstU128<CREDIT_UNIT>;
	type CreditAsset = ConstU32<USDX>;
	type Prices = MockPrices;
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkPrices = MockPrices;
	type MaxPriceAge = ConstU64<{ 60 * 60 * 1_000 }>;
	type MaxPositions = ConstU32<3>;
	type MaxAccountsPerPerson = ConstU32<3>;
	type HistoryRetention = ConstU64<{ 5 * 365 * DAY }>;
	type PoolRates = MockPoolRates;
	/// Fifteen months.
	type RevenueValidity = ConstU64<{ 456 * DAY }>;
	type WeightInfo = ();
}

std::thread_local! {
	static POOL_RATE: core::cell::Cell<Option<xindai_primitives::interest::Rate>> =
		const { core::cell::Cell::new(None) };
}

/// Every pool's borrowing rate, as [`set_pool_rate`] set it (none by default).
pub struct MockPoolRates;
impl xindai_primitives::capacity::PoolRates for MockPoolRates {
	fn borrow_rate(_: AssetId) -> Option<xindai_primitives::interest::Rate> {
		POOL_RATE.with(|r| r.get())
	}
}

/// Sets every pool's borrowing rate.
pub fn set_pool_rate(rate: xindai_primitives::interest::Rate) {
	POOL_RATE.with(|r| r.set(Some(rate)));
}

/// The reference stablecoin: one unit is one credit unit.
pub const USDX: AssetId = 1;
/// A second lending asset: 600 credit units per unit (60,000 USDX a bitcoin of 8 decimals).
pub const XBTC: AssetId = 2;
/// An asset without a price.
pub const UNPRICED: AssetId = 3;
/// Pool borrowing in USDX: the position most tests use.
pub const POOL_USDX: PositionKey = PositionKey::new(CreditProduct::Pools, USDX);
/// P2P lending in USDX.
pub const P2P_USDX: PositionKey = PositionKey::new(CreditProduct::P2pLoans, USDX);
/// Pool borrowing in XBTC.
pub const POOL_XBTC: PositionKey = PositionKey::new(CreditProduct::Pools, XBTC);

std::thread_local! {
	static PRICE_OVERRIDES: core::cell::RefCell<std::collections::BTreeMap<AssetId, TimestampedPrice>> =
		const { core::cell::RefCell::new(std::collections::BTreeMap::new()) };
}

/// Sets `asset`'s price, stamped `updated_at` (instead of the always-fresh default).
pub fn set_price_at(asset: AssetId, price: Price, updated_at: Moment) {
	PRICE_OVERRIDES.with(|p| p.borrow_mut().insert(asset, TimestampedPrice { price, updated_at }));
}

/// USDX at 1 and XBTC at 600 credit units, always fresh, unless a test set another price.
pub struct MockPrices;
impl xindai_primitives::price::PriceFeeder for MockPrices {
	fn feed_price(asset: AssetId, price: Price) -> sp_runtime::DispatchResult {
		set_price_at(asset, price, pallet_timestamp::Now::<Test>::get());
		Ok(())
	}
}
impl PriceProvider for MockPrices {
	fn price(asset: AssetId) -> Option<TimestampedPrice> {
		if let Some(quote) = PRICE_OVERRIDES.with(|p| p.borrow().get(&asset).copied()) {
			return Some(quote);
		}
		let updated_at = pallet_timestamp::Now::<Test>::get();
		match asset {
			USDX => Some(TimestampedPrice { price: Price::from_u32(1), updated_at }),
			XBTC => Some(TimestampedPrice { price: Price::from_u32(600), updated_at }),
			_ => None,
		}
	}
}

/// Accounts used in tests.
pub const ALICE: AccountId = 1;
pub const BOB: AccountId = 2;
pub const CHARLIE: AccountId = 3;
/// A KYC provider admitted at genesis.
pub const KYC: AccountId = 10;
/// An auditor admitted at genesis.
pub const AUDITOR: AccountId = 11;
/// An account tests admit as a credit bureau or collection agent.
pub const BUREAU: AccountId = 12;
/// An account with no funds.
pub const PAUPER: AccountId = 99;

/// The document commitment used in tests.
pub fn docs(n: u8) -> H256 {
	H256::repeat_byte(n)
}

/// A bounded verifier name.
pub fn name(s: &str) -> BoundedVec<u8, ConstU32<16>> {
	s.as_bytes().to_vec().try_into().expect("short test name")
}

/// Builds test externalities.
pub struct ExtBuilder {
	balances: Vec<(AccountId, Balance)>,
}

impl Default for ExtBuilder {
	fn default() -> Self {
		Self {
			balances: vec![
				(ALICE, 10_000),
				(BOB, 10_000),
				(CHARLIE, 10_000),
				(KYC, 10_000),
				(AUDITOR, 10_000),
			],
		}
	}
}

impl ExtBuilder {
	pub fn build(self) -> sp_io::TestExternalities {
		let mut storage = frame_system::GenesisConfig::<Test>::default().build_storage().unwrap();
		pallet_balances::GenesisConfig::<Test> { balances: self.balances, ..Default::default() }
			.assimilate_storage(&mut storage)
			.unwrap();
		pallet_credit_records::GenesisConfig::<Test> {
			tier_table: vec![],
			verifiers: vec![
				(KYC, VerifierKind::KycProvider, b"KYC Co".to_vec()),
				(AUDITOR, VerifierKind::Auditor, b"Audit Co".to_vec()),
			],
			capacity_params: None,
		}
		.assimilate_storage(&mut storage)
		.unwrap();
		PRICE_OVERRIDES.with(|p| p.borrow_mut().clear());
		let mut ext = sp_io::TestExternalities::new(storage);
		ext.execute_with(|| {
			System::set_block_number(1);
			pallet_timestamp::Now::<Test>::put(START);
		});
		ext
	}

	/// Runs `test`, then checks the pallet's invariants.
	pub fn build_and_execute(self, test: impl FnOnce()) {
		self.build().execute_with(|| {
			test();
			CreditRecords::do_try_state().expect("try_state after the test");
		})
	}
}

/// Moves the clock forward by `ms`.
pub fn advance(ms: Moment) {
	pallet_timestamp::Now::<Test>::mutate(|now| *now += ms);
}

/// The current time.
pub fn now() -> Moment {
	pallet_timestamp::Now::<Test>::get()
}

/// The events of this pallet so far.
pub fn credit_events() -> Vec<crate::Event<Test>> {
	System::events()
		.into_iter()
		.filter_map(|record| match record.event {
			RuntimeEvent::CreditRecords(event) => Some(event),
			_ => None,
		})
		.collect()
}

/// A payment of `amount` that proves nothing about behaviour.
pub fn unscored(amount: Balance) -> Repayment {
	Repayment::unscored(amount)
}

/// A payment of `amount` made `days_late` days late.
pub fn late(amount: Balance, days_late: u32) -> Repayment {
	Repayment::late(amount, days_late)
}

/// An on-time payment of `amount` completing `days` of service of `principal`.
pub fn served(amount: Balance, principal: Balance, days: u64) -> Repayment {
	Repayment {
		amount,
		days_late: 0,
		served: Service { principal, duration: days * DAY },
		by_borrower: true,
	}
}

/// Lets `days` pass, then reports an on-time month-worth payment: `days` of service of
/// `principal`.
pub fn serve_for(who: AccountId, principal: Balance, days: u64) {
	advance(days * DAY);
	frame_support::assert_ok!(<CreditRecords as CreditRegistry<AccountId>>::note_repaid(
		&who,
		POOL_USDX,
		served(0, principal, days)
	));
}

/// Principal `who` owes across its positions, in their assets' units.
pub fn owed(who: AccountId) -> Balance {
	crate::Positions::<Test>::iter_prefix(who).map(|(_, position)| position.owed).sum()
}

/// Credit committed to `who` across its positions, in their assets' units.
pub fn committed(who: AccountId) -> Balance {
	crate::Positions::<Test>::iter_prefix(who).map(|(_, position)| position.committed).sum()
}
