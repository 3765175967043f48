package quantity

import (
	"strings"

	"github.com/crosscheck-dev/crosscheck/internal/document"
	"github.com/crosscheck-dev/crosscheck/internal/extract/segment"
	"github.com/crosscheck-dev/crosscheck/internal/extract/token"
)

// finder holds the state of one Find call.
type finder struct {
	d     *segment.Doc
	text  string
	toks  []token.Token
	skip  []bool // token index -> read by an earlier stage
	arena []float64
	out   []Quantity
	meta  []qmeta
}

// qmeta is what Find keeps of a quantity for its later passes.
type qmeta struct {
	from, to int  // token range of the quantity's text
	numFrom  int  // first token of the number itself
	round    bool // an indefinite round power of ten: "a million", "a thousand"
	ofThem   bool // "of them", "of us" follows
	headTo   int  // token after what was read as the counted noun phrase, or to
	plain    bool // a count with no unit
	bare     bool // a number below a hundred with nothing counted: kept only after a count
}

// float stores v in the finder's arena and returns a pointer to it, so that
// a document's values take few allocations.
func (f *finder) float(v float64) *float64 {
	if len(f.arena) == cap(f.arena) {
		f.arena = make([]float64, 0, 32)
	}
	f.arena = append(f.arena, v)
	return &f.arena[len(f.arena)-1]
}

func (f *finder) find(skip []document.Span) []Quantity {
	toks := f.toks
	if len(toks) == 0 {
		return nil
	}
	if len(skip) > 0 {
		f.skip = make([]bool, len(toks))
		for _, s := range skip {
			// Tokens are sorted: find the first that ends after s.Start.
			lo, hi := 0, len(toks)
			for lo < hi {
				m := (lo + hi) / 2
				if toks[m].End <= s.Start {
					lo = m + 1
				} else {
					hi = m
				}
			}
			for k := lo; k < len(toks) && toks[k].Start < s.End; k++ {
				f.skip[k] = true
			}
		}
	}
	f.out = make([]Quantity, 0, len(toks)/64+4)
	f.meta = make([]qmeta, 0, cap(f.out))
	next := 0
	for _, p := range f.d.Paragraphs {
		if p.Header {
			continue
		}
		for i := max(p.From, next); i < p.To; i++ {
			if f.skipped(i) || !mayStart(toks[i]) {
				continue
			}
			if to, _ := f.read(i, p); to > i+1 {
				i = to - 1
			}
		}
	}
	f.bare()
	f.elided()
	f.rhetoric()
	return f.out
}

func (f *finder) skipped(i int) bool { return f.skip != nil && f.skip[i] }

// mayStart reports whether a quantity can start at t: a digit, a number
// word, an article before a scale word, a vague amount. One map lookup a
// word: this runs on every token.
func mayStart(t token.Token) bool {
	switch t.Kind {
	case token.Number:
		return true
	case token.Word:
		k := t.Key
		if !starterPrefix[prefixIndex(k)] {
			return false
		}
		if h := strings.IndexByte(k, '-'); h > 0 {
			k = k[:h]
		}
		return starters[k]
	}
	return false
}

// prefixIndex maps the first two bytes of a word to a slot of
// starterPrefix: most words are turned away there without a map lookup.
func prefixIndex(k string) int {
	if len(k) == 0 {
		return 0
	}
	a := int(k[0])
	b := 0
	if len(k) > 1 {
		b = int(k[1])
	}
	return a<<8 | b
}

// starterPrefix holds the first two bytes of every starter word.
var starterPrefix = func() []bool {
	p := make([]bool, 1<<16)
	for k := range starters {
		p[prefixIndex(k)] = true
	}
	return p
}()

// starters are the first words a quantity can start with, gathered from
// the lexicons once.
var starters = func() map[string]bool {
	m := map[string]bool{"a": true, "an": true, "half": true, "quarter": true, "dozen": true, "dozens": true}
	for _, lex := range []map[string]float64{cardinals, scales, ordinals, denominators, vagueUnits, vagueCounts} {
		for k := range lex {
			m[k] = true
		}
	}
	for k := range hyperboleWords {
		m[k] = true
	}
	return m
}()

// span is a half-open token range.
type span struct{ from, to int }

