//! Test runtime: balances and assets as in the chain; a clock; prices and the credit registry as
//! small in-memory stand-ins whose every input a test controls (the real ones are exercised by
//! the runtime's e2e tests).

use crate as pallet_liquidity_pools;
use frame_support::{
	derive_impl, ord_parameter_types, parameter_types,
	traits::{AsEnsureOriginWithArg, ConstU128, ConstU32, ConstU64, EitherOfDiverse},
	PalletId,
};
use frame_system::{EnsureRoot, EnsureSigned, EnsureSignedBy};
use sp_runtime::{BuildStorage, Permill};
use xindai_primitives::{interest::Rate, price::Price, AssetId, Balance, Moment};

use crate::types::*;

pub type AccountId = u64;
type Block = frame_system::mocking::MockBlock<Test>;

frame_support::construct_runtime!(
	pub enum Test {
		System: frame_system,
		Timestamp: pallet_timestamp,
		Balances: pallet_balances,
		Assets: pallet_assets,
		LiquidityPools: pallet_liquidity_pools,
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
}

impl pallet_timestamp::Config for Test {
	type Moment = Moment;
	type OnTimestampSet = ();
	type MinimumPeriod = ConstU64<1>;
	type WeightInfo = ();
}

#[derive_impl(pallet_assets::config_preludes::TestDefaultConfig)]
impl pallet_assets::Config for Test {
	type Balance = Balance;
	type AssetId = AssetId;
	type AssetIdParameter = AssetId;
	type Currency = Balances;
	type CreateOrigin = AsEnsureOriginWithArg<EnsureSigned<AccountId>>;
	type ForceOrigin = EnsureRoot<AccountId>;
	type Freezer = ();
}

/// The stablecoin: 6 decimals, price 1 credit unit per unit.
pub const USDX: AssetId = 1;
/// The collateral asset: 8 decimals, 600 credit units per unit (60,000 USDX per XBTC).
pub const XBTC: AssetId = 2;
/// A third asset, without a pool unless a test makes one.
pub const XETH: AssetId = 3;
/// LP tokens are `asset + LP_OFFSET`.
pub const LP_OFFSET: AssetId = 1_000_000;
/// LP tokens locked by a first deposit.
pub const MIN_LIQUIDITY: Balance = 1_000;
/// One USDX.
pub const DOLLAR: Balance = 1_000_000;
/// One XBTC.
pub const BTC: Balance = 100_000_000;
/// Lender, borrower, liquidator, and an unverified account.
pub const ALICE: AccountId = 1;
pub const BOB: AccountId = 2;
pub const CHARLIE: AccountId = 3;
pub const DAVE: AccountId = 4;
/// The treasury account.
pub const TREASURY: AccountId = 99;
/// May pause pools, nothing else (a stand-in for the risk council).
pub const COUNCIL: AccountId = 42;
/// The clock at the start of every test: 1 January 2026.
pub const START: Moment = 1_767_225_600_000;
/// One day in milliseconds.
pub const DAY: Moment = 24 * 60 * 60 * 1_000;
/// A year in milliseconds.
pub const YEAR: Moment = 365 * DAY;

ord_parameter_types! {
	pub const Council: AccountId = COUNCIL;
}

parameter_types! {
	pub const LiquidityPalletId: PalletId = PalletId(*b"xd/pools");
	pub const Treasury: AccountId = TREASURY;
	pub const MaxRatePremium: Rate = Rate::from_rational(20, 100);
}

pub use xindai_primitives::testing::{
	credit_notes, exposure, set_exposure_cap, set_premium_bps, verify, CreditNote, TestCredit,
	TestPrices,
};

/// Sets `asset`'s price now.
pub fn set_price(asset: AssetId, price: Price) {
	xindai_primitives::testing::set_price_at(asset, price, Timestamp::get());
}

/// Benchmarks in the test runtime: assets through pallet-assets, prices and eligibility in the
/// stand-ins.
#[cfg(feature = "runtime-benchmarks")]
pub struct TestBenchmarkHelper;
#[cfg(feature = "runtime-benchmarks")]
impl crate::BenchmarkHelper<AccountId> for TestBenchmarkHelper {
	fn create_asset_and_fund(asset: AssetId, who: &AccountId) {
		create_asset(asset, b"XBEN", 8);
		let _ = Balances::force_set_balance(RuntimeOrigin::root(), *who, 1_000_000_000_000);
		assert!(
			Assets::mint(RuntimeOrigin::signed(OWNER), asset, *who, 1_000_000_000_000_000).is_ok()
		);
	}
	fn set_price(asset: AssetId, price: Price) {
		set_price(asset, price);
	}
	fn make_eligible(who: &AccountId) {
		verify(*who);
	}
}

/// Owner of the test assets.
pub const OWNER: AccountId = 100;

impl pallet_liquidity_pools::Config for Test {
	type RuntimeEvent = RuntimeEvent;
	type Assets = Assets;
	type Time = Timestamp;
	type Prices = TestPrices;
	type GenesisPrices = TestPrices;
	type Credit = TestCredit;
	type RiskOrigin = EnsureRoot<AccountId>;
	type PauseOrigin = EitherOfDiverse<EnsureRoot<AccountId>, EnsureSignedBy<Council, AccountId>>;
	type PalletId = LiquidityPalletId;
	type TreasuryAccount = Treasury;
	type LpAssetIdOffset = ConstU32<LP_OFFSET>;
	type MinimumLiquidity = ConstU128<MIN_LIQUIDITY>;
	type MaxAssetsPerAccount = ConstU32<4>;
	type DefaultMaxPriceAge = ConstU64<{ 60 * 60 * 1_000 }>;
	type MaxRatePremium = MaxRatePremium;
	/// 10 USDX.
	type DustValue = ConstU128<{ 10 * DOLLAR }>;
	type LiquidationDaysLate = ConstU32<30>;
	type WeightInfo = ();
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = TestBenchmarkHelper;
}

/// Parameters close to what the chain's dev preset uses.
pub fn usdx_params() -> PoolParams {
	PoolParams {
		collateral_factor: Permill::from_percent(80),
		liquidation_threshold: Permill::from_percent(85),
		liquidation_incentive: Permill::from_percent(8),
		close_factor: Permill::from_percent(50),
		reserve_factor: Permill::from_percent(10),
		rate_model: JumpRateModel::stablecoin(),
		supply_cap: 100_000_000 * DOLLAR,
		borrow_cap: 80_000_000 * DOLLAR,
	}
}

/// The collateral asset's parameters.
pub fn xbtc_params() -> PoolParams {
	PoolParams {
		collateral_factor: Permill::from_percent(70),
		liquidation_threshold: Permill::from_percent(75),
		liquidation_incentive: Permill::from_percent(10),
		supply_cap: 10_000 * BTC,
		borrow_cap: 5_000 * BTC,
		..usdx_params()
	}
}

/// Creates a pallet-assets asset with metadata, owned by [`OWNER`].
pub fn create_asset(id: AssetId, symbol: &[u8], decimals: u8) {
	if pallet_assets::Asset::<Test>::contains_key(id) {
		return;
	}
	assert!(Assets::force_create(RuntimeOrigin::root(), id, OWNER, true, 1).is_ok());
	assert!(Assets::set_metadata(
		RuntimeOrigin::signed(OWNER),
		id,
		symbol.to_vec(),
		symbol.to_vec(),
		decimals
	)
	.is_ok());
}

/// Mints `amount` of `asset` to `who`.
pub fn mint(asset: AssetId, who: AccountId, amount: Balance) {
	assert!(Assets::mint(RuntimeOrigin::signed(OWNER), asset, who, amount).is_ok());
}

/// The asset balance of `who`.
pub fn balance(asset: AssetId, who: AccountId) -> Balance {
	<Assets as frame_support::traits::fungibles::Inspect<AccountId>>::balance(asset, &who)
}

/// The pallet account.
pub fn pool_account() -> AccountId {
	LiquidityPools::account_id()
}

/// Moves the clock forward by `ms`.
pub fn advance(ms: Moment) {
	Timestamp::set_timestamp(Timestamp::get() + ms);
}

/// Three assets (USDX, XBTC, XETH) with metadata; USDX and XBTC pools; fresh prices; Alice,
/// Bob, Charlie funded; Bob and Charlie verified. Alice is not verified but lends.
pub fn new_test_ext() -> sp_io::TestExternalities {
	let mut storage = frame_system::GenesisConfig::<Test>::default().build_storage().unwrap();
	pallet_balances::GenesisConfig::<Test> {
		balances: vec![
			(ALICE, 1_000_000),
			(BOB, 1_000_000),
			(CHARLIE, 1_000_000),
			(DAVE, 1_000_000),
			(OWNER, 1_000_000),
			(LiquidityPools::account_id(), 1_000_000),
		],
		..Default::default()
	}
	.assimilate_storage(&mut storage)
	.unwrap();
	let mut ext = sp_io::TestExternalities::new(storage);
	ext.execute_with(|| {
		System::set_block_number(1);
		Timestamp::set_timestamp(START);
		xindai_primitives::testing::reset();
		create_asset(USDX, b"USDX", 6);
		create_asset(XBTC, b"XBTC", 8);
		create_asset(XETH, b"XETH", 18);
		// Custody's reserve of each asset, outside the books (see `xindai_primitives::custody`).
		for asset in [USDX, XBTC, XETH] {
			mint(asset, LiquidityPools::account_id(), 1);
		}
		for who in [ALICE, BOB, CHARLIE, DAVE] {
			mint(USDX, who, 10_000_000 * DOLLAR);
			mint(XBTC, who, 100 * BTC);
		}
		assert!(LiquidityPools::create_pool(RuntimeOrigin::root(), USDX, usdx_params()).is_ok());
		assert!(LiquidityPools::create_pool(RuntimeOrigin::root(), XBTC, xbtc_params()).is_ok());
		set_price(USDX, Price::from_u32(1));
		set_price(XBTC, Price::from_u32(600));
		verify(BOB);
		verify(CHARLIE);
		System::reset_events();
	});
	ext
}

/// Runs `test` in a fresh test externality and checks the pallet's invariants after it.
pub fn run_test(test: impl FnOnce()) {
	new_test_ext().execute_with(|| {
		test();
		LiquidityPools::do_try_state().expect("invariants hold after the test");
		xindai_primitives::testing::assert_assets_conserved::<Test, ()>();
	});
}

/// The last event of this pallet.
pub fn last_event() -> pallet_liquidity_pools::Event<Test> {
	System::events()
		.into_iter()
		.filter_map(|r| match r.event {
			RuntimeEvent::LiquidityPools(e) => Some(e),
			_ => None,
		})
		.next_back()
		.expect("an event of the pallet")
}

/// Every event of this pallet so far.
pub fn pool_events() -> Vec<pallet_liquidity_pools::Event<Test>> {
	System::events()
		.into_iter()
		.filter_map(|r| match r.event {
			RuntimeEvent::LiquidityPools(e) => Some(e),
			_ => None,
		})
		.collect()
}
