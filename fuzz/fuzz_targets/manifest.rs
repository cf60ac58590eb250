//! The manifest reader on arbitrary bytes: it must never panic or hang, and whatever it
//! accepts must list only files inside the dataset folder.
#![no_main]
use libfuzzer_sys::fuzz_target;
use samiksha_core::format::manifest::{inside_folder, parse_manifest};

fuzz_target!(|data: &[u8]| {
    let (manifest, _problems) = parse_manifest("manifest.json", data);
    if let Some(m) = manifest {
        for f in &m.value_files {
            assert!(inside_folder(&f.path), "{}", f.path);
        }
        if let Some(b) = &m.boundaries {
            assert!(inside_folder(&b.path), "{}", b.path);
        }
    }
});
