//! A small seeded random source (SplitMix64): the same seed always plays the same scenario,
//! on every machine, with no dependency whose output could change under us.

/// A SplitMix64 generator with the helpers the generators use.
#[derive(Clone, Debug)]
pub struct Rng(u64);

impl Rng {
	/// A generator started from `seed`.
	pub fn new(seed: u64) -> Self {
		Self(seed)
	}

	/// The next 64 random bits.
	pub fn next_u64(&mut self) -> u64 {
		self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
		let mut z = self.0;
		z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
		z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
		z ^ (z >> 31)
	}

	/// A value in `0..n` (0 when `n` is 0).
	pub fn below(&mut self, n: u64) -> u64 {
		if n == 0 {
			0
		} else {
			self.next_u64() % n
		}
	}

	/// An index into a collection of `len` items (0 when it is empty).
	pub fn index(&mut self, len: usize) -> usize {
		self.below(len as u64) as usize
	}

	/// A value in `low..=high`.
	pub fn range(&mut self, low: u64, high: u64) -> u64 {
		low + self.below(high.saturating_sub(low).saturating_add(1))
	}

	/// True with probability `percent` / 100.
	pub fn chance(&mut self, percent: u64) -> bool {
		self.below(100) < percent
	}

	/// One element of a non-empty slice.
	pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
		&items[self.index(items.len())]
	}

	/// One element of `items`, or `None` when it is empty.
	pub fn pick_opt<T: Clone>(&mut self, items: &[T]) -> Option<T> {
		if items.is_empty() {
			None
		} else {
			Some(items[self.index(items.len())].clone())
		}
	}

	/// 32 random bytes.
	pub fn bytes32(&mut self) -> [u8; 32] {
		let mut out = [0u8; 32];
		for chunk in out.chunks_mut(8) {
			chunk.copy_from_slice(&self.next_u64().to_le_bytes());
		}
		out
	}

	/// An index drawn from `weights`: index `i` with probability `weights[i] / Σ weights`.
	pub fn weighted(&mut self, weights: &[u32]) -> usize {
		let total: u64 = weights.iter().map(|w| u64::from(*w)).sum();
		let mut roll = self.below(total);
		for (i, w) in weights.iter().enumerate() {
			if roll < u64::from(*w) {
				return i;
			}
			roll -= u64::from(*w);
		}
		weights.len().saturating_sub(1)
	}
}

#[cfg(test)]
mod tests {
	use super::Rng;

	#[test]
	fn the_same_seed_gives_the_same_stream_and_another_seed_another() {
		let a: Vec<u64> = (0..8)
			.map({
				let mut r = Rng::new(7);
				move |_| r.next_u64()
			})
			.collect();
		let b: Vec<u64> = (0..8)
			.map({
				let mut r = Rng::new(7);
				move |_| r.next_u64()
			})
			.collect();
		let c: Vec<u64> = (0..8)
			.map({
				let mut r = Rng::new(8);
				move |_| r.next_u64()
			})
			.collect();
		assert_eq!(a, b);
		assert_ne!(a, c);
	}

	#[test]
	fn helpers_stay_in_their_ranges() {
		let mut r = Rng::new(1);
		for _ in 0..1000 {
			assert!(r.below(5) < 5);
			let x = r.range(3, 9);
			assert!((3..=9).contains(&x));
			assert!(r.weighted(&[0, 3, 0, 1]) % 2 == 1);
		}
		assert_eq!(r.below(0), 0);
	}
}
