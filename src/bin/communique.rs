//! The `communique` command: extract from files or standard input and print
//! JSON.
//!
//! ```text
//! communique [--reference-date YYYY-MM-DD] [--pretty] [FILE]
//! communique --jsonl [--reference-date YYYY-MM-DD] FILE...
//! ```
//!
//! Exit status: 0 on success, 1 when an input cannot be read or is not
//! UTF-8 (a one-line message on stderr names the file and the byte offset),
//! 2 on bad usage.

use std::io::{self, Read, Write};
use std::process::ExitCode;

use communique::{Date, Extractor, Input};

const USAGE: &str = "usage: communique [--reference-date YYYY-MM-DD] [--pretty] [FILE]
       communique --jsonl [--reference-date YYYY-MM-DD] FILE...";

/// The parsed command line.
#[derive(Debug, Default)]
struct Args {
    reference_date: Option<Date>,
    pretty: bool,
    jsonl: bool,
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
            _ => (arg.clone(), None),
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

/// Reads one input, or explains in one line why it could not.
fn read_input(path: &str) -> Result<Vec<u8>, String> {
    let name = if path == "-" { "<stdin>" } else { path };
    let mut bytes = Vec::new();
    let result = if path == "-" {
        io::stdin().lock().read_to_end(&mut bytes).map(|_| ())
    } else {
        std::fs::read(path).map(|b| bytes = b)
    };
    match result {
        Ok(()) => Ok(bytes),
        Err(e) => Err(format!(
            "communique: {name}: cannot read: {}",
            first_line(&e.to_string())
        )),
    }
}

fn first_line(s: &str) -> &str {
    s.lines().next().unwrap_or("")
}

fn write_out(out: &mut impl Write, bytes: &[u8]) -> Result<(), Failure> {
    out.write_all(bytes).map_err(|e| {
        if e.kind() == io::ErrorKind::BrokenPipe {
            Failure::ClosedOutput
        } else {
            Failure::Output(e)
        }
    })
}

fn run(args: &Args) -> Result<bool, Failure> {
    let extractor = Extractor::new();
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    let files: Vec<&str> = if args.files.is_empty() {
        vec!["-"]
    } else {
        args.files.iter().map(String::as_str).collect()
    };
    let mut all_ok = true;
    for path in files {
        let name = if path == "-" { "<stdin>" } else { path };
        let bytes = match read_input(path) {
            Ok(b) => b,
            Err(msg) => {
                eprintln!("{msg}");
                all_ok = false;
                continue;
            }
        };
        let mut input = match Input::from_bytes(&bytes) {
            Ok(i) => i,
            Err(e) => {
                eprintln!("communique: {name}: {e}");
                all_ok = false;
                continue;
            }
        };
        if let Some(d) = args.reference_date {
            input = input.reference_date(d);
        }
        let doc = extractor.extract(input);
        let json = if args.jsonl {
            serde_json::to_vec(&Record {
                doc: &doc,
                source: path,
            })
        } else if args.pretty {
            serde_json::to_vec_pretty(&doc)
        } else {
            serde_json::to_vec(&doc)
        };
        let mut json = json.map_err(|e| Failure::Output(io::Error::other(e)))?;
        json.push(b'\n');
        write_out(&mut out, &json)?;
    }
    out.flush().map_err(|e| {
        if e.kind() == io::ErrorKind::BrokenPipe {
            Failure::ClosedOutput
        } else {
            Failure::Output(e)
        }
    })?;
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
