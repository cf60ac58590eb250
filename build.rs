//! Build script of the viewer: with the `split` feature (the shipped build, see index.html), the
//! wasm binary is linked with its relocations kept, which `wasm-split-cli` needs to cut it into
//! its modules (tools/split.mjs). Other builds are untouched.

fn main() {
    println!("cargo::rerun-if-env-changed=CARGO_FEATURE_SPLIT");
    let split = std::env::var_os("CARGO_FEATURE_SPLIT").is_some();
    let wasm = std::env::var("CARGO_CFG_TARGET_ARCH").is_ok_and(|arch| arch == "wasm32");
    if split && wasm {
        println!("cargo::rustc-link-arg-bins=--emit-relocs");
    }
}
