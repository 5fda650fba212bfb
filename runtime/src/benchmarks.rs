//! The pallets benchmarked in this runtime (`xindai-node benchmark pallet`, built with the node's
//! `runtime-benchmarks` feature). Their results become the pallets' `weights.rs`.

pub use crate::{
	AllPalletsWithSystem, Assets, Balances, ConvictionVoting, CreditRecords, LiquidityPools,
	Multisig, Oracle, OracleMembership, P2pLoans, Preimage, Proxy, Referenda, RiskCouncil,
	RiskCouncilMembership, Runtime, Scheduler, SmeFinance, Sudo, Timestamp, TransactionPayment,
	Treasury, Utility, ValidatorSet,
};
pub use frame_benchmarking::baseline::Pallet as BaselineBench;
pub use frame_system_benchmarking::{
	extensions::Pallet as SystemExtensionsBench, Pallet as SystemBench,
};

impl frame_benchmarking::baseline::Config for Runtime {}

frame_benchmarking::define_benchmarks!(
	[frame_benchmarking, BaselineBench::<Runtime>]
	[frame_system, SystemBench::<Runtime>]
	[frame_system_extensions, SystemExtensionsBench::<Runtime>]
	[pallet_transaction_payment, TransactionPayment]
	[pallet_balances, Balances]
	[pallet_timestamp, Timestamp]
	[pallet_assets, Assets]
	[pallet_utility, Utility]
	[pallet_multisig, Multisig]
	[pallet_proxy, Proxy]
	[pallet_sudo, Sudo]
	[pallet_credit_records, CreditRecords]
	[pallet_liquidity_pools, LiquidityPools]
	[pallet_p2p_loans, P2pLoans]
	[pallet_sme_finance, SmeFinance]
	[pallet_scheduler, Scheduler]
	[pallet_preimage, Preimage]
	[pallet_referenda, Referenda]
	[pallet_conviction_voting, ConvictionVoting]
	[pallet_treasury, Treasury]
	[pallet_collective, RiskCouncil]
	[pallet_membership, RiskCouncilMembership]
	[pallet_membership, OracleMembership]
	[pallet_membership, ValidatorSet]
	[pallet_oracle, Oracle]
);
