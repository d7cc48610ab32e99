//! Work shared among the cores: the one way roster runs independent pieces
//! of a command at once (the rules' groups, the seats counted by tier, the
//! entries' headers counted chunk by chunk, the files compared with the disk
//! before a write). Scoped threads, no pool: a command runs a few such steps
//! and ends. The large files' chunks are read by `store::load::chunk`, which
//! places each chunk's entries straight into one list.

use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};

/// The cores this process may use (1 when the system cannot say).
pub fn threads() -> usize {
    std::thread::available_parallelism().map_or(1, |n| n.get())
}

/// `work(task)` for every task, on `threads` threads (this one and scoped
/// ones), each taking the next task not yet taken, so that a thread slowed by
/// other work takes fewer; the results in task order. A panic in a task is
/// the caller's panic.
pub fn map<T: Sync, R: Send>(tasks: &[T], threads: usize, work: impl Fn(&T) -> R + Sync) -> Vec<R> {
    if threads <= 1 || tasks.len() <= 1 {
        return tasks.iter().map(work).collect();
    }
    let results: Vec<Mutex<Option<R>>> = tasks.iter().map(|_| Mutex::new(None)).collect();
    let next = AtomicUsize::new(0);
    let worker = || {
        loop {
            let i = next.fetch_add(1, Ordering::Relaxed);
            let Some(task) = tasks.get(i) else { break };
            let r = work(task);
            // Each result is set by one thread only: the lock is never contended.
            *results[i].lock().unwrap_or_else(std::sync::PoisonError::into_inner) = Some(r);
        }
    };
    std::thread::scope(|s| {
        for _ in 1..threads.min(tasks.len()) {
            s.spawn(worker);
        }
        worker();
    });
    results
        .into_iter()
        .map(|r| r.into_inner().unwrap_or_else(std::sync::PoisonError::into_inner).expect("every task was run"))
        .collect()
}

#[cfg(test)]
mod tests {
    #[test]
    fn every_task_is_run_once_and_its_result_is_in_its_place() {
        let tasks: Vec<u64> = (0..1000).collect();
        for threads in [1, 2, 3, 16] {
            let out = super::map(&tasks, threads, |&t| t * t);
            assert_eq!(out, tasks.iter().map(|t| t * t).collect::<Vec<_>>(), "on {threads} threads");
        }
        assert!(super::map(&[] as &[u8], 4, |_| 1).is_empty());
    }
}
