//! Compact JSON for the command line's output: what `serde_json::to_writer`
//! writes, byte for byte, with strings tested sixteen bytes at a time.
//!
//! serde_json looks every byte of a string up in its escape table, one at a
//! time. A record's strings are most of its bytes (every sentence carries its
//! text), and over the corpus that loop took a sixth of the command line's
//! instructions. Here each eight bytes are tested at once with a few integer
//! operations, two such words a step, and a string with nothing to escape
//! (nearly all of them) is copied whole.
//!
//! Everything else is written as serde_json writes it, and the tests hold
//! the two to the same bytes for every kind of value a record holds and for
//! every byte a string may hold. Floats, which no record holds, are handed to
//! serde_json itself. One difference is left, outside what records hold: a
//! map key must be a string or an integer, where serde_json also takes a
//! boolean or a float, which it writes in quotes, or an option holding a
//! value, which it unwraps.

use std::fmt::{self, Display};

use serde::ser::{self, Serialize};

/// Why a value could not be written: the value's own `Serialize` failed, or
/// a map key was neither a string nor an integer (JSON keys are strings).
#[derive(Debug)]
pub struct Error(String);

impl Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for Error {}

impl ser::Error for Error {
    fn custom<T: Display>(msg: T) -> Error {
        Error(msg.to_string())
    }
}

/// Appends the compact JSON of `value` to `out`.
pub fn write<T: Serialize + ?Sized>(out: &mut Vec<u8>, value: &T) -> Result<(), Error> {
    value.serialize(&mut Writer { out })
}

/// Writes the escape of `b`, a control character below 0x20, as serde_json
/// does: the two-letter escape where JSON has one, else `\u00XX` in lower
/// case.
fn escape_control(out: &mut Vec<u8>, b: u8) {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    let short = match b {
        0x08 => Some(b'b'),
        b'\t' => Some(b't'),
        b'\n' => Some(b'n'),
        0x0C => Some(b'f'),
        b'\r' => Some(b'r'),
        _ => None,
    };
    match short {
        Some(letter) => out.extend_from_slice(&[b'\\', letter]),
        None => out.extend_from_slice(&[
            b'\\',
            b'u',
            b'0',
            b'0',
            HEX[usize::from(b >> 4)],
            HEX[usize::from(b & 0xF)],
        ]),
    }
}

/// Whether JSON escapes `b` inside a string: a quotation mark, a reverse
/// solidus or a control character below 0x20.
fn needs_escape(b: u8) -> bool {
    b < 0x20 || b == b'"' || b == b'\\'
}

/// A top bit set in some byte of the result when a byte of the eight of
/// `w` needs an escape (`needs_escape`); zero when none does.
///
/// Subtracting `n` from every byte sets the top bit of each byte below `n`,
/// among the bytes that had it clear: a control character when `n` is
/// 0x20, and a zero byte when `n` is 1, which the exclusive or makes of a
/// quotation mark or a reverse solidus. The masks of `!w` rule out the
/// bytes whose top bit was set already (the exclusive ors leave that bit
/// as it was, so one mask serves all three). A borrow from a byte that
/// matches may flag the byte above it, which changes nothing: the answer is
/// only whether some byte matches.
#[inline]
fn escape_bits(w: u64) -> u64 {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let control = w.wrapping_sub(ONES * 0x20);
    let quote = (w ^ (ONES * u64::from(b'"'))).wrapping_sub(ONES);
    let backslash = (w ^ (ONES * u64::from(b'\\'))).wrapping_sub(ONES);
    (control | quote | backslash) & !w & HIGH
}

/// The eight bytes of `bytes` from `at` as a number (zeros past the end).
#[inline]
fn word_at(bytes: &[u8], at: usize) -> u64 {
    let mut w = [0u8; 8];
    if let Some(b) = bytes.get(at..at + 8) {
        w.copy_from_slice(b);
    }
    u64::from_le_bytes(w)
}

