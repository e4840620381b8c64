//! The `communique` command: extract from files or standard input and print
//! JSON.
//!
//! ```text
//! communique [--reference-date YYYY-MM-DD] [--pretty] [FILE]
//! communique --jsonl [--jobs N] [--quiet] [--reference-date YYYY-MM-DD] FILE...
//! ```
//!
//! With `--jsonl`, files are read, extracted and serialised on `N` worker
//! threads sharing one extractor (`--jobs N`, `--jobs=N`, `-j N` or `-jN`;
//! the default, and `0`, mean one per core; `1` runs on the main thread
//! alone), and the main thread, itself one of the `N` workers, writes the
//! lines in the order the files were given, as soon as each is ready,
//! several at a time (up to 32 records or 256 KB in one write; a message
//! about a file that cannot be read comes after the records of the files
//! before it, and whatever is waiting is written when a run stops). At
//! most `16 × N` files are in flight (see `Extractor::map_ordered`), so
//! memory follows the largest files, not the number of them. The output is
//! byte for byte the same whatever `N` is. `--jobs` is accepted and has no
//! effect without `--jsonl`, where there is only one document.
//!
//! On long `--jsonl` runs (over a second), a `N/M files, X MB` progress line
//! is redrawn on standard error a few times a second and cleared at the
//! end, but only when standard error is a terminal and standard output is
//! not (so it never mixes with the records); `--quiet` turns it off.
//!
//! Exit status: 0 on success, 1 when an input cannot be read or is not
//! UTF-8 (a one-line message on stderr names the file and the byte offset;
//! with `--jsonl` the record is skipped, the other files are still
//! processed, and messages come in the order of the files), 2 on bad usage.

use std::io::{self, IoSlice, IsTerminal, Read, Write};
use std::process::ExitCode;
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};
use std::time::{Duration, Instant};

use communique::{Date, Extractor, Input};

mod json;

const USAGE: &str = "usage: communique [--reference-date YYYY-MM-DD] [--pretty] [FILE]
       communique --jsonl [--jobs N] [--quiet] [--reference-date YYYY-MM-DD] FILE...

  --jsonl            one JSON object per line, with the file name as \"source\"
  -j, --jobs N       worker threads for --jsonl (default and 0: one per core)
  -q, --quiet        no progress line on a terminal
  --reference-date   resolve relative dates against YYYY-MM-DD
  --pretty           indented JSON (one document only)";

/// The parsed command line.
#[derive(Debug, Default)]
struct Args {
    reference_date: Option<Date>,
    pretty: bool,
    jsonl: bool,
    /// Worker threads; 0 means one per core.
    jobs: usize,
    quiet: bool,
    files: Vec<String>,
}

/// One `--jsonl` line: the document's fields, then its `source`. Written
/// straight to bytes rather than through a `serde_json::Value` tree.
#[derive(serde::Serialize)]
struct Record<'a, 'h> {
    #[serde(flatten)]
    doc: &'a communique::Document<'h>,
    source: &'a str,
}

/// Why the command stopped early.
enum Failure {
    /// Bad usage: the message, then the usage text; exit 2.
    Usage(String),
    /// Standard output was closed (a pipe to `head`, say): stop quietly.
    ClosedOutput,
    /// Writing the output failed otherwise; exit 1.
    Output(io::Error),
}

/// What a worker hands back for one input.
enum Outcome {
    /// The line to print (newline included), the pool its buffer goes
    /// back to once printed, and the size of the input.
    Record(Vec<u8>, Arc<SpareOutput>, usize),
    /// The input could not be read or is not UTF-8: the line for stderr.
    Skipped(String),
    /// The document could not be serialised.
    Failed(io::Error),
}

