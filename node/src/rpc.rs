//! The node's RPC extensions beyond the standard ones `sc-service` provides.
//!
//! Every node: `system_accountNextIndex` (nonce incl. pool) and `payment_*` (fee queries).
//! Sealing nodes also: `engine_createBlock` / `engine_finalizeBlock` (manual seal) and
//! `dev_timeTravel`, all unsafe (refused to external connections, see [`crate::dev_rpc`]).

use std::sync::Arc;

use futures::channel::mpsc;
use jsonrpsee::RpcModule;
use sc_consensus_manual_seal::EngineCommand;
use sc_transaction_pool_api::TransactionPool;
use sp_api::ProvideRuntimeApi;
use sp_block_builder::BlockBuilder;
use sp_blockchain::{Error as BlockChainError, HeaderBackend, HeaderMetadata};
use xindai_primitives::{opaque::Block, AccountId, Balance, Hash, Nonce};

use crate::{
	dev_clock::DevClock,
	dev_rpc::{DevApiServer, DevRpc, EngineApiServer},
	service::FullClient,
};

/// What the dev-only RPCs of a sealing node need.
pub struct SealingDeps {
	/// Where `engine_*` calls send their commands to the sealing task.
	pub commands: mpsc::Sender<EngineCommand<Hash>>,
	/// The clock `dev_timeTravel` moves.
	pub clock: Arc<DevClock<FullClient>>,
}

/// Full client dependencies.
pub struct FullDeps<C, P> {
	/// The client instance to use.
	pub client: Arc<C>,
	/// Transaction pool instance.
	pub pool: Arc<P>,
	/// Present on sealing nodes only.
	pub sealing: Option<SealingDeps>,
}

/// Instantiate all full RPC extensions.
pub fn create_full<C, P>(
	deps: FullDeps<C, P>,
) -> Result<RpcModule<()>, Box<dyn std::error::Error + Send + Sync>>
where
	C: ProvideRuntimeApi<Block>
		+ HeaderBackend<Block>
		+ HeaderMetadata<Block, Error = BlockChainError>
		+ Send
		+ Sync
		+ 'static,
	C::Api: substrate_frame_rpc_system::AccountNonceApi<Block, AccountId, Nonce>,
	C::Api: pallet_transaction_payment_rpc::TransactionPaymentRuntimeApi<Block, Balance>,
	C::Api: BlockBuilder<Block>,
	P: TransactionPool + 'static,
{
	use pallet_transaction_payment_rpc::{TransactionPayment, TransactionPaymentApiServer};
	use substrate_frame_rpc_system::{System, SystemApiServer};

	let mut module = RpcModule::new(());
	let FullDeps { client, pool, sealing } = deps;

	module.merge(System::new(client.clone(), pool).into_rpc())?;
	module.merge(TransactionPayment::new(client).into_rpc())?;

	if let Some(SealingDeps { commands, clock }) = sealing {
		let dev = DevRpc::new(commands, clock);
		module.merge(EngineApiServer::into_rpc(dev.clone()))?;
		module.merge(DevApiServer::into_rpc(dev))?;
	}

	Ok(module)
}
