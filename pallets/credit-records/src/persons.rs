//! One person, one cap: identity commitments link the accounts of one person (or one
//! enterprise) so that they share one credit history and one exposure cap.
//!
//! A KYC provider's identity attestation (KYC, KYB) carries its **identity commitment** of the
//! subject: a salted hash it derives from the identity documents, never the identity itself.
//! Accounts attested with the same commitment are one person ([`PersonAccounts`]). The first
//! holds the person's [`Histories`] entry; the others point to it ([`HistoryHolder`]), so a
//! second account continues the person's history (a default, a late payment, on-time service)
//! instead of starting afresh: the classic "new account after default" escape is closed. The
//! cap check values the positions of every account of the person, the score counts the valid
//! claims of all of them, and a freeze of any of them stops the person's new credit. Links are
//! permanent: they outlive attestations and deregistration. A person has at most
//! `MaxAccountsPerPerson` accounts.
//!
//! **Consent.** A person's first account joins it at its identity attestation. A later account
//! joins only when both sides agree ([`PendingLinks`]): the account itself (`accept_person`) and
//! an account already of the person (`approve_account`), so neither a careless verifier nor a
//! stranger can tie a victim's account to someone else's record or borrow against a victim's
//! cap. Until it joins, an identity attestation naming a person counts for nothing: the account
//! is not verified and cannot borrow, so refusing to link a new account is no escape either.

use alloc::vec::Vec;
use frame_support::{ensure, traits::Get};
use sp_core::H256;
use sp_runtime::DispatchResult;

use crate::{pallet::*, types::*};

impl<T: Config> Pallet<T> {
	/// The account whose history `who` shares: the first account of its person, or itself.
	pub fn history_holder(who: &T::AccountId) -> T::AccountId {
		HistoryHolder::<T>::get(who).unwrap_or_else(|| who.clone())
	}

	/// Every account of `who`'s person (`who` alone without a person); at most
	/// `MaxAccountsPerPerson`.
	pub fn person_accounts(who: &T::AccountId) -> Vec<T::AccountId> {
		match AccountPerson::<T>::get(who) {
			Some(person) => PersonAccounts::<T>::get(person).into_inner(),
			None => alloc::vec![who.clone()],
		}
	}

	/// Whether `a` and `b` are the same account or accounts of the same person.
	pub fn same_person(a: &T::AccountId, b: &T::AccountId) -> bool {
		a == b
			|| matches!(
				(AccountPerson::<T>::get(a), AccountPerson::<T>::get(b)),
				(Some(x), Some(y)) if x == y
			)
	}

	/// The attestations of `who` that count: an identity attestation only when its commitment is
	/// the person the account belongs to.
	pub(crate) fn counted_attestations(who: &T::AccountId) -> Vec<Attestation<T::AccountId>> {
		let person = AccountPerson::<T>::get(who);
		Attestations::<T>::get(who)
			.into_iter()
			.filter(|a| {
				!a.claim.carries_identity() || (a.identity.is_some() && a.identity == person)
			})
			.collect()
	}

	/// The attestations that count of every account of `who`'s person: the person's score
	/// inputs (at most `MaxAccountsPerPerson` × `MaxAttestations`).
	pub(crate) fn person_attestations(who: &T::AccountId) -> Vec<Attestation<T::AccountId>> {
		Self::person_accounts(who).iter().flat_map(Self::counted_attestations).collect()
	}

	/// An identity attestation of `subject` named the person `identity`: a first account joins
	/// at once; a later one waits for both sides' consent ([`PendingLinks`]). Idempotent.
	pub(crate) fn note_identity(subject: &T::AccountId, identity: H256) -> DispatchResult {
		if let Some(person) = AccountPerson::<T>::get(subject) {
			ensure!(person == identity, Error::<T>::IdentityConflict);
			return Ok(());
		}
		// A link waiting for another person must be refused (`reject_link`) first: one account
		// is never on its way to two persons.
		let pending = PendingLinks::<T>::get(subject);
		ensure!(
			pending.is_none_or(|pending| pending.identity == identity),
			Error::<T>::IdentityConflict
		);
		let accounts = PersonAccounts::<T>::get(identity);
		if accounts.is_empty() {
			if pending.is_some() {
				PendingLinks::<T>::remove(subject);
			}
			return Self::link_identity(subject, identity);
		}
		ensure!(
			(accounts.len() as u32) < T::MaxAccountsPerPerson::get(),
			Error::<T>::TooManyAccounts
		);
		if pending.is_some() {
			return Ok(());
		}
		PendingLinks::<T>::insert(
			subject,
			PendingLink { identity, accepted: false, approved: false },
		);
		Self::deposit_event(Event::IdentityLinkPending { who: subject.clone(), identity });
		Ok(())
	}