// read reads the quantity whose number starts at token i, appends it to
// f.out when it is one, and returns the token after what it consumed.
func (f *finder) read(i int, para segment.Paragraph) (int, bool) {
	toks := f.toks
	if k := toks[i].Key; k == "a" || k == "an" {
		// Most articles start no amount: "a million", "a few hundred" do.
		if i+1 >= len(toks) || toks[i+1].Kind != token.Word || !starters[toks[i+1].Key] && toks[i+1].Key != "few" {
			return i + 1, false
		}
	}
	if hyperboleWords[toks[i].Key] {
		return f.hyperbole(i)
	}
	if low, to, ok := f.vague(i); ok {
		return f.vagueQuantity(i, to, low)
	}
	n, ok := ReadNumber(f.text, toks, i)
	if !ok {
		return i + 1, false
	}
	if n.Kind != Cardinal || n.Slash {
		// Ordinals, decades, fractions and "three-day" are not counts.
		return n.To, false
	}
	q := Quantity{}
	m := qmeta{from: n.From, to: n.To, numFrom: n.From}
	compound := false
	unit := ""
	factor := 1.0
	j := n.To
	// A glued letter suffix: "10km", "20pc", "50p", "5C".
	if n.Suffix != "" {
		u, fac, ok := suffixUnit(n.Suffix)
		if !ok {
			return n.To, false // "5G", "3D", "10am", "4x4"
		}
		unit, factor = u, fac
	}
	if f.notAmount(n) {
		if n.Spelled && n.To < len(toks) && toks[n.To].Kind == token.Word && cardinals[firstPart(toks[n.To].Key)] >= 10 {
			return n.To + 1, false // both halves of "nineteen ninety-four"
		}
		return n.To, false
	}
	// A compound after a hyphen: "10,000-strong", "30-odd", "45-year-old".
	if j+1 < len(toks) && isHyphen(toks[j].Key) && !toks[j].Space && !toks[j+1].Space && toks[j+1].Kind == token.Word {
		head := toks[j+1].Key
		if h := strings.IndexByte(head, '-'); h > 0 {
			head = head[:h]
		}
		switch b, ok := compoundHeads[head]; {
		case ok:
			compound = true
			switch b {
			case "approx":
				q.Approx = true
			case "min":
				q.Bound = "min"
			}
			j += 2
			m.to = j
		default:
			if u, ok := units[head]; ok && unit == "" && head != "c" {
				unit = u // "a 300-tonne ship", "a 10-mile queue"
				j += 2
				m.to = j
				break
			}
			return j + 2, false // "45-year-old", "three-day", "12-point"
		}
	}
	// Currency before: "$5bn", "US$ 150 million", "£4.2m", "USD 5m".
	start := n.From
	if cur, s := f.currencyBefore(n.From); cur != "" {
		if unit != "" && unit != cur {
			return n.To, false
		}
		unit = cur
		start = s
	}
	// Unit after: "%", "percent", "per cent", "dollars", "tonnes".
	if unit == "" {
		if u, fac, to := f.unitAfter(j, n); to > j {
			unit, factor = u, fac
			j = to
			m.to = j
		}
	}
	value := n.Value
	if factor != 1 {
		value = n.Value / (1 / factor) // 83/100 is 0.83; 83*0.01 is not
	}
	// Hedges before: "around", "more than", "at least".
	hstart, hg := f.hedgeBefore(start)
	if hg != nil {
		q.Approx = q.Approx || hg.approx
		if hg.bound != "" {
			q.Bound = hg.bound
		}
		start = hstart
	}
	m.from = start
	// Ranges and alternatives: "between 4,000 and 6,000", "4,000-6,000",
	// "from 10 to 20", "10,000 or 12,000".
	var second Number
	rangeKind := ""
	if k, kind := f.rangeJoin(j, start); kind != "" {
		s2 := k
		cur2 := ""
		if k < len(toks) && toks[k].Kind == token.Symbol {
			if c, ok := currencySymbols[toks[k].Key]; ok {
				cur2 = c
				s2 = k + 1
			}
		}
		if s2 < len(toks) && !f.skipped(s2) {
			if n2, ok := ReadNumber(f.text, toks, s2); ok && n2.Kind == Cardinal && !n2.Slash && s2 == n2.From {
				u2, fac2 := cur2, 1.0
				ok2 := true
				if n2.Suffix != "" {
					var okU bool
					u2, fac2, okU = suffixUnit(n2.Suffix)
					ok2 = okU && (cur2 == "" || u2 == cur2)
				}
				j2 := n2.To
				if ok2 && u2 == "" {
					if u, fac, to := f.unitAfter(j2, n2); to > j2 {
						u2, fac2, j2 = u, fac, to
					}
				}
				v1, v2 := value, n2.Value*fac2
				// "4-6bn", "between 4 and 6 million": the scale of the second
				// end is the first's too.
				if n.Scale == 0 && n2.Scale > 0 && n.Value < 1000 && value*n2.Scale <= v2*10 {
					v1 = value * n2.Scale
				}
				okRange := ok2 && (unit == "" || u2 == "" || unit == u2)
				if kind != "or" && v1 >= v2 {
					okRange = false
				}
				if kind == "-" && !toks[k-1].Space && !toks[k].Space && unit == "" && u2 == "" && !n.Spelled && !n2.Spelled {
					// "3-1" and "89-52" are scores and votes, "222-2222" a
					// phone number.
					if v1 >= v2 || v2 < 10 || f.phoneLike(n, n2) {
						return j2, false
					}
				}
				if okRange && f.timeAfter(j2) {
					return j2, false // "between 8 and 13 October", "10-20 years"
				}
				if okRange {
					if kind == "and" || kind == "to" && start > 0 && toks[start-1].Key == "from" {
						start--
						m.from = start // "between 4,000 and 6,000", "from 10 to 20"
					}
					second, rangeKind = n2, kind
					value = v1
					if unit == "" {
						unit = u2
					}
					j = j2
					m.to = j
					lo, hi := v1, v2
					if kind == "or" {
						q.Alternatives = []float64{v1, v2}
						if lo > hi {
							lo, hi = hi, lo
						}
					}
					q.Low, q.High = f.float(lo), f.float(hi)
				}
			}
		}
	}
	// Hedges after: "or so", "or more", "plus", "+".
	if to, hg := f.hedgeAfter(j); hg != nil {
		q.Approx = q.Approx || hg.approx
		if hg.bound != "" && q.Bound == "" {
			q.Bound = hg.bound
		}
		j = to
		m.to = j
	}
	if f.timeAfter(j) {
		return j, false // "three weeks", "45 years old"
	}
	// Small counts: "two officials", "one of them" are descriptions, not
	// figures, unless hedged, bounded or measured, or listed with another
	// count as a tally ("about 90 lorries and two trains").
	if unit == "" && n.Scale == 0 && value < 10 && !q.Approx && q.Bound == "" && !f.coordinated(start) {
		return m.to, false
	}
	// A ratio: "eight of 10 voters", "one in five", "about one of every
	// nine": a proportion, not a count.
	if unit == "" && rangeKind == "" && f.ratio(j) {
		return m.to, false
	}
	if unit == "" && f.ratioSecond(start) {
		return m.to, false
	}
	// Identifiers and labels before: "Article 5", "Windows 10", "No. 10";
	// a hedged number is an amount whatever comes before it ("Elian at
	// least three times").
	if hg == nil && f.labelled(start, n, para) {
		return m.to, false
	}
	// Years: a four-digit number with no comma is a year unless it counts
	// something or is money, or is one end of a range of amounts
	// ("1000-5000").
	if f.yearLike(n, unit, q.Bound, start) && (rangeKind == "" || second.Value >= 1000 && second.Value <= 2100 && second.Digits == 4 && !second.Grouped) {
		return m.to, false
	}
	// Long digit strings without separators are codes and phone numbers,
	// unless they are money or measures ("$10000").
	if unit == "" && !n.Spelled && !n.Grouped && !n.Decimal && n.Scale == 0 && n.Digits >= 5 {
		return m.to, false
	}
	v := value
	// After "10,000-strong" or "300 tonnes of", a singular noun is what
	// is counted ("force", "grain").
	singular := compound || unit != "" && !isCurrency(unit) && j < len(toks) && toks[j].Key == "of"
	w, hasWhat := f.what(j, v, unit, singular)
	// A bare number below a hundred with nothing counted, measured or
	// hedged is an age, a score or a rank more often than a figure ("Being
	// 48 is too early", "turns 18"), unless it continues a count ("down
	// from 71", "put the number at 62"): kept for now, judged by bare().
	m.bare = unit == "" && n.Scale == 0 && v < 100 && !q.Approx && q.Bound == "" && rangeKind == "" && !hasWhat &&
		(j >= len(toks) || toks[j].Key != "of")
	q.Value = f.float(v)
	if q.Low == nil && q.Bound == "min" {
		q.Low = q.Value
	}
	if q.High == nil && q.Bound == "max" {
		q.High = q.Value
	}
	q.Unit = unit
	m.plain = unit == ""
	// What is counted.
	if hasWhat {
		q.What = f.text[toks[w.from].Start:toks[w.to-1].End]
		q.WhatSpan = &document.Span{Start: toks[w.from].Start, End: toks[w.to-1].End}
		m.headTo = w.to
	} else {
		m.headTo = j
	}
	if j+1 < len(toks) && toks[j].Key == "of" && themWords[toks[j+1].Key] {
		m.ofThem = true
	}
	m.round = n.Spelled && n.Scale >= 100 && v == n.Scale && (n.Article || toks[n.From].Key == "one") && rangeKind == "" && !q.Approx && q.Bound == ""
	q.Span = document.Span{Start: toks[m.from].Start, End: toks[m.to-1].End}
	q.Text = f.text[q.Start:q.End]
	q.Rate = f.rate(m.headTo)
	f.out = append(f.out, q)
	f.meta = append(f.meta, m)
	return m.to, true
}