/// Whether some byte of `bytes` needs an escape: sixteen bytes at a time,
/// then the last eight (read again where they overlap); a string shorter
/// than eight bytes, such as a key, a byte at a time.
#[inline]
fn any_needs_escape(bytes: &[u8]) -> bool {
    let len = bytes.len();
    if len < 8 {
        return bytes.iter().any(|&b| needs_escape(b));
    }
    let mut pairs = bytes.chunks_exact(16);
    if pairs
        .by_ref()
        .any(|pair| escape_bits(word_at(pair, 0)) | escape_bits(word_at(pair, 8)) != 0)
    {
        return true;
    }
    // Up to fifteen bytes are left: the eight that end the string, and the
    // eight before them when more than eight are left.
    let rest = len - pairs.remainder().len();
    let before = if len - rest > 8 {
        escape_bits(word_at(bytes, rest))
    } else {
        0
    };
    before | escape_bits(word_at(bytes, len - 8)) != 0
}

/// Writes `s` as a JSON string, quotes included.
///
/// Most strings need no escape at all (every key, most sentences): they
/// are tested sixteen bytes at a time and copied whole. Only a string with
/// something to escape is read again, a byte at a time.
#[inline]
fn write_str(out: &mut Vec<u8>, s: &str) {
    let bytes = s.as_bytes();
    out.reserve(bytes.len() + 2);
    out.push(b'"');
    if any_needs_escape(bytes) {
        write_escaped(out, bytes);
    } else {
        out.extend_from_slice(bytes);
    }
    out.push(b'"');
}

/// Writes `bytes` with every byte that needs it escaped: rare, and kept out
/// of line, away from the common path.
#[cold]
#[inline(never)]
fn write_escaped(out: &mut Vec<u8>, bytes: &[u8]) {
    // The start of the run not yet written.
    let mut run = 0;
    for (i, &b) in bytes.iter().enumerate() {
        if !needs_escape(b) {
            continue;
        }
        out.extend_from_slice(bytes.get(run..i).unwrap_or_default());
        match b {
            b'"' | b'\\' => out.extend_from_slice(&[b'\\', b]),
            _ => escape_control(out, b),
        }
        run = i + 1;
    }
    out.extend_from_slice(bytes.get(run..).unwrap_or_default());
}

/// Writes an integer in decimal.
fn write_int(out: &mut Vec<u8>, n: impl itoa::Integer) {
    out.extend_from_slice(itoa::Buffer::new().format(n).as_bytes());
}

/// The integer methods of a serializer whose output buffer is `.out()`:
/// each hands its buffer and value to `$write`.
macro_rules! integers {
    (|$out:ident, $v:ident| $write:expr) => {
        integers!(@each $out, $v, $write;
            serialize_i8: i8, serialize_i16: i16, serialize_i32: i32, serialize_i64: i64,
            serialize_i128: i128, serialize_u8: u8, serialize_u16: u16, serialize_u32: u32,
            serialize_u64: u64, serialize_u128: u128);
    };
    (@each $out:ident, $v:ident, $write:expr; $($method:ident: $ty:ty),*) => {$(
        fn $method(self, $v: $ty) -> Result<(), Error> {
            let $out: &mut Vec<u8> = self.out();
            $write;
            Ok(())
        }
    )*};
}

/// The methods that both serializers write alike: a string or a character
/// as a JSON string, a unit variant as its name, a newtype struct as its
/// value.
macro_rules! strings {
    () => {
        fn serialize_str(self, v: &str) -> Result<(), Error> {
            write_str(self.out(), v);
            Ok(())
        }

        fn serialize_char(self, v: char) -> Result<(), Error> {
            self.serialize_str(v.encode_utf8(&mut [0; 4]))
        }

        fn serialize_unit_variant(
            self,
            _name: &'static str,
            _index: u32,
            variant: &'static str,
        ) -> Result<(), Error> {
            self.serialize_str(variant)
        }

        fn serialize_newtype_struct<T: Serialize + ?Sized>(
            self,
            _name: &'static str,
            value: &T,
        ) -> Result<(), Error> {
            value.serialize(self)
        }
    };
}

