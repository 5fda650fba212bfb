//! The referendum tracks: who decides what, how fast, and with how much agreement.
//!
//! | id | track                | origin it dispatches with | support floor | decision deposit | prepare | decide | confirm | enact |
//! |----|----------------------|---------------------------|---------------|------------------|---------|--------|---------|-------|
//! | 0  | root                 | Root                      | 50% → 5%      | 10,000 XDI       | 2 h     | 28 d   | 1 d     | 1 d   |
//! | 1  | risk_admin           | RiskAdmin                 | 30% → 3%      | 2,000 XDI        | 1 h     | 14 d   | 12 h    | 1 h   |
//! | 2  | verifier_admin       | VerifierAdmin             | 30% → 3%      | 2,000 XDI        | 1 h     | 7 d    | 12 h    | 10 min|
//! | 3  | underwriter          | Underwriter               | 30% → 3%      | 2,000 XDI        | 1 h     | 7 d    | 12 h    | 10 min|
//! | 4  | treasurer            | Treasurer                 | 20% → 1%      | 1,000 XDI        | 2 h     | 14 d   | 1 d     | 1 d   |
//! | 5  | referendum_canceller | ReferendumCanceller       | 50% → 5%      | 10,000 XDI       | 1 h     | 7 d    | 3 h     | 10 min|
//!
//! Approval falls from 100% to 50% over every track's decision period (a simple majority is
//! enough late); support (the share of the issuance voting aye) falls from the ceiling to the
//! floor, so a small turnout can only pass something late in the period, after everyone had time
//! to notice.
//!
//! Why each track has the power and the thresholds it has:
//!
//! - **root** can change anything: runtime upgrades, the validator set, and the two memberships
//!   that control money without a vote of their own: the **oracle's feeders** (two of them set
//!   every pool's prices, so whoever picks them can borrow against, or liquidate at, any price)
//!   and the **risk council** (it freezes accounts and pauses pools without a referendum). It is
//!   the slowest track and needs the most support.
//! - **risk_admin** moves parameters that act on money at once (tier table, pool and loan risk
//!   parameters, facility caps, reserves to the treasury; freezing and unfreezing). Each is
//!   checked against compile-time bounds by its pallet, so the track can tune but not break the
//!   protocol; it may not touch the feeders, the council or any referendum.
//! - **verifier_admin** admits the verifiers whose attestations (KYC/KYB, audits, credit
//!   bureaus) every lending decision relies on: a rogue verifier can make any borrower look
//!   creditworthy. **underwriter** commits lenders' money to SME credit lines from the pools. Both
//!   commit lenders' money, so they need the risk track's support and a 12 h confirmation.
//! - **treasurer** spends the community's funds, at most 100,000 XDI per spend: slow, like
//!   root's enactment, with the lowest support floor because each spend is capped.
//! - **referendum_canceller** only cancels an ongoing referendum (`referenda.cancel`, deposits
//!   refunded); killing one (deposits slashed) is root's. Cancelling any track's referendum,
//!   root's included, is a veto, so it needs root-level support and deposit; its shorter decision
//!   period lets it act within a root referendum's 28 days.
//!
//! There is no whitelist or fellowship fast path: there is no body whose power could be bounded
//! to make a faster track safe. The emergency path is the risk council's, and it is narrow: it can
//! freeze an account or pause a pool, nothing else.
//!
//! With the `fast-runtime` feature every period is a few blocks, so tests can run real referenda.

use alloc::borrow::Cow;
use pallet_referenda::{Curve, Track, TrackInfo};
use sp_runtime::{str_array as s, Perbill};

use super::origins;
use crate::{Balance, BlockNumber, XDI};

/// Blocks per period, `prod` on a real chain and `fast` with the `fast-runtime` feature.
macro_rules! prod_or_fast {
	($prod:expr, $fast:expr) => {
		if cfg!(feature = "fast-runtime") {
			$fast
		} else {
			$prod
		}
	};
}