func isHyphen(k string) bool { return k == "-" || k == "–" || k == "‐" }

// suffixUnit reads the letter suffix glued to digits as a unit.
func suffixUnit(suf string) (unit string, factor float64, ok bool) {
	s := lowerASCII(suf)
	switch s {
	case "pc", "pct":
		return "percent", 1, true
	case "p":
		return "GBP", 0.01, true
	}
	if u, ok := units[s]; ok {
		if s == "c" && suf != "C" {
			return "", 0, false
		}
		return u, 1, true
	}
	return "", 0, false
}

// notAmount reports whether the number is a day of the month, a time of
// day, an age, a list marker, a phone number or an identifier by its form
// and its neighbours.
func (f *finder) notAmount(n Number) bool {
	toks := f.toks
	p, a := n.From-1, n.To
	first := toks[n.From]
	// Glued to what is before it: "F-16", "COVID-19", "5/17", "10:30",
	// "+44", "#3", "v2".
	if p >= 0 && !first.Space {
		switch toks[p].Key {
		case "-", "–", "/", ":", "+", "#", ".", "_", "\\", "=", "@", "&", "%", "?":
			return true // "%2020" in a URL too
		}
		if toks[p].Kind == token.Word || toks[p].Kind == token.Number {
			return true
		}
	}
	// Glued to what is after it: "10:30", "5/17", "192.168".
	if a < len(toks) && !toks[a].Space {
		switch toks[a].Key {
		case ":", "/", "_", "@":
			if a+1 < len(toks) && !toks[a+1].Space && toks[a+1].Kind == token.Number {
				return true
			}
		}
		if toks[a].Kind == token.Word || toks[a].Kind == token.Number {
			return true // "19abc" split oddly, "1e10"
		}
	}
	// A time of day: "10 am", "0600 GMT".
	if a < len(toks) && clockWords[toks[a].Key] && !n.Grouped {
		return true
	}
	// Leading zeros make a code.
	if !n.Spelled && !n.Grouped && !n.Decimal && n.Scale == 0 && n.Digits > 1 && f.text[toks[n.From].Start] == '0' {
		return true
	}
	// A spoken year: "nineteen ninety-one", "twenty twenty-two".
	if n.Spelled && n.Value >= 10 && n.Value <= 20 && a < len(toks) && toks[a].Kind == token.Word && !toks[a].Line {
		if v, ok := cardinals[firstPart(toks[a].Key)]; ok && v >= 10 {
			return true
		}
		if toks[a].Key == "hundred" || toks[a].Key == "oh" {
			return true
		}
	}
	// A street address: "469 Vermont St.", "10 Downing Street".
	if !n.Spelled && !n.Grouped && !n.Decimal && n.Scale == 0 {
		for k := a; k < len(toks) && k < a+4; k++ {
			if toks[k].Kind == token.Number && k > a {
				continue // "131 West 23rd Street"
			}
			if toks[k].Kind != token.Word || !toks[k].Capitalised() {
				break
			}
			if k > a && streetWords[toks[k].Key] {
				return true
			}
		}
	}
	if n.Spelled || n.Grouped || n.Decimal || n.Scale != 0 {
		return false
	}
	v := n.Value
	// A list marker at the start of a line: "1.", "2)".
	if first.Line && a < len(toks) && (toks[a].Key == "." || toks[a].Key == ")") {
		return true
	}
	// "(1)", "[538]": references and list items.
	if p >= 0 && a < len(toks) && (toks[p].Key == "(" && toks[a].Key == ")" && v < 100 || toks[p].Key == "[" && toks[a].Key == "]") {
		return true
	}
	// "401(k)", "12(b)": a code with a parenthesised letter.
	if a+1 < len(toks) && toks[a].Key == "(" && !toks[a].Space && toks[a+1].Kind == token.Word && !toks[a+1].Space {
		return true
	}
	if v >= 1 && v <= 31 && n.Digits <= 2 && f.dayOfMonth(n.From, n.To) {
		return true
	}
	// An age after a name: "Kim Jong-un, 40, said".
	if v <= 120 && p >= 1 && toks[p].Key == "," && a < len(toks) && (toks[a].Key == "," || toks[a].Key == ")" || toks[a].Key == ".") &&
		toks[p-1].Kind == token.Word && toks[p-1].Capitalised() {
		return true
	}
	// Digit groups in a row are a phone number or a code: "20 7946 0018".
	if p >= 0 && toks[p].Kind == token.Number && first.Space && !first.Line ||
		a < len(toks) && toks[a].Kind == token.Number && toks[a].Space && !toks[a].Line {
		return true
	}
	// A phone number or a code of several hyphenated groups.
	if a+1 < len(toks) && isHyphen(toks[a].Key) && !toks[a].Space && toks[a+1].Kind == token.Number && !toks[a+1].Space {
		if a+3 < len(toks) && isHyphen(toks[a+2].Key) && !toks[a+2].Space && toks[a+3].Kind == token.Number {
			return true
		}
	}
	return false
}

// firstPart returns a hyphenated key's first part.
func firstPart(k string) string {
	if h := strings.IndexByte(k, '-'); h > 0 {
		return k[:h]
	}
	return k
}

