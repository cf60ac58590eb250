//! The publisher page's state as plain data, and what it becomes: the officer's chosen files and
//! form fields → the command lines `samiksha-publish` would run → a [`Bundle`]. Nothing here
//! touches the browser, so it is tested natively (with [`write_order`], the order a built folder
//! is written in); the components only lay it out.

use samiksha_core::Lang;
use samiksha_publish::bundle::{publish, Bundle, Publication};
use samiksha_publish::csvin::TextEncoding;
use samiksha_publish::files::Memory;
use samiksha_publish::workbook;
use std::collections::BTreeMap;
use std::path::PathBuf;
use std::sync::Arc;

/// What a chosen file is for: one file input each, named as the command line's flags are.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Role {
    Districts,
    Indicators,
    Values,
    Meta,
    Boundaries,
    Aliases,
    Flags,
    /// Targets set apart from the indicator sheet (the review's, with their deadlines).
    Targets,
    Reviews,
    Notes,
    Catalog,
    /// The site's dataset as now published (a `.zip` of its folder, such as the last download):
    /// the monthly routine adds a month to it and keeps every earlier period as it is.
    Current,
}

/// Whether the publication needs a file for a role.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Need {
    Required,
    Optional,
}

/// How a file is read: a table (CSV or a workbook's sheet), or a JSON document.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Shape {
    Table,
    Json,
    /// A `.zip` of a published dataset.
    Zip,
}

impl Role {
    pub const ALL: [Role; 12] = [
        Role::Current,
        Role::Districts,
        Role::Indicators,
        Role::Values,
        Role::Meta,
        Role::Boundaries,
        Role::Aliases,
        Role::Flags,
        Role::Targets,
        Role::Reviews,
        Role::Notes,
        Role::Catalog,
    ];

    /// The id in the page (`data-role`) and the sheet name a workbook is searched for.
    pub fn id(self) -> &'static str {
        match self {
            Role::Districts => "districts",
            Role::Indicators => "indicators",
            Role::Values => "values",
            Role::Meta => "meta",
            Role::Boundaries => "boundaries",
            Role::Aliases => "aliases",
            Role::Flags => "flags",
            Role::Targets => "targets",
            Role::Reviews => "reviews",
            Role::Notes => "notes",
            Role::Catalog => "catalog",
            Role::Current => "current",
        }
    }

    pub fn from_id(id: &str) -> Option<Role> {
        Role::ALL.into_iter().find(|r| r.id() == id)
    }

    pub fn need(self) -> Need {
        match self {
            Role::Districts | Role::Indicators | Role::Values => Need::Required,
            _ => Need::Optional,
        }
    }

    pub fn shape(self) -> Shape {
        match self {
            Role::Meta | Role::Boundaries | Role::Catalog => Shape::Json,
            Role::Current => Shape::Zip,
            _ => Shape::Table,
        }
    }

    /// The roles a dropped file takes: a workbook every table role it has a sheet named for,
    /// else (a workbook of "Sheet1"s, or any other file) the role its name says.
    pub fn for_drop(name: &str, kind: &Kind) -> Vec<Role> {
        if let Kind::Workbook(sheets) = kind {
            let by_sheet: Vec<Role> =
                Role::ALL.into_iter().filter(|r| r.shape() == Shape::Table && sheets.iter().any(|s| s.trim().eq_ignore_ascii_case(r.id()))).collect();
            if !by_sheet.is_empty() {
                return by_sheet;
            }
            return Role::guess(name).filter(|r| r.shape() == Shape::Table).into_iter().collect();
        }
        Role::guess(name).into_iter().collect()
    }

    /// The role a dropped file takes from its name: `values.csv`, `MP values March.xlsx`.
    /// The longest role name found wins, so "indicators" is not taken for "districts".
    pub fn guess(file_name: &str) -> Option<Role> {
        let lower = file_name.to_lowercase();
        if lower.ends_with(".topo.json") || lower.ends_with(".geojson") {
            return Some(Role::Boundaries);
        }
        if lower.ends_with(".zip") {
            return Some(Role::Current);
        }
        Role::ALL.into_iter().filter(|r| lower.contains(r.id())).max_by_key(|r| r.id().len())
    }
}

