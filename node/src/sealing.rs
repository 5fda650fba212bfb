//! Where `--sealing` may run, and how: a sealing node makes and finalizes any block it is asked
//! for and imports every block it is given, so it is a development tool, never part of a real
//! network.
//!
//! - Only on `Development` and `Local` chains: a spec of a live chain is refused.
//! - Alone: networking is off (no listen addresses, no boot nodes, no peers, no mDNS), so it
//!   neither adopts another node's forged chain nor serves its own.
//! - Its RPC stays local: with an RPC listener on a non-loopback address it refuses to start,
//!   unless `--unsafe-sealing-rpc-external` says the operator means it (the dev RPCs are
//!   unsafe methods in any case, refused to connections the RPC policy treats as external).
//! - Instant sealing seals a block for every new transaction, and makes room for it when a block
//!   has none ([`drive_instant_sealing`]).

use std::{net::SocketAddr, sync::Arc};

use futures::{
	channel::{mpsc, oneshot},
	SinkExt, StreamExt,
};
use sc_consensus_manual_seal::EngineCommand;
use sc_service::{config::TransportConfig, ChainType, Configuration};
use sc_transaction_pool_api::TransactionPool;
use sp_blockchain::HeaderBackend;
use sp_runtime::traits::Block as BlockT;
use xindai_primitives::opaque::Block;

/// Why a sealing node refuses to start.
#[derive(Debug, PartialEq, Eq)]
pub enum SealingRefused {
	/// The chain spec is of another type than `Development` or `Local`.
	NotADevChain(String),
	/// An RPC listener is on a non-loopback address.
	ExternalRpc(SocketAddr),
}

impl core::fmt::Display for SealingRefused {
	fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
		match self {
			SealingRefused::NotADevChain(kind) => write!(
				f,
				"--sealing is for development only: this chain spec is of type {kind}, not \
				 Development or Local"
			),
			SealingRefused::ExternalRpc(addr) => write!(
				f,
				"--sealing with an RPC listener on {addr}, a non-loopback address: anyone \
				 reaching it could try the dev RPCs; listen on 127.0.0.1, or add \
				 --unsafe-sealing-rpc-external if you mean it"
			),
		}
	}
}

/// Whether a sealing node may run on a chain of `chain_type` with RPC listeners on `rpc`.
pub fn check(
	chain_type: &ChainType,
	rpc: &[SocketAddr],
	allow_external_rpc: bool,
) -> Result<(), SealingRefused> {
	match chain_type {
		ChainType::Development | ChainType::Local => {},
		other => return Err(SealingRefused::NotADevChain(format!("{other:?}"))),
	}
	if !allow_external_rpc {
		if let Some(addr) = rpc.iter().find(|addr| !addr.ip().is_loopback()) {
			return Err(SealingRefused::ExternalRpc(*addr));
		}
	}
	Ok(())
}

/// Checks `config` for sealing and turns its networking off.
pub fn prepare(config: &mut Configuration, allow_external_rpc: bool) -> Result<(), String> {
	let rpc: Vec<SocketAddr> =
		config.rpc.addr.iter().flatten().map(|endpoint| endpoint.listen_addr).collect();
	check(&config.chain_spec.chain_type(), &rpc, allow_external_rpc).map_err(|e| e.to_string())?;
	let network = &mut config.network;
	network.listen_addresses.clear();
	network.public_addresses.clear();
	network.boot_nodes.clear();
	network.default_peers_set.in_peers = 0;
	network.default_peers_set.out_peers = 0;
	network.default_peers_set.reserved_nodes.clear();
	network.default_peers_set.non_reserved_mode = sc_network::config::NonReservedPeerMode::Deny;
	network.default_peers_set_num_full = 0;
	network.transport = TransportConfig::Normal { enable_mdns: false, allow_private_ip: false };
	Ok(())
}

/// Instant sealing: a block for every transaction that enters the pool, until it is in one.
///
/// Manual seal's instant mode asks for a block with `create_empty: false`, and refuses to make a
/// block with no transaction in it. A block whose initialisation fills it (a session change
/// reserves the whole block's weight) has no room for the transaction, so that block is never
/// made and the chain would stop there for good. So when an attempt comes out empty while the
/// pool, updated to the best block, still holds ready transactions, this seals that block empty
/// and asks again: at most [`MAX_EMPTY_FOR_ROOM`] empty blocks per transaction.
pub async fn drive_instant_sealing<C, P>(
	client: Arc<C>,
	pool: Arc<P>,
	mut commands: mpsc::Sender<EngineCommand<<Block as BlockT>::Hash>>,
) where
	C: HeaderBackend<Block>,
	P: TransactionPool<Block = Block>,
{
	let mut imports = pool.import_notification_stream();
	while imports.next().await.is_some() {
		let mut create_empty = false;
		let mut empty_made = 0;
		loop {
			let (sender, sealed) = oneshot::channel();
			let command = EngineCommand::SealNewBlock {
				create_empty,
				finalize: true,
				parent_hash: None,
				sender: Some(sender),
			};
			if commands.send(command).await.is_err() {
				// The sealing task is gone: the node is shutting down.
				return;
			}
			match sealed.await {
				Ok(Err(sc_consensus_manual_seal::Error::EmptyTransactionPool))
					if !create_empty && empty_made < MAX_EMPTY_FOR_ROOM =>
				{
					let best = client.info().best_hash;
					if pool.ready_at(best).await.next().is_none() {
						// Nothing was left out: the transaction is already in a block.
						break;
					}
					log::debug!(
						"🧪 a ready transaction did not fit in the next block: sealing it empty"
					);
					create_empty = true;
				},
				Ok(Ok(_)) if create_empty => {
					empty_made += 1;
					create_empty = false;
				},
				_ => break,
			}
		}
	}
}

/// The most empty blocks instant sealing makes to find room for one transaction: one session
/// change needs one.
pub const MAX_EMPTY_FOR_ROOM: u32 = 2;

#[cfg(test)]
mod tests {
	use super::*;

	fn addr(s: &str) -> SocketAddr {
		s.parse().expect("a socket address")
	}

	#[test]
	fn only_dev_and_local_chains_seal() {
		assert_eq!(check(&ChainType::Development, &[], false), Ok(()));
		assert_eq!(check(&ChainType::Local, &[], false), Ok(()));
		assert_eq!(
			check(&ChainType::Live, &[], true),
			Err(SealingRefused::NotADevChain("Live".into()))
		);
		assert!(check(&ChainType::Custom("staging".into()), &[], true).is_err());
	}

	#[test]
	fn an_external_rpc_listener_needs_the_explicit_flag() {
		let local = [addr("127.0.0.1:9944"), addr("[::1]:9944")];
		assert_eq!(check(&ChainType::Development, &local, false), Ok(()));
		let external = [addr("127.0.0.1:9944"), addr("0.0.0.0:9944")];
		assert_eq!(
			check(&ChainType::Development, &external, false),
			Err(SealingRefused::ExternalRpc(addr("0.0.0.0:9944")))
		);
		assert_eq!(check(&ChainType::Development, &external, true), Ok(()));
	}
}