const MINUTES: BlockNumber = crate::MINUTES;
const HOURS: BlockNumber = crate::HOURS;
const DAYS: BlockNumber = crate::DAYS;

const fn percent(x: u32) -> Perbill {
	Perbill::from_percent(x)
}

/// Approval: from 100% down to 50% over the decision period.
const APPROVAL: Curve =
	Curve::LinearDecreasing { length: percent(100), floor: percent(50), ceil: percent(100) };
/// Support for root: from 50% down to 5% of the issuance.
const SUPPORT_ROOT: Curve =
	Curve::LinearDecreasing { length: percent(100), floor: percent(5), ceil: percent(50) };
/// Support for risk parameters, verifier admission and underwriting (the tracks that commit
/// lenders' money): from 30% down to 3%.
const SUPPORT_RISK: Curve =
	Curve::LinearDecreasing { length: percent(100), floor: percent(3), ceil: percent(30) };
/// Support for treasury spends: from 20% down to 1%.
const SUPPORT_SPEND: Curve =
	Curve::LinearDecreasing { length: percent(100), floor: percent(1), ceil: percent(20) };

/// Track ids.
pub mod id {
	/// Root.
	pub const ROOT: u16 = 0;
	/// Risk parameters.
	pub const RISK_ADMIN: u16 = 1;
	/// Verifier admission.
	pub const VERIFIER_ADMIN: u16 = 2;
	/// SME credit lines and facility caps.
	pub const UNDERWRITER: u16 = 3;
	/// Treasury spends.
	pub const TREASURER: u16 = 4;
	/// Cancelling ongoing referenda.
	pub const REFERENDUM_CANCELLER: u16 = 5;
}

const TRACKS: [Track<u16, Balance, BlockNumber>; 6] = [
	Track {
		id: id::ROOT,
		info: TrackInfo {
			name: s("root"),
			max_deciding: 1,
			decision_deposit: 10_000 * XDI,
			prepare_period: prod_or_fast!(2 * HOURS, 1),
			decision_period: prod_or_fast!(28 * DAYS, 20),
			confirm_period: prod_or_fast!(DAYS, 2),
			min_enactment_period: prod_or_fast!(DAYS, 1),
			min_approval: APPROVAL,
			min_support: SUPPORT_ROOT,
		},
	},
	Track {
		id: id::RISK_ADMIN,
		info: TrackInfo {
			name: s("risk_admin"),
			max_deciding: 10,
			decision_deposit: 2_000 * XDI,
			prepare_period: prod_or_fast!(HOURS, 1),
			decision_period: prod_or_fast!(14 * DAYS, 20),
			confirm_period: prod_or_fast!(12 * HOURS, 2),
			min_enactment_period: prod_or_fast!(HOURS, 1),
			min_approval: APPROVAL,
			min_support: SUPPORT_RISK,
		},
	},
	Track {
		id: id::VERIFIER_ADMIN,
		info: TrackInfo {
			name: s("verifier_admin"),
			max_deciding: 10,
			decision_deposit: 2_000 * XDI,
			prepare_period: prod_or_fast!(HOURS, 1),
			decision_period: prod_or_fast!(7 * DAYS, 20),
			confirm_period: prod_or_fast!(12 * HOURS, 2),
			min_enactment_period: prod_or_fast!(10 * MINUTES, 1),
			min_approval: APPROVAL,
			min_support: SUPPORT_RISK,
		},
	},
	Track {
		id: id::UNDERWRITER,
		info: TrackInfo {
			name: s("underwriter"),
			max_deciding: 20,
			decision_deposit: 2_000 * XDI,
			prepare_period: prod_or_fast!(HOURS, 1),
			decision_period: prod_or_fast!(7 * DAYS, 20),
			confirm_period: prod_or_fast!(12 * HOURS, 2),
			min_enactment_period: prod_or_fast!(10 * MINUTES, 1),
			min_approval: APPROVAL,
			min_support: SUPPORT_RISK,
		},
	},
	Track {
		id: id::TREASURER,
		info: TrackInfo {
			name: s("treasurer"),
			max_deciding: 10,
			decision_deposit: 1_000 * XDI,
			prepare_period: prod_or_fast!(2 * HOURS, 1),
			decision_period: prod_or_fast!(14 * DAYS, 20),
			confirm_period: prod_or_fast!(DAYS, 2),
			min_enactment_period: prod_or_fast!(DAYS, 1),
			min_approval: APPROVAL,
			min_support: SUPPORT_SPEND,
		},
	},
	Track {
		id: id::REFERENDUM_CANCELLER,
		info: TrackInfo {
			name: s("referendum_canceller"),
			max_deciding: 10,
			decision_deposit: 10_000 * XDI,
			prepare_period: prod_or_fast!(HOURS, 1),
			decision_period: prod_or_fast!(7 * DAYS, 20),
			confirm_period: prod_or_fast!(3 * HOURS, 2),
			min_enactment_period: prod_or_fast!(10 * MINUTES, 1),
			min_approval: APPROVAL,
			min_support: SUPPORT_ROOT,
		},
	},
];