/// A file the officer chose, as the page read it.
#[derive(Clone, Debug)]
pub struct Chosen {
    pub name: String,
    pub bytes: Arc<Vec<u8>>,
    pub kind: Kind,
    /// The sheet chosen for this role, when the file is a workbook.
    pub sheet: Option<String>,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Kind {
    /// CSV text, read in the encoding found.
    Text(TextEncoding),
    /// A workbook and its sheets in order.
    Workbook(Vec<String>),
    Json,
    /// A published dataset's `.zip`: the id of the dataset found in it, and its files, unzipped
    /// once when chosen (building and previewing read them again without unzipping).
    Dataset(String, Arc<Vec<(String, Vec<u8>)>>),
    /// A file the page could not read, and why (shown beside its input).
    Unreadable(String),
}

/// The published dataset among a zip's files (the last download, or one fetched from the site
/// or read from a folder): the one `want` names, or the only one.
fn published(name: &str, files: &[(String, Vec<u8>)], want: Option<&str>) -> Result<samiksha_publish::bundle::Current, String> {
    samiksha_publish::bundle::current_dataset(name, files.to_vec(), want)
}

/// A workbook is known by its bytes (a zip, or the old binary format), not its name.
fn is_workbook(name: &str, bytes: &[u8]) -> bool {
    let lower = name.to_lowercase();
    bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0]) || [".xlsx", ".xls", ".xlsm", ".ods"].iter().any(|e| lower.ends_with(e))
}

impl Chosen {
    /// Reads a chosen file for a role: a workbook lists its sheets and takes the sheet named
    /// like the role (or its only sheet); CSV says its encoding.
    pub fn read(role: Role, name: &str, bytes: Vec<u8>) -> Chosen {
        let (kind, sheet) = match role.shape() {
            Shape::Json => (Kind::Json, None),
            Shape::Zip => match samiksha_publish::bundle::unzip(name, &bytes).and_then(|files| Ok((published(name, &files, None)?.id, files))) {
                Ok((id, files)) => (Kind::Dataset(id, Arc::new(files)), None),
                Err(e) => (Kind::Unreadable(e), None),
            },
            Shape::Table if is_workbook(name, &bytes) => match workbook::sheet_names(name.as_ref(), &bytes) {
                Ok(sheets) => {
                    let sheet = workbook::sheet_for_role(&sheets, role.id());
                    (Kind::Workbook(sheets), sheet)
                }
                Err(e) => (Kind::Unreadable(e), None),
            },
            Shape::Table => (Kind::Text(samiksha_publish::csvin::decode(&bytes).1), None),
        };
        Chosen { name: name.to_string(), bytes: Arc::new(bytes), kind, sheet }
    }
}

/// The hand-written part of the manifest as form fields; the rest of a given meta.json (periods'
/// labels, bands, headlines …) is kept as it is.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct MetaForm {
    pub title_en: String,
    pub title_hi: String,
    pub publisher_en: String,
    pub publisher_hi: String,
    pub licence_en: String,
    pub licence_hi: String,
    pub licence_url: String,
    /// YYYY-MM-DD
    pub updated: String,
}

impl MetaForm {
    /// The fields a meta.json already holds, to fill the form.
    pub fn from_json(bytes: &[u8]) -> MetaForm {
        let v: serde_json::Value = serde_json::from_slice(bytes).unwrap_or_default();
        let s = |p: &str| v.pointer(p).and_then(|x| x.as_str()).unwrap_or_default().to_string();
        MetaForm {
            title_en: s("/title/en"),
            title_hi: s("/title/hi"),
            publisher_en: s("/publisher/en"),
            publisher_hi: s("/publisher/hi"),
            licence_en: s("/licence/name/en"),
            licence_hi: s("/licence/name/hi"),
            licence_url: s("/licence/url"),
            updated: s("/updated"),
        }
    }

