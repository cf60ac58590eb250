//! `sheets` against `import`: the input sheets written from a published dataset publish it again
//! byte for byte (both committed datasets, through the command line and through the page's
//! in-memory way), every kind of cell and gap is read back as it was, and the targets sheet and
//! the gap column refuse what they cannot use with its place.

mod common;
use common::{cli, root, tree};

use samiksha_publish::bundle::{publish, Publication};
use samiksha_publish::files::Memory;
use samiksha_publish::sheets;
use std::path::{Path, PathBuf};

fn assert_same(ours: &[(String, Vec<u8>)], theirs: &[(String, Vec<u8>)], what: &str) {
    assert_eq!(ours.iter().map(|(n, _)| n.as_str()).collect::<Vec<_>>(), theirs.iter().map(|(n, _)| n.as_str()).collect::<Vec<_>>(), "{what}: the same files");
    for ((name, a), (_, b)) in ours.iter().zip(theirs) {
        assert!(a == b, "{what}: {name} differs");
    }
}

/// The committed sample's folder.
fn sample() -> PathBuf {
    root().join("public/data/sample")
}

/// `import`'s arguments for the sheets in `dir`, those the dataset has.
fn import_args(dir: &Path) -> Vec<String> {
    let mut args = vec!["import".to_string()];
    for (flag, name) in [
        ("--values", sheets::VALUES),
        ("--indicators", sheets::INDICATORS),
        ("--districts", sheets::DISTRICTS),
        ("--meta", sheets::META),
        ("--flags", sheets::FLAGS),
        ("--reviews", sheets::REVIEWS),
        ("--notes", sheets::NOTES),
    ] {
        if dir.as_os_str().is_empty() || dir.join(name).exists() {
            args.push(flag.into());
            args.push(dir.join(name).display().to_string());
        }
    }
    args
}

#[test]
fn both_committed_datasets_sheets_import_back_to_them_byte_for_byte() {
    for (id, expected_sheets) in [
        ("sample", "districts.csv, indicators.csv, values.csv, flags.csv, reviews.csv, notes.csv, meta.json"),
        ("nfhs-mp", "districts.csv, indicators.csv, values.csv, flags.csv, meta.json"),
    ] {
        let committed = root().join("public/data").join(id);
        let dir = common::temp("sheets", id);
        let said = cli(&["sheets", "--manifest", &committed.join("manifest.json").display().to_string(), "--out", &dir.join("in").display().to_string()]);
        assert!(said.contains(expected_sheets), "{said}");
        // The publisher's own flag texts come back with the flags, so a later month written as
        // before (NFHS's "*" and bracketed numbers) is read without the original sheet.
        if id == "nfhs-mp" {
            let flags = std::fs::read_to_string(dir.join("in").join(sheets::FLAGS)).unwrap();
            assert!(flags.contains("\n*,lt25,") && flags.contains(",suppressed\n") && flags.contains("\n(),n25-49,"), "{flags}");
        }
        let out = dir.join("out");
        let mut args = import_args(&dir.join("in"));
        args.extend(["--out".into(), out.display().to_string()]);
        cli(&args.iter().map(String::as_str).collect::<Vec<_>>());
        // The boundary file as `boundaries --manifest --source` lists it (the sheets carry no
        // geometry): the committed file, and the source the manifest names beyond the data
        // package's, which are the sources meta.json gave.
        let manifest: serde_json::Value = serde_json::from_slice(&std::fs::read(committed.join("manifest.json")).unwrap()).unwrap();
        let package: serde_json::Value = serde_json::from_slice(&std::fs::read(committed.join("datapackage.json")).unwrap()).unwrap();
        let listed: Vec<&str> = package["sources"].as_array().unwrap().iter().map(|s| s["title"].as_str().unwrap()).collect();
        let geometry =
            manifest["sources"].as_array().unwrap().iter().find(|s| !listed.contains(&s["name"]["en"].as_str().unwrap())).expect("a boundary source");
        let source = (geometry["name"]["en"].as_str().unwrap(), geometry["name"]["hi"].as_str().unwrap());
        let body = std::fs::read(committed.join("boundaries.json")).unwrap();
        let built = std::fs::read(out.join("manifest.json")).unwrap();
        let with = samiksha_publish::write::attach_boundaries("manifest.json", &built, "boundaries.json", &body, Some(source)).unwrap();
        std::fs::write(out.join("manifest.json"), with).unwrap();
        std::fs::write(out.join("boundaries.json"), body).unwrap();
        assert_same(&tree(&out), &tree(&committed), &format!("{id} → sheets → import"));
    }
}

