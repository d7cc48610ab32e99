//! Writes the generated workspace of SPEC §7 to a folder:
//!
//! ```sh
//! cargo run --release --example generate -- OUT_DIR [--members N] [--clients N]
//!     [--profiles N] [--tiers N] [--areas N] [--clients-per-member N]
//!     [--per-client-share X] [--override-share X] [--seed N]
//! ```
//! Defaults are the reference workload: 100,000 members, 20,000 clients, 200
//! profiles, 5 tiers, 8 areas, 5 clients per member, 5% per-client profiles, 2%
//! overrides, seed 1.

use roster::generate::{Params, generate, write};
use roster::progress;

fn main() {
    let mut params = Params::default();
    let mut out = None;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        let mut value = |name: &str| -> String {
            args.next().unwrap_or_else(|| {
                eprintln!("error: {name} needs a value");
                std::process::exit(2)
            })
        };
        macro_rules! num {
            ($name:expr) => {
                value($name).parse().unwrap_or_else(|_| {
                    eprintln!("error: {} takes a number", $name);
                    std::process::exit(2)
                })
            };
        }
        match arg.as_str() {
            "--seed" => params.seed = num!("--seed"),
            "--members" => params.members = num!("--members"),
            "--clients" => params.clients = num!("--clients"),
            "--profiles" => params.profiles = num!("--profiles"),
            "--tiers" => params.tiers = num!("--tiers"),
            "--areas" => params.areas = num!("--areas"),
            "--clients-per-member" => params.clients_per_member = num!("--clients-per-member"),
            "--per-client-share" => params.per_client_share = num!("--per-client-share"),
            "--override-share" => params.override_share = num!("--override-share"),
            "-h" | "--help" => {
                println!(
                    "usage: generate OUT_DIR [--members N] [--clients N] [--profiles N] [--tiers N] [--areas N] [--clients-per-member N] [--per-client-share X] [--override-share X] [--seed N]"
                );
                return;
            }
            _ if out.is_none() && !arg.starts_with('-') => out = Some(std::path::PathBuf::from(arg)),
            _ => {
                eprintln!("error: unexpected argument `{arg}` (see --help)");
                std::process::exit(2)
            }
        }
    }
    let Some(out) = out else {
        eprintln!("error: give the folder to write (see --help)");
        std::process::exit(2)
    };
    // A bar on a terminal, as roster draws one (never in a pipe).
    progress::enable(progress::wanted(false));
    progress::phase(format!("generating {} members", params.members), 0, progress::Unit::None);
    let files = generate(&params);
    progress::phase(format!("writing {}", out.display()), 0, progress::Unit::None);
    let written = write(&out, &files);
    progress::clear();
    if let Err(e) = written {
        eprintln!("error: cannot write `{}`: {e}", out.display());
        std::process::exit(6)
    }
}