    /// meta.json's bytes: `base` (a given meta.json, or nothing) with the form's non-empty
    /// fields written over it. A field left as the file had it changes nothing.
    pub fn to_json(&self, base: Option<&[u8]>) -> Result<Vec<u8>, String> {
        let mut v: serde_json::Value = match base {
            Some(b) => serde_json::from_slice(b).map_err(|e| format!("meta.json: {e} (expected a JSON object with title, publisher, licence and updated)"))?,
            None => serde_json::json!({}),
        };
        if !v.is_object() {
            return Err("meta.json: expected a JSON object with title, publisher, licence and updated".into());
        }
        let mut set = |path: &[&str], value: &str| {
            if value.trim().is_empty() {
                return;
            }
            let mut at = &mut v;
            for key in &path[..path.len() - 1] {
                if !at.get(*key).is_some_and(|x| x.is_object()) {
                    at[*key] = serde_json::json!({});
                }
                at = &mut at[*key];
            }
            at[path[path.len() - 1]] = serde_json::Value::String(value.trim().to_string());
        };
        set(&["title", "en"], &self.title_en);
        set(&["title", "hi"], &self.title_hi);
        set(&["publisher", "en"], &self.publisher_en);
        set(&["publisher", "hi"], &self.publisher_hi);
        set(&["licence", "name", "en"], &self.licence_en);
        set(&["licence", "name", "hi"], &self.licence_hi);
        set(&["licence", "url"], &self.licence_url);
        set(&["updated"], &self.updated);
        serde_json::to_vec(&v).map_err(|e| e.to_string())
    }
}

/// Whether names that match nothing stop the build (the command line's `--allow-unmatched`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Unmatched {
    #[default]
    Refuse,
    LeaveOut,
}

/// Everything the officer has given the page.
#[derive(Clone, Debug, Default)]
pub struct Form {
    pub files: BTreeMap<Role, Chosen>,
    pub meta: MetaForm,
    /// The dataset's id on the site (its folder is `data/<id>/` unless the catalogue keeps it
    /// in another, see [`Form::folder`]).
    pub id: String,
    pub district_column: String,
    pub indicator_column: String,
    /// Wide files' periods, one per line: `id=value_column[:flag_column][@year]`.
    pub periods: String,
    pub unmatched: Unmatched,
    pub boundary_source_en: String,
    pub boundary_source_hi: String,
}

/// The files of a dataset already on the site to fetch, from its manifest: the value files and
/// the boundary file it lists (the long CSV and the data package are written anew). Paths that
/// would leave the dataset's folder are not fetched.
pub fn files_to_fetch(manifest: &[u8]) -> Vec<String> {
    let v: serde_json::Value = serde_json::from_slice(manifest).unwrap_or_default();
    let mut out: Vec<String> =
        v["value_files"].as_array().map(|a| a.iter().filter_map(|f| f["path"].as_str().map(str::to_string)).collect()).unwrap_or_default();
    out.extend(v["boundaries"]["path"].as_str().map(str::to_string));
    out.retain(|p| samiksha_core::format::manifest::inside_folder(p));
    out
}

/// The order the built files are written into a folder, or the first path that is not safe to
/// write (empty, `.` or `..` parts, or absolute). Value files and the boundary file first, then
/// each dataset's `manifest.json`, then the site's `catalog.json`: a reader of the site never
/// meets a manifest listing a file not yet written. (A file changed in place, such as
/// `all-values.csv`, differs from the old manifest's hash until the new manifest is written.)
pub fn write_order(files: &[(String, Vec<u8>)]) -> Result<Vec<&(String, Vec<u8>)>, String> {
    if let Some((bad, _)) = files.iter().find(|(p, _)| p.starts_with('/') || p.split('/').any(|part| part.is_empty() || part == "." || part == "..")) {
        return Err(format!("data/{bad}"));
    }
    let rank = |path: &str| match path.rsplit('/').next() {
        Some("catalog.json") if !path.contains('/') => 2,
        Some("manifest.json") => 1,
        _ => 0,
    };
    let mut order: Vec<&(String, Vec<u8>)> = files.iter().collect();
    order.sort_by_key(|(path, _)| rank(path));
    Ok(order)
}

/// A dataset fetched from the site, as if it were the zip of its folder: the page then treats
/// both the same way (`Role::Current`).
pub fn site_dataset(folder: &str, manifest: Vec<u8>, files: Vec<(String, Vec<u8>)>, catalog: Option<Vec<u8>>) -> Result<Chosen, String> {
    let mut all: Vec<(String, Vec<u8>)> = vec![(format!("{folder}/manifest.json"), manifest)];
    all.extend(files.into_iter().map(|(p, b)| (format!("{folder}/{p}"), b)));
    all.extend(catalog.map(|c| ("catalog.json".to_string(), c)));
    let zip = samiksha_publish::bundle::zip(&all)?;
    Ok(Chosen::read(Role::Current, &format!("data/{folder}/"), zip))
}

