//! The runtime APIs: what the node, wallets and other clients may ask the runtime.

use alloc::vec::Vec;
use frame_support::{
	genesis_builder_helper::{build_state, get_preset},
	weights::Weight,
};
#[cfg(not(xindai_parachain))]
use pallet_grandpa::AuthorityId as GrandpaId;
use sp_api::impl_runtime_apis;
use sp_consensus_aura::sr25519::AuthorityId as AuraId;
use sp_core::{crypto::KeyTypeId, OpaqueMetadata};
#[cfg(not(xindai_parachain))]
use sp_runtime::traits::NumberFor;
use sp_runtime::{
	traits::Block as BlockT,
	transaction_validity::{TransactionSource, TransactionValidity},
	ApplyExtrinsicResult, ExtrinsicInclusionMode,
};
use sp_version::RuntimeVersion;

#[cfg(not(xindai_parachain))]
use crate::Grandpa;
#[cfg(xindai_parachain)]
use crate::{configs::parachain::ConsensusHook, ParachainInfo, ParachainSystem};
use crate::{
	opaque::SessionKeys, AccountId, AssetId, Aura, Balance, Block, CreditRecords, Executive,
	InherentDataExt, LiquidityPools, Nonce, P2pLoans, Runtime, RuntimeCall, RuntimeGenesisConfig,
	SmeFinance, System, TransactionPayment, VERSION,
};