fn parse_args(raw: impl Iterator<Item = String>) -> Result<Option<Args>, Failure> {
    let mut args = Args::default();
    let mut raw = raw.peekable();
    let mut only_files = false;
    while let Some(arg) = raw.next() {
        if only_files || arg == "-" || !arg.starts_with('-') {
            args.files.push(arg);
            continue;
        }
        let (flag, inline) = match arg.split_once('=') {
            Some((f, v)) if f.starts_with("--") => (f.to_string(), Some(v.to_string())),
            _ => match arg.strip_prefix("-j") {
                Some(n) if !n.is_empty() => ("-j".to_string(), Some(n.to_string())),
                _ => (arg.clone(), None),
            },
        };
        match flag.as_str() {
            "--" => only_files = true,
            "-h" | "--help" => return Ok(None),
            "-V" | "--version" => {
                println!("communique {}", env!("CARGO_PKG_VERSION"));
                return Err(Failure::ClosedOutput);
            }
            "--pretty" => args.pretty = true,
            "--jsonl" => args.jsonl = true,
            "-q" | "--quiet" => args.quiet = true,
            "-j" | "--jobs" => {
                let value = inline.or_else(|| raw.next()).unwrap_or_default();
                match value.parse::<usize>() {
                    Ok(n) => args.jobs = n,
                    Err(_) => {
                        return Err(Failure::Usage(format!(
                        "invalid --jobs {value:?}: expected a number of threads (0: one per core)"
                    )))
                    }
                }
            }
            "--reference-date" => {
                let value = match inline.or_else(|| raw.next()) {
                    Some(v) => v,
                    None => {
                        return Err(Failure::Usage(
                            "--reference-date needs a date, written YYYY-MM-DD".into(),
                        ))
                    }
                };
                match value.parse::<Date>() {
                    Ok(d) => args.reference_date = Some(d),
                    Err(_) => {
                        return Err(Failure::Usage(format!(
                            "invalid --reference-date {value:?}: expected a real day written YYYY-MM-DD"
                        )))
                    }
                }
            }
            _ => return Err(Failure::Usage(format!("unknown option {arg:?}"))),
        }
    }
    if !args.jsonl && args.files.len() > 1 {
        return Err(Failure::Usage("more than one FILE needs --jsonl".into()));
    }
    if args.pretty && args.jsonl {
        return Err(Failure::Usage(
            "--pretty and --jsonl do not go together".into(),
        ));
    }
    Ok(Some(args))
}

/// How messages name an input: `-` is standard input.
fn display_name(path: &str) -> &str {
    if path == "-" {
        "<stdin>"
    } else {
        path
    }
}

/// Reads one input into the start of `buf`, returning its length, or
/// explains in one line why it could not.
fn read_input(path: &str, buf: &mut Vec<u8>) -> Result<usize, String> {
    // A buffer grown for one large input is given back after it.
    if buf.len() > KEEP_READ_BUFFER {
        *buf = Vec::new();
    }
    let result = if path == "-" {
        read_all(&mut io::stdin().lock(), buf)
    } else {
        std::fs::File::open(path).and_then(|mut file| read_all(&mut file, buf))
    };
    result.map_err(|e| {
        format!(
            "communique: {}: cannot read: {}",
            display_name(path),
            first_line(&e.to_string())
        )
    })
}

/// Reads all `reader` holds into the start of `buf`, returning the length
/// read. The buffer keeps its whole length, zeroed once, from one input to
/// the next and doubles when a read fills it. `File::read_to_end` would
/// first ask the file for its size and position: two system calls more
/// for each input, a third of all the command makes on a batch of small
/// files.
fn read_all(reader: &mut impl Read, buf: &mut Vec<u8>) -> io::Result<usize> {
    let mut filled = 0;
    loop {
        if filled >= buf.len() {
            buf.resize((buf.len() * 2).max(MIN_READ_BUFFER), 0);
        }
        let Some(free) = buf.get_mut(filled..) else {
            return Ok(filled);
        };
        match reader.read(free) {
            Ok(0) => return Ok(filled),
            Ok(n) => filled += n,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
            Err(e) => return Err(e),
        }
    }
}

/// The length a worker's read buffer starts at: most releases fit.
const MIN_READ_BUFFER: usize = 64 << 10;