/// The row a problem names, as the officer's file has it: shown beside the problem so the clerk
/// sees the cell in its row without opening the file.
#[derive(Clone, Debug, PartialEq)]
pub struct RowView {
    /// The file (and sheet) and the row, as the problem says it (`values.csv line 3`), and in
    /// Hindi (`values.csv, पंक्ति 3`).
    pub place_en: String,
    pub place_hi: String,
    pub headers: Vec<String>,
    pub fields: Vec<String>,
    /// The column the problem names, when it names one.
    pub column: Option<usize>,
}

/// The row number and the column name after a place's file name: ` line 3, column "value"` or
/// `, row 3, column D ("value")`.
fn row_and_column(after: &str) -> Option<(u64, Option<String>)> {
    let rest = after.strip_prefix(" line ").or_else(|| after.strip_prefix(", row "))?;
    let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
    let line = digits.parse().ok()?;
    let rest = &rest[digits.len()..];
    let column = rest.strip_prefix(", column ").and_then(|c| {
        // A sheet names the letter and then the header in brackets; a CSV file the header.
        // A CSV place's column is quoted at once; a sheet's starts with its letter.
        let quoted = match c.strip_prefix('"') {
            Some(q) => q,
            None => c.split_once("(\"")?.1,
        };
        quoted.split_once('"').map(|(name, _)| name.to_string())
    });
    Some((line, column))
}

/// A problem found before anything is built, in both languages.
#[derive(Clone, Debug, PartialEq)]
pub struct Missing {
    pub en: String,
    pub hi: String,
}

impl Form {
    /// The sheets a published dataset gives again when the officer does not choose them (the
    /// monthly routine: only the month's values are new), rebuilt by `samiksha-publish sheets`.
    pub const REBUILT: [Role; 3] = [Role::Districts, Role::Indicators, Role::Flags];

    /// Whether a role's file comes from the published dataset: one the page rebuilds, not
    /// chosen, with the site's dataset chosen.
    pub fn rebuilt_from_published(&self, role: Role) -> bool {
        Form::REBUILT.contains(&role) && self.files.contains_key(&Role::Current) && !self.files.contains_key(&role)
    }

    /// The name a role's input is known by in the page's memory and in messages: the file's
    /// name, or `book.xlsx, sheet "Values"` for a workbook's sheet (one workbook serves several
    /// roles), so messages that name the input say the sheet.
    fn key(c: &Chosen) -> String {
        match (&c.kind, &c.sheet) {
            (Kind::Workbook(_), Some(s)) => format!("{}, sheet \"{s}\"", c.name),
            _ => c.name.clone(),
        }
    }

    /// Takes a chosen file for its role. An earlier meta.json fills the form; so does the
    /// published dataset's manifest, with its id, where the officer has not filled them yet.
    pub fn choose(&mut self, role: Role, chosen: Chosen) {
        match (&chosen.kind, role) {
            (Kind::Json, Role::Meta) => self.meta = MetaForm::from_json(&chosen.bytes),
            (Kind::Dataset(id, files), Role::Current) => {
                if self.id.is_empty() {
                    self.id = id.clone();
                }
                if self.meta == MetaForm::default() {
                    let found = published(&chosen.name, files, Some(id)).ok().and_then(|c| c.files.into_iter().find(|(p, _)| p == "manifest.json"));
                    if let Some((_, manifest)) = found {
                        self.meta = MetaForm::from_json(&manifest);
                    }
                }
            }
            _ => {}
        }
        self.files.insert(role, chosen);
    }

