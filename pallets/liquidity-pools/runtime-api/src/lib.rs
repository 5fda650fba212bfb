//! Runtime API of Xindai's liquidity pools, for wallets, lenders and liquidators.
//!
//! From @polkadot/api: `api.call.liquidityPoolsApi.pool(assetId)`,
//! `api.call.liquidityPoolsApi.pools()`, `api.call.liquidityPoolsApi.position(who)`,
//! `api.call.liquidityPoolsApi.maxBorrow(who, assetId)`.

#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

use alloc::vec::Vec;
use codec::Codec;
use xindai_primitives::{AssetId, Balance};

pub use pallet_liquidity_pools::{AccountPosition, CollateralView, DebtView, PoolInfo};

sp_api::decl_runtime_apis! {
	/// Read access to pools and positions, accrued to the current block's time.
	pub trait LiquidityPoolsApi<AccountId>
	where
		AccountId: Codec,
	{
		/// The pool of `asset`: cash, borrows, reserves, utilisation, APRs and APYs, exchange
		/// rate, caps; `None` without a pool.
		fn pool(asset: AssetId) -> Option<PoolInfo>;

		/// Every pool.
		fn pools() -> Vec<PoolInfo>;

		/// The collateral, debts, health factor and borrowing room of `who`.
		fn position(who: AccountId) -> AccountPosition;

		/// How much of `asset` `who` could borrow now (collateral, cash and cap; the credit
		/// registry's exposure cap is checked on borrowing).
		fn max_borrow(who: AccountId, asset: AssetId) -> Balance;
	}
}