impl_runtime_apis! {
	impl sp_api::Core<Block> for Runtime {
		fn version() -> RuntimeVersion {
			VERSION
		}

		fn execute_block(block: <Block as BlockT>::LazyBlock) {
			Executive::execute_block(block);
		}

		fn initialize_block(header: &<Block as BlockT>::Header) -> ExtrinsicInclusionMode {
			Executive::initialize_block(header)
		}
	}

	impl sp_api::Metadata<Block> for Runtime {
		fn metadata() -> OpaqueMetadata {
			OpaqueMetadata::new(Runtime::metadata().into())
		}

		fn metadata_at_version(version: u32) -> Option<OpaqueMetadata> {
			Runtime::metadata_at_version(version)
		}

		fn metadata_versions() -> Vec<u32> {
			Runtime::metadata_versions()
		}
	}

	impl sp_block_builder::BlockBuilder<Block> for Runtime {
		fn apply_extrinsic(extrinsic: <Block as BlockT>::Extrinsic) -> ApplyExtrinsicResult {
			Executive::apply_extrinsic(extrinsic)
		}

		fn finalize_block() -> <Block as BlockT>::Header {
			Executive::finalize_block()
		}

		fn inherent_extrinsics(data: sp_inherents::InherentData) -> Vec<<Block as BlockT>::Extrinsic> {
			data.create_extrinsics()
		}

		fn check_inherents(
			block: <Block as BlockT>::LazyBlock,
			data: sp_inherents::InherentData,
		) -> sp_inherents::CheckInherentsResult {
			data.check_extrinsics(&block)
		}
	}

	impl sp_transaction_pool::runtime_api::TaggedTransactionQueue<Block> for Runtime {
		fn validate_transaction(
			source: TransactionSource,
			tx: <Block as BlockT>::Extrinsic,
			block_hash: <Block as BlockT>::Hash,
		) -> TransactionValidity {
			Executive::validate_transaction(source, tx, block_hash)
		}
	}

	impl sp_offchain::OffchainWorkerApi<Block> for Runtime {
		fn offchain_worker(header: &<Block as BlockT>::Header) {
			Executive::offchain_worker(header)
		}
	}

	impl sp_consensus_aura::AuraApi<Block, AuraId> for Runtime {
		fn slot_duration() -> sp_consensus_aura::SlotDuration {
			sp_consensus_aura::SlotDuration::from_millis(Aura::slot_duration())
		}

		fn authorities() -> Vec<AuraId> {
			pallet_aura::Authorities::<Runtime>::get().into_inner()
		}
	}

	impl sp_session::SessionKeys<Block> for Runtime {
		fn generate_session_keys(
			owner: Vec<u8>,
			seed: Option<Vec<u8>>,
		) -> sp_session::OpaqueGeneratedSessionKeys {
			SessionKeys::generate(&owner, seed).into()
		}

		fn decode_session_keys(encoded: Vec<u8>) -> Option<Vec<(Vec<u8>, KeyTypeId)>> {
			SessionKeys::decode_into_raw_public_keys(&encoded)
		}
	}

	#[cfg(not(xindai_parachain))]
	impl sp_consensus_grandpa::GrandpaApi<Block> for Runtime {
		fn grandpa_authorities() -> sp_consensus_grandpa::AuthorityList {
			Grandpa::grandpa_authorities()
		}

		fn current_set_id() -> sp_consensus_grandpa::SetId {
			Grandpa::current_set_id()
		}

		fn submit_report_equivocation_unsigned_extrinsic(
			_equivocation_proof: sp_consensus_grandpa::EquivocationProof<
				<Block as BlockT>::Hash,
				NumberFor<Block>,
			>,
			_key_owner_proof: sp_consensus_grandpa::OpaqueKeyOwnershipProof,
		) -> Option<()> {
			// Equivocations are not reported: without staking there is nothing to slash (see
			// `KeyOwnerProof` in `configs::consensus`).
			None
		}

		fn generate_key_ownership_proof(
			_set_id: sp_consensus_grandpa::SetId,
			_authority_id: GrandpaId,
		) -> Option<sp_consensus_grandpa::OpaqueKeyOwnershipProof> {
			None
		}
	}

	// The collator's APIs (omni-node calls them): may it build on a block, what to hand the
	// relay chain, which para id and relay parent.
	#[cfg(xindai_parachain)]
	impl cumulus_primitives_aura::AuraUnincludedSegmentApi<Block> for Runtime {
		fn can_build_upon(
			included_hash: <Block as BlockT>::Hash,
			slot: cumulus_primitives_aura::Slot,
		) -> bool {
			ConsensusHook::can_build_upon(included_hash, slot)
		}
	}

	#[cfg(xindai_parachain)]
	impl cumulus_primitives_core::CollectCollationInfo<Block> for Runtime {
		fn collect_collation_info(
			header: &<Block as BlockT>::Header,
		) -> cumulus_primitives_core::CollationInfo {
			ParachainSystem::collect_collation_info(header)
		}
	}

	#[cfg(xindai_parachain)]
	impl cumulus_primitives_core::GetParachainInfo<Block> for Runtime {
		fn parachain_id() -> cumulus_primitives_core::ParaId {
			ParachainInfo::parachain_id()
		}
	}

	#[cfg(xindai_parachain)]
	impl cumulus_primitives_core::RelayParentOffsetApi<Block> for Runtime {
		fn relay_parent_offset() -> u32 {
			crate::configs::parachain::RELAY_PARENT_OFFSET
		}

		fn max_claim_queue_offset() -> u8 {
			ParachainSystem::max_claim_queue_offset()
		}
	}

	#[cfg(xindai_parachain)]
	impl cumulus_primitives_core::SchedulingV3EnabledApi<Block> for Runtime {
		fn scheduling_v3_enabled() -> bool {
			use cumulus_primitives_core::VerifySchedulingSignature;
			<<Runtime as cumulus_pallet_parachain_system::Config>::SchedulingSignatureVerifier
				as VerifySchedulingSignature>::V3_SCHEDULING_ENABLED
		}
	}

	#[cfg(xindai_parachain)]
	impl cumulus_primitives_core::TargetBlockRate<Block> for Runtime {
		fn target_block_rate() -> u32 {
			crate::configs::parachain::BLOCK_PROCESSING_VELOCITY
		}
	}

	#[cfg(xindai_parachain)]
	impl cumulus_primitives_core::KeyToIncludeInRelayProof<Block> for Runtime {
		/// No relay chain storage beyond what Cumulus itself proves.
		fn keys_to_prove() -> cumulus_primitives_core::RelayProofRequest {
			Default::default()
		}
	}

	impl frame_system_rpc_runtime_api::AccountNonceApi<Block, AccountId, Nonce> for Runtime {
		fn account_nonce(account: AccountId) -> Nonce {
			System::account_nonce(account)
		}
	}

	impl pallet_transaction_payment_rpc_runtime_api::TransactionPaymentApi<Block, Balance> for Runtime {
		fn query_info(
			uxt: <Block as BlockT>::Extrinsic,
			len: u32,
		) -> pallet_transaction_payment_rpc_runtime_api::RuntimeDispatchInfo<Balance> {
			TransactionPayment::query_info(uxt, len)
		}
		fn query_fee_details(
			uxt: <Block as BlockT>::Extrinsic,
			len: u32,
		) -> pallet_transaction_payment::FeeDetails<Balance> {
			TransactionPayment::query_fee_details(uxt, len)
		}
		fn query_weight_to_fee(weight: Weight) -> Balance {
			TransactionPayment::weight_to_fee(weight)
		}
		fn query_length_to_fee(length: u32) -> Balance {
			TransactionPayment::length_to_fee(length)
		}
	}

	impl pallet_transaction_payment_rpc_runtime_api::TransactionPaymentCallApi<Block, Balance, RuntimeCall>
		for Runtime
	{
		fn query_call_info(
			call: RuntimeCall,
			len: u32,
		) -> pallet_transaction_payment::RuntimeDispatchInfo<Balance> {
			TransactionPayment::query_call_info(call, len)
		}
		fn query_call_fee_details(
			call: RuntimeCall,
			len: u32,
		) -> pallet_transaction_payment::FeeDetails<Balance> {
			TransactionPayment::query_call_fee_details(call, len)
		}
		fn query_weight_to_fee(weight: Weight) -> Balance {
			TransactionPayment::weight_to_fee(weight)
		}
		fn query_length_to_fee(length: u32) -> Balance {
			TransactionPayment::length_to_fee(length)
		}
	}

	impl pallet_credit_records_runtime_api::CreditRecordsApi<Block, AccountId, Balance> for Runtime {
		fn profile_summary(
			who: AccountId,
		) -> Option<pallet_credit_records::ProfileSummary<AccountId, Balance>> {
			CreditRecords::profile_summary(&who)
		}

		fn score_breakdown(who: AccountId) -> pallet_credit_records::ScoreBreakdown {
			CreditRecords::score_breakdown(&who)
		}

		fn grants(owner: AccountId) -> Vec<pallet_credit_records::GrantView<AccountId>> {
			CreditRecords::grants_of(&owner)
		}

		fn flags(
			who: AccountId,
		) -> Vec<(pallet_credit_records::FlagId, pallet_credit_records::Flag<AccountId>)> {
			CreditRecords::flags_of(&who)
		}

		fn review_queue(
			start_after: Option<pallet_credit_records::FlagId>,
			limit: u32,
		) -> Vec<(pallet_credit_records::FlagId, pallet_credit_records::Flag<AccountId>)> {
			CreditRecords::review_queue(start_after, limit)
		}

		fn repayment_capacity(who: AccountId) -> Option<pallet_credit_records::CapacityView> {
			CreditRecords::capacity_view(&who)
		}
	}

	impl pallet_liquidity_pools_runtime_api::LiquidityPoolsApi<Block, AccountId> for Runtime {
		fn pool(asset: AssetId) -> Option<pallet_liquidity_pools::PoolInfo> {
			LiquidityPools::pool_info(asset)
		}

		fn pools() -> Vec<pallet_liquidity_pools::PoolInfo> {
			LiquidityPools::all_pools()
		}

		fn position(who: AccountId) -> pallet_liquidity_pools::AccountPosition {
			LiquidityPools::position(&who)
		}

		fn max_borrow(who: AccountId, asset: AssetId) -> Balance {
			LiquidityPools::max_borrow(&who, asset)
		}
	}

	impl pallet_p2p_loans_runtime_api::P2pLoansApi<Block, AccountId> for Runtime {
		fn loan(id: pallet_p2p_loans::types::LoanId) -> Option<pallet_p2p_loans::LoanView<AccountId>> {
			P2pLoans::loan_view(id)
		}

		fn positions(who: AccountId) -> Vec<pallet_p2p_loans::PositionView> {
			P2pLoans::positions_of(&who)
		}

		fn open_requests() -> Vec<(pallet_p2p_loans::types::LoanId, pallet_p2p_loans::LoanView<AccountId>)> {
			P2pLoans::open_requests(100)
		}
	}

	impl pallet_sme_finance_runtime_api::SmeFinanceApi<Block, AccountId, Balance> for Runtime {
		fn filings(enterprise: AccountId) -> Vec<pallet_sme_finance::FilingView<AccountId>> {
			SmeFinance::filings(&enterprise)
		}

		fn line(id: pallet_sme_finance::types::LineId) -> Option<pallet_sme_finance::LineView<AccountId>> {
			SmeFinance::line_view(id)
		}

		fn lines(enterprise: AccountId) -> Vec<pallet_sme_finance::LineView<AccountId>> {
			SmeFinance::lines(&enterprise)
		}

		fn invoices(enterprise: AccountId) -> Vec<pallet_sme_finance::InvoiceView<AccountId, Balance>> {
			SmeFinance::invoices(&enterprise)
		}
	}

	impl sp_genesis_builder::GenesisBuilder<Block> for Runtime {
		fn build_state(config: Vec<u8>) -> sp_genesis_builder::Result {
			build_state::<RuntimeGenesisConfig>(config)
		}

		fn get_preset(id: &Option<sp_genesis_builder::PresetId>) -> Option<Vec<u8>> {
			get_preset::<RuntimeGenesisConfig>(id, crate::genesis_config_presets::get_preset)
		}

		fn preset_names() -> Vec<sp_genesis_builder::PresetId> {
			crate::genesis_config_presets::preset_names()
		}
	}

	#[cfg(feature = "runtime-benchmarks")]
	impl frame_benchmarking::Benchmark<Block> for Runtime {
		fn benchmark_metadata(extra: bool) -> (
			Vec<frame_benchmarking::BenchmarkList>,
			Vec<frame_support::traits::StorageInfo>,
		) {
			use frame_benchmarking::BenchmarkList;
			use frame_support::traits::StorageInfoTrait;
			use crate::benchmarks::*;

			let mut list = Vec::<BenchmarkList>::new();
			list_benchmarks!(list, extra);

			let storage_info = AllPalletsWithSystem::storage_info();
			(list, storage_info)
		}

		#[allow(non_local_definitions)]
		fn dispatch_benchmark(
			config: frame_benchmarking::BenchmarkConfig
		) -> Result<Vec<frame_benchmarking::BenchmarkBatch>, alloc::string::String> {
			use frame_benchmarking::BenchmarkBatch;
			use frame_support::traits::{TrackedStorageKey, WhitelistedStorageKeys};
			use crate::benchmarks::*;

			impl frame_system_benchmarking::Config for Runtime {}
			impl pallet_transaction_payment::BenchmarkConfig for Runtime {}

			let whitelist: Vec<TrackedStorageKey> = AllPalletsWithSystem::whitelisted_storage_keys();

			let mut batches = Vec::<BenchmarkBatch>::new();
			let params = (&config, &whitelist);
			add_benchmarks!(params, batches);

			Ok(batches)
		}
	}

	#[cfg(feature = "try-runtime")]
	impl frame_try_runtime::TryRuntime<Block> for Runtime {
		fn on_runtime_upgrade(checks: frame_try_runtime::UpgradeCheckSelect) -> (Weight, Weight) {
			// Called by the try-runtime CLI only: a panic there is the report of a failed check.
			let weight = Executive::try_runtime_upgrade(checks).unwrap();
			(weight, crate::configs::RuntimeBlockWeights::get().max_block)
		}

		fn execute_block(
			block: <Block as BlockT>::LazyBlock,
			state_root_check: bool,
			signature_check: bool,
			select: frame_try_runtime::TryStateSelect
		) -> Weight {
			// Called by the try-runtime CLI only: a panic there is the report of a failed check.
			Executive::try_execute_block(block, state_root_check, signature_check, select).unwrap()
		}
	}
}
