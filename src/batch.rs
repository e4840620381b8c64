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
use std::sync::atomic::AtomicUsize;
use std::sync::{Condvar, Mutex, MutexGuard, PoisonError};

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

impl Extractor {
    /// Runs `work` over every item of `inputs` on `jobs` worker threads
    /// sharing this extractor, and hands each result to `sink` on the
    /// calling thread in input order.
    ///
    /// `jobs == 0` means [`available_jobs`]; `jobs == 1` runs everything on
    /// the calling thread, with no threads started. Otherwise `jobs - 1`
    /// threads are started and the calling thread is the last worker: it
    /// pulls items from `inputs` into a shared queue, runs `work` on queued
    /// items like the others, and runs `sink` whenever the next result in
    /// line is in. Workers take items one at a time, so a busy worker never
    /// waits to be handed its next item, and the batch ends with every
    /// worker busy until the queue runs dry. At most `2 × jobs` items are in
    /// flight at once (taken from `inputs` but not yet given to `sink`), or
    /// `2 × jobs × BATCH_GROUP` when `inputs` says (by its size hint) that
    /// it holds at least `4 × jobs × BATCH_GROUP` of them, so that a worker
    /// finds work queued while the calling thread is on a long item; memory
    /// is bounded by the largest items and results in flight, never by the
    /// length of the batch. Such a large batch also starts with the workers
    /// sharing out the compiling of the rules the extractor otherwise
    /// compiles on first use (see [`warm_up`](Extractor::warm_up); all
    /// but the Unicode forms of the commitment rules, which only a rare
    /// sentence reads), rather than waiting on one another to compile the
    /// same rule for their first items.
    ///
    /// Since a [`Document`] borrows its text, `work` is where a document is
    /// made and used: read the text, extract, and return something owned
    /// (a serialisation, counts, selected fields).
    ///
    /// # Panics
    ///
    /// A panic in `work` stops the batch: no further result is given to
    /// `sink`, items not yet started are dropped, the other workers finish
    /// the item they are on and are joined, and the panic resumes on the
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
        let large = is_large(inputs.size_hint().0, jobs);
        let limit = window(large, jobs);
        let shared = Shared::new(limit);
        let work = &work;
        let shared = &shared;
        // A large batch compiles its rules ahead, every worker taking the
        // next rule from this counter: otherwise the workers' first
        // documents all need the same rules at once, and all but one wait
        // while it compiles.
        let warm = AtomicUsize::new(0);
        let warm = large.then_some(&warm);
        let outcome = std::thread::scope(|scope| {
            // The calling thread is one of the `jobs` workers.
            for _ in 1..jobs {
                scope.spawn(move || {
                    if let Some(next) = warm {
                        self.warm_up_from(next, false);
                    }
                    shared.serve(self, work)
                });
            }
            // Closes the queue however this ends (done, stopped by the
            // sink, or a panic in `inputs`, `sink` or the calling thread's
            // `work`), so that the workers leave and the scope joins them.
            let _close = CloseOnDrop(shared);
            collect_in_order(self, &mut inputs, shared, work, limit, warm, &mut sink)
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

/// For a large batch, the number of items in flight per worker is
/// `2 × BATCH_GROUP` (see [`Extractor::map_ordered`]).
pub const BATCH_GROUP: usize = 8;

/// Whether a batch of at least `known` items on `jobs` workers holds
/// enough to keep every worker busy for `4 × BATCH_GROUP` items.
fn is_large(known: usize, jobs: usize) -> bool {
    known >= jobs.saturating_mul(4).saturating_mul(BATCH_GROUP)
}

/// The most items in flight for a batch on `jobs` workers:
/// `2 × BATCH_GROUP` per worker for a large batch, else two per worker.
fn window(large: bool, jobs: usize) -> usize {
    let per_job = if large { 2 * BATCH_GROUP } else { 2 };
    jobs.saturating_mul(per_job)
}

/// What the calling thread and the spawned workers share during a batch.
///
/// Items wait in a queue that every worker, the calling thread included,
/// takes from one at a time, so a busy worker picks up its next item
/// without being woken; only a worker that found the queue empty sleeps,
/// and only then does a hand-over cost a wake-up.
struct Shared<T, R> {
    state: Mutex<State<T, R>>,
    /// Signalled when items arrive or the queue closes, for idle workers.
    work_ready: Condvar,
    /// Signalled when the result the calling thread waits for is in, or a
    /// worker's `work` panicked.
    result_ready: Condvar,
}

/// The part of [`Shared`] behind its lock.
struct State<T, R> {
    /// Items taken from the input and not yet started, with their index,
    /// oldest first.
    tasks: VecDeque<(usize, T)>,
    /// Results the spawned workers finished since the calling thread last
    /// looked, with their index, in no particular order.
    done: Vec<(usize, R)>,
    /// No more items will come: a worker leaves once `tasks` is empty.
    closed: bool,
    /// The payload of the first panic in a spawned worker's `work`.
    panic: Option<Box<dyn Any + Send>>,
    /// Spawned workers asleep on `work_ready`.
    idle: usize,
    /// The index the calling thread sleeps on `result_ready` for, if it
    /// does.
    awaited: Option<usize>,
}

impl<T, R> Shared<T, R> {
    fn new(limit: usize) -> Self {
        Shared {
            state: Mutex::new(State {
                tasks: VecDeque::with_capacity(limit),
                done: Vec::with_capacity(limit),
                closed: false,
                panic: None,
                idle: 0,
                awaited: None,
            }),
            work_ready: Condvar::new(),
            result_ready: Condvar::new(),
        }
    }

    /// The lock, also after a panic elsewhere: user code (`work`, `sink`,
    /// `inputs`, dropping items) never runs while it is held, so the state
    /// is consistent even if the lock is poisoned.
    fn lock(&self) -> MutexGuard<'_, State<T, R>> {
        self.state.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// A spawned worker: runs `work` on queued items until the queue is
    /// closed and empty, or until `work` panics.
    fn serve<F>(&self, extractor: &Extractor, work: &F)
    where
        F: Fn(&Extractor, T) -> R,
    {
        let mut state = self.lock();
        loop {
            if let Some((index, item)) = state.tasks.pop_front() {
                drop(state);
                let result = panic::catch_unwind(AssertUnwindSafe(|| work(extractor, item)));
                state = self.lock();
                match result {
                    Ok(result) => {
                        state.done.push((index, result));
                        if state.awaited == Some(index) {
                            self.result_ready.notify_one();
                        }
                    }
                    Err(payload) => {
                        // Stop the batch: nothing more starts, and the
                        // calling thread learns of it at once.
                        state.panic.get_or_insert(payload);
                        drop(self.close(state));
                        self.result_ready.notify_one();
                        return;
                    }
                }
            } else if state.closed {
                return;
            } else {
                state.idle += 1;
                state = self
                    .work_ready
                    .wait(state)
                    .unwrap_or_else(PoisonError::into_inner);
                state.idle -= 1;
            }
        }
    }

    /// Closes the queue and wakes every idle worker so that it leaves;
    /// returns the items never started, to be dropped once the lock is
    /// released.
    fn close(&self, mut state: MutexGuard<'_, State<T, R>>) -> VecDeque<(usize, T)> {
        state.closed = true;
        let unstarted = std::mem::take(&mut state.tasks);
        if state.idle > 0 {
            self.work_ready.notify_all();
        }
        unstarted
    }
}

/// Closes a batch's queue when dropped, whichever way the calling thread
/// leaves it.
struct CloseOnDrop<'a, T, R>(&'a Shared<T, R>);

impl<T, R> Drop for CloseOnDrop<'_, T, R> {
    fn drop(&mut self) {
        let unstarted = self.0.close(self.0.lock());
        drop(unstarted);
    }
}

/// The calling thread's side of a batch: keeps up to `limit` items in
/// flight (taken from `inputs`, not yet given to `sink`), runs `work` on
/// queued items itself like any worker, reorders the results and feeds
/// them to `sink` as soon as they are next in line.
///
/// With `warm`, it takes its share of the extractor's rules to compile
/// (see [`Extractor::warm_up`]) once the first items are queued, before
/// it starts on one.
///
/// Returns `Err(payload)` when a spawned worker's `work` panicked,
/// `Ok(Err(e))` when `sink` stopped the batch.
fn collect_in_order<T, R, E>(
    extractor: &Extractor,
    inputs: &mut impl Iterator<Item = T>,
    shared: &Shared<T, R>,
    work: &impl Fn(&Extractor, T) -> R,
    limit: usize,
    mut warm: Option<&AtomicUsize>,
    sink: &mut impl FnMut(R) -> Result<(), E>,
) -> Result<Result<(), E>, Box<dyn Any + Send>> {
    // `waiting[k]` holds the result of item `delivered + k` once it is in.
    let mut waiting: VecDeque<Option<R>> = VecDeque::with_capacity(limit);
    let mut delivered = 0usize;
    let mut exhausted = false;
    // Items taken from `inputs`, not yet queued.
    let mut fresh: Vec<(usize, T)> = Vec::with_capacity(limit);
    // Results taken from the shared state, not yet placed in `waiting`.
    let mut arrived: Vec<(usize, R)> = Vec::with_capacity(limit);
    loop {
        // Fill the window, calling `inputs` without the lock held.
        let mut sent = delivered + waiting.len();
        while !exhausted && sent - delivered < limit {
            match inputs.next() {
                Some(item) => {
                    fresh.push((sent, item));
                    sent += 1;
                }
                None => exhausted = true,
            }
        }
        let mut state = shared.lock();
        if let Some(payload) = state.panic.take() {
            return Err(payload);
        }
        if !fresh.is_empty() {
            waiting.extend(std::iter::repeat_with(|| None).take(fresh.len()));
            let wake = state.idle.min(fresh.len());
            state.tasks.extend(fresh.drain(..));
            for _ in 0..wake {
                shared.work_ready.notify_one();
            }
        }
        if exhausted && !state.closed {
            state.closed = true;
            if state.idle > 0 {
                shared.work_ready.notify_all();
            }
        }
        std::mem::swap(&mut state.done, &mut arrived);
        for (index, result) in arrived.drain(..) {
            if let Some(slot) = waiting.get_mut(index.wrapping_sub(delivered)) {
                *slot = Some(result);
            }
        }
        if matches!(waiting.front(), Some(Some(_))) {
            drop(state);
            while let Some(Some(_)) = waiting.front() {
                if let Some(Some(result)) = waiting.pop_front() {
                    delivered += 1;
                    if let Err(e) = sink(result) {
                        return Ok(Err(e));
                    }
                }
            }
        } else if waiting.is_empty() && exhausted {
            return Ok(Ok(()));
        } else if let Some((index, item)) = state.tasks.pop_front() {
            drop(state);
            if let Some(next) = warm.take() {
                extractor.warm_up_from(next, false);
            }
            let result = work(extractor, item);
            if let Some(slot) = waiting.get_mut(index.wrapping_sub(delivered)) {
                *slot = Some(result);
            }
        } else {
            // Every item in flight is on a spawned worker: sleep until
            // the next one in line is in.
            state.awaited = Some(delivered);
            state = shared
                .result_ready
                .wait(state)
                .unwrap_or_else(PoisonError::into_inner);
            state.awaited = None;
        }
    }
}
