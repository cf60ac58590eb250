//! `samiksha-publish`: the publisher's tool. Parses the command line (see [`cli`]), reads files,
//! calls the domain layer, prints.
//!
//! Commands: `validate`, `sample`, `import`, `boundaries`, `catalog`, `sheets` (see `--help`). Exit codes: 0 fine,
//! 1 the input has errors, 2 the command line was wrong.

use clap::Parser;
use samiksha_publish::cli::{BoundariesArgs, Cli, Command, ImportArgs, SampleArgs};
use samiksha_publish::files::Disk;
use samiksha_publish::{boundaries, catalog, districts, sample, sheets, validate, write};
use std::path::Path;
use std::process::ExitCode;

fn fail(e: String) -> ExitCode {
    eprintln!("error: {e}");
    ExitCode::from(1)
}

fn run_sample(a: &SampleArgs) -> ExitCode {
    match districts::read_districts(&Disk, &a.districts).and_then(|rows| sample::generate(&rows, &a.out)) {
        Ok(()) => println!("wrote the sample dataset to {}", a.out.display()),
        Err(e) => return fail(e),
    }
    // The sample's boundary file is committed with it, its source named among the sources.
    let Some(input) = &a.boundaries else { return ExitCode::SUCCESS };
    run_boundaries(&BoundariesArgs {
        input: input.clone(),
        districts: a.districts.clone(),
        out: a.out.join("boundaries.json"),
        aliases: None,
        manifest: Some(a.out.join("manifest.json")),
        source: Some(sample::BOUNDARY_SOURCE.0.into()),
        source_hi: Some(sample::BOUNDARY_SOURCE.1.into()),
        name_property: "district".into(),
        code_property: "dt_code".into(),
        object: None,
        width: 1000.0,
        tolerance: 1.2,
        allow_unmatched: false,
    })
}

fn run_sheets(manifest: &Path, out: &Path) -> ExitCode {
    let dir = manifest.parent().unwrap_or(Path::new("."));
    let read = |rel: &str| std::fs::read(dir.join(rel)).map_err(|e| format!("{}: {e}", dir.join(rel).display()));
    let written =
        std::fs::read(manifest).map_err(|e| format!("{}: {e}", manifest.display())).and_then(|bytes| sheets::from_dataset(&bytes, &read)).and_then(|files| {
            std::fs::create_dir_all(out).map_err(|e| format!("{}: {e}", out.display()))?;
            for (name, bytes) in &files {
                std::fs::write(out.join(name), bytes).map_err(|e| format!("{}: {e}", out.join(name).display()))?;
            }
            Ok(files)
        });
    match written {
        Ok(files) => {
            let names: Vec<&str> = files.iter().map(|(n, _)| n.as_str()).collect();
            println!("wrote {} into {}", names.join(", "), out.display());
            ExitCode::SUCCESS
        }
        Err(e) => fail(e),
    }
}

fn run_import(a: &ImportArgs) -> ExitCode {
    let rows = match districts::read_districts(&Disk, &a.districts) {
        Ok(r) => r,
        Err(e) => return fail(e),
    };
    match samiksha_publish::import::run(&Disk, a, &rows).and_then(|(report, built)| write::to_disk(&a.out, &built).map(|()| report)) {
        Ok(report) => {
            report.print();
            println!("wrote {}; checking it:", a.out.display());
            validate::run(&a.out.join("manifest.json"))
        }
        Err(e) => fail(e),
    }
}

fn run_boundaries(a: &BoundariesArgs) -> ExitCode {
    let (body, lines) = match boundaries::from_args(&Disk, a) {
        Ok(x) => x,
        Err(e) => return fail(e),
    };
    for l in &lines {
        println!("{l}");
    }
    // The boundary file must be listed relative to a readable manifest: checked before writing.
    if let Some(manifest) = &a.manifest {
        let dir = manifest.parent().unwrap_or(std::path::Path::new("."));
        if a.out.strip_prefix(dir).is_err() {
            return fail(format!("{} is not inside the manifest's folder {}; nothing was written", a.out.display(), dir.display()));
        }
        let readable =
            std::fs::read(manifest).map_err(|e| e.to_string()).and_then(|b| serde_json::from_slice::<serde_json::Value>(&b).map_err(|e| e.to_string()));
        if let Err(e) = readable {
            return fail(format!("{}: {e}; nothing was written", manifest.display()));
        }
    }
    let written = (|| -> Result<(), String> {
        std::fs::write(&a.out, &body).map_err(|e| format!("{}: {e}", a.out.display()))?;
        if let Some(manifest) = &a.manifest {
            let source = a.source.as_deref().zip(a.source_hi.as_deref());
            let rel = write::relative_to_manifest(manifest, &a.out)?;
            let old = std::fs::read(manifest).map_err(|e| format!("{}: {e}", manifest.display()))?;
            let new = write::attach_boundaries(&manifest.display().to_string(), &old, &rel, &body, source)?;
            std::fs::write(manifest, new).map_err(|e| format!("{}: {e}", manifest.display()))?;
        }
        Ok(())
    })();
    match written {
        Ok(()) => {
            println!("wrote {}", a.out.display());
            if let Some(m) = &a.manifest {
                println!("listed it in {} with its size and SHA-256{}", m.display(), if a.source.is_some() { ", its source among the sources" } else { "" });
            }
            ExitCode::SUCCESS
        }
        Err(e) => fail(e),
    }
}

fn main() -> ExitCode {
    // On a wrong command line clap prints what is wrong with the usage and exits with 2; on
    // --help it prints the help and exits with 0.
    match Cli::parse().command {
        Command::Validate { manifest } => validate::run(&manifest),
        Command::Sample(a) => run_sample(&a),
        Command::Import(a) => run_import(&a),
        Command::Boundaries(a) => run_boundaries(&a),
        Command::Sheets { manifest, out } => run_sheets(&manifest, &out),
        Command::Catalog(a) => match catalog::add(&a) {
            Ok(msg) => {
                println!("{msg}");
                ExitCode::SUCCESS
            }
            Err(e) => fail(e),
        },
    }
}
