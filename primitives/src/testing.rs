//! Stand-ins for the price source and the credit registry in pallet unit tests (feature
//! `test-utils`). Every input is set by the test; the real implementations are exercised by the
//! runtime's tests and the e2e suite.

use alloc::{
	collections::{btree_map::BTreeMap, btree_set::BTreeSet},
	vec::Vec,
};
use core::cell::RefCell;
use sp_runtime::{DispatchError, DispatchResult};

use crate::{
	capacity::{LoanPurpose, PurposeSet},
	collection::{CollectionAccess, CollectionCase},
	credit::{
		CreditProduct, CreditRegistry, EnterpriseRegistry, FilingSignal, PositionKey, Repayment,
		ReportedPosition, TierInfo, VerifierKind,
	},
	price::{self, Price, PriceFeeder, PriceProvider, TimestampedPrice},
	AssetId, Balance, Moment,
};

/// Test accounts are plain numbers.
pub type TestAccount = u64;

/// What the stand-in credit registry was told (amounts in the position's asset).
#[derive(Clone, PartialEq, Eq, Debug)]
pub enum CreditNote {
	/// `note_borrowed(who, _, amount)`.
	Borrowed(TestAccount, Balance),
	/// `note_repaid(who, _, amount, days_late)`.
	Repaid(TestAccount, Balance, u32),
	/// `note_defaulted(who, _, amount)`.
	Defaulted(TestAccount, Balance),
	/// `note_settled(who)`.
	Settled(TestAccount),
	/// `note_repaid(who, ..)` carrying on-time service: principal (asset units), milliseconds.
	Served(TestAccount, Balance, Moment),
	/// `note_committed(who, _, amount)`.
	Committed(TestAccount, Balance),
	/// `note_commitment_released(who, _, amount)`.
	Released(TestAccount, Balance),
	/// `note_request_withdrawn(who)`.
	Withdrawn(TestAccount),
}

std::thread_local! {
	static NOW: RefCell<Moment> = const { RefCell::new(0) };
	static PRICES: RefCell<BTreeMap<AssetId, TimestampedPrice>> = const { RefCell::new(BTreeMap::new()) };
	static VERIFIED: RefCell<BTreeSet<TestAccount>> = const { RefCell::new(BTreeSet::new()) };
	static PREMIUM_BPS: RefCell<BTreeMap<TestAccount, u16>> = const { RefCell::new(BTreeMap::new()) };
	static EXPOSURE_CAP: RefCell<Balance> = const { RefCell::new(Balance::MAX) };
	static NOTES: RefCell<Vec<CreditNote>> = const { RefCell::new(Vec::new()) };
	static ENTERPRISES: RefCell<BTreeSet<TestAccount>> = const { RefCell::new(BTreeSet::new()) };
	static VERIFIERS: RefCell<BTreeSet<(TestAccount, u8)>> = const { RefCell::new(BTreeSet::new()) };
	static FILINGS: RefCell<Vec<(TestAccount, FilingSignal)>> = const { RefCell::new(Vec::new()) };
	static PERSONS: RefCell<BTreeMap<TestAccount, u32>> = const { RefCell::new(BTreeMap::new()) };
	static COLLECTION_GRANTS: RefCell<BTreeMap<(TestAccount, TestAccount, CollectionCase), Moment>> =
		const { RefCell::new(BTreeMap::new()) };
	static CAPACITY: RefCell<Balance> = const { RefCell::new(Balance::MAX) };
	static CLOSED_PURPOSES: RefCell<BTreeMap<CreditProduct, PurposeSet>> = const { RefCell::new(BTreeMap::new()) };
}

