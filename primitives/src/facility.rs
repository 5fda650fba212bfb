//! Credit facilities: how a lending product borrows from a liquidity pool on behalf of its
//! borrowers (SME credit lines funded by a pool).
//!
//! Governance gives each pool a facility cap. A facility is opened for a limit within the cap
//! (its *commitment*); drawing moves the pool's cash to the borrower and turns commitment into
//! *drawn* principal, which the pool counts as lent out: it is part of what its lenders own and of
//! its utilisation. Repaid principal returns to cash; interest paid on a facility is income to the
//! pool's lenders (the reserve factor's share goes to reserves), on a cash basis: the pool books a
//! facility's interest when it is paid, the facility's owner keeps the accrual. A written-off
//! facility's principal is a loss: reserves first, then the lenders.
//!
//! The pool keeps one record per `(asset, facility)`, so that its accounting and `try_state` stay
//! exact whatever the product does.

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use scale_info::TypeInfo;
use sp_runtime::{DispatchError, DispatchResult};

use crate::{AssetId, Balance};

/// Identifies a facility within a pool (the SME credit line's id).
pub type FacilityId = u64;

/// A facility as its pool sees it.
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
pub struct FacilityState {
	/// Committed and not drawn yet.
	pub undrawn: Balance,
	/// Drawn principal not repaid or written off.
	pub drawn: Balance,
}

/// Pools as lenders to credit facilities (implemented by `pallet-liquidity-pools`).
pub trait CreditFacilities<AccountId> {
	/// Commits `limit` of the pool of `asset` to a new facility `facility`, within the pool's
	/// facility cap.
	fn open_facility(asset: AssetId, facility: FacilityId, limit: Balance) -> DispatchResult;

	/// Lends `amount` of the facility's undrawn commitment to `to`, from the pool's cash.
	fn draw(
		asset: AssetId,
		facility: FacilityId,
		to: &AccountId,
		amount: Balance,
	) -> DispatchResult;

	/// `payer` pays the pool `principal` (at most the drawn principal counts as repaid; any more
	/// is a recovery of written-off principal) and `interest`.
	fn repay(
		asset: AssetId,
		facility: FacilityId,
		payer: &AccountId,
		principal: Balance,
		interest: Balance,
	) -> DispatchResult;

	/// Ends the undrawn commitment (the facility is closed to new draws).
	fn release_undrawn(asset: AssetId, facility: FacilityId) -> DispatchResult;

	/// Writes the drawn principal off as a loss (a default): reserves cover what they can, the
	/// pool's lenders the rest. Returns the principal written off.
	fn write_off(asset: AssetId, facility: FacilityId) -> Result<Balance, DispatchError>;

	/// The facility's state; `None` once it was closed and fully repaid.
	fn facility(asset: AssetId, facility: FacilityId) -> Option<FacilityState>;
}
