//! A whole publication in memory: import, boundary file, check and catalogue entry, in the order
//! the command line runs them (`import`, `boundaries --manifest`, `validate`, `catalog`), giving
//! the files of `data/<folder>/` (the id, or the folder the site's catalogue keeps it in) and
//! `data/catalog.json` with the same bytes. The publisher page
//! calls this and zips the result; a test runs both and compares every byte.

use crate::cli::{BoundariesArgs, ImportArgs};
use crate::files::Files;
use std::path::{Path, PathBuf};

/// What one publication is made of: the import's inputs (paths as the [`Files`] know them; its
/// `out` is `data/<folder>`, where a site's current dataset may already be), an optional boundary
/// file's, and the site's catalogue if there is one.
pub struct Publication {
    pub id: String,
    /// The dataset's folder under `data/`: its id, unless the site's catalogue already keeps it
    /// in another folder (see [`Publication::in_folder`]).
    pub folder: String,
    pub import: ImportArgs,
    pub boundaries: Option<BoundariesArgs>,
    pub catalog: Option<PathBuf>,
}

impl Publication {
    /// A publication from the command lines that would publish it (`import …`, optionally
    /// `boundaries …`, without the program's name): the page builds the arguments from the
    /// officer's files and choices, so every option means what the command line's does and
    /// takes the same defaults. `import --out` and `boundaries --out/--manifest` are set here.
    pub fn from_commands(id: &str, import: &[String], boundaries: Option<&[String]>, catalog: Option<PathBuf>) -> Result<Publication, String> {
        use clap::Parser;
        let out = folder(id);
        let parse = |cmd: &str, args: &[String], extra: Vec<String>| {
            let argv = ["samiksha-publish", cmd].into_iter().map(String::from).chain(args.iter().cloned()).chain(extra);
            crate::cli::Cli::try_parse_from(argv).map(|c| c.command).map_err(|e| e.to_string())
        };
        let import = match parse("import", import, vec!["--out".into(), out.display().to_string()])? {
            crate::cli::Command::Import(a) => a,
            _ => return Err("expected the import command".into()),
        };
        let boundaries = match boundaries {
            Some(args) => {
                let extra = vec![
                    "--out".into(),
                    out.join("boundaries.json").display().to_string(),
                    "--manifest".into(),
                    out.join("manifest.json").display().to_string(),
                ];
                match parse("boundaries", args, extra)? {
                    crate::cli::Command::Boundaries(b) => Some(b),
                    _ => return Err("expected the boundaries command".into()),
                }
            }
            None => None,
        };
        Ok(Publication { id: id.to_string(), folder: id.to_string(), import, boundaries, catalog })
    }

    /// The same publication written into `data/<folder>/`: a dataset the site's catalogue keeps
    /// in a folder not named like its id is republished where it is, not beside it.
    pub fn in_folder(mut self, folder: &str) -> Publication {
        let out = self::folder(folder);
        if let Some(b) = &mut self.boundaries {
            b.out = out.join("boundaries.json");
            b.manifest = Some(out.join("manifest.json"));
        }
        self.import.out = out;
        self.folder = folder.to_string();
        self
    }
}

/// One line of what a publication's steps reported: the command line's English, and the Hindi
/// where the library words it (the dataset's own problems are worded in both languages; the
/// page reads the other kinds itself).
#[derive(Clone, Debug, PartialEq)]
pub struct ReportLine {
    pub en: String,
    pub hi: Option<String>,
}

impl ReportLine {
    fn english(en: String) -> ReportLine {
        ReportLine { en, hi: None }
    }
}

/// The folder to write: paths from the site's `data/` folder (`<folder>/manifest.json`, …,
/// `catalog.json`), and what each step reported.
pub struct Bundle {
    pub files: Vec<(String, Vec<u8>)>,
    pub report: Vec<ReportLine>,
}

impl Bundle {
    pub fn get(&self, path: &str) -> Option<&[u8]> {
        self.files.iter().find(|(p, _)| p == path).map(|(_, b)| b.as_slice())
    }
}

