#!/usr/bin/env sh
# Trunk post-build hook: gives the built sample dataset its boundary file, made by the publisher
# CLI from ../shared/reference/geo when that folder exists. The repository never holds the
# reference file; without it the app shows the tile map and says no boundary file was published.
set -eu
shared="${SHARED:-../shared}"
geo="$shared/reference/geo/mp-districts-2011.topo.json"
list="$shared/reference/mp-districts.csv"
out="${TRUNK_STAGING_DIR:?run by trunk}/data/sample"
if [ -f "$geo" ] && [ -f "$list" ]; then
  cargo run --quiet --release --bin samiksha-publish -- boundaries --input "$geo" --districts "$list" \
    --out "$out/boundaries.json" --manifest "$out/manifest.json"
else
  echo "boundaries: $geo not found; building without a boundary file (the app shows the tile map)"
fi