/// Forgets every price, verification, premium and note; the cap goes back to unlimited.
pub fn reset() {
	PRICES.with(|p| p.borrow_mut().clear());
	VERIFIED.with(|v| v.borrow_mut().clear());
	PREMIUM_BPS.with(|p| p.borrow_mut().clear());
	EXPOSURE_CAP.with(|c| *c.borrow_mut() = Balance::MAX);
	NOTES.with(|n| n.borrow_mut().clear());
	ENTERPRISES.with(|e| e.borrow_mut().clear());
	VERIFIERS.with(|v| v.borrow_mut().clear());
	FILINGS.with(|f| f.borrow_mut().clear());
	PERSONS.with(|p| p.borrow_mut().clear());
	COLLECTION_GRANTS.with(|g| g.borrow_mut().clear());
	CAPACITY.with(|c| *c.borrow_mut() = Balance::MAX);
	CLOSED_PURPOSES.with(|c| c.borrow_mut().clear());
}

/// Sets every borrower's repayment capacity: the most monthly debt service (summed in asset
/// units, unpriced) the stand-in accepts.
pub fn set_capacity(limit: Balance) {
	CAPACITY.with(|c| *c.borrow_mut() = limit);
}

/// Closes the purposes of `closed` at `product`.
pub fn close_purposes(product: CreditProduct, closed: PurposeSet) {
	CLOSED_PURPOSES.with(|c| c.borrow_mut().insert(product, closed));
}

/// Where the stand-in keeps its debt-service book: in storage, so a failed call rolls it back.
const SERVICE_KEY: &[u8] = b":xindai:test-credit:service";

/// The booked monthly debt service, to compare with a product's loans.
pub fn service_book() -> BTreeMap<(TestAccount, PositionKey), Balance> {
	frame_support::storage::unhashed::get(SERVICE_KEY).unwrap_or_default()
}

/// The monthly debt service booked for `who` at every position.
pub fn booked_service(who: TestAccount) -> Balance {
	service_book()
		.iter()
		.filter(|((w, _), _)| *w == who)
		.fold(0, |sum: Balance, (_, m)| sum.saturating_add(*m))
}

fn service_entry(who: TestAccount, key: PositionKey, change: impl FnOnce(Balance) -> Balance) {
	let mut book = service_book();
	let next = change(book.get(&(who, key)).copied().unwrap_or_default());
	if next == 0 {
		book.remove(&(who, key));
	} else {
		book.insert((who, key), next);
	}
	frame_support::storage::unhashed::put(SERVICE_KEY, &book);
}

/// The collection grants given so far: (owner, agent, case) → until.
pub fn collection_grants() -> BTreeMap<(TestAccount, TestAccount, CollectionCase), Moment> {
	COLLECTION_GRANTS.with(|g| g.borrow().clone())
}

/// Makes `who` a verified enterprise (KYB), and verified for [`CreditRegistry`] too.
pub fn verify_enterprise(who: TestAccount) {
	verify(who);
	ENTERPRISES.with(|e| e.borrow_mut().insert(who));
}

/// Admits `who` as a verifier of `kind`.
pub fn admit_verifier(who: TestAccount, kind: VerifierKind) {
	VERIFIERS.with(|v| v.borrow_mut().insert((who, kind as u8)));
}

/// The attested filings reported so far.
pub fn filing_notes() -> Vec<(TestAccount, FilingSignal)> {
	FILINGS.with(|f| f.borrow().clone())
}

/// Tells the stand-ins the chain's time (used to stamp genesis prices).
pub fn set_now(now: Moment) {
	NOW.with(|n| *n.borrow_mut() = now);
}

/// Sets `asset`'s price, stamped `updated_at`.
pub fn set_price_at(asset: AssetId, price: Price, updated_at: Moment) {
	PRICES.with(|p| p.borrow_mut().insert(asset, TimestampedPrice { price, updated_at }));
}

/// Makes `a` and `b` accounts of one person.
pub fn same_person(a: TestAccount, b: TestAccount) {
	PERSONS.with(|p| {
		let mut persons = p.borrow_mut();
		let person = *persons.entry(a).or_insert(a as u32);
		persons.insert(b, person);
	});
}

