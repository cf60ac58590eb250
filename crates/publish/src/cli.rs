//! The command line, defined once: clap derives the parser, its error messages and `--help`
//! from these types, so what the help says is what the parser accepts.
//!
//! A wrong command line (unknown command or flag, a flag without its value, a value that does
//! not parse) is refused by clap with exit code 2 before any file is read.

use crate::import::{parse_wide_period, WidePeriod};
use clap::{Args, Parser, Subcommand};
use std::path::PathBuf;

#[derive(Debug, Parser)]
#[command(
    name = "samiksha-publish",
    version,
    about = "Check and build Samiksha datasets",
    arg_required_else_help = true,
    after_help = "Exit codes: 0 fine, 1 the input has errors, 2 the command line was wrong."
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check a manifest and every file it lists
    ///
    /// Prints each problem with its file, JSON path and what was expected.
    ///
    /// Exit codes: 0 when there are no errors (warnings allowed), 1 when there are errors or the
    /// manifest cannot be read, 2 when the command line is wrong.
    Validate {
        /// The dataset's manifest.json; the files it lists are read relative to its folder
        #[arg(value_name = "manifest.json")]
        manifest: PathBuf,
    },
    /// Write the deterministic sample dataset (illustrative values)
    Sample(SampleArgs),
    /// Build a dataset folder from a CSV of values
    ///
    /// Long files have the columns district, indicator, period, value and optionally flag; wide
    /// files name one value column per period with --period. Strict: a district name, indicator
    /// key or flag text that matches nothing, a cell that is not a number, or two rows for one
    /// cell stop it with nothing written (--allow-unmatched accepts deliberate omissions). Writes
    /// manifest.json, values/ and all-values.csv only if the whole dataset passes validate;
    /// re-importing into a folder keeps its boundary file, sources, weights and labels that the
    /// inputs leave unset. See docs/publishing.md for every input file's columns.
    Import(ImportArgs),
    /// Write the web boundary file: matched, projected, simplified and quantized
    ///
    /// Reports districts with no polygon, polygons with no district and renamed districts. With
    /// --manifest it also lists the file in that manifest with its size and SHA-256.
    Boundaries(BoundariesArgs),
    /// Add a dataset to the site's catalogue (data/catalog.json), or update its entry
    ///
    /// The entry takes its title from the dataset's manifest; the first entry is the dataset a
    /// reader sees without ?data=. The catalogue is created when missing.
    Catalog(CatalogArgs),
    /// Write the input sheets that publish a dataset again
    ///
    /// From a published manifest.json and its value files: districts.csv, indicators.csv,
    /// values.csv (long), flags.csv, reviews.csv and notes.csv where the dataset has them, and
    /// meta.json; `import` of them gives the same folder. The indicator sheet's keys and the flag
    /// sheet's texts are those the manifest keeps (else the ids).
    Sheets {
        /// The dataset's manifest.json; its value files are read relative to its folder
        #[arg(long, value_name = "manifest.json")]
        manifest: PathBuf,
        /// The folder to write the sheets into
        #[arg(long, value_name = "folder")]
        out: PathBuf,
    },
}

#[derive(Debug, Args)]
pub struct CatalogArgs {
    /// The catalogue to write, normally public/data/catalog.json
    #[arg(long, value_name = "catalog.json")]
    pub catalog: PathBuf,
    /// The dataset's id in links (?data=<id>): lower-case letters, digits and hyphens
    #[arg(long, value_name = "id")]
    pub id: String,
    /// The dataset's manifest, in a folder inside the catalogue's folder
    #[arg(long, value_name = "manifest.json")]
    pub manifest: PathBuf,
    /// Make it the first entry: the dataset shown when a link names none
    #[arg(long)]
    pub first: bool,
}

