//! The publisher's work, with no file system in it: reading the publisher's tables (CSV in any
//! encoding a spreadsheet writes, or a workbook's sheet), matching district names, building and
//! checking a dataset in memory, the boundary file and the catalogue. The command line
//! (`main.rs`) reads and writes the disk through [`files::Disk`]; the publisher page
//! (`crates/publisher`) holds the officer's files in [`files::Memory`] and zips the result.

pub mod boundaries;
pub mod bundle;
pub mod catalog;
pub mod cli;
pub mod csvin;
pub mod districts;
pub mod files;
pub mod import;
pub mod loopin;
pub mod sample;
pub mod sheets;
pub mod validate;
pub mod workbook;
pub mod write;