/// Makes `who` verified (and so eligible, within the cap).
pub fn verify(who: TestAccount) {
	VERIFIED.with(|v| v.borrow_mut().insert(who));
}

/// Takes `who`'s verification away (its KYC expired, or it was frozen): it may borrow no more.
pub fn unverify(who: TestAccount) {
	VERIFIED.with(|v| v.borrow_mut().remove(&who));
}

/// What `who` owes and was promised, in credit units at the latest prices, as the stand-in
/// registry counts it against the cap (an unpriced position counts as the cap: nothing more).
pub fn exposure(who: TestAccount) -> Balance {
	exposure_with(who, None).unwrap_or(Balance::MAX)
}

fn exposure_with(who: TestAccount, extra: Option<(AssetId, Balance)>) -> Option<Balance> {
	let book = book();
	let positions = book
		.iter()
		.filter(|((w, _), _)| *w == who)
		.map(|((_, key), p)| (key.asset, p.owed.saturating_add(p.committed)));
	let mut total: Balance = 0;
	for (asset, amount) in positions.chain(extra) {
		if amount == 0 {
			continue;
		}
		let quote = TestPrices::price(asset)?;
		total =
			total.checked_add(price::value_of(amount, quote.price, sp_runtime::Rounding::Up)?)?;
	}
	Some(total)
}

/// Where the stand-in keeps its book: in storage, so a failed call rolls it back like the
/// real registry's.
const BOOK_KEY: &[u8] = b":xindai:test-credit:book";

/// The book's positions, to compare with a product's loans.
pub fn book() -> BTreeMap<(TestAccount, PositionKey), ReportedPosition> {
	frame_support::storage::unhashed::get(BOOK_KEY).unwrap_or_default()
}

fn book_entry(who: TestAccount, key: PositionKey, change: impl FnOnce(&mut ReportedPosition)) {
	let mut book = book();
	let entry = book.entry((who, key)).or_default();
	change(entry);
	if entry.is_empty() {
		book.remove(&(who, key));
	}
	frame_support::storage::unhashed::put(BOOK_KEY, &book);
}

/// Gives `who` a tier premium.
pub fn set_premium_bps(who: TestAccount, bps: u16) {
	PREMIUM_BPS.with(|p| p.borrow_mut().insert(who, bps));
}

/// Sets every borrower's exposure cap, in credit units.
pub fn set_exposure_cap(cap: Balance) {
	EXPOSURE_CAP.with(|c| *c.borrow_mut() = cap);
}

/// What the registry was told so far.
pub fn credit_notes() -> Vec<CreditNote> {
	NOTES.with(|n| n.borrow().clone())
}

fn note(entry: CreditNote) {
	NOTES.with(|n| n.borrow_mut().push(entry));
}

/// Prices set by [`set_price_at`].
pub struct TestPrices;
impl PriceProvider for TestPrices {
	fn price(asset: AssetId) -> Option<TimestampedPrice> {
		PRICES.with(|p| p.borrow().get(&asset).copied())
	}
}

impl PriceFeeder for TestPrices {
	fn feed_price(asset: AssetId, price: Price) -> DispatchResult {
		set_price_at(asset, price, NOW.with(|n| *n.borrow()));
		Ok(())
	}
}

