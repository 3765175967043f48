package when

import (
	"strings"

	"github.com/crosscheck-dev/crosscheck/internal/extract/segment"
	"github.com/crosscheck-dev/crosscheck/internal/extract/token"
)

// gran is the granularity of a resolved span.
type gran uint8

const (
	gNone gran = iota
	gTime
	gDay
	gWeekend
	gWeek
	gMonth
	gQuarter
	gHalf
	gSeason
	gYear
	gDecade
	gCentury
)

var granName = [...]string{"", "time", "day", "weekend", "week", "month", "quarter", "half", "season", "year", "decade", "century"}

// val is one expression as understood: a calendar span, or a length
// (duration, set).
type val struct {
	kind       string
	start, end day // noDay when not placed on the calendar
	gran       gran
	mod        string // TIMEX3 mod: START, MID, END
	part       string // TIMEX3 part of day: MO, AF, EV, NI, MI
	hour, min  int
	clock      bool
	// n and u give a duration or a set's period; fuzzy marks an inexact
	// count ("several weeks").
	n       int
	u       unit
	fuzzy   bool
	special string // PRESENT_REF, PAST_REF, FUTURE_REF
	// everyDay (1 = Monday) and everyMonth (1-12) give the day or month a
	// set recurs on ("every Monday", "each July").
	everyDay, everyMonth int
	// partial keeps what the text said of a date whose year the reference
	// day would have given, when there is none.
	partial partial
	// week marks a span resolved from a weekday, for ranges.
	weekday bool
	// toRef marks a span that runs up to the reference day ("since
	// March", "the past two weeks", "have waited for three weeks"): it
	// says nothing of when the story is, and is not remembered as such.
	toRef bool
}

// partial is an absolute date as written, with what it leaves open at 0.
type partial struct {
	y, m, d int
	gran    gran // gDay, gMonth, gYear, gDecade
	// wd is the weekday written with the date ("Monday, Oct. 26"), 1 =
	// Monday, 0 when none: it tells the year when the text does not.
	wd int
}

// scanner walks the tokens of one document.
type scanner struct {
	d      *segment.Doc
	t      []token.Token
	lx     []int16 // per token: index into lexTable, -1 when not a calendar word
	verb   []bool  // per token: may bear on tense (see wordEntry)
	ref    day
	hasRef bool
	// Discourse memory for expressions that lean on an earlier one: "the
	// quarter", "a year earlier", "later that day".
	lastQ     day // first day of the last quarter mentioned
	hasQ      bool
	lastDay   day // the last day-precise date mentioned
	lastDayAt int // and the token it was at
	hasDay    bool
	lastSet   val // the last calendar span mentioned
	lastSetAt int
	hasSet    bool
	// The ends of the last range read, when each stands alone ("from Aug.
	// 26 to Oct. 20"); join holds the two sides joinRange resolved.
	ends    [2]rangeEnd
	hasEnds bool
	join    [2]val
	joined  bool
	// isoCache holds the last days written out.
	isoCache [8]isoEntry
	isoNext  int
}

var (
	lexTable []lexeme
	// wordIndex maps a lower-case word to its lexicon entry and whether it
	// can carry tense (a modal, an auxiliary, a listed verb or noun of
	// intention, a determiner...), so that one lookup a word serves both
	// the calendar grammar and the tense reader.
	wordIndex map[string]wordEntry
	// lexPrefix marks the first two letters of indexed words, so that
	// most words of a text need no map lookup.
	lexPrefix [26 * 26]bool
)

// wordEntry is what wordIndex knows of a word.
type wordEntry struct {
	lex  int16 // index into lexTable, -1 when not a calendar word
	verb bool  // may bear on tense
}

func init() {
	wordIndex = make(map[string]wordEntry, len(lexicon)+600)
	add := func(w string) {
		if len(w) >= 2 && w[0] >= 'a' && w[0] <= 'z' && w[1] >= 'a' && w[1] <= 'z' {
			lexPrefix[int(w[0]-'a')*26+int(w[1]-'a')] = true
		}
	}
	for w, l := range lexicon {
		wordIndex[w] = wordEntry{lex: int16(len(lexTable))}
		lexTable = append(lexTable, l)
		add(w)
	}
	for _, m := range []map[string]bool{futureModal, modalMaybe, intention, toHead, irregularPast, futureWord,
		determiner, objectPronoun, beForm, prepOrDet, movedTo} {
		for w := range m {
			e, ok := wordIndex[w]
			if !ok {
				e.lex = -1
			}
			e.verb = true
			wordIndex[w] = e
			add(w)
		}
	}
	for _, w := range [...]string{"to", "going", "set", "record", "is", "are", "am", "'re", "says", "say", "tells",
		"believes", "thinks", "has", "have", "had", "was", "were", "did", "'ve", "'ll", "'d", "'s"} {
		e, ok := wordIndex[w]
		if !ok {
			e.lex = -1
		}
		e.verb = true
		wordIndex[w] = e
	}
}

