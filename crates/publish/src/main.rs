//! `samiksha-publish`: the publisher's tool. Reads files, calls the domain layer, prints.
//!
//! Commands: `validate <manifest.json>`, `sample --districts <csv> --out <dir>`,
//! `import …`, `boundaries …` (see `--help`). Exit codes: 0 fine, 1 the input has errors,
//! 2 the command line was wrong.

mod boundaries;
mod districts;
mod import;
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
  samiksha-publish import --values <values.csv> --indicators <sheet.csv> --districts <list.csv>
                          --meta <meta.json> --out <folder> [--aliases <aliases.csv>] [--flags <flags.csv>]
                          [--district-column district] [--indicator-column indicator]
                          [--period <id>=<value column>[:<flag column>][@<year>]]...
      Builds a dataset folder from a CSV of values. Long files have the columns district,
      indicator, period, value and optionally flag; wide files name one value column per
      period with --period. Prints every district name and indicator it could not match.
  samiksha-publish boundaries --input <file.geojson|file.topo.json> --districts <list.csv>
                          --out <boundaries.json> [--aliases <aliases.csv>] [--manifest <manifest.json>]
                          [--name-property district] [--code-property dt_code] [--object name]
                          [--width 1000] [--tolerance 1.2]
      Writes the web boundary file: matched, projected, simplified and quantized. Reports
      districts with no polygon, polygons with no district and renamed districts. With
      --manifest it also lists the file in that manifest with its size and SHA-256.
";

/// Returns the value after `--name` in `args`, if present.
fn option(args: &[String], name: &str) -> Option<PathBuf> {
    text_option(args, name).map(PathBuf::from)
}

fn text_option(args: &[String], name: &str) -> Option<String> {
    args.iter().position(|a| a == name).and_then(|i| args.get(i + 1)).cloned()
}

/// Every value given after repeated `--name`.
fn all_options(args: &[String], name: &str) -> Vec<String> {
    args.windows(2).filter(|w| w[0] == name).map(|w| w[1].clone()).collect()
}

fn fail(e: String) -> ExitCode {
    eprintln!("error: {e}");
    ExitCode::from(1)
}

fn run_import(args: &[String]) -> ExitCode {
    let (Some(values), Some(indicators), Some(districts), Some(meta), Some(out)) =
        (option(args, "--values"), option(args, "--indicators"), option(args, "--districts"), option(args, "--meta"), option(args, "--out"))
    else {
        return usage("import needs --values, --indicators, --districts, --meta and --out");
    };
    let wide = match all_options(args, "--period").iter().map(|s| import::parse_wide_period(s)).collect::<Result<Vec<_>, _>>() {
        Ok(w) => w,
        Err(e) => return usage(&e),
    };
    let a = import::ImportArgs {
        values,
        indicators,
        districts,
        meta,
        out: out.clone(),
        aliases: option(args, "--aliases"),
        flags: option(args, "--flags"),
        district_column: text_option(args, "--district-column").unwrap_or_else(|| "district".into()),
        indicator_column: text_option(args, "--indicator-column").unwrap_or_else(|| "indicator".into()),
        wide,
    };
    let rows = match districts::read_districts(&a.districts) {
        Ok(r) => r,
        Err(e) => return fail(e),
    };
    match import::run(&a, &rows) {
        Ok(report) => {
            report.print();
            println!("wrote {}; checking it:", out.display());
            validate::run(&out.join("manifest.json"))
        }
        Err(e) => fail(e),
    }
}

fn run_boundaries(args: &[String]) -> ExitCode {
    let (Some(input), Some(districts), Some(out)) = (option(args, "--input"), option(args, "--districts"), option(args, "--out")) else {
        return usage("boundaries needs --input, --districts and --out");
    };
    let number = |name: &str, default: f64| text_option(args, name).map(|s| s.parse::<f64>().map_err(|_| format!("{name} \"{s}\" is not a number"))).unwrap_or(Ok(default));
    let (width, tolerance) = match (number("--width", 1000.0), number("--tolerance", 1.2)) {
        (Ok(w), Ok(t)) if w > 0.0 && t >= 0.0 => (w, t),
        (Err(e), _) | (_, Err(e)) => return usage(&e),
        _ => return usage("--width must be positive and --tolerance not negative"),
    };
    let result = (|| -> Result<boundaries::BoundaryReport, String> {
        let rows = districts::read_districts(&districts)?;
        let aliases = match option(args, "--aliases") {
            Some(p) => districts::read_aliases(&p)?,
            None => Default::default(),
        };
        let bytes = validate::read_file(&input)?;
        let doc: serde_json::Value = serde_json::from_slice(&bytes).map_err(|e| format!("{}: not valid JSON ({e})", input.display()))?;
        let name_key = text_option(args, "--name-property").unwrap_or_else(|| "district".into());
        let code_key = text_option(args, "--code-property").unwrap_or_else(|| "dt_code".into());
        let features = boundaries::read_features(&doc, &name_key, &code_key, text_option(args, "--object").as_deref()).map_err(|e| format!("{}: {e}", input.display()))?;
        let (file, report) = boundaries::build(&features, &rows, &aliases, width, tolerance);
        let body = write::to_bytes(&file);
        std::fs::write(&out, &body).map_err(|e| format!("{}: {e}", out.display()))?;
        if let Some(manifest) = option(args, "--manifest") {
            write::attach_boundaries(&manifest, &out, &body)?;
        }
        Ok(report)
    })();
    match result {
        Ok(r) => {
            println!("wrote {}: {} districts matched, {} points in, {} points out", out.display(), r.matched.len(), r.points_in, r.points_out);
            for (from, to) in &r.renamed {
                println!("  renamed: \"{from}\" matched to {to}");
            }
            for slug in &r.no_polygon {
                println!("  no polygon for district {slug} (the viewer shows it within the district it was carved from)");
            }
            for name in &r.no_district {
                println!("  polygon \"{name}\" matches no district (add an alias)");
            }
            ExitCode::SUCCESS
        }
        Err(e) => fail(e),
    }
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
        Some("import") => run_import(&args),
        Some("boundaries") => run_boundaries(&args),
        Some("-h") | Some("--help") | Some("help") => {
            print!("{HELP}");
            ExitCode::SUCCESS
        }
        Some(other) => usage(&format!("unknown command \"{other}\"")),
        None => usage("no command given"),
    }
}
