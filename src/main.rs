//! Entry point of the browser build: Trunk compiles this binary to wasm and calls `main`.

fn main() {
    samiksha::mount();
}
