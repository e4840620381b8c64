//! Many documents on all cores: [`Extractor::map_ordered`] and
//! [`Extractor::try_map_ordered`] stream results back in input order with a
//! bounded number of items in flight, [`Extractor::extract_all`] is the
//! one-call form for texts already in memory.
//!
//! A [`Document`] borrows its text, so a worker cannot hand one back
//! without the text it came from. The streaming API therefore runs a
//! caller's closure on the worker (read the file, extract, serialise, keep
//! whatever owned result is wanted) and only that closure's result crosses
//! back to the calling thread.

use std::any::Any;
use std::collections::VecDeque;
use std::convert::Infallible;
use std::num::NonZeroUsize;
use std::panic::{self, AssertUnwindSafe};
use std::sync::{mpsc, Mutex, PoisonError};

use crate::{Document, Extractor};

/// The number of workers `jobs == 0` stands for: the parallelism the
/// operating system reports for this process, or 1 when it cannot say.
///
/// # Example
///
/// ```
/// assert!(communique::available_jobs() >= 1);
/// ```
pub fn available_jobs() -> usize {
    std::thread::available_parallelism().map_or(1, NonZeroUsize::get)
}

/// A worker's answer for one item: its result, or the payload of the panic
/// the work raised.
type Outcome<R> = Result<R, Box<dyn Any + Send>>;

impl Extractor {
    /// Runs `work` over every item of `inputs` on `jobs` worker threads
    /// sharing this extractor, and hands each result to `sink` on the
    /// calling thread in input order.
    ///
    /// `jobs == 0` means [`available_jobs`]; `jobs == 1` runs everything on
    /// the calling thread, with no threads started. The calling thread
    /// pulls items from `inputs` and runs `sink`; workers only run `work`.
    /// Items go to the workers in groups of up to [`BATCH_GROUP`] when `inputs`
    /// says (by its size hint) that it holds at least `4 × jobs × BATCH_GROUP` of
    /// them, one by one otherwise: every hand-over wakes a thread, which
    /// costs about as much as extracting a short release. At most
    /// `2 × jobs` groups are in flight at once (taken from `inputs` but not
    /// yet given to `sink`), so memory is bounded by the largest items and
    /// results in flight, never by the length of the batch.
    ///
    /// Since a [`Document`] borrows its text, `work` is where a document is
    /// made and used: read the text, extract, and return something owned
    /// (a serialisation, counts, selected fields).
    ///
    /// # Panics
    ///
    /// A panic in `work` stops the batch: no further result is given to
    /// `sink`, items not yet started are dropped, the other workers finish
    /// the group they are on and are joined, and the panic resumes on the
    /// calling thread with its original payload. A panic in `sink` or
    /// in `inputs` likewise joins the workers and propagates.
    ///
    /// # Example
    ///
    /// ```
    /// use communique::{Date, Extractor, Input};
    ///
    /// let extractor = Extractor::new();
    /// let texts = ["Title\n\nThey met on Monday. They talked.", "One sentence."];
    /// let date: Date = "2019-07-31".parse()?;
    /// let mut lines = Vec::new();
    /// extractor.map_ordered(
    ///     texts,
    ///     2,
    ///     |e, text| {
    ///         let doc = e.extract(Input::new(text).reference_date(date));
    ///         format!("{} sentences, {} dates", doc.sentences.len(), doc.dates.len())
    ///     },
    ///     |line| lines.push(line),
    /// );
    /// assert_eq!(lines, ["3 sentences, 1 dates", "1 sentences, 0 dates"]);
    /// # Ok::<(), communique::Error>(())
    /// ```
    pub fn map_ordered<T, R, I, F, S>(&self, inputs: I, jobs: usize, work: F, mut sink: S)
    where
        I: IntoIterator<Item = T>,
        T: Send,
        R: Send,
        F: Fn(&Extractor, T) -> R + Sync,
        S: FnMut(R),
    {
        let done: Result<(), Infallible> = self.try_map_ordered(inputs, jobs, work, |r| {
            sink(r);
            Ok(())
        });
        match done {
            Ok(()) => {}
            Err(never) => match never {},
        }
    }

