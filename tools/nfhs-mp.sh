#!/usr/bin/env bash
# Regenerates the committed dataset public/data/nfhs-mp from the real NFHS district fact sheets
# and district boundaries in ../shared/reference, with only the publisher's CLI, as
# docs/publishing.md describes; then lists it in the site's catalogue. Run by `make nfhs-mp`.
#
# The inputs a publisher writes are committed in datasets/nfhs-mp/ (indicator sheet, flag sheet,
# aliases, meta.json); the raw CSV and boundary file are not (see ../shared/README.md).
set -euo pipefail
cd "$(dirname "$0")/.."
SHARED=${SHARED:-../shared}
REF=$SHARED/reference
IN=datasets/nfhs-mp
# OUT, CATALOG and SAMIKSHA_PUBLISH (a built CLI) may be set by the test that regenerates the
# dataset into a temporary folder and compares it with the committed one.
OUT=${OUT:-public/data/nfhs-mp}
CATALOG=${CATALOG:-public/data/catalog.json}
if [ -n "${SAMIKSHA_PUBLISH:-}" ]; then PUBLISH=("$SAMIKSHA_PUBLISH"); else PUBLISH=(cargo run --quiet --release --bin samiksha-publish --); fi
for f in "$REF/mp-districts.csv" "$REF/nfhs5/mp-district-factsheets.csv" "$REF/geo/mp-districts-2011.topo.json"; do
  [ -f "$f" ] || { echo "missing $f: this script needs ../shared/reference (or SHARED=<folder holding reference/>)" >&2; exit 1; }
done
# The shared district list has no former_name_hi column; this publisher's copy adds the Hindi of
# the one former name it carries (Hoshangabad, now Narmadapuram).
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
awk -F, -v OFS=, '{ sub(/\r$/, "") } NR==1 { print $0, "former_name_hi"; next } { print $0, ($7 == "Hoshangabad" ? "होशंगाबाद" : "") }' "$REF/mp-districts.csv" > "$tmp/districts.csv"
# Built beside the committed dataset and moved into place only when every step succeeded, so a
# failed run leaves the committed dataset as it was.
NEW=$(dirname "$OUT")/.nfhs-mp-new
rm -rf "$NEW"
trap 'rm -rf "$tmp" "$NEW"' EXIT
# The sheet takes 45 of the fact sheets' 104 indicators: the rest are left out on purpose.
"${PUBLISH[@]}" import \
  --values "$REF/nfhs5/mp-district-factsheets.csv" --indicator-column indicator_no \
  --period nfhs-4=nfhs4_2015_16:flag_nfhs4@2015 --period nfhs-5=nfhs5_2019_21:flag_nfhs5@2019 \
  --indicators "$IN/indicators.csv" --flags "$IN/flags.csv" --aliases "$IN/aliases.csv" \
  --districts "$tmp/districts.csv" --meta "$IN/meta.json" --out "$NEW" --allow-unmatched
"${PUBLISH[@]}" boundaries --input "$REF/geo/mp-districts-2011.topo.json" --districts "$tmp/districts.csv" \
  --out "$NEW/boundaries.json" --manifest "$NEW/manifest.json" \
  --source "District boundaries: 2011 census districts of Madhya Pradesh with Agar Malwa and Niwari, from a public collection of Indian district maps (mp-districts-2011.topo.json)" \
  --source-hi "ज़िलों की सीमाएँ: मध्यप्रदेश के 2011 की जनगणना के ज़िले, आगर मालवा और निवाड़ी सहित, भारत के ज़िलों के मानचित्रों के एक सार्वजनिक संग्रह से (mp-districts-2011.topo.json)"
"${PUBLISH[@]}" validate "$NEW/manifest.json"
rm -rf "$OUT"
mv "$NEW" "$OUT"
if [ "$CATALOG" = public/data/catalog.json ]; then
  "${PUBLISH[@]}" catalog --catalog "$CATALOG" --id sample --manifest public/data/sample/manifest.json --first
fi
"${PUBLISH[@]}" catalog --catalog "$CATALOG" --id nfhs-mp --manifest "$OUT/manifest.json"
