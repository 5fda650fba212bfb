//! Test runtime: balances (deposits) and assets as in the chain, a clock, the shared stand-ins
//! for prices and the credit registry (`xindai_primitives::testing`), and a pool stand-in that
//! lends to facilities from its own account with real asset transfers.

use crate as pallet_sme_finance;
use core::cell::RefCell;
use frame_support::{
	derive_impl, ensure, parameter_types,
	traits::{
		fungibles::{Inspect, Mutate},
		tokens::Preservation,
		AsEnsureOriginWithArg, ConstU128, ConstU32, ConstU64,
	},
	PalletId,
};
use frame_system::{EnsureRoot, EnsureSigned, EnsureSignedBy};
use sp_core::H256;
use sp_runtime::{BuildStorage, DispatchError, DispatchResult};
use std::collections::BTreeMap;
use xindai_primitives::{
	credit::VerifierKind,
	facility::{CreditFacilities, FacilityId, FacilityState},
	interest::Rate,
	price::Price,
	AssetId, Balance, Moment, Seconds,
};

pub use xindai_primitives::testing::{
	admit_verifier, credit_notes, filing_notes, verify, verify_enterprise, CreditNote, TestCredit,
	TestEnterprises,
};

use crate::types::*;

pub type AccountId = u64;
type Block = frame_system::mocking::MockBlock<Test>;

