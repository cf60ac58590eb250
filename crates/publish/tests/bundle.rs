//! The publisher page's way (a publication built in memory by `bundle::publish`) against the
//! command line's (`import`, `boundaries`, `catalog` on the disk): the same inputs must give
//! the same files, byte for byte, and nothing while an error stands.

mod common;
use common::{cli, root, tree};

use samiksha_publish::bundle::{publish, zip, Publication};
use samiksha_publish::files::Memory;
use std::path::{Path, PathBuf};

/// The page's memory holding the given disk files under short names, as an officer's chosen
/// files arrive (by name, with no folder).
fn memory(files: &[(&str, PathBuf)]) -> Memory {
    let mut m = Memory::default();
    for (name, path) in files {
        m.files.insert(PathBuf::from(name), std::fs::read(path).unwrap());
    }
    m
}

fn same_files(cli_data: &Path, bundle: &[(String, Vec<u8>)]) {
    let mut ours: Vec<(String, Vec<u8>)> = bundle.to_vec();
    ours.sort();
    let theirs = tree(cli_data);
    assert_eq!(ours.iter().map(|(n, _)| n.as_str()).collect::<Vec<_>>(), theirs.iter().map(|(n, _)| n.as_str()).collect::<Vec<_>>());
    for ((name, a), (_, b)) in ours.iter().zip(&theirs) {
        assert!(a == b, "{name} differs between the page's build and the command line's");
    }
}

fn s(v: &[&str]) -> Vec<String> {
    v.iter().map(|x| x.to_string()).collect()
}

#[test]
fn a_state_published_in_memory_is_the_command_lines_folder_byte_for_byte() {
    let f = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/state");
    let dir = common::temp("bundle", "state");
    let data = dir.join("data");
    let out = data.join("uk");
    let p = |n: &str| f.join(n).display().to_string();
    cli(&[
        "import",
        "--values",
        &p("values.csv"),
        "--indicators",
        &p("indicators.csv"),
        "--districts",
        &p("districts.csv"),
        "--meta",
        &p("meta.json"),
        "--out",
        out.to_str().unwrap(),
        "--allow-unmatched",
    ]);
    cli(&["catalog", "--catalog", data.join("catalog.json").to_str().unwrap(), "--id", "uk", "--manifest", out.join("manifest.json").to_str().unwrap()]);

    let fs = memory(&[
        ("values.csv", f.join("values.csv")),
        ("indicators.csv", f.join("indicators.csv")),
        ("districts.csv", f.join("districts.csv")),
        ("meta.json", f.join("meta.json")),
    ]);
    let import = s(&["--values", "values.csv", "--indicators", "indicators.csv", "--districts", "districts.csv", "--meta", "meta.json", "--allow-unmatched"]);
    let bundle = publish(&fs, &Publication::from_commands("uk", &import, None, None).unwrap()).unwrap();
    same_files(&data, &bundle.files);
    assert!(bundle.report.iter().any(|l| l.en.starts_with("left out 1 district name(s)")), "{:?}", bundle.report);

    // Strict without the checkbox: the name that is no district stops it, and nothing is built.
    let strict = s(&["--values", "values.csv", "--indicators", "indicators.csv", "--districts", "districts.csv", "--meta", "meta.json"]);
    let err = publish(&fs, &Publication::from_commands("uk", &strict, None, None).unwrap()).err().expect("an unmatched district stops the build");
    assert!(err.contains("\"Roorkee\" (4 rows, first at values.csv line 14, column \"district\")"), "{err}");

    // "preview" is the publishing page's own: no dataset is published under it.
    let import = s(&["--values", "values.csv", "--indicators", "indicators.csv", "--districts", "districts.csv", "--meta", "meta.json", "--allow-unmatched"]);
    let err = publish(&fs, &Publication::from_commands("preview", &import, None, None).unwrap()).err().expect("the preview's id is refused");
    assert!(err.contains("kept for the publishing page's preview"), "{err}");

    // The zip holds the same files under data/, and the same publication zips to the same bytes.
    let z = zip(&bundle.files).unwrap();
    assert_eq!(z, zip(&bundle.files).unwrap());
    let listing = String::from_utf8_lossy(&z).to_string();
    assert!(listing.contains("data/uk/manifest.json") && listing.contains("data/catalog.json"));
}