// lookup returns what wordIndex knows of k.
func lookup(k string) (wordEntry, bool) {
	if len(k) < 2 || len(k) > 14 {
		return wordEntry{}, false
	}
	if a, b := k[0], k[1]; a >= 'a' && a <= 'z' && b >= 'a' && b <= 'z' && !lexPrefix[int(a-'a')*26+int(b-'a')] {
		return wordEntry{}, false
	}
	e, ok := wordIndex[k]
	return e, ok
}

var noLex lexeme

func (s *scanner) key(i int) string {
	if i < 0 || i >= len(s.t) {
		return ""
	}
	return s.t[i].Key
}

// lex returns the lexicon entry of token i (a zero entry when none).
func (s *scanner) lex(i int) *lexeme {
	if i < 0 || i >= len(s.t) || s.lx[i] < 0 {
		return &noLex
	}
	return &lexTable[s.lx[i]]
}

func (s *scanner) is(i int, c class) bool { return s.lex(i).class&c != 0 }

// same reports whether token i exists and sits on the same line as the
// token before it: expressions do not run across lines.
func (s *scanner) same(i int) bool {
	return i > 0 && i < len(s.t) && !s.t[i].Line
}

// tight reports whether token i follows the one before with no space.
func (s *scanner) tight(i int) bool { return s.same(i) && !s.t[i].Space }

// num returns the value of token i if it is a plain run of digits, and how
// many digits it has.
func (s *scanner) num(i int) (n, digits int, ok bool) {
	if i < 0 || i >= len(s.t) || s.t[i].Kind != token.Number {
		return 0, 0, false
	}
	k := s.t[i].Key
	if len(k) > 9 {
		return 0, 0, false
	}
	for j := 0; j < len(k); j++ {
		c := k[j]
		if c < '0' || c > '9' {
			return 0, 0, false
		}
		n = n*10 + int(c-'0')
	}
	return n, len(k), true
}

// dayNum reads a day of the month at i: "18", "18th", "1st", and ordinal
// words ("eighteenth").
func (s *scanner) dayNum(i int) (int, bool) {
	if n, digits, ok := s.num(i); ok {
		if digits <= 2 && n >= 1 && n <= 31 {
			return n, true
		}
		return 0, false
	}
	if i < 0 || i >= len(s.t) {
		return 0, false
	}
	if s.t[i].Kind == token.Number {
		k := s.t[i].Key
		if len(k) >= 3 && len(k) <= 4 {
			suf := k[len(k)-2:]
			if suf == "st" || suf == "nd" || suf == "rd" || suf == "th" {
				n := 0
				for _, c := range k[:len(k)-2] {
					if c < '0' || c > '9' {
						return 0, false
					}
					n = n*10 + int(c-'0')
				}
				if n >= 1 && n <= 31 {
					return n, true
				}
			}
		}
		return 0, false
	}
	if l := s.lex(i); l.class&cOrd != 0 && l.val >= 1 && l.val <= 31 {
		return l.val, true
	}
	return 0, false
}

// yearWords reads a year said in words at i, as broadcast transcripts
// write it: "nineteen ninety-six", "nineteen eighty", "two thousand",
// "two thousand and one".
func (s *scanner) yearWords(i int) (y, end int, ok bool) {
	a := s.lex(i)
	if a.class&cNum == 0 || !s.same(i+1) {
		return 0, 0, false
	}
	if a.val == 2 && s.key(i+1) == "thousand" {
		y, end = 2000, i+2
		k := end
		if s.key(k) == "and" && s.is(k+1, cNum) {
			k++
		}
		if b := s.lex(k); b.class&cNum != 0 && b.val >= 1 && b.val <= 99 && s.same(k) {
			y, end = 2000+b.val, k+1
		}
		return y, end, true
	}
	if a.val < 10 || a.val > 20 {
		return 0, 0, false
	}
	b := s.lex(i + 1)
	if b.class&cNum == 0 || b.val < 10 || b.val > 99 {
		return 0, 0, false
	}
	return a.val*100 + b.val, i + 2, true
}

