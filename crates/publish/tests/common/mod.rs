//! What the publisher's integration tests share: the checkout's root, a fresh temporary folder,
//! the built command line, and a folder's files read back for comparing byte for byte.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::Command;

pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// An empty folder of this test run's own, named for the test file (`what`) and the case.
pub fn temp(what: &str, name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("samiksha-{what}-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}

/// Runs this checkout's `samiksha-publish`, which must succeed, and returns what it printed.
pub fn cli(args: &[&str]) -> String {
    let out = Command::new(env!("CARGO_BIN_EXE_samiksha-publish")).args(args).output().unwrap();
    assert!(out.status.success(), "{:?}: {}{}", args, String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr));
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// Every file under `dir`, by its path from `dir`, in path order.
pub fn tree(dir: &Path) -> Vec<(String, Vec<u8>)> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                stack.push(p);
            } else {
                out.push((p.strip_prefix(dir).unwrap().to_string_lossy().replace('\\', "/"), std::fs::read(&p).unwrap()));
            }
        }
    }
    out.sort();
    out
}
