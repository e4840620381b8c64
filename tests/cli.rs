//! The command line: output, exit codes 0/1/2 and one-line errors.

use std::io::Write;
use std::process::{Command, Output, Stdio};

fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_communique"))
}

fn fixture(name: &str) -> String {
    format!("{}/fixtures/{name}", env!("CARGO_MANIFEST_DIR"))
}

fn run_with_stdin(args: &[&str], stdin: &[u8]) -> Output {
    let mut child = bin()
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(stdin).unwrap();
    child.wait_with_output().unwrap()
}

fn temp_file(name: &str, bytes: &[u8]) -> String {
    let dir = std::env::temp_dir().join(format!("communique-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    std::fs::write(&path, bytes).unwrap();
    path.to_string_lossy().into_owned()
}

#[test]
fn one_file_gives_one_json_document() {
    let out = bin()
        .args([
            "--reference-date",
            "2017-06-28",
            &fixture("five-eyes-ottawa-2017.txt"),
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["reference_date"], "2017-06-28");
    assert_eq!(
        v["commitments"][0]["lead"]["text"],
        "In addition, they plan to:"
    );
    assert!(v.get("source").is_none());
}

#[test]
fn standard_input_and_pretty_output() {
    let out = run_with_stdin(&["--pretty"], b"Headline\n\nBody text here.");
    assert_eq!(out.status.code(), Some(0));
    let s = String::from_utf8(out.stdout).unwrap();
    assert!(s.starts_with("{\n"), "{s}");
    let v: serde_json::Value = serde_json::from_str(&s).unwrap();
    assert_eq!(v["title"]["text"], "Headline");
}

#[test]
fn jsonl_reports_a_bad_file_and_goes_on() {
    let bad = temp_file("bad.txt", b"ok \xFF\xFE");
    let good = fixture("five-country-ministerial-2019.txt");
    let out = bin()
        .args(["--jsonl", &good, &bad, &good])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stdout = String::from_utf8(out.stdout).unwrap();
    let lines: Vec<&str> = stdout.lines().collect();
    assert_eq!(lines.len(), 2);
    for line in lines {
        let v: serde_json::Value = serde_json::from_str(line).unwrap();
        assert_eq!(v["source"], good.as_str());
    }
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert_eq!(
        stderr,
        format!("communique: {bad}: invalid UTF-8 at byte offset 3\n")
    );
}

#[test]
fn invalid_utf8_on_stdin_exits_1_with_the_offset() {
    let out = run_with_stdin(&[], b"abc\xC3");
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        String::from_utf8(out.stderr).unwrap(),
        "communique: <stdin>: invalid UTF-8 at byte offset 3\n"
    );
    assert!(out.stdout.is_empty());
}

#[test]
fn unreadable_files_exit_1_with_one_line() {
    for path in [
        "/nonexistent/communique/file.txt".to_string(),
        std::env::temp_dir().to_string_lossy().into_owned(),
    ] {
        let out = bin().arg(&path).output().unwrap();
        assert_eq!(out.status.code(), Some(1), "{path}");
        let stderr = String::from_utf8(out.stderr).unwrap();
        assert!(
            stderr.starts_with(&format!("communique: {path}: cannot read: ")),
            "{stderr}"
        );
        assert_eq!(stderr.lines().count(), 1, "{stderr}");
    }
}

#[test]
fn bad_usage_exits_2() {
    for args in [
        &["--reference-date", "2019-02-30", "x"][..],
        &["--reference-date"][..],
        &["--frobnicate"][..],
        &["a.txt", "b.txt"][..],
    ] {
        let out = bin().args(args).output().unwrap();
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        let stderr = String::from_utf8(out.stderr).unwrap();
        assert!(stderr.contains("usage: communique"), "{stderr}");
    }
    let out = bin().args(["--reference-date", "June 5"]).output().unwrap();
    assert!(String::from_utf8(out.stderr)
        .unwrap()
        .contains("YYYY-MM-DD"));
}

#[test]
fn closed_stdout_is_not_a_crash() {
    let big = fixture("whitehouse-2023-0110-fact-sheet-key-deliverables-for-the-2023-north.txt");
    let mut child = bin()
        .args(["--jsonl", &big, &big, &big, &big, &big, &big, &big, &big])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stdout.take());
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success(), "{:?}", out.status);
    assert!(!String::from_utf8(out.stderr).unwrap().contains("panicked"));
}

/// Every fixture text, in name order.
fn all_fixture_texts() -> Vec<String> {
    let dir = format!("{}/fixtures", env!("CARGO_MANIFEST_DIR"));
    let mut paths: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .map(|p| p.to_string_lossy().into_owned())
        .collect();
    paths.sort();
    paths
}

fn sources(stdout: &[u8]) -> Vec<String> {
    std::str::from_utf8(stdout)
        .unwrap()
        .lines()
        .map(|line| {
            let v: serde_json::Value = serde_json::from_str(line).unwrap();
            v["source"].as_str().unwrap().to_string()
        })
        .collect()
}