/// The serializer: a borrowed output buffer.
struct Writer<'a> {
    out: &'a mut Vec<u8>,
}

impl Writer<'_> {
    /// The buffer written to.
    fn out(&mut self) -> &mut Vec<u8> {
        self.out
    }

    /// Writes `value` as serde_json does, for the few kinds written through
    /// it (floats).
    fn through_serde_json<T: Serialize>(&mut self, value: T) -> Result<(), Error> {
        serde_json::to_writer(&mut *self.out, &value).map_err(|e| Error(e.to_string()))
    }
}

/// An array or object being written: whether an element has been, and
/// what closes it.
struct Compound<'w, 'a> {
    writer: &'w mut Writer<'a>,
    first: bool,
    close: &'static [u8],
}

impl<'w, 'a> Compound<'w, 'a> {
    /// Writes `open` and starts a compound that `close` ends.
    fn open(writer: &'w mut Writer<'a>, open: &[u8], close: &'static [u8]) -> Compound<'w, 'a> {
        writer.out.extend_from_slice(open);
        Compound {
            writer,
            first: true,
            close,
        }
    }

    /// The comma before every element but the first.
    fn separate(&mut self) {
        if !self.first {
            self.writer.out.push(b',');
        }
        self.first = false;
    }

    fn element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
        self.separate();
        value.serialize(&mut *self.writer)
    }

    fn field<T: Serialize + ?Sized>(&mut self, key: &str, value: &T) -> Result<(), Error> {
        self.separate();
        write_str(self.writer.out, key);
        self.writer.out.push(b':');
        value.serialize(&mut *self.writer)
    }

    fn close(self) -> Result<(), Error> {
        self.writer.out.extend_from_slice(self.close);
        Ok(())
    }
}

/// `{"variant":` before the value of an enum variant with data.
fn open_variant(out: &mut Vec<u8>, variant: &str) {
    out.push(b'{');
    write_str(out, variant);
    out.push(b':');
}

impl<'w, 'a> ser::Serializer for &'w mut Writer<'a> {
    type Ok = ();
    type Error = Error;
    type SerializeSeq = Compound<'w, 'a>;
    type SerializeTuple = Compound<'w, 'a>;
    type SerializeTupleStruct = Compound<'w, 'a>;
    type SerializeTupleVariant = Compound<'w, 'a>;
    type SerializeMap = Compound<'w, 'a>;
    type SerializeStruct = Compound<'w, 'a>;
    type SerializeStructVariant = Compound<'w, 'a>;

    fn serialize_bool(self, v: bool) -> Result<(), Error> {
        self.out
            .extend_from_slice(if v { b"true" as &[u8] } else { b"false" });
        Ok(())
    }

    integers!(|out, v| write_int(out, v));

    strings!();

    fn serialize_f32(self, v: f32) -> Result<(), Error> {
        self.through_serde_json(v)
    }

    fn serialize_f64(self, v: f64) -> Result<(), Error> {
        self.through_serde_json(v)
    }

    fn serialize_bytes(self, v: &[u8]) -> Result<(), Error> {
        use ser::SerializeSeq;
        let mut seq = self.serialize_seq(Some(v.len()))?;
        for b in v {
            seq.serialize_element(b)?;
        }
        seq.end()
    }

    fn serialize_none(self) -> Result<(), Error> {
        self.serialize_unit()
    }

    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> Result<(), Error> {
        value.serialize(self)
    }

    fn serialize_unit(self) -> Result<(), Error> {
        self.out.extend_from_slice(b"null");
        Ok(())
    }

