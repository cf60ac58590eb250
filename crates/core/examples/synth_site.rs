//! Writes a generated dataset with its boundary file into a folder, for `make report`'s
//! all-India first-map figure (785 districts, 200 indicators, 60 periods by default).
//! Usage: `cargo run --release -p samiksha-core --example synth_site -- OUT [UNITS INDICATORS PERIODS]`.
//! The values are noise; the point is the size of what a first view must fetch and draw.

use samiksha_core::synth::{synthetic, synthetic_boundaries};
use std::path::PathBuf;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let out = PathBuf::from(args.first().ok_or("usage: synth_site OUT [UNITS INDICATORS PERIODS]")?);
    let n = |i: usize, default: usize| args.get(i).and_then(|s| s.parse().ok()).unwrap_or(default);
    let (units, indicators, periods) = (n(1, 785), n(2, 200), n(3, 60));
    let data = synthetic(units, indicators, periods);
    let boundaries = synthetic_boundaries(units);
    // The generated manifest lists the value files; the boundary file is listed here, with the
    // size and hash the viewer checks.
    let mut manifest: serde_json::Value = serde_json::from_slice(&data.manifest)?;
    manifest["boundaries"] = serde_json::json!({
        "path": "boundaries.json", "bytes": boundaries.len(), "sha256": samiksha_core::sha256_hex(&boundaries)
    });
    std::fs::create_dir_all(&out)?;
    for (path, bytes) in &data.files {
        let file = out.join(path);
        std::fs::create_dir_all(file.parent().ok_or("a value file has no folder")?)?;
        std::fs::write(file, bytes)?;
    }
    std::fs::write(out.join("boundaries.json"), &boundaries)?;
    std::fs::write(out.join("manifest.json"), serde_json::to_vec(&manifest)?)?;
    println!("wrote {units} districts × {indicators} indicators × {periods} periods into {}", out.display());
    Ok(())
}
