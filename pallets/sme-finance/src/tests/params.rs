//! Governance of the parameters, within their bounds.

use super::*;
use sp_runtime::{DispatchError, Permill};
use xindai_primitives::interest::Rate;

#[test]
fn the_risk_origin_sets_parameters_within_bounds() {
	run_test(|| {
		let params =
			SmeParams { grace_period: 86_400, default_after_days: 60, ..Default::default() };
		assert_noop!(
			SmeFinance::set_params(RuntimeOrigin::signed(EVE), params),
			DispatchError::BadOrigin
		);
		assert_ok!(SmeFinance::set_params(RuntimeOrigin::root(), params));
		assert_eq!(crate::Params::<Test>::get(), params);
		assert_eq!(last_event(), Event::ParamsSet { params });
		let bad = [
			(SmeParams { grace_period: 31 * 86_400, ..params }, Error::<Test>::GracePeriodTooLong),
			(
				SmeParams { penalty_rate: Rate::from_rational(51, 100), ..params },
				Error::<Test>::PenaltyRateTooHigh,
			),
			(SmeParams { default_after_days: 29, ..params }, Error::<Test>::DefaultDaysOutOfBounds),
			(
				SmeParams { default_after_days: 366, ..params },
				Error::<Test>::DefaultDaysOutOfBounds,
			),
			(
				SmeParams { max_advance_rate: Permill::from_percent(96), ..params },
				Error::<Test>::InvoiceLimitsOutOfBounds,
			),
			(
				SmeParams { max_fee_rate: Permill::from_percent(11), ..params },
				Error::<Test>::InvoiceLimitsOutOfBounds,
			),
		];
		for (params, error) in bad {
			assert_noop!(SmeFinance::set_params(RuntimeOrigin::root(), params), error);
		}
	});
}

#[test]
fn the_defaults_are_within_bounds() {
	run_test(|| {
		assert_ok!(SmeFinance::ensure_valid_params(&SmeParams::default()));
	});
}