    /// [`map_ordered`](Extractor::map_ordered) with a sink that can stop
    /// the batch: the first `Err` from `sink` is returned once the workers
    /// have finished the item each is on; no further item is taken from
    /// `inputs`, and items and results still queued are dropped.
    ///
    /// # Errors
    ///
    /// The first error `sink` returned.
    ///
    /// # Panics
    ///
    /// As [`map_ordered`](Extractor::map_ordered).
    ///
    /// # Example
    ///
    /// ```
    /// use communique::Extractor;
    ///
    /// let extractor = Extractor::new();
    /// let mut seen = Vec::new();
    /// let stopped = extractor.try_map_ordered(
    ///     ["They met. They talked.", "It rained.", "One. Two. Three.", "Four."],
    ///     2,
    ///     |e, text| e.extract(text).sentences.len(),
    ///     |n| {
    ///         if n > 2 {
    ///             return Err(format!("too long: {n}"));
    ///         }
    ///         seen.push(n);
    ///         Ok(())
    ///     },
    /// );
    /// assert_eq!(stopped, Err("too long: 3".to_string()));
    /// assert_eq!(seen, [2, 1]);
    /// ```
    pub fn try_map_ordered<T, R, E, I, F, S>(
        &self,
        inputs: I,
        jobs: usize,
        work: F,
        mut sink: S,
    ) -> Result<(), E>
    where
        I: IntoIterator<Item = T>,
        T: Send,
        R: Send,
        F: Fn(&Extractor, T) -> R + Sync,
        S: FnMut(R) -> Result<(), E>,
    {
        let mut inputs = inputs.into_iter();
        let mut jobs = if jobs == 0 { available_jobs() } else { jobs };
        if let (_, Some(most)) = inputs.size_hint() {
            // No more workers than items; an empty batch starts none.
            jobs = jobs.min(most.max(1));
        }
        if jobs <= 1 {
            return inputs.try_for_each(|item| sink(work(self, item)));
        }
        let group = group_size(inputs.size_hint().0, jobs);
        let limit = jobs.saturating_mul(2).saturating_mul(group);
        let (task_tx, task_rx) = mpsc::sync_channel::<Vec<(usize, T)>>(jobs.saturating_mul(2));
        let task_rx = Mutex::new(task_rx);
        let (done_tx, done_rx) = mpsc::channel::<Vec<(usize, Outcome<R>)>>();
        let work = &work;
        let task_rx = &task_rx;
        let outcome = std::thread::scope(|scope| {
            for _ in 0..jobs {
                let done_tx = done_tx.clone();
                scope.spawn(move || loop {
                    // The lock is held only while waiting for a task, never
                    // while working, so it cannot be poisoned by `work`;
                    // recover the receiver regardless.
                    let task = task_rx
                        .lock()
                        .unwrap_or_else(PoisonError::into_inner)
                        .recv();
                    let Ok(items) = task else {
                        break; // the calling thread is done handing out work
                    };
                    let mut results = Vec::with_capacity(items.len());
                    let mut failed = false;
                    for (index, item) in items {
                        let result = panic::catch_unwind(AssertUnwindSafe(|| work(self, item)));
                        failed = result.is_err();
                        results.push((index, result));
                        if failed {
                            break; // the rest of the group is dropped unstarted
                        }
                    }
                    if done_tx.send(results).is_err() || failed {
                        break;
                    }
                });
            }
            drop(done_tx);
            // Leaving this call drops `task_tx` and `done_rx`: a worker ends
            // its loop when the queue is empty and closed, or when it cannot
            // hand a result back.
            let outcome = collect_in_order(&mut inputs, task_tx, done_rx, limit, group, &mut sink);
            // After a stop, drop the queued items unstarted.
            let queue = task_rx.lock().unwrap_or_else(PoisonError::into_inner);
            while queue.try_recv().is_ok() {}
            outcome
        });
        match outcome {
            Ok(Ok(())) => Ok(()),
            Ok(Err(e)) => Err(e),
            Err(payload) => panic::resume_unwind(payload),
        }
    }

