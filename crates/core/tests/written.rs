//! The written form and the reader are one definition of the format: a manifest written
//! through `format::written` (as the publisher writes it) reads back through
//! `format::manifest` with nothing lost and no problem, and the types both share are the same
//! values on either side.

use samiksha_core::format::manifest::{parse_manifest, Direction, Measure, NamedAs};
use samiksha_core::format::written::{self, Department, Division, FileRef, Flag, Indicator, Link, Note, Period, Target, TilePosition, Unit};
use samiksha_core::Bilingual;
use std::collections::BTreeMap;

fn bi(en: &str, hi: &str) -> Bilingual {
    Bilingual { en: en.into(), hi: hi.into() }
}

fn unit(slug: &str, name: &str, carved_from: Option<&str>) -> Unit {
    Unit {
        carved_from: carved_from.map(str::to_string),
        codes: BTreeMap::from([("census2011".to_string(), format!("4{}", slug.len()))]),
        division: "rewa".into(),
        former_names: vec![],
        lat: Some(24.5),
        lon: None,
        name: bi(name, "नाम"),
        slug: slug.into(),
        year_created: carved_from.map(|_| 2023),
    }
}

#[test]
fn a_written_manifest_reads_back_whole() {
    let m = written::Manifest {
        departments: vec![Department { id: "health".into(), name: bi("Health", "स्वास्थ्य"), weight: Some(serde_json::Number::from(2)) }],
        divisions: vec![Division { id: "rewa".into(), name: bi("Rewa", "रीवा") }],
        flags: vec![Flag { id: "n25-49".into(), label: bi("25–49 cases", "25–49 मामले") }],
        format: samiksha_core::FORMAT.into(),
        indicators: vec![Indicator {
            decimals: Some(1),
            department: "health".into(),
            direction: "lower_is_better".into(),
            frequency: Some("monthly".into()),
            id: "anc-late".into(),
            name: bi("Late antenatal registration", "देर से प्रसव-पूर्व पंजीकरण"),
            target: Some(Target::Dated { by: "2024-02".into(), from: Some("2024-01".into()), value: 10.0 }),
            unit: "percent".into(),
            ..Default::default()
        }],
        licence: Link { name: bi("CC BY 4.0", "सीसी बीवाई 4.0"), url: Some("https://creativecommons.org/licenses/by/4.0/".into()) },
        notes: vec![Note {
            district: Some("mauganj".into()), indicator: None, period: Some("2024-01".into()), text: bi("New district", "नया ज़िला")
        }],
        periods: vec![
            Period { id: "2024-01".into(), label: bi("January 2024", "जनवरी 2024") },
            Period { id: "2024-02".into(), label: bi("February 2024", "फ़रवरी 2024") },
        ],
        publisher: bi("Publisher", "प्रकाशक"),
        reviews: vec![written::Review {
            date: "2024-02-10".into(),
            id: "cs-2024-02".into(),
            period: Some("2024-01".into()),
            points: vec![written::ReviewPoint {
                indicator: "anc-late".into(),
                named: vec![written::NamedDistrict { named_as: "bottom".into(), district: "rewa".into() }],
                remark: None,
            }],
            title: bi("Review", "समीक्षा"),
        }],
        sources: vec![Link { name: bi("Portal", "पोर्टल"), url: None }],
        tile_layout: vec![TilePosition { col: 0, row: 0, unit: "rewa".into() }, TilePosition { col: 1, row: 0, unit: "mauganj".into() }],
        title: bi("Title", "शीर्षक"),
        units: vec![unit("rewa", "Rewa", None), unit("mauganj", "Mauganj", Some("rewa"))],
        updated: "2024-02-28".into(),
        value_files: vec![FileRef {
            bytes: Some(10),
            indicators: Some(vec!["anc-late".into()]),
            path: "values/2024-01.json".into(),
            period: Some("2024-01".into()),
            sha256: None,
        }],
        ..Default::default()
    };
    let bytes = serde_json::to_vec_pretty(&m).unwrap();
    let (read, problems) = parse_manifest("manifest.json", &bytes);
    let read = read.unwrap_or_else(|| panic!("{problems:?}"));
    assert!(problems.iter().all(|p| p.severity != samiksha_core::Severity::Error), "{problems:?}");
    // The shared types are the same values on both sides.
    assert_eq!(read.units, m.units);
    assert_eq!(read.divisions, m.divisions);
    assert_eq!(read.flags, m.flags);
    assert_eq!(read.notes, m.notes);
    assert_eq!(read.periods, m.periods);
    assert_eq!(read.tile_layout, m.tile_layout);
    assert_eq!(read.value_files, m.value_files);
    assert_eq!((&read.licence, &read.sources), (&m.licence, &m.sources));
    // The written words and numbers are read as what they mean.
    let i = &read.indicators[0];
    assert_eq!((i.direction, i.measure, i.decimals, i.target), (Direction::LowerIsBetter, Measure::Percent, 1, Some(10.0)));
    assert_eq!(i.deadline.as_ref().map(|d| (d.by.as_str(), d.from.as_deref())), Some(("2024-02", Some("2024-01"))));
    assert_eq!(read.departments[0].weight, 2.0);
    assert_eq!(read.reviews[0].points[0].named[0].named_as, NamedAs::Bottom);
    assert_eq!(read.reviews[0].period, "2024-01");
}

#[test]
fn a_shared_type_writes_its_fields_in_alphabetical_order_and_leaves_out_what_is_absent() {
    let u = serde_json::to_string(&unit("rewa", "Rewa", None)).unwrap();
    assert_eq!(u, r#"{"codes":{"census2011":"44"},"division":"rewa","lat":24.5,"lon":null,"name":{"en":"Rewa","hi":"नाम"},"slug":"rewa"}"#);
    let f = serde_json::to_string(&FileRef::of("boundaries.json".into(), b"abc")).unwrap();
    assert!(f.starts_with(r#"{"bytes":3,"path":"boundaries.json","sha256":"ba7816bf"#), "{f}");
}