// yearNum reads a four-digit year at i (1000-2199).
func (s *scanner) yearNum(i int) (int, bool) {
	n, digits, ok := s.num(i)
	if !ok || digits != 4 || n < 1000 || n > 2199 {
		return 0, false
	}
	return n, true
}

// monthAt reads a month name at i, with the period of an abbreviation,
// and returns the month and the token after it.
func (s *scanner) monthAt(i int) (m, next int, ok bool) {
	l := s.lex(i)
	if l.class&cMonth == 0 {
		return 0, 0, false
	}
	t := s.t[i]
	next = i + 1
	if s.key(next) == "." && s.tight(next) && l.abbr && t.Key != "may" && t.Key != "march" {
		next++
	}
	return l.val, next, true
}

// monthWordOK reports whether the month word at i is a month here. Full
// names stand alone when capitalised (or when followed by a day or year);
// "May" and "March", and abbreviations without a number, need a
// temporal word before them ("in May", "since March", "last Oct").
func (s *scanner) monthWordOK(i, next int, numberFollows bool) bool {
	t := s.t[i]
	l := s.lex(i)
	if t.Shape == token.Upper && len(t.Key) > 3 && !s.upperLine(i) {
		return false
	}
	abbrDot := next > i+1
	prevKey := s.key(i - 1)
	prevTemporal := i > 0 && s.same(i) && temporalPrep[prevKey]
	if numberFollows {
		if t.Shape == token.Lower && (t.Key == "may" || t.Key == "march") {
			return prevTemporal
		}
		// "Theresa May 2019"? A name before a month with a number is rare
		// enough to accept.
		return true
	}
	if l.abbr && !abbrDot {
		// "may", "march", "jan" alone: only after a word that makes a
		// date of them ("in May", "since March"), not "and Jan Kavan".
		if !prevTemporal || !strongYearPrev[prevKey] && !s.is(i-1, cShift|cEdge) || t.Shape == token.Lower && (t.Key == "may" || t.Key == "march") {
			return false
		}
		if s.same(next) && s.t[next].Kind == token.Word && s.t[next].Shape == token.Title && !s.is(next, cMonth|cWeekday) {
			return false // "in May Day parades"? "by Jan Kavan"
		}
		// "in May be" is not English; "by March will" is.
		nx := s.key(next)
		return !(s.same(next) && s.t[next].Shape == token.Lower && (nx == "be" || nx == "have" || nx == "not"))
	}
	if t.Shape == token.Lower && !prevTemporal {
		return false
	}
	// A capitalised word on either side makes a name ("June Carter",
	// "Ruby June"), unless a preposition precedes.
	if !prevTemporal && i > 0 && s.same(i) && s.t[i-1].Kind == token.Word && s.t[i-1].Shape == token.Title &&
		s.d.Sentences[s.d.SentenceOf(i)].From != i-1 {
		return false
	}
	if s.same(next) && s.t[next].Kind == token.Word && s.t[next].Shape == token.Title && !s.is(next, cMonth|cWeekday) && !prevTemporal {
		return false
	}
	return true
}

// heading reports whether token i lies in a heading (a title line), where
// capitals say nothing of names.
func (s *scanner) heading(i int) bool {
	return s.d.Paragraphs[s.d.Sentences[s.d.SentenceOf(i)].Para].Heading
}

// upperLine reports whether token i sits in a line written in capitals (a
// headline), where "MAY" is as likely a month as a verb.
func (s *scanner) upperLine(i int) bool {
	n, up := 0, 0
	for j := i - 3; j <= i+3; j++ {
		if j < 0 || j >= len(s.t) || s.t[j].Kind != token.Word {
			continue
		}
		n++
		if s.t[j].Shape == token.Upper {
			up++
		}
	}
	return n >= 3 && up == n
}