    /// What must be fixed before the build can run: required files, unreadable files, a
    /// workbook with no sheet chosen, the meta fields and the id.
    pub fn missing(&self) -> Vec<Missing> {
        let mut out = Vec::new();
        for role in Role::ALL {
            match self.files.get(&role) {
                None if role.need() == Need::Required && !self.rebuilt_from_published(role) => out.push(Missing {
                    en: format!("No {} file: choose the CSV file or workbook that holds them.", role.id()),
                    hi: format!("\"{}\" की फ़ाइल नहीं चुनी गई: वह CSV फ़ाइल या वर्कबुक चुनें जिसमें यह जानकारी है।", crate::words::role_name(role, Lang::Hi)),
                }),
                Some(Chosen { name, kind: Kind::Unreadable(why), .. }) => out
                    .push(Missing {
                        en: format!("{name}: {why}"), hi: format!("{name}: यह फ़ाइल पढ़ी नहीं जा सकी ({why})")
                    }),
                Some(Chosen { name, kind: Kind::Workbook(sheets), sheet: None, .. }) => out.push(Missing {
                    en: format!(
                        "{name}: no sheet named \"{}\"; choose the sheet that holds the {} (the workbook has {})",
                        role.id(),
                        role.id(),
                        sheets.iter().map(|s| format!("\"{s}\"")).collect::<Vec<_>>().join(", ")
                    ),
                    hi: format!(
                        "{name}: \"{}\" नाम की शीट नहीं है; \"{}\" के लिए सही शीट चुनें (वर्कबुक में ये शीटें हैं: {})",
                        role.id(),
                        crate::words::role_name(role, Lang::Hi),
                        sheets.iter().map(|s| format!("\"{s}\"")).collect::<Vec<_>>().join(", ")
                    ),
                }),
                _ => {}
            }
        }
        if !samiksha_core::format::manifest::is_valid_id(&self.id) {
            out.push(Missing {
                en: format!("The dataset's id \"{}\": use lower-case letters, digits and hyphens, e.g. mp-review.", self.id),
                hi: format!("डेटासेट की पहचान \"{}\": केवल अंग्रेज़ी के छोटे अक्षर, अंक और हाइफ़न लिखें, जैसे mp-review।", self.id),
            });
        }
        let m = &self.meta;
        for (value, en, hi) in [
            (&m.title_en, "the title in English", "अंग्रेज़ी में शीर्षक"),
            (&m.title_hi, "the title in Hindi", "हिंदी में शीर्षक"),
            (&m.publisher_en, "the publisher in English", "अंग्रेज़ी में प्रकाशक"),
            (&m.publisher_hi, "the publisher in Hindi", "हिंदी में प्रकाशक"),
            (&m.licence_en, "the licence in English", "अंग्रेज़ी में लाइसेंस"),
            (&m.licence_hi, "the licence in Hindi", "हिंदी में लाइसेंस"),
            (&m.updated, "the date of the figures (YYYY-MM-DD)", "आँकड़ों की तारीख़ (YYYY-MM-DD)"),
        ] {
            if value.trim().is_empty() {
                out.push(Missing {
                    en: format!("About the dataset: fill in {en}."), hi: format!("डेटासेट के बारे में: {hi} भरें।")
                });
            }
        }
        out
    }

    /// The folder under `data/` the dataset is published in: where the site's current dataset
    /// is (its catalogue's folder), else where the chosen catalogue keeps this id, else the id.
    pub fn folder(&self) -> String {
        let current = self.current().and_then(|(_, c)| c.ok());
        self.folder_of(current.as_ref())
    }

    /// [`folder`](Form::folder), given the site's current dataset as [`current`](Form::current)
    /// read it (so a build reads it out of its files once).
    fn folder_of(&self, current: Option<&samiksha_publish::bundle::Current>) -> String {
        match current {
            Some(c) if c.id == self.id => c.folder.clone(),
            _ => self.files.get(&Role::Catalog).and_then(|c| samiksha_publish::bundle::folder_of_id(&c.bytes, &self.id)).unwrap_or_else(|| self.id.clone()),
        }
    }

    /// The site's current dataset, when one was chosen: its chooser's file, and the dataset the
    /// id names among its files (or why none can be).
    fn current(&self) -> Option<(&Chosen, Result<samiksha_publish::bundle::Current, String>)> {
        match self.files.get(&Role::Current) {
            Some(c @ Chosen { kind: Kind::Dataset(_, files), .. }) => Some((c, published(&c.name, files, Some(&self.id)))),
            _ => None,
        }
    }

