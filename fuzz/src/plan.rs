//! What a fuzz run plays: blocks of calls, each from an actor, with the time between blocks.
//!
//! A plan holds concrete calls (SCALE-encodable `RuntimeCall`s), not the random choices that made
//! them: replaying a plan needs no generator, so a shrunk failing plan can be pasted into a
//! regression test as hex and replayed exactly.

use codec::{Decode, Encode};
use sp_core::crypto::AccountId32;
use xindai_runtime::{
	governance::{origins::pallet_custom_origins, RiskCouncilInstance},
	AccountId, RuntimeCall, RuntimeOrigin,
};

/// The number of fuzz accounts: the six dev accounts and ten more.
pub const ACCOUNTS: usize = 16;

/// Who dispatches a call.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Encode, Decode)]
pub enum Actor {
	/// The fuzz account of this index (see [`account`]).
	Signed(u8),
	/// Root: sudo on a dev chain, a passed root referendum on a live one.
	Root,
	/// A passed `risk_admin` referendum.
	RiskAdmin,
	/// A passed `verifier_admin` referendum.
	VerifierAdmin,
	/// A passed `underwriter` referendum.
	Underwriter,
	/// A passed `treasurer` referendum.
	Treasurer,
	/// A passed `referendum_canceller` referendum.
	ReferendumCanceller,
	/// Two thirds of the risk council (of three members, in the dev genesis).
	CouncilTwoThirds,
}

impl Actor {
	/// The origin this actor dispatches with.
	pub fn origin(self) -> RuntimeOrigin {
		use pallet_custom_origins::Origin as Track;
		match self {
			Actor::Signed(index) => RuntimeOrigin::signed(account(index)),
			Actor::Root => RuntimeOrigin::root(),
			Actor::RiskAdmin => Track::RiskAdmin.into(),
			Actor::VerifierAdmin => Track::VerifierAdmin.into(),
			Actor::Underwriter => Track::Underwriter.into(),
			Actor::Treasurer => Track::Treasurer.into(),
			Actor::ReferendumCanceller => Track::ReferendumCanceller.into(),
			Actor::CouncilTwoThirds => {
				pallet_collective::RawOrigin::<AccountId, RiskCouncilInstance>::Members(2, 3).into()
			},
		}
	}
}

/// The fuzz account of `index` (taken modulo [`ACCOUNTS`]): 0–5 are Alice, Bob, Charlie, Dave, Eve
/// and Ferdie of the dev genesis, 6–15 accounts the fuzzer funds at its start.
pub fn account(index: u8) -> AccountId {
	accounts()[usize::from(index) % ACCOUNTS].clone()
}

/// All fuzz accounts, by index (derived once).
pub fn accounts() -> &'static [AccountId] {
	use sp_core::crypto::Pair as _;
	static ACCOUNT_IDS: std::sync::OnceLock<Vec<AccountId>> = std::sync::OnceLock::new();
	ACCOUNT_IDS.get_or_init(|| {
		const DEV: [&str; 6] = ["Alice", "Bob", "Charlie", "Dave", "Eve", "Ferdie"];
		(0..ACCOUNTS)
			.map(|index| match DEV.get(index) {
				Some(name) => {
					let pair = sp_core::sr25519::Pair::from_string(&format!("//{name}"), None)
						.expect("dev seeds are valid");
					AccountId32::from(pair.public())
				},
				None => AccountId32::new([0xA0 + index as u8; 32]),
			})
			.collect()
	})
}

/// One call of a block.
#[derive(Clone, Debug, PartialEq, Eq, Encode, Decode)]
pub struct Step {
	/// Who dispatches it.
	pub actor: Actor,
	/// What is dispatched.
	pub call: RuntimeCall,
}

/// One block: how far the clock moves before it, then its calls in order.
#[derive(Clone, Debug, Default, PartialEq, Eq, Encode, Decode)]
pub struct BlockPlan {
	/// Milliseconds from the previous block's timestamp (a positive multiple of the slot).
	pub advance_ms: u64,
	/// The calls, after the timestamp inherent.
	pub steps: Vec<Step>,
}

/// A whole run: the blocks played after the fuzzer's setup.
#[derive(Clone, Debug, Default, PartialEq, Eq, Encode, Decode)]
pub struct Scenario {
	/// The blocks, in order.
	pub blocks: Vec<BlockPlan>,
}

impl Scenario {
	/// The number of calls over all blocks.
	pub fn calls(&self) -> usize {
		self.blocks.iter().map(|b| b.steps.len()).sum()
	}

	/// The SCALE encoding as `0x…` hex, the form regression tests embed.
	pub fn to_hex(&self) -> String {
		format!("0x{}", sp_core::hexdisplay::HexDisplay::from(&self.encode()))
	}

	/// A scenario from its [`Self::to_hex`] form.
	pub fn from_hex(hex: &str) -> Result<Self, String> {
		let bytes = sp_core::bytes::from_hex(hex).map_err(|e| format!("not hex: {e:?}"))?;
		Self::decode(&mut &bytes[..]).map_err(|e| format!("not a scenario: {e}"))
	}
}
