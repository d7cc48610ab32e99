//! roster through its binary: stdout, stderr, exit code and the files after.
//! One test binary (like just's), with a small builder in `support`.

mod support;

mod access;
mod bad_input;
mod batch;
mod changes;
mod check;
mod ci_formats;
mod completions;
mod dates;
mod discovery;
mod edits;
mod expectations;
mod fidelity;
mod fs_safety;
mod help;
mod history;
mod init;
mod lockout;
mod man;
mod output_safety;
mod progress;
mod read;
mod readme;
mod reference;
mod reliability;
mod review;
mod review_rename;
mod review_scope;
mod reviews;
mod robust;
mod schemas;
mod separation;
mod snapshots;
mod teams;
mod terminal;
mod write_path;
