//! The publisher CLI as a publisher runs it: exit codes, messages, and the real reference files.

use samiksha_core::format::check::check_dataset;
use samiksha_core::format::values::{GapReason, Reading};
use samiksha_core::Dataset;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_samiksha-publish"))
}

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn fixtures() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

/// `../shared/reference`: real published files, kept beside the repository rather than in it.
/// build.rs looks for the folder; the tests that need it are ignored, with that reason, where it
/// is missing. If it goes missing after the build (or ignored tests are forced to run), the test
/// fails here: a test that returns early would report "ok" without having checked anything.
fn shared() -> PathBuf {
    let p = PathBuf::from(env!("SAMIKSHA_SHARED_REFERENCE"));
    assert!(
        p.is_dir(),
        "this test needs the shared reference files in {}, which is missing; put them there, or set SAMIKSHA_SHARED to the folder holding reference/ (rebuilding marks the test ignored when it is absent)",
        p.display()
    );
    p
}

fn run(cmd: &mut Command) -> (i32, String) {
    let Output { status, stdout, stderr } = cmd.output().expect("the CLI runs");
    (status.code().unwrap_or(-1), String::from_utf8_lossy(&stdout).into_owned() + &String::from_utf8_lossy(&stderr))
}

fn temp(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("samiksha-cli-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}

fn load(dir: &Path) -> (Dataset, Vec<samiksha_core::Problem>) {
    let m = std::fs::read(dir.join("manifest.json")).unwrap();
    let (ds, problems) = check_dataset("manifest.json", &m, |p| std::fs::read(dir.join(p)).map_err(|e| e.to_string()));
    (ds.expect("usable"), problems)
}

#[test]
fn validate_passes_on_the_sample() {
    let (code, out) = run(bin().arg("validate").arg(root().join("public/data/sample/manifest.json")));
    assert_eq!(code, 0, "{out}");
    assert!(out.contains("55 districts, 32 indicators, 31 periods; 0 errors, 3 warnings"), "{out}");
    // The warnings: the boundary file checked against the districts (issue 10, item 4).
    for (district, parent) in [("mauganj", "rewa"), ("maihar", "satna"), ("pandhurna", "chhindwara")] {
        assert!(out.contains(&format!("district \"{district}\" has no polygon; the map shows it within \"{parent}\"")), "{out}");
    }
}

#[test]
fn validate_fails_cleanly_on_bad_input() {
    let dir = temp("bad");
    std::fs::write(dir.join("garbage.json"), [0u8, 159, 146, 150, 255]).unwrap();
    std::fs::write(dir.join("empty.json"), "").unwrap();
    let cases = [
        (dir.join("missing.json"), "missing.json"),
        (dir.clone(), "is a folder"),
        (dir.join("garbage.json"), "not valid JSON"),
        (dir.join("empty.json"), "the file is empty"),
    ];
    for (path, expected) in cases {
        let (code, out) = run(bin().arg("validate").arg(&path));
        assert_eq!(code, 1, "{}: {out}", path.display());
        assert!(out.contains(expected), "{}: {out}", path.display());
        assert!(!out.contains("panicked"), "{out}");
    }
}

#[test]
fn validate_names_the_cell_of_a_bad_value_and_exits_1() {
    let dir = temp("cell");
    let src = root().join("public/data/sample");
    std::fs::create_dir_all(dir.join("values")).unwrap();
    let manifest = std::fs::read_to_string(src.join("manifest.json")).unwrap();
    std::fs::write(dir.join("manifest.json"), &manifest).unwrap();
    for e in std::fs::read_dir(src.join("values")).unwrap() {
        let e = e.unwrap();
        std::fs::copy(e.path(), dir.join("values").join(e.file_name())).unwrap();
    }
    // Break one cell: the first value of mgnrega-persondays in January 2026.
    let path = dir.join("values/2026-01.json");
    let mut v: serde_json::Value = serde_json::from_slice(&std::fs::read(&path).unwrap()).unwrap();
    v["values"]["mgnrega-persondays"][0] = serde_json::json!("lots");
    std::fs::write(&path, serde_json::to_vec(&v).unwrap()).unwrap();
    let (code, out) = run(bin().arg("validate").arg(dir.join("manifest.json")));
    assert_eq!(code, 1, "{out}");
    assert!(out.contains("values/2026-01.json $.values.mgnrega-persondays[0]: expected a number"), "{out}");
    // The edit also changed the file's hash: an error, since the file is not what was published.
    assert!(out.contains("error: values/2026-01.json $: SHA-256"), "{out}");
}

#[test]
fn usage_errors_exit_2() {
    assert_eq!(run(&mut bin()).0, 2);
    assert_eq!(run(bin().arg("frobnicate")).0, 2);
    assert_eq!(run(bin().arg("validate")).0, 2);
    assert_eq!(run(bin().args(["import", "--values", "x.csv"])).0, 2);
    assert_eq!(run(bin().args(["boundaries", "--input", "x"])).0, 2);
    let (code, out) = run(bin().arg("--help"));
    assert_eq!(code, 0);
    assert!(out.contains("validate") && out.contains("import") && out.contains("boundaries"));
}

#[test]
fn an_unknown_flag_is_refused_by_name() {
    // A typo used to run silently with the default tolerance.
    let dir = temp("typo");
    let (code, out) =
        run(bin().args(["boundaries", "--input", "in.json", "--districts", "d.csv", "--out"]).arg(dir.join("b.json")).args(["--tolerence", "50"]));
    assert_eq!(code, 2, "{out}");
    assert!(out.contains("--tolerence"), "{out}");
    assert!(out.contains("--tolerance"), "suggests the flag it resembles: {out}");
    assert!(!dir.join("b.json").exists(), "nothing is written on a wrong command line");
}

#[test]
fn a_flag_missing_its_value_is_refused() {
    // `--districts` without its value used to take `--out` as the file name.
    let dir = temp("novalue");
    let (code, out) = run(bin().args(["sample", "--districts", "--out"]).arg(&dir));
    assert_eq!(code, 2, "{out}");
    assert!(out.contains("--districts"), "{out}");
    assert!(!dir.join("manifest.json").exists(), "{out}");
    // Last on the line, with nothing after it.
    let (code, out) = run(bin().args(["boundaries", "--input", "in.json", "--districts", "d.csv", "--out", "b.json", "--width"]));
    assert_eq!(code, 2, "{out}");
    assert!(out.contains("--width"), "{out}");
}

#[test]
fn values_that_do_not_parse_are_refused_with_exit_2() {
    for args in [&["--width", "0"][..], &["--tolerance", "-1"], &["--tolerance", "lots"]] {
        let (code, out) = run(bin().args(["boundaries", "--input", "in.json", "--districts", "d.csv", "--out", "b.json"]).args(args));
        assert_eq!(code, 2, "{args:?}: {out}");
        assert!(out.contains(args[0]), "{args:?}: {out}");
    }
    let (code, out) = run(bin().args(["import", "--values", "v", "--indicators", "i", "--districts", "d", "--meta", "m", "--out", "o", "--period", "nfhs-5"]));
    assert_eq!(code, 2, "{out}");
    assert!(out.contains("--period"), "{out}");
}

#[test]
fn help_of_each_command_lists_its_flags() {
    let commands: [(&str, &[&str]); 4] = [
        ("validate", &["<manifest.json>", "Exit codes", "0 when there are no errors", "1 when there are errors", "2 when the command line is wrong"]),
        ("sample", &["--districts", "--out"]),
        (
            "import",
            &["--values", "--indicators", "--districts", "--meta", "--out", "--aliases", "--flags", "--district-column", "--indicator-column", "--period"],
        ),
        (
            "boundaries",
            &["--input", "--districts", "--out", "--aliases", "--manifest", "--name-property", "--code-property", "--object", "--width", "--tolerance"],
        ),
    ];
    for (command, expected) in commands {
        for how in [vec![command, "--help"], vec!["help", command]] {
            let (code, out) = run(bin().args(&how));
            assert_eq!(code, 0, "{how:?}: {out}");
            for text in expected {
                assert!(out.contains(text), "{how:?} should mention {text}: {out}");
            }
        }
    }
    // Defaults are shown where they apply.
    let (_, out) = run(bin().args(["boundaries", "--help"]));
    assert!(out.contains("[default: 1.2]") && out.contains("[default: 1000]"), "{out}");
}

#[test]
#[cfg_attr(shared_absent, ignore = "needs ../shared/reference, which is absent on this machine")]
fn sample_generation_is_deterministic_and_matches_the_committed_sample() {
    let shared = shared();
    let dir = temp("sample");
    let (code, out) = run(bin()
        .args(["sample", "--districts"])
        .arg(shared.join("mp-districts.csv"))
        .arg("--boundaries")
        .arg(shared.join("geo/mp-districts-2011.topo.json"))
        .arg("--out")
        .arg(&dir));
    assert_eq!(code, 0, "{out}");
    let committed = root().join("public/data/sample");
    for rel in ["manifest.json", "boundaries.json", "all-values.csv", "datapackage.json"]
        .map(String::from)
        .into_iter()
        .chain(std::fs::read_dir(committed.join("values")).unwrap().map(|e| format!("values/{}", e.unwrap().file_name().to_string_lossy())))
    {
        // Compared as hashes: a difference names the file, not a screenful of bytes.
        let hash = |p: PathBuf| samiksha_core::sha256_hex(&std::fs::read(p).unwrap());
        assert_eq!(hash(dir.join(&rel)), hash(committed.join(&rel)), "{rel} differs: run `make sample`");
    }
}

#[test]
fn import_of_a_long_csv_is_strict_and_reports_what_it_left_out() {
    let f = fixtures().join("long");
    let out_dir = temp("long");
    let import = |values: &Path, extra: &[&str]| {
        run(bin()
            .arg("import")
            .arg("--values")
            .arg(values)
            .args(["--indicators".as_ref(), f.join("indicators.csv").as_os_str()])
            .args(["--districts".as_ref(), f.join("districts.csv").as_os_str()])
            .args(["--meta".as_ref(), f.join("meta.json").as_os_str()])
            .args(["--flags".as_ref(), f.join("flags.csv").as_os_str()])
            .arg("--out")
            .arg(&out_dir)
            .args(extra))
    };
    // A cell that is not a number stops the import, whatever the flags, naming line and column.
    let broken = temp("long-broken").join("values.csv");
    std::fs::write(&broken, std::fs::read_to_string(f.join("values.csv")).unwrap() + "Gwalior,mut,2025-12,abc,\n").unwrap();
    let (code, out) = import(&broken, &["--allow-unmatched"]);
    assert_eq!(code, 1, "{out}");
    assert!(out.contains("values.csv line 9, column \"value\": \"abc\""), "{out}");
    assert!(!out_dir.join("manifest.json").exists());
    let fixed = f.join("values.csv");
    // Strict: the unmatched name is an error.
    let (code, out) = import(&fixed, &[]);
    assert_eq!(code, 1, "{out}");
    assert!(out.contains("\"Atlantis\" (1 rows, first at ") && out.contains("): no district with a similar name"), "{out}");
    // Deliberate: each omission is one line.
    let (code, out) = import(&fixed, &["--allow-unmatched"]);
    assert_eq!(code, 0, "{out}");
    assert!(out.contains("left out 1 district name(s) that match no district (1 rows), as --allow-unmatched allows: \"Atlantis\""), "{out}");
    assert!(out.contains("left out 1 indicator(s) not in the indicator sheet (1 rows), as --allow-unmatched allows: \"ghost\""), "{out}");
    let (ds, problems) = load(&out_dir);
    assert!(problems.is_empty(), "{problems:#?}");
    let (i, jan) = (ds.indicator_index("mutation-pending").unwrap(), ds.period_index("2026-01").unwrap());
    let value = |slug: &str| ds.observation(i, jan, ds.unit_index(slug).unwrap()).cloned();
    assert_eq!(value("indore").unwrap().number(), Some(1234.0));
    // "(7.5)" is a small-sample value: kept, with the flag the flag sheet gives brackets.
    let gw = value("gwalior").unwrap();
    assert_eq!((gw.number(), gw.flag()), (Some(7.5), Some("n25-49")));
    // "*" means suppressed: a gap with its flag, not a zero.
    let rewa = value("rewa").unwrap();
    assert_eq!(rewa.reading, Reading::Gap(GapReason::Suppressed));
    // No row at all: not reported (Mauganj existed in 2026).
    assert_eq!(value("mauganj").unwrap().reading, Reading::Gap(GapReason::NotReported));
    assert_eq!(ds.periods().iter().map(|p| p.id.as_str()).collect::<Vec<_>>(), ["2025-12", "2026-01"]);
}

#[test]
fn import_names_a_gap_word_the_format_does_not_have() {
    // The flag sheet's gap column becomes the cells' gap reason, so it must be a word of the format.
    let f = fixtures().join("long");
    let dir = temp("gapword");
    std::fs::write(dir.join("flags.csv"), "text,id,label_en,label_hi,gap\n*,lt25,Hidden,छिपा,hidden\n").unwrap();
    let (code, out) = run(bin()
        .arg("import")
        .args(["--values".as_ref(), f.join("values.csv").as_os_str()])
        .args(["--indicators".as_ref(), f.join("indicators.csv").as_os_str()])
        .args(["--districts".as_ref(), f.join("districts.csv").as_os_str()])
        .args(["--meta".as_ref(), f.join("meta.json").as_os_str()])
        .args(["--flags".as_ref(), dir.join("flags.csv").as_os_str()])
        .arg("--out")
        .arg(dir.join("out")));
    assert_eq!(code, 1, "{out}");
    assert!(out.contains("flags.csv line 2, column \"gap\": gap \"hidden\" is not one of not_reported, suppressed"), "{out}");
    assert!(!dir.join("out/manifest.json").exists(), "{out}");
}

fn import_nfhs(shared: &Path, out_dir: &Path, with_aliases: bool) -> (i32, String) {
    let f = fixtures().join("nfhs");
    let mut cmd = bin();
    cmd.arg("import")
        .args(["--values".as_ref(), shared.join("nfhs5/mp-district-factsheets.csv").as_os_str()])
        .args(["--indicators".as_ref(), f.join("indicators.csv").as_os_str()])
        .args(["--districts".as_ref(), shared.join("mp-districts.csv").as_os_str()])
        .args(["--meta".as_ref(), f.join("meta.json").as_os_str()])
        .args(["--flags".as_ref(), f.join("flags.csv").as_os_str()])
        .args(["--indicator-column", "indicator_no"])
        .args(["--period", "nfhs-4=nfhs4_2015_16:flag_nfhs4@2015", "--period", "nfhs-5=nfhs5_2019_21:flag_nfhs5@2019"])
        .arg("--out")
        .arg(out_dir);
    if with_aliases {
        // The sheet takes 12 of the file's indicators: the rest are left out on purpose.
        cmd.args(["--aliases".as_ref(), f.join("aliases.csv").as_os_str()]).arg("--allow-unmatched");
    }
    run(&mut cmd)
}

#[test]
#[cfg_attr(shared_absent, ignore = "needs ../shared/reference, which is absent on this machine")]
fn import_of_the_real_nfhs_file_reconciles_names_and_keeps_suppressed_values_as_gaps() {
    let shared = shared();
    // Without the alias table the import stops, naming each district it could not match with
    // the alias line that fixes it.
    let (code, out) = import_nfhs(&shared, &temp("nfhs-raw"), false);
    assert_eq!(code, 1, "{out}");
    for (name, slug) in [("Khandwa (East Nimar)", "khandwa"), ("Khargone (West Nimar)", "khargone"), ("Narsimhapur", "narsinghpur")] {
        assert!(out.contains(&format!("add the line `{name},{slug}` to an --aliases file")), "{name} should be reported: {out}");
    }
    // With it, every district of the survey is matched and the dataset validates.
    let dir = temp("nfhs");
    let (code, out) = import_nfhs(&shared, &dir, true);
    assert_eq!(code, 0, "{out}");
    assert!(!out.contains("district name(s)"), "{out}");
    // This fixture's meta.json gives no period labels: the Hindi page would show Latin ids.
    assert!(out.contains("warning: no label for nfhs-4, nfhs-5 in meta.json's \"periods\""), "{out}");
    assert!(out.contains("left out 92 indicator(s) not in the indicator sheet (4692 rows), as --allow-unmatched allows: (empty), \"100\""), "{out}");
    assert!(out.contains("0 errors"), "{out}");
    let (ds, problems) = load(&dir);
    assert!(problems.iter().all(|p| p.severity != samiksha_core::Severity::Error), "{problems:#?}");
    assert_eq!(ds.periods().iter().map(|p| p.id.as_str()).collect::<Vec<_>>(), ["nfhs-4", "nfhs-5"]);
    let n5 = ds.period_index("nfhs-5").unwrap();
    let obs = |ind: &str, slug: &str| ds.observation(ds.indicator_index(ind).unwrap(), n5, ds.unit_index(slug).unwrap()).cloned().unwrap();
    // Renamed and aliased districts carry values.
    assert!(obs("stunting", "khandwa").number().is_some());
    assert!(obs("stunting", "narsinghpur").number().is_some());
    assert!(obs("stunting", "narmadapuram").number().is_some(), "Hoshangabad matched by its former name");
    // Districts created after the survey year did not exist then.
    assert_eq!(obs("stunting", "mauganj").reading, Reading::Gap(GapReason::UnitDidNotExist));
    // Every suppressed cell of the file stays a gap with its flag.
    let mut suppressed = 0;
    let mut small = 0;
    for i in 0..ds.indicators().len() {
        for o in ds.column(i, n5).unwrap().iter().flatten() {
            if o.reading == Reading::Gap(GapReason::Suppressed) {
                assert_eq!(o.flag(), Some("lt25"));
                suppressed += 1;
            }
            if o.flag() == Some("n25-49") {
                assert!(o.number().is_some());
                small += 1;
            }
        }
    }
    assert!(suppressed > 0 && small > 0, "suppressed {suppressed}, small-sample {small}");
}

/// A segment between two integer points, its ends in sorted order.
type Segment = ((i64, i64), (i64, i64));

fn segments_once_length(b: &serde_json::Value) -> f64 {
    // Sum of lengths of segments that belong to one ring only: the state's outline when
    // neighbours share identical borders, much more when they do not.
    let mut count: std::collections::HashMap<Segment, (usize, f64)> = Default::default();
    for u in b["units"].as_array().unwrap() {
        for ring in u["rings"].as_array().unwrap() {
            let flat: Vec<i64> = ring.as_array().unwrap().iter().map(|v| v.as_i64().unwrap()).collect();
            let mut pts = vec![(flat[0], flat[1])];
            for d in flat[2..].chunks(2) {
                let last = *pts.last().unwrap();
                pts.push((last.0 + d[0], last.1 + d[1]));
            }
            for w in pts.windows(2) {
                let key = if w[0] < w[1] { (w[0], w[1]) } else { (w[1], w[0]) };
                let len = (((w[0].0 - w[1].0).pow(2) + (w[0].1 - w[1].1).pow(2)) as f64).sqrt();
                count.entry(key).or_insert((0, len)).0 += 1;
            }
        }
    }
    count.values().filter(|(n, _)| *n == 1).map(|(_, l)| l).sum()
}

#[test]
#[cfg_attr(shared_absent, ignore = "needs ../shared/reference, which is absent on this machine")]
fn boundaries_from_the_real_files_match_report_and_stay_small() {
    let shared = shared();
    let dir = temp("geo");
    let mut outlines = Vec::new();
    for (input, tolerance) in [("geo/mp-districts-2011.topo.json", "1.2"), ("geo/mp-districts-2011.geojson", "1.2"), ("geo/mp-districts-2011.topo.json", "0")] {
        let out_file = dir.join("boundaries.json");
        let (code, out) = run(bin()
            .arg("boundaries")
            .args(["--input".as_ref(), shared.join(input).as_os_str()])
            .args(["--districts".as_ref(), shared.join("mp-districts.csv").as_os_str()])
            .args(["--tolerance", tolerance])
            .arg("--out")
            .arg(&out_file));
        assert_eq!(code, 0, "{out}");
        assert!(out.contains("52 districts matched"), "{out}");
        assert!(out.contains("renamed: \"Hoshangabad\" matched to narmadapuram"), "{out}");
        for slug in ["mauganj", "maihar", "pandhurna"] {
            assert!(out.contains(&format!("no polygon for district {slug}")), "{out}");
        }
        assert!(!out.contains("matches no district"), "{out}");
        let bytes = std::fs::read(&out_file).unwrap();
        let b: serde_json::Value = serde_json::from_slice(&bytes).unwrap();
        assert_eq!(b["units"].as_array().unwrap().len(), 52);
        if tolerance != "0" {
            let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
            std::io::Write::write_all(&mut gz, &bytes).unwrap();
            let size = gz.finish().unwrap().len();
            assert!(size < 60_000, "{input}: {size} bytes gzipped");
        }
        let w = b["width"].as_f64().unwrap();
        let h = b["height"].as_f64().unwrap();
        // Madhya Pradesh is wider than tall, but not stretched (about 1.4:1 on the ground).
        assert!((1.2..1.7).contains(&(w / h)), "aspect {}", w / h);
        outlines.push(segments_once_length(&b));
    }
    // Simplification keeps shared borders shared: the unshared length stays close to the
    // state's outline as drawn unsimplified.
    let outline = outlines[2];
    for o in &outlines[..2] {
        assert!(*o < outline * 1.1, "unshared length {o} against outline {outline}");
    }
}

#[test]
#[cfg_attr(shared_absent, ignore = "needs ../shared/reference, which is absent on this machine")]
fn boundaries_can_be_listed_in_a_manifest() {
    let shared = shared();
    let dir = temp("attach");
    std::fs::copy(root().join("public/data/sample/manifest.json"), dir.join("manifest.json")).unwrap();
    let (code, out) = run(bin()
        .arg("boundaries")
        .args(["--input".as_ref(), shared.join("geo/mp-districts-2011.topo.json").as_os_str()])
        .args(["--districts".as_ref(), shared.join("mp-districts.csv").as_os_str()])
        .arg("--out")
        .arg(dir.join("boundaries.json"))
        .arg("--manifest")
        .arg(dir.join("manifest.json")));
    assert_eq!(code, 0, "{out}");
    let (m, problems) = samiksha_core::format::manifest::parse_manifest("manifest.json", &std::fs::read(dir.join("manifest.json")).unwrap());
    assert!(problems.iter().all(|p| p.severity == samiksha_core::Severity::Warning));
    let b = m.unwrap().boundaries.unwrap();
    assert_eq!(b.path, "boundaries.json");
    assert_eq!(b.bytes, Some(std::fs::metadata(dir.join("boundaries.json")).unwrap().len()));
}

/// A GeoJSON square for each name, side by side.
fn squares(names: &[&str]) -> String {
    let features: Vec<String> = names
        .iter()
        .enumerate()
        .map(|(k, n)| {
            let x = 77.0 + k as f64;
            format!(
                r#"{{"type":"Feature","properties":{{"district":"{n}"}},"geometry":{{"type":"Polygon","coordinates":[[[{x},23],[{x1},23],[{x1},24],[{x},24],[{x},23]]]}}}}"#,
                x1 = x + 0.9
            )
        })
        .collect();
    format!(r#"{{"type":"FeatureCollection","features":[{}]}}"#, features.join(","))
}

#[test]
fn boundaries_are_strict_unless_an_omission_is_deliberate() {
    let dir = temp("strict");
    let list = dir.join("districts.csv");
    std::fs::write(
        &list,
        "slug,name_en,name_hi,division,division_en,division_hi,boundary_name,boundary_code,carved_from,year_created,lat,lon\n\
         bhopal,Bhopal,भोपाल,bhopal,Bhopal,भोपाल,,,,,23.2,77.4\n\
         sehore,Sehore,सीहोर,bhopal,Bhopal,भोपाल,,,,,23.2,77.1\n\
         newtown,Newtown,न्यूटाउन,bhopal,Bhopal,भोपाल,,,sehore,2024,23.0,77.0\n\
         island,Island,आइलैंड,bhopal,Bhopal,भोपाल,,,,2025,22.0,76.0\n",
    )
    .unwrap();
    let boundaries = |input: &str, extra: &[&str]| {
        let geo = dir.join("in.geojson");
        std::fs::write(&geo, input).unwrap();
        let out = dir.join("boundaries.json");
        let _ = std::fs::remove_file(&out);
        let result = run(bin().arg("boundaries").arg("--input").arg(&geo).arg("--districts").arg(&list).arg("--out").arg(&out).args(extra));
        (result, out.exists())
    };

    // A polygon that names no district, and a district with neither polygon nor lineage.
    let ((code, out), written) = boundaries(&squares(&["Bhopal", "Sehore", "Atlantis"]), &[]);
    assert_eq!(code, 1, "{out}");
    assert!(!written, "nothing is written on an error");
    assert!(out.contains("1 polygon(s) match no district (Atlantis): add each name to an --aliases file as `alias,slug`"), "{out}");
    assert!(out.contains("1 district(s) have no polygon and no carved_from district with one (island)"), "{out}");
    assert!(out.contains("no polygon for district newtown (the viewer shows it within sehore"), "{out}");
    assert!(out.contains("--allow-unmatched"), "{out}");

    // The same, accepted as deliberate.
    let ((code, out), written) = boundaries(&squares(&["Bhopal", "Sehore", "Atlantis"]), &["--allow-unmatched"]);
    assert_eq!(code, 0, "{out}");
    assert!(written && out.contains("2 districts matched"), "{out}");

    // Matching nothing is the wrong file or property, whatever the flag.
    let ((code, out), written) = boundaries(&squares(&["Paris", "Lyon"]), &["--allow-unmatched"]);
    assert_eq!(code, 1, "{out}");
    assert!(!written);
    assert!(out.contains("no polygon matched any district: check that --name-property (district)"), "{out}");
}

/// Runs `import` on the fixture state (a state that is not Madhya Pradesh: 7 districts in two
/// मंडल, a district named in the values by its former name, one created after the first period
/// and one name that is no district) into `out`.
fn import_state(values: &Path, out: &Path, extra: &[&str]) -> (i32, String) {
    let f = fixtures().join("state");
    run(bin()
        .arg("import")
        .arg("--values")
        .arg(values)
        .args(["--indicators".as_ref(), f.join("indicators.csv").as_os_str()])
        .args(["--districts".as_ref(), f.join("districts.csv").as_os_str()])
        .args(["--meta".as_ref(), f.join("meta.json").as_os_str()])
        .arg("--out")
        .arg(out)
        .args(extra))
}

#[test]
fn a_fixture_state_imports_strictly_and_a_second_import_keeps_boundaries_and_weights() {
    let f = fixtures().join("state");
    let dir = temp("state");
    let out = dir.join("uk");

    // Strict: "Roorkee" is no district, so nothing is written and the message says what to do.
    let (code, msg) = import_state(&f.join("values.csv"), &out, &[]);
    assert_eq!(code, 1, "{msg}");
    assert!(msg.contains("values.csv: 1 district name(s) match no district in"), "{msg}");
    assert!(msg.contains("\"Roorkee\" (4 rows, first at ") && msg.contains("column \"district\"): no district with a similar name"), "{msg}");
    assert!(msg.contains("pass --allow-unmatched"), "{msg}");
    assert!(!out.join("manifest.json").exists(), "{msg}");

    // A misspelling gets a precise suggestion: the alias line to add.
    let typo = dir.join("typo.csv");
    std::fs::write(&typo, std::fs::read_to_string(f.join("values.csv")).unwrap().replace("Roorkee,", "Pithoragarth,")).unwrap();
    let (code, msg) = import_state(&typo, &out, &[]);
    assert_eq!(code, 1, "{msg}");
    assert!(msg.contains("): probably pithoragarh (Pithoragarh); add the line `Pithoragarth,pithoragarh` to an --aliases file"), "{msg}");

    // Deliberate: the name is left out, summarised in one line, and the rest is published.
    let (code, msg) = import_state(&f.join("values.csv"), &out, &["--allow-unmatched"]);
    assert_eq!(code, 0, "{msg}");
    assert!(msg.contains("read 30 rows: 26 values for 7 districts, 2 indicators, 2 periods"), "{msg}");
    assert!(msg.contains("left out 1 district name(s) that match no district (4 rows), as --allow-unmatched allows: \"Roorkee\""), "{msg}");
    assert!(msg.contains("0 errors"), "{msg}");

    // The manifest: the state's own division word, period labels from meta.json (made from the
    // id otherwise), the former name in both languages, weights and unit labels from the sheet.
    let m: serde_json::Value = serde_json::from_slice(&std::fs::read(out.join("manifest.json")).unwrap()).unwrap();
    assert_eq!(m["division_level"]["hi"], "मंडल");
    assert_eq!(m["divisions"].as_array().unwrap().len(), 2);
    assert_eq!(m["periods"][0]["label"]["hi"], "मार्च 2023 (वर्षांत)");
    assert_eq!(m["periods"][1]["label"]["hi"], "मार्च 2024");
    let pauri = m["units"].as_array().unwrap().iter().find(|u| u["slug"] == "pauri").unwrap();
    assert_eq!(pauri["former_names"][0]["hi"], "गढ़वाल");
    assert_eq!(m["indicators"][0]["weight"], 2);
    assert_eq!(m["indicators"][1]["unit_label"]["hi"], "प्रकरण");
    assert_eq!(m["departments"].as_array().unwrap().iter().find(|d| d["id"] == "water").unwrap()["weight"], 3);
    let (ds, _) = load(&out);
    assert_eq!(ds.manifest.division_level.hi, "मंडल");
    let (tap, first, last) = (ds.indicator_index("tap-water").unwrap(), ds.period_index("2023-03").unwrap(), ds.period_index("2024-03").unwrap());
    let obs = |p: usize, slug: &str| ds.observation(tap, p, ds.unit_index(slug).unwrap()).cloned().unwrap();
    // The values' "Garhwal" is Pauri's former name; Didihat did not exist in March 2023.
    assert_eq!(obs(first, "pauri").number(), Some(61.5));
    assert_eq!(obs(first, "didihat").reading, Reading::Gap(GapReason::UnitDidNotExist));
    assert_eq!(obs(last, "didihat").number(), Some(83.5));
    // The whole dataset as one CSV, listed with its hash, for the About view's download.
    let csv = std::fs::read_to_string(out.join("all-values.csv")).unwrap();
    assert!(csv.starts_with("period,district,indicator,value,flag,gap\n"), "{csv}");
    assert!(csv.contains("2023-03,didihat,tap-water,,,unit_did_not_exist\n"), "{csv}");
    assert!(csv.contains("2024-03,pauri,mutation-pending,211,,\n"), "{csv}");
    assert_eq!(csv.lines().count(), 1 + 2 * 2 * 7);
    assert_eq!(m["download"]["sha256"], samiksha_core::sha256_hex(csv.as_bytes()));

    // Boundaries: six polygons; Didihat is placed within Pithoragarh by its lineage.
    std::fs::write(dir.join("uk.geojson"), squares(&["Dehradun", "Haridwar", "Garhwal", "Almora", "Nainital", "Pithoragarh"])).unwrap();
    let (code, msg) = run(bin()
        .arg("boundaries")
        .arg("--input")
        .arg(dir.join("uk.geojson"))
        .args(["--districts".as_ref(), f.join("districts.csv").as_os_str()])
        .arg("--out")
        .arg(out.join("boundaries.json"))
        .arg("--manifest")
        .arg(out.join("manifest.json"))
        .args(["--source", "Test squares", "--source-hi", "परीक्षण वर्ग"]));
    assert_eq!(code, 0, "{msg}");
    assert!(msg.contains("6 districts matched"), "{msg}");

    // A second import of changed values keeps the boundary file, its source and the weights.
    let changed = dir.join("changed.csv");
    std::fs::write(&changed, std::fs::read_to_string(f.join("values.csv")).unwrap().replace("Dehradun,TAP,2024-03,53.5", "Dehradun,TAP,2024-03,99.5")).unwrap();
    let (code, msg) = import_state(&changed, &out, &["--allow-unmatched"]);
    assert_eq!(code, 0, "{msg}");
    assert!(msg.contains("kept from the previous manifest in the folder: boundaries, sources"), "{msg}");
    let m2: serde_json::Value = serde_json::from_slice(&std::fs::read(out.join("manifest.json")).unwrap()).unwrap();
    assert_eq!(m2["boundaries"]["path"], "boundaries.json");
    assert!(m2["sources"].as_array().unwrap().iter().any(|s| s["name"]["hi"] == "परीक्षण वर्ग"), "{m2}");
    assert_eq!(m2["indicators"][0]["weight"], 2);
    let (ds, problems) = load(&out);
    assert!(problems.iter().all(|p| p.severity == samiksha_core::Severity::Warning), "{problems:#?}");
    let dehradun = ds.observation(ds.indicator_index("tap-water").unwrap(), ds.period_index("2024-03").unwrap(), ds.unit_index("dehradun").unwrap());
    assert_eq!(dehradun.unwrap().number(), Some(99.5));
}

#[test]
fn import_errors_name_the_file_line_and_column() {
    let f = fixtures().join("state");
    let dir = temp("csv-errors");
    // An indicator key the sheet does not have is an error unless left out on purpose.
    let extra = dir.join("extra.csv");
    let text: String =
        std::fs::read_to_string(f.join("values.csv")).unwrap().lines().filter(|l| !l.starts_with("Roorkee,")).map(|l| format!("{l}\n")).collect();
    std::fs::write(&extra, text + "Dehradun,ODF,2024-03,12\n").unwrap();
    let (code, msg) = import_state(&extra, &dir.join("a"), &[]);
    assert_eq!(code, 1, "{msg}");
    assert!(msg.contains("1 indicator key(s) in column \"indicator\" are not in the indicator sheet"), "{msg}");
    assert!(msg.contains("\"ODF\""), "{msg}");

    // Two rows for one cell, and a cell that is not a number, are named by line and column.
    let bad = dir.join("bad.csv");
    std::fs::write(&bad, "district,indicator,period,value\nDehradun,TAP,2024-03,12\nAlmora,TAP,2024-03,twelve\n").unwrap();
    let (code, msg) = import_state(&bad, &dir.join("b"), &[]);
    assert_eq!(code, 1, "{msg}");
    assert!(msg.contains("bad.csv line 3, column \"value\": \"twelve\""), "{msg}");
    std::fs::write(&bad, "district,indicator,period,value\nDehradun,TAP,2024-03,12\nDehradun,TAP,2024-03,13\n").unwrap();
    let (code, msg) = import_state(&bad, &dir.join("b"), &[]);
    assert_eq!(code, 1, "{msg}");
    assert!(msg.contains("bad.csv line 3: a second value for dehradun / tap-water / 2024-03 (the first is on line 2)"), "{msg}");
    // Missing columns are named at once.
    std::fs::write(&bad, "district,indicator\nDehradun,TAP\n").unwrap();
    let (code, msg) = import_state(&bad, &dir.join("b"), &[]);
    assert_eq!(code, 1, "{msg}");
    assert!(msg.contains("bad.csv: missing columns \"period\", \"value\""), "{msg}");

    // A sheet word the format does not have: found before anything is written, so a good
    // earlier publication in the folder stays as it was.
    let good = dir.join("good");
    let (code, msg) = import_state(&f.join("values.csv"), &good, &["--allow-unmatched"]);
    assert_eq!(code, 0, "{msg}");
    let before = std::fs::read(good.join("manifest.json")).unwrap();
    let sheet = dir.join("indicators.csv");
    std::fs::write(&sheet, std::fs::read_to_string(f.join("indicators.csv")).unwrap().replace(",percent,", ",percentage,")).unwrap();
    let (code, msg) = run(bin()
        .arg("import")
        .args(["--values".as_ref(), f.join("values.csv").as_os_str()])
        .arg("--indicators")
        .arg(&sheet)
        .args(["--districts".as_ref(), f.join("districts.csv").as_os_str()])
        .args(["--meta".as_ref(), f.join("meta.json").as_os_str()])
        .arg("--allow-unmatched")
        .arg("--out")
        .arg(&good));
    assert_eq!(code, 1, "{msg}");
    assert!(msg.contains("would not pass validate, so nothing was written") && msg.contains("\"percentage\""), "{msg}");
    assert_eq!(std::fs::read(good.join("manifest.json")).unwrap(), before);

    // A district list with a wrong cell.
    let list = dir.join("districts.csv");
    std::fs::write(&list, std::fs::read_to_string(f.join("districts.csv")).unwrap().replace("30.3,78.0", "north,78.0")).unwrap();
    let (code, msg) = run(bin()
        .arg("import")
        .args(["--values".as_ref(), f.join("values.csv").as_os_str()])
        .args(["--indicators".as_ref(), f.join("indicators.csv").as_os_str()])
        .arg("--districts")
        .arg(&list)
        .args(["--meta".as_ref(), f.join("meta.json").as_os_str()])
        .arg("--out")
        .arg(dir.join("c")));
    assert_eq!(code, 1, "{msg}");
    assert!(msg.contains("districts.csv line 2, column \"lat\": \"north\" is not a latitude in degrees"), "{msg}");
}

#[test]
#[cfg_attr(shared_absent, ignore = "needs ../shared/reference, which is absent on this machine")]
fn the_committed_nfhs_dataset_holds_the_survey_values() {
    // The committed public/data/nfhs-mp (written by tools/nfhs-mp.sh) against the source CSV:
    // for a lower-is-better and a higher-is-better indicator, the same NFHS-5 values, and the
    // same first and last districts.
    let shared = shared();
    let mut src = csv::Reader::from_path(shared.join("nfhs5/mp-district-factsheets.csv")).unwrap();
    let rows: Vec<csv::StringRecord> = src.records().map(Result::unwrap).collect();
    let committed = std::fs::read_to_string(root().join("public/data/nfhs-mp/all-values.csv")).unwrap();
    let manifest: serde_json::Value = serde_json::from_slice(&std::fs::read(root().join("public/data/nfhs-mp/manifest.json")).unwrap()).unwrap();
    let name_of = |slug: &str| manifest["units"].as_array().unwrap().iter().find(|u| u["slug"] == slug).unwrap()["name"]["en"].as_str().unwrap().to_lowercase();
    for (key, id, lower_is_better) in [("73", "stunting", true), ("49", "full-immunisation", false)] {
        let mut source: Vec<(f64, String)> =
            rows.iter().filter(|r| &r[1] == key).filter_map(|r| fact_sheet_number(&r[3]).map(|v| (v, r[0].to_lowercase()))).collect();
        let mut ours: Vec<(f64, String)> = committed
            .lines()
            .map(|l| l.split(',').collect::<Vec<_>>())
            .filter(|f| f[0] == "nfhs-5" && f[2] == id && !f[3].is_empty())
            .map(|f| (f[3].parse::<f64>().unwrap(), name_of(f[1])))
            .collect();
        let sort = |v: &mut Vec<(f64, String)>| v.sort_by(|a, b| a.0.total_cmp(&b.0));
        sort(&mut source);
        sort(&mut ours);
        assert_eq!(source.iter().map(|x| x.0).collect::<Vec<_>>(), ours.iter().map(|x| x.0).collect::<Vec<_>>(), "{id}");
        let (best, worst) = if lower_is_better { (0, source.len() - 1) } else { (source.len() - 1, 0) };
        for end in [best, worst] {
            // The same district (the source may spell it another way: "Khandwa (East Nimar)").
            assert!(
                source[end].1.starts_with(&ours[end].1) || ours[end].1.starts_with(source[end].1.split(' ').next().unwrap()),
                "{id}: {:?} vs {:?}",
                source[end],
                ours[end]
            );
        }
    }
}

/// A fact-sheet number read by the fact sheets' own convention (a bracketed figure is from a
/// small sample and still a number; "*" and blanks are no number). Written here on purpose
/// rather than calling the importer's parser: the test compares the importer's output with an
/// independent reading of its source, which calling the code under test would not be.
fn fact_sheet_number(raw: &str) -> Option<f64> {
    let t = raw.trim().trim_start_matches('(').trim_end_matches(')').replace(',', "");
    t.parse::<f64>().ok()
}

#[test]
fn catalog_adds_updates_and_orders_datasets_and_refuses_what_the_viewer_could_not_read() {
    let dir = temp("catalog");
    let data = dir.join("data");
    for f in ["one", "two", "deep/three"] {
        std::fs::create_dir_all(data.join(f)).unwrap();
        std::fs::copy(root().join("public/data/sample/manifest.json"), data.join(f).join("manifest.json")).unwrap();
    }
    let catalog = data.join("catalog.json");
    let add = |id: &str, folder: &str, first: bool| {
        let mut cmd = bin();
        cmd.arg("catalog").arg("--catalog").arg(&catalog).args(["--id", id]).arg("--manifest").arg(data.join(folder).join("manifest.json"));
        if first {
            cmd.arg("--first");
        }
        run(&mut cmd)
    };
    let ids = || {
        let c = samiksha_core::format::catalog::parse_catalog("catalog.json", &std::fs::read(&catalog).unwrap());
        assert!(c.1.is_empty(), "{:?}", c.1);
        c.0.unwrap().datasets.iter().map(|d| format!("{}={}", d.id, d.folder)).collect::<Vec<_>>()
    };
    assert_eq!(add("one", "one", false).0, 0);
    let (code, out) = add("two", "two", false);
    assert_eq!(code, 0, "{out}");
    assert!(out.contains("added \"two\" (two/)") && out.contains("lists one, two (the first is the default)"), "{out}");
    assert_eq!(ids(), ["one=one/", "two=two/"]);
    // --first moves an entry to the front; adding it again updates it in place.
    assert_eq!(add("two", "two", true).0, 0);
    assert_eq!(ids(), ["two=two/", "one=one/"]);
    let (code, out) = add("one", "one", false);
    assert!(code == 0 && out.contains("updated \"one\""), "{out}");
    assert_eq!(ids(), ["two=two/", "one=one/"]);
    // A bad id, a folder the viewer's worker could not tell apart, a manifest outside the
    // catalogue's folder: refused, and the catalogue is left as it was.
    let before = std::fs::read(&catalog).unwrap();
    let (code, out) = add("Two Words", "two", false);
    assert!(code == 1 && out.contains("expected lower-case letters, digits and hyphens"), "{out}");
    let (code, out) = add("three", "deep/three", false);
    assert!(code == 1 && out.contains("must sit directly in the catalogue's folder"), "{out}");
    let (code, out) =
        run(bin().arg("catalog").arg("--catalog").arg(&catalog).args(["--id", "x"]).arg("--manifest").arg(root().join("public/data/sample/manifest.json")));
    assert!(code == 1 && out.contains("is not in a folder inside the catalogue's folder"), "{out}");
    assert_eq!(std::fs::read(&catalog).unwrap(), before);
}

#[test]
#[cfg_attr(shared_absent, ignore = "needs ../shared/reference, which is absent on this machine")]
fn the_committed_nfhs_dataset_is_what_its_script_writes() {
    // tools/nfhs-mp.sh with this build of the CLI, into a temporary folder: every file must be
    // the committed one, so the committed dataset never drifts from its inputs.
    let shared = shared();
    let dir = temp("nfhs-script");
    let out = dir.join("nfhs-mp");
    let status = Command::new("bash")
        .arg(root().join("tools/nfhs-mp.sh"))
        .env("SHARED", shared.parent().unwrap())
        .env("SAMIKSHA_PUBLISH", env!("CARGO_BIN_EXE_samiksha-publish"))
        .env("OUT", &out)
        .env("CATALOG", dir.join("catalog.json"))
        .output()
        .expect("bash runs");
    assert!(status.status.success(), "{}{}", String::from_utf8_lossy(&status.stdout), String::from_utf8_lossy(&status.stderr));
    let committed = root().join("public/data/nfhs-mp");
    let hash = |p: PathBuf| samiksha_core::sha256_hex(&std::fs::read(p).unwrap());
    for rel in ["manifest.json", "boundaries.json", "all-values.csv", "datapackage.json", "values/nfhs-4.json", "values/nfhs-5.json"] {
        assert_eq!(hash(out.join(rel)), hash(committed.join(rel)), "{rel} differs: run `make nfhs-mp`");
    }
    assert_eq!(std::fs::read_dir(out.join("values")).unwrap().count(), std::fs::read_dir(committed.join("values")).unwrap().count());
}

#[test]
fn reviews_and_notes_sheets_import_strictly_and_reach_the_viewer() {
    let f = fixtures().join("state");
    let dir = temp("loop");
    let out = dir.join("uk");
    let reviews = dir.join("reviews.csv");
    let notes = dir.join("notes.csv");
    // A review naming two districts under TAP (by key and by id, by name and in Hindi), and a
    // point with a remark only.
    std::fs::write(
        &reviews,
        "review,date,title_en,title_hi,period,indicator,district,as,remark_en,remark_hi\n\
         march-review,2024-03-20,March review,मार्च समीक्षा,2024-03,TAP,Dehradun,bottom,Speed up,गति बढ़ाएँ\n\
         march-review,,,,,tap-water,अल्मोड़ा,honoured,,\n\
         march-review,,,,,MUT,,,Clear the backlog,लंबित प्रकरण निपटाएँ\n",
    )
    .unwrap();
    std::fs::write(&notes, "indicator,period,district,text_en,text_hi\nTAP,2023-03,,Survey method changed,सर्वे पद्धति बदली\n,,pauri,Renamed,नाम बदला\n").unwrap();
    let args = ["--allow-unmatched", "--reviews", reviews.to_str().unwrap(), "--notes", notes.to_str().unwrap()];
    let (code, msg) = import_state(&f.join("values.csv"), &out, &args);
    assert_eq!(code, 0, "{msg}");
    let (ds, problems) = load(&out);
    assert!(problems.iter().all(|p| p.severity != samiksha_core::Severity::Error), "{problems:#?}");
    let r = ds.manifest.review("march-review").expect("the review");
    assert_eq!((r.date.as_str(), r.period.as_str(), r.title.hi.as_str()), ("2024-03-20", "2024-03", "मार्च समीक्षा"));
    assert_eq!(r.points.len(), 2);
    let named: Vec<(&str, &str)> = r.points[0].named.iter().map(|n| (n.district.as_str(), n.named_as.word())).collect();
    assert_eq!(named, [("dehradun", "bottom"), ("almora", "honoured")]);
    assert_eq!(r.points[1].remark.as_ref().map(|x| x.en.as_str()), Some("Clear the backlog"));
    assert_eq!(ds.manifest.notes.len(), 2);
    assert_eq!(ds.manifest.notes[0].indicator.as_deref(), Some("tap-water"));
    assert_eq!(ds.manifest.notes[1].district.as_deref(), Some("pauri"));

    // Strict: an unknown district, indicator or period, or a word the format lacks, stops the
    // import with the file, line and column, and nothing is written.
    let cases = [
        ("march-review,2024-03-20,M,म,,TAP,Roorkee,bottom,,\n", "line 2, column \"district\": \"Roorkee\" matches no district"),
        ("march-review,2024-03-20,M,म,,XYZ,Dehradun,bottom,,\n", "line 2, column \"indicator\": \"XYZ\" is no indicator"),
        ("march-review,2024-03-20,M,म,2025-01,TAP,Dehradun,bottom,,\n", "line 2, column \"period\": \"2025-01\" is no period of the values"),
        ("march-review,2024-03-20,M,म,,TAP,Dehradun,scolded,,\n", "line 2, column \"as\": \"scolded\"; expected one of bottom, top, instructed, honoured"),
        ("march-review,20-03-2024,M,म,,TAP,Dehradun,bottom,,\n", "line 2, column \"date\": \"20-03-2024\" is not a date"),
    ];
    for (row, expected) in cases {
        let bad_out = dir.join("bad");
        std::fs::write(&reviews, format!("review,date,title_en,title_hi,period,indicator,district,as,remark_en,remark_hi\n{row}")).unwrap();
        let (code, msg) = import_state(&f.join("values.csv"), &bad_out, &args);
        assert_eq!(code, 1, "{row}: {msg}");
        assert!(msg.contains("reviews.csv") && msg.contains(expected), "{row}: {msg}");
        assert!(!bad_out.join("manifest.json").exists());
    }
}

#[test]
fn a_target_deadline_must_be_a_period_of_the_values_or_a_later_month() {
    let f = fixtures().join("state");
    let dir = temp("deadline");
    let sheet = std::fs::read_to_string(f.join("indicators.csv")).unwrap();
    let with = |by: &str| {
        let mut lines = sheet.lines();
        let mut out = format!("{},target,target_by\n", lines.next().unwrap());
        for (k, l) in lines.enumerate() {
            out.push_str(&if k == 0 { format!("{l},100,{by}\n") } else { format!("{l},,\n") });
        }
        out
    };
    let run_with = |by: &str, out: &Path| {
        let p = dir.join("indicators.csv");
        std::fs::write(&p, with(by)).unwrap();
        run(bin()
            .arg("import")
            .args(["--values".as_ref(), f.join("values.csv").as_os_str()])
            .args(["--indicators".as_ref(), p.as_os_str()])
            .args(["--districts".as_ref(), f.join("districts.csv").as_os_str()])
            .args(["--meta".as_ref(), f.join("meta.json").as_os_str()])
            .arg("--out")
            .arg(out)
            .arg("--allow-unmatched"))
    };
    // A later month of a monthly calendar is a deadline; it reaches the manifest.
    let good = dir.join("good");
    let (code, msg) = run_with("2026-12", &good);
    assert_eq!(code, 0, "{msg}");
    let (ds, _) = load(&good);
    assert_eq!(ds.manifest.indicators[0].deadline.as_ref().map(|d| d.by.as_str()), Some("2026-12"));
    // A named round on monthly values is no period of theirs: stopped with the line and column.
    let bad = dir.join("bad");
    let (code, msg) = run_with("nfhs-6", &bad);
    assert_eq!(code, 1, "{msg}");
    assert!(msg.contains("indicators.csv line 2, column \"target_by\": \"nfhs-6\" is no period of the values"), "{msg}");
    assert!(!bad.join("manifest.json").exists());
}

#[test]
fn each_committed_dataset_carries_a_data_package_describing_its_csv() {
    // The Frictionless descriptor, read as an open-data tool reads it: the resource's bytes and
    // hash are the CSV's, its fields are the CSV's header in order, and its licence and title
    // are the manifest's.
    for id in ["sample", "nfhs-mp"] {
        let dir = root().join("public/data").join(id);
        let pkg: serde_json::Value = serde_json::from_slice(&std::fs::read(dir.join("datapackage.json")).unwrap()).unwrap();
        let manifest: serde_json::Value = serde_json::from_slice(&std::fs::read(dir.join("manifest.json")).unwrap()).unwrap();
        let csv = std::fs::read(dir.join("all-values.csv")).unwrap();
        assert_eq!(pkg["profile"], "tabular-data-package", "{id}");
        let res = &pkg["resources"][0];
        assert_eq!(res["path"], "all-values.csv", "{id}");
        assert_eq!(res["bytes"].as_u64(), Some(csv.len() as u64), "{id}");
        assert_eq!(res["hash"].as_str().unwrap(), format!("sha256:{}", samiksha_core::sha256_hex(&csv)), "{id}");
        let header = String::from_utf8_lossy(&csv).lines().next().unwrap().to_string();
        let fields: Vec<&str> = res["schema"]["fields"].as_array().unwrap().iter().map(|f| f["name"].as_str().unwrap()).collect();
        assert_eq!(fields.join(","), header, "{id}");
        let name = pkg["name"].as_str().unwrap();
        assert!(!name.is_empty() && name.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-'), "{id}: {name}");
        assert_eq!(pkg["title"], manifest["title"]["en"], "{id}");
        assert_eq!(pkg["licenses"][0]["title"], manifest["licence"]["name"]["en"], "{id}");
    }
}

#[test]
fn the_monthly_routine_adds_a_month_and_leaves_the_published_periods_byte_for_byte() {
    // A dataset published with two periods, then one month's values imported with
    // --keep-periods: the earlier value files keep their bytes, the month is added, and the
    // folder is what one import of all three periods writes.
    let f = fixtures().join("state");
    let dir = temp("monthly");
    let out = dir.join("uk");
    let (code, msg) = import_state(&f.join("values.csv"), &out, &["--allow-unmatched"]);
    assert_eq!(code, 0, "{msg}");
    let before: Vec<(String, Vec<u8>)> = std::fs::read_dir(out.join("values"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .map(|p| (p.file_name().unwrap().to_string_lossy().into_owned(), std::fs::read(&p).unwrap()))
        .collect();
    assert_eq!(before.len(), 2);
    let all = std::fs::read_to_string(f.join("values.csv")).unwrap();
    let month: String =
        all.lines().filter(|l| l.contains(",2024-03,") && !l.starts_with("Roorkee")).map(|l| l.replace(",2024-03,", ",2024-04,") + "\n").collect();
    assert!(!month.is_empty());
    std::fs::write(dir.join("april.csv"), format!("district,indicator,period,value\n{month}")).unwrap();
    let (code, msg) = import_state(&dir.join("april.csv"), &out, &["--keep-periods"]);
    assert_eq!(code, 0, "{msg}");
    assert!(msg.contains("kept 2 published period(s) as they are: 2023-03, 2024-03"), "{msg}");
    for (name, bytes) in &before {
        assert!(&std::fs::read(out.join("values").join(name)).unwrap() == bytes, "{name} changed");
    }
    assert!(out.join("values/2024-04.json").is_file());
    let (ds, problems) = load(&out);
    assert!(problems.iter().all(|p| p.severity != samiksha_core::Severity::Error), "{problems:?}");
    assert_eq!(ds.periods().iter().map(|p| p.id.as_str()).collect::<Vec<_>>(), ["2023-03", "2024-03", "2024-04"]);

    // One import of the three periods together writes the same folder.
    std::fs::write(dir.join("three.csv"), format!("{all}{month}")).unwrap();
    let fresh = dir.join("fresh");
    let (code, msg) = import_state(&dir.join("three.csv"), &fresh, &["--allow-unmatched"]);
    assert_eq!(code, 0, "{msg}");
    for rel in ["manifest.json", "all-values.csv", "datapackage.json", "values/2023-03.json", "values/2024-03.json", "values/2024-04.json"] {
        assert!(std::fs::read(out.join(rel)).unwrap() == std::fs::read(fresh.join(rel)).unwrap(), "{rel} differs from one import of all periods");
    }

    // Without a published dataset there is nothing to keep: said, and nothing written.
    let (code, msg) = import_state(&dir.join("april.csv"), &dir.join("empty"), &["--keep-periods"]);
    assert_eq!(code, 1, "{msg}");
    assert!(msg.contains("--keep-periods: there is no dataset in"), "{msg}");
    assert!(!dir.join("empty/manifest.json").exists());
}
