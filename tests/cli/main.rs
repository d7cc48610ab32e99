//! roster through its binary: stdout, stderr, exit code and the files after.
//! One test binary (like just's), with a small builder in `support`.

mod support;

mod access;
mod bad_input;
mod batch;
mod changes;
mod check;
mod completions;
mod discovery;
mod edits;
mod expectations;
mod fs_safety;
mod init;
mod lockout;
mod output_safety;
mod read;
mod reference;
mod reliability;
mod review;
mod robust;
mod snapshots;
mod write_path;