// ratio reports whether a ratio's second term follows token j: "of 10",
// "out of 10", "in five", "of every nine".
func (f *finder) ratio(j int) bool {
	toks := f.toks
	k := j
	switch {
	case k+1 < len(toks) && toks[k].Key == "out" && toks[k+1].Key == "of":
		k += 2
	case k < len(toks) && (toks[k].Key == "of" || toks[k].Key == "in"):
		k++
	default:
		return false
	}
	if k < len(toks) && toks[k].Key == "every" {
		k++
	}
	if k >= len(toks) {
		return false
	}
	n, ok := ReadNumber(f.text, toks, k)
	return ok && n.Kind == Cardinal && !n.Grouped && n.Value >= 2 && n.Value <= 100 && n.From == k
}

// ratioSecond reports whether the amount starting at token start is the
// second term of a ratio: "eight of 10", "one in every five".
func (f *finder) ratioSecond(start int) bool {
	toks := f.toks
	p := start - 1
	if p >= 0 && toks[p].Key == "every" {
		p--
	}
	if p < 1 || !(toks[p].Key == "of" || toks[p].Key == "in") {
		return false
	}
	if toks[p].Key == "of" && p >= 2 && toks[p-1].Key == "out" {
		p--
	}
	q := p - 1
	if q < 0 {
		return false
	}
	t := toks[q]
	if t.Kind == token.Number {
		d, ok := parseDigits(t.Key)
		return ok && !d.grouped && d.suffix == "" && d.value < 100
	}
	v, ok := cardinals[firstPart(t.Key)]
	return ok && v < 100
}

// phoneLike reports whether two hyphenated numbers look like a phone
// number ("555-1234") rather than a range.
func (f *finder) phoneLike(a, b Number) bool {
	return !a.Grouped && !b.Grouped && !a.Spelled && !b.Spelled && a.Digits == 3 && b.Digits == 4 && a.Scale == 0 && b.Scale == 0
}

// isMonth reports whether token j is a month name; "May" and "March" must
// be capitalised (they are also a verb).
func (f *finder) isMonth(j int) bool {
	if j < 0 || j >= len(f.toks) {
		return false
	}
	t := f.toks[j]
	if t.Kind != token.Word || !months[t.Key] {
		return false
	}
	if t.Key == "may" || t.Key == "march" || t.Key == "mar" || t.Key == "jan" || t.Key == "dec" || t.Key == "sat" {
		return t.Shape == token.Title || t.Shape == token.Upper
	}
	return true
}

// dayOfMonth reports whether the number at [from, to) is the day of a
// date: "Oct 8", "8 October", "Oct. 8", "the 8th of October", "between Oct
// 8 and 13", "8-13 October".
func (f *finder) dayOfMonth(from, to int) bool {
	toks := f.toks
	p := from - 1
	if p >= 0 && toks[p].Key == "." {
		p--
	}
	if f.isMonth(p) || f.isMonth(to) {
		return true
	}
	if to+1 < len(toks) && toks[to].Key == "of" && f.isMonth(to+1) {
		return true
	}
	if p >= 1 {
		switch toks[p].Key {
		case "and", "to", "-", "–", "through", "until", "till", "or":
			if toks[p-1].Kind == token.Number {
				q := p - 2
				if q >= 0 && toks[q].Key == "." {
					q--
				}
				if f.isMonth(q) {
					return true
				}
			}
		}
	}
	if to+2 < len(toks) {
		switch toks[to].Key {
		case "and", "to", "-", "–", "through", "until", "till", "or":
			if toks[to+1].Kind == token.Number && f.isMonth(to+2) {
				return true
			}
		}
	}
	return false
}

// timeAfter reports whether token j makes what precedes it a duration, an
// age or a date: "three weeks", "45 years old", "13 October".
func (f *finder) timeAfter(j int) bool {
	if j >= len(f.toks) {
		return false
	}
	t := f.toks[j]
	if t.Kind != token.Word {
		return false
	}
	k := t.Key
	switch k {
	case "more", "other", "full", "long", "consecutive", "straight", "additional", "extra", "further", "whole", "successive", "hard", "short":
		if j+1 < len(f.toks) && f.toks[j+1].Kind == token.Word {
			k = f.toks[j+1].Key // "two more weeks", "three long years"
		}
	}
	if h := strings.IndexByte(k, '-'); h > 0 {
		k = k[:h] // "year-old"
	}
	return timeUnits[k] || f.isMonth(j)
}

// currencyBefore returns the currency written before token i and where it
// starts: "$", "US$", "HK $", "£", "USD", "Rs".
func (f *finder) currencyBefore(i int) (string, int) {
	toks := f.toks
	p := i - 1
	if p < 0 {
		return "", i
	}
	t := toks[p]
	if t.Kind == token.Symbol {
		cur, ok := currencySymbols[t.Key]
		if !ok {
			return "", i
		}
		if toks[i].Line {
			return "", i
		}
		start := p
		if t.Key == "$" && p > 0 && toks[p-1].Kind == token.Word {
			pk := toks[p-1].Key
			// Glued ("US$", "A$") or, as tokenized corpora write it, spaced
			// ("US $", "HK $"); never "A $5m", which is an article.
			if c, ok := dollarPrefixes[pk]; ok && (!t.Space || pk == "us" || pk == "hk" || pk == "nz" || pk == "c" && toks[p-1].Shape == token.Lower) {
				cur = c
				start = p - 1
			}
		}
		return cur, start
	}
	if t.Kind == token.Word && (t.Shape == token.Upper || t.Key == "rs" || t.Key == "rs." || t.Key == "dlrs") && !toks[i].Line {
		if c, ok := currencyCodes[t.Key]; ok {
			return c, p
		}
	}
	return "", i
}