#[derive(Debug, Args)]
pub struct SampleArgs {
    /// The district list (slug, names, division, lineage, centroid)
    #[arg(long, value_name = "mp-districts.csv")]
    pub districts: PathBuf,
    /// The folder to write manifest.json and values/ into
    #[arg(long, value_name = "folder")]
    pub out: PathBuf,
    /// District polygons (GeoJSON or TopoJSON) to write the sample's boundaries.json from
    #[arg(long, value_name = "file.topo.json")]
    pub boundaries: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct ImportArgs {
    /// The values, long or wide
    #[arg(long, value_name = "values.csv")]
    pub values: PathBuf,
    /// The indicator sheet (id, key, names, unit, direction, department, …)
    #[arg(long, value_name = "sheet.csv")]
    pub indicators: PathBuf,
    /// The district list
    #[arg(long, value_name = "list.csv")]
    pub districts: PathBuf,
    /// The manifest's hand-written part: title, publisher, licence, updated, …
    #[arg(long, value_name = "meta.json")]
    pub meta: PathBuf,
    /// The folder to write the dataset into
    #[arg(long, value_name = "folder")]
    pub out: PathBuf,
    /// Other spellings of district names (alias,slug)
    #[arg(long, value_name = "aliases.csv")]
    pub aliases: Option<PathBuf>,
    /// What flag texts in the data mean (text,id,label_en,label_hi[,gap])
    #[arg(long, value_name = "flags.csv")]
    pub flags: Option<PathBuf>,
    /// The column naming the district
    #[arg(long, value_name = "column", default_value = "district")]
    pub district_column: String,
    /// The column naming the indicator (its key in the sheet)
    #[arg(long, value_name = "column", default_value = "indicator")]
    pub indicator_column: String,
    /// A period of a wide file, e.g. nfhs-5=nfhs5_2019_21:flag_nfhs5@2019 (repeat per period)
    #[arg(long = "period", value_name = "id=value_column[:flag_column][@year]", value_parser = parse_wide_period)]
    pub periods: Vec<WidePeriod>,
    /// Leave out district names and indicator keys that match nothing, and keep values whose
    /// flag text the flag sheet lacks without a flag (deliberate omissions, summarised in a line each)
    #[arg(long)]
    pub allow_unmatched: bool,
    /// Review meetings and the districts each named, one row per named district (columns in
    /// docs/publishing.md); replaces any "reviews" of meta.json
    #[arg(long, value_name = "reviews.csv")]
    pub reviews: Option<PathBuf>,
    /// Targets set apart from the indicator sheet (a review's, say): indicator (key or id),
    /// target, target_by, target_from; each row replaces that indicator's target in the sheet
    #[arg(long, value_name = "targets.csv")]
    pub targets: Option<PathBuf>,
    /// Notes on the data: indicator, period, district (each optional), text_en, text_hi;
    /// replaces any "notes" of meta.json
    #[arg(long, value_name = "notes.csv")]
    pub notes: Option<PathBuf>,
    /// The monthly routine: keep every period of the dataset already in --out that these values
    /// do not give, its value files byte for byte; the periods given are written anew
    #[arg(long)]
    pub keep_periods: bool,
}

#[derive(Debug, Args)]
pub struct BoundariesArgs {
    /// District polygons: GeoJSON FeatureCollection or TopoJSON
    #[arg(long, value_name = "file.geojson|file.topo.json")]
    pub input: PathBuf,
    /// The district list
    #[arg(long, value_name = "list.csv")]
    pub districts: PathBuf,
    /// The boundary file to write
    #[arg(long, value_name = "boundaries.json")]
    pub out: PathBuf,
    /// Other spellings of district names (alias,slug)
    #[arg(long, value_name = "aliases.csv")]
    pub aliases: Option<PathBuf>,
    /// A manifest to list the boundary file in (the file must be inside its folder)
    #[arg(long, value_name = "manifest.json")]
    pub manifest: Option<PathBuf>,
    /// Where the polygons come from, in English, added to the manifest's sources (needs
    /// --manifest and --source-hi)
    #[arg(long, value_name = "text", requires_all = ["manifest", "source_hi"])]
    pub source: Option<String>,
    /// The same in Hindi
    #[arg(long, value_name = "text", requires = "source")]
    pub source_hi: Option<String>,
    /// Accept polygons that match no district and districts off the map (deliberate omissions)
    #[arg(long)]
    pub allow_unmatched: bool,
    /// The feature property holding the district name
    #[arg(long, value_name = "property", default_value = "district")]
    pub name_property: String,
    /// The feature property holding the census code
    #[arg(long, value_name = "property", default_value = "dt_code")]
    pub code_property: String,
    /// The TopoJSON object to read (default: the first)
    #[arg(long, value_name = "name")]
    pub object: Option<String>,
    /// Width of the drawing in pixels
    #[arg(long, value_name = "pixels", default_value_t = 1000.0, value_parser = positive, allow_negative_numbers = true)]
    pub width: f64,
    /// Simplification tolerance in pixels; 0 keeps every point
    #[arg(long, value_name = "pixels", default_value_t = 1.2, value_parser = not_negative, allow_negative_numbers = true)]
    pub tolerance: f64,
}

fn number(s: &str) -> Result<f64, String> {
    s.parse::<f64>().ok().filter(|x| x.is_finite()).ok_or_else(|| format!("\"{s}\" is not a number"))
}

fn positive(s: &str) -> Result<f64, String> {
    number(s).and_then(|x| if x > 0.0 { Ok(x) } else { Err(format!("{s} is not positive")) })
}

fn not_negative(s: &str) -> Result<f64, String> {
    number(s).and_then(|x| if x >= 0.0 { Ok(x) } else { Err(format!("{s} is negative")) })
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn the_definition_is_consistent() {
        // clap's own checks: no clashing names, defaults that parse, and so on.
        Cli::command().debug_assert();
    }

    #[test]
    fn values_are_parsed_and_checked() {
        let cli = Cli::try_parse_from(["samiksha-publish", "boundaries", "--input", "a", "--districts", "b", "--out", "c", "--tolerance", "0"]).unwrap();
        let Command::Boundaries(b) = cli.command else { panic!("{cli:?}") };
        assert_eq!((b.width, b.tolerance, b.name_property.as_str(), b.code_property.as_str()), (1000.0, 0.0, "district", "dt_code"));
        for bad in [["--width", "0"], ["--width", "wide"], ["--tolerance", "-1"], ["--tolerance", "NaN"]] {
            let err = Cli::try_parse_from(["samiksha-publish", "boundaries", "--input", "a", "--districts", "b", "--out", "c", bad[0], bad[1]]).unwrap_err();
            assert_eq!(err.exit_code(), 2, "{bad:?}");
            assert!(err.to_string().contains(bad[0]), "{bad:?}: {err}");
        }
    }

    #[test]
    fn periods_repeat_and_are_checked() {
        let base = ["samiksha-publish", "import", "--values", "v", "--indicators", "i", "--districts", "d", "--meta", "m", "--out", "o"];
        let cli = Cli::try_parse_from(base.iter().copied().chain(["--period", "nfhs-4=a@2015", "--period", "nfhs-5=b:f"])).unwrap();
        let Command::Import(a) = cli.command else { panic!("{cli:?}") };
        assert_eq!(a.periods.iter().map(|p| p.id.as_str()).collect::<Vec<_>>(), ["nfhs-4", "nfhs-5"]);
        assert_eq!(a.periods[1].flag_column.as_deref(), Some("f"));
        let err = Cli::try_parse_from(base.iter().copied().chain(["--period", "no-equals-sign"])).unwrap_err();
        assert_eq!(err.exit_code(), 2);
    }
}