/// Xindai's referendum tracks.
pub struct TracksInfo;

impl pallet_referenda::TracksInfo<Balance, BlockNumber> for TracksInfo {
	type Id = u16;
	type RuntimeOrigin =
		<crate::RuntimeOrigin as frame_support::traits::OriginTrait>::PalletsOrigin;

	fn tracks() -> impl Iterator<Item = Cow<'static, Track<Self::Id, Balance, BlockNumber>>> {
		TRACKS.iter().map(Cow::Borrowed)
	}

	fn track_for(origin: &Self::RuntimeOrigin) -> Result<Self::Id, ()> {
		if let Ok(frame_system::RawOrigin::Root) = frame_system::RawOrigin::try_from(origin.clone())
		{
			return Ok(id::ROOT);
		}
		match origins::Origin::try_from(origin.clone()) {
			Ok(origins::Origin::RiskAdmin) => Ok(id::RISK_ADMIN),
			Ok(origins::Origin::VerifierAdmin) => Ok(id::VERIFIER_ADMIN),
			Ok(origins::Origin::Underwriter) => Ok(id::UNDERWRITER),
			Ok(origins::Origin::Treasurer) => Ok(id::TREASURER),
			Ok(origins::Origin::ReferendumCanceller) => Ok(id::REFERENDUM_CANCELLER),
			Err(_) => Err(()),
		}
	}
}

#[cfg(test)]
mod tests {
	use super::*;
	use pallet_referenda::TracksInfo as _;

	#[test]
	fn tracks_are_sorted_and_valid() {
		assert_eq!(TracksInfo::check_integrity(), Ok(()));
		assert_eq!(TracksInfo::tracks().count(), 6);
	}

	#[test]
	fn every_custom_origin_has_its_track() {
		use crate::OriginCaller;
		let track = |o: OriginCaller| TracksInfo::track_for(&o);
		assert_eq!(track(OriginCaller::system(frame_system::RawOrigin::Root)), Ok(id::ROOT));
		assert_eq!(track(OriginCaller::Origins(origins::Origin::RiskAdmin)), Ok(id::RISK_ADMIN));
		assert_eq!(
			track(OriginCaller::Origins(origins::Origin::VerifierAdmin)),
			Ok(id::VERIFIER_ADMIN)
		);
		assert_eq!(track(OriginCaller::Origins(origins::Origin::Underwriter)), Ok(id::UNDERWRITER));
		assert_eq!(track(OriginCaller::Origins(origins::Origin::Treasurer)), Ok(id::TREASURER));
		assert_eq!(
			track(OriginCaller::Origins(origins::Origin::ReferendumCanceller)),
			Ok(id::REFERENDUM_CANCELLER)
		);
		assert!(track(OriginCaller::system(frame_system::RawOrigin::None)).is_err());
	}
}
