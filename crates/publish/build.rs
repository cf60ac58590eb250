//! Build script: finds the shared reference files (`../shared/reference`, beside the
//! repository, not in it) that some CLI tests read, so those tests are compiled as ignored, with
//! the reason shown, on machines that lack them instead of passing without running.
//!
//! Emits `cfg(shared_absent)` when the folder is missing and `SAMIKSHA_SHARED_REFERENCE`, the
//! folder the tests read, either way. `SAMIKSHA_SHARED=<folder holding reference/>` overrides
//! the location, e.g. `SAMIKSHA_SHARED=/nonexistent` to see the ignored tests on this machine.

use std::path::PathBuf;

fn main() {
    println!("cargo::rerun-if-changed=build.rs");
    println!("cargo::rerun-if-env-changed=SAMIKSHA_SHARED");
    println!("cargo::rustc-check-cfg=cfg(shared_absent)");
    let shared = match std::env::var_os("SAMIKSHA_SHARED") {
        Some(dir) => PathBuf::from(dir),
        None => PathBuf::from(std::env::var_os("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR")).join("../../../shared"),
    };
    let reference = shared.join("reference");
    println!("cargo::rustc-env=SAMIKSHA_SHARED_REFERENCE={}", reference.display());
    if reference.is_dir() {
        // Rerun when it changes or goes away.
        println!("cargo::rerun-if-changed={}", reference.display());
    } else {
        println!("cargo::rustc-cfg=shared_absent");
        // Cargo treats a watched path that does not exist as changed on every build, which
        // would rerun this script and rebuild the binary and its tests each time. So watch the
        // shared folder, whose listing changes when reference/ is added; if even that is
        // missing, nothing is watched, and a change to SAMIKSHA_SHARED or to this file reruns it.
        if shared.is_dir() {
            println!("cargo::rerun-if-changed={}", shared.display());
        }
    }
}