/// A credit registry where verified accounts may borrow up to the exposure cap.
pub struct TestCredit;
impl CreditRegistry<TestAccount> for TestCredit {
	fn ensure_can_borrow(
		who: &TestAccount,
		asset: AssetId,
		amount: Balance,
	) -> Result<TierInfo, DispatchError> {
		let tier = Self::tier(who).ok_or(DispatchError::Other("NotVerified"))?;
		let exposure =
			exposure_with(*who, Some((asset, amount))).ok_or(DispatchError::Other("NoPrice"))?;
		if exposure > tier.exposure_cap {
			return Err(DispatchError::Other("ExposureCapExceeded"));
		}
		Ok(tier)
	}
	fn is_verified(who: &TestAccount) -> bool {
		VERIFIED.with(|v| v.borrow().contains(who))
	}
	fn ensure_in_good_standing(who: &TestAccount) -> DispatchResult {
		if Self::is_verified(who) {
			Ok(())
		} else {
			Err(DispatchError::Other("NotVerified"))
		}
	}
	fn note_borrowed(who: &TestAccount, position: PositionKey, amount: Balance) -> DispatchResult {
		note(CreditNote::Borrowed(*who, amount));
		book_entry(*who, position, |p| p.owed = p.owed.saturating_add(amount));
		Ok(())
	}
	fn note_committed(who: &TestAccount, position: PositionKey, amount: Balance) -> DispatchResult {
		note(CreditNote::Committed(*who, amount));
		book_entry(*who, position, |p| p.committed = p.committed.saturating_add(amount));
		Ok(())
	}
	fn note_commitment_released(
		who: &TestAccount,
		position: PositionKey,
		amount: Balance,
	) -> DispatchResult {
		note(CreditNote::Released(*who, amount));
		book_entry(*who, position, |p| p.committed = p.committed.saturating_sub(amount));
		Ok(())
	}
	fn note_repaid(
		who: &TestAccount,
		position: PositionKey,
		repayment: Repayment,
	) -> DispatchResult {
		note(CreditNote::Repaid(*who, repayment.amount, repayment.days_late));
		if !repayment.served.is_none() {
			note(CreditNote::Served(*who, repayment.served.principal, repayment.served.duration));
		}
		book_entry(*who, position, |p| p.owed = p.owed.saturating_sub(repayment.amount));
		Ok(())
	}
	fn note_defaulted(who: &TestAccount, position: PositionKey, amount: Balance) -> DispatchResult {
		note(CreditNote::Defaulted(*who, amount));
		book_entry(*who, position, |p| p.owed = p.owed.saturating_sub(amount));
		Ok(())
	}
	fn note_request_withdrawn(who: &TestAccount) {
		note(CreditNote::Withdrawn(*who));
	}
	fn note_settled(who: &TestAccount) -> DispatchResult {
		note(CreditNote::Settled(*who));
		Ok(())
	}
	fn same_person(a: &TestAccount, b: &TestAccount) -> bool {
		a == b || PERSONS.with(|p| p.borrow().get(a).is_some_and(|x| p.borrow().get(b) == Some(x)))
	}
	fn exposure_priced(who: &TestAccount) -> bool {
		exposure_with(*who, None).is_some()
	}
	fn position(who: &TestAccount, position: PositionKey) -> ReportedPosition {
		book().get(&(*who, position)).copied().unwrap_or_default()
	}
	fn product_total(position: PositionKey) -> ReportedPosition {
		book().iter().filter(|((_, key), _)| *key == position).fold(
			ReportedPosition::default(),
			|total, (_, p)| ReportedPosition {
				owed: total.owed.saturating_add(p.owed),
				committed: total.committed.saturating_add(p.committed),
			},
		)
	}
	fn ensure_repayment_capacity(
		who: &TestAccount,
		product: CreditProduct,
		purpose: &LoanPurpose,
		_asset: AssetId,
		monthly_service: Balance,
	) -> DispatchResult {
		let closed = CLOSED_PURPOSES.with(|c| c.borrow().get(&product).copied());
		if closed.is_some_and(|set| set.contains(purpose.category)) {
			return Err(DispatchError::Other("PurposeClosed"));
		}
		let total = booked_service(*who).saturating_add(monthly_service);
		if total > CAPACITY.with(|c| *c.borrow()) {
			return Err(DispatchError::Other("DebtServiceAboveLimit"));
		}
		Ok(())
	}
	fn repayment_capacity_weight() -> frame_support::weights::Weight {
		// The products' unit tests do not weigh calls.
		frame_support::weights::Weight::zero()
	}
	fn exposure_check_weight() -> frame_support::weights::Weight {
		frame_support::weights::Weight::zero()
	}
	fn ensure_debt_service_within_limit(who: &TestAccount) -> DispatchResult {
		if booked_service(*who) > CAPACITY.with(|c| *c.borrow()) {
			return Err(DispatchError::Other("DebtServiceAboveLimit"));
		}
		Ok(())
	}
	fn note_debt_service(who: &TestAccount, position: PositionKey, monthly: Balance) {
		service_entry(*who, position, |m| m.saturating_add(monthly));
	}
	fn note_debt_service_ended(who: &TestAccount, position: PositionKey, monthly: Balance) {
		service_entry(*who, position, |m| m.saturating_sub(monthly));
	}
	fn debt_service(who: &TestAccount, position: PositionKey) -> Balance {
		service_book().get(&(*who, position)).copied().unwrap_or_default()
	}
	fn debt_service_total(position: PositionKey) -> Balance {
		service_book()
			.iter()
			.filter(|((_, key), _)| *key == position)
			.fold(0, |sum: Balance, (_, m)| sum.saturating_add(*m))
	}
	fn tier(who: &TestAccount) -> Option<TierInfo> {
		Self::is_verified(who).then(|| TierInfo {
			tier: 1,
			score: 600,
			exposure_cap: EXPOSURE_CAP.with(|c| *c.borrow()),
			rate_premium_bps: PREMIUM_BPS.with(|p| p.borrow().get(who).copied().unwrap_or(0)),
		})
	}
}

