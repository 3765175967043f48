package reconcile

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// word is one word of a name, a role or a clause: as written, lower-cased,
// and its stem (see stem).
type word struct {
	text  string // as written, possessive dropped
	lower string
	stem  string
	cap   bool // written with a capital
	poss  bool // followed by a possessive 's
	// punct is the punctuation written right after the word ("," "." ";"),
	// "" when none.
	punct string
	// start and end are the word's rune offsets in the text it was read
	// from.
	start, end int
}

// words splits s into words. Apostrophes inside a word stay ("don't"); a
// possessive "'s" or a bare trailing apostrophe ("ministers'") marks the
// word instead. Hyphenated words stay whole.
func words(s string) []word {
	var out []word
	rs := []rune(s)
	for i := 0; i < len(rs); {
		r := rs[i]
		if !isWordRune(r) {
			if len(out) > 0 && out[len(out)-1].punct == "" && strings.ContainsRune(",.;:!?…—–()", r) {
				out[len(out)-1].punct = string(r)
			}
			i++
			continue
		}
		j := i
		for j < len(rs) && (isWordRune(rs[j]) || (isApostrophe(rs[j]) || rs[j] == '-') && j+1 < len(rs) && isWordRune(rs[j+1])) {
			j++
		}
		w := word{text: string(rs[i:j]), start: i}
		// Possessive: "agency's", "agency’s", "ministers’".
		if lw := strings.ToLower(w.text); len(lw) > 2 {
			for _, suffix := range []string{"'s", "’s"} {
				if strings.HasSuffix(lw, suffix) {
					w.text = w.text[:len(w.text)-len(suffix)]
					w.poss = true
					break
				}
			}
		}
		if j < len(rs) && isApostrophe(rs[j]) && (j+1 == len(rs) || !isWordRune(rs[j+1])) {
			w.poss = true
			j++
		}
		w.end = j
		first, _ := utf8.DecodeRuneInString(w.text)
		w.cap = unicode.IsUpper(first)
		w.lower = strings.ToLower(w.text)
		w.stem = stem(w.lower)
		out = append(out, w)
		i = j
	}
	return out
}

func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
}

func isApostrophe(r rune) bool { return r == '\'' || r == '’' }

// stem reduces a word so that a country's name, its adjective and its
// possessive meet ("Kestria", "Kestrian", "Kestria's" -> "kestr"; "Ukraine",
// "Ukrainian" -> "ukrain"), and singular and plural too ("agencies",
// "agency"). It is deliberately crude: it is only ever compared with other
// stems, and names of invented countries follow the same patterns as real
// ones (-ia/-ian, -a/-an, -e/-ian).
func stem(w string) string {
	if len(w) <= 3 {
		return w
	}
	switch {
	case strings.HasSuffix(w, "ies") && len(w) > 4:
		w = w[:len(w)-3] + "y"
	case strings.HasSuffix(w, "ses"), strings.HasSuffix(w, "xes"), strings.HasSuffix(w, "ches"), strings.HasSuffix(w, "shes"):
		w = w[:len(w)-2]
	case strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") && !strings.HasSuffix(w, "us") && !strings.HasSuffix(w, "is"):
		w = w[:len(w)-1]
	}
	for _, suffix := range []string{"ian", "ean", "an", "ia", "a", "e", "y", "n"} {
		if strings.HasSuffix(w, suffix) && len(w)-len(suffix) >= 4 {
			return w[:len(w)-len(suffix)]
		}
	}
	return w
}

// stopWords carry no identity in a name ("the Ministry of Defence" and
// "Defence Ministry" are one).
var stopWords = set("the", "a", "an", "of", "for", "and", "in", "on", "at", "to", "its", "his", "her", "their",
	"our", "own", "this", "that", "de", "del", "la", "le", "der", "die")

