//! `data/catalog.json`: the datasets one site publishes, and which one a reader's `?data=`
//! chooses.
//!
//! ```json
//! {"format": "samiksha-catalog/1",
//!  "datasets": [{"id": "sample", "title": {"en": "…", "hi": "…"}, "folder": "sample/"}]}
//! ```
//! The first entry is the default. A folder is one id-like folder beside the catalogue
//! ([`folder_ok`]): the service worker (`tools/sw-template.js`, `folderOk`) tells datasets apart
//! by it. A bad entry is reported and left out; the others stay usable.

use crate::format::problem::{Problem, ProblemKind, RefKind, Severity};
use crate::format::text::Bilingual;
use crate::format::walk::{idx, is_valid_id, key, parse_json, Walk};

pub const CATALOG_FORMAT: &str = "samiksha-catalog/1";

/// Whether `name` (without its trailing `/`) may be a dataset's folder: one id-like name, so it
/// can never leave the data folder.
pub fn folder_ok(name: &str) -> bool {
    is_valid_id(name)
}

/// Where the catalogue is, relative to the app.
pub const CATALOG_PATH: &str = "data/catalog.json";

/// One published dataset.
#[derive(Clone, Debug, PartialEq)]
pub struct Entry {
    pub id: String,
    pub title: Bilingual,
    /// The dataset's folder relative to the catalogue, ending in `/`.
    pub folder: String,
}

impl Entry {
    /// The folder's name, without its closing `/`: how the publisher names it in paths.
    pub fn folder_name(&self) -> &str {
        self.folder.trim_end_matches('/')
    }

    /// The folder relative to the app, where its `manifest.json` is.
    pub fn dir(&self) -> String {
        format!("data/{}", self.folder)
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct Catalog {
    pub datasets: Vec<Entry>,
}

impl Catalog {
    /// The default dataset: the first listed (`parse_catalog` never returns an empty one).
    pub fn first(&self) -> Option<&Entry> {
        self.datasets.first()
    }

    /// The dataset `id` names, or the first when none is named. An id the catalogue does not
    /// list is reported, and the first is shown instead, so a stale link still opens a page.
    /// `None` only for a catalogue with no dataset.
    pub fn choose(&self, id: Option<&str>) -> Option<(&Entry, Option<Problem>)> {
        match id.and_then(|id| self.datasets.iter().find(|d| d.id == id)) {
            Some(e) => Some((e, None)),
            None => Some((self.first()?, id.map(unknown_dataset))),
        }
    }
}

/// The problem of a link naming a dataset the site does not have.
pub fn unknown_dataset(id: &str) -> Problem {
    Problem {
        severity: Severity::Warning,
        file: CATALOG_PATH.into(),
        path: "$.datasets".into(),
        kind: ProblemKind::UnknownReference { kind: RefKind::Dataset, id: id.to_string() },
    }
}

/// Reads the catalogue; `None` when it lists no usable dataset.
pub fn parse_catalog(file: &str, bytes: &[u8]) -> (Option<Catalog>, Vec<Problem>) {
    let mut problems = Vec::new();
    let catalog = parse_json(file, bytes, &mut problems).and_then(|v| {
        let mut w = Walk::new(file, &mut problems);
        let root = w.object(&v, "$")?;
        let format = w.req_string(root, "$", "format")?;
        if format != CATALOG_FORMAT {
            w.error("$.format", ProblemKind::UnknownFormat { found: format });
            return None;
        }
        let list = w.field(root, "$", "datasets").and_then(|l| w.array(l, "$.datasets"))?;
        let mut datasets: Vec<Entry> = Vec::new();
        for (i, item) in list.iter().enumerate() {
            let p = idx("$.datasets", i);
            let Some(o) = w.object(item, &p) else { continue };
            let id = w.field(o, &p, "id").and_then(|v| w.id(v, &key(&p, "id")));
            let title = w.req_bilingual(o, &p, "title");
            // One folder beside the catalogue, named like an id: the service worker tells datasets
            // apart by the first folder under data/.
            let folder = w.req_string(o, &p, "folder").and_then(|f| {
                let f = if f.ends_with('/') { f } else { format!("{f}/") };
                let name = &f[..f.len() - 1];
                if folder_ok(name) {
                    Some(f)
                } else {
                    w.error(&key(&p, "folder"), ProblemKind::BadId { id: f });
                    None
                }
            });
            let (Some(id), Some(title), Some(folder)) = (id, title, folder) else { continue };
            if datasets.iter().any(|d| d.id == id) {
                w.error(&key(&p, "id"), ProblemKind::DuplicateId { id });
                continue;
            }
            datasets.push(Entry { id, title, folder });
        }
        (!datasets.is_empty()).then_some(Catalog { datasets })
    });
    (catalog, problems)
}

#[cfg(test)]
mod tests {
    use super::*;

    const GOOD: &str = r#"{"format": "samiksha-catalog/1", "datasets": [
        {"id": "sample", "title": {"en": "Sample", "hi": "नमूना"}, "folder": "sample/"},
        {"id": "nfhs-mp", "title": {"en": "NFHS", "hi": "एनएफएचएस"}, "folder": "nfhs-mp"}]}"#;

    #[test]
    fn reads_and_chooses() {
        let (c, problems) = parse_catalog("catalog.json", GOOD.as_bytes());
        assert!(problems.is_empty(), "{problems:?}");
        let c = c.unwrap();
        assert_eq!(c.choose(None).unwrap().0.id, "sample");
        assert_eq!(c.choose(Some("nfhs-mp")).unwrap().0.dir(), "data/nfhs-mp/");
        let (e, p) = c.choose(Some("gone")).unwrap();
        assert_eq!(e.id, "sample");
        assert_eq!(p.unwrap().kind.text(crate::Lang::En), "unknown dataset \"gone\"");
    }

    #[test]
    fn bad_entries_are_named_and_left_out() {
        let text = r#"{"format": "samiksha-catalog/1", "datasets": [
            {"id": "x", "title": {"en": "X", "hi": "एक्स"}, "folder": "../etc"},
            {"id": "y", "title": {"en": "Y", "hi": "वाई"}, "folder": "a/b/"},
            {"id": "Bad Id", "title": {"en": "B", "hi": "बी"}, "folder": "b/"},
            {"id": "ok", "title": {"en": "OK", "hi": "ठीक"}, "folder": "ok/"},
            {"id": "ok", "title": {"en": "OK", "hi": "ठीक"}, "folder": "ok2/"}]}"#;
        let (c, problems) = parse_catalog("catalog.json", text.as_bytes());
        assert_eq!(c.unwrap().datasets.len(), 1);
        let paths: Vec<&str> = problems.iter().map(|p| p.path.as_str()).collect();
        assert_eq!(paths, ["$.datasets[0].folder", "$.datasets[1].folder", "$.datasets[2].id", "$.datasets[4].id"]);
        assert!(Catalog { datasets: vec![] }.choose(Some("x")).is_none(), "an empty catalogue chooses nothing, never panics");
        for bad in ["", "[]", r#"{"format": "samiksha-catalog/9", "datasets": []}"#, r#"{"format": "samiksha-catalog/1", "datasets": []}"#] {
            assert!(parse_catalog("catalog.json", bad.as_bytes()).0.is_none(), "{bad}");
        }
    }
}