#[test]
fn the_samples_sheets_give_the_page_the_same_folder_as_the_command_line() {
    // The page's way: the sheets in memory under the names an officer's files arrive with.
    let dir = common::temp("sheets", "page");
    cli(&["sheets", "--manifest", &sample().join("manifest.json").display().to_string(), "--out", &dir.join("in").display().to_string()]);
    let mut fs = Memory::default();
    for (name, bytes) in tree(&dir.join("in")) {
        fs.files.insert(PathBuf::from(name), bytes);
    }
    let names: Vec<String> = import_args(Path::new("")).into_iter().skip(1).collect();
    let p = Publication::from_commands("sample", &names, None, None).unwrap();
    let bundle = publish(&fs, &p).unwrap();
    let data = dir.join("data");
    let mut args = import_args(&dir.join("in"));
    args.extend(["--out".into(), data.join("sample").display().to_string()]);
    cli(&args.iter().map(String::as_str).collect::<Vec<_>>());
    cli(&[
        "catalog",
        "--catalog",
        &data.join("catalog.json").display().to_string(),
        "--id",
        "sample",
        "--manifest",
        &data.join("sample/manifest.json").display().to_string(),
    ]);
    let mut ours = bundle.files.clone();
    ours.sort();
    assert_same(&ours, &tree(&data), "page and command line");
}

/// A dataset written by hand: two districts, one indicator, two months; the cells given.
fn tiny(cells: &str, year_created: &str) -> (Vec<u8>, impl Fn(&str) -> Result<Vec<u8>, String>) {
    let manifest = format!(
        r#"{{"format":"samiksha/1","title":{{"en":"T","hi":"टी"}},"publisher":{{"en":"P","hi":"प"}},"licence":{{"name":{{"en":"L","hi":"ल"}}}},"updated":"2026-01-01",
        "divisions":[{{"id":"d","name":{{"en":"D","hi":"डी"}}}}],
        "units":[{{"slug":"a","name":{{"en":"A, the first","hi":"ए"}},"division":"d","lat":null,"lon":null}},{{"slug":"b","name":{{"en":"B","hi":"बी"}},"division":"d","lat":1.5,"lon":2.25{year_created}}}],
        "departments":[{{"id":"x","name":{{"en":"X","hi":"एक्स"}}}}],
        "indicators":[{{"id":"i","name":{{"en":"I \"quoted\"","hi":"आई"}},"unit":"percent","direction":"higher_is_better","department":"x","target":{{"value":50,"by":"2026-06"}}}}],
        "flags":[{{"id":"p","label":{{"en":"Provisional","hi":"अनंतिम"}}}}],
        "periods":[{{"id":"2026-01","label":{{"en":"January 2026","hi":"जनवरी 2026"}}}}],
        "value_files":[{{"path":"values/2026-01.json","period":"2026-01","bytes":0,"sha256":""}}]}}"#
    );
    let values = format!(r#"{{"format":"samiksha/1","period":"2026-01","units":["a","b"],"values":{{"i":{cells}}}}}"#);
    (manifest.into_bytes(), move |rel: &str| if rel == "values/2026-01.json" { Ok(values.clone().into_bytes()) } else { Err(format!("no {rel}")) })
}

fn sheet<'a>(files: &'a [(String, Vec<u8>)], name: &str) -> &'a str {
    std::str::from_utf8(&files.iter().find(|(n, _)| n == name).unwrap_or_else(|| panic!("no {name}")).1).unwrap()
}

/// Publishes sheets held in memory the way the page does, under the id "t".
fn publish_sheets(files: &[(String, Vec<u8>)]) -> Result<samiksha_publish::bundle::Bundle, String> {
    let mut fs = Memory::default();
    let mut args = Vec::new();
    for (name, bytes) in files {
        fs.files.insert(PathBuf::from(name), bytes.clone());
        args.push(format!("--{}", name.trim_end_matches(".csv").trim_end_matches(".json")));
        args.push(name.clone());
    }
    publish(&fs, &Publication::from_commands("t", &args, None, None)?)
}