	/// One side's consent to `subject` joining its pending person: the account itself
	/// (`by_subject`) or an account of the person. Joins once both agreed.
	pub(crate) fn consent_to_link(
		caller: &T::AccountId,
		subject: &T::AccountId,
		by_subject: bool,
	) -> DispatchResult {
		let mut pending = PendingLinks::<T>::get(subject).ok_or(Error::<T>::NoPendingLink)?;
		if PersonAccounts::<T>::get(pending.identity).is_empty() {
			// The person was erased since (`forget_history`): the stale link goes.
			PendingLinks::<T>::remove(subject);
			return Err(Error::<T>::NoPendingLink.into());
		}
		if by_subject {
			pending.accepted = true;
		} else {
			// Only a registered account of the person speaks for it.
			ensure!(
				AccountPerson::<T>::get(caller) == Some(pending.identity)
					&& Profiles::<T>::contains_key(caller),
				Error::<T>::NotOfThePerson
			);
			pending.approved = true;
		}
		if pending.accepted && pending.approved {
			PendingLinks::<T>::remove(subject);
			Self::link_identity(subject, pending.identity)
		} else {
			PendingLinks::<T>::insert(subject, pending);
			Ok(())
		}
	}

	/// An account of the pending person, or the account itself, refuses the link.
	pub(crate) fn do_reject_link(caller: &T::AccountId, subject: &T::AccountId) -> DispatchResult {
		let pending = PendingLinks::<T>::get(subject).ok_or(Error::<T>::NoPendingLink)?;
		ensure!(
			caller == subject || AccountPerson::<T>::get(caller) == Some(pending.identity),
			Error::<T>::NotOfThePerson
		);
		PendingLinks::<T>::remove(subject);
		Self::deposit_event(Event::IdentityLinkRejected {
			who: subject.clone(),
			by: caller.clone(),
		});
		Ok(())
	}

	/// Joins `subject` to the person `identity`: its own history, which must be unused, gives
	/// way to the person's.
	fn link_identity(subject: &T::AccountId, identity: H256) -> DispatchResult {
		let mut accounts = PersonAccounts::<T>::get(identity);
		ensure!(
			!AccountPerson::<T>::contains_key(subject) && !accounts.contains(subject),
			Error::<T>::IdentityConflict
		);
		accounts.try_push(subject.clone()).map_err(|_| Error::<T>::TooManyAccounts)?;
		if let Some(first) = accounts.first().filter(|first| *first != subject).cloned() {
			// Its own open flags would be lost under the person's: reviewed first.
			ensure!(PersonFlags::<T>::get(subject).is_empty(), Error::<T>::UnderReview);
			Activities::<T>::remove(subject);
			if let Some(own) = Histories::<T>::get(subject) {
				let unused = own.first_activity.is_none()
					&& own.open_positions == 0
					&& own.defaults == 0
					&& own.late == Default::default()
					&& own.attested_filings == 0;
				ensure!(unused, Error::<T>::HistoryConflict);
				Histories::<T>::remove(subject);
			}
			HistoryHolder::<T>::insert(subject, first);
		}
		let count = accounts.len() as u32;
		PersonAccounts::<T>::insert(identity, accounts);
		AccountPerson::<T>::insert(subject, identity);
		Self::deposit_event(Event::IdentityLinked {
			who: subject.clone(),
			identity,
			accounts: count,
		});
		Ok(())
	}

	/// Whether any account of `who`'s person is frozen.
	pub(crate) fn person_frozen(who: &T::AccountId) -> bool {
		Self::person_accounts(who)
			.iter()
			.any(|account| Profiles::<T>::get(account).is_some_and(|p| p.frozen.is_some()))
	}

	/// The links' invariants: every linked account is listed under its person, every listed
	/// account linked to it, and exactly the accounts after the first point to the first.
	#[cfg(any(feature = "try-runtime", test))]
	pub(crate) fn try_state_persons() -> Result<(), sp_runtime::TryRuntimeError> {
		for (who, person) in AccountPerson::<T>::iter() {
			ensure!(
				PersonAccounts::<T>::get(person).contains(&who),
				"a linked account is unlisted"
			);
		}
		for (person, accounts) in PersonAccounts::<T>::iter() {
			ensure!(!accounts.is_empty(), "a person without accounts is kept");
			for (index, account) in accounts.iter().enumerate() {
				ensure!(
					AccountPerson::<T>::get(account) == Some(person),
					"a listed account is linked elsewhere"
				);
				let holder = HistoryHolder::<T>::get(account);
				if index == 0 {
					ensure!(holder.is_none(), "a person's first account points elsewhere");
				} else {
					ensure!(
						holder.as_ref() == accounts.first(),
						"an account misses its person's history"
					);
					ensure!(
						!Histories::<T>::contains_key(account),
						"a secondary account keeps its own history"
					);
				}
			}
		}
		for (account, _) in HistoryHolder::<T>::iter() {
			ensure!(
				AccountPerson::<T>::contains_key(&account),
				"a history pointer without a person"
			);
		}
		// A link pending to a person erased since is inert, removed at the next consent.
		for (account, _) in PendingLinks::<T>::iter() {
			ensure!(!AccountPerson::<T>::contains_key(&account), "a linked account still pending");
		}
		Ok(())
	}
}
