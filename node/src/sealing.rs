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

use std::net::SocketAddr;

use sc_service::{config::TransportConfig, ChainType, Configuration};

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
