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
	credit::{CreditRegistry, EnterpriseRegistry, FilingSignal, Repayment, TierInfo, VerifierKind},
	price::{Price, PriceFeeder, PriceProvider, TimestampedPrice},
	AssetId, Balance, Moment,
};

/// Test accounts are plain numbers.
pub type TestAccount = u64;

/// What the stand-in credit registry was told.
#[derive(Clone, PartialEq, Eq, Debug)]
pub enum CreditNote {
	/// `note_borrowed(who, amount)`.
	Borrowed(TestAccount, Balance),
	/// `note_repaid(who, amount, days_late)`.
	Repaid(TestAccount, Balance, u32),
	/// `note_defaulted(who, amount)`.
	Defaulted(TestAccount, Balance),
	/// `note_settled(who)`.
	Settled(TestAccount),
	/// `note_repaid(who, ..)` carrying on-time service: principal (credit units), milliseconds.
	Served(TestAccount, Balance, Moment),
	/// `note_committed(who, amount)`.
	Committed(TestAccount, Balance),
	/// `note_commitment_released(who, amount)`.
	Released(TestAccount, Balance),
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

/// Makes `who` verified (and so eligible, within the cap).
pub fn verify(who: TestAccount) {
	VERIFIED.with(|v| v.borrow_mut().insert(who));
}

/// Takes `who`'s verification away (its KYC expired, or it was frozen): it may borrow no more.
pub fn unverify(who: TestAccount) {
	VERIFIED.with(|v| v.borrow_mut().remove(&who));
}

/// What `who` owes and was promised, as the stand-in registry counts it against the cap.
pub fn exposure(who: TestAccount) -> Balance {
	outstanding(who)
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

fn outstanding(who: TestAccount) -> Balance {
	credit_notes().iter().fold(0u128, |acc, n| match n {
		CreditNote::Borrowed(w, a) | CreditNote::Committed(w, a) if *w == who => {
			acc.saturating_add(*a)
		},
		CreditNote::Repaid(w, a, _) | CreditNote::Defaulted(w, a) | CreditNote::Released(w, a)
			if *w == who =>
		{
			acc.saturating_sub(*a)
		},
		_ => acc,
	})
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
	fn ensure_can_borrow(who: &TestAccount, amount: Balance) -> Result<TierInfo, DispatchError> {
		let tier = Self::tier(who).ok_or(DispatchError::Other("NotVerified"))?;
		if outstanding(*who).saturating_add(amount) > tier.exposure_cap {
			return Err(DispatchError::Other("ExposureCapExceeded"));
		}
		Ok(tier)
	}
	fn is_verified(who: &TestAccount) -> bool {
		VERIFIED.with(|v| v.borrow().contains(who))
	}
	fn note_borrowed(who: &TestAccount, amount: Balance) -> DispatchResult {
		note(CreditNote::Borrowed(*who, amount));
		Ok(())
	}
	fn note_committed(who: &TestAccount, amount: Balance) -> DispatchResult {
		note(CreditNote::Committed(*who, amount));
		Ok(())
	}
	fn note_commitment_released(who: &TestAccount, amount: Balance) -> DispatchResult {
		note(CreditNote::Released(*who, amount));
		Ok(())
	}
	fn note_repaid(who: &TestAccount, repayment: Repayment) -> DispatchResult {
		note(CreditNote::Repaid(*who, repayment.amount, repayment.days_late));
		if !repayment.served.is_none() {
			note(CreditNote::Served(*who, repayment.served.principal, repayment.served.duration));
		}
		Ok(())
	}
	fn note_defaulted(who: &TestAccount, amount: Balance) -> DispatchResult {
		note(CreditNote::Defaulted(*who, amount));
		Ok(())
	}
	fn note_settled(who: &TestAccount) -> DispatchResult {
		note(CreditNote::Settled(*who));
		Ok(())
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
