//! The dev-only RPCs of a sealing (`--sealing`) node: `engine_createBlock`,
//! `engine_finalizeBlock` (manual sealing) and `dev_timeTravel`.
//!
//! All three are **unsafe** RPC methods: they make blocks, finalize them and move the chain's
//! clock, so they are refused on every connection the node's RPC policy treats as external
//! (`--rpc-methods safe`, or `auto` on a non-loopback listener), like `author_rotateKeys`.
//! polkadot-sdk's own manual-seal RPC does not check the policy, so the node serves these
//! wrappers instead, which check it and then hand the command to the sealing task. They exist
//! only on sealing nodes: a node running Aura + GRANDPA never registers them.

use std::sync::Arc;

use futures::{
	channel::{mpsc, oneshot},
	SinkExt,
};
use jsonrpsee::{
	core::{async_trait, RpcResult},
	proc_macros::rpc,
	types::{ErrorObject, ErrorObjectOwned},
	Extensions,
};
use sc_client_api::{HeaderBackend, StorageProvider};
use sc_consensus_manual_seal::{rpc::CreatedBlock, EngineCommand};
use sc_rpc_api::check_if_safe;
use sp_runtime::EncodedJustification;
use xindai_primitives::{opaque::Block, Hash, Moment};

use crate::dev_clock::DevClock;

/// JSON-RPC error code of a refused time-travel target.
const TIME_TRAVEL_REFUSED: i32 = 5001;

/// JSON-RPC error code of a sealing task that went away.
const SEALING_UNAVAILABLE: i32 = 5002;

/// Manual sealing, as polkadot-sdk's manual-seal RPC offers it, behind the unsafe-RPC policy.
#[rpc(server)]
pub trait EngineApi {
	/// Seal a new block (with the pool's transactions; an empty one if `create_empty`), on
	/// `parent_hash` or the best block, and finalize it if `finalize`.
	#[method(name = "engine_createBlock", with_extensions)]
	async fn create_block(
		&self,
		create_empty: bool,
		finalize: bool,
		parent_hash: Option<Hash>,
	) -> RpcResult<CreatedBlock<Hash>>;

	/// Finalize the block `hash`.
	#[method(name = "engine_finalizeBlock", with_extensions)]
	async fn finalize_block(
		&self,
		hash: Hash,
		justification: Option<EncodedJustification>,
	) -> RpcResult<bool>;
}

/// The dev clock's RPC.
#[rpc(server, namespace = "dev")]
pub trait DevApi {
	/// Sets the timestamp, in milliseconds since the Unix epoch, of the next sealed block. It
	/// must be at least one slot (6 s) and at most ten years after the current best block's.
	/// Returns the target.
	#[method(name = "timeTravel", with_extensions)]
	fn time_travel(&self, timestamp_ms: Moment) -> RpcResult<Moment>;
}

/// The dev RPC server of a sealing node.
pub struct DevRpc<C> {
	commands: mpsc::Sender<EngineCommand<Hash>>,
	clock: Arc<DevClock<C>>,
}

impl<C> Clone for DevRpc<C> {
	fn clone(&self) -> Self {
		Self { commands: self.commands.clone(), clock: self.clock.clone() }
	}
}

impl<C> DevRpc<C> {
	/// Serves `engine_*` over the sealing task's `commands` and `dev_timeTravel` over `clock`.
	pub fn new(commands: mpsc::Sender<EngineCommand<Hash>>, clock: Arc<DevClock<C>>) -> Self {
		Self { commands, clock }
	}

	async fn send(&self, command: EngineCommand<Hash>) -> RpcResult<()> {
		self.commands.clone().send(command).await.map_err(|e| unavailable(e.to_string()))
	}
}

fn unavailable(message: String) -> ErrorObjectOwned {
	ErrorObject::owned(SEALING_UNAVAILABLE, message, None::<()>)
}

#[async_trait]
impl<C: Send + Sync + 'static> EngineApiServer for DevRpc<C> {
	async fn create_block(
		&self,
		ext: &Extensions,
		create_empty: bool,
		finalize: bool,
		parent_hash: Option<Hash>,
	) -> RpcResult<CreatedBlock<Hash>> {
		check_if_safe(ext)?;
		let (sender, receiver) = oneshot::channel();
		self.send(EngineCommand::SealNewBlock {
			create_empty,
			finalize,
			parent_hash,
			sender: Some(sender),
		})
		.await?;
		match receiver.await {
			Ok(result) => result.map_err(Into::into),
			Err(e) => Err(unavailable(e.to_string())),
		}
	}

	async fn finalize_block(
		&self,
		ext: &Extensions,
		hash: Hash,
		justification: Option<EncodedJustification>,
	) -> RpcResult<bool> {
		check_if_safe(ext)?;
		let (sender, receiver) = oneshot::channel();
		self.send(EngineCommand::FinalizeBlock { hash, sender: Some(sender), justification })
			.await?;
		match receiver.await {
			Ok(result) => result.map(|()| true).map_err(Into::into),
			Err(e) => Err(unavailable(e.to_string())),
		}
	}
}

impl<C> DevApiServer for DevRpc<C>
where
	C: StorageProvider<Block, sc_service::TFullBackend<Block>>
		+ HeaderBackend<Block>
		+ Send
		+ Sync
		+ 'static,
{
	fn time_travel(&self, ext: &Extensions, timestamp_ms: Moment) -> RpcResult<Moment> {
		check_if_safe(ext)?;
		self.clock.travel_to(timestamp_ms).map_err(|message| -> ErrorObjectOwned {
			ErrorObject::owned(TIME_TRAVEL_REFUSED, message, None::<()>)
		})
	}
}