// unitAfter reads a unit after an amount: a percentage, a currency name, a
// unit of measure. It returns the unit, the factor to apply (0.01 for
// cents) and the token after it; to == j when there is none.
func (f *finder) unitAfter(j int, n Number) (unit string, factor float64, to int) {
	toks := f.toks
	if j >= len(toks) || toks[j].Line {
		return "", 1, j
	}
	t := toks[j]
	if t.Key == "%" {
		return "percent", 1, j + 1
	}
	if t.Kind == token.Symbol {
		// "5 €", "10 $": a sign after the amount, as in continental usage,
		// unless it is the sign of the next amount ("$10 $20").
		if c, ok := currencySymbols[t.Key]; ok && (j+1 >= len(toks) || toks[j+1].Kind != token.Number) {
			return c, 1, j + 1
		}
		return "", 1, j
	}
	if t.Kind != token.Word {
		return "", 1, j
	}
	k := t.Key
	if percentWords[k] {
		if k == "percentage" && j+1 < len(toks) && toks[j+1].Key == "points" {
			return "percentage points", 1, j + 2
		}
		return "percent", 1, j + 1
	}
	if k == "per" && j+1 < len(toks) && toks[j+1].Key == "cent" {
		return "percent", 1, j + 2
	}
	if k == "basis" && j+1 < len(toks) && toks[j+1].Key == "points" {
		return "basis points", 1, j + 2
	}
	// "125 million Australian dollars", "US dollars", "Hong Kong dollars".
	if c, ok := dollarNations[k]; ok {
		m := j + 1
		if k == "hong" && m < len(toks) && toks[m].Key == "kong" || k == "new" || k == "zealand" {
			m++
		}
		if m < len(toks) && (toks[m].Key == "dollars" || toks[m].Key == "dollar") {
			return c, 1, m + 1
		}
		if m < len(toks) && (toks[m].Key == "cents" || toks[m].Key == "cent") {
			return c, 0.01, m + 1
		}
		return "", 1, j
	}
	if k == "new" && j+2 < len(toks) && toks[j+1].Key == "zealand" && strings.HasPrefix(toks[j+2].Key, "dollar") {
		return "NZD", 1, j + 3
	}
	// "10,000 Swiss francs", "North Korean won".
	m := j
	if k == "north" || k == "south" {
		m++
	}
	if m+1 < len(toks) {
		if byWord, ok := nationCurrencies[toks[m].Key]; ok {
			if c, ok := byWord[toks[m+1].Key]; ok {
				if toks[m].Key == "korean" && k == "north" {
					c = "KPW"
				}
				return c, 1, m + 2
			}
		}
	}
	if c, ok := currencyWords[k]; ok {
		switch k {
		case "pound", "pounds":
			// Money when it is millions or sterling; weight otherwise ("300
			// pounds of explosives"): British news writes money with "£".
			if j+1 < len(toks) && toks[j+1].Key == "sterling" {
				return "GBP", 1, j + 2
			}
			if n.Scale < 1e6 {
				return "lb", 1, j + 1
			}
		case "won":
			if n.Scale == 0 && n.Value < 1000 {
				return "", 1, j
			}
		}
		return c, 1, j + 1
	}
	if c, ok := minorUnits[k]; ok {
		return c, 0.01, j + 1
	}
	if c, ok := currencyCodes[k]; ok && t.Shape == token.Upper {
		return c, 1, j + 1
	}
	if k == "square" || k == "sq" {
		if j+1 < len(toks) {
			if u, ok := squareUnits[toks[j+1].Key]; ok {
				return u, 1, j + 2
			}
		}
		return "", 1, j
	}
	if u, ok := units[k]; ok && k != "c" {
		if u == "degrees" && j+1 < len(toks) {
			switch toks[j+1].Key {
			case "celsius", "centigrade", "c":
				return "°C", 1, j + 2
			case "fahrenheit", "f":
				return "°F", 1, j + 2
			}
		}
		// "mt", "ha" and "kw" in lower case are too often something else.
		if (k == "mt" || k == "ha" || k == "mw" || k == "gw" || k == "kw") && t.Shape == token.Lower {
			return "", 1, j
		}
		return u, 1, j + 1
	}
	return "", 1, j
}

// hedgeBefore matches a hedge that ends just before token i.
func (f *finder) hedgeBefore(i int) (int, *hedge) {
	toks := f.toks
	if i < len(toks) && toks[i].Line {
		return i, nil
	}
	for h := range preHedges {
		w := preHedges[h].words
		s := i - len(w)
		if s < 0 {
			continue
		}
		match := true
		for k, word := range w {
			t := toks[s+k]
			if t.Key != word || (k > 0 && t.Line) {
				match = false
				break
			}
		}
		if match {
			if w[0] == "some" && s > 0 && (toks[s-1].Key == "for" || toks[s-1].Key == "of") {
				continue // "for some 10 years" is fine, but "of some" is rare; keep it simple
			}
			return s, &preHedges[h]
		}
	}
	return i, nil
}

// hedgeAfter matches a hedge that starts at token j ("or so", "plus").
func (f *finder) hedgeAfter(j int) (int, *hedge) {
	toks := f.toks
	for h := range postHedges {
		w := postHedges[h].words
		if j+len(w) > len(toks) {
			continue
		}
		match := true
		for k, word := range w {
			t := toks[j+k]
			if t.Key != word || t.Line {
				match = false
				break
			}
		}
		if !match {
			continue
		}
		if w[0] == "+" && toks[j].Space {
			continue // "10,000+" only glued
		}
		if w[0] == "plus" || w[0] == "odd" {
			// "10,000 plus" ends a phrase; "5 plus 3" is arithmetic.
			if j+1 < len(toks) && toks[j+1].Kind == token.Number {
				continue
			}
		}
		return j + len(w), &postHedges[h]
	}
	return j, nil
}

// rangeJoin looks at token j, after a first amount, for the word that
// joins it to a second: "-", "to", "and" after "between", "or". It returns
// the token where the second amount starts and the join.
func (f *finder) rangeJoin(j, start int) (int, string) {
	toks := f.toks
	if j+1 >= len(toks) || toks[j].Line || toks[j+1].Line {
		return j, ""
	}
	before := start - 1
	k := toks[j].Key
	switch {
	case k == "-" || k == "–" || k == "—" && !toks[j].Space:
		return j + 1, "-"
	case k == "through" && (before < 0 || toks[before].Key != "from"):
		return j + 1, "to" // "20 through 100"
	case k == "to" || k == "through" || k == "until":
		if before >= 0 && toks[before].Key == "from" {
			// "rose from 10 to 20" is a change, two figures.
			for b := before - 1; b >= 0 && b >= before-3; b-- {
				if changeVerbs[toks[b].Key] {
					return j, ""
				}
			}
			return j + 1, "to"
		}
		if k == "to" {
			// "shares rose 6 pence to 388 pence" is a change.
			for b := start - 1; b >= 0 && b >= start-3; b-- {
				if changeVerbs[toks[b].Key] {
					return j, ""
				}
			}
			return j + 1, "to"
		}
	case k == "and":
		if before >= 0 && toks[before].Key == "between" {
			return j + 1, "and"
		}
	case k == "or":
		return j + 1, "or"
	}
	return j, ""
}

