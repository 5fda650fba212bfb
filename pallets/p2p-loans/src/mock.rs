//! Test runtime: balances (deposits) and assets as in the chain, a clock, and the shared
//! stand-ins for prices and the credit registry (`xindai_primitives::testing`).

use crate as pallet_p2p_loans;
use frame_support::{
	derive_impl, parameter_types,
	traits::{AsEnsureOriginWithArg, ConstU128, ConstU32, ConstU64},
	PalletId,
};
use frame_system::{EnsureRoot, EnsureSigned};
use sp_runtime::BuildStorage;
use xindai_primitives::{interest::Rate, price::Price, AssetId, Balance, Moment, Seconds};

pub use xindai_primitives::testing::{credit_notes, verify, CreditNote, TestCredit, TestPrices};

use crate::types::*;

pub type AccountId = u64;
type Block = frame_system::mocking::MockBlock<Test>;

frame_support::construct_runtime!(
	pub enum Test {
		System: frame_system,
		Timestamp: pallet_timestamp,
		Balances: pallet_balances,
		Assets: pallet_assets,
		P2pLoans: pallet_p2p_loans,
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

/// The lent stablecoin: 6 decimals, price 1.
pub const USDX: AssetId = 1;
/// The collateral: 8 decimals, 600 credit units per unit (60,000 USDX per XBTC).
pub const XBTC: AssetId = 2;
pub const DOLLAR: Balance = 1_000_000;
pub const BTC: Balance = 100_000_000;
pub const BOB: AccountId = 2;
pub const ALICE: AccountId = 1;
pub const CHARLIE: AccountId = 3;
pub const DAVE: AccountId = 4;
/// Not verified.
pub const EVE: AccountId = 5;
pub const OWNER: AccountId = 100;
pub const DEPOSIT: Balance = 50;
/// The native deposit of a listing.
pub const LISTING_DEPOSIT: Balance = 5;
pub const START: Moment = 1_767_225_600_000;
pub const DAY: Moment = 24 * 60 * 60 * 1_000;
/// A month of 30 days, in seconds.
pub const MONTH: Seconds = 30 * 24 * 60 * 60;

parameter_types! {
	pub const P2pPalletId: PalletId = PalletId(*b"xd/p2plo");
	pub const MaxAnnualRate: Rate = Rate::from_rational(60, 100);
}

impl pallet_p2p_loans::Config for Test {
	type RuntimeEvent = RuntimeEvent;
	type Assets = Assets;
	type Currency = Balances;
	type RuntimeHoldReason = RuntimeHoldReason;
	type Time = Timestamp;
	type Prices = TestPrices;
	type Credit = TestCredit;
	type Collections = TestCredit;
	/// Ninety days.
	type CollectionAccessPeriod = ConstU64<{ 90 * DAY }>;
	type RiskOrigin = EnsureRoot<AccountId>;
	type PalletId = P2pPalletId;
	type RequestDeposit = ConstU128<DEPOSIT>;
	type ListingDeposit = ConstU128<LISTING_DEPOSIT>;
	type MaxInstalments = ConstU32<48>;
	type MinPeriod = ConstU64<{ 24 * 60 * 60 }>;
	type MaxPeriod = ConstU64<{ 365 * 24 * 60 * 60 }>;
	type MaxAnnualRate = MaxAnnualRate;
	type MaxFundingWindow = ConstU64<{ 90 * DAY }>;
	type MaxOpenRequests = ConstU32<3>;
	type MaxLoansPerLender = ConstU32<8>;
	type MaxListingsPerLoan = ConstU32<2>;
	type SweepBatch = ConstU32<2>;
	type WeightInfo = ();
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = TestBenchmarkHelper;
}

/// Benchmarks in the test runtime.
#[cfg(feature = "runtime-benchmarks")]
pub struct TestBenchmarkHelper;
#[cfg(feature = "runtime-benchmarks")]
impl crate::BenchmarkHelper<AccountId> for TestBenchmarkHelper {
	fn create_asset_and_fund(asset: AssetId, who: &AccountId) {
		create_asset(asset, b"XBEN", 8);
		let _ = Balances::force_set_balance(RuntimeOrigin::root(), *who, 1_000_000_000_000);
		mint(asset, *who, 1_000_000_000_000_000);
	}
	fn set_price(asset: AssetId, price: Price) {
		set_price(asset, price);
	}
	fn make_eligible(who: &AccountId) {
		verify(*who);
	}
	fn set_time(now: Moment) {
		Timestamp::set_timestamp(now);
	}
	fn make_collection_agent(who: &AccountId) {
		xindai_primitives::testing::admit_verifier(
			*who,
			xindai_primitives::credit::VerifierKind::CollectionAgent,
		);
	}
}

/// Sets `asset`'s price now.
pub fn set_price(asset: AssetId, price: Price) {
	xindai_primitives::testing::set_price_at(asset, price, Timestamp::get());
}

/// Creates a pallet-assets asset owned by [`OWNER`] (min balance 1), if missing.
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

/// Moves the clock forward by `ms`.
pub fn advance(ms: Moment) {
	Timestamp::set_timestamp(Timestamp::get() + ms);
}

/// USDX and XBTC; fresh prices; Alice…Eve funded; Alice…Dave verified.
pub fn new_test_ext() -> sp_io::TestExternalities {
	let mut storage = frame_system::GenesisConfig::<Test>::default().build_storage().unwrap();
	pallet_balances::GenesisConfig::<Test> {
		balances: [ALICE, BOB, CHARLIE, DAVE, EVE, OWNER].iter().map(|w| (*w, 1_000_000)).collect(),
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
		// Custody's reserve of each asset, outside the books (see `xindai_primitives::custody`).
		for asset in [USDX, XBTC] {
			mint(asset, P2pLoans::account_id(), 1);
		}
		for who in [ALICE, BOB, CHARLIE, DAVE, EVE] {
			mint(USDX, who, 1_000_000 * DOLLAR);
			mint(XBTC, who, 10 * BTC);
		}
		set_price(USDX, Price::from_u32(1));
		set_price(XBTC, Price::from_u32(600));
		for who in [ALICE, BOB, CHARLIE, DAVE] {
			verify(who);
		}
		System::reset_events();
	});
	ext
}

/// Runs `test` and checks the pallet's invariants after it.
pub fn run_test(test: impl FnOnce()) {
	new_test_ext().execute_with(|| {
		test();
		P2pLoans::do_try_state().expect("invariants hold after the test");
		xindai_primitives::testing::assert_assets_conserved::<Test, ()>();
	});
}

/// Every event of this pallet so far.
pub fn loan_events() -> Vec<pallet_p2p_loans::Event<Test>> {
	System::events()
		.into_iter()
		.filter_map(|r| match r.event {
			RuntimeEvent::P2pLoans(e) => Some(e),
			_ => None,
		})
		.collect()
}

/// The last event of this pallet.
pub fn last_event() -> pallet_p2p_loans::Event<Test> {
	loan_events().pop().expect("an event of the pallet")
}

/// Bob's standard request: 1,000 USDX at 12% over 4 monthly amortising instalments, 0.1 XBTC
/// collateral (6,000 USDX), funding for 10 days, tickets of at least 100 USDX.
pub fn bob_requests() -> LoanId {
	bob_requests_with(RepaymentKind::Amortising, Some((XBTC, BTC / 10)))
}

/// The purpose the tests' requests state: education, with a description kept off chain.
pub fn purpose() -> crate::types::LoanPurpose {
	crate::types::LoanPurpose {
		category: crate::types::PurposeCategory::Education,
		description_hash: sp_core::H256::repeat_byte(0x50),
	}
}

/// Bob's request with another kind or collateral.
pub fn bob_requests_with(kind: RepaymentKind, collateral: Option<(AssetId, Balance)>) -> LoanId {
	let id = crate::NextLoanId::<Test>::get();
	assert!(P2pLoans::create_request(
		RuntimeOrigin::signed(BOB),
		USDX,
		1_000 * DOLLAR,
		Rate::from_rational(12, 100),
		4,
		MONTH,
		kind,
		collateral,
		Timestamp::get() + 10 * DAY,
		100 * DOLLAR,
		purpose(),
	)
	.is_ok());
	id
}

/// Alice funds 600 and Charlie 400 USDX: the loan starts.
pub fn fully_funded() -> LoanId {
	let id = bob_requests();
	assert!(P2pLoans::fund(RuntimeOrigin::signed(ALICE), id, 600 * DOLLAR).is_ok());
	assert!(P2pLoans::fund(RuntimeOrigin::signed(CHARLIE), id, 400 * DOLLAR).is_ok());
	id
}
