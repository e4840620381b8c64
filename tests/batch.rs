//! Batch extraction: the same documents as one at a time, in input order,
//! with a bounded number of items in flight, and panics that propagate.

use std::panic::{self, AssertUnwindSafe};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;
use std::time::Duration;

use communique::{available_jobs, Date, Document, Extractor, Input, BATCH_GROUP};

/// Every fixture text, in name order, with its file name.
fn fixture_texts() -> Vec<(String, String)> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/fixtures");
    let mut paths: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    paths.sort();
    paths
        .into_iter()
        .map(|p| {
            let name = p.file_name().unwrap().to_string_lossy().into_owned();
            (name, std::fs::read_to_string(&p).unwrap())
        })
        .collect()
}

#[test]
fn map_ordered_matches_sequential_extraction_for_any_jobs() {
    let extractor = Extractor::new();
    let texts = fixture_texts();
    assert!(texts.len() >= 40, "{}", texts.len());
    let date: Date = "2019-07-31".parse().unwrap();
    let want: Vec<(String, String)> = texts
        .iter()
        .map(|(name, text)| {
            let doc = extractor.extract(Input::new(text).reference_date(date));
            (name.clone(), serde_json::to_string(&doc).unwrap())
        })
        .collect();
    for jobs in [1, 2, 4, 7] {
        let mut got = Vec::new();
        extractor.map_ordered(
            &texts,
            jobs,
            |e, (name, text)| {
                let doc = e.extract(Input::new(text).reference_date(date));
                (name.clone(), serde_json::to_string(&doc).unwrap())
            },
            |r| got.push(r),
        );
        assert_eq!(got.len(), want.len(), "jobs {jobs}");
        for (g, w) in got.iter().zip(&want) {
            assert_eq!(g.0, w.0, "jobs {jobs}: order");
            assert!(g.1 == w.1, "jobs {jobs}: {} differs", w.0);
        }
    }
}

/// A large batch on a fresh extractor has its workers compile the rules
/// ahead, side by side, before their first documents: the documents are
/// the same as those of an extractor that compiled each rule as a text
/// first needed it.
#[test]
fn a_large_batch_on_a_fresh_extractor_matches_sequential_extraction() {
    let texts: Vec<String> = fixture_texts()
        .into_iter()
        .map(|(_, text)| text)
        .cycle()
        .take(4 * 3 * BATCH_GROUP + 1)
        .collect();
    let sequential = Extractor::new();
    let want: Vec<String> = texts
        .iter()
        .map(|t| serde_json::to_string(&sequential.extract(t.as_str())).unwrap())
        .collect();
    for jobs in [2, 3] {
        let mut got = Vec::new();
        Extractor::new().map_ordered(
            &texts,
            jobs,
            |e, t| serde_json::to_string(&e.extract(t.as_str())).unwrap(),
            |r| got.push(r),
        );
        assert!(got == want, "jobs {jobs}");
    }
}

#[test]
fn extract_all_gives_the_sequential_documents_in_order() {
    let extractor = Extractor::new();
    let texts: Vec<String> = fixture_texts().into_iter().map(|(_, t)| t).collect();
    let docs = extractor.extract_all(&texts);
    let want: Vec<Document<'_>> = texts.iter().map(|t| extractor.extract(t)).collect();
    assert_eq!(docs.len(), texts.len());
    assert!(docs == want);
    // Borrowed from the inputs, not copied.
    let title = docs[0].title.as_ref().unwrap();
    assert_eq!(title.text, &texts[0][title.span.range()]);
}

#[test]
fn order_is_kept_when_early_items_finish_last() {
    let extractor = Extractor::new();
    for jobs in [2, 3, 7] {
        let mut got = Vec::new();
        extractor.map_ordered(
            0..40u64,
            jobs,
            |_, i| {
                // Earlier items sleep longer, so they finish out of order.
                std::thread::sleep(Duration::from_millis((40 - i) % 7));
                i * i
            },
            |r| got.push(r),
        );
        let want: Vec<u64> = (0..40).map(|i| i * i).collect();
        assert_eq!(got, want, "jobs {jobs}");
    }
}

/// Runs `n` items through `map_ordered` on `jobs` workers, every fifth one
/// slow, and returns the results and the most items ever in flight (taken
/// from the input but not yet given to the sink).
fn run_counting_in_flight(extractor: &Extractor, n: usize, jobs: usize) -> (Vec<usize>, usize) {
    let held = AtomicUsize::new(0);
    let most = AtomicUsize::new(0);
    let items = (0..n).inspect(|_| {
        let now = held.fetch_add(1, Ordering::SeqCst) + 1;
        most.fetch_max(now, Ordering::SeqCst);
    });
    let mut got = Vec::new();
    extractor.map_ordered(
        items,
        jobs,
        |e, i| {
            if i % 5 == 0 {
                std::thread::sleep(Duration::from_millis(1));
            }
            e.sentences("One. Two.").len() + i
        },
        |r| {
            held.fetch_sub(1, Ordering::SeqCst);
            got.push(r);
        },
    );
    assert_eq!(held.load(Ordering::SeqCst), 0);
    (got, most.load(Ordering::SeqCst))
}

#[test]
fn at_most_twice_jobs_items_are_in_flight() {
    let extractor = Extractor::new();
    for jobs in [1, 2, 3, 5] {
        let (got, most) = run_counting_in_flight(&extractor, 60, jobs);
        assert_eq!(got, (2..62).collect::<Vec<_>>(), "jobs {jobs}");
        // The calling thread fills the window before it waits, so the
        // bound is reached exactly; one job runs inline, one at a time.
        let bound = if jobs == 1 { 1 } else { 2 * jobs };
        assert_eq!(most, bound, "jobs {jobs}");
    }
}

