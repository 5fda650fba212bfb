//! Unit tests, one file per concern. Every test runs through [`crate::mock::run_test`], which
//! checks the pallet's `try_state` invariants after it.

mod bad_input;
mod capacity;
mod collection;
mod filings;
mod integrity;
mod invoices;
mod lines;
mod notices;
mod params;

use crate::{mock::*, types::*, Error, Event};
use frame_support::{assert_noop, assert_ok};
use xindai_primitives::Balance;

/// An asset whose minimum balance (1,000 units) is large enough to matter, for the dust tests.
pub const DUSTY: u32 = 9;

/// Creates [`DUSTY`] and prices it at 1.
pub fn create_dusty_asset() {
	assert_ok!(Assets::force_create(RuntimeOrigin::root(), DUSTY, OWNER, true, 1_000));
	xindai_primitives::testing::set_price_at(
		DUSTY,
		xindai_primitives::price::Price::from_u32(1),
		START,
	);
}
