//! Unit tests, one file per concern. Every test runs through [`crate::mock::run_test`], which
//! checks the pallet's `try_state` invariants after it.

mod bad_input;
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