#[test]
fn large_batches_go_in_groups_and_stay_bounded() {
    let extractor = Extractor::new();
    for jobs in [2, 3] {
        let n = 4 * jobs * BATCH_GROUP + 5;
        let (got, most) = run_counting_in_flight(&extractor, n, jobs);
        assert_eq!(got, (2..n + 2).collect::<Vec<_>>(), "jobs {jobs}");
        // A batch this large goes in groups: the window is 2 × jobs groups.
        assert_eq!(most, 2 * jobs * BATCH_GROUP, "jobs {jobs}");
    }
}

#[test]
fn workers_run_at_the_same_time() {
    let extractor = Extractor::new();
    let running = AtomicUsize::new(0);
    let most = AtomicUsize::new(0);
    let mut count = 0;
    extractor.map_ordered(
        0..8,
        2,
        |_, _| {
            let now = running.fetch_add(1, Ordering::SeqCst) + 1;
            most.fetch_max(now, Ordering::SeqCst);
            std::thread::sleep(Duration::from_millis(40));
            running.fetch_sub(1, Ordering::SeqCst);
        },
        |()| count += 1,
    );
    assert_eq!(count, 8);
    assert_eq!(most.load(Ordering::SeqCst), 2);
}

#[test]
fn empty_input_gives_nothing_and_starts_no_work() {
    let extractor = Extractor::new();
    let none: [&str; 0] = [];
    assert!(extractor.extract_all(&none).is_empty());
    for jobs in [0, 1, 4] {
        let mut calls = 0;
        extractor.map_ordered(
            std::iter::empty::<&str>(),
            jobs,
            |_, _| -> usize { unreachable!() },
            |_| calls += 1,
        );
        assert_eq!(calls, 0);
    }
    // An iterator that does not know its length.
    let mut calls = 0;
    extractor.map_ordered((0..10).filter(|&i| i > 10), 3, |_, i| i, |_| calls += 1);
    assert_eq!(calls, 0);
}

#[test]
fn jobs_zero_means_every_core() {
    assert!(available_jobs() >= 1);
    let extractor = Extractor::new();
    let threads = Mutex::new(std::collections::HashSet::new());
    let mut got = Vec::new();
    extractor.map_ordered(
        0..50,
        0,
        |_, i| {
            threads.lock().unwrap().insert(std::thread::current().id());
            i + 1
        },
        |r| got.push(r),
    );
    assert_eq!(got, (1..51).collect::<Vec<_>>());
    let used = threads.lock().unwrap().len();
    assert!(used <= available_jobs(), "{used}");
    if available_jobs() == 1 {
        assert_eq!(used, 1);
    }
}

#[test]
fn a_panic_in_work_propagates_with_its_payload() {
    let extractor = Extractor::new();
    for jobs in [1, 2, 4] {
        let mut got = Vec::new();
        let started = AtomicUsize::new(0);
        let result = panic::catch_unwind(AssertUnwindSafe(|| {
            extractor.map_ordered(
                0..1000,
                jobs,
                |_, i| {
                    started.fetch_add(1, Ordering::SeqCst);
                    if i == 5 {
                        panic!("boom at {i}");
                    }
                    i
                },
                |r| got.push(r),
            );
        }));
        let payload = result.unwrap_err();
        assert_eq!(
            payload.downcast_ref::<String>().map(String::as_str),
            Some("boom at 5"),
            "jobs {jobs}"
        );
        // Everything before the panic arrived in order, nothing after it,
        // and the batch stopped rather than running on.
        assert!(got.len() <= 5, "jobs {jobs}: {got:?}");
        assert_eq!(got, (0..got.len() as i32).collect::<Vec<_>>());
        assert!(
            started.load(Ordering::SeqCst) <= 6 + 3 * jobs * BATCH_GROUP,
            "jobs {jobs}"
        );
    }
}

#[test]
fn a_panic_in_the_sink_propagates() {
    let extractor = Extractor::new();
    let result = panic::catch_unwind(AssertUnwindSafe(|| {
        extractor.map_ordered(
            0..100,
            3,
            |_, i| i,
            |i| {
                if i == 7 {
                    panic!("sink gave up");
                }
            },
        );
    }));
    assert_eq!(
        result.unwrap_err().downcast_ref::<&str>(),
        Some(&"sink gave up")
    );
}

#[test]
fn a_sink_error_stops_the_batch() {
    let extractor = Extractor::new();
    for jobs in [1, 2, 4] {
        let taken = AtomicUsize::new(0);
        let items = (0..10_000).inspect(|_| {
            taken.fetch_add(1, Ordering::SeqCst);
        });
        let mut seen = Vec::new();
        let result = extractor.try_map_ordered(
            items,
            jobs,
            |_, i| i * 2,
            |r| {
                if r == 20 {
                    return Err("stop");
                }
                seen.push(r);
                Ok(())
            },
        );
        assert_eq!(result, Err("stop"));
        assert_eq!(seen, (0..10).map(|i| i * 2).collect::<Vec<_>>());
        // A thousand items go in groups: the window is `2 × jobs` groups.
        let window = if jobs == 1 { 1 } else { 2 * jobs * BATCH_GROUP };
        assert!(taken.load(Ordering::SeqCst) <= 11 + window, "jobs {jobs}");
    }
}