// weekdayAt reads a weekday at i and returns it (0 = Monday) and the token
// after it (after an abbreviation's period).
func (s *scanner) weekdayAt(i int) (wd, next int, ok bool) {
	l := s.lex(i)
	if l.class&cWeekday == 0 {
		return 0, 0, false
	}
	t := s.t[i]
	next = i + 1
	if l.abbr {
		if t.Shape != token.Title {
			return 0, 0, false
		}
		// "Fri." or "Fri, Oct 18" or "Fri 18": not "Sun, a maker of...".
		after := next
		if s.key(after) == "," {
			after++
		}
		if s.key(next) == "." && s.tight(next) {
			next++
		} else if !(s.is(after, cMonth) || s.isNumberLike(after)) {
			return 0, 0, false
		}
	} else if t.Shape == token.Upper && !s.upperLine(i) {
		return 0, 0, false
	}
	// Names: "the Sunday Times", "Good Friday", "Bloody Sunday".
	if i > 0 && s.same(i) && s.t[i-1].Shape == token.Title && namedDayBefore[s.key(i-1)] {
		return 0, 0, false
	}
	if s.same(next) {
		nt := s.t[next]
		if notAfterWeekday[nt.Key] && (nt.Shape == token.Title || nt.Key == "times" || nt.Key == "school" || nt.Key == "schools") {
			return 0, 0, false
		}
		if nt.Kind == token.Word && nt.Shape == token.Title && !s.is(next, cMonth|cPart) && s.key(next-1) != "," && !temporalPrep[nt.Key] {
			// "Sunday Telegraph", "Friday Prayers": a capitalised noun
			// after the weekday, unless it starts the next clause.
			if !(s.t[next].Space && nt.Key == "the") {
				return 0, 0, false
			}
		}
	}
	return l.val, next, true
}

// absolute reads an absolute date at i: a day, month or year written out,
// with whatever it leaves open at 0. It does not read prepositions.
func (s *scanner) absolute(i int) (p partial, end int, ok bool) {
	if i >= len(s.t) {
		return p, 0, false
	}
	t := s.t[i]
	switch {
	case t.Kind == token.Number:
		return s.numericDate(i)
	case s.is(i, cWeekday):
		// "Monday, Oct. 26": the date decides; the weekday only checks it.
		wd, next, ok := s.weekdayAt(i)
		if !ok {
			return p, 0, false
		}
		j := next
		if s.key(j) == "," && s.same(j) {
			j++
		}
		if !s.same(j) {
			return p, 0, false
		}
		if q, e, ok := s.absolute(j); ok && q.d != 0 {
			q.wd = wd + 1
			return q, e, true
		}
		return p, 0, false
	case s.is(i, cMonth):
		return s.monthDate(i)
	case s.is(i, cOrd) && s.key(i+1) == "of" && s.same(i+2):
		// "second of August"
		if d, ok := s.dayNum(i); ok {
			if m, next, ok := s.monthAt(i + 2); ok && s.monthWordOK(i+2, next, true) {
				return s.withYear(partial{m: m, d: d, gran: gDay}, next)
			}
		}
	case t.Key == "the":
		// "the 18th of October"
		if d, ok := s.dayNum(i + 1); ok && s.key(i+2) == "of" && s.same(i+3) {
			if m, next, ok := s.monthAt(i + 3); ok {
				p = partial{m: m, d: d, gran: gDay}
				return s.withYear(p, next)
			}
		}
	}
	return p, 0, false
}

// withYear reads an optional year after a day and month: "18 October 2024",
// "Oct. 18, 2024".
func (s *scanner) withYear(p partial, j int) (partial, int, bool) {
	k := j
	if s.key(k) == "," && s.same(k) {
		k++
	}
	if s.same(k) {
		if y, ok := s.yearNum(k); ok && !(s.key(k+1) == "," && s.isNumberLike(k+2)) {
			p.y = y
			return p, k + 1, true
		}
	}
	return p, j, true
}

func (s *scanner) isNumberLike(i int) bool {
	return i < len(s.t) && s.t[i].Kind == token.Number
}