impl CollectionAccess<TestAccount> for TestCredit {
	fn is_collection_agent(who: &TestAccount) -> bool {
		VERIFIERS.with(|v| v.borrow().contains(&(*who, VerifierKind::CollectionAgent as u8)))
	}
	fn grant_collection_access(
		owner: &TestAccount,
		agent: &TestAccount,
		case: CollectionCase,
		until: Moment,
	) -> DispatchResult {
		if !Self::is_collection_agent(agent) {
			return Err(DispatchError::Other("not a collection agent"));
		}
		if until <= NOW.with(|n| *n.borrow()) {
			return Err(DispatchError::Other("grant in the past"));
		}
		COLLECTION_GRANTS.with(|g| g.borrow_mut().insert((*owner, *agent, case), until));
		Ok(())
	}
	fn end_collection_access(owner: &TestAccount, agent: &TestAccount, case: CollectionCase) {
		COLLECTION_GRANTS.with(|g| g.borrow_mut().remove(&(*owner, *agent, case)));
	}
}

/// An enterprise registry of the enterprises and verifiers the test admitted.
pub struct TestEnterprises;
impl EnterpriseRegistry<TestAccount> for TestEnterprises {
	fn is_verified_enterprise(who: &TestAccount) -> bool {
		ENTERPRISES.with(|e| e.borrow().contains(who))
	}
	fn is_verifier_of(who: &TestAccount, kind: VerifierKind) -> bool {
		VERIFIERS.with(|v| v.borrow().contains(&(*who, kind as u8)))
	}
	fn note_attested_filing(who: &TestAccount, signal: FilingSignal) -> DispatchResult {
		FILINGS.with(|f| f.borrow_mut().push((*who, signal)));
		Ok(())
	}
}

/// Each asset's supply equals the sum of its accounts' balances: no transfer made dust vanish
/// (see [`crate::custody`]). Every pallet mock runs it after every test.
pub fn assert_assets_conserved<T: pallet_assets::Config<I>, I: 'static>() {
	use sp_runtime::traits::Zero;
	for (id, details) in pallet_assets::Asset::<T, I>::iter() {
		let mut sum = T::Balance::zero();
		for (_, account) in pallet_assets::Account::<T, I>::iter_prefix(&id) {
			sum += account.balance;
		}
		assert!(details.supply == sum, "an asset's supply differs from the sum of its accounts");
	}
}