    /// Extracts every text on all cores and returns the documents in input
    /// order: the same documents, field for field, as calling
    /// [`extract`](Extractor::extract) on each in turn.
    ///
    /// All the documents are held at once; to stream a large batch with
    /// bounded memory, use [`map_ordered`](Extractor::map_ordered).
    ///
    /// # Example
    ///
    /// ```
    /// use communique::Extractor;
    ///
    /// let extractor = Extractor::new();
    /// let texts = vec!["Ministers meet\n\nThey met in Ottawa.".to_string(), "Hello.".to_string()];
    /// let docs = extractor.extract_all(&texts);
    /// assert_eq!(docs.len(), 2);
    /// assert_eq!(docs[0].title.as_ref().unwrap().text, "Ministers meet");
    /// assert_eq!(docs[1], extractor.extract(&texts[1]));
    /// ```
    pub fn extract_all<'h, S>(&self, texts: &'h [S]) -> Vec<Document<'h>>
    where
        S: AsRef<str> + Sync,
    {
        let mut docs = Vec::with_capacity(texts.len());
        self.map_ordered(
            texts,
            0,
            |e, text: &'h S| e.extract(text.as_ref()),
            |doc| docs.push(doc),
        );
        docs
    }
}

/// The most items handed to a worker at once.
pub const BATCH_GROUP: usize = 8;

/// Items per hand-over for a batch of at least `known` items on `jobs`
/// workers: [`BATCH_GROUP`] when there are enough to keep every worker busy with
/// whole groups, else one.
fn group_size(known: usize, jobs: usize) -> usize {
    if known >= jobs.saturating_mul(4).saturating_mul(BATCH_GROUP) {
        BATCH_GROUP
    } else {
        1
    }
}

/// The calling thread's side of a batch: keeps up to `limit` items in
/// flight, handed over in groups of up to `group`, reorders the workers'
/// results and feeds them to `sink`.
///
/// Returns `Err(payload)` when a worker's `work` panicked, `Ok(Err(e))`
/// when `sink` stopped the batch.
fn collect_in_order<T, R, E>(
    inputs: &mut impl Iterator<Item = T>,
    task_tx: mpsc::SyncSender<Vec<(usize, T)>>,
    done_rx: mpsc::Receiver<Vec<(usize, Outcome<R>)>>,
    limit: usize,
    group: usize,
    sink: &mut impl FnMut(R) -> Result<(), E>,
) -> Result<Result<(), E>, Box<dyn Any + Send>> {
    // `waiting[k]` holds the result of item `delivered + k` once it is in.
    let mut waiting: VecDeque<Option<R>> = VecDeque::with_capacity(limit);
    let mut sent = 0usize;
    let mut delivered = 0usize;
    let mut exhausted = false;
    loop {
        while !exhausted && sent - delivered < limit {
            let room = (limit - (sent - delivered)).min(group);
            let mut items = Vec::with_capacity(room);
            for item in inputs.by_ref().take(room) {
                items.push((sent + items.len(), item));
            }
            if items.len() < room {
                exhausted = true;
            }
            if items.is_empty() {
                break;
            }
            let n = items.len();
            if task_tx.send(items).is_err() {
                // Every worker is gone, which only a panic does; its
                // payload is already on the way.
                exhausted = true;
                break;
            }
            waiting.extend(std::iter::repeat_with(|| None).take(n));
            sent += n;
        }
        if delivered == sent && exhausted {
            return Ok(Ok(()));
        }
        let Ok(results) = done_rx.recv() else {
            // Every worker is gone with items pending, which a worker
            // reporting its panic never leaves behind.
            return Err(Box::new("communique: batch workers stopped early"));
        };
        for (index, outcome) in results {
            let result = outcome?;
            if let Some(slot) = waiting.get_mut(index.wrapping_sub(delivered)) {
                *slot = Some(result);
            }
        }
        while let Some(Some(_)) = waiting.front() {
            if let Some(Some(result)) = waiting.pop_front() {
                delivered += 1;
                if let Err(e) = sink(result) {
                    return Ok(Err(e));
                }
            }
        }
    }
}