#[test]
#[cfg_attr(shared_absent, ignore = "needs ../shared/reference, which is absent on this machine")]
fn the_nfhs_dataset_published_in_memory_is_the_committed_one_byte_for_byte() {
    // The inputs tools/nfhs-mp.sh gives the command line, with the same options, into the page's
    // memory; the result must be the committed public/data/nfhs-mp and its catalogue entry.
    let reference = PathBuf::from(env!("SAMIKSHA_SHARED_REFERENCE"));
    assert!(reference.is_dir(), "needs {}", reference.display());
    let inputs = root().join("datasets/nfhs-mp");
    // The script's district list: the shared one with the Hindi of the one former name.
    let mut districts = String::new();
    for (i, line) in std::fs::read_to_string(reference.join("mp-districts.csv")).unwrap().lines().enumerate() {
        let line = line.trim_end_matches('\r');
        let former = line.split(',').nth(6).unwrap_or_default();
        let extra = if i == 0 {
            "former_name_hi"
        } else if former == "Hoshangabad" {
            "होशंगाबाद"
        } else {
            ""
        };
        districts.push_str(&format!("{line},{extra}\n"));
    }
    let mut fs = memory(&[
        ("mp-district-factsheets.csv", reference.join("nfhs5/mp-district-factsheets.csv")),
        ("indicators.csv", inputs.join("indicators.csv")),
        ("flags.csv", inputs.join("flags.csv")),
        ("aliases.csv", inputs.join("aliases.csv")),
        ("meta.json", inputs.join("meta.json")),
        ("mp-districts-2011.topo.json", reference.join("geo/mp-districts-2011.topo.json")),
        ("catalog.json", root().join("public/data/catalog.json")),
    ]);
    fs.files.insert("districts.csv".into(), districts.into_bytes());
    let script = std::fs::read_to_string(root().join("tools/nfhs-mp.sh")).unwrap();
    let quoted = |flag: &str| {
        let at = script.find(&format!("{flag} \"")).unwrap_or_else(|| panic!("tools/nfhs-mp.sh has no {flag}")) + flag.len() + 2;
        script[at..].split('"').next().unwrap().to_string()
    };
    let import = s(&[
        "--values",
        "mp-district-factsheets.csv",
        "--indicator-column",
        "indicator_no",
        "--period",
        "nfhs-4=nfhs4_2015_16:flag_nfhs4@2015",
        "--period",
        "nfhs-5=nfhs5_2019_21:flag_nfhs5@2019",
        "--indicators",
        "indicators.csv",
        "--flags",
        "flags.csv",
        "--aliases",
        "aliases.csv",
        "--districts",
        "districts.csv",
        "--meta",
        "meta.json",
        "--allow-unmatched",
    ]);
    let boundaries = [
        s(&["--input", "mp-districts-2011.topo.json", "--districts", "districts.csv", "--source"]),
        vec![quoted("--source")],
        s(&["--source-hi"]),
        vec![quoted("--source-hi")],
    ]
    .concat();
    let p = Publication::from_commands("nfhs-mp", &import, Some(&boundaries), Some("catalog.json".into())).unwrap();
    let bundle = publish(&fs, &p).unwrap();
    let committed = root().join("public/data");
    let mut expected: Vec<(String, Vec<u8>)> = tree(&committed.join("nfhs-mp")).into_iter().map(|(n, b)| (format!("nfhs-mp/{n}"), b)).collect();
    expected.push(("catalog.json".into(), std::fs::read(committed.join("catalog.json")).unwrap()));
    expected.sort();
    let mut ours = bundle.files.clone();
    ours.sort();
    assert_eq!(ours.iter().map(|(n, _)| n.as_str()).collect::<Vec<_>>(), expected.iter().map(|(n, _)| n.as_str()).collect::<Vec<_>>());
    for ((name, a), (_, b)) in ours.iter().zip(&expected) {
        assert!(a == b, "{name} differs between the page's build and the committed dataset");
    }
}
