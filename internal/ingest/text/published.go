package text

import (
	"path"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// dateSource says where a document's publication day was read.
type dateSource uint8

const (
	fromNone        dateSource = iota
	fromFrontMatter            // a date field of YAML front matter
	fromDateLine               // a date line or a dated byline in the header block
	fromDateline               // a wire dateline opening the body: "HAVANA, August 7 (Xinhua) --"
	fromFileName               // a date in the file name: "APW19980807.0261"
)

func (s dateSource) String() string {
	return [...]string{"none", "front matter", "date line", "dateline", "file name"}[s]
}

// publishedDay decides the publication day from the header's dates (in
// order), the wire dateline and the date of the file name (zero when
// none). The first date of the header wins; a dateline stands in for it;
// the file name comes last. Year and order left open by one are settled by
// the others, then by the text itself.
func publishedDay(text string, dates []part, dl dateline, nameDate time.Time) (time.Time, dateSource) {
	// Other dates of the document, to settle a numeric date's order.
	var evidence []time.Time
	for _, p := range dates {
		if !p.date.IsZero() && p.alt.IsZero() {
			evidence = append(evidence, p.date)
		}
	}
	if dl.year != 0 {
		if t, ok := makeDate(dl.year, dl.month, dl.day); ok {
			evidence = append(evidence, t)
		}
	}
	if !nameDate.IsZero() {
		evidence = append(evidence, nameDate)
	}
	for _, p := range dates {
		if !p.date.IsZero() {
			return settle(p, dl, evidence, text), fromDateLine
		}
	}
	// A date line without a year ("August 7"), then the dateline.
	for _, p := range dates {
		if t, ok := withYear(p.month, p.day, dl.year, nameDate, text); ok {
			return t, fromDateLine
		}
	}
	if dl.month != 0 {
		if t, ok := withYear(dl.month, dl.day, dl.year, nameDate, text); ok {
			return t, fromDateline
		}
	}
	if !nameDate.IsZero() {
		return nameDate, fromFileName
	}
	return time.Time{}, fromNone
}

// settle returns the reading of the date line p that the document bears
// out. A numeric date read either way ("05/06/2024") is the reading that
// agrees with the dateline's day; else, given other dates of the document
// (another date line, the file name), not a day after all of them, and
// the later of two that are not; else a stamp is read month first, as US
// wire services print it; else the article's spelling decides (American
// month first, British day first); else day first, as most of the world
// writes dates.
func settle(p part, dl dateline, evidence []time.Time, text string) time.Time {
	if p.alt.IsZero() {
		return p.date
	}
	a, b := p.date, p.alt
	if dl.month != 0 {
		switch {
		case a.Month() == dl.month && a.Day() == dl.day:
			return a
		case b.Month() == dl.month && b.Day() == dl.day:
			return b
		}
	}
	if len(evidence) > 0 {
		latest := evidence[0]
		for _, e := range evidence[1:] {
			if e.After(latest) {
				latest = e
			}
		}
		// A day of slack for time zones: the file may be stamped in
		// another one.
		limit := latest.AddDate(0, 0, 1)
		aOK, bOK := !a.After(limit), !b.After(limit)
		switch {
		case aOK && bOK:
			if b.After(a) {
				return b
			}
			return a
		case aOK:
			return a
		case bOK:
			return b
		}
	}
	if p.stamp {
		return a
	}
	// a is the day-first reading, b the month-first one.
	switch spelling(text) {
	case american:
		return b
	case british:
		return a
	}
	return a
}

// withYear places a month and day on the calendar: in year y when the
// text gave it, else in the year that puts it nearest to the file name's
// date or, failing that, to the first full date of the text.
func withYear(m time.Month, d, y int, nameDate time.Time, text string) (time.Time, bool) {
	if m == 0 || d == 0 {
		return time.Time{}, false
	}
	if y != 0 {
		return makeDate(y, m, d)
	}
	near := nameDate
	if near.IsZero() {
		var ok bool
		if near, ok = firstFullDate(text); !ok {
			return time.Time{}, false
		}
	}
	var best time.Time
	for _, y := range [...]int{near.Year(), near.Year() - 1, near.Year() + 1} {
		t, ok := makeDate(y, m, d)
		if ok && (best.IsZero() || absDays(t.Sub(near)) < absDays(best.Sub(near))) {
			best = t
		}
	}
	return best, !best.IsZero()
}

func absDays(d time.Duration) time.Duration {
	if d < 0 {
		return -d
	}
	return d
}

// firstFullDate returns the first date of text written with its day, month
// and year: "March 18, 2025", "18 March 2025", "2025-03-18".
func firstFullDate(text string) (time.Time, bool) {
	words := strings.FieldsFunc(strings.ToLower(text), func(r rune) bool {
		return unicode.IsSpace(r) || r == ',' || r == '(' || r == ')'
	})
	for i, w := range words {
		w = strings.TrimRight(w, ".;:")
		if t, _, ok := numericDate(w); ok && len(w) == 10 && w[4] == '-' {
			return t, true
		}
		if months[strings.TrimSuffix(words[i], ".")] == 0 && !isDay(w) {
			continue
		}
		window := make([]string, 0, 4)
		for _, f := range words[i:min(i+4, len(words))] {
			window = append(window, strings.TrimRight(f, ".;:"))
		}
		if y, m, d, _, ok := wordDate(window); ok && y != 0 && d != 0 {
			if t, ok := makeDate(y, m, d); ok {
				return t, true
			}
		}
	}
	return time.Time{}, false
}

// fileNameDate reads a date from the base name of a file or URL, as news
// archives and people name files: "northwind-2025-03-20-volunteers.txt",
// "2025_03_20", "20250320-story", and the corpus names of the LDC
// ("APW19980807.0261", "NYT19980206.0460", "ea980120.1830.0071",
// "AP900815-0044": a source code, then the date). A run of digits that is
// not delimited, or is not a real day, is no date.
func fileNameDate(origin string) (time.Time, bool) {
	if origin == "" || origin == "-" {
		return time.Time{}, false
	}
	name := path.Base(strings.ReplaceAll(origin, "\\", "/"))
	if i := strings.IndexAny(name, "?#"); i >= 0 {
		name = name[:i]
	}
	// Runs of digits with what lies between them.
	type run struct{ from, to int }
	var runs []run
	for i := 0; i < len(name); {
		if name[i] < '0' || name[i] > '9' {
			i++
			continue
		}
		j := i
		for j < len(name) && name[j] >= '0' && name[j] <= '9' {
			j++
		}
		runs = append(runs, run{i, j})
		i = j
	}
	isSep := func(c byte) bool { return c == '-' || c == '_' || c == '.' }
	delimited := func(from, to int) bool {
		return (from == 0 || !isLetterOrDigit(name[from-1])) && (to == len(name) || !isLetterOrDigit(name[to]))
	}
	for k, r := range runs {
		n := r.to - r.from
		// 2025-03-20, 2025_03_20
		if n == 4 && k+2 < len(runs) && runs[k+1].to-runs[k+1].from == 2 && runs[k+2].to-runs[k+2].from == 2 &&
			runs[k+1].from == r.to+1 && runs[k+2].from == runs[k+1].to+1 &&
			isSep(name[r.to]) && name[runs[k+1].to] == name[r.to] && delimited(r.from, runs[k+2].to) {
			if t, _, ok := numericDate(strings.ReplaceAll(name[r.from:runs[k+2].to], "_", "-")); ok {
				return t, true
			}
		}
		// 20250320 on its own, or after a source code: APW19980807.
		prefix := name[:r.from]
		code := prefix != "" && len(prefix) <= 4 && isLetters(prefix)
		if (n == 8 || n == 6 && code) && (delimited(r.from, r.to) || code && (r.to == len(name) || !isLetterOrDigit(name[r.to]))) {
			if t, ok := compactDate(name[r.from:r.to]); ok {
				return t, true
			}
		}
	}
	return time.Time{}, false
}

func isLetterOrDigit(c byte) bool {
	return c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
}

func isLetters(s string) bool {
	for i := 0; i < len(s); i++ {
		if !(s[i] >= 'a' && s[i] <= 'z' || s[i] >= 'A' && s[i] <= 'Z') {
			return false
		}
	}
	return true
}

// dateline is the wire dateline that opens a story: "WASHINGTON (AP) —",
// "HEMPSTEAD, N.Y., Sept. 26 (UPI) —", "LARNHOLT, March 20 (Northwind
// Wire) -": the place it was filed from, maybe a day (often without its
// year), maybe the agency.
type dateline struct {
	place  string
	agency string
	year   int // 0 when not given
	month  time.Month
	day    int
}

// maxDateline bounds the dateline before its dash.
const maxDateline = 90

// readDateline reads the dateline at the start of line, if it opens with
// one. The shape is the wire services' (AP, Reuters, UPI, Xinhua style
// books): a place in capitals, perhaps its state or country, perhaps a
// day, perhaps the agency in brackets, then a dash. A place in ordinary
// capitals ("Washington (CNN) -") counts only with an agency.
func readDateline(line string) (dateline, bool) {
	var dl dateline
	end := datelineDash(line)
	if end < 0 {
		return dl, false
	}
	head := strings.TrimSpace(line[:end])
	if i := strings.LastIndexByte(head, '('); i > 0 && strings.HasSuffix(head, ")") {
		dl.agency = strings.TrimSpace(head[i+1 : len(head)-1])
		if !isAgency(dl.agency) {
			return dateline{}, false
		}
		head = strings.TrimSpace(head[:i])
	}
	segs := strings.Split(head, ",")
	for i := range segs {
		segs[i] = strings.TrimSpace(segs[i])
	}
	dl.place = segs[0]
	if !isPlace(dl.place, dl.agency != "") {
		return dateline{}, false
	}
	// The day, when there is one, comes last: "Sept. 26", "March 20,
	// 2025", "20 March".
	rest := segs[1:]
	for k := 0; k < len(rest); k++ {
		fields := strings.Fields(strings.ToLower(strings.Join(rest[k:], " ")))
		if y, m, d, n, ok := wordDate(fields); ok && d != 0 && n == len(fields) {
			dl.year, dl.month, dl.day = y, m, d
			rest = rest[:k]
			break
		}
	}
	for _, r := range rest {
		if !isRegion(r) {
			return dateline{}, false
		}
	}
	return dl, true
}

// datelineDash returns where the dash after a dateline starts, or -1: an
// em dash, en dash or horizontal bar, a spaced hyphen or "--", or the
// underscore old wire copy used (" _ ", "(AP)_").
func datelineDash(line string) int {
	limit := min(len(line), maxDateline)
	for i := 0; i < limit; {
		r, size := utf8.DecodeRuneInString(line[i:])
		switch r {
		case '—', '–', '―':
			return i
		case '-':
			if strings.HasPrefix(line[i:], "--") || i > 0 && line[i-1] == ' ' && (i+1 == len(line) || line[i+1] == ' ') {
				return i
			}
		case '_':
			if i > 0 && (line[i-1] == ' ' || line[i-1] == ')') && (i+1 == len(line) || line[i+1] == ' ') {
				return i
			}
		case '.', '!', '?', '"', '“', ';':
			if r != '.' || i+1 < len(line) && line[i+1] == ' ' && !abbrevBefore(line[:i]) {
				return -1 // a sentence, not a dateline
			}
		}
		i += size
	}
	return -1
}

// abbrevBefore reports whether the word that ends s is an abbreviation
// whose period does not end a sentence: "N.Y", "Sept", "St".
func abbrevBefore(s string) bool {
	i := strings.LastIndexAny(s, " ,(")
	w := s[i+1:]
	if strings.Contains(w, ".") || len(w) <= 2 {
		return true
	}
	_, month := months[strings.ToLower(w)]
	return month || len(w) <= 4 && w[0] >= 'A' && w[0] <= 'Z'
}

// datelineNotPlace are the capitalised labels that open a paragraph the way
// a place opens a dateline: "BREAKING —", "UPDATE -".
var datelineNotPlace = map[string]bool{
	"breaking": true, "update": true, "updated": true, "exclusive": true, "analysis": true,
	"opinion": true, "editorial": true, "commentary": true, "live": true, "watch": true,
	"video": true, "photos": true, "correction": true, "note": true, "advertisement": true,
	"abstract": true, "summary": true, "transcript": true, "read": true, "more": true,
}

// isPlace says whether s can be a dateline's place: one to four words in
// capitals ("THE HAGUE", "O'SMACH", "ST. LOUIS"), or, when an agency
// follows, capitalised words ("Washington").
func isPlace(s string, agency bool) bool {
	words := strings.Fields(s)
	if len(words) == 0 || len(words) > 4 || datelineNotPlace[strings.ToLower(s)] {
		return false
	}
	letters := 0
	for _, w := range words {
		first, _ := utf8.DecodeRuneInString(w)
		if !unicode.IsUpper(first) {
			return false
		}
		for _, r := range w {
			switch {
			case unicode.IsLetter(r):
				letters++
				if !agency && unicode.IsLower(r) {
					return false
				}
			case r == '.' || r == '\'' || r == '’' || r == '-':
			default:
				return false
			}
		}
	}
	return letters >= 2
}

// isRegion says whether s can be the state or country after a dateline's
// place: "Australia", "Puerto Rico", "N.Y.", "Mich.".
func isRegion(s string) bool {
	words := strings.Fields(s)
	if len(words) == 0 || len(words) > 3 {
		return false
	}
	for _, w := range words {
		first, _ := utf8.DecodeRuneInString(w)
		if !unicode.IsUpper(first) {
			return false
		}
		for _, r := range w {
			if !unicode.IsLetter(r) && r != '.' && r != '-' && r != '\'' && r != '’' {
				return false
			}
		}
	}
	return true
}

// isAgency says whether s, in brackets after a dateline, names a news
// agency or outlet: "AP", "Reuters", "Xinhua", "Northwind Wire".
func isAgency(s string) bool {
	words := strings.Fields(s)
	if len(words) == 0 || len(words) > 4 || len(s) > 40 {
		return false
	}
	for _, w := range words {
		first, _ := utf8.DecodeRuneInString(w)
		if !unicode.IsUpper(first) && !unicode.IsDigit(first) {
			return false
		}
		for _, r := range w {
			if !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '.' && r != '-' && r != '&' && r != '/' && r != '\'' {
				return false
			}
		}
	}
	return true
}

// variety is the spelling an article is written in.
type variety int8

const (
	unknownSpelling variety = iota
	american
	british
)

// spelling tells American from British English by words spelt differently
// in the two (the -or/-our, -er/-re, -ize/-ise, -se/-ce, doubled -l- and
// other pairs of the Oxford and Merriam-Webster dictionaries). Only
// lower-case words count: "Labour Party" and "Department of Defense" are
// names, spelt the same wherever they are written about.
func spelling(text string) variety {
	us, uk := 0, 0
	for w := range strings.FieldsFuncSeq(text, func(r rune) bool { return !unicode.IsLetter(r) }) {
		if len(w) < 4 || w[0] < 'a' || w[0] > 'z' {
			continue
		}
		switch spellings[w] {
		case american:
			us++
		case british:
			uk++
		}
	}
	switch {
	case us > uk:
		return american
	case uk > us:
		return british
	}
	return unknownSpelling
}

var spellings = func() map[string]variety {
	pairs := [...][2]string{
		{"color", "colour"}, {"colors", "colours"}, {"colored", "coloured"}, {"favor", "favour"},
		{"favorite", "favourite"}, {"favorable", "favourable"}, {"honor", "honour"}, {"honored", "honoured"},
		{"labor", "labour"}, {"neighbor", "neighbour"}, {"neighbors", "neighbours"},
		{"neighborhood", "neighbourhood"}, {"neighboring", "neighbouring"}, {"behavior", "behaviour"},
		{"rumor", "rumour"}, {"rumors", "rumours"}, {"harbor", "harbour"}, {"armored", "armoured"},
		{"center", "centre"}, {"centers", "centres"}, {"centered", "centred"}, {"theater", "theatre"},
		{"meter", "metre"}, {"meters", "metres"}, {"kilometer", "kilometre"}, {"kilometers", "kilometres"},
		{"liter", "litre"}, {"liters", "litres"}, {"fiber", "fibre"}, {"defense", "defence"},
		{"offense", "offence"}, {"organize", "organise"}, {"organized", "organised"},
		{"organization", "organisation"}, {"organizations", "organisations"}, {"recognize", "recognise"},
		{"recognized", "recognised"}, {"realize", "realise"}, {"realized", "realised"},
		{"criticize", "criticise"}, {"criticized", "criticised"}, {"emphasize", "emphasise"},
		{"authorize", "authorise"}, {"authorized", "authorised"}, {"mobilize", "mobilise"},
		{"mobilized", "mobilised"}, {"apologize", "apologise"}, {"analyze", "analyse"},
		{"analyzed", "analysed"}, {"traveled", "travelled"}, {"traveling", "travelling"},
		{"canceled", "cancelled"}, {"labeled", "labelled"}, {"gray", "grey"}, {"jewelry", "jewellery"},
		{"catalog", "catalogue"}, {"maneuver", "manoeuvre"}, {"maneuvers", "manoeuvres"},
		{"skeptical", "sceptical"}, {"aluminum", "aluminium"}, {"mold", "mould"}, {"plow", "plough"},
		{"tire", "tyre"}, {"tires", "tyres"}, {"pajamas", "pyjamas"}, {"program", "programme"},
	}
	m := make(map[string]variety, 2*len(pairs))
	for _, p := range pairs {
		m[p[0]], m[p[1]] = american, british
	}
	// "program" is British too, for computers; "tire" is an English verb.
	delete(m, "program")
	delete(m, "tire")
	delete(m, "tires")
	return m
}()
