//! `samiksha-publish`: the publisher's tool. Parses the command line (see [`cli`]), reads files,
//! calls the domain layer, prints.
//!
//! Commands: `validate`, `sample`, `import`, `boundaries`, `catalog` (see `--help`). Exit codes: 0 fine,
//! 1 the input has errors, 2 the command line was wrong.

use clap::Parser;
use samiksha_publish::cli::{BoundariesArgs, Cli, Command, ImportArgs, SampleArgs};
use samiksha_publish::files::Disk;
use samiksha_publish::{boundaries, catalog, districts, model, sample, validate, write};
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
    let built = (|| -> Result<(model::BoundaryFile, boundaries::BoundaryReport), String> {
        let rows = districts::read_districts(&Disk, &a.districts)?;
        let aliases = match &a.aliases {
            Some(p) => districts::read_aliases(&Disk, p, &rows)?,
            None => Default::default(),
        };
        let bytes = validate::read_file(&a.input)?;
        let doc: serde_json::Value = serde_json::from_slice(&bytes).map_err(|e| format!("{}: not valid JSON ({e})", a.input.display()))?;
        let features =
            boundaries::read_features(&doc, &a.name_property, &a.code_property, a.object.as_deref()).map_err(|e| format!("{}: {e}", a.input.display()))?;
        Ok(boundaries::build(&features, &rows, &aliases, a.width, a.tolerance))
    })();
    let (file, r) = match built {
        Ok(x) => x,
        Err(e) => return fail(e),
    };
    println!("{}: {} districts matched, {} points in, {} points out", a.input.display(), r.matched.len(), r.points_in, r.points_out);
    for (from, to) in &r.renamed {
        println!("  renamed: \"{from}\" matched to {to}");
    }
    for (slug, within) in &r.no_polygon {
        match within {
            Some(parent) => println!("  no polygon for district {slug} (the viewer shows it within {parent}, the district it was carved from)"),
            None => println!("  no polygon for district {slug}, and no district it was carved from has one: it is not on the map"),
        }
    }
    for name in &r.no_district {
        println!("  polygon \"{name}\" matches no district");
    }
    // Strict by default, before anything is written: a polygon naming no district, or a
    // district off the map, is an error unless the publisher says the omission is deliberate.
    // Matching none is always an error: the wrong file or the wrong name property.
    if r.matched.is_empty() {
        return fail(format!(
            "no polygon matched any district: check that --name-property ({}) or --code-property ({}) names the property holding district names or census codes",
            a.name_property, a.code_property
        ));
    }
    let unplaced: Vec<&str> = r.no_polygon.iter().filter(|(_, w)| w.is_none()).map(|(s, _)| s.as_str()).collect();
    if !a.allow_unmatched && (!r.no_district.is_empty() || !unplaced.is_empty()) {
        let mut why = Vec::new();
        if !r.no_district.is_empty() {
            why.push(format!(
                "{} polygon(s) match no district ({}): add each name to an --aliases file as `alias,slug`, or set boundary_name in the district list",
                r.no_district.len(),
                r.no_district.join(", ")
            ));
        }
        if !unplaced.is_empty() {
            why.push(format!(
                "{} district(s) have no polygon and no carved_from district with one ({}): add carved_from in the district list, or a polygon",
                unplaced.len(),
                unplaced.join(", ")
            ));
        }
        return fail(format!("{}; nothing was written (pass --allow-unmatched if this is deliberate)", why.join("; ")));
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
        let body = write::to_bytes(&file)?;
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
        Command::Catalog(a) => match catalog::add(&a) {
            Ok(msg) => {
                println!("{msg}");
                ExitCode::SUCCESS
            }
            Err(e) => fail(e),
        },
    }
}
