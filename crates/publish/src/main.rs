//! `samiksha-publish`: the publisher's tool. Reads files, calls the domain layer, prints.
//!
//! Commands: `validate <manifest.json>`, `sample --districts <csv> --out <dir>`,
//! `import …`, `boundaries …` (see `--help`). Exit codes: 0 fine, 1 the input has errors,
//! 2 the command line was wrong.

mod districts;
mod sample;
mod validate;
mod write;

use std::path::PathBuf;
use std::process::ExitCode;

const HELP: &str = "samiksha-publish: check and build Samiksha datasets

USAGE:
  samiksha-publish validate <manifest.json>
      Checks the manifest and every file it lists; prints each problem with its file,
      JSON path and what was expected. Exit 0 when there are no errors, 1 when there are.
  samiksha-publish sample --districts <mp-districts.csv> --out <folder>
      Writes the deterministic sample dataset (illustrative values).
";

/// Returns the value after `--name` in `args`, if present.
fn option(args: &[String], name: &str) -> Option<PathBuf> {
    args.iter().position(|a| a == name).and_then(|i| args.get(i + 1)).map(PathBuf::from)
}

fn usage(msg: &str) -> ExitCode {
    eprintln!("samiksha-publish: {msg}\n\n{HELP}");
    ExitCode::from(2)
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.first().map(String::as_str) {
        Some("validate") => match args.get(1) {
            Some(path) => validate::run(&PathBuf::from(path)),
            None => usage("validate needs the path of a manifest.json"),
        },
        Some("sample") => {
            let (Some(csv), Some(out)) = (option(&args, "--districts"), option(&args, "--out")) else {
                return usage("sample needs --districts <csv> and --out <folder>");
            };
            match districts::read_districts(&csv).and_then(|rows| sample::generate(&rows, &out)) {
                Ok(()) => {
                    println!("wrote the sample dataset to {}", out.display());
                    ExitCode::SUCCESS
                }
                Err(e) => {
                    eprintln!("error: {e}");
                    ExitCode::from(1)
                }
            }
        }
        Some("-h") | Some("--help") | Some("help") => {
            print!("{HELP}");
            ExitCode::SUCCESS
        }
        Some(other) => usage(&format!("unknown command \"{other}\"")),
        None => usage("no command given"),
    }
}