frame_support::construct_runtime!(
	pub enum Test {
		System: frame_system,
		Timestamp: pallet_timestamp,
		Balances: pallet_balances,
		Assets: pallet_assets,
		SmeFinance: pallet_sme_finance,
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
pub const DOLLAR: Balance = 1_000_000;
/// A KYB-verified enterprise.
pub const EVE: AccountId = 5;
/// A verified buyer.
pub const FERDIE: AccountId = 6;
/// Verified financiers.
pub const DAVE: AccountId = 4;
pub const CHARLIE: AccountId = 3;
/// An admitted auditor.
pub const AUDITOR: AccountId = 10;
/// An admitted KYC provider (milestone verifier of that kind).
pub const INSPECTOR: AccountId = 11;
/// Not verified, not an enterprise.
pub const MALLORY: AccountId = 13;
/// The underwriter (the governance track in the runtime).
pub const UNDERWRITER: AccountId = 20;
/// The stand-in pool's account.
pub const POOL: AccountId = 900;
pub const OWNER: AccountId = 100;
pub const DEPOSIT: Balance = 50;
/// What custody holds of USDX outside the books: its minimum balance.
pub const CUSTODY_RESERVE: Balance = 1;
pub const START: Moment = 1_767_225_600_000;
pub const DAY: Moment = 24 * 60 * 60 * 1_000;
/// A month of 30 days, in seconds.
pub const MONTH: Seconds = 30 * 24 * 60 * 60;

parameter_types! {
	pub const SmePalletId: PalletId = PalletId(*b"xd/smefi");
	pub const MaxAnnualRate: Rate = Rate::from_rational(60, 100);
	pub const Underwriter: AccountId = UNDERWRITER;
}

impl pallet_sme_finance::Config for Test {
	type RuntimeEvent = RuntimeEvent;
	type Assets = Assets;
	type Currency = Balances;
	type RuntimeHoldReason = RuntimeHoldReason;
	type Time = Timestamp;
	type Credit = TestCredit;
	type Enterprises = TestEnterprises;
	type Facilities = TestPool;
	type Collections = TestCredit;
	/// Ninety days.
	type CollectionAccessPeriod = ConstU64<{ 90 * DAY }>;
	type UnderwriterOrigin = EnsureSignedBy<UnderwriterMembers, AccountId>;
	type RiskOrigin = EnsureRoot<AccountId>;
	type PalletId = SmePalletId;
	type RecordDeposit = ConstU128<DEPOSIT>;
	type MaxMilestones = ConstU32<4>;
	type MaxFilings = ConstU32<3>;
	type MaxLinesPerEnterprise = ConstU32<3>;
	type MaxOpenInvoices = ConstU32<3>;
	type MaxAnnualRate = MaxAnnualRate;
	type MinTerm = ConstU64<{ 30 * 24 * 60 * 60 }>;
	type MaxTerm = ConstU64<{ 5 * 365 * 24 * 60 * 60 }>;
	type InterestPeriod = ConstU64<MONTH>;
	type MaxInvoiceTerm = ConstU64<{ 180 * DAY }>;
	type InvoiceHashRetention = ConstU64<{ 365 * DAY }>;
	type WeightInfo = ();
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = TestBenchmarkHelper;
}

/// The underwriter is one account in tests.
pub struct UnderwriterMembers;
impl frame_support::traits::SortedMembers<AccountId> for UnderwriterMembers {
	fn sorted_members() -> Vec<AccountId> {
		vec![UNDERWRITER]
	}
	#[cfg(feature = "runtime-benchmarks")]
	fn add(_: &AccountId) {}
}

std::thread_local! {
	static FACILITY_CAP: RefCell<Balance> = const { RefCell::new(0) };
	static FACILITIES: RefCell<BTreeMap<(AssetId, FacilityId), FacilityState>> =
		const { RefCell::new(BTreeMap::new()) };
	static WRITTEN_OFF: RefCell<Balance> = const { RefCell::new(0) };
	static INTEREST_EARNED: RefCell<Balance> = const { RefCell::new(0) };
}

/// Sets the stand-in pool's facility cap.
pub fn set_facility_cap(cap: Balance) {
	FACILITY_CAP.with(|c| *c.borrow_mut() = cap);
}

/// Principal the stand-in pool wrote off, and interest it earned.
pub fn pool_written_off() -> Balance {
	WRITTEN_OFF.with(|w| *w.borrow())
}
pub fn pool_interest() -> Balance {
	INTEREST_EARNED.with(|w| *w.borrow())
}

/// A pool stand-in: lends from [`POOL`]'s balance within a cap, with the real trait's errors
/// reduced to named `Other` errors.
pub struct TestPool;
impl CreditFacilities<AccountId> for TestPool {
	fn open_facility(asset: AssetId, facility: FacilityId, limit: Balance) -> DispatchResult {
		let committed: Balance =
			FACILITIES.with(|f| f.borrow().values().map(|s| s.undrawn + s.drawn).sum::<Balance>());
		ensure!(
			committed + limit <= FACILITY_CAP.with(|c| *c.borrow()),
			DispatchError::Other("FacilityCapExceeded")
		);
		FACILITIES.with(|f| {
			f.borrow_mut().insert((asset, facility), FacilityState { undrawn: limit, drawn: 0 })
		});
		Ok(())
	}
	fn draw(
		asset: AssetId,
		facility: FacilityId,
		to: &AccountId,
		amount: Balance,
	) -> DispatchResult {
		let mut state =
			Self::facility(asset, facility).ok_or(DispatchError::Other("NoFacility"))?;
		ensure!(amount <= state.undrawn, DispatchError::Other("FacilityExhausted"));
		<Assets as Mutate<AccountId>>::transfer(
			asset,
			&POOL,
			to,
			amount,
			Preservation::Expendable,
		)?;
		state.undrawn -= amount;
		state.drawn += amount;
		FACILITIES.with(|f| f.borrow_mut().insert((asset, facility), state));
		Ok(())
	}
	fn repay(
		asset: AssetId,
		facility: FacilityId,
		payer: &AccountId,
		principal: Balance,
		interest: Balance,
	) -> DispatchResult {
		<Assets as Mutate<AccountId>>::transfer(
			asset,
			payer,
			&POOL,
			principal + interest,
			Preservation::Expendable,
		)?;
		INTEREST_EARNED.with(|w| *w.borrow_mut() += interest);
		let mut state = Self::facility(asset, facility).unwrap_or_default();
		state.drawn = state.drawn.saturating_sub(principal);
		Self::store(asset, facility, state);
		Ok(())
	}
	fn release_undrawn(asset: AssetId, facility: FacilityId) -> DispatchResult {
		let mut state =
			Self::facility(asset, facility).ok_or(DispatchError::Other("NoFacility"))?;
		state.undrawn = 0;
		Self::store(asset, facility, state);
		Ok(())
	}
	fn write_off(asset: AssetId, facility: FacilityId) -> Result<Balance, DispatchError> {
		let mut state =
			Self::facility(asset, facility).ok_or(DispatchError::Other("NoFacility"))?;
		let amount = state.drawn;
		WRITTEN_OFF.with(|w| *w.borrow_mut() += amount);
		state.drawn = 0;
		Self::store(asset, facility, state);
		Ok(amount)
	}
	fn facility(asset: AssetId, facility: FacilityId) -> Option<FacilityState> {
		FACILITIES.with(|f| f.borrow().get(&(asset, facility)).copied())
	}
}

impl TestPool {
	fn store(asset: AssetId, facility: FacilityId, state: FacilityState) {
		FACILITIES.with(|f| {
			if state.undrawn == 0 && state.drawn == 0 {
				f.borrow_mut().remove(&(asset, facility));
			} else {
				f.borrow_mut().insert((asset, facility), state);
			}
		});
	}
}

/// Benchmarks in the test runtime.
#[cfg(feature = "runtime-benchmarks")]
pub struct TestBenchmarkHelper;
#[cfg(feature = "runtime-benchmarks")]
impl crate::BenchmarkHelper<AccountId> for TestBenchmarkHelper {
	fn create_asset_and_fund(asset: AssetId, who: &AccountId) {
		create_asset(asset);
		let _ = Balances::force_set_balance(RuntimeOrigin::root(), *who, 1_000_000_000_000);
		mint(asset, *who, 1_000_000_000_000_000);
	}
	fn make_enterprise(who: &AccountId) {
		verify_enterprise(*who);
	}
	fn make_verified(who: &AccountId) {
		verify(*who);
	}
	fn make_verifier(who: &AccountId, kind: VerifierKind) {
		admit_verifier(*who, kind);
	}
	fn fund_pool(asset: AssetId, cap: Balance) {
		create_asset(asset);
		mint(asset, POOL, cap);
		set_facility_cap(cap);
	}
	fn set_price(asset: AssetId, price: Price) {
		xindai_primitives::testing::set_price_at(asset, price, Timestamp::get());
	}
	fn set_time(now: Moment) {
		Timestamp::set_timestamp(now);
	}
}

/// Creates a sufficient pallet-assets asset owned by [`OWNER`] (min balance 1), if missing.
pub fn create_asset(id: AssetId) {
	if pallet_assets::Asset::<Test>::contains_key(id) {
		return;
	}
	assert!(Assets::force_create(RuntimeOrigin::root(), id, OWNER, true, 1).is_ok());
}

/// Mints `amount` of `asset` to `who`.
pub fn mint(asset: AssetId, who: AccountId, amount: Balance) {
	assert!(Assets::mint(RuntimeOrigin::signed(OWNER), asset, who, amount).is_ok());
}

/// The asset balance of `who`.
pub fn balance(asset: AssetId, who: AccountId) -> Balance {
	<Assets as Inspect<AccountId>>::balance(asset, &who)
}

/// Moves the clock forward by `ms`.
pub fn advance(ms: Moment) {
	Timestamp::set_timestamp(Timestamp::get() + ms);
}

/// Moves the clock to `ms`.
pub fn travel_to(ms: Moment) {
	Timestamp::set_timestamp(ms);
}

/// USDX priced at 1; Eve a verified enterprise; Ferdie, Dave, Charlie verified; the auditor
/// and the inspector admitted; the stand-in pool holds 1,000,000 USDX with a 100,000 cap.
pub fn new_test_ext() -> sp_io::TestExternalities {
	let mut storage = frame_system::GenesisConfig::<Test>::default().build_storage().unwrap();
	pallet_balances::GenesisConfig::<Test> {
		balances: [CHARLIE, DAVE, EVE, FERDIE, AUDITOR, INSPECTOR, MALLORY, OWNER, UNDERWRITER]
			.iter()
			.map(|w| (*w, 1_000_000))
			.collect(),
		..Default::default()
	}
	.assimilate_storage(&mut storage)
	.unwrap();
	let mut ext = sp_io::TestExternalities::new(storage);
	ext.execute_with(|| {
		System::set_block_number(1);
		Timestamp::set_timestamp(START);
		xindai_primitives::testing::reset();
		FACILITIES.with(|f| f.borrow_mut().clear());
		WRITTEN_OFF.with(|w| *w.borrow_mut() = 0);
		INTEREST_EARNED.with(|w| *w.borrow_mut() = 0);
		create_asset(USDX);
		// Custody's reserve, outside the books (see `xindai_primitives::custody`).
		mint(USDX, SmeFinance::account_id(), CUSTODY_RESERVE);
		for who in [CHARLIE, DAVE, EVE, FERDIE, MALLORY] {
			mint(USDX, who, 1_000_000 * DOLLAR);
		}
		mint(USDX, POOL, 1_000_000 * DOLLAR);
		set_facility_cap(100_000 * DOLLAR);
		xindai_primitives::testing::set_price_at(USDX, Price::from_u32(1), START);
		verify_enterprise(EVE);
		for who in [FERDIE, DAVE, CHARLIE] {
			verify(who);
		}
		admit_verifier(AUDITOR, VerifierKind::Auditor);
		admit_verifier(INSPECTOR, VerifierKind::KycProvider);
		System::reset_events();
	});
	ext
}

/// Runs `test` and checks the pallet's invariants after it.
pub fn run_test(test: impl FnOnce()) {
	new_test_ext().execute_with(|| {
		test();
		SmeFinance::do_try_state().expect("invariants hold after the test");
		xindai_primitives::testing::assert_assets_conserved::<Test, ()>();
	});
}

/// Every event of this pallet so far.
pub fn sme_events() -> Vec<pallet_sme_finance::Event<Test>> {
	System::events()
		.into_iter()
		.filter_map(|r| match r.event {
			RuntimeEvent::SmeFinance(e) => Some(e),
			_ => None,
		})
		.collect()
}

/// The last event of this pallet.
pub fn last_event() -> pallet_sme_finance::Event<Test> {
	sme_events().pop().expect("an event of the pallet")
}

/// A hash from a byte.
pub fn hash(b: u8) -> H256 {
	H256::repeat_byte(b)
}

/// Eve's two milestones: 6,000 USDX on an inspection (KYC provider), 4,000 on an audit.
pub fn two_milestones() -> crate::MilestoneSpecsOf<Test> {
	vec![
		MilestoneSpec {
			description: hash(1),
			amount: 6_000 * DOLLAR,
			verifier: VerifierKind::KycProvider,
		},
		MilestoneSpec {
			description: hash(2),
			amount: 4_000 * DOLLAR,
			verifier: VerifierKind::Auditor,
		},
	]
	.try_into()
	.unwrap()
}

/// The purpose the tests' lines state: working capital, with a description kept off chain.
pub fn purpose() -> crate::types::LoanPurpose {
	crate::types::LoanPurpose {
		category: crate::types::PurposeCategory::BusinessWorkingCapital,
		description_hash: H256::repeat_byte(0x51),
	}
}

/// Eve applies for 10,000 USDX at 12% for a year, in [`two_milestones`].
pub fn eve_applies() -> LineId {
	let id = crate::NextLineId::<Test>::get();
	assert!(SmeFinance::apply_credit_line(
		RuntimeOrigin::signed(EVE),
		USDX,
		10_000 * DOLLAR,
		Rate::from_rational(12, 100),
		360 * 24 * 60 * 60,
		two_milestones(),
		purpose(),
	)
	.is_ok());
	id
}

/// Eve's line, approved with the pool as its source (active).
pub fn pool_line() -> LineId {
	let id = eve_applies();
	assert!(SmeFinance::approve_credit_line(
		RuntimeOrigin::signed(UNDERWRITER),
		id,
		LineSource::Pool
	)
	.is_ok());
	id
}

/// Eve's line, approved with Dave as financier and funded by him (active).
pub fn financier_line() -> LineId {
	let id = eve_applies();
	assert!(SmeFinance::approve_credit_line(
		RuntimeOrigin::signed(UNDERWRITER),
		id,
		LineSource::Financier(DAVE)
	)
	.is_ok());
	assert!(SmeFinance::fund_credit_line(RuntimeOrigin::signed(DAVE), id).is_ok());
	id
}

/// The inspector releases the first tranche.
pub fn first_tranche(line: LineId) {
	assert!(SmeFinance::attest_milestone(RuntimeOrigin::signed(INSPECTOR), line, 0).is_ok());
}

/// Eve invoices Ferdie 1,000 USDX due in 60 days; Ferdie confirms.
pub fn confirmed_invoice() -> InvoiceId {
	let id = crate::NextInvoiceId::<Test>::get();
	assert!(SmeFinance::submit_invoice(
		RuntimeOrigin::signed(EVE),
		FERDIE,
		1_000 * DOLLAR,
		USDX,
		START + 60 * DAY,
		hash(0xaa),
	)
	.is_ok());
	assert!(SmeFinance::confirm_invoice(RuntimeOrigin::signed(FERDIE), id).is_ok());
	id
}