// labelled reports whether the amount starting at start (its number at n)
// is an identifier: after a label word ("Article 5", "No. 10", "flight
// 370") or a capitalised name ("Windows 10", "Boeing 737").
func (f *finder) labelled(start int, n Number, para segment.Paragraph) bool {
	toks := f.toks
	p := start - 1
	if p < 0 || toks[start].Line {
		return false // nothing before it on its line
	}
	if toks[p].Key == "." && p > 0 && (toks[p-1].Key == "no" || toks[p-1].Key == "nos" || toks[p-1].Key == "p" || toks[p-1].Key == "pp" || toks[p-1].Key == "vol") {
		return true
	}
	t := toks[p]
	if t.Kind != token.Word {
		return false
	}
	if t.Key == "of" && p > 0 && (toks[p-1].Key == "age" || toks[p-1].Key == "aged") {
		return true // "a retirement age of 65"
	}
	if labelWords[t.Key] {
		// "the number of" is not a label; "a number 10" is rare.
		if t.Key == "number" && p > 0 && (toks[p-1].Key == "a" || toks[p-1].Key == "the") {
			return false
		}
		if (t.Key == "top" || t.Key == "round" || t.Key == "line" || t.Key == "mark" || t.Key == "day" || t.Key == "week") && (n.Grouped || n.Spelled) {
			return false
		}
		return true
	}
	if !t.Capitalised() {
		return false
	}
	// A capitalised word that starts its sentence (or a quotation) is a
	// capital of style, not a name.
	s := f.d.Sentences[f.d.SentenceOf(p)]
	q := p - 1
	for q >= s.From && (toks[q].Kind == token.Quote || toks[q].Key == "(" || toks[q].Key == "—") {
		q--
	}
	if q < s.From || toks[q].Key == ":" || toks[q].Key == "—" || toks[q].Key == "–" {
		return false
	}
	if f.isMonth(p) {
		return false
	}
	// A headline in title case capitalises everything.
	if para.Heading && titleCase(toks[para.From:para.To]) {
		return false
	}
	if t.Shape == token.Upper && len(t.Key) <= 3 && n.Grouped {
		return false // "the US 5,000"? rare; "NIS 1,500" would be a source
	}
	return true
}

// titleCase reports whether most words of a line are capitalised.
func titleCase(toks []token.Token) bool {
	words, caps := 0, 0
	for _, t := range toks {
		if t.Kind == token.Word && len(t.Key) > 3 {
			words++
			if t.Capitalised() {
				caps++
			}
		}
	}
	return words > 0 && caps*3 >= words*2
}

// yearLike reports whether n reads as a year: four digits without a
// comma between 1000 and 2100, not money, not bounded, and not followed by
// the plural noun it would count.
func (f *finder) yearLike(n Number, unit, bound string, start int) bool {
	toks := f.toks
	if n.Spelled && n.Value >= 1000 && n.Value <= 2100 && float64(int(n.Value)) == n.Value && start > 0 && (toks[start-1].Key == "year" || toks[start-1].Key == "in" && n.Value != 1000) {
		return true // "the year two thousand"
	}
	if n.Spelled || n.Grouped || n.Decimal || n.Scale != 0 || n.Digits != 4 || n.To != n.From+1 {
		return false
	}
	if n.Value < 1000 || n.Value > 2100 || unit != "" {
		return false
	}
	a := n.To
	if a < len(toks) && (toks[a].Key == "ad" || toks[a].Key == "bc" || toks[a].Key == "ce" || toks[a].Key == "bce") {
		return true
	}
	if start > 0 && !toks[start].Line && (yearWords[toks[start-1].Key] || f.isMonth(start-1) || toks[start-1].Key == ",") && bound == "" {
		return true
	}
	if a < len(toks) && (toks[a].Key == "levels" || toks[a].Key == "level" || toks[a].Key == "prices") {
		return true // "below 2005 levels"
	}
	if bound != "" {
		return false // "more than 2000"
	}
	// "2000 troops", "2000 Iraqi soldiers": a plural noun after it, or
	// after one adjective, makes it a count.
	for k := a; k < len(toks) && k < a+2; k++ {
		t := toks[k]
		if t.Kind != token.Word || npStops[t.Key] || t.Line {
			break
		}
		if isPluralHead(t.Key) {
			// "Declared 2016 Presidential Candidates": a headline's
			// capitals.
			return n.Value >= 1900 && t.Capitalised()
		}
		if !t.Capitalised() && !adjectiveLike(t.Key) {
			break
		}
	}
	return true
}

// adjectiveLike reports whether a lower-case word has the ending of an
// adjective or participle ("armed", "regular", "foreign", "Iraqi").
func adjectiveLike(k string) bool {
	for _, suf := range [...]string{"ed", "al", "an", "ese", "ish", "ic", "ive", "ing", "ous", "ful", "less", "ary", "ar", "ern", "ign"} {
		if strings.HasSuffix(k, suf) {
			return true
		}
	}
	return false
}

// isPluralHead reports whether key can head a count: a plural noun or a
// noun such as "people", "police", "wounded".
func isPluralHead(key string) bool {
	if headIrregulars[key] {
		return true
	}
	n := len(key)
	if n < 3 || key[n-1] != 's' || notHeads[key] {
		return false
	}
	switch key[n-2] {
	case 's', 'u', '\'':
		return false // "press", "virus"
	case 'i':
		return false // "crisis", "analysis"
	}
	return true
}

// what finds the noun phrase that says what an amount counts, starting
// at token j: "North Korean troops", "of soldiers", "of the population".
func (f *finder) what(j int, v float64, unit string, singular bool) (span, bool) {
	toks := f.toks
	if j >= len(toks) {
		return span{}, false
	}
	sentEnd := f.d.Sentences[f.d.SentenceOf(j)].To
	if toks[j].Key == "of" {
		j++
		for j < sentEnd && (toks[j].Key == "the" || toks[j].Key == "its" || toks[j].Key == "their" || toks[j].Key == "his" ||
			toks[j].Key == "her" || toks[j].Key == "our" || toks[j].Key == "these" || toks[j].Key == "those" || toks[j].Key == "all") {
			j++
		}
	} else if isCurrency(unit) || unit == "percent" || unit == "percentage points" {
		return span{}, false // "$5bn in aid", "20% stake": nothing is counted
	}
	// "25 million more people", "2,000 fewer troops"
	if j+1 < sentEnd && (toks[j].Key == "more" || toks[j].Key == "fewer" || toks[j].Key == "less") && toks[j+1].Kind == token.Word && !npStops[toks[j+1].Key] {
		j++
	}
	head := -1
	k := j
	for ; k < sentEnd && k < j+6; k++ {
		t := toks[k]
		if t.Kind != token.Word || npStops[t.Key] || timeUnits[t.Key] || clockWords[t.Key] {
			break
		}
		if k > j && t.Line {
			break
		}
		if isPluralHead(t.Key) {
			head = k
		} else if (v == 1 || singular) && head < 0 && k == j && t.Shape == token.Lower && !strings.HasSuffix(t.Key, "ed") && !strings.HasSuffix(t.Key, "ly") {
			head = k // "at least one soldier"
		}
		// A finite verb after the head ends the phrase; "-ed" and "-ing"
		// words only go on when a noun follows.
		if head >= 0 && head < k && (strings.HasSuffix(t.Key, "ed") || strings.HasSuffix(t.Key, "ing")) {
			break
		}
	}
	if head < 0 {
		return span{}, false
	}
	// A capitalised word after a lower-case head starts something else.
	return span{from: j, to: head + 1}, true
}

