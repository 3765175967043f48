package text

import (
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// kind is what a line at the head of an article is.
type kind uint8

const (
	prose     kind = iota // anything else: a title, a standfirst, a paragraph
	dateLine              // a lone date: "18 October 2024"
	byline                // "By Jane Doe", "Jane Doe and John Roe"
	name                  // a bare name-like line: a byline if other header lines confirm it
	publisher             // "Telegraph", "BBC News", "The Korea Herald"
)

// maxHeaderLine bounds a header line; longer lines are prose.
const maxHeaderLine = 120

// part is one piece of a header line, classified.
type part struct {
	kind    kind
	text    string
	date    time.Time
	authors []string
	// alt and stamp tell what parseDateLine knew of an all-numeric date
	// (see lineDate).
	alt   time.Time
	stamp bool
	// month and day are a date line's when it gives no year ("August 7"):
	// date is zero then.
	month time.Month
	day   int
}

// classify splits a header line on the separators sites print between its
// pieces ("Jane Doe | 18 October 2024 | The Herald") and classifies each. It
// returns nil when the line is prose, that is when any piece is.
func classify(line string) []part {
	line = strings.TrimSpace(line)
	if line == "" || len(line) > maxHeaderLine {
		return nil
	}
	pieces := splitSeparators(line)
	parts := make([]part, 0, len(pieces))
	for _, p := range pieces {
		c := classifyPiece(p)
		if c.kind == prose {
			return nil
		}
		parts = append(parts, c)
	}
	return parts
}

// splitSeparators cuts a line at " | ", " • ", " · ", " — ", " – " and " - ".
func splitSeparators(line string) []string {
	pieces := []string{line}
	if !strings.ContainsAny(line, "|•·—–-") {
		return pieces
	}
	for _, sep := range []string{" | ", " • ", " · ", " — ", " – ", " - "} {
		var next []string
		for _, p := range pieces {
			for s := range strings.SplitSeq(p, sep) {
				if s = strings.TrimSpace(s); s != "" {
					next = append(next, s)
				}
			}
		}
		pieces = next
	}
	return pieces
}

func classifyPiece(p string) part {
	if d, ok := parseDateLine(p); ok {
		return part{kind: dateLine, text: p, date: d.t, alt: d.alt, stamp: d.stamp}
	}
	if m, d, ok := parseDayMonth(p); ok {
		return part{kind: dateLine, text: p, month: m, day: d}
	}
	// "By Jane Doe, 18 October 2024" and "Jane Doe, 18 October 2024".
	if i := strings.LastIndex(p, ", "); i > 0 {
		if d, ok := parseDateLine(p[i+2:]); ok {
			if head := classifyPiece(p[:i]); head.kind == byline || head.kind == name {
				head.kind = byline
				head.date, head.alt, head.stamp = d.t, d.alt, d.stamp
				return head
			}
		}
	}
	if rest, ok := cutBy(p); ok {
		if isKnownPublisher(rest) { // "By Reuters"
			return part{kind: publisher, text: rest}
		}
		if authors := parseAuthors(rest, true); len(authors) > 0 {
			return part{kind: byline, text: p, authors: authors}
		}
		return part{}
	}
	if isPublisher(p) {
		return part{kind: publisher, text: p}
	}
	if authors := parseAuthors(p, false); len(authors) > 0 {
		if len(authors) > 1 {
			// "Jane Doe and John Roe" is a byline by its shape alone.
			return part{kind: byline, text: p, authors: authors}
		}
		return part{kind: name, text: p, authors: authors}
	}
	return part{}
}

// cutBy removes a leading "By" or "Words by" from a byline.
func cutBy(p string) (string, bool) {
	for _, pre := range []string{"By ", "by ", "BY ", "Words by ", "Written by ", "Reporting by "} {
		if rest, ok := strings.CutPrefix(p, pre); ok {
			return strings.TrimSpace(strings.TrimPrefix(rest, ":")), true
		}
	}
	return "", false
}

// parseAuthors reads the names in a byline: "Jane Doe", "Jane Doe and John
// Roe", "Jane Doe, John Roe & Ann Poe", "Jane Doe in Kyiv", "Jane Doe,
// Defence Editor". It returns nil unless every piece is a name or a role;
// with lenient (after "By") a single capitalised word is a name too.
func parseAuthors(s string, lenient bool) []string {
	s = strings.TrimSpace(strings.TrimRight(s, " ,"))
	if s == "" {
		return nil
	}
	var pieces []string
	for a := range strings.SplitSeq(s, ", ") {
		for b := range strings.SplitSeq(a, " and ") {
			for c := range strings.SplitSeq(b, " & ") {
				pieces = append(pieces, strings.TrimSpace(c))
			}
		}
	}
	if len(pieces) > 6 {
		return nil
	}
	var names []string
	for i, p := range pieces {
		if p == "" {
			return nil
		}
		// "Jane Doe, Kyiv": one capitalised word after a full name is the
		// place the story was filed from, not a second author.
		if i > 0 && len(strings.Fields(p)) == 1 && len(strings.Fields(pieces[i-1])) > 1 &&
			strings.Contains(s, pieces[i-1]+", "+p) && isCapitalisedWords(p) {
			continue
		}
		// A dateline after a name or on its own: "Jane Doe in Kyiv",
		// "Jane Doe, Defence Correspondent, in Kyiv".
		if rest, ok := strings.CutPrefix(p, "in "); ok && isCapitalisedWords(rest) {
			continue
		}
		if i := strings.Index(p, " in "); i > 0 && isCapitalisedWords(p[i+4:]) {
			p = p[:i]
		}
		if isRole(p) {
			continue
		}
		if !isName(p, lenient) {
			return nil
		}
		names = append(names, p)
	}
	return names
}

// isName says whether s looks like a person's name: one to four
// capitalised words (two or more unless lenient), allowing initials
// ("J.", "J.R."), hyphens and apostrophes ("Al-Amin", "O'Neill") and
// lowercase particles ("von der").
func isName(s string, lenient bool) bool {
	words := strings.Fields(s)
	capitalised := 0
	for i, w := range words {
		if nameParticles[w] && i > 0 && i < len(words)-1 {
			continue
		}
		if !isNameWord(w) || notNameWords[strings.ToLower(w)] || orgWords[strings.ToLower(w)] {
			return false
		}
		capitalised++
	}
	if capitalised > 4 || capitalised == 0 {
		return false
	}
	return capitalised >= 2 || lenient
}

func isNameWord(w string) bool {
	r, size := utf8.DecodeRuneInString(w)
	if !unicode.IsUpper(r) || len(w) > 30 {
		return false
	}
	letters := 1
	for _, r := range w[size:] {
		switch {
		case unicode.IsLetter(r):
			letters++
		case r == '.' || r == '-' || r == '\'' || r == '’':
		default:
			return false
		}
	}
	// An all-capitals word longer than an initialism is a shout or an
	// acronym, not a name ("NIS", "LIVE").
	if letters > 3 && strings.ToUpper(w) == w {
		return false
	}
	return true
}

func isRole(s string) bool {
	for _, w := range strings.Fields(s) {
		if roleWords[strings.ToLower(strings.Trim(w, ".,"))] {
			return true
		}
	}
	return false
}

// isPublisher says whether s looks like a masthead: a known outlet, a short
// capitalised name with an organisation word ("Kyiv Post", "BBC News"), a
// "The ..." name, a lone capitalised word or acronym, or a domain name. It
// never holds a sentence: no verb-like lowercase words, no final full stop.
func isPublisher(s string) bool {
	s = strings.TrimSpace(s)
	if s == "" || len(s) > 60 || strings.ContainsAny(s, "!?;:\"“”") {
		return false
	}
	if strings.HasSuffix(s, ".") && !strings.HasSuffix(strings.ToLower(s), ".com.") {
		if !isInitialism(s) {
			return false
		}
	}
	if isKnownPublisher(s) {
		return true
	}
	words := strings.Fields(s)
	if len(words) > 6 {
		return false
	}
	hasOrgWord := false
	for i, w := range words {
		lw := strings.ToLower(w)
		if orgWords[lw] {
			hasOrgWord = true
		}
		switch {
		case i > 0 && mastheadSmallWords[lw]:
		case isMastheadWord(w):
		default:
			return false
		}
	}
	switch {
	case hasOrgWord:
		return true
	case len(words) >= 2 && strings.EqualFold(words[0], "the"):
		return true
	case len(words) == 1:
		// A lone capitalised word after a byline or a date is a masthead
		// ("Telegraph"), unless it is page furniture ("Advertisement").
		return !notNameWords[strings.ToLower(s)]
	}
	return false
}

// isKnownPublisher says whether s names an outlet by the lists alone: a
// known name, a domain, or a short name holding an organisation word.
func isKnownPublisher(s string) bool {
	lower := strings.ToLower(strings.TrimSpace(s))
	if strings.ContainsAny(lower, ",;:!?\"") {
		return false
	}
	if publishers[strings.TrimPrefix(lower, "the ")] || isDomain(lower) {
		return true
	}
	words := strings.Fields(s)
	if len(words) > 6 {
		return false
	}
	// A masthead is capitalised throughout, but for its small words: a
	// headline that opens with "Council" or "Ministry" is no masthead.
	org := false
	for i, w := range words {
		lw := strings.ToLower(w)
		switch {
		case orgWords[lw] && isMastheadWord(w):
			org = true
		case i > 0 && mastheadSmallWords[lw]:
		case !isMastheadWord(w):
			return false
		}
	}
	return org
}

// mastheadSmallWords are the lower-case words an outlet's name may hold:
// "Voice of America", "News & Observer".
var mastheadSmallWords = map[string]bool{"of": true, "the": true, "and": true, "&": true, "for": true, "de": true, "on": true}

// isMastheadWord is a capitalised word, an acronym or a number ("Channel 4",
// "France 24").
func isMastheadWord(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	if unicode.IsDigit(r) {
		for _, r := range w {
			if !unicode.IsDigit(r) {
				return false
			}
		}
		return true
	}
	if !unicode.IsUpper(r) {
		return false
	}
	for _, r := range w {
		if !unicode.IsLetter(r) && r != '-' && r != '\'' && r != '’' && r != '.' && r != '/' {
			return false
		}
	}
	return true
}

func isInitialism(s string) bool {
	for _, r := range s {
		if !unicode.IsUpper(r) && r != '.' {
			return false
		}
	}
	return true
}

// isDomain accepts "herald.example", "www.kyivpost.com".
func isDomain(s string) bool {
	if strings.ContainsAny(s, " /@") || !strings.Contains(s, ".") || strings.HasPrefix(s, ".") || strings.HasSuffix(s, ".") {
		return false
	}
	tld := s[strings.LastIndexByte(s, '.')+1:]
	if len(tld) < 2 || len(tld) > 10 {
		return false
	}
	for _, r := range s {
		if !(r >= 'a' && r <= 'z') && !(r >= '0' && r <= '9') && r != '.' && r != '-' {
			return false
		}
	}
	for _, r := range tld {
		if r < 'a' || r > 'z' {
			return false
		}
	}
	return true
}

func isCapitalisedWords(s string) bool {
	words := strings.Fields(s)
	if len(words) == 0 || len(words) > 3 {
		return false
	}
	for _, w := range words {
		r, _ := utf8.DecodeRuneInString(w)
		if !unicode.IsUpper(r) {
			return false
		}
	}
	return true
}

// looksLikeHeadline says whether a first line with no header block after it
// is a title: short, with no final full stop, and not a sentence that runs
// on into the text.
func looksLikeHeadline(line string) bool {
	line = strings.TrimSpace(line)
	if line == "" || utf8.RuneCountInString(line) > 200 {
		return false
	}
	words := strings.Fields(line)
	if len(words) > 25 {
		return false
	}
	last, _ := utf8.DecodeLastRuneInString(line)
	switch last {
	case '.', ',', ';', ':', '…':
		return false
	}
	r, _ := utf8.DecodeRuneInString(line)
	return unicode.IsUpper(r) || unicode.IsDigit(r) || r == '"' || r == '“' || r == '‘' || r == '\''
}

// titleCase says whether line is a headline in title case ("Poll: Wealthy
// Voters Abandon Republican Party."): short, and every word of four letters
// or more capitalised but one at most, which a sentence of prose never is.
func titleCase(line string) bool {
	words := strings.Fields(line)
	if len(words) < 3 || len(words) > 25 {
		return false
	}
	long, capitalised := 0, 0
	for _, w := range words {
		w = strings.TrimLeft(w, "\"'‘“(")
		if utf8.RuneCountInString(w) < 4 {
			continue
		}
		long++
		if r, _ := utf8.DecodeRuneInString(w); unicode.IsUpper(r) || unicode.IsDigit(r) {
			capitalised++
		}
	}
	return long >= 3 && capitalised >= long-1
}

// dropStop removes the full stop some feeds and corpora put after a
// headline ("Trump urges supporters to vote.", "... in Their Heads.’"):
// headlines carry none. An abbreviation keeps its period ("in the U.S.").
func dropStop(title string) string {
	t := title
	closing := ""
	if r, size := utf8.DecodeLastRuneInString(t); r == '’' || r == '”' || r == '"' || r == '\'' {
		t, closing = t[:len(t)-size], t[len(t)-size:]
	}
	if !strings.HasSuffix(t, ".") || strings.HasSuffix(t, "..") {
		return title
	}
	last := t[strings.LastIndexAny(t, " ‘“\"'(")+1:]
	if strings.Count(last, ".") > 1 || abbreviations[strings.ToLower(last)] {
		return title
	}
	return t[:len(t)-1] + closing
}

// abbreviations end with a period that is no full stop.
var abbreviations = map[string]bool{
	"inc.": true, "co.": true, "corp.": true, "ltd.": true, "jr.": true, "sr.": true, "st.": true,
	"dr.": true, "mr.": true, "mrs.": true, "ms.": true, "no.": true, "vs.": true, "etc.": true, "bros.": true,
}