// titles are dropped from people's names before comparing them.
var titles = set("mr", "mrs", "ms", "miss", "dr", "prof", "professor", "sir", "dame", "lord", "lady", "president",
	"gen", "general", "col", "colonel", "maj", "major", "lt", "capt", "captain", "adm", "admiral", "sen", "senator",
	"rep", "gov", "governor", "minister", "secretary", "spokesman", "spokeswoman", "spokesperson", "mayor", "chief",
	"king", "queen", "prince", "princess", "pope", "rev", "father", "sheikh")

func set(ws ...string) map[string]bool {
	m := make(map[string]bool, len(ws))
	for _, w := range ws {
		m[w] = true
	}
	return m
}

// contentStems are the stems of the words of a name that are not stop
// words, without repeats, in order.
func contentStems(ws []word) []string {
	var out []string
	for _, w := range ws {
		if stopWords[w.lower] || w.lower == "" {
			continue
		}
		dup := false
		for _, s := range out {
			if s == w.stem {
				dup = true
				break
			}
		}
		if !dup {
			out = append(out, w.stem)
		}
	}
	return out
}

// bagKey is a set of stems as one comparable string.
func bagKey(stems []string) string {
	s := append([]string(nil), stems...)
	sortStrings(s)
	return strings.Join(s, " ")
}

func sortStrings(s []string) {
	for i := 1; i < len(s); i++ {
		for j := i; j > 0 && s[j] < s[j-1]; j-- {
			s[j], s[j-1] = s[j-1], s[j]
		}
	}
}

// initials are the first letters of a name's words, stop words left out
// ("Kestrian Defence Intelligence Directorate" -> "kdid"), and with them
// ("International Institute of Strategic Studies" -> "iiss" either way).
func initials(ws []word) (without, with string) {
	var a, b strings.Builder
	for _, w := range ws {
		r, _ := utf8.DecodeRuneInString(w.lower)
		if !unicode.IsLetter(r) {
			continue
		}
		b.WriteRune(r)
		if !stopWords[w.lower] {
			a.WriteRune(r)
		}
	}
	return a.String(), b.String()
}

// acronymOf returns a name's own letters when the name is an acronym
// ("NIS", "CMSA", "the KDID"), else "".
func acronymOf(ws []word) string {
	var found string
	for _, w := range ws {
		if stopWords[w.lower] {
			continue
		}
		if found != "" || len(w.text) < 2 || len(w.text) > 8 || strings.ToUpper(w.text) != w.text || strings.ToLower(w.text) == w.text {
			return ""
		}
		found = w.lower
	}
	return found
}

// editDistance is the Levenshtein distance between a and b, in runes, up to
// limit (it returns limit+1 once it knows the distance is larger).
func editDistance(a, b string, limit int) int {
	ra, rb := []rune(a), []rune(b)
	if d := len(ra) - len(rb); d > limit || -d > limit {
		return limit + 1
	}
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		best := cur[0]
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			best = min(best, cur[j])
		}
		if best > limit {
			return limit + 1
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}

// lemma is a noun's singular, lower-cased ("troops" -> "troop", "militias"
// -> "militia", "men" -> "man").
func lemma(w string) string {
	w = strings.ToLower(w)
	if l, ok := irregularPlurals[w]; ok {
		return l
	}
	switch {
	case len(w) <= 3:
		return w
	case strings.HasSuffix(w, "ies"):
		return w[:len(w)-3] + "y"
	case strings.HasSuffix(w, "sses"), strings.HasSuffix(w, "xes"), strings.HasSuffix(w, "ches"), strings.HasSuffix(w, "shes"):
		return w[:len(w)-2]
	case strings.HasSuffix(w, "ss"), strings.HasSuffix(w, "us"), strings.HasSuffix(w, "is"):
		return w
	case strings.HasSuffix(w, "s"):
		return w[:len(w)-1]
	}
	return w
}

var irregularPlurals = map[string]string{
	"men": "man", "women": "woman", "people": "people", "children": "child", "personnel": "personnel",
	"aircraft": "aircraft", "police": "police", "staff": "staff", "crew": "crew", "data": "data",
}
