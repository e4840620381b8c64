//! The crate's error type.

/// Why communique could not read an input.
///
/// Valid text is never an error: any UTF-8 string, however odd, yields a
/// [`Document`](crate::Document). The only failure is input that is not
/// UTF-8, reported with the byte offset where decoding stopped.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The input is not valid UTF-8. `offset` is the length of the longest
    /// valid prefix (`std::str::Utf8Error::valid_up_to`).
    #[error("invalid UTF-8 at byte offset {offset}")]
    InvalidUtf8 {
        /// The byte offset of the first invalid byte sequence.
        offset: usize,
    },
    /// A date string is not of the form `YYYY-MM-DD` or names no real day.
    #[error("invalid date: expected a real day written YYYY-MM-DD")]
    InvalidDate,
}
