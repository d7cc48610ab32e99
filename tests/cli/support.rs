//! The test builder: a workspace in a temporary folder (a copy of `config/` by
//! default), files changed in a line, and `roster` run with a clean environment.

use std::path::{Path, PathBuf};

pub struct Workspace {
    dir: tempfile::TempDir,
}

/// What one run printed and returned.
#[derive(Debug)]
pub struct Run {
    pub stdout: String,
    pub stderr: String,
    pub code: i32,
}

impl Run {
    /// Asserts the exit code, showing everything printed when it differs.
    #[track_caller]
    pub fn code(&self, expected: i32) -> &Run {
        assert_eq!(self.code, expected, "exit code\n--- stdout\n{}\n--- stderr\n{}", self.stdout, self.stderr);
        assert!(!self.stderr.contains("panicked"), "roster panicked:\n{}", self.stderr);
        self
    }

    #[track_caller]
    pub fn stdout_has(&self, text: &str) -> &Run {
        assert!(
            self.stdout.contains(text),
            "stdout lacks {text:?}\n--- stdout\n{}\n--- stderr\n{}",
            self.stdout,
            self.stderr
        );
        self
    }

    #[track_caller]
    pub fn stderr_has(&self, text: &str) -> &Run {
        assert!(self.stderr.contains(text), "stderr lacks {text:?}\n--- stderr\n{}", self.stderr);
        self
    }

    pub fn json(&self) -> serde_json::Value {
        serde_json::from_str(&self.stdout).unwrap_or_else(|e| panic!("stdout is not JSON ({e}):\n{}", self.stdout))
    }
}

pub fn repo_config() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("config")
}

impl Workspace {
    /// A copy of the repository's example workspace, without its `tests.toml`
    /// (so that a test of one command is not refused by the example's expectations).
    pub fn example() -> Workspace {
        let ws = Workspace::example_with_tests();
        std::fs::remove_file(ws.path().join("tests.toml")).expect("remove tests.toml");
        ws
    }

    /// A copy of the repository's example workspace, expectations included.
    pub fn example_with_tests() -> Workspace {
        let ws = Workspace::empty();
        copy_dir(&repo_config(), ws.path());
        ws
    }

    /// An empty folder.
    pub fn empty() -> Workspace {
        Workspace { dir: tempfile::tempdir().expect("tempdir") }
    }

    pub fn path(&self) -> &Path {
        self.dir.path()
    }

    pub fn write(&self, name: &str, text: impl AsRef<[u8]>) -> &Workspace {
        let path = self.path().join(name);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).expect("mkdir");
        }
        std::fs::write(path, text).expect("write");
        self
    }

    pub fn read(&self, name: &str) -> String {
        std::fs::read_to_string(self.path().join(name)).expect("read")
    }

    /// Replaces the first `from` with `to` in a file; panics when `from` is absent.
    pub fn edit(&self, name: &str, from: &str, to: &str) -> &Workspace {
        let text = self.read(name);
        assert!(text.contains(from), "{name} has no {from:?}");
        self.write(name, text.replacen(from, to, 1))
    }

    /// Runs roster on this workspace (`-w`), from inside it.
    pub fn run(&self, args: &[&str]) -> Run {
        self.run_at(200, args)
    }

    /// [`Workspace::run`] with these environment variables set.
    pub fn run_env(&self, env: &[(&str, &str)], args: &[&str]) -> Run {
        let mut all = vec!["-w", self.path().to_str().expect("utf-8 path")];
        all.extend_from_slice(args);
        run_in_env(self.path(), 200, env, &all, b"")
    }

    /// Runs roster on this workspace as on a terminal `columns` wide (`COLUMNS`).
    pub fn run_at(&self, columns: usize, args: &[&str]) -> Run {
        let mut all = vec!["-w", self.path().to_str().expect("utf-8 path")];
        all.extend_from_slice(args);
        run_in_at(self.path(), columns, &all)
    }
}

/// Runs roster in `dir` with none of roster's environment variables set.
pub fn run_in(dir: &Path, args: &[&str]) -> Run {
    run_in_at(dir, 200, args)
}

/// Runs roster in `dir`, its tables fitted to `columns` (`COLUMNS`: stdout is a pipe).
pub fn run_in_at(dir: &Path, columns: usize, args: &[&str]) -> Run {
    run_in_env(dir, columns, &[], args, b"")
}

/// Runs roster in `dir` with `stdin` as its standard input.
pub fn run_in_with(dir: &Path, columns: usize, args: &[&str], stdin: &[u8]) -> Run {
    run_in_env(dir, columns, &[], args, stdin)
}

fn run_in_env(dir: &Path, columns: usize, env: &[(&str, &str)], args: &[&str], stdin: &[u8]) -> Run {
    let out = assert_cmd::Command::cargo_bin("roster")
        .expect("binary")
        .current_dir(dir)
        .env_remove("ROSTER_WORKSPACE")
        .env_remove("ROSTER_ACTOR")
        // Every test judges access on one day, whatever the clock says
        // (the example's dates are relative to it); `run_env` may change it.
        .env("ROSTER_AT", "2026-11-30")
        .env_remove("NO_COLOR")
        .env("COLUMNS", columns.to_string())
        .envs(env.iter().copied())
        .args(args)
        .write_stdin(stdin)
        .output()
        .expect("run roster");
    Run {
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
        code: out.status.code().unwrap_or(-1),
    }
}

pub fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).expect("mkdir");
    for entry in std::fs::read_dir(from).expect("read_dir") {
        let entry = entry.expect("entry");
        let target = to.join(entry.file_name());
        if entry.file_type().expect("type").is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).expect("copy");
        }
    }
}

/// Runs git in `dir`, with a fixed author and no signing; panics when it fails.
pub fn git(dir: &Path, args: &[&str]) {
    let out = std::process::Command::new("git")
        .arg("-C")
        .arg(dir)
        .args([
            "-c",
            "user.name=Test",
            "-c",
            "user.email=test@example.com",
            "-c",
            "init.defaultBranch=main",
            "-c",
            "commit.gpgsign=false",
        ])
        .args(args)
        .output()
        .expect("git");
    assert!(out.status.success(), "git {args:?}: {}", String::from_utf8_lossy(&out.stderr));
}

/// The words of a command line, as a shell splits them (double quotes only).
pub fn words(line: &str) -> Vec<String> {
    let (mut out, mut word, mut quoted, mut any) = (Vec::new(), String::new(), false, false);
    for c in line.chars() {
        match c {
            '"' => (quoted, any) = (!quoted, true),
            ' ' if !quoted => {
                if any {
                    out.push(std::mem::take(&mut word));
                }
                any = false;
            }
            c => {
                word.push(c);
                any = true;
            }
        }
    }
    if any {
        out.push(word);
    }
    out
}
