//! What the unit tests of several modules share.

/// A simple generator for the tests that draw their inputs: each call
/// gives a number below its argument, the same sequence for the same
/// `seed` (a 64-bit linear congruential generator, its high bits).
pub(crate) fn draws(mut seed: u64) -> impl FnMut(usize) -> usize {
    move |n| {
        seed = seed
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (seed >> 33) as usize % n
    }
}
