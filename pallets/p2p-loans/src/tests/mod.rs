//! Unit tests, one file per concern; each runs through [`crate::mock::run_test`], which checks
//! `try_state` after it.

mod bad_input;
mod capacity;
mod collection;
mod default;
mod integrity;
mod market;
mod notices;
mod pruning;
mod repayment;
mod requests;

use crate::{mock::*, types::*, Error, Event};
use frame_support::{assert_noop, assert_ok};
use sp_runtime::traits::Zero;
use xindai_primitives::interest::Rate;