fn json(bytes: &[u8]) -> serde_json::Value {
    serde_json::from_slice(bytes).unwrap()
}

#[test]
fn each_cell_is_written_as_import_reads_it() {
    // Numbers as the tool writes them (a count as 5.0), so the bytes can be compared.
    let cells = r#"[{"v":12.5,"num":5.0,"den":40.0,"flag":"p"},{"gap":"suppressed","flag":"p"}]"#;
    let (m, read) = tiny(cells, "");
    let files = sheets::from_dataset(&m, &read).unwrap();
    assert_eq!(sheet(&files, sheets::FLAGS), "text,id,label_en,label_hi,gap\np,p,Provisional,अनंतिम,\n");
    assert_eq!(
        sheet(&files, sheets::VALUES),
        "district,indicator,period,value,flag,gap,numerator,denominator\na,i,2026-01,12.5,p,,5,40\nb,i,2026-01,,p,suppressed,,\n"
    );
    // Names with commas and quotes are quoted; the target keeps its deadline.
    let districts = sheet(&files, sheets::DISTRICTS);
    assert!(districts.contains("a,\"A, the first\",ए,d,D,डी,,,,,,,\n"), "{districts}");
    assert!(districts.contains("b,B,बी,d,D,डी,,,,,,1.5,2.25\n"), "{districts}");
    let indicators = sheet(&files, sheets::INDICATORS);
    assert!(indicators.contains("i,i,\"I \"\"quoted\"\"\",आई,,,percent,,,higher_is_better,x,X,एक्स,,,50,2026-06,,"), "{indicators}");
    // The month's label is the one import makes, so meta.json leaves it out.
    assert!(!sheet(&files, sheets::META).contains("periods"));
    // And import reads every cell back as it was.
    let built = publish_sheets(&files).unwrap();
    assert_eq!(json(built.get("t/values/2026-01.json").unwrap())["values"]["i"], json(cells.as_bytes()));
}

