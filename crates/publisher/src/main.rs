//! Entry point of the publisher page's wasm (built by tools/publisher.mjs).

fn main() {
    #[cfg(target_arch = "wasm32")]
    samiksha_publisher::mount();
}