/// The largest read buffer a worker keeps from one input to the next.
const KEEP_READ_BUFFER: usize = 1 << 20;

thread_local! {
    /// The input buffer of the thread running [`process`], kept from one
    /// input to the next so that reading a file allocates nothing.
    static READ_BUFFER: std::cell::RefCell<Vec<u8>> = const { std::cell::RefCell::new(Vec::new()) };
}

fn first_line(s: &str) -> &str {
    s.lines().next().unwrap_or("")
}

/// Writes all of `parts` to `out`, in order, handing it as many at once as
/// it takes (`write_vectored`) and going on after a partial write.
fn write_all_parts(out: &mut impl Write, parts: &[&[u8]]) -> io::Result<()> {
    let mut slices: Vec<IoSlice<'_>> = parts.iter().map(|part| IoSlice::new(part)).collect();
    let mut left = &mut slices[..];
    // Skips empty parts up front, so that a write of none is never asked.
    IoSlice::advance_slices(&mut left, 0);
    while !left.is_empty() {
        match out.write_vectored(left) {
            Ok(0) => return Err(io::ErrorKind::WriteZero.into()),
            Ok(n) => IoSlice::advance_slices(&mut left, n),
            Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
            Err(e) => return Err(e),
        }
    }
    Ok(())
}

/// Records waiting to be written, in order, each with the pool its buffer
/// goes back to once written.
///
/// They are written straight from their buffers, dozens in one system call,
/// rather than copied into one large output buffer first: the copy was most
/// of what the writing thread, which with more than one job is the thread
/// everything waits on, did for a record.
struct Pending<W: Write> {
    out: W,
    records: Vec<(Vec<u8>, Arc<SpareOutput>)>,
    /// The bytes of `records`.
    bytes: usize,
}

impl<W: Write> Pending<W> {
    /// Records are written once they hold this many bytes...
    const MAX_BYTES: usize = 256 * 1024;

    /// ... or are this many (within a pool's [`SpareOutput::MAX_KEPT`]).
    const MAX_RECORDS: usize = 32;

    fn new(out: W) -> Self {
        Pending {
            out,
            records: Vec::with_capacity(Self::MAX_RECORDS),
            bytes: 0,
        }
    }

    /// Queues a record, and writes the queue if it is full.
    fn push(&mut self, json: Vec<u8>, spare: Arc<SpareOutput>) -> Result<(), Failure> {
        self.bytes += json.len();
        self.records.push((json, spare));
        if self.bytes >= Self::MAX_BYTES || self.records.len() >= Self::MAX_RECORDS {
            self.write()
        } else {
            Ok(())
        }
    }

    /// Writes every queued record and gives their buffers back.
    fn write(&mut self) -> Result<(), Failure> {
        let parts: Vec<&[u8]> = self
            .records
            .iter()
            .map(|(json, _)| json.as_slice())
            .collect();
        let written = write_all_parts(&mut self.out, &parts);
        for (json, spare) in self.records.drain(..) {
            spare.give(json);
        }
        self.bytes = 0;
        written.map_err(output_failure)
    }

    /// Writes what is queued and flushes the output.
    fn flush(&mut self) -> Result<(), Failure> {
        self.write()?;
        self.out.flush().map_err(output_failure)
    }
}

impl<W: Write> Drop for Pending<W> {
    /// Writes the records still waiting when a run stops early (a record
    /// that cannot be serialised, a panic), as a buffered writer would:
    /// the records before the failure are not lost.
    fn drop(&mut self) {
        let _ = self.write();
    }
}

fn output_failure(e: io::Error) -> Failure {
    if e.kind() == io::ErrorKind::BrokenPipe {
        Failure::ClosedOutput
    } else {
        Failure::Output(e)
    }
}

// A pool keeps at least the buffers of the records waiting to be written.
const _: () = assert!(Pending::<io::Sink>::MAX_RECORDS <= SpareOutput::MAX_KEPT);

