package where

import (
	_ "embed"
	"fmt"
	"math"
	"strconv"
	"strings"
	"sync"
	"unicode"

	"github.com/crosscheck-dev/crosscheck/internal/extract/token"
)

// The gazetteer, built by scripts/gazetteer from GeoNames, Natural Earth and
// the packages listed in data/NOTICE.
//
//go:embed data/gazetteer.tsv
var gazetteerData string

//go:embed data/countries-110m.json
var baseMap []byte

// BaseMap returns Natural Earth's 1:110m country shapes as TopoJSON (from
// the world-atlas package; public domain), for an offline base map. Each
// country's id is its ISO 3166-1 numeric code. The caller must not modify
// the slice.
func BaseMap() []byte { return baseMap }

// Entry kinds in the gazetteer file.
const (
	kCountry   = 'K'
	kRegion    = 'R'
	kCity      = 'P'
	kContinent = 'T'
	kOther     = 'O'
	kDemonym   = 'D'
)

// entry is one gazetteer record.
type entry struct {
	name     string
	kind     byte
	cc       string
	capital  bool
	lat, lon float32
	pop      int64
	id       int64
	score    float32 // prior: kind weight plus log of population
}

// ref is one name of an entry, as the trie holds it.
type ref struct {
	entry int32
	// alias indexes the spelling in gazetteer.aliases.
	alias int32
	// common: the name is also an everyday word ("Nice", "Reading");
	// given: also a first name ("Jordan", "Florence").
	common, given bool
}

// node is a trie node; the trie is keyed by token keys. Its names are
// gazetteer.refs[off:off+cnt]; while loading, a list threaded through
// gazetteer.pending from head.
type node struct {
	off, cnt int32
	head     int32 // 1-based index into pending; 0 for none
	// lowerOK is set when some name reaching this node writes this word in
	// lower case ("Kursk region", "Sant Julià de Lòria"), so the text may
	// too.
	lowerOK bool
	// upperOK is set when some name reaching this node writes this word in
	// capitals ("US", "UAE"): elsewhere a word in capitals within ordinary
	// text is an acronym ("NIS" is no "Niš").
	upperOK bool
}

type gazetteer struct {
	entries []entry
	aliases []string
	refs    []ref
	pending []pending // refs as loaded, before compact
	nodes   []node
	// The trie's edges: a parent node and the interned key of a token.
	vocab    map[string]uint32
	children map[uint64]int32
	// countries by ISO code, and every country name, alias and demonym
	// (normalised by nameKey) to its code.
	country   map[string]int32
	countryOf map[string]string
	everyday  map[string]bool
	given     map[string]bool
	keys      []string // vocab's keys by id
	buf       []word   // scratch for insert
	kbuf      []byte   // scratch for lower
}

var (
	loadOnce sync.Once
	gaz      *gazetteer
	loadErr  error
)

// Load reads the embedded gazetteer. Find calls it on first use; a server
// may call it at start-up to take the cost (tens of milliseconds) up front.
func Load() error {
	loadOnce.Do(func() { gaz, loadErr = parse(gazetteerData) })
	return loadErr
}

func get() *gazetteer {
	if err := Load(); err != nil {
		panic(err) // the embedded file is part of the binary: a build error
	}
	return gaz
}

func parse(data string) (*gazetteer, error) {
	g := &gazetteer{
		entries:   make([]entry, 0, 32000),
		aliases:   make([]string, 0, 80000),
		nodes:     make([]node, 1, 70000),
		pending:   make([]pending, 0, 80000),
		vocab:     make(map[string]uint32, 50000),
		children:  make(map[uint64]int32, 70000),
		country:   map[string]int32{},
		countryOf: map[string]string{},
	}
	// Names are slices of the embedded string, not copies.
	rest := data
	for n := 1; rest != ""; n++ {
		var line string
		line, rest, _ = strings.Cut(rest, "\n")
		if line == "" || line[0] == '#' {
			continue
		}
		if err := g.line(line); err != nil {
			return nil, fmt.Errorf("where: gazetteer line %d: %w", n, err)
		}
	}
	g.compact()
	return g, nil
}