#[test]
fn jsonl_output_is_the_same_for_any_number_of_jobs() {
    let files = all_fixture_texts();
    assert!(files.len() >= 40, "{}", files.len());
    let run = |jobs: &[&str]| {
        let out = bin()
            .args(["--jsonl", "--reference-date", "2019-07-31"])
            .args(jobs)
            .args(&files)
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(0), "{jobs:?}");
        assert!(out.stderr.is_empty(), "{jobs:?}");
        out.stdout
    };
    let one = run(&["--jobs", "1"]);
    assert_eq!(sources(&one), files);
    // The records are the library's documents, one per line.
    let first: serde_json::Value =
        serde_json::from_str(std::str::from_utf8(&one).unwrap().lines().next().unwrap()).unwrap();
    let text = std::fs::read_to_string(&files[0]).unwrap();
    let date: communique::Date = "2019-07-31".parse().unwrap();
    let doc =
        communique::Extractor::new().extract(communique::Input::new(&text).reference_date(date));
    let mut want = serde_json::to_value(&doc).unwrap();
    want["source"] = files[0].clone().into();
    assert_eq!(first, want);
    for jobs in [
        &["--jobs", "2"][..],
        &["--jobs", "4"][..],
        &["--jobs=3"][..],
        &["-j", "7"][..],
        &["-j0"][..],
        &[][..],
    ] {
        assert!(run(jobs) == one, "{jobs:?} changed the output");
    }
}

#[test]
fn jsonl_with_jobs_reports_bad_files_in_order_and_skips_them() {
    let files = all_fixture_texts();
    let bad = temp_file("bad-middle.txt", b"fine so far \xC3\x28 then not");
    let missing = fixture("no-such-file.txt");
    let mut args = files[..10].to_vec();
    args.insert(3, bad.clone());
    args.insert(7, missing.clone());
    for jobs in ["1", "2", "4"] {
        let out = bin()
            .args(["--jsonl", "--jobs", jobs])
            .args(&args)
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(1), "jobs {jobs}");
        assert_eq!(sources(&out.stdout), &files[..10], "jobs {jobs}");
        let stderr = String::from_utf8(out.stderr).unwrap();
        let lines: Vec<&str> = stderr.lines().collect();
        assert_eq!(lines.len(), 2, "jobs {jobs}: {stderr}");
        assert_eq!(
            lines[0],
            format!("communique: {bad}: invalid UTF-8 at byte offset 12")
        );
        assert!(
            lines[1].starts_with(&format!("communique: {missing}: cannot read: ")),
            "jobs {jobs}: {stderr}"
        );
    }
}

#[test]
fn jobs_is_ignored_without_jsonl_and_quiet_is_accepted() {
    let file = fixture("five-eyes-ottawa-2017.txt");
    let plain = bin().arg(&file).output().unwrap();
    let with_jobs = bin()
        .args(["--jobs", "3", "--quiet", &file])
        .output()
        .unwrap();
    assert_eq!(with_jobs.status.code(), Some(0));
    assert!(!plain.stdout.is_empty());
    assert!(with_jobs.stdout == plain.stdout);
    // Not a terminal: no progress line, whatever the run's length.
    let out = bin()
        .args(["--jsonl", "-j", "2", &file, &file])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert!(out.stderr.is_empty());
}

#[test]
fn bad_jobs_exit_2() {
    for args in [
        &["--jsonl", "--jobs", "abc", "x"][..],
        &["--jsonl", "--jobs=-1", "x"][..],
        &["--jsonl", "-jx", "x"][..],
        &["--jsonl", "--jobs"][..],
    ] {
        let out = bin().args(args).output().unwrap();
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        let stderr = String::from_utf8(out.stderr).unwrap();
        assert!(stderr.contains("invalid --jobs"), "{stderr}");
        assert!(stderr.contains("usage: communique"), "{stderr}");
        assert!(out.stdout.is_empty());
    }
}

/// One worker reads inputs of every size into one buffer: each record is
/// the library's document of exactly that file, with nothing left over
/// from a longer file read before it.
#[test]
fn inputs_of_any_size_read_whole_and_alone() {
    let base = std::fs::read_to_string(fixture("five-eyes-ottawa-2017.txt")).unwrap();
    let sized = |n: usize| {
        let mut t = String::new();
        while t.len() < n {
            t.push_str(&base);
            t.push_str("\n\n");
        }
        t
    };
    let texts = [
        sized(150 << 10),
        "Short note.".to_string(),
        sized(1_300 << 10),
        base.clone(),
        String::new(),
    ];
    let files: Vec<String> = texts
        .iter()
        .enumerate()
        .map(|(i, t)| temp_file(&format!("sized-{i}.txt"), t.as_bytes()))
        .collect();
    let out = bin()
        .args(["--jsonl", "--jobs", "1"])
        .args(&files)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let extractor = communique::Extractor::new();
    let lines: Vec<&str> = std::str::from_utf8(&out.stdout).unwrap().lines().collect();
    assert_eq!(lines.len(), texts.len());
    for ((line, text), file) in lines.iter().zip(&texts).zip(&files) {
        let got: serde_json::Value = serde_json::from_str(line).unwrap();
        let mut want = serde_json::to_value(extractor.extract(text.as_str())).unwrap();
        want["source"] = file.clone().into();
        assert!(got == want, "{file}: record differs from the library's");
    }
}
