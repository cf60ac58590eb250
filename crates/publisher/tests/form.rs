//! The page's state turned into a publication, natively: the officer's files as the page holds
//! them (CSV, or one workbook with a sheet per role), the form's fields and the checkbox, against
//! the command line's own output for the same inputs.

use samiksha_publisher::form::{Chosen, Form, Kind, MetaForm, Role, Unmatched};
use std::path::PathBuf;
use std::process::Command;

fn state() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../publish/tests/fixtures/state")
}

fn read(name: &str) -> Vec<u8> {
    std::fs::read(state().join(name)).unwrap()
}

fn rows(name: &str) -> Vec<Vec<String>> {
    String::from_utf8(read(name)).unwrap().lines().map(|l| l.split(',').map(str::to_string).collect()).collect()
}

/// The command line's folder for the fixture state (built from this checkout's CLI).
fn by_cli() -> Vec<(String, Vec<u8>)> {
    let dir = std::env::temp_dir().join(format!("samiksha-form-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let out = dir.join("data/uk");
    let cli = |args: &[&str]| {
        let o = Command::new("cargo").args(["run", "--quiet", "--release", "-p", "samiksha-publish", "--"]).args(args).output().unwrap();
        assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    };
    let p = |n: &str| state().join(n).display().to_string();
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
    cli(&["catalog", "--catalog", dir.join("data/catalog.json").to_str().unwrap(), "--id", "uk", "--manifest", out.join("manifest.json").to_str().unwrap()]);
    let mut files = vec![("catalog.json".to_string(), std::fs::read(dir.join("data/catalog.json")).unwrap())];
    for sub in ["", "values"] {
        for e in std::fs::read_dir(out.join(sub)).unwrap() {
            let path = e.unwrap().path();
            if path.is_file() {
                let name = path.strip_prefix(&out).unwrap().to_string_lossy().replace('\\', "/");
                files.push((format!("uk/{name}"), std::fs::read(&path).unwrap()));
            }
        }
    }
    files.sort();
    files
}

fn form_with(files: Vec<(Role, Chosen)>) -> Form {
    let meta = read("meta.json");
    let mut f = Form { id: "uk".into(), meta: MetaForm::from_json(&meta), unmatched: Unmatched::LeaveOut, ..Form::default() };
    f.files.insert(Role::Meta, Chosen::read(Role::Meta, "meta.json", meta));
    f.files.extend(files);
    f
}

#[test]
fn files_are_written_values_first_then_each_manifest_then_the_catalogue_and_unsafe_paths_are_refused() {
    use samiksha_publisher::form::write_order;
    let f = |p: &str| (p.to_string(), Vec::new());
    let files = vec![f("catalog.json"), f("uk/manifest.json"), f("uk/values/2024-04.json"), f("uk/all-values.csv"), f("uk/boundaries.json")];
    let order: Vec<&str> = write_order(&files).unwrap().into_iter().map(|(p, _)| p.as_str()).collect();
    assert_eq!(order, ["uk/values/2024-04.json", "uk/all-values.csv", "uk/boundaries.json", "uk/manifest.json", "catalog.json"]);
    for bad in ["../index.html", "uk/../../x", "/etc/x", "uk//x", "uk/./x", ""] {
        assert_eq!(write_order(&[f("uk/manifest.json"), f(bad)]), Err(format!("data/{bad}")), "{bad}");
    }
}

#[test]
fn csv_files_and_a_workbook_each_build_the_command_lines_folder() {
    let expected = by_cli();
    let csv = form_with(
        [(Role::Districts, "districts.csv"), (Role::Indicators, "indicators.csv"), (Role::Values, "values.csv")]
            .map(|(r, n)| (r, Chosen::read(r, n, read(n))))
            .to_vec(),
    );
    let book = samiksha_publish::workbook::write_plain_xlsx(&[
        ("Values", rows("values.csv")),
        ("Districts", rows("districts.csv")),
        ("Indicators", rows("indicators.csv")),
    ])
    .unwrap();
    let chosen = |r: Role| (r, Chosen::read(r, "uk.xlsx", book.clone()));
    let xlsx = form_with(vec![chosen(Role::Districts), chosen(Role::Indicators), chosen(Role::Values)]);
    assert_eq!(xlsx.files[&Role::Values].sheet.as_deref(), Some("Values"));
    for (what, form) in [("csv", csv), ("xlsx", xlsx)] {
        assert!(form.missing().is_empty(), "{what}: {:?}", form.missing());
        let (bundle, commands) = form.build().unwrap_or_else(|e| panic!("{what}: {e}"));
        let mut ours = bundle.files.clone();
        ours.sort();
        assert_eq!(ours.iter().map(|(n, _)| n.as_str()).collect::<Vec<_>>(), expected.iter().map(|(n, _)| n.as_str()).collect::<Vec<_>>(), "{what}");
        for ((name, a), (_, b)) in ours.iter().zip(&expected) {
            assert!(a == b, "{what}: {name} differs from the command line's");
        }
        assert!(commands[0].contains("--allow-unmatched") && commands[0].ends_with("--out data/uk"), "{what}: {}", commands[0]);
    }
}

#[test]
fn what_is_missing_is_said_in_both_languages_before_anything_is_built() {
    let book = samiksha_publish::workbook::write_plain_xlsx(&[("Sheet1", rows("values.csv")), ("Sheet2", rows("districts.csv"))]).unwrap();
    let mut f = form_with(vec![(Role::Values, Chosen::read(Role::Values, "march.xlsx", book))]);
    f.id = "UK data".into();
    f.meta.updated.clear();
    assert!(matches!(f.files[&Role::Values].kind, Kind::Workbook(_)));
    let missing = f.missing();
    let en: Vec<&str> = missing.iter().map(|m| m.en.as_str()).collect();
    assert!(en.contains(&"No districts file: choose the CSV file or workbook that holds them."), "{en:?}");
    assert!(
        en.iter()
            .any(|m| m.starts_with("march.xlsx: no sheet named \"values\"; choose the sheet that holds the values (the workbook has \"Sheet1\", \"Sheet2\")")),
        "{en:?}"
    );
    assert!(en.iter().any(|m| m.contains("\"UK data\"")), "{en:?}");
    assert!(en.iter().any(|m| m.contains("the date of the figures")), "{en:?}");
    assert!(missing.iter().all(|m| m.hi.chars().any(|c| ('\u{0900}'..='\u{097F}').contains(&c))), "{missing:?}");
}

#[test]
fn the_meta_form_writes_over_a_given_meta_json_and_keeps_the_rest() {
    let meta = read("meta.json");
    let mut form = MetaForm::from_json(&meta);
    assert_eq!(form.updated, "2024-04-15");
    form.title_en = "Uttarakhand review, March".into();
    let out: serde_json::Value = serde_json::from_slice(&form.to_json(Some(&meta)).unwrap()).unwrap();
    assert_eq!(out["title"]["en"], "Uttarakhand review, March");
    assert_eq!(out["title"]["hi"], "उत्तराखंड ज़िला समीक्षा (परीक्षण)");
    assert_eq!(out["periods"][0]["id"], "2023-03");
    // Without a file, the form alone is the meta.
    let alone: serde_json::Value = serde_json::from_slice(&form.to_json(None).unwrap()).unwrap();
    assert_eq!(alone["licence"]["name"]["hi"], "शासकीय मुक्त डेटा लाइसेंस – भारत");
    assert!(form.to_json(Some(b"[1]")).is_err());
}

#[test]
fn a_dropped_file_finds_its_role_by_name() {
    assert_eq!(Role::guess("values.csv"), Some(Role::Values));
    assert_eq!(Role::guess("MP Indicators 2026.csv"), Some(Role::Indicators));
    assert_eq!(Role::guess("mp-districts.csv"), Some(Role::Districts));
    assert_eq!(Role::guess("mp-districts-2011.topo.json"), Some(Role::Boundaries));
    assert_eq!(Role::guess("report.pdf"), None);
    // A workbook goes to every table role it has a sheet for; one of "Sheet1"s by its name.
    let named = Kind::Workbook(vec!["Districts".into(), "Values".into(), "Meta".into()]);
    assert_eq!(Role::for_drop("march.xlsx", &named), [Role::Districts, Role::Values]);
    assert_eq!(Role::for_drop("values.xlsx", &Kind::Workbook(vec!["Sheet1".into()])), [Role::Values]);
    assert_eq!(Role::for_drop("meta.xlsx", &Kind::Workbook(vec!["Sheet1".into()])), []);
}

/// April's values: March's rows again under April, the district no list knows left out.
fn april_rows() -> String {
    String::from_utf8(read("values.csv"))
        .unwrap()
        .lines()
        .filter(|l| l.contains(",2024-03,") && !l.starts_with("Roorkee"))
        .map(|l| l.replace(",2024-03,", ",2024-04,") + "\n")
        .collect()
}

#[test]
fn a_month_added_to_the_last_download_changes_only_that_month_and_the_files_that_list_it() {
    let csv = |r: Role, n: &str| (r, Chosen::read(r, n, read(n)));
    let first = form_with(vec![csv(Role::Districts, "districts.csv"), csv(Role::Indicators, "indicators.csv"), csv(Role::Values, "values.csv")]);
    let (published, _) = first.build().unwrap();
    let zip = samiksha_publish::bundle::zip(&published.files).unwrap();

    // Next month: the last download, the lists again and only April's values; the form's id
    // and fields come from the download.
    let april = april_rows();
    let mut next = Form::default();
    next.choose(Role::Current, Chosen::read(Role::Current, "samiksha-uk.zip", zip));
    assert_eq!((next.id.as_str(), next.meta.updated.as_str()), ("uk", "2024-04-15"));
    for (r, n) in [(Role::Districts, "districts.csv"), (Role::Indicators, "indicators.csv")] {
        next.choose(r, Chosen::read(r, n, read(n)));
    }
    next.choose(Role::Values, Chosen::read(Role::Values, "april.csv", format!("district,indicator,period,value\n{april}").into_bytes()));
    next.meta.updated = "2024-05-10".into();
    let (added, commands) = next.build().unwrap_or_else(|e| panic!("{e}"));
    // The published dataset's meta.json is rebuilt (no meta.json was chosen), then imported.
    assert!(commands[0].starts_with("samiksha-publish sheets --manifest data/uk/manifest.json"), "{commands:?}");
    assert!(commands[1].starts_with("samiksha-publish import") && commands[1].contains("--keep-periods"), "{}", commands[1]);
    let before: std::collections::BTreeMap<_, _> = published.files.iter().cloned().collect();
    let after: std::collections::BTreeMap<_, _> = added.files.iter().cloned().collect();
    let new: Vec<&String> = after.keys().filter(|k| !before.contains_key(*k)).collect();
    assert_eq!(new, ["uk/values/2024-04.json"]);
    let changed: Vec<&String> = before.keys().filter(|k| after.get(*k) != before.get(*k)).collect();
    assert_eq!(changed, ["uk/all-values.csv", "uk/datapackage.json", "uk/manifest.json"]);

    // The same month with only its values: the district list and the indicator sheet (whose
    // keys the manifest keeps) are rebuilt from the published dataset, and the files are the same.
    let mut only = Form::default();
    only.choose(Role::Current, Chosen::read(Role::Current, "samiksha-uk.zip", samiksha_publish::bundle::zip(&published.files).unwrap()));
    only.choose(Role::Values, Chosen::read(Role::Values, "april.csv", format!("district,indicator,period,value\n{april}").into_bytes()));
    assert_eq!(only.missing(), []);
    only.meta.updated = "2024-05-10".into();
    let (rebuilt, commands) = only.build().unwrap_or_else(|e| panic!("{e}"));
    assert!(commands[0].starts_with("samiksha-publish sheets --manifest data/uk/manifest.json"), "{commands:?}");
    assert!(commands[1].contains("--districts sheets/districts.csv") && commands[1].contains("--indicators sheets/indicators.csv"), "{}", commands[1]);
    assert_eq!(rebuilt.files, added.files);
    // Without the published dataset the lists are still required.
    let mut alone = Form::default();
    alone.choose(Role::Values, Chosen::read(Role::Values, "april.csv", b"district,indicator,period,value\n".to_vec()));
    assert!(alone.missing().iter().any(|m| m.en.starts_with("No districts file")), "{:?}", alone.missing());
}

#[test]
fn a_dataset_on_the_site_is_fetched_by_what_its_manifest_lists_and_read_like_its_zip() {
    let csv = |r: Role, n: &str| (r, Chosen::read(r, n, read(n)));
    let (published, _) =
        form_with(vec![csv(Role::Districts, "districts.csv"), csv(Role::Indicators, "indicators.csv"), csv(Role::Values, "values.csv")]).build().unwrap();
    let get = |p: &str| published.get(p).unwrap().to_vec();
    let manifest = get("uk/manifest.json");
    let listed = samiksha_publisher::form::files_to_fetch(&manifest);
    assert_eq!(listed, ["values/2023-03.json", "values/2024-03.json"]);
    // A path that would leave the folder is never fetched.
    assert!(
        samiksha_publisher::form::files_to_fetch(
            br#"{"value_files":[{"path":"../secret.json"},{"path":"values/a.json"}],"boundaries":{"path":"https://elsewhere/b.json"}}"#
        ) == ["values/a.json"]
    );
    let files = listed.iter().map(|p| (p.clone(), get(&format!("uk/{p}")))).collect();
    let chosen = samiksha_publisher::form::site_dataset("uk", manifest, files, Some(get("catalog.json"))).unwrap();
    assert!(matches!(&chosen.kind, Kind::Dataset(id, files) if id == "uk" && files.iter().any(|(p, _)| p == "data/uk/manifest.json")), "{:?}", chosen.kind);
    let mut f = Form::default();
    f.choose(Role::Current, chosen);
    assert_eq!((f.id.as_str(), f.meta.title_en.as_str()), ("uk", "Uttarakhand district review (test fixture)"));
}

#[test]
fn the_preview_holds_the_whole_folder_the_public_would_see() {
    // A month added to a published dataset: the preview has the new month and the kept ones,
    // though the download holds only what changed.
    let csv = |r: Role, n: &str| (r, Chosen::read(r, n, read(n)));
    let (published, _) =
        form_with(vec![csv(Role::Districts, "districts.csv"), csv(Role::Indicators, "indicators.csv"), csv(Role::Values, "values.csv")]).build().unwrap();
    let mut next = Form::default();
    next.choose(Role::Current, Chosen::read(Role::Current, "last.zip", samiksha_publish::bundle::zip(&published.files).unwrap()));
    for (r, n) in [(Role::Districts, "districts.csv"), (Role::Indicators, "indicators.csv")] {
        next.choose(r, Chosen::read(r, n, read(n)));
    }
    next.choose(Role::Values, Chosen::read(Role::Values, "april.csv", b"district,indicator,period,value\nDehradun,TAP,2024-04,60\n".to_vec()));
    next.unmatched = Unmatched::LeaveOut;
    let (bundle, _) = next.build().unwrap_or_else(|e| panic!("{e}"));
    let mut names: Vec<String> = next.preview_folder(&bundle).into_iter().map(|(n, _)| n).collect();
    names.sort();
    assert_eq!(names, ["all-values.csv", "datapackage.json", "manifest.json", "values/2023-03.json", "values/2024-03.json", "values/2024-04.json"]);
}

#[test]
fn a_problem_shows_the_row_it_names_with_the_cell_marked_from_a_csv_file_and_from_a_sheet() {
    // Line 3 of the values gets a text in its value column.
    let mut values: Vec<Vec<String>> = rows("values.csv");
    values[2][3] = "n/a".into();
    let text: String = values.iter().map(|r| r.join(",") + "\n").collect();
    let book = samiksha_publish::workbook::write_plain_xlsx(&[
        ("Values", values.clone()),
        ("Districts", rows("districts.csv")),
        ("Indicators", rows("indicators.csv")),
    ])
    .unwrap();
    let csv = form_with(vec![
        (Role::Districts, Chosen::read(Role::Districts, "districts.csv", read("districts.csv"))),
        (Role::Indicators, Chosen::read(Role::Indicators, "indicators.csv", read("indicators.csv"))),
        (Role::Values, Chosen::read(Role::Values, "values.csv", text.into_bytes())),
    ]);
    let chosen = |r: Role| (r, Chosen::read(r, "uk.xlsx", book.clone()));
    let xlsx = form_with(vec![chosen(Role::Districts), chosen(Role::Indicators), chosen(Role::Values)]);
    for (form, place) in [(csv, "values.csv line 3"), (xlsx, "uk.xlsx, sheet \"Values\", row 3")] {
        let e = form.build().err().expect("a text in a number column stops the build");
        let lines: Vec<&str> = e.lines().collect();
        let rows = form.rows_named(&lines);
        assert_eq!(rows.len(), lines.len());
        let (line, row) = lines.iter().zip(&rows).find(|(l, _)| l.contains("\"n/a\"")).expect("the cell is named");
        let row = row.as_ref().unwrap_or_else(|| panic!("no row for {line}"));
        assert_eq!(row.place_en, place);
        assert!(row.place_hi.ends_with(", पंक्ति 3"), "{}", row.place_hi);
        assert_eq!(row.headers, values[0]);
        assert_eq!(row.fields, values[2]);
        assert_eq!(row.column, Some(3), "the value column is marked: {line}");
        // A line that names no row of a chosen file shows none.
        let summary = lines.iter().position(|l| l.contains("cell(s) are not numbers")).unwrap();
        assert_eq!(rows[summary], None);
    }
}

#[test]
fn a_dataset_the_catalogue_keeps_in_another_folder_is_republished_in_that_folder() {
    let catalog = r#"{"format":"samiksha-catalog/1","datasets":[{"id":"other","folder":"other/","title":{"en":"O","hi":"ओ"}},{"id":"uk","folder":"uttarakhand-2024/","title":{"en":"U","hi":"यू"}}]}"#.as_bytes().to_vec();
    let csv = |r: Role, n: &str| (r, Chosen::read(r, n, read(n)));
    let mut first = form_with(vec![csv(Role::Districts, "districts.csv"), csv(Role::Indicators, "indicators.csv"), csv(Role::Values, "values.csv")]);
    first.choose(Role::Catalog, Chosen::read(Role::Catalog, "catalog.json", catalog));
    assert_eq!(first.folder(), "uttarakhand-2024");
    let (published, commands) = first.build().unwrap_or_else(|e| panic!("{e}"));
    assert!(
        published.files.iter().all(|(p, _)| p == "catalog.json" || p.starts_with("uttarakhand-2024/")),
        "{:?}",
        published.files.iter().map(|(p, _)| p).collect::<Vec<_>>()
    );
    assert!(commands[0].ends_with("--out data/uttarakhand-2024"), "{}", commands[0]);
    let entries: serde_json::Value = serde_json::from_slice(published.get("catalog.json").unwrap()).unwrap();
    assert_eq!(entries["datasets"][1]["folder"], "uttarakhand-2024/");
    assert_eq!(entries["datasets"][1]["id"], "uk");

    // Next month from the last download: the id is the catalogue's for that folder, and the
    // month goes into the same folder, every earlier file kept.
    let april = april_rows();
    let mut next = Form::default();
    next.choose(Role::Current, Chosen::read(Role::Current, "samiksha-uk.zip", samiksha_publish::bundle::zip(&published.files).unwrap()));
    assert_eq!((next.id.as_str(), next.folder().as_str()), ("uk", "uttarakhand-2024"));
    next.choose(Role::Values, Chosen::read(Role::Values, "april.csv", format!("district,indicator,period,value\n{april}").into_bytes()));
    let (added, _) = next.build().unwrap_or_else(|e| panic!("{e}"));
    let before: std::collections::BTreeMap<_, _> = published.files.iter().cloned().collect();
    let after: std::collections::BTreeMap<_, _> = added.files.iter().cloned().collect();
    assert_eq!(after.keys().filter(|k| !before.contains_key(*k)).collect::<Vec<_>>(), ["uttarakhand-2024/values/2024-04.json"]);
    let changed: Vec<&String> = before.keys().filter(|k| after.get(*k) != before.get(*k)).collect();
    assert_eq!(changed, ["uttarakhand-2024/all-values.csv", "uttarakhand-2024/datapackage.json", "uttarakhand-2024/manifest.json"]);
}