// monthDate reads "October 18, 2024", "Oct. 18", "October 2024", "October".
func (s *scanner) monthDate(i int) (p partial, end int, ok bool) {
	m, next, ok := s.monthAt(i)
	if !ok {
		return p, 0, false
	}
	j := next
	if s.same(j) {
		if d, ok := s.dayNum(j); ok && (s.key(i-1) == "on" || !s.dayIsQuantity(j)) {
			if !s.monthWordOK(i, next, true) {
				return p, 0, false
			}
			p = partial{m: m, d: d, gran: gDay}
			return s.withYear(p, j+1)
		}
		k := j
		if s.key(k) == "," && s.same(k) {
			k++
		}
		if y, ok := s.yearNum(k); ok && s.same(k) {
			if !s.monthWordOK(i, next, true) {
				return p, 0, false
			}
			return partial{y: y, m: m, gran: gMonth}, k + 1, true
		}
		if y, e, ok := s.yearWords(k); ok && s.same(k) && s.monthWordOK(i, next, true) {
			return partial{y: y, m: m, gran: gMonth}, e, true // "January nineteen ninety-seven"
		}
		// "the June 2024 vote" written "June '24" is rare; not read.
	}
	if !s.monthWordOK(i, next, false) {
		return p, 0, false
	}
	// "July last year", "June this year"
	if s.same(next) && s.is(next, cShift) && s.key(next+1) == "year" && s.hasRef {
		switch s.key(next) {
		case "last", "this", "next":
			return partial{y: s.ref.year() + s.lex(next).val, m: m, gran: gMonth}, next + 2, true
		}
	}
	return partial{m: m, gran: gMonth}, next, true
}

// dayIsQuantity reports whether the number at i, after a month name, counts
// something ("in May 300 people died") rather than naming a day.
func (s *scanner) dayIsQuantity(i int) bool {
	if i+1 >= len(s.t) || !s.same(i+1) {
		return false
	}
	nt := s.t[i+1]
	if nt.Kind == token.Symbol && nt.Key == "%" {
		return true
	}
	return nt.Kind == token.Word && nt.Shape == token.Lower && (quantityNoun[nt.Key] || s.is(i+1, cUnit))
}

var quantityNoun = set("people", "troops", "soldiers", "percent", "per", "million",
	"billion", "thousand", "hundred", "others", "more", "members", "civilians", "children", "men", "women",
	"tonnes", "tons", "km", "miles", "dollars", "points")

// numericDate reads dates that start with a number: "2024-10-18",
// "10/18/2024" (only when a part above 12 tells the order), "18 October
// 2024", "18th of October", a year ("2022"), a decade ("1990s").
func (s *scanner) numericDate(i int) (p partial, end int, ok bool) {
	t := s.t[i]
	n, digits, plain := s.num(i)
	// ISO: 2024-10-18, 2024-10.
	if plain && digits == 4 && s.key(i+1) == "-" && s.tight(i+1) && s.tight(i+2) {
		if m, md, ok := s.num(i + 2); ok && md == 2 && m >= 1 && m <= 12 {
			if s.key(i+3) == "-" && s.tight(i+3) && s.tight(i+4) {
				if d, dd, ok := s.num(i + 4); ok && dd == 2 && validDate(n, m, d) {
					return partial{y: n, m: m, d: d, gran: gDay}, i + 5, true
				}
			}
			if !(s.key(i+3) == "-" && s.tight(i+3)) {
				return partial{y: n, m: m, gran: gMonth}, i + 3, true
			}
		}
	}
	// Slashes: 10/18/2024, 18/10/2024, 10/18/24.
	if plain && digits <= 2 && s.key(i+1) == "/" && s.tight(i+1) && s.tight(i+2) && s.key(i+3) == "/" && s.tight(i+3) && s.tight(i+4) {
		a, b := n, 0
		if v, _, ok := s.num(i + 2); ok {
			b = v
		} else {
			return p, 0, false
		}
		y, yd, ok := s.num(i + 4)
		if !ok || (yd != 4 && yd != 2) {
			return p, 0, false
		}
		if yd == 2 {
			y = twoDigitYear(y)
		}
		var m, d int
		switch {
		case a > 12 && b <= 12:
			d, m = a, b
		case b > 12 && a <= 12:
			m, d = a, b
		case a == b:
			m, d = a, b
		default:
			return p, 0, false // 03/04/2024: the order is not known
		}
		if !validDate(y, m, d) {
			return p, 0, false
		}
		return partial{y: y, m: m, d: d, gran: gDay}, i + 5, true
	}
	// Dotted: 18.10.2024 is one number token.
	if !plain && strings.Count(t.Key, ".") == 2 {
		parts := strings.Split(t.Key, ".")
		a, b, y := atoi(parts[0]), atoi(parts[1]), atoi(parts[2])
		if len(parts[2]) == 4 && a > 0 && b > 0 {
			var m, d int
			switch {
			case a > 12 && b <= 12:
				d, m = a, b
			case b > 12 && a <= 12:
				m, d = a, b
			case a == b:
				m, d = a, b
			}
			if m != 0 && validDate(y, m, d) {
				return partial{y: y, m: m, d: d, gran: gDay}, i + 1, true
			}
		}
		return p, 0, false
	}
	// Day first: "18 October 2024", "18th of October", "8 Oct".
	if d, ok := s.dayNum(i); ok && s.same(i+1) {
		j := i + 1
		if s.key(j) == "of" && s.same(j+1) {
			j++
		}
		if m, next, ok := s.monthAt(j); ok && s.monthWordOK(j, next, true) {
			return s.withYear(partial{m: m, d: d, gran: gDay}, next)
		}
	}
	// Decades: "1990s", "90s" (after an apostrophe).
	if !plain {
		k := t.Key
		if len(k) == 5 && k[4] == 's' && k[3] == '0' {
			if y := atoi(k[:4]); y >= 1000 && y <= 2190 {
				return partial{y: y, gran: gDecade}, i + 1, true
			}
		}
		if len(k) == 3 && k[2] == 's' && k[1] == '0' && i > 0 && s.t[i-1].Kind == token.Quote && s.tight(i) {
			y := atoi(k[:2])
			if y >= 0 {
				return partial{y: twoDigitYear(y)/10*10 - 0, gran: gDecade}, i + 1, true
			}
		}
		return p, 0, false
	}
	// A year alone.
	if y, ok := s.yearNum(i); ok && s.yearOK(i) {
		return partial{y: y, gran: gYear}, i + 1, true
	}
	return p, 0, false
}

