//! Weights for `pallet_sme_finance`: until `benchmark pallet` regenerates this file on the
//! reference machine, the pallet's counted worst-case storage access at RocksDB costs.

use core::marker::PhantomData;
use frame_support::weights::Weight;

/// Weight functions for `pallet_sme_finance`.
pub struct WeightInfo<T>(PhantomData<T>);
impl<T: frame_system::Config> pallet_sme_finance::WeightInfo for WeightInfo<T> {
	fn file_report() -> Weight {
		<() as pallet_sme_finance::WeightInfo>::file_report()
	}
	fn attest_report() -> Weight {
		<() as pallet_sme_finance::WeightInfo>::attest_report()
	}
	fn apply_credit_line() -> Weight {
		<() as pallet_sme_finance::WeightInfo>::apply_credit_line()
	}
	fn approve_credit_line() -> Weight {
		<() as pallet_sme_finance::WeightInfo>::approve_credit_line()
	}
	fn fund_credit_line() -> Weight {
		<() as pallet_sme_finance::WeightInfo>::fund_credit_line()
	}
	fn attest_milestone() -> Weight {
		<() as pallet_sme_finance::WeightInfo>::attest_milestone()
	}
	fn repay_line() -> Weight {
		<() as pallet_sme_finance::WeightInfo>::repay_line()
	}
	fn close_line() -> Weight {
		<() as pallet_sme_finance::WeightInfo>::close_line()
	}
	fn mark_line_default() -> Weight {
		<() as pallet_sme_finance::WeightInfo>::mark_line_default()
	}
	fn submit_invoice() -> Weight {
		<() as pallet_sme_finance::WeightInfo>::submit_invoice()
	}
	fn confirm_invoice() -> Weight {
		<() as pallet_sme_finance::WeightInfo>::confirm_invoice()
	}
	fn reject_invoice() -> Weight {
		<() as pallet_sme_finance::WeightInfo>::reject_invoice()
	}
	fn cancel_invoice() -> Weight {
		<() as pallet_sme_finance::WeightInfo>::cancel_invoice()
	}
	fn finance_invoice() -> Weight {
		<() as pallet_sme_finance::WeightInfo>::finance_invoice()
	}
	fn pay_invoice() -> Weight {
		<() as pallet_sme_finance::WeightInfo>::pay_invoice()
	}
	fn claim_recourse() -> Weight {
		<() as pallet_sme_finance::WeightInfo>::claim_recourse()
	}
	fn repay_recourse() -> Weight {
		<() as pallet_sme_finance::WeightInfo>::repay_recourse()
	}
	fn set_params() -> Weight {
		<() as pallet_sme_finance::WeightInfo>::set_params()
	}
}