/// Output buffers handed back by the thread that writes the records, for
/// the worker that filled them to write its next records into.
///
/// A record's buffer is filled on a worker and written out on the calling
/// thread. With more than one job, freeing (or growing) memory another
/// thread took from the allocator locks that thread's arena while it may
/// be allocating itself. So each worker has a pool of its own
/// ([`SPARE_OUTPUT`]), every record carries its worker's pool back with
/// it, and a buffer is only ever grown by the thread it came from; after
/// the first records, buffers are allocated and freed only for records
/// larger than [`SpareOutput::MAX_ROOM`] (whose buffers the writing thread
/// frees) or beyond what a pool keeps. A pool holds at most
/// [`SpareOutput::MAX_KEPT`] buffers of at most [`SpareOutput::MAX_ROOM`]
/// bytes each, so what it keeps follows the records in flight, not the
/// length of the batch.
#[derive(Debug, Default)]
struct SpareOutput(Mutex<Vec<Vec<u8>>>);

impl SpareOutput {
    /// The most buffers kept: as many as a batch on two cores has in
    /// flight (32, see `Extractor::map_ordered`) and waiting to be written
    /// ([`Pending::MAX_RECORDS`]) at once.
    const MAX_KEPT: usize = 64;

    /// The most bytes of room a buffer may hold to be kept.
    const MAX_ROOM: usize = 1 << 20;

    /// An empty buffer with room for at least `room` bytes: a kept one, or
    /// a new one.
    fn take(&self, room: usize) -> Vec<u8> {
        let mut buf = self.lock().pop().unwrap_or_default();
        buf.reserve(room);
        buf
    }

    /// Keeps `buf`, emptied, for a later record, unless it is too large or
    /// the pool is full.
    fn give(&self, mut buf: Vec<u8>) {
        if buf.capacity() > Self::MAX_ROOM {
            return;
        }
        buf.clear();
        let mut spare = self.lock();
        if spare.len() < Self::MAX_KEPT {
            spare.push(buf);
        }
    }

    /// The pool. A panic while it was held (there is none to be had in a
    /// push or a pop) would leave it whole, so poisoning is ignored.
    fn lock(&self) -> MutexGuard<'_, Vec<Vec<u8>>> {
        self.0.lock().unwrap_or_else(PoisonError::into_inner)
    }
}

thread_local! {
    /// The output buffers of the thread running [`process`], given back to
    /// it once their records are printed.
    static SPARE_OUTPUT: Arc<SpareOutput> = Arc::default();
}

/// Reads, extracts and serialises one input; runs on a worker, reading
/// into that thread's [`READ_BUFFER`] and writing into a buffer from its
/// [`SPARE_OUTPUT`].
fn process(extractor: &Extractor, args: &Args, path: &str) -> Outcome {
    let spare = SPARE_OUTPUT.with(Arc::clone);
    READ_BUFFER.with_borrow_mut(|buf| process_in(extractor, args, spare, path, buf))
}

/// [`process`] with the buffer to read into and the pool to write from.
fn process_in(
    extractor: &Extractor,
    args: &Args,
    spare: Arc<SpareOutput>,
    path: &str,
    buf: &mut Vec<u8>,
) -> Outcome {
    let name = display_name(path);
    let bytes = match read_input(path, buf) {
        Ok(len) => buf.get(..len).unwrap_or_default(),
        Err(msg) => return Outcome::Skipped(msg),
    };
    let mut input = match Input::from_bytes(bytes) {
        Ok(i) => i,
        Err(e) => return Outcome::Skipped(format!("communique: {name}: {e}")),
    };
    if let Some(d) = args.reference_date {
        input = input.reference_date(d);
    }
    let doc = extractor.extract(input);
    // The JSON of a release is about twice the size of its text: sized so,
    // the buffer is rarely grown (and copied) while it is written.
    let mut json = spare.take(bytes.len().saturating_mul(2).saturating_add(1024));
    let written = if args.jsonl {
        json::write(
            &mut json,
            &Record {
                doc: &doc,
                source: path,
            },
        )
        .map_err(io::Error::other)
    } else if args.pretty {
        serde_json::to_writer_pretty(&mut json, &doc).map_err(io::Error::other)
    } else {
        json::write(&mut json, &doc).map_err(io::Error::other)
    };
    match written {
        Ok(()) => {
            json.push(b'\n');
            Outcome::Record(json, spare, bytes.len())
        }
        Err(e) => Outcome::Failed(e),
    }
}