// twoDigitYear reads '98 as 1998 and '24 as 2024 (a reader of news in this
// century: 50 and above belong to the last one).
func twoDigitYear(y int) int {
	if y >= 50 {
		return 1900 + y
	}
	return 2000 + y
}

func atoi(s string) int {
	if s == "" {
		return -1
	}
	n := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < '0' || c > '9' {
			return -1
		}
		n = n*10 + int(c-'0')
	}
	return n
}

// yearOK reports whether the four-digit number at i is a year rather than
// a count: "in 2022", "the 1990 election", but not "2000 troops", "$2024",
// "No. 1990", "2024-10" handled before.
func (s *scanner) yearOK(i int) bool {
	y, _ := s.yearNum(i)
	prev := s.key(i - 1)
	if i > 0 && s.same(i) {
		pt := s.t[i-1]
		if pt.Kind == token.Symbol || prev == "no" || prev == "number" || prev == "#" || prev == "flight" || prev == "route" || prev == "room" {
			return false
		}
		if pt.Key == "-" || pt.Key == "/" || pt.Key == "." || pt.Key == ":" {
			if !pt.Space && i > 1 && s.t[i-2].Kind == token.Number {
				return false // part of a number or code
			}
		}
		if pt.Kind == token.Word && pt.Shape == token.Title && !temporalPrep[prev] && !s.is(i-1, cMonth|cSeason) &&
			s.d.Sentences[s.d.SentenceOf(i)].From != i-1 && prev != "fiscal" {
			// "Windows 2000", "Euro 2024", "Vision 2030": a name. A
			// month or season before a year is handled elsewhere.
			if y < 1900 || y > 2100 {
				return false
			}
		}
	}
	if s.same(i + 1) {
		nt := s.t[i+1]
		switch {
		case nt.Kind == token.Symbol:
			return nt.Key != "%" && nt.Key != "$"
		case nt.Key == "-" || nt.Key == "/" || nt.Key == "." && s.tight(i+1) && s.tight(i+2):
			if s.tight(i+1) && i+2 < len(s.t) && s.t[i+2].Kind == token.Number {
				// "2010-2015" is a range, read by the caller; other
				// number pairs are codes.
				return nt.Key == "-"
			}
		case nt.Kind == token.Word && nt.Shape == token.Lower:
			if quantityNoun[nt.Key] || s.is(i+1, cUnit) {
				return temporalPrep[prev] && !s.is(i+1, cUnit)
			}
			if hasSuffix(nt.Key, "s") && !hasSuffix(nt.Key, "ss") && !strongYearPrev[prev] {
				return false // "2000 people"
			}
		}
	}
	if y >= 1900 && y <= 2100 {
		return true
	}
	return temporalPrep[prev] || prev == "year" || prev == "'s"
}

var strongYearPrev = set("in", "the", "since", "of", "from", "until", "by", "before", "after", "during", "fiscal", "mid", "early", "late", "year", "'s", ",", "through")