func (g *gazetteer) line(line string) error {
	var f [8]string
	rest := line
	for i := range f {
		if i == len(f)-1 {
			f[i] = rest
			break
		}
		var ok bool
		f[i], rest, ok = strings.Cut(rest, "\t")
		if !ok {
			if i == 1 && (f[0] == "W" || f[0] == "N") {
				set := make(map[string]bool, strings.Count(f[i], " ")+1)
				for w := range strings.FieldsSeq(f[i]) {
					set[w] = true
				}
				if f[0] == "W" {
					g.everyday = set
				} else {
					g.given = set
				}
				return nil
			}
			return fmt.Errorf("want 8 fields")
		}
	}
	id, err1 := strconv.ParseInt(f[1], 10, 64)
	lat, err2 := strconv.ParseFloat(f[3], 32)
	lon, err3 := strconv.ParseFloat(f[4], 32)
	pop, err4 := strconv.ParseInt(f[5], 10, 64)
	for _, err := range []error{err1, err2, err3, err4} {
		if err != nil {
			return err
		}
	}
	first, _, _ := strings.Cut(f[7], "|")
	e := entry{name: strings.TrimLeft(first, "=~@"), kind: f[0][0], cc: f[2], capital: strings.Contains(f[6], "c"),
		lat: float32(lat), lon: float32(lon), pop: pop, id: id}
	e.score = prior(e)
	ei := int32(len(g.entries))
	g.entries = append(g.entries, e)
	for n := range strings.SplitSeq(f[7], "|") {
		if strings.HasPrefix(n, "=") {
			continue // the canonical name, matched as another entry's
		}
		r := ref{entry: ei}
		for len(n) > 0 && (n[0] == '~' || n[0] == '@') {
			r.common = r.common || n[0] == '~'
			r.given = r.given || n[0] == '@'
			n = n[1:]
		}
		r.alias = int32(len(g.aliases))
		g.aliases = append(g.aliases, n)
		g.insert(n, r)
		if e.kind == kCountry || e.kind == kDemonym {
			g.countryOf[nameKey(n)] = e.cc
		}
	}
	if e.kind == kCountry {
		g.country[e.cc] = ei
	}
	return nil
}

// prior ranks the readings of an ambiguous name before context: countries
// over capitals over regions and areas over cities, then by population
// (a region's and a country's is the sum of their cities').
func prior(e entry) float32 {
	var w float32
	switch {
	case e.kind == kCountry:
		w = 6
	case e.capital:
		w = 5
	case e.kind == kRegion, e.kind == kContinent, e.kind == kOther:
		w = 3
	default:
		w = 2
	}
	return w + log10(float32(e.pop)+10)
}

func log10(x float32) float32 {
	var n float32
	for x >= 10 {
		x /= 10
		n++
	}
	return n + (x-1)/9 // linear within a decade: ranking needs no more
}

// pending is a ref in a node's list while loading.
type pending struct {
	ref  ref
	next int32
}

// compact lays every node's refs side by side in g.refs, in the order they
// were loaded (the canonical name's entry first), so that matching reads
// them as a slice with no allocation.
func (g *gazetteer) compact() {
	g.refs = make([]ref, len(g.pending))
	off := int32(0)
	for i := range g.nodes {
		n := &g.nodes[i]
		n.off = off
		k := off + n.cnt
		for p := n.head; p != 0; p = g.pending[p-1].next {
			k--
			g.refs[k] = g.pending[p-1].ref
		}
		off += n.cnt
		n.head = 0
	}
	g.pending = nil
}

// refsOf returns the names that end at node n.
func (g *gazetteer) refsOf(n int32) []ref {
	nd := g.nodes[n]
	return g.refs[nd.off : nd.off+nd.cnt : nd.off+nd.cnt]
}

// child returns the node under parent for a token key (folded).
func (g *gazetteer) child(parent int32, key string) (int32, bool) {
	id, ok := g.vocab[key]
	if !ok {
		return 0, false
	}
	n, ok := g.children[uint64(parent)<<32|uint64(id)]
	return n, ok
}

// word is a token of a gazetteer name: its folded key and case.
type word struct {
	key          string
	lower, upper bool // written in lower case; in capitals
	punct        bool
}