#[test]
fn every_gap_is_said_by_its_word_and_read_back() {
    // Gaps an empty cell would misread: "suppressed" with no flag, and "did not exist" for a
    // district the list does not say was created later (a survey round has no year).
    for (cells, created) in [(r#"[1.0, {"gap":"suppressed"}]"#, ""), (r#"[{"gap":"unit_did_not_exist"}, {"gap":"not_applicable"}]"#, r#","year_created":2027"#)]
    {
        let (m, read) = tiny(cells, created);
        let files = sheets::from_dataset(&m, &read).unwrap();
        let built = publish_sheets(&files).unwrap();
        assert_eq!(json(built.get("t/values/2026-01.json").unwrap())["values"]["i"], json(cells.as_bytes()), "{cells}");
    }
    // A value file the manifest lists but that cannot be read is named.
    let (m, _) = tiny("[1, 2]", "");
    let e = sheets::from_dataset(&m, &|rel: &str| Err(format!("no {rel}"))).unwrap_err();
    assert_eq!(e, "no values/2026-01.json");
}

#[test]
fn a_gap_word_import_does_not_know_or_beside_a_value_is_refused_with_its_place() {
    let (m, read) = tiny("[1, 2]", "");
    let mut files = sheets::from_dataset(&m, &read).unwrap();
    for (values, said) in [
        ("district,indicator,period,value,gap\na,i,2026-01,,missing\n", "column \"gap\": \"missing\" is not a gap; expected one of not_reported, suppressed"),
        (
            "district,indicator,period,value,gap\na,i,2026-01,3,suppressed\n",
            "column \"gap\": \"suppressed\", but the row has a value; expected a value or a gap, not both",
        ),
    ] {
        files.iter_mut().find(|(n, _)| n == sheets::VALUES).unwrap().1 = values.as_bytes().to_vec();
        let e = publish_sheets(&files).err().expect("refused");
        assert!(e.contains("values.csv line 2") && e.contains(said), "{e}");
    }
}

#[test]
fn a_targets_sheet_replaces_the_indicator_sheets_targets_and_is_refused_with_its_place() {
    let (m, read) = tiny("[1.0, 2.0]", "");
    let files = sheets::from_dataset(&m, &read).unwrap();
    let with = |targets: &str| {
        let mut f = files.clone();
        f.push(("targets.csv".to_string(), targets.as_bytes().to_vec()));
        publish_sheets(&f)
    };
    let built = with("indicator,target,target_by\ni,80,2026-09\n").unwrap();
    let manifest = json(built.get("t/manifest.json").unwrap());
    assert_eq!(manifest["indicators"][0]["target"], serde_json::json!({ "by": "2026-09", "value": 80.0 }));
    // An empty target removes the sheet's.
    let built = with("indicator,target\ni,\n").unwrap();
    assert!(json(built.get("t/manifest.json").unwrap())["indicators"][0].get("target").is_none());
    for (targets, said) in [
        ("indicator,target\nx,80\n", "targets.csv line 2, column \"indicator\": \"x\" is no indicator of the indicator sheet; expected its key or id, e.g. i"),
        ("indicator,target\ni,80\ni,90\n", "targets.csv line 3, column \"indicator\": a second target for \"i\" (the first is at targets.csv line 2)"),
        ("indicator,target,target_by\ni,80,2025-13\n", "targets.csv line 2, column \"target_by\": \"2025-13\" is not a period"),
        ("indicator,target,target_by\ni,80,nfhs-5\n", "targets.csv line 2, column \"target_by\": \"nfhs-5\" is no period of the values"),
        ("indicator,target\ni,many\n", "targets.csv line 2, column \"target\": \"many\" is not a number"),
    ] {
        let e = with(targets).err().expect("refused");
        assert!(e.contains(said), "{targets}: {e}");
    }
}

#[test]
fn counts_need_a_value_and_a_number_at_least_zero_and_an_id_names_an_indicator_as_its_key_does() {
    let (m, read) = tiny("[1.0, 2.0]", "");
    let files = sheets::from_dataset(&m, &read).unwrap();
    let with = |values: &str, key: &str| {
        let mut f = files.clone();
        f.iter_mut().find(|(n, _)| n == sheets::VALUES).unwrap().1 = values.as_bytes().to_vec();
        let ind = f.iter_mut().find(|(n, _)| n == sheets::INDICATORS).unwrap();
        ind.1 = String::from_utf8(ind.1.clone()).unwrap().replacen("\ni,i,", &format!("\ni,{key},"), 1).into_bytes();
        publish_sheets(&f)
    };
    for (values, said) in [
        ("district,indicator,period,value,numerator\na,i,2026-01,,5\n", "column \"numerator\": a count, but the row has no value"),
        ("district,indicator,period,value,denominator\na,i,2026-01,3,-1\n", "column \"denominator\": \"-1\" is not a count"),
        ("district,indicator,period,value,numerator\na,i,2026-01,3,NaN\n", "column \"numerator\": \"NaN\" is not a count"),
    ] {
        let e = with(values, "i").err().expect("refused");
        assert!(e.contains(said), "{values}: {e}");
    }
    // With the key K, the values may name the indicator by K or by its id i (as all-values.csv does).
    let built = with("district,indicator,period,value\na,K,2026-01,3\nb,i,2026-01,4\n", "K").unwrap();
    assert_eq!(json(built.get("t/values/2026-01.json").unwrap())["values"]["i"], serde_json::json!([3.0, 4.0]));
    assert_eq!(json(built.get("t/manifest.json").unwrap())["indicators"][0]["key"], "K");
}

#[test]
fn a_folder_the_catalogue_gives_another_dataset_is_refused() {
    use samiksha_publish::catalog::{entry, Entry, Place};
    let (m, read) = tiny("[1.0, 2.0]", "");
    let built = publish_sheets(&sheets::from_dataset(&m, &read).unwrap()).unwrap();
    let manifest = built.get("t/manifest.json").unwrap();
    let catalog = r#"{"format":"samiksha-catalog/1","datasets":[{"id":"other","folder":"t/","title":{"en":"O","hi":"ओ"}}]}"#;
    let e = |id: &'static str| Entry {
        catalog_name: "catalog.json",
        existing: Some(catalog.as_bytes()),
        id,
        manifest_name: "t/manifest.json",
        manifest,
        folder: Ok("t"),
        place: Place::AsListed,
    };
    let refused = entry(&e("t")).unwrap_err();
    assert!(refused.contains("the folder \"t/\" already holds the dataset \"other\" in catalog.json"), "{refused}");
    // The dataset that holds it is updated there.
    assert!(entry(&e("other")).is_ok());
}
