//! The process-exit shortcut: a large value that is never freed.

use std::mem::ManuallyDrop;
use std::ops::{Deref, DerefMut};

/// A value that is never freed (its destructor never runs).
///
/// A command reads a workspace, works on it and ends, and the process ends
/// with it: the system takes all its memory back at once, where freeing a
/// 100,000-member workspace allocation by allocation took about 25 ms. What a
/// command holds until it ends (the workspace it opened, `check`'s result, a
/// change's old and new states) is kept in one of these, and this is the one
/// place that says why.
#[derive(Debug)]
pub struct Kept<T>(ManuallyDrop<T>);

impl<T> Kept<T> {
    pub fn new(value: T) -> Kept<T> {
        Kept(ManuallyDrop::new(value))
    }
}

impl<T> Deref for Kept<T> {
    type Target = T;
    fn deref(&self) -> &T {
        &self.0
    }
}

impl<T> DerefMut for Kept<T> {
    fn deref_mut(&mut self) -> &mut T {
        &mut self.0
    }
}
