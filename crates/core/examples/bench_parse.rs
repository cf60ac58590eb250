//! Benchmark (not a test): parse-and-validate throughput of the MP sample and of a synthetic
//! all-India-scale dataset, and the map's recolouring and geometry costs, natively.
//! Run with `make bench`.

use samiksha_core::analysis::classify::Method;
use samiksha_core::analysis::paint::paint_table;
use samiksha_core::analysis::review::review_table;
use samiksha_core::format::check::check_dataset;
use samiksha_core::format::geo::parse_boundaries;
use samiksha_core::synth::{synthetic, synthetic_boundaries};
use std::collections::HashMap;
use std::path::Path;
use std::time::Instant;

fn measure(label: &str, manifest: &[u8], files: &HashMap<String, Vec<u8>>, runs: usize) {
    let bytes: usize = manifest.len() + files.values().map(Vec::len).sum::<usize>();
    let mut times = Vec::new();
    for _ in 0..runs {
        let t = Instant::now();
        let (ds, problems) = check_dataset("manifest.json", manifest, |p| files.get(p).cloned().ok_or_else(|| "missing".into()));
        assert!(ds.is_some() && problems.is_empty(), "{label}: {problems:?}");
        times.push(t.elapsed().as_secs_f64());
    }
    times.sort_by(f64::total_cmp);
    let median = times[times.len() / 2];
    println!("{label}: {:.1} MB in {:.1} ms (median of {runs}) = {:.0} MB/s", bytes as f64 / 1e6, median * 1e3, bytes as f64 / 1e6 / median);
}

fn main() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../public/data/sample");
    let manifest = std::fs::read(dir.join("manifest.json")).expect("sample manifest");
    let mut files = HashMap::new();
    for entry in std::fs::read_dir(dir.join("values")).expect("sample values") {
        let entry = entry.expect("entry");
        files.insert(format!("values/{}", entry.file_name().to_string_lossy()), std::fs::read(entry.path()).expect("read"));
    }
    measure("MP sample (55 districts, 32 indicators, 31 periods)", &manifest, &files, 9);

    // Recolouring: what an indicator change computes (ranks, classes, colours) for 55 districts.
    let (ds, _) = check_dataset("manifest.json", &manifest, |p| files.get(p).cloned().ok_or_else(|| "missing".into()));
    let ds = ds.expect("sample");
    let period = ds.period_index("2026-01").expect("period");
    let runs = 200;
    let t = Instant::now();
    for k in 0..runs {
        let i = k % ds.indicators().len();
        let ind = &ds.indicators()[i];
        let table = review_table(&ds, i, period).expect("a loaded period");
        let p = paint_table(&table, ds.units().len(), Method::NaturalBreaks, ind.target, ind.direction, ind.decimals);
        assert_eq!(p.units.len(), 55);
    }
    println!("recolour for an indicator change (55 districts, natural breaks): {:.3} ms each", t.elapsed().as_secs_f64() * 1e3 / runs as f64);

    let t = Instant::now();
    let s = synthetic(785, 200, 60);
    println!("generated the all-India synthetic dataset in {:.1} s", t.elapsed().as_secs_f64());
    let files: HashMap<String, Vec<u8>> = s.files.into_iter().collect();
    measure("All-India synthetic (785 districts, 200 indicators, 60 periods)", &s.manifest, &files, 3);
    // What one view needs at that scale: the manifest and one period's files.
    let one_period: HashMap<String, Vec<u8>> = files.iter().filter(|(p, _)| p.starts_with("values/2021-01/")).map(|(k, v)| (k.clone(), v.clone())).collect();
    let view_bytes: usize = one_period.values().map(Vec::len).sum();
    let (m, _) = samiksha_core::format::manifest::parse_manifest("manifest.json", &s.manifest);
    let m = m.expect("synthetic manifest");
    let b = synthetic_boundaries(785);
    let t = Instant::now();
    let (geo, problems) = parse_boundaries("boundaries.json", &b, &m);
    assert!(problems.is_empty());
    println!(
        "geometry of a generated 785-district map ({:.0} KB): {:.1} ms to read and build {} SVG paths",
        b.len() as f64 / 1e3,
        t.elapsed().as_secs_f64() * 1e3,
        geo.expect("geo").shapes.len()
    );
    println!(
        "  one view at that scale fetches the manifest ({:.0} KB) and one period ({:.0} KB in {} files)",
        s.manifest.len() as f64 / 1e3,
        view_bytes as f64 / 1e3,
        one_period.len()
    );
}