func isCurrency(unit string) bool {
	return len(unit) == 3 && unit[0] >= 'A' && unit[0] <= 'Z' && unit[1] >= 'A' && unit[1] <= 'Z' && unit[2] >= 'A' && unit[2] <= 'Z'
}

// rate finds the period of a rate after an amount, in the rest of its
// clause: "a month", "each day", "per week", "every year", "annually",
// "/day".
func (f *finder) rate(j int) string {
	toks := f.toks
	if j >= len(toks) {
		return ""
	}
	sentEnd := f.d.Sentences[f.d.SentenceOf(j-1)].To
	for k := j; k < sentEnd && k < j+14; k++ {
		t := toks[k]
		switch t.Key {
		case ";", ":", "—", "–", "(":
			return ""
		}
		if k > j && (t.Kind == token.Number || mayStartCount(t)) {
			return "" // the next amount's clause
		}
		if strings.HasSuffix(t.Key, "ly") {
			if p, ok := rateAdverbs[t.Key]; ok {
				return p
			}
			continue
		}
		switch t.Key {
		case "each", "every", "per", "/", "a", "an":
		default:
			continue
		}
		if k+1 >= sentEnd {
			break
		}
		nk := toks[k+1].Key
		period, ok := ratePeriods[nk]
		if !ok {
			continue
		}
		switch t.Key {
		case "each", "every", "per", "/":
			return period
		case "a", "an":
			if k > 0 {
				switch toks[k-1].Key {
				case "for", "in", "within", "over", "after", "than", "about", "nearly", "almost", "half", "of", "around", "just", "only", "once", "twice", "of.", "under", "than.", "least", "by", "past":
					if toks[k-1].Key != "once" && toks[k-1].Key != "twice" {
						continue
					}
				}
			}
			if k+2 < len(toks) {
				switch toks[k+2].Key {
				case "ago", "later", "earlier", "after", "before", "long", "since", "old", "or", "and", "from", "-":
					continue
				}
			}
			return period
		}
	}
	return ""
}

// mayStartCount reports whether t starts another amount (for ending a
// rate's search): a number word other than "a".
func mayStartCount(t token.Token) bool {
	if t.Kind != token.Word {
		return false
	}
	if !starterPrefix[prefixIndex(t.Key)] {
		return false
	}
	_, ok := cardinals[t.Key]
	return ok && t.Key != "one"
}

// vague reads a vague amount at token i: "dozens", "hundreds of
// thousands", "tens of thousands", "several hundred", "a few thousand". It
// returns its lower bound and the token after it.
func (f *finder) vague(i int) (low float64, to int, ok bool) {
	toks := f.toks
	k := toks[i].Key
	j := i
	count := 0.0
	if c, ok := vagueCounts[k]; ok {
		if k == "some" {
			return 0, 0, false
		}
		count = c
		j = i + 1
	} else if k == "a" && i+1 < len(toks) && toks[i+1].Key == "few" {
		count = 2
		j = i + 2
	}
	if count > 0 {
		if j >= len(toks) {
			return 0, 0, false
		}
		u := toks[j].Key
		sc, ok := scales[u]
		if u == "dozen" || u == "dozens" {
			sc, ok = 12, true
		}
		if !ok || len(u) <= 3 {
			if v, ok2 := vagueUnits[u]; ok2 && u != "tens" && u != "scores" {
				sc, ok = v, true
			}
		}
		if !ok {
			return 0, 0, false
		}
		low = count * sc
		j++
		// "several hundred thousand"
		for j < len(toks) {
			if s2, ok := scales[toks[j].Key]; ok && len(toks[j].Key) > 3 && s2 > sc {
				low *= s2
				sc = s2
				j++
				continue
			}
			break
		}
		return low, j, true
	}
	u, ok := vagueUnits[k]
	if !ok {
		return 0, 0, false
	}
	// A number before it makes it a multiple ("3 dozens"), read elsewhere.
	if i > 0 && (toks[i-1].Kind == token.Number || toks[i-1].Key == "a") {
		return 0, 0, false
	}
	j = i + 1
	mult := u
	chained := false
	for j+1 < len(toks) && toks[j].Key == "of" {
		v, ok := vagueUnits[toks[j+1].Key]
		if !ok || toks[j+1].Key == "tens" || toks[j+1].Key == "scores" || toks[j+1].Key == "dozens" || v <= u {
			break
		}
		mult *= v
		chained = true
		j += 2
	}
	if (k == "tens" || k == "scores") && !chained {
		if k == "scores" && j < len(toks) && toks[j].Key == "of" {
			return 2 * u, j, true
		}
		return 0, 0, false
	}
	return 2 * mult, j, true
}

// vagueQuantity appends a vague amount read at [i, to).
func (f *finder) vagueQuantity(i, to int, low float64) (int, bool) {
	toks := f.toks
	q := Quantity{Vague: true}
	start := i
	if s, hg := f.hedgeBefore(i); hg != nil {
		start = s
		q.Approx = hg.approx
		q.Bound = hg.bound
	}
	q.Low = f.float(low)
	m := qmeta{from: start, to: to, numFrom: i, headTo: to}
	if w, ok := f.what(to, 2, "", false); ok {
		if timeUnits[toks[w.to-1].Key] {
			return to, false
		}
		q.What = f.text[toks[w.from].Start:toks[w.to-1].End]
		q.WhatSpan = &document.Span{Start: toks[w.from].Start, End: toks[w.to-1].End}
		m.headTo = w.to
		if c, ok := currencyWords[toks[w.to-1].Key]; ok {
			q.Unit = c // "millions of dollars"
		}
	} else if to+1 < len(toks) && toks[to].Key == "of" && timeUnits[toks[to+1].Key] {
		return to, false // "thousands of years"
	} else if to < len(toks) && timeUnits[toks[to].Key] {
		return to, false
	}
	if to+1 < len(toks) && toks[to].Key == "of" && themWords[toks[to+1].Key] {
		m.ofThem = true
	}
	q.Span = document.Span{Start: toks[start].Start, End: toks[to-1].End}
	q.Text = f.text[q.Start:q.End]
	q.Rate = f.rate(m.headTo)
	m.plain = true
	f.out = append(f.out, q)
	f.meta = append(f.meta, m)
	return to, true
}