    /// The page's memory and the command lines: what [`build`](Form::build) runs.
    pub fn publication(&self) -> Result<(Memory, Publication, Vec<String>), String> {
        let current = match self.current() {
            Some((c, Ok(current))) => Some((c, current)),
            Some((_, Err(e))) => return Err(e),
            None => None,
        };
        let folder = self.folder_of(current.as_ref().map(|(_, c)| c));
        let mut fs = Memory::default();
        let mut import: Vec<String> = Vec::new();
        let mut boundaries: Option<Vec<String>> = None;
        let mut catalog = None;
        let mut keys: BTreeMap<Role, String> = self.files.iter().map(|(r, c)| (*r, Form::key(c))).collect();
        let mut commands = Vec::new();
        let mut meta_base = self.files.get(&Role::Meta).map(|c| c.bytes.as_slice().to_vec());
        if let Some((c, current)) = &current {
            let wanted: Vec<Role> = Form::REBUILT.into_iter().filter(|r| !self.files.contains_key(r)).collect();
            if !wanted.is_empty() || meta_base.is_none() {
                let read =
                    |rel: &str| current.files.iter().find(|(p, _)| p == rel).map(|(_, b)| b.clone()).ok_or_else(|| format!("{}: no {rel} in it", c.name));
                let sheets = samiksha_publish::sheets::from_dataset(&read("manifest.json")?, &read)?;
                let mut used = false;
                for role in wanted {
                    let name = match role {
                        Role::Districts => samiksha_publish::sheets::DISTRICTS,
                        Role::Indicators => samiksha_publish::sheets::INDICATORS,
                        _ => samiksha_publish::sheets::FLAGS,
                    };
                    if let Some((_, bytes)) = sheets.iter().find(|(n, _)| n == name) {
                        let key = format!("sheets/{name}");
                        fs.files.insert(PathBuf::from(&key), bytes.clone());
                        import.extend([format!("--{}", role.id()), key.clone()]);
                        keys.insert(role, key);
                        used = true;
                    }
                }
                // Without a meta.json of the officer's, the published dataset's own is the base
                // the form fills in, so the order of its departments and flags, its sources,
                // headlines and bands are published again as they were.
                if meta_base.is_none() {
                    meta_base = sheets.iter().find(|(n, _)| n == samiksha_publish::sheets::META).map(|(_, b)| b.clone());
                    used |= meta_base.is_some();
                }
                if used {
                    commands.push(format!("samiksha-publish sheets --manifest data/{folder}/manifest.json --out sheets"));
                }
            }
        }
        fs.files.insert("meta.json".into(), self.meta.to_json(meta_base.as_deref())?);
        import.extend(["--meta".into(), "meta.json".into()]);
        for (role, c) in &self.files {
            let key = Form::key(c);
            match (&c.kind, &c.sheet) {
                (Kind::Dataset(..), _) => {
                    // The published folder goes where the import looks for it, data/<folder>/,
                    // and its catalogue is the one to update unless the officer chose another.
                    let Some((_, current)) = &current else { continue };
                    for (rel, bytes) in &current.files {
                        fs.files.insert(samiksha_publish::bundle::folder(&folder).join(rel), bytes.clone());
                    }
                    if let (Some(cat), false) = (&current.catalog, self.files.contains_key(&Role::Catalog)) {
                        fs.files.insert(PathBuf::from(&key).join("catalog.json"), cat.clone());
                        catalog = Some(PathBuf::from(&key).join("catalog.json"));
                    }
                    import.push("--keep-periods".into());
                    continue;
                }
                (Kind::Workbook(_), Some(sheet)) => {
                    fs.tables.insert(PathBuf::from(&key), workbook::table(c.name.as_ref(), &c.bytes, sheet)?);
                }
                (Kind::Unreadable(why), _) => return Err(format!("{}: {why}", c.name)),
                _ if *role == Role::Meta => continue,
                _ => {
                    fs.files.insert(PathBuf::from(&key), c.bytes.to_vec());
                }
            }
            match role {
                Role::Meta => {}
                Role::Boundaries => {
                    let mut b = vec!["--input".into(), key.clone()];
                    if !self.boundary_source_en.trim().is_empty() && !self.boundary_source_hi.trim().is_empty() {
                        b.extend(["--source".into(), self.boundary_source_en.trim().into(), "--source-hi".into(), self.boundary_source_hi.trim().into()]);
                    }
                    boundaries = Some(b);
                }
                Role::Catalog => catalog = Some(PathBuf::from(&key)),
                _ => import.extend([format!("--{}", role.id()), key.clone()]),
            }
        }
        if let (Some(b), Some(d)) = (boundaries.as_mut(), keys.get(&Role::Districts)) {
            b.extend(["--districts".into(), d.clone()]);
            if let Some(a) = keys.get(&Role::Aliases) {
                b.extend(["--aliases".into(), a.clone()]);
            }
            if self.unmatched == Unmatched::LeaveOut {
                b.push("--allow-unmatched".into());
            }
        }
        if !self.district_column.trim().is_empty() {
            import.extend(["--district-column".into(), self.district_column.trim().into()]);
        }
        if !self.indicator_column.trim().is_empty() {
            import.extend(["--indicator-column".into(), self.indicator_column.trim().into()]);
        }
        for p in self.periods.lines().map(str::trim).filter(|l| !l.is_empty()) {
            import.extend(["--period".into(), p.into()]);
        }
        if self.unmatched == Unmatched::LeaveOut {
            import.push("--allow-unmatched".into());
        }
        let p = Publication::from_commands(&self.id, &import, boundaries.as_deref(), catalog)?.in_folder(&folder);
        // The equivalent command lines, for the officer who later moves to the command line.
        commands.push(format!("samiksha-publish import {} --out data/{folder}", shell(&import)));
        if let Some(b) = &boundaries {
            commands.push(format!("samiksha-publish boundaries {} --out data/{folder}/boundaries.json --manifest data/{folder}/manifest.json", shell(b)));
        }
        Ok((fs, p, commands))
    }

