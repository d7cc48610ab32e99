//! What a change that went through did (or, as a dry run, would do): the
//! command prints it; the change layer never does.

/// The outcome of [`Session::commit`](super::Session::commit).
#[derive(Debug, Default)]
pub struct Report {
    /// One line per fact, in order: the command's, then the tests that now
    /// fail (`allow_failing_tests`) and the change of the monthly cost.
    pub facts: Vec<String>,
    /// The files written (or that a dry run would write), in the order they
    /// are written; empty when the change changed nothing.
    pub files: Vec<String>,
    /// The members whose access changed, sorted: they sign in again.
    pub sign_in_again: Vec<String>,
    /// For a dry run that would change files: the unified diff of what would
    /// be written. Nothing was.
    pub diff: Option<String>,
    /// Members added or removed, or a change of layout alone.
    pub people: super::People,
}
