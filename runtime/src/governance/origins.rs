//! The custom origins of Xindai's governance tracks. A referendum on a track, once approved,
//! dispatches its call with that track's origin; each domain pallet accepts exactly the origins
//! that may change what it governs.

pub use pallet_custom_origins::*;

#[frame_support::pallet]
pub mod pallet_custom_origins {
	use frame_support::pallet_prelude::*;

	#[pallet::config]
	pub trait Config: frame_system::Config {}

	#[pallet::pallet]
	pub struct Pallet<T>(_);

	/// The origins a referendum can carry besides root.
	#[derive(
		PartialEq, Eq, Clone, MaxEncodedLen, Encode, Decode, DecodeWithMemTracking, TypeInfo, Debug,
	)]
	#[pallet::origin]
	pub enum Origin {
		/// Risk parameters: pools and their parameters, the credit tier table, price-age and LTV
		/// limits; freezing and unfreezing accounts. Not the oracle's feeders, the risk council or
		/// referenda: those are root's (and the canceller's).
		RiskAdmin,
		/// Admission and removal of verifiers (KYC providers, auditors, credit bureaus).
		VerifierAdmin,
		/// Approval of SME credit lines and pool facility caps.
		Underwriter,
		/// Treasury spends.
		Treasurer,
		/// Cancelling an ongoing referendum (deposits refunded).
		ReferendumCanceller,
	}

	macro_rules! decl_unit_ensures {
		( $name:ident ) => {
			/// Ensures the origin is the track origin of the same name.
			pub struct $name;
			impl<O: OriginTrait + From<Origin>> EnsureOrigin<O> for $name
			where
				for<'a> &'a O::PalletsOrigin: TryInto<&'a Origin>,
			{
				type Success = ();
				fn try_origin(o: O) -> Result<Self::Success, O> {
					match o.caller().try_into() {
						Ok(Origin::$name) => return Ok(()),
						_ => (),
					}
					Err(o)
				}
				#[cfg(feature = "runtime-benchmarks")]
				fn try_successful_origin() -> Result<O, ()> {
					Ok(O::from(Origin::$name))
				}
			}
		};
		( $name:ident, $( $rest:tt )* ) => {
			decl_unit_ensures! { $name }
			decl_unit_ensures! { $( $rest )* }
		};
		() => {}
	}
	decl_unit_ensures!(RiskAdmin, VerifierAdmin, Underwriter, Treasurer, ReferendumCanceller);
}