/// The `N/M files, X MB` line on a terminal's stderr during long runs.
struct Progress {
    enabled: bool,
    start: Instant,
    last_drawn: Option<Instant>,
    files: usize,
    done: usize,
    bytes: u64,
}

impl Progress {
    /// Runs shorter than this show no progress at all.
    const DELAY: Duration = Duration::from_secs(1);
    /// The line is redrawn at most this often.
    const EVERY: Duration = Duration::from_millis(250);

    fn new(enabled: bool, files: usize) -> Progress {
        Progress {
            enabled,
            start: Instant::now(),
            last_drawn: None,
            files,
            done: 0,
            bytes: 0,
        }
    }

    /// Counts one more input done and redraws the line if it is due.
    fn advance(&mut self, bytes: usize) {
        self.done += 1;
        self.bytes += bytes as u64;
        if !self.enabled {
            return;
        }
        let now = Instant::now();
        let due = match self.last_drawn {
            None => now.duration_since(self.start) >= Self::DELAY,
            Some(last) => now.duration_since(last) >= Self::EVERY,
        };
        if due {
            self.last_drawn = Some(now);
            let mut err = io::stderr().lock();
            let _ = write!(
                err,
                "\r{}\x1b[K",
                progress_line(self.done, self.files, self.bytes)
            );
            let _ = err.flush();
        }
    }

    /// Erases the line, if one is showing, before other stderr output and
    /// at the end.
    fn clear(&mut self) {
        if self.last_drawn.take().is_some() {
            let mut err = io::stderr().lock();
            let _ = write!(err, "\r\x1b[K");
            let _ = err.flush();
        }
    }
}

/// The text of the progress line.
fn progress_line(done: usize, files: usize, bytes: u64) -> String {
    format!(
        "communique: {done}/{files} files, {:.1} MB",
        bytes as f64 / 1e6
    )
}

fn run(args: &Args) -> Result<bool, Failure> {
    let extractor = Extractor::new();
    let stdout = io::stdout();
    let show_progress =
        args.jsonl && !args.quiet && io::stderr().is_terminal() && !stdout.is_terminal();
    // Records are a few kilobytes each: many are written at once.
    let mut out = Pending::new(stdout.lock());
    let files: Vec<&str> = if args.files.is_empty() {
        vec!["-"]
    } else {
        args.files.iter().map(String::as_str).collect()
    };
    let mut progress = Progress::new(show_progress, files.len());
    let mut all_ok = true;
    let jobs = if args.jsonl { args.jobs } else { 1 };
    let written = extractor.try_map_ordered(
        files,
        jobs,
        |e, path| process(e, args, path),
        |outcome| match outcome {
            Outcome::Record(json, spare, bytes) => {
                progress.advance(bytes);
                out.push(json, spare)
            }
            Outcome::Skipped(msg) => {
                progress.clear();
                // The records before the file come first, also where
                // stderr and stdout are one stream.
                out.write()?;
                eprintln!("{msg}");
                all_ok = false;
                progress.advance(0);
                Ok(())
            }
            Outcome::Failed(e) => Err(Failure::Output(e)),
        },
    );
    progress.clear();
    written?;
    out.flush()?;
    // The process ends next, and the system takes the extractor's memory
    // back at once: dropping its tables one by one would only add to the
    // run's serial tail.
    std::mem::forget(extractor);
    Ok(all_ok)
}

