//! # Xindai primitives
//!
//! The basic types of the Xindai chain, shared by the runtime, the node and every pallet, so that
//! all of them agree on what an account, a balance or a timestamp is.
//!
//! - Amounts are [`Balance`] (`u128`) in the smallest unit of their asset. The native token XDI
//!   has [`XDI_DECIMALS`] decimals; lending assets live in `pallet-assets` under an [`AssetId`].
//! - Time is [`Moment`], milliseconds since the Unix epoch as kept by `pallet-timestamp`.
//!   Durations in loan terms are whole seconds ([`Seconds`]).
//!
//! Pallets talk to each other only through the traits here ([`credit::CreditRegistry`],
//! [`price::PriceProvider`], …), wired together in the runtime. Maths shared by several pallets
//! (interest accrual in [`interest`], valuation in [`price`]) lives here too, once.

#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;
#[cfg(feature = "test-utils")]
extern crate std;

pub mod capacity;
pub mod collection;
pub mod credit;
pub mod custody;
pub mod facility;
pub mod interest;
pub mod overdue;
pub mod price;
pub mod service;
#[cfg(feature = "test-utils")]
pub mod testing;
pub mod weights;

use sp_runtime::{
	generic,
	traits::{BlakeTwo256, IdentifyAccount, Verify},
	MultiAddress, MultiSignature,
};

/// An index to a block.
pub type BlockNumber = u32;

/// Alias to 512-bit hash when used in the context of a transaction signature on the chain.
pub type Signature = MultiSignature;

/// An account on the chain: the public key of the signing scheme of [`Signature`].
pub type AccountId = <<Signature as Verify>::Signer as IdentifyAccount>::AccountId;

/// The address format for describing accounts in calls.
pub type Address = MultiAddress<AccountId, ()>;

/// An amount of any asset, in its smallest unit.
pub type Balance = u128;

/// Identifier of a `pallet-assets` asset (lending assets, collateral and LP tokens).
pub type AssetId = u32;

/// Index of a transaction in the chain (an account's nonce).
pub type Nonce = u32;

/// A hash of some data used by the chain.
pub type Hash = sp_core::H256;

/// Milliseconds since the Unix epoch, as kept by `pallet-timestamp`.
pub type Moment = u64;

/// A duration in whole seconds (loan terms, grace periods, validity windows).
pub type Seconds = u64;

/// Block header type.
pub type Header = generic::Header<BlockNumber, BlakeTwo256>;

/// Decimals of the native token XDI.
pub const XDI_DECIMALS: u8 = 12;

/// One XDI in its smallest unit (the "plank").
pub const XDI: Balance = 10u128.pow(XDI_DECIMALS as u32);

/// One thousandth of an XDI.
pub const MILLI_XDI: Balance = XDI / 1_000;

/// One millionth of an XDI.
pub const MICRO_XDI: Balance = XDI / 1_000_000;

/// Milliseconds in one second, to convert [`Moment`] to [`Seconds`] once, at the edge.
pub const MILLISECONDS_PER_SECOND: Moment = 1_000;

/// Seconds in a (non-leap) year: the denominator of every annual rate.
pub const SECONDS_PER_YEAR: Seconds = 365 * 24 * 60 * 60;

/// Opaque types: what the node needs to know of the chain without knowing the runtime.
pub mod opaque {
	use super::*;

	pub use sp_runtime::OpaqueExtrinsic as UncheckedExtrinsic;

	/// Opaque block type.
	pub type Block = generic::Block<Header, UncheckedExtrinsic>;
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn units_are_consistent() {
		assert_eq!(XDI, 1_000_000_000_000);
		assert_eq!(MILLI_XDI * 1_000, XDI);
		assert_eq!(MICRO_XDI * 1_000_000, XDI);
		assert_eq!(SECONDS_PER_YEAR, 31_536_000);
	}
}
