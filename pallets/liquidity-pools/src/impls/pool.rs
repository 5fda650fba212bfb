//! Pool accounting: what a pool has lent out and what its lenders own, its utilisation and
//! borrow rate, the accrual of its borrow index (reserves taking their share), losses absorbed
//! by reserves then lenders, and the debts scaled by the index with their tier premiums.

use sp_runtime::{traits::Zero, FixedPointNumber, Permill, Rounding};
use xindai_primitives::{
	interest::{self, Index, Rate},
	Balance, Moment, MILLISECONDS_PER_SECOND,
};

use crate::{math, types::*};

/// Whole seconds from `since` to `now` (milliseconds), and the moment they end at.
fn whole_seconds(since: Moment, now: Moment) -> (u64, Moment) {
	let seconds = now.saturating_sub(since) / MILLISECONDS_PER_SECOND;
	(seconds, since.saturating_add(seconds.saturating_mul(MILLISECONDS_PER_SECOND)))
}

impl Pool {
	/// Units lent out: the scaled debt times the index, rounded up.
	pub fn total_borrows(&self) -> Balance {
		interest::mul_fixed(self.total_scaled_debt, self.borrow_index, Rounding::Up)
			.unwrap_or(Balance::MAX)
	}

	/// Units lent out: borrows and the drawn principal of credit facilities.
	pub fn lent_out(&self) -> Balance {
		self.total_borrows().saturating_add(self.facility_drawn)
	}

	/// What lenders own: cash + borrows + drawn facilities − reserves − facility income not
	/// unlocked yet.
	pub fn underlying(&self) -> Balance {
		math::underlying(self.cash, self.lent_out(), self.total_reserves)
			.saturating_sub(self.income_locked)
	}

	/// Unlocks facility income linearly up to `now` (what is left locked is rounded up: lenders
	/// see income no sooner than it is earned).
	pub fn unlock_income(&mut self, now: Moment) {
		if self.income_locked.is_zero() || now <= self.income_locked_at {
			return;
		}
		if now >= self.income_unlocks_at {
			self.income_locked = 0;
		} else {
			let left = self.income_unlocks_at - now;
			let span = self.income_unlocks_at - self.income_locked_at;
			self.income_locked = sp_runtime::helpers_128bit::multiply_by_rational_with_rounding(
				self.income_locked,
				left.into(),
				span.into(),
				Rounding::Up,
			)
			.unwrap_or(self.income_locked);
		}
		self.income_locked_at = now;
	}

	/// Facility income of `amount` received at `now`: it joins what is locked, which then
	/// unlocks by a deadline weighted by amount (what was locked keeps its own pace, the new
	/// income takes [`INCOME_UNLOCK_PERIOD`]): paying a unit of interest cannot hold back the
	/// lenders' income.
	pub fn lock_income(&mut self, amount: Balance, now: Moment) {
		self.unlock_income(now);
		if amount.is_zero() {
			return;
		}
		let left = self.income_unlocks_at.saturating_sub(now);
		let total = self.income_locked.saturating_add(amount);
		let weighted = self
			.income_locked
			.saturating_mul(left.into())
			.saturating_add(amount.saturating_mul(INCOME_UNLOCK_PERIOD.into()));
		let period = Moment::try_from(weighted.div_ceil(total)).unwrap_or(INCOME_UNLOCK_PERIOD);
		self.income_locked = total;
		self.income_locked_at = now;
		self.income_unlocks_at = now.saturating_add(period.min(INCOME_UNLOCK_PERIOD));
	}

	/// Lent out over what lenders own.
	pub fn utilisation(&self) -> Permill {
		math::utilisation(self.cash, self.lent_out(), self.total_reserves)
	}

	/// The pool's annual borrow rate now.
	pub fn borrow_rate(&self) -> Rate {
		math::borrow_rate(&self.params.rate_model, self.utilisation())
	}

	/// The pool accrued to `now`: the index grows, reserves take their share of the interest.
	pub fn accrued(&self, now: Moment) -> Option<Pool> {
		let mut pool = self.clone();
		pool.unlock_income(now);
		let (seconds, until) = whole_seconds(pool.last_accrued, now);
		if seconds == 0 {
			return Some(pool);
		}
		pool.last_accrued = until;
		if pool.total_scaled_debt.is_zero() {
			return Some(pool);
		}
		let before = pool.total_borrows();
		pool.borrow_index = interest::accrue_index(pool.borrow_index, pool.borrow_rate(), seconds)?;
		let earned = pool.total_borrows().saturating_sub(before);
		pool.total_reserves =
			pool.total_reserves.checked_add(math::share_of(earned, pool.params.reserve_factor))?;
		Some(pool)
	}

	/// A loss of `amount` lent out (bad debt, a written-off facility): reserves cover what they
	/// can, the lenders bear the rest through a lower `underlying`. Returns what reserves covered.
	pub fn absorb_loss(&mut self, amount: Balance) -> Balance {
		let covered = amount.min(self.total_reserves);
		self.total_reserves -= covered;
		// Income not unlocked yet is the lenders' too: it bears the loss before their capital,
		// so those who leave after a loss do not realise more of it than those who stay.
		let from_income = (amount - covered).min(self.income_locked);
		self.income_locked -= from_income;
		covered
	}

	/// A debt position's amount now: scaled × index plus the premium since it was last
	/// charged, rounded up.
	pub fn debt_of(&self, position: &DebtPosition, now: Moment) -> Option<Balance> {
		let base = interest::mul_fixed(position.scaled, self.borrow_index, Rounding::Up)?;
		let (seconds, _) = whole_seconds(position.premium_since, now);
		let premium = interest::simple_interest(base, position.premium, seconds, Rounding::Up)?;
		base.checked_add(premium)
	}

	/// Charges `position`'s premium up to `now` into the position and the pool's borrows (the
	/// reserves take their share, as of any interest).
	pub fn charge_premium(&mut self, position: &mut DebtPosition, now: Moment) -> Option<()> {
		let (seconds, until) = whole_seconds(position.premium_since, now);
		position.premium_since = until;
		if seconds == 0 || position.premium.is_zero() || position.scaled.is_zero() {
			return Some(());
		}
		let base = interest::mul_fixed(position.scaled, self.borrow_index, Rounding::Up)?;
		let premium = interest::simple_interest(base, position.premium, seconds, Rounding::Up)?;
		let scaled = scaled_up(premium, self.borrow_index)?;
		position.scaled = position.scaled.checked_add(scaled)?;
		self.total_scaled_debt = self.total_scaled_debt.checked_add(scaled)?;
		self.total_reserves =
			self.total_reserves.checked_add(math::share_of(premium, self.params.reserve_factor))?;
		Some(())
	}
}

/// `amount / index`, rounded up (what a new debt adds to the scaled total).
pub(super) fn scaled_up(amount: Balance, index: Index) -> Option<Balance> {
	sp_runtime::helpers_128bit::multiply_by_rational_with_rounding(
		amount,
		Index::DIV,
		index.into_inner(),
		Rounding::Up,
	)
}

/// `amount / index`, rounded down (what a repayment removes from the scaled total).
pub(super) fn scaled_down(amount: Balance, index: Index) -> Option<Balance> {
	sp_runtime::helpers_128bit::multiply_by_rational_with_rounding(
		amount,
		Index::DIV,
		index.into_inner(),
		Rounding::Down,
	)
}
