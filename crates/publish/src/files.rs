//! Where the publisher's inputs come from and where its output goes, kept apart from what it
//! does with them: the CLI reads and writes the disk ([`Disk`]), the publisher page holds files
//! the officer chose in memory ([`Memory`]). Everything between — reading tables, matching
//! names, building and checking the dataset — is the same code for both.

use crate::csvin::Table;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// The publisher's view of a file system: read a file or a table, and ask whether a file is
/// there. Paths are as the publisher named them; messages show them as they are.
pub trait Files {
    /// The file's bytes, or the reason it cannot be read (without the path: callers name it).
    fn read(&self, path: &Path) -> Result<Vec<u8>, String>;
    fn exists(&self, path: &Path) -> bool;
    /// The file as a table: a CSV file read as [`Table::from_csv`] reads it. A workbook's sheet
    /// the page has already chosen comes from [`Memory`] as a table.
    fn table(&self, path: &Path) -> Result<Table, String> {
        let bytes = self.read(path).map_err(|e| format!("{}: {e}", path.display()))?;
        Table::from_csv(path, &bytes)
    }
}

/// The disk, for the command line.
pub struct Disk;

impl Files for Disk {
    fn read(&self, path: &Path) -> Result<Vec<u8>, String> {
        if path.is_dir() {
            return Err("a folder; expected a file".into());
        }
        std::fs::read(path).map_err(|e| match e.kind() {
            std::io::ErrorKind::NotFound => "no such file".into(),
            _ => e.to_string(),
        })
    }

    fn exists(&self, path: &Path) -> bool {
        path.exists()
    }
}

/// Files and tables held in memory: what the publisher page was given.
#[derive(Default)]
pub struct Memory {
    pub files: BTreeMap<PathBuf, Vec<u8>>,
    /// Tables read from workbooks, by the name messages give them.
    pub tables: BTreeMap<PathBuf, Table>,
}

impl Files for Memory {
    fn read(&self, path: &Path) -> Result<Vec<u8>, String> {
        self.files.get(path).cloned().ok_or_else(|| "no such file".into())
    }

    fn exists(&self, path: &Path) -> bool {
        self.files.contains_key(path) || self.tables.contains_key(path)
    }

    fn table(&self, path: &Path) -> Result<Table, String> {
        match self.tables.get(path) {
            Some(t) => Ok(t.clone()),
            None => Table::from_csv(path, &self.read(path).map_err(|e| format!("{}: {e}", path.display()))?),
        }
    }
}
