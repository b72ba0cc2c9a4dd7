#!/usr/bin/env bash
# Writes the generated part of the seed corpus with a built mediatour-cli:
# the sample tour, small generated tours, and their exports as .ics and CSV.
# The reproducers (corpus/*/repro-*) are written by hand and kept as they are.
#   tests/fuzz/seed-corpus.sh _build/src/cli/mediatour-cli
set -euo pipefail

cli=${1:?usage: seed-corpus.sh PATH/TO/mediatour-cli}
here=$(cd "$(dirname "$0")" && pwd)
corpus=$here/corpus
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

"$cli" sample -o "$corpus/tour/seed-sample.mtour"
printf '{"format":1,"first-day":"2024-05-14"}\n' > "$corpus/tour/seed-empty.mtour"
for spec in "3 2 2 1" "20 10 20 2" "60 30 60 3"; do
  set -- $spec
  "$cli" generate --visits "$1" --delegates "$2" --interviews "$3" --seed "$4" \
    -o "$corpus/tour/seed-generated-$1.mtour"
done

# the exports of the sample and of the small generated tours
"$cli" export "$corpus/tour/seed-sample.mtour" -o "$tmp/sample.ics"
head -c 16000 "$tmp/sample.ics" > "$corpus/ics/seed-sample-head.ics"
"$cli" export "$corpus/tour/seed-generated-3.mtour" -o "$corpus/ics/seed-generated-3.ics"
"$cli" export "$corpus/tour/seed-generated-20.mtour" -o "$corpus/ics/seed-generated-20.ics"
"$cli" export "$corpus/tour/seed-sample.mtour" --roster -o "$corpus/csv/seed-sample-roster.csv"
"$cli" export "$corpus/tour/seed-generated-20.mtour" --roster -o "$corpus/csv/seed-generated-20-roster.csv"
"$cli" export "$corpus/tour/seed-generated-3.mtour" -o "$corpus/csv/seed-generated-3-schedule.csv"