/// Where a publication's dataset folder sits among the files: `data/<folder>`.
pub fn folder(id: &str) -> PathBuf {
    Path::new("data").join(id)
}

/// Builds the publication; nothing is returned while an error stands, so nothing can be written.
pub fn publish(fs: &dyn Files, p: &Publication) -> Result<Bundle, String> {
    if !samiksha_core::format::manifest::is_valid_id(&p.id) {
        return Err(format!("the dataset's id \"{}\": expected lower-case letters, digits and hyphens, e.g. mp-review", p.id));
    }
    let rows = crate::districts::read_districts(fs, &p.import.districts)?;
    let (report, built) = crate::import::run(fs, &p.import, &rows)?;
    let mut report: Vec<ReportLine> = report.lines().into_iter().map(ReportLine::english).collect();
    let mut files = built.files;
    let manifest_at = |files: &[(String, Vec<u8>)]| files.iter().position(|(n, _)| n == "manifest.json");
    if let Some(b) = &p.boundaries {
        let (body, lines) = crate::boundaries::from_args(fs, b)?;
        report.extend(lines.into_iter().map(ReportLine::english));
        let i = manifest_at(&files).ok_or("the import wrote no manifest")?;
        let source = b.source.as_deref().zip(b.source_hi.as_deref());
        files[i].1 = crate::write::attach_boundaries("manifest.json", &files[i].1, "boundaries.json", &body, source)?;
        files.insert(i, ("boundaries.json".into(), body));
    }
    // `validate`: the whole folder read back as the viewer reads it, a boundary file kept from
    // the site's current dataset included.
    let i = manifest_at(&files).ok_or("the import wrote no manifest")?;
    let dir = folder(&p.folder);
    let (_, problems) = samiksha_core::format::check::check_dataset("manifest.json", &files[i].1, |rel| match files.iter().find(|(n, _)| n == rel) {
        Some((_, b)) => Ok(b.clone()),
        None => fs.read(&dir.join(rel)),
    });
    let errors: Vec<String> = problems.iter().filter(|p| p.severity == samiksha_core::Severity::Error).map(|p| p.to_string()).collect();
    if !errors.is_empty() {
        return Err(format!("the dataset would not pass validate, so nothing is offered for download:\n{}", errors.join("\n")));
    }
    report.extend(problems.iter().map(|p| {
        let severity = match p.severity {
            samiksha_core::Severity::Error => "त्रुटि",
            samiksha_core::Severity::Warning => "चेतावनी",
        };
        ReportLine { en: p.to_string(), hi: Some(format!("{severity}: {}", p.message(samiksha_core::Lang::Hi))) }
    }));
    let existing = match &p.catalog {
        Some(c) => Some(fs.read(c).map_err(|e| format!("{}: {e}", c.display()))?),
        None => None,
    };
    let (catalog, line) = crate::catalog::entry(&crate::catalog::Entry {
        catalog_name: "catalog.json",
        existing: existing.as_deref(),
        id: &p.id,
        manifest_name: "manifest.json",
        manifest: &files[i].1,
        folder: Ok(&p.folder),
        place: crate::catalog::Place::AsListed,
    })?;
    report.push(ReportLine::english(line));
    let mut out: Vec<(String, Vec<u8>)> = files.into_iter().map(|(n, b)| (format!("{}/{n}", p.folder), b)).collect();
    out.push(("catalog.json".into(), catalog));
    Ok(Bundle { files: out, report })
}

/// The files as a `.zip` under `data/`, deflated, every entry dated 1980-01-01 (the format's
/// first day): the same publication gives the same bytes, whenever it is built.
pub fn zip(files: &[(String, Vec<u8>)]) -> Result<Vec<u8>, String> {
    use std::io::Write;
    let mut w = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .last_modified_time(zip::DateTime::default())
        .unix_permissions(0o644);
    for (name, bytes) in files {
        w.start_file(format!("data/{name}"), options).map_err(|e| e.to_string())?;
        w.write_all(bytes).map_err(|e| e.to_string())?;
    }
    Ok(w.finish().map_err(|e| e.to_string())?.into_inner())
}