fn main() -> ExitCode {
    let args = match parse_args(std::env::args().skip(1)) {
        Ok(Some(args)) => args,
        Ok(None) => {
            println!("{USAGE}");
            return ExitCode::SUCCESS;
        }
        Err(Failure::Usage(msg)) => {
            eprintln!("communique: {msg}\n{USAGE}");
            return ExitCode::from(2);
        }
        Err(_) => return ExitCode::SUCCESS,
    };
    match run(&args) {
        Ok(true) | Err(Failure::ClosedOutput) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::from(1),
        Err(Failure::Output(e)) => {
            eprintln!(
                "communique: cannot write output: {}",
                first_line(&e.to_string())
            );
            ExitCode::from(1)
        }
        Err(Failure::Usage(msg)) => {
            eprintln!("communique: {msg}\n{USAGE}");
            ExitCode::from(2)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(args: &[&str]) -> Result<Option<Args>, Failure> {
        parse_args(args.iter().map(|s| s.to_string()))
    }

    #[test]
    fn jobs_spellings() {
        for (args, want) in [
            (&["--jsonl", "a"][..], 0),
            (&["--jsonl", "--jobs", "3", "a"][..], 3),
            (&["--jsonl", "--jobs=4", "a"][..], 4),
            (&["--jsonl", "-j", "5", "a"][..], 5),
            (&["--jsonl", "-j6", "a"][..], 6),
            (&["--jsonl", "-j", "0", "a"][..], 0),
            (&["-j", "2", "a"][..], 2),
        ] {
            let Ok(Some(parsed)) = parse(args) else {
                panic!("{args:?} did not parse");
            };
            assert_eq!(parsed.jobs, want, "{args:?}");
            assert_eq!(parsed.files, ["a"], "{args:?}");
        }
        for args in [&["-j"][..], &["--jobs", "-1"][..], &["--jobs=two"][..]] {
            assert!(matches!(parse(args), Err(Failure::Usage(_))), "{args:?}");
        }
    }

    /// A buffer given back is handed out again, emptied, with its room;
    /// one too large, or past the most a pool keeps, is let go.
    #[test]
    fn spare_output_reuses_buffers_within_bounds() {
        let spare = SpareOutput::default();
        let mut buf = spare.take(100);
        assert!(buf.capacity() >= 100);
        buf.extend_from_slice(b"{\"source\":\"a\"}\n");
        let allocation = buf.as_ptr();
        spare.give(buf);
        let again = spare.take(10);
        assert!(again.is_empty());
        assert_eq!(again.as_ptr(), allocation);
        assert!(spare.lock().is_empty());
        spare.give(Vec::with_capacity(SpareOutput::MAX_ROOM + 1));
        assert!(spare.lock().is_empty());
        for _ in 0..SpareOutput::MAX_KEPT + 3 {
            spare.give(Vec::with_capacity(8));
        }
        assert_eq!(spare.lock().len(), SpareOutput::MAX_KEPT);
    }

    /// The line of an input written into a buffer an earlier, longer line
    /// used is the line a fresh buffer takes.
    #[test]
    fn records_in_reused_buffers_are_the_records_of_fresh_ones() {
        let dir = std::env::temp_dir().join(format!("communique-spare-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let long = dir.join("long.txt");
        let short = dir.join("short.txt");
        std::fs::write(
            &long,
            "Ministers meet\n\n\"We agree,\" the minister said in Ottawa on 3 May 2024. "
                .repeat(40),
        )
        .unwrap();
        std::fs::write(&short, "Brief\n\nFrance said so on Monday.").unwrap();
        let extractor = Extractor::new();
        let args = Args {
            jsonl: true,
            ..Args::default()
        };
        let line = |spare: &Arc<SpareOutput>, path: &std::path::Path| {
            let path = path.to_str().unwrap();
            match process_in(&extractor, &args, Arc::clone(spare), path, &mut Vec::new()) {
                Outcome::Record(json, home, _) => {
                    assert!(Arc::ptr_eq(&home, spare));
                    json
                }
                _ => panic!("{path} was not read"),
            }
        };
        let shared = Arc::default();
        for path in [&long, &short, &long, &short] {
            let json = line(&shared, path);
            assert_eq!(json, line(&Arc::default(), path), "{path:?}");
            shared.give(json);
        }
        assert_eq!(shared.lock().len(), 1);
        std::fs::remove_dir_all(&dir).unwrap();
    }

    /// A writer that takes at most `step` bytes a call, across slices.
    struct Trickle {
        written: Vec<u8>,
        step: usize,
    }

    impl Write for Trickle {
        fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
            self.write_vectored(&[IoSlice::new(buf)])
        }

        fn write_vectored(&mut self, bufs: &[IoSlice<'_>]) -> io::Result<usize> {
            let mut n = 0;
            for buf in bufs {
                let take = buf.len().min(self.step - n);
                self.written.extend_from_slice(&buf[..take]);
                n += take;
            }
            Ok(n)
        }

        fn flush(&mut self) -> io::Result<()> {
            Ok(())
        }
    }

    /// Every byte of every part comes out once, in order, however few
    /// bytes each call takes.
    #[test]
    fn parts_are_written_whole_and_in_order_through_partial_writes() {
        let parts: [&[u8]; 6] = [b"", b"{\"a\":1}\n", b"", b"x", b"{\"source\":\"b\"}\n", b""];
        let whole = parts.concat();
        for step in 1..=whole.len() + 1 {
            let mut out = Trickle {
                written: Vec::new(),
                step,
            };
            write_all_parts(&mut out, &parts).unwrap();
            assert_eq!(out.written, whole, "{step}");
        }
        let mut none = Trickle {
            written: Vec::new(),
            step: 0,
        };
        assert!(write_all_parts(&mut none, &parts).is_err());
        write_all_parts(&mut none, &[b"", b""]).unwrap();
    }

    /// Records come out in the order they were queued, as they would be
    /// if written one by one, and their buffers go back to their pools.
    #[test]
    fn pending_records_come_out_in_order_and_their_buffers_go_back() {
        let pools: [Arc<SpareOutput>; 2] = Default::default();
        let mut expected = Vec::new();
        let mut pending = Pending::new(Vec::new());
        for i in 0..100 {
            let pool = &pools[i % 2];
            let mut json = pool.take(16);
            let size = if i % 7 == 0 {
                Pending::<Vec<u8>>::MAX_BYTES / 3
            } else {
                i
            };
            json.extend(std::iter::repeat_n(b'a' + (i % 26) as u8, size));
            json.push(b'\n');
            expected.extend_from_slice(&json);
            assert!(pending.push(json, Arc::clone(pool)).is_ok());
            assert!(pending.records.len() < Pending::<Vec<u8>>::MAX_RECORDS);
            assert!(pending.bytes < Pending::<Vec<u8>>::MAX_BYTES);
        }
        assert!(pending.flush().is_ok());
        assert_eq!(pending.out, expected);
        assert!(pending.records.is_empty());
        for pool in &pools {
            assert!(!pool.lock().is_empty());
        }
    }

    /// Records still waiting when a run stops early are written when the
    /// queue is dropped, in order.
    #[test]
    fn pending_records_are_written_when_dropped() {
        let pool = Arc::new(SpareOutput::default());
        let mut out = Vec::new();
        {
            let mut pending = Pending::new(&mut out);
            for line in [&b"one\n"[..], b"two\n"] {
                assert!(pending.push(line.to_vec(), Arc::clone(&pool)).is_ok());
            }
        }
        assert_eq!(out, b"one\ntwo\n");
    }

    #[test]
    fn progress_line_reads_files_and_megabytes() {
        assert_eq!(
            progress_line(12, 1774, 3_456_789),
            "communique: 12/1774 files, 3.5 MB"
        );
        assert_eq!(progress_line(0, 0, 0), "communique: 0/0 files, 0.0 MB");
    }
}