// words splits a name into tokens as token.Tokenize would split the same
// words in a text. Most names are ASCII letters and spaces: those are split
// here directly, which keeps loading fast; the others go through the
// tokenizer itself.
func (g *gazetteer) words(name string, buf []word) []word {
	buf = buf[:0]
	if simpleName(name) {
		for w := range strings.FieldsSeq(name) {
			var up, low int
			for _, r := range w {
				switch {
				case unicode.IsUpper(r):
					up++
				case unicode.IsLower(r):
					low++
				}
			}
			buf = append(buf, word{key: g.lower(w), lower: up == 0, upper: low == 0 && up > 1})
		}
		return buf
	}
	for _, t := range token.Tokenize(name) {
		buf = append(buf, word{key: fold(t.Key), lower: t.Kind == token.Word && t.Shape == token.Lower,
			upper: t.Kind == token.Word && t.Shape == token.Upper, punct: t.Kind != token.Word})
	}
	return buf
}

// lower returns the folded lower-case key of a word, reusing the
// vocabulary's copy of it when there is one, so that loading allocates a
// string per distinct word rather than per name.
func (g *gazetteer) lower(w string) string {
	ascii, low := true, true
	for i := 0; i < len(w); i++ {
		c := w[i]
		ascii = ascii && c < 0x80
		low = low && !(c >= 'A' && c <= 'Z')
	}
	if !ascii {
		return fold(strings.ToLower(w))
	}
	if low {
		return w
	}
	g.kbuf = g.kbuf[:0]
	for i := 0; i < len(w); i++ {
		c := w[i]
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		g.kbuf = append(g.kbuf, c)
	}
	if id, ok := g.vocab[string(g.kbuf)]; ok {
		return g.keys[id]
	}
	return string(g.kbuf)
}

// simpleName reports whether a name is made of letters, single spaces and
// hyphens between letters only: then its tokens are its space-separated
// words, as the tokenizer would find them.
func simpleName(name string) bool {
	prevLetter := false
	for i, r := range name {
		switch {
		case unicode.IsLetter(r):
			prevLetter = true
		case r == ' ':
			prevLetter = false
		case r == '-' && prevLetter && i+1 < len(name) && name[i+1] != ' ' && name[i+1] != '-':
			prevLetter = false
		default:
			return false
		}
	}
	return true
}

// insert adds one name to the trie, keyed by the same token keys the text
// will have.
func (g *gazetteer) insert(name string, r ref) {
	g.buf = g.words(name, g.buf)
	if len(g.buf) == 0 {
		return
	}
	cur := int32(0)
	for _, w := range g.buf {
		id, ok := g.vocab[w.key]
		if !ok {
			id = uint32(len(g.keys))
			g.vocab[w.key] = id
			g.keys = append(g.keys, w.key)
		}
		e := uint64(cur)<<32 | uint64(id)
		next, ok := g.children[e]
		if !ok {
			next = int32(len(g.nodes))
			g.nodes = append(g.nodes, node{})
			g.children[e] = next
		}
		// Punctuation has no case: it passes either way.
		g.nodes[next].lowerOK = g.nodes[next].lowerOK || w.lower || w.punct
		g.nodes[next].upperOK = g.nodes[next].upperOK || w.upper || w.punct
		cur = next
	}
	// The same entry may arrive here by several spellings ("Liège",
	// "Liege"): each is kept, so that the output can use the one the text
	// used.
	for p := g.nodes[cur].head; p != 0; p = g.pending[p-1].next {
		if x := g.pending[p-1].ref; x.entry == r.entry && g.aliases[x.alias] == g.aliases[r.alias] {
			return
		}
	}
	g.pending = append(g.pending, pending{ref: r, next: g.nodes[cur].head})
	g.nodes[cur].head = int32(len(g.pending))
	g.nodes[cur].cnt++
}