    /// The dataset's whole folder as the public would see it, for the preview: the files just
    /// built (paths inside `data/<folder>/`) and, when a published dataset was given, the files of it
    /// this publication keeps as they are (its boundary file, the months not given again).
    pub fn preview_folder(&self, bundle: &Bundle) -> Vec<(String, Vec<u8>)> {
        let current = self.current().and_then(|(_, c)| c.ok());
        let prefix = format!("{}/", self.folder_of(current.as_ref()));
        let mut out: Vec<(String, Vec<u8>)> = bundle.files.iter().filter_map(|(n, b)| n.strip_prefix(&prefix).map(|r| (r.to_string(), b.clone()))).collect();
        for (rel, bytes) in current.map(|c| c.files).unwrap_or_default() {
            if !out.iter().any(|(p, _)| *p == rel) {
                out.push((rel, bytes));
            }
        }
        out
    }

    /// The row each problem line names in one of the chosen files, if it names one: its header
    /// and fields, and the column marked. Each file is read once for all the lines.
    pub fn rows_named(&self, lines: &[&str]) -> Vec<Option<RowView>> {
        use samiksha_publish::csvin::Table;
        let mut tables: BTreeMap<String, Option<Table>> = BTreeMap::new();
        // The longest file name first, so "values.csv" is not found inside "april-values.csv".
        let mut chosen: Vec<(String, &Chosen)> = self.files.values().map(|c| (Form::key(c), c)).collect();
        chosen.sort_by_key(|(k, _)| std::cmp::Reverse(k.len()));
        lines
            .iter()
            .map(|line| {
                chosen.iter().find_map(|(key, c)| {
                    let at = line.find(key.as_str())?;
                    let (row, column) = row_and_column(&line[at + key.len()..])?;
                    let table = tables.entry(key.clone()).or_insert_with(|| match (&c.kind, &c.sheet) {
                        (Kind::Workbook(_), Some(sheet)) => workbook::table(c.name.as_ref(), &c.bytes, sheet).ok(),
                        (Kind::Text(_), _) => Table::from_csv(std::path::Path::new(key.as_str()), &c.bytes).ok(),
                        _ => None,
                    });
                    let t = table.as_ref()?;
                    let found = t.rows.iter().find(|r| r.line == row)?;
                    let column = column.and_then(|name| t.col(&name));
                    let place_en = if c.sheet.is_some() { format!("{key}, row {row}") } else { format!("{key} line {row}") };
                    Some(RowView {
                        place_en, place_hi: format!("{key}, पंक्ति {row}"), headers: t.headers.clone(), fields: found.fields.clone(), column
                    })
                })
            })
            .collect()
    }

    /// Builds and checks the publication; nothing comes back while an error stands.
    pub fn build(&self) -> Result<(Bundle, Vec<String>), String> {
        let (fs, p, commands) = self.publication()?;
        Ok((publish(&fs, &p)?, commands))
    }
}

fn shell(args: &[String]) -> String {
    args.iter()
        .map(|a| if a.contains([' ', '"', '\'', '#']) || a.is_empty() { format!("'{}'", a.replace('\'', "'\\''")) } else { a.clone() })
        .collect::<Vec<_>>()
        .join(" ")
}
