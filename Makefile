# Samiksha's commands. A newcomer needs two: `make serve` and `make test`.
SHELL := /bin/bash
export PATH := $(HOME)/.cargo/bin:$(CURDIR)/node_modules/.bin:$(PATH)
PORT ?= 8080
SHARED ?= ../shared
GEO := $(SHARED)/reference/geo/mp-districts-2011.topo.json
# Browser unit tests run in headless Chromium through ChromeDriver.
export CHROMEDRIVER ?= /usr/bin/chromedriver

.PHONY: serve dist test lint test-native test-browser test-e2e report bench fuzz setup setup-test sample nfhs-mp

setup:
	@tools/setup.sh build

setup-test:
	@tools/setup.sh test

## Build (debug, incremental) and serve the app with its sample dataset at http://127.0.0.1:$(PORT)/
serve: setup
	trunk build
	node tests/e2e/server.mjs dist /

## Release build into dist/: wasm-opt, minified JS, hashed names, SRI, and the first view
## pre-rendered into index.html (headless Chromium, hence setup-test); upload the folder as is.
dist: setup-test
	trunk build --release

## Every test layer: format and lints, native, browser unit tests, end-to-end.
test: setup-test lint test-native test-browser test-e2e

## Fails on any formatting difference or clippy warning (the app is linted as wasm, as it ships).
lint:
	@echo "== format and lints (cargo fmt --check, cargo clippy -D warnings)"
	cargo fmt --all --check
	cargo clippy --release --all-targets -p samiksha-core -p samiksha-publish -p samiksha-charts -p samiksha-publisher -- -D warnings
	cargo clippy --release --target wasm32-unknown-unknown -p samiksha-publisher -- -D warnings
	cargo clippy --target wasm32-unknown-unknown --all-targets -p samiksha --features bench -- -D warnings
	cargo clippy --target wasm32-unknown-unknown -p samiksha --bin samiksha --features split -- -D warnings

test-native:
	@echo "== native tests (cargo test: domain layer and publisher CLI)"
	cargo test --release -p samiksha-core -p samiksha-publish -p samiksha-charts -p samiksha-publisher

test-browser:
	@echo "== browser unit tests (wasm-bindgen-test in headless Chromium)"
	cargo test --target wasm32-unknown-unknown -p samiksha

test-e2e: dist
	@echo "== end-to-end tests (Playwright driving headless Chromium against dist/ on a sub-path)"
	node --test --test-concurrency=1 tests/e2e/

## The first tap on a phone on a slow line against a plain D3 page, Lighthouse, a generated
## all-India dataset and the wasm's memory over 5,000 recolours: five figures beside their goals,
## and twiggy's top twenty of the wasm (a benchmark, not a test; about 15 minutes, twiggy's first
## install about 2 more).
report: dist setup-test
	@mkdir -p target/report
	@command -v twiggy >/dev/null || cargo install twiggy --version 0.8.0 --locked
	cargo run --release -p samiksha-core --example synth_site --features synth -- target/report/india 785 200 60
	node tools/report.mjs dist

## Parse-and-validate throughput, natively and in the browser (a benchmark, not a test).
bench: setup-test
	cargo run --release -p samiksha-core --example bench_parse --features synth
	cargo test --release --target wasm32-unknown-unknown -p samiksha --features bench --test bench -- --nocapture

## Coverage-guided fuzzing (cargo-fuzz, libFuzzer) of the manifest, value-file, boundary-file and
## URL readers, FUZZ_SECONDS each (default 600). Needs the nightly toolchain; not part of `make test`.
FUZZ_SECONDS ?= 600
fuzz:
	@command -v cargo-fuzz >/dev/null || cargo install cargo-fuzz --locked
	cd fuzz && for t in manifest values boundaries route; do \
	  cargo +nightly fuzz run $$t -- -max_total_time=$(FUZZ_SECONDS) -timeout=10 -rss_limit_mb=2048 2>&1 | tail -n 4 || exit 1; \
	done

## Regenerates the committed sample dataset from the district list, and its boundary file from
## the real district boundaries (both deterministic; both committed, so a clone needs neither).
sample:
	cargo run --release --bin samiksha-publish -- sample --districts $(SHARED)/reference/mp-districts.csv --boundaries $(GEO) --out public/data/sample

## Regenerates the committed NFHS dataset (public/data/nfhs-mp) from the real fact sheets in
## ../shared with the publisher's CLI, and the catalogue listing it beside the sample.
nfhs-mp:
	SHARED=$(SHARED) tools/nfhs-mp.sh