    fn serialize_unit_struct(self, _name: &'static str) -> Result<(), Error> {
        self.serialize_unit()
    }

    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        value: &T,
    ) -> Result<(), Error> {
        open_variant(self.out, variant);
        value.serialize(&mut *self)?;
        self.out.push(b'}');
        Ok(())
    }

    fn serialize_seq(self, _len: Option<usize>) -> Result<Compound<'w, 'a>, Error> {
        Ok(Compound::open(self, b"[", b"]"))
    }

    fn serialize_tuple(self, len: usize) -> Result<Compound<'w, 'a>, Error> {
        self.serialize_seq(Some(len))
    }

    fn serialize_tuple_struct(
        self,
        _name: &'static str,
        len: usize,
    ) -> Result<Compound<'w, 'a>, Error> {
        self.serialize_seq(Some(len))
    }

    fn serialize_tuple_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        _len: usize,
    ) -> Result<Compound<'w, 'a>, Error> {
        open_variant(self.out, variant);
        Ok(Compound::open(self, b"[", b"]}"))
    }

    fn serialize_map(self, _len: Option<usize>) -> Result<Compound<'w, 'a>, Error> {
        Ok(Compound::open(self, b"{", b"}"))
    }

    fn serialize_struct(self, _name: &'static str, _len: usize) -> Result<Compound<'w, 'a>, Error> {
        Ok(Compound::open(self, b"{", b"}"))
    }

    fn serialize_struct_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        _len: usize,
    ) -> Result<Compound<'w, 'a>, Error> {
        open_variant(self.out, variant);
        Ok(Compound::open(self, b"{", b"}}"))
    }
}

/// The compound traits of arrays: each element a value, after a comma.
macro_rules! array_compound {
    ($($name:ident :: $method:ident),*) => {$(
        impl ser::$name for Compound<'_, '_> {
            type Ok = ();
            type Error = Error;

            fn $method<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
                self.element(value)
            }

            fn end(self) -> Result<(), Error> {
                self.close()
            }
        }
    )*};
}

array_compound!(
    SerializeSeq::serialize_element,
    SerializeTuple::serialize_element,
    SerializeTupleStruct::serialize_field,
    SerializeTupleVariant::serialize_field
);

impl ser::SerializeMap for Compound<'_, '_> {
    type Ok = ();
    type Error = Error;

    fn serialize_key<T: Serialize + ?Sized>(&mut self, key: &T) -> Result<(), Error> {
        self.separate();
        key.serialize(MapKey(&mut *self.writer))
    }

    fn serialize_value<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
        self.writer.out.push(b':');
        value.serialize(&mut *self.writer)
    }

    fn end(self) -> Result<(), Error> {
        self.close()
    }
}

/// The compound traits of objects with named fields: each a key, a colon
/// and a value, after a comma.
macro_rules! object_compound {
    ($($name:ident),*) => {$(
        impl ser::$name for Compound<'_, '_> {
            type Ok = ();
            type Error = Error;

            fn serialize_field<T: Serialize + ?Sized>(
                &mut self,
                key: &'static str,
                value: &T,
            ) -> Result<(), Error> {
                self.field(key, value)
            }

            fn end(self) -> Result<(), Error> {
                self.close()
            }
        }
    )*};
}

object_compound!(SerializeStruct, SerializeStructVariant);

/// The serializer of a map key: a string as it is, an integer in quotes,
/// as serde_json writes them; anything else is an error (serde_json quotes
/// booleans and floats too, and unwraps options; no record has such keys).
struct MapKey<'w, 'a>(&'w mut Writer<'a>);

impl<'w> MapKey<'w, '_> {
    /// The buffer written to.
    fn out(self) -> &'w mut Vec<u8> {
        self.0.out
    }
}

/// The error for a key JSON cannot hold.
fn key_error() -> Error {
    Error("key must be a string".to_string())
}

impl ser::Serializer for MapKey<'_, '_> {
    type Ok = ();
    type Error = Error;
    type SerializeSeq = ser::Impossible<(), Error>;
    type SerializeTuple = ser::Impossible<(), Error>;
    type SerializeTupleStruct = ser::Impossible<(), Error>;
    type SerializeTupleVariant = ser::Impossible<(), Error>;
    type SerializeMap = ser::Impossible<(), Error>;
    type SerializeStruct = ser::Impossible<(), Error>;
    type SerializeStructVariant = ser::Impossible<(), Error>;