/// The files of a `.zip` (a download of this page, or a site's `data/` folder zipped), by their
/// paths inside it, folders left out.
pub fn unzip(name: &str, bytes: &[u8]) -> Result<Vec<(String, Vec<u8>)>, String> {
    use std::io::Read;
    let mut z = zip::ZipArchive::new(std::io::Cursor::new(bytes)).map_err(|e| format!("{name}: not a .zip file this page can read ({e})"))?;
    let mut out = Vec::new();
    for i in 0..z.len() {
        let mut f = z.by_index(i).map_err(|e| format!("{name}: {e}"))?;
        if f.is_dir() {
            continue;
        }
        let path = f.name().map_err(|e| format!("{name}: {e}"))?.replace('\\', "/");
        let mut body = Vec::new();
        f.read_to_end(&mut body).map_err(|e| format!("{name}, {path}: {e}"))?;
        out.push((path, body));
    }
    Ok(out)
}

/// A published dataset found in a zip's files: its id, its folder (the one holding
/// `manifest.json`, under `data/` or at the top), its files by their paths inside that folder,
/// and the catalogue beside it if there is one. The id is the one the catalogue gives the
/// folder, else the folder's name. Several datasets in one zip: the one whose id or folder is
/// `want`.
pub struct Current {
    pub id: String,
    pub folder: String,
    pub files: Vec<(String, Vec<u8>)>,
    pub catalog: Option<Vec<u8>>,
}

/// The id the catalogue `catalog` gives the dataset in `folder`, if it lists it.
pub fn id_of_folder(catalog: &[u8], folder: &str) -> Option<String> {
    let (c, _) = samiksha_core::format::catalog::parse_catalog("catalog.json", catalog);
    c?.datasets.into_iter().find(|d| d.folder_name() == folder).map(|d| d.id)
}

/// The folder the catalogue `catalog` keeps the dataset `id` in, if it lists it.
pub fn folder_of_id(catalog: &[u8], id: &str) -> Option<String> {
    let (c, _) = samiksha_core::format::catalog::parse_catalog("catalog.json", catalog);
    c?.datasets.into_iter().find(|d| d.id == id).map(|d| d.folder_name().to_string())
}

pub fn current_dataset(name: &str, files: Vec<(String, Vec<u8>)>, want: Option<&str>) -> Result<Current, String> {
    let strip = |p: &str| p.strip_prefix("data/").unwrap_or(p).to_string();
    let catalog = files.iter().find(|(p, _)| strip(p) == "catalog.json").map(|(_, b)| b.clone());
    // (id, folder) of each dataset in the zip.
    let found: Vec<(String, String)> = files
        .iter()
        .filter_map(|(p, _)| strip(p).strip_suffix("/manifest.json").filter(|d| !d.contains('/')).map(str::to_string))
        .map(|folder| (catalog.as_deref().and_then(|c| id_of_folder(c, &folder)).unwrap_or_else(|| folder.clone()), folder))
        .collect();
    let (id, folder) = match (want, found.as_slice()) {
        (Some(w), _) if found.iter().any(|(i, f)| i == w || f == w) => found.iter().find(|(i, f)| i == w || f == w).cloned().unwrap_or_default(),
        (_, [one]) => one.clone(),
        (_, []) => return Err(format!("{name}: no dataset in it (expected data/<id>/manifest.json, as the page's download holds)")),
        (_, many) => {
            let ids: Vec<&str> = many.iter().map(|(i, _)| i.as_str()).collect();
            return Err(format!("{name}: several datasets ({}); write the one to update as the id", ids.join(", ")));
        }
    };
    let prefix = format!("{folder}/");
    let files = files.into_iter().filter_map(|(p, b)| strip(&p).strip_prefix(&prefix).map(|r| (r.to_string(), b))).collect();
    Ok(Current { id, folder, files, catalog })
}