// hyperbole appends an amount that is never an estimate ("a zillion").
func (f *finder) hyperbole(i int) (int, bool) {
	start := i
	if i > 0 && (f.toks[i-1].Key == "a" || f.toks[i-1].Key == "an") {
		start = i - 1
	}
	q := Quantity{Vague: true, Rhetorical: true}
	q.Span = document.Span{Start: f.toks[start].Start, End: f.toks[i].End}
	q.Text = f.text[q.Start:q.End]
	f.out = append(f.out, q)
	f.meta = append(f.meta, qmeta{from: start, to: i + 1, numFrom: i, headTo: i + 1})
	return i + 1, true
}

// coordinated reports whether the amount starting at token start follows
// another count of its sentence across "and", "or" or a comma: a tally.
func (f *finder) coordinated(start int) bool {
	if start < 1 || len(f.meta) == 0 {
		return false
	}
	switch f.toks[start-1].Key {
	case "and", "or", ",", "plus":
	default:
		return false
	}
	last := f.meta[len(f.meta)-1]
	return last.headTo == start-1 && f.d.SentenceOf(last.numFrom) == f.d.SentenceOf(start)
}

// countNouns before a bare number in its sentence make it the value of a
// count ("put the number at 62", "the toll rose to 59").
var countNouns = map[string]bool{"number": true, "count": true, "total": true, "toll": true, "tally": true, "figure": true, "estimate": true, "tallies": true, "numbers": true, "figures": true, "estimates": true}

// bare drops the bare numbers below a hundred that continue no count: no
// amount before them in their sentence or the one before, and no count
// noun before them in their sentence.
func (f *finder) bare() {
	keep := 0
	for qi := range f.out {
		m := f.meta[qi]
		if m.bare {
			si := f.d.SentenceOf(m.numFrom)
			ok := false
			for pj := keep - 1; pj >= 0; pj-- {
				if f.d.SentenceOf(f.meta[pj].numFrom) >= si-1 {
					ok = true
				}
				break
			}
			for k := f.d.Sentences[si].From; k < m.from && !ok; k++ {
				ok = countNouns[f.toks[k].Key]
			}
			if !ok {
				continue
			}
		}
		f.out[keep], f.meta[keep] = f.out[qi], m
		keep++
	}
	f.out, f.meta = f.out[:keep], f.meta[:keep]
}

// elided gives a count with no noun of its own the noun of the count it
// continues: "the number of troops deployed is 10,000", "1,500 North Korean
// troops ..., with 12,000 expected", or the last count of the sentence
// before.
func (f *finder) elided() {
	toks := f.toks
	for qi := range f.out {
		q := &f.out[qi]
		m := f.meta[qi]
		if q.What != "" || !m.plain || q.Rhetorical {
			continue
		}
		si := f.d.SentenceOf(m.numFrom)
		s := f.d.Sentences[si]
		// "the number of troops deployed is 10,000"
		found := false
		for k := s.From; k+2 < m.from; k++ {
			if toks[k].Key == "number" && toks[k+1].Key == "of" {
				if w, ok := f.what(k+1, 2, "", false); ok && w.to <= m.from {
					q.What = f.text[toks[w.from].Start:toks[w.to-1].End]
					q.WhatSpan = &document.Span{Start: toks[w.from].Start, End: toks[w.to-1].End}
					found = true
				}
			}
		}
		if found {
			continue
		}
		// An earlier count of the same or the previous sentence.
		for pj := qi - 1; pj >= 0; pj-- {
			pm := f.meta[pj]
			psi := f.d.SentenceOf(pm.numFrom)
			if psi < si-1 {
				break
			}
			p := f.out[pj]
			if p.What != "" && pm.plain && !p.Rhetorical {
				q.What, q.WhatSpan = p.What, p.WhatSpan
				break
			}
		}
	}
}

// thereIs reports whether an existential "there is", "there must be",
// "there could have been" comes right before token i.
func thereIs(toks []token.Token, i int) bool {
	for k := i - 1; k >= 0 && k >= i-4; k-- {
		switch toks[k].Key {
		case "there":
			return k < i-1
		case "'s", "is", "are", "'re", "was", "were", "must", "could", "might", "may", "would", "will", "be", "been",
			"have", "has", "got", "to", "'ve", "'ll", "'d", "easily", "probably", "surely":
		default:
			return false
		}
	}
	return false
}

// rhetoric flags amounts used for effect: an indefinite round power of ten
// ("a million", "a thousand") in an idiom ("a thousand times", "a million
// reasons"), or in a quotation that points at what the speaker sees
// ("There's a million of them here") or exclaims.
func (f *finder) rhetoric() {
	toks := f.toks
	for qi := range f.out {
		q := &f.out[qi]
		m := f.meta[qi]
		if !m.round || q.Rhetorical {
			continue
		}
		// The idiom: "a thousand times", "a million reasons".
		if m.to < len(toks) && rhetoricHeads[toks[m.to].Key] && q.Unit == "" {
			q.Rhetorical = true
			continue
		}
		if q.Unit == "percent" && (m.to >= len(toks) || toks[m.to].Key != "of") {
			q.Rhetorical = true // "a hundred percent sure"
			continue
		}
		inQuote := f.d.QuoteOf(m.numFrom) >= 0
		there := thereIs(toks, m.from)
		if !inQuote {
			continue
		}
		if m.ofThem || there {
			q.Rhetorical = true
			continue
		}
		// An exclamation.
		s := f.d.Sentences[f.d.SentenceOf(m.numFrom)]
		for k := m.to; k < s.To; k++ {
			if toks[k].Key == "!" {
				q.Rhetorical = true
				break
			}
			if toks[k].Kind == token.Quote && toks[k].Dir == token.Close {
				break
			}
		}
	}
}
