//! What `xindai-node benchmark overhead` and `benchmark extrinsic` need from this node: signed
//! extrinsics of the real runtime (a `System::remark` and a `Balances::transfer_keep_alive`
//! from a funded dev account) and the inherent data of an empty block.
//!
//! The extrinsics carry the runtime's own transaction extensions
//! ([`xindai_runtime::TxExtension`]), so the per-extrinsic overhead measured is that of every
//! check a user's transaction passes: nonce, era, weight, fee, metadata hash, weight reclaim.

use std::{sync::Arc, time::Duration};

use codec::Encode;
use frame_benchmarking_cli::ExtrinsicBuilder;
use sc_cli::Result;
use sc_client_api::UsageProvider;
use sp_core::{sr25519, Pair};
use sp_inherents::{InherentData, InherentDataProvider};
use sp_keyring::Sr25519Keyring;
use sp_runtime::{generic::Era, OpaqueExtrinsic, SaturatedConversion};
use xindai_primitives::{AccountId, Balance, Signature};
use xindai_runtime::{
	configs::BlockHashCount, BalancesCall, Runtime, RuntimeCall, SignedPayload, SystemCall,
	TxExtension, UncheckedExtrinsic, VERSION,
};

use crate::service::FullClient;

/// Builds `System::remark` extrinsics: the no-op whose cost is the per-extrinsic overhead.
pub struct RemarkBuilder {
	client: Arc<FullClient>,
}

impl RemarkBuilder {
	pub fn new(client: Arc<FullClient>) -> Self {
		Self { client }
	}
}

impl ExtrinsicBuilder for RemarkBuilder {
	fn pallet(&self) -> &str {
		"system"
	}

	fn extrinsic(&self) -> &str {
		"remark"
	}

	fn build(&self, nonce: u32) -> std::result::Result<OpaqueExtrinsic, &'static str> {
		let call: RuntimeCall = SystemCall::remark { remark: vec![] }.into();
		signed_opaque(&self.client, Sr25519Keyring::Alice.pair(), call, nonce)
	}
}

/// Builds `Balances::transfer_keep_alive` extrinsics of `value` to `dest`.
pub struct TransferKeepAliveBuilder {
	client: Arc<FullClient>,
	dest: AccountId,
	value: Balance,
}

impl TransferKeepAliveBuilder {
	pub fn new(client: Arc<FullClient>, dest: AccountId, value: Balance) -> Self {
		Self { client, dest, value }
	}
}

impl ExtrinsicBuilder for TransferKeepAliveBuilder {
	fn pallet(&self) -> &str {
		"balances"
	}

	fn extrinsic(&self) -> &str {
		"transfer_keep_alive"
	}

	fn build(&self, nonce: u32) -> std::result::Result<OpaqueExtrinsic, &'static str> {
		let call: RuntimeCall =
			BalancesCall::transfer_keep_alive { dest: self.dest.clone().into(), value: self.value }
				.into();
		signed_opaque(&self.client, Sr25519Keyring::Bob.pair(), call, nonce)
	}
}

fn signed_opaque(
	client: &FullClient,
	sender: sr25519::Pair,
	call: RuntimeCall,
	nonce: u32,
) -> std::result::Result<OpaqueExtrinsic, &'static str> {
	// `From` keeps the encoding unprefixed, as the block builder decodes it (`from_blob` of
	// `encode()` would carry the length prefix twice).
	Ok(signed_extrinsic(client, sender, call, nonce)?.into())
}

/// A transaction of `sender` with the runtime's transaction extensions, valid on top of the
/// client's best block (mortal for the longest era the runtime accepts).
pub fn signed_extrinsic(
	client: &FullClient,
	sender: sr25519::Pair,
	call: RuntimeCall,
	nonce: u32,
) -> std::result::Result<UncheckedExtrinsic, &'static str> {
	use sp_blockchain::HeaderBackend;

	let info = client.usage_info().chain;
	let genesis_hash = client
		.hash(0)
		.map_err(|_| "the client cannot read its genesis hash")?
		.ok_or("the client has no genesis block")?;
	let best_hash = info.best_hash;
	let best_number: u64 = info.best_number.saturated_into();
	let period = u64::from(BlockHashCount::get())
		.checked_next_power_of_two()
		.map(|power| power / 2)
		.unwrap_or(2);

	let extension: TxExtension = (
		frame_system::CheckNonZeroSender::<Runtime>::new(),
		frame_system::CheckSpecVersion::<Runtime>::new(),
		frame_system::CheckTxVersion::<Runtime>::new(),
		frame_system::CheckGenesis::<Runtime>::new(),
		frame_system::CheckEra::<Runtime>::from(Era::mortal(period, best_number)),
		frame_system::CheckNonce::<Runtime>::from(nonce),
		frame_system::CheckWeight::<Runtime>::new(),
		pallet_transaction_payment::ChargeTransactionPayment::<Runtime>::from(0),
		frame_metadata_hash_extension::CheckMetadataHash::<Runtime>::new(false),
		frame_system::WeightReclaim::<Runtime>::new(),
	);
	let payload = SignedPayload::from_raw(
		call.clone(),
		extension.clone(),
		(
			(),
			VERSION.spec_version,
			VERSION.transaction_version,
			genesis_hash,
			best_hash,
			(),
			(),
			(),
			None,
			(),
		),
	);
	let signature = payload.using_encoded(|encoded| sender.sign(encoded));
	Ok(UncheckedExtrinsic::new_signed(
		call,
		AccountId::from(sender.public()).into(),
		Signature::Sr25519(signature),
		extension,
	))
}

/// The inherent data of a benchmark block: only the timestamp (the slot follows from it).
pub fn inherent_benchmark_data() -> Result<InherentData> {
	let mut inherent_data = InherentData::new();
	let timestamp = sp_timestamp::InherentDataProvider::new(Duration::ZERO.into());
	futures::executor::block_on(timestamp.provide_inherent_data(&mut inherent_data))
		.map_err(|error| format!("cannot provide the timestamp inherent: {error:?}"))?;
	Ok(inherent_data)
}