// fold lower-cases nothing (keys are lower case already) but strips the
// diacritics of Latin letters, so "Kraków" in a text meets "Krakow" in the
// gazetteer.
func fold(k string) string {
	ascii := true
	for i := 0; i < len(k); i++ {
		if k[i] >= 0x80 {
			ascii = false
			break
		}
	}
	if ascii {
		return k
	}
	var b strings.Builder
	b.Grow(len(k))
	for _, r := range k {
		if r < 0x80 {
			b.WriteRune(r)
			continue
		}
		if s, ok := latin[r]; ok {
			b.WriteString(s)
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

// latin maps accented Latin letters (lower case: keys are lower case) to
// their base letters.
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
	m['’'] = "'"
	return m
}()

// nameKey normalises a free-standing name for the country look-ups: tokens'
// folded keys joined by spaces, without a leading "the" or a trailing
// possessive.
func nameKey(name string) string {
	toks := token.Tokenize(name)
	var keys []string
	for i, t := range toks {
		if i == 0 && t.Key == "the" {
			continue
		}
		if i == len(toks)-1 && (t.Key == "'s" || t.Key == "'") {
			continue
		}
		keys = append(keys, fold(t.Key))
	}
	return strings.Join(keys, " ")
}

// CountryName returns the English name of the country with ISO 3166-1
// alpha-2 code code ("RU" gives "Russia"), or "" when the code is unknown.
func CountryName(code string) string {
	g := get()
	if i, ok := g.country[strings.ToUpper(code)]; ok {
		return g.entries[i].name
	}
	return ""
}

// CountryCode returns the ISO 3166-1 alpha-2 code of the country a name,
// alias or demonym stands for: "Russia", "the US", "Britain", "South
// Korea's", "Ukrainian", "North Koreans" (case does not matter). It returns
// "" when the name is no country.
func CountryCode(name string) string {
	g := get()
	return g.countryOf[nameKey(name)]
}

// Lookup returns the gazetteer's best reading of a free-standing place name
// ("Kursk region", "Seoul", "the Far East"), ranked as Find ranks a name with
// no context: countries, then capitals, regions and cities, then
// population. It reports false when the name is not in the gazetteer.
func Lookup(name string) (Place, bool) {
	g := get()
	toks := token.Tokenize(name)
	if len(toks) > 0 && toks[0].Key == "the" {
		toks = toks[1:]
	}
	cur := int32(0)
	for _, t := range toks {
		next, ok := g.child(cur, fold(t.Key))
		if !ok {
			return Place{}, false
		}
		cur = next
	}
	best := int32(-1)
	for _, r := range g.refsOf(cur) {
		if g.entries[r.entry].kind == kDemonym {
			continue
		}
		if best < 0 || g.entries[r.entry].score > g.entries[best].score {
			best = r.entry
		}
	}
	if best < 0 {
		return Place{}, false
	}
	p := g.place(best)
	p.Text = name
	return p, true
}

func (g *gazetteer) place(i int32) Place {
	e := g.entries[i]
	return Place{Name: e.name, Canonical: e.name, Country: e.cc, Kind: kindName(e), Lat: coord(e.lat), Lon: coord(e.lon), ID: e.id}
}

// coord widens a stored coordinate to the four decimals the gazetteer
// keeps (about 10 m), without float32's noise digits.
func coord(x float32) float64 { return math.Round(float64(x)*1e4) / 1e4 }

// spelling returns the name to show for a match of entry i written as
// text: the gazetteer's spelling of the form the text used ("U.S.", "Kiev",
// "Liege" for "LIEGE"), or the canonical name when the text used a
// descriptive form ("Kursk region" is "Kursk Oblast").
func (g *gazetteer) spelling(refs []ref, i int32, text string) string {
	first := ""
	for _, r := range refs {
		if r.entry != i {
			continue
		}
		a := g.aliases[r.alias]
		if descriptive(a) {
			return g.entries[i].name
		}
		if strings.EqualFold(a, text) {
			return a
		}
		if first == "" {
			first = a
		}
	}
	if first == "" {
		return g.entries[i].name
	}
	return first
}

// descriptive reports whether a name is a form made of a name and a
// lower-case class word ("Kursk region", "Texas state", "Far East region"),
// as the generator and the supplement write them.
func descriptive(a string) bool {
	i := strings.LastIndexByte(a, ' ')
	if i < 0 || i+1 >= len(a) {
		return false
	}
	c := a[i+1]
	return c >= 'a' && c <= 'z' && i > 0 && a[0] >= 'A' && a[0] <= 'Z'
}

func kindName(e entry) string {
	switch e.kind {
	case kCountry:
		return KindCountry
	case kRegion:
		return KindRegion
	case kCity:
		return KindCity
	case kContinent:
		return KindContinent
	}
	return KindOther
}