    strings!();

    integers!(|out, v| {
        out.push(b'"');
        write_int(out, v);
        out.push(b'"');
    });

    fn serialize_bool(self, _v: bool) -> Result<(), Error> {
        Err(key_error())
    }

    fn serialize_f32(self, _v: f32) -> Result<(), Error> {
        Err(key_error())
    }

    fn serialize_f64(self, _v: f64) -> Result<(), Error> {
        Err(key_error())
    }

    fn serialize_bytes(self, _v: &[u8]) -> Result<(), Error> {
        Err(key_error())
    }

    fn serialize_none(self) -> Result<(), Error> {
        Err(key_error())
    }

    fn serialize_some<T: Serialize + ?Sized>(self, _value: &T) -> Result<(), Error> {
        Err(key_error())
    }

    fn serialize_unit(self) -> Result<(), Error> {
        Err(key_error())
    }

    fn serialize_unit_struct(self, _name: &'static str) -> Result<(), Error> {
        Err(key_error())
    }

    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _name: &'static str,
        _index: u32,
        _variant: &'static str,
        _value: &T,
    ) -> Result<(), Error> {
        Err(key_error())
    }

    fn serialize_seq(self, _len: Option<usize>) -> Result<Self::SerializeSeq, Error> {
        Err(key_error())
    }

    fn serialize_tuple(self, _len: usize) -> Result<Self::SerializeTuple, Error> {
        Err(key_error())
    }

    fn serialize_tuple_struct(
        self,
        _name: &'static str,
        _len: usize,
    ) -> Result<Self::SerializeTupleStruct, Error> {
        Err(key_error())
    }

    fn serialize_tuple_variant(
        self,
        _name: &'static str,
        _index: u32,
        _variant: &'static str,
        _len: usize,
    ) -> Result<Self::SerializeTupleVariant, Error> {
        Err(key_error())
    }

    fn serialize_map(self, _len: Option<usize>) -> Result<Self::SerializeMap, Error> {
        Err(key_error())
    }

    fn serialize_struct(
        self,
        _name: &'static str,
        _len: usize,
    ) -> Result<Self::SerializeStruct, Error> {
        Err(key_error())
    }

    fn serialize_struct_variant(
        self,
        _name: &'static str,
        _index: u32,
        _variant: &'static str,
        _len: usize,
    ) -> Result<Self::SerializeStructVariant, Error> {
        Err(key_error())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeMap;

    /// What this writer writes for `value`, and what serde_json writes.
    fn both<T: Serialize + ?Sized>(value: &T) -> (String, String) {
        let mut ours = Vec::new();
        write(&mut ours, value).expect("written");
        let theirs = serde_json::to_vec(value).expect("written by serde_json");
        (
            String::from_utf8(ours).expect("UTF-8"),
            String::from_utf8(theirs).expect("UTF-8"),
        )
    }

    fn same<T: Serialize + ?Sized>(value: &T) {
        let (ours, theirs) = both(value);
        assert_eq!(ours, theirs);
    }

    #[test]
    fn every_ascii_byte_at_every_place_in_a_word() {
        for b in 0u8..0x80 {
            // Lengths around the eight- and sixteen-byte steps, with the
            // byte at each place, so that every path reads it.
            for len in [1, 7, 8, 9, 15, 16, 17, 23, 24, 25, 33] {
                for at in 0..len {
                    let mut s = vec![b'a'; len];
                    if let Some(x) = s.get_mut(at) {
                        *x = b;
                    }
                    same(&String::from_utf8(s).expect("ASCII"));
                }
            }
        }
    }

    #[test]
    fn wide_characters_and_escapes_mixed() {
        for s in [
            "",
            "“Quoted,” she said — and left.",
            "tab\there, newline\nthere, \"both\" \\ and \u{1f}\u{7f}",
            "é\u{0}ü\u{8}\u{c}\r",
            "no escape in a string of more than sixteen bytes",
            "\u{2028}\u{2029} line separators pass as they are",
        ] {
            same(s);
        }
    }

    #[test]
    fn any_string_is_written_as_serde_json_writes_it() {
        fn prop(s: String) -> bool {
            let (ours, theirs) = both(&s);
            ours == theirs
        }
        quickcheck::QuickCheck::new()
            .tests(2000)
            .quickcheck(prop as fn(String) -> bool);
    }

    #[derive(serde::Serialize)]
    enum Variant {
        Unit,
        Newtype(u8),
        Tuple(i32, &'static str),
        Struct { a: bool, b: Option<i64> },
    }

    #[derive(serde::Serialize)]
    struct Unit;

    #[derive(serde::Serialize)]
    struct Newtype(&'static str);

    #[derive(serde::Serialize)]
    struct Inner<'a> {
        text: &'a str,
        span: (usize, usize),
    }

    #[derive(serde::Serialize)]
    struct Every<'a> {
        t: bool,
        f: bool,
        small: [i8; 3],
        ints: [i64; 3],
        wide: (i128, u128),
        unsigned: [u64; 4],
        floats: [f64; 4],
        single: f32,
        ch: char,
        quote: char,
        none: Option<u8>,
        some: Option<&'a str>,
        unit: (),
        unit_struct: Unit,
        newtype: Newtype,
        variants: Vec<Variant>,
        empty: Vec<u8>,
        nested: Vec<Vec<Inner<'a>>>,
        keys: BTreeMap<&'a str, u8>,
        numbered: BTreeMap<i32, &'a str>,
        #[serde(flatten)]
        flattened: Inner<'a>,
    }

    #[test]
    fn every_kind_of_value_is_written_as_serde_json_writes_it() {
        let inner = |text| Inner {
            text,
            span: (3, 1_000_000),
        };
        same(&Every {
            t: true,
            f: false,
            small: [i8::MIN, 0, i8::MAX],
            ints: [i64::MIN, -1, i64::MAX],
            wide: (i128::MIN, u128::MAX),
            unsigned: [0, 9, 10, u64::MAX],
            floats: [0.0, -1.5, 1e300, f64::NAN],
            single: 0.1,
            ch: '\n',
            quote: '"',
            none: None,
            some: Some("x"),
            unit: (),
            unit_struct: Unit,
            newtype: Newtype("n\"t"),
            variants: vec![
                Variant::Unit,
                Variant::Newtype(7),
                Variant::Tuple(-3, "t"),
                Variant::Struct { a: true, b: None },
            ],
            empty: Vec::new(),
            nested: vec![vec![], vec![inner("a"), inner("b\\c")]],
            keys: [("k\"ey", 1), ("", 2)].into_iter().collect(),
            numbered: [(-5, "minus"), (12, "twelve")].into_iter().collect(),
            flattened: inner("flat"),
        });
    }

    #[test]
    fn a_key_that_is_no_string_or_integer_is_an_error() {
        let map: BTreeMap<bool, u8> = [(true, 1)].into_iter().collect();
        let mut out = Vec::new();
        assert!(write(&mut out, &map).is_err());
    }

    #[test]
    fn documents_are_written_as_serde_json_writes_them() {
        let extractor = communique::Extractor::new();
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/fixtures");
        let mut read = 0;
        for entry in std::fs::read_dir(dir).expect("fixtures") {
            let path = entry.expect("entry").path();
            if path.extension().and_then(|e| e.to_str()) != Some("txt") {
                continue;
            }
            let text = std::fs::read_to_string(&path).expect("UTF-8 fixture");
            let doc = extractor.extract(text.as_str());
            let (ours, theirs) = both(&doc);
            assert_eq!(ours, theirs, "{}", path.display());
            read += 1;
        }
        assert!(read > 0, "no fixture texts in {dir}");
    }
}
