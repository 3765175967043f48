package when

import (
	"strings"

	"github.com/crosscheck-dev/crosscheck/internal/extract/token"
)

// Shifts written before a unit, weekday, month or season.
const (
	shiftNone = 2
	shiftLast = -1
	shiftThis = 0
	shiftNext = 1
)

// at reads the expression that starts at token i, prepositions included
// where they change its meaning ("between", "from", "by") or are part of
// how it reads ("on", "in", "at", "for").
func (s *scanner) at(i int) (v val, from, to int, ok bool) {
	k := s.t[i].Key
	switch k {
	case "between", "from":
		if v, end, ok := s.rangeFrom(i); ok {
			return v, i, end, true
		}
		return v, 0, 0, false
	case "by":
		if !s.same(i + 1) {
			return v, 0, 0, false
		}
		if v, end, ok := s.exprRange(i + 1); ok && (v.kind == KindDate || v.kind == KindTime) && v.special == "" {
			v.kind = KindDeadline
			return v, i, end, true
		}
		return v, 0, 0, false
	case "on", "in", "at", "during", "for":
		if !s.same(i + 1) {
			return v, 0, 0, false
		}
		if v, end, ok := s.exprRange(i + 1); ok {
			if k == "for" && s.hasRef && s.perfectBefore(i) {
				// "have been kept away for three weeks", "has been there
				// for the past week": the weeks up to the reference day.
				switch {
				case v.kind == KindDuration && !v.fuzzy && v.u >= uDay:
					return trailing(s.ref, v.u, v.n, s.ref), i, end, true
				case v.toRef:
					v.end = s.ref
					return v, i, end, true
				case end == i+4 && s.key(i+1) == "the" && (s.key(i+2) == "past" || s.key(i+2) == "last") && s.is(i+3, cUnit):
					return trailing(s.ref, s.lex(i+3).unit, 1, s.ref), i, end, true
				}
			}
			if k == "for" && v.kind != KindDuration {
				return v, i + 1, end, true
			}
			if k == "in" && v.kind == KindDuration && !v.fuzzy && s.hasRef && v.u >= uDay && s.leanAt(i, end) == leanFuture {
				// "will be redeemed in five years": a date that far ahead.
				if w, ok := unitSpan(shiftUnit(s.ref, v.u, v.n), granUnit(v.u)); ok {
					return w, i, end, true
				}
			}
			return v, i, end, true
		}
		return v, 0, 0, false
	}
	v, end, ok := s.exprRange(i)
	return v, i, end, ok
}

// exprRange reads an expression and, when a second one follows after "-",
// "to", "through" or "until" ("May to July", "Monday-Friday"), the range
// they span.
func (s *scanner) exprRange(i int) (val, int, bool) {
	// "8-13 October": a bare day, a dash, then a full date.
	if d, ok := s.dayNum(i); ok && s.t[i].Kind == token.Number && (s.key(i+1) == "-" || s.key(i+1) == "–") && s.tight(i+1) && s.tight(i+2) {
		if q, e, ok := s.absolute(i + 2); ok && q.gran == gDay && q.m != 0 {
			if v, e2, ok := s.joinRange(partial{y: q.y, m: q.m, d: d, gran: gDay}, q, i, e); ok {
				return v, e2, true
			}
		}
	}
	if p, end, ok := s.absolute(i); ok {
		if v, e, ok := s.rangeRest(i, p, end); ok {
			return v, e, true
		}
	}
	v, end, ok := s.expr(i)
	if !ok {
		return v, end, false
	}
	if v.weekday && s.same(end) && (s.key(end) == "-" || s.key(end) == "–") && s.tight(end) {
		if w, e, ok := s.expr(end + 1); ok && w.weekday && v.start != noDay && w.start != noDay {
			for w.start < v.start {
				w.start += 7
				w.end += 7
			}
			return rangeVal(v, w), e, true
		}
	}
	return v, end, true
}

// rangeRest reads the second half of a range written without "from" or
// "between" after the absolute date p at [i, end): "May 3-7", "8-13
// October", "2010-2015", "May to July".
func (s *scanner) rangeRest(i int, p partial, end int) (val, int, bool) {
	sep := s.key(end)
	if !s.same(end) || !(sep == "-" || sep == "–" || sep == "to" || sep == "through" || sep == "until" || sep == "till") {
		return val{}, 0, false
	}
	dash := sep == "-" || sep == "–"
	j := end + 1
	if !s.same(j) {
		return val{}, 0, false
	}
	var q partial
	var e int
	whole := true // the second half stands alone ("May to July", not "May 3-7")
	switch {
	case p.gran == gDay:
		if d, ok := s.dayNum(j); ok && (s.t[j].Kind == token.Number) {
			if r, e2, ok := s.absolute(j); ok && r.gran == gDay {
				q, e = r, e2
			} else {
				whole = false
				q, e = partial{y: p.y, m: p.m, d: d, gran: gDay}, j+1
				if r, e2 := s.withYearOnly(j + 1); r != 0 && p.y == 0 {
					q.y, e = r, e2
				}
			}
		} else if r, e2, ok := s.absolute(j); ok && r.gran == gDay {
			q, e = r, e2
		} else {
			return val{}, 0, false
		}
	case p.gran == gMonth:
		r, e2, ok := s.absolute(j)
		if !ok || r.gran != gMonth && r.gran != gDay {
			return val{}, 0, false
		}
		q, e = r, e2
	case p.gran == gYear:
		if y, ok := s.yearNum(j); ok && y > p.y {
			q, e = partial{y: y, gran: gYear}, j+1
		} else if n, digits, ok := s.num(j); ok && dash && digits == 2 && s.tight(j) {
			// "1998-99", "2022-23": a season or fiscal year.
			y := p.y/100*100 + n
			if y <= p.y {
				y += 100
			}
			if y != p.y+1 {
				return val{}, 0, false
			}
			q, e = partial{y: y, gran: gYear}, j+1
			whole = false
		} else {
			return val{}, 0, false
		}
	default:
		return val{}, 0, false
	}
	v, e2, ok := s.joinRange(p, q, i, e)
	if ok && whole {
		s.keepEnds(i, end, j, e)
	}
	return v, e2, ok
}

// withYearOnly reads ", 2024" or " 2024" at j and returns the year and the
// token after it (0 when there is none).
func (s *scanner) withYearOnly(j int) (int, int) {
	k := j
	if s.key(k) == "," && s.same(k) {
		k++
	}
	if s.same(k) {
		if y, ok := s.yearNum(k); ok {
			return y, k + 1
		}
	}
	return 0, j
}

// rangeFrom reads "between X and Y" and "from X to Y" at i. Either side
// may leave out what the other says ("between Oct 8 and 13", "between 8
// and 13 October").
func (s *scanner) rangeFrom(i int) (val, int, bool) {
	j := i + 1
	if !s.same(j) {
		return val{}, 0, false
	}
	join := "and"
	if s.key(i) == "from" {
		join = "to"
	}
	isJoin := func(k string) bool {
		if join == "and" {
			return k == "and"
		}
		return k == "to" || k == "until" || k == "till" || k == "through" || k == "-" || k == "–" || k == "into"
	}
	// Absolute dates, possibly a bare day on one side.
	var p partial
	var e1 int
	bare := false
	jd := j
	if s.key(jd) == "the" && s.is(jd+1, cOrd) {
		jd++ // "between the 8th and the 13th of October"
	}
	if d, ok := s.dayNum(jd); ok && isJoin(s.key(jd+1)) && (s.t[jd].Kind == token.Number || s.is(jd, cOrd)) {
		p, e1, bare = partial{d: d, gran: gDay}, jd+1, true
	} else if q, e, ok := s.absolute(j); ok {
		p, e1 = q, e
	}
	if e1 > 0 && isJoin(s.key(e1)) && s.same(e1+1) {
		k := e1 + 1
		if bare && s.key(k) == "the" && (s.isNumberLike(k+1) || s.is(k+1, cOrd)) {
			k++
		}
		if q, e2, ok := s.absolute(k); ok {
			if bare {
				if q.gran != gDay {
					return val{}, 0, false
				}
				p.m, p.y = q.m, q.y
			}
			v, e3, ok := s.joinRange(p, q, i, e2)
			if ok && !bare {
				s.keepEnds(j, e1, k, e2)
			}
			return v, e3, ok
		}
		if d, ok := s.dayNum(k); ok && !bare && p.gran == gDay && s.t[k].Kind == token.Number {
			q := partial{y: p.y, m: p.m, d: d, gran: gDay}
			e2 := k + 1
			if y, e3 := s.withYearOnly(k + 1); y != 0 && p.y == 0 {
				q.y, e2 = y, e3
			}
			return s.joinRange(p, q, i, e2)
		}
	}
	if bare {
		return val{}, 0, false
	}
	// Relative expressions: "from Monday to Friday", "from 2019 until now".
	v, e, ok := s.expr(j)
	if !ok || v.start == noDay || !isJoin(s.key(e)) || !s.same(e+1) {
		return val{}, 0, false
	}
	w, e2, ok := s.expr(e + 1)
	if !ok || w.start == noDay || v.kind == KindDuration || w.kind == KindDuration {
		return val{}, 0, false
	}
	if v.weekday && w.weekday {
		for w.start < v.start {
			w.start += 7
			w.end += 7
		}
	}
	if w.end < v.start {
		return val{}, 0, false
	}
	s.ends[0], s.ends[1] = rangeEnd{j, e, v}, rangeEnd{e + 1, e2, w}
	s.hasEnds = true
	return rangeVal(v, w), e2, true
}

// rangeEnd is one end of a range that is an expression of its own.
type rangeEnd struct {
	from, to int
	v        val
}

// keepEnds records the two ends of the range just joined, at tokens [a, b)
// and [c, d), so that each is reported too, as TimeML annotates them.
func (s *scanner) keepEnds(a, b, c, d int) {
	if !s.joined {
		return
	}
	s.ends[0], s.ends[1] = rangeEnd{a, b, s.join[0]}, rangeEnd{c, d, s.join[1]}
	s.hasEnds = true
}

// joinRange resolves the two ends of a range of absolute dates together:
// the year one side gives is the other's, and the end follows the start.
func (s *scanner) joinRange(p, q partial, from, to int) (val, int, bool) {
	s.joined = false
	if p.gran == gDay && q.gran == gDay {
		if p.m == 0 {
			p.m = q.m
		}
		if q.m == 0 {
			q.m = p.m
		}
	}
	if p.y == 0 && q.y != 0 {
		p.y = q.y
		if p.m > q.m && q.m != 0 {
			p.y-- // "December to March 2024"
		}
	}
	if p.y == 0 && !s.hasRef {
		v := val{kind: KindRange, start: noDay, end: noDay, partial: p}
		return v, to, true
	}
	v, ok := s.resolve(p, s.lean(from, to), from)
	if !ok {
		return val{}, 0, false
	}
	if q.y == 0 {
		q.y = v.start.year()
	}
	w, ok := s.resolve(q, leanNone, from)
	if !ok {
		return val{}, 0, false
	}
	if w.end < v.start && q.gran != gYear {
		q.y++
		w, _ = s.resolve(q, leanNone, from)
	}
	if w.end < v.start {
		return val{}, 0, false
	}
	s.join[0], s.join[1], s.joined = v, w, true
	return rangeVal(v, w), to, true
}

func rangeVal(v, w val) val {
	return val{kind: KindRange, start: v.start, end: w.end, gran: gDay}
}

// resolve places a partial date on the calendar, taking the year it leaves
// open from the reference day: this year's if that day has come (or, for a
// month, is current), else last year's; the other way round for an
// expression that leans to the future.
func (s *scanner) resolve(p partial, l lean, at int) (val, bool) {
	if p.gran == gDay && p.m == 0 {
		return val{}, false
	}
	y := p.y
	if y == 0 {
		if !s.hasRef {
			return val{kind: KindDate, start: noDay, end: noDay, gran: p.gran, partial: p}, true
		}
		ry, rm, _ := s.ref.ymd()
		y = ry
		switch p.gran {
		case gDay:
			y = s.dayYear(p, l)
		case gMonth:
			switch {
			case l == leanFuture && p.m < rm:
				y++
			case l == leanPast && p.m > rm:
				y--
			case l == leanNone && p.m > rm && !nearerAhead(p.m-rm, 12-(p.m-rm)):
				y--
			case l == leanNone && p.m < rm && nearerAhead(12-(rm-p.m), rm-p.m):
				y++
			}
		}
	}
	v := val{kind: KindDate, gran: p.gran}
	switch p.gran {
	case gDay:
		if !validDate(y, p.m, p.d) {
			return val{}, false
		}
		v.start = mkDay(y, p.m, p.d)
		v.end = v.start
	case gMonth:
		v.start = mkDay(y, p.m, 1)
		v.end = mkDay(y, p.m+1, 1) - 1
	case gYear:
		v.start, v.end = mkDay(y, 1, 1), mkDay(y, 12, 31)
	case gDecade:
		v.start, v.end = mkDay(y, 1, 1), mkDay(y+9, 12, 31)
	default:
		return val{}, false
	}
	return v, true
}

// dayYear returns the year a month and day without one fall in: the last
// occurrence for an expression that leans to the past, the next one for
// the future, and the nearer one otherwise. A past-leaning date a fortnight
// or less after the reference day stays in its year (a deadline "set" for
// it, a story filed a little late), and a weekday written with the date
// settles the matter when it fits one year only.
func (s *scanner) dayYear(p partial, l lean) int {
	ry := s.ref.year()
	c := mkDay(ry, p.m, p.d)
	y := ry
	switch {
	case l == leanFuture && c < s.ref-14:
		y++
	case l == leanPast && c > s.ref+14:
		y--
	case l == leanNone && c > s.ref && !nearerAhead(int(c-s.ref), int(s.ref-mkDay(ry-1, p.m, p.d))):
		y--
	case l == leanNone && c < s.ref && nearerAhead(int(mkDay(ry+1, p.m, p.d)-s.ref), int(s.ref-c)):
		y++
	}
	if p.wd != 0 && mkDay(y, p.m, p.d).weekday() != p.wd-1 {
		for _, alt := range [...]int{ry, ry - 1, ry + 1} {
			if mkDay(alt, p.m, p.d).weekday() == p.wd-1 {
				return alt
			}
		}
	}
	return y
}

// nearerAhead reports whether, for a date with nothing to say which way
// it lies, the occurrence ahead (at distance ahead) wins over the one
// behind: news leans to the past, so the one ahead must be clearly nearer.
func nearerAhead(ahead, behind int) bool {
	return 3*ahead < 2*behind
}

// leanAt is the lean of [from, to) with a default for when the verbs say
// nothing: a deadline or "until" looks ahead.
func (s *scanner) leanAt(from, to int) lean {
	if s.key(from-1) == "of" && s.key(from-2) == "ahead" || s.key(from-1) == "the" && s.key(from-2) == "of" && s.key(from-3) == "ahead" {
		return leanFuture // "ahead of the weekend"
	}
	if s.key(from-1) == "since" {
		return leanPast // "since June": a time that has come
	}
	switch s.key(from - 1) {
	case "to", "until", "till", "through":
		// "extended to Nov. 20", "postponed until March", "extended
		// loans through January": a new date ahead, whatever the tense
		// of the verb that moved it.
		lo := max(s.d.Sentences[s.d.SentenceOf(from)].From, from-14)
		for j := from - 2; j >= lo; j-- {
			if movedTo[s.key(j)] {
				return leanFuture
			}
		}
	}
	l := s.lean(from, to)
	if l == leanNone {
		switch s.key(from - 1) {
		case "by", "until", "till", "before", "through":
			return leanFuture
		}
	}
	return l
}

// Verbs that move an event to a later date.
var movedTo = set("extended", "extend", "extends", "postponed", "postpone", "delayed", "delay", "adjourned",
	"moved", "pushed", "deferred", "rescheduled", "put")

// expr reads one expression that starts at token i, with no leading
// preposition, and returns it with the token after it.
func (s *scanner) expr(i int) (v val, end int, ok bool) {
	if i >= len(s.t) {
		return v, 0, false
	}
	t := &s.t[i]
	switch t.Kind {
	case token.Number:
		if v, end, ok = s.clock(i); ok {
			return v, end, true
		}
		if v, end, ok = s.countPhrase(i); ok {
			return v, end, true
		}
		if p, e, ok := s.absolute(i); ok {
			return s.resolved(p, i, e)
		}
		return v, 0, false
	case token.Quote:
		if s.tight(i + 1) {
			if p, e, ok := s.numericDate(i + 1); ok && p.gran == gDecade {
				return s.resolved(p, i, e)
			}
		}
		return v, 0, false
	case token.Word:
	default:
		return v, 0, false
	}
	l := s.lex(i)
	k := t.Key
	switch {
	case l.class&cRelDay != 0:
		return s.relDay(i)
	case l.class&cWeekday != 0:
		if p, e, ok := s.absolute(i); ok {
			return s.resolved(p, i, e)
		}
		return s.weekday(i, i, shiftNone)
	case l.class&cMonth != 0:
		if p, e, ok := s.absolute(i); ok {
			return s.resolved(p, i, e)
		}
		return v, 0, false
	case l.class&cEdge != 0:
		return s.edge(i)
	case l.class&cShift != 0:
		if v, end, ok = s.shift(i, i); ok {
			return v, end, true
		}
		return s.countPhrase(i)
	case k == "the":
		return s.the(i)
	case l.class&cOrd != 0:
		return s.quarter(i, i)
	case k == "fiscal":
		return s.fiscal(i)
	case l.class&cSetAdv != 0:
		// "adjusted quarterly", "rallies almost daily"; not "its
		// quarterly dividend", "the Communist Party daily".
		if s.same(i+1) && s.t[i+1].Kind == token.Word && !prepOrDet[s.key(i+1)] && s.key(i+1) != "and" && s.key(i+1) != "or" ||
			i > 0 && (determiner[s.key(i-1)] || s.key(i-1) == "'s" || s.t[i-1].Shape == token.Title && s.same(i)) {
			return v, 0, false
		}
		return val{kind: KindSet, start: noDay, end: noDay, n: 1, u: l.unit}, i + 1, true
	case k == "each" || k == "every" || k == "per":
		return s.setPhrase(i)
	case l.class&cSeason != 0:
		return s.season(i, i, shiftNone)
	case l.class&cHoliday != 0:
		return s.holiday(i, i)
	case k == "year" && (s.key(i+1) == "end" || s.key(i+1) == "'s" && s.key(i+2) == "end"):
		e := i + 2
		if s.key(i+1) == "'s" {
			e++
		}
		return s.yearEnd(i, e)
	case k == "now":
		if s.key(i+1) == "-" && s.tight(i+1) {
			return v, 0, false // "now-defunct"
		}
		return s.special("PRESENT_REF", i, i+1)
	case k == "recent" && s.is(i+1, cUnit) && s.lex(i+1).plural:
		if u := s.lex(i + 1).unit; s.hasRef && u >= uDay && u <= uMonth && u != uWeekend {
			// "in recent days", "recent weeks": a few of them, up to the
			// day before the reference day.
			return trailing(s.ref, u, 3, s.ref-1), i + 2, true
		}
		return s.special("PAST_REF", i, i+2)
	case l.class&cPart != 0 && (k == "noon" || k == "midnight" || k == "midday"):
		return s.clock(i)
	case len(k) == 2 && (k[0] == 'q' || k[0] == 'h') && k[1] >= '1' && k[1] <= '4' && t.Shape != token.Lower:
		return s.quarter(i, i)
	case strings.IndexByte(k, '-') > 0:
		return s.hyphenated(i)
	case k == "a" || k == "an" || l.class&(cNum|cVague) != 0:
		if y, e, ok := s.yearWords(i); ok && (temporalPrep[s.key(i-1)] || s.d.Sentences[s.d.SentenceOf(i)].From == i || s.t[i-1].Shape == token.Title) {
			// "in nineteen ninety-one", "Atlanta nineteen ninety-six."
			return s.resolved(partial{y: y, gran: gYear}, i, e)
		}
		return s.countPhrase(i)
	case k == "that" && s.is(i+1, cUnit) && !s.lex(i+1).plural && s.lex(i+1).unit >= uDay && s.hasSet:
		// "that year", "that day": the story's, not today's.
		u := s.lex(i + 1).unit
		anchor, _ := s.anchor(u)
		if v, ok := unitSpan(anchor, u); ok {
			return v, i + 2, true
		}
		return v, 0, false
	}
	if wd, ok := pluralWeekday(k); ok && t.Shape == token.Title {
		return val{kind: KindSet, start: noDay, end: noDay, n: 1, u: uWeek, everyDay: wd + 1}, i + 1, true
	}
	return v, 0, false
}

// resolved resolves the partial date at [from, to) and reads a part of the
// day or a time that follows it.
func (s *scanner) resolved(p partial, from, to int) (val, int, bool) {
	if v, e, ok := s.rangeRest(from, p, to); ok {
		return v, e, true
	}
	v, ok := s.resolve(p, s.leanAt(from, to), from)
	if !ok {
		return v, 0, false
	}
	if v.gran == gYear && s.key(to) == "'s" {
		if w, e, ok := s.quarterOfYear(to+1, v.start.year()); ok {
			return w, e, true
		}
	}
	return s.timeOfDay(v, to)
}

// special returns an expression that refers to the present, past or future
// without a calendar span of its own.
func (s *scanner) special(code string, from, to int) (val, int, bool) {
	v := val{kind: KindDate, start: noDay, end: noDay, special: code}
	if code == "PRESENT_REF" && s.hasRef {
		v.start, v.end, v.gran = s.ref, s.ref, gDay
	}
	return v, to, true
}

func pluralWeekday(k string) (int, bool) {
	if len(k) < 7 || k[len(k)-1] != 's' {
		return 0, false
	}
	l, ok := lexicon[k[:len(k)-1]]
	if !ok || l.class&cWeekday == 0 || l.abbr {
		return 0, false
	}
	return l.val, true
}

// trailing returns the n units of u that end on the day end, counted back
// from ref: "the past two weeks" (to the day before ref), "for three weeks"
// in the perfect (to ref itself).
func trailing(ref day, u unit, n int, end day) val {
	start := shiftUnit(ref, u, -n)
	if u == uNight {
		start = ref - day(n)
	}
	return val{kind: KindRange, start: min(start, end), end: end, gran: gDay, toRef: true}
}

// perfectBefore reports whether the verb group before token i is in the
// present perfect ("have been kept away for", "has been at the shoal for",
// "have waited for"), or in the past perfect under a reporting verb, which
// is the present perfect of what was said ("said its patrols had been
// refused entry for"): what it says runs up to the reference day.
func (s *scanner) perfectBefore(i int) bool {
	from := s.d.Sentences[s.d.SentenceOf(i)].From
	lo := max(from, i-10)
	others := 0 // words that are no verb: "away", "at the shoal"
	for j := i - 1; j >= lo; j-- {
		t := &s.t[j]
		k := t.Key
		switch {
		case t.Kind != token.Word || t.Shape != token.Lower && t.Shape != token.Title:
			return false
		case k == "has" || k == "have" || k == "'ve":
			return !s.modalBefore(j)
		case k == "had":
			if s.modalBefore(j) {
				return false
			}
			for h := j - 1; h >= from; h-- {
				if reportingPast[s.key(h)] {
					return true
				}
			}
			return false
		case k == "been" || k == "not" || k == "n't" || adverb(k) || k == "also" || k == "still" || k == "now":
		case irregularPast[k] || pastForm(k) || hasSuffix(k, "ing"):
		case clauseWord[k] || futureModal[k] || modalMaybe[k] || beForm[k] || subjectPronoun[k] && k != "it":
			return false
		default:
			// "been in Geneva for", "kept away for", "been at the shoal
			// for", "refused entry to the Morvenian side for"
			if others++; others > 5 {
				return false
			}
		}
	}
	return false
}

// reportingPast are reporting verbs in the past tense, which put the tenses
// of what they report one step back ("said they had waited for weeks").
var reportingPast = set("said", "told", "reported", "added", "stated", "claimed", "announced", "explained",
	"insisted", "noted", "warned", "confirmed", "acknowledged", "admitted", "complained")

// clauseWord are the words that end a verb group looking left: conjunctions,
// relative pronouns and the tensed forms of "be" and "do".
var clauseWord = set("and", "but", "or", "that", "which", "who", "when", "while", "because", "if", "as",
	"was", "were", "did", "does", "do", "said", "says")

// dayVal is a one-day span.
func dayVal(x day) val { return val{kind: KindDate, start: x, end: x, gran: gDay} }

// unitSpan returns the span of the calendar unit u that holds x.
func unitSpan(x day, u unit) (val, bool) {
	y, m, _ := x.ymd()
	v := val{kind: KindDate}
	switch u {
	case uDay, uNight:
		v.start, v.end, v.gran = x, x, gDay
		if u == uNight {
			v.part = "NI"
		}
	case uWeek:
		v.start = x.monday()
		v.end, v.gran = v.start+6, gWeek
	case uWeekend:
		v.start = x.monday() + 5
		v.end, v.gran = v.start+1, gWeekend
	case uMonth:
		v.start, v.end, v.gran = mkDay(y, m, 1), mkDay(y, m+1, 1)-1, gMonth
	case uQuarter:
		q := (m - 1) / 3
		v.start, v.end, v.gran = mkDay(y, 3*q+1, 1), mkDay(y, 3*q+4, 1)-1, gQuarter
	case uYear:
		v.start, v.end, v.gran = mkDay(y, 1, 1), mkDay(y, 12, 31), gYear
	case uDecade:
		d := y / 10 * 10
		v.start, v.end, v.gran = mkDay(d, 1, 1), mkDay(d+9, 12, 31), gDecade
	case uCentury:
		c := y / 100 * 100
		v.start, v.end, v.gran = mkDay(c, 1, 1), mkDay(c+99, 12, 31), gCentury
	default:
		return v, false
	}
	return v, true
}

// shiftUnit returns x moved n units of u.
func shiftUnit(x day, u unit, n int) day {
	switch u {
	case uDay, uNight:
		return x + day(n)
	case uWeek, uWeekend:
		return x + day(7*n)
	case uFortnight:
		return x + day(14*n)
	case uMonth:
		// The same day of the month, or the month's last when it has
		// fewer days: a month after January 31 is February 28 or 29.
		y, m, d := x.ymd()
		first := mkDay(y, m+n, 1)
		fy, fm, _ := first.ymd()
		return first + day(min(d, daysIn(fy, fm))-1)
	case uQuarter:
		return shiftUnit(x, uMonth, 3*n)
	case uYear:
		y, m, d := x.ymd()
		if m == 2 && d == 29 && !validDate(y+n, 2, 29) {
			d = 28
		}
		return mkDay(y+n, m, d)
	case uDecade:
		return shiftUnit(x, uYear, 10*n)
	case uCentury:
		return shiftUnit(x, uYear, 100*n)
	}
	return x
}

// relDay reads "yesterday", "today", "tomorrow", "tonight", with a part of
// the day or a time after it.
func (s *scanner) relDay(i int) (val, int, bool) {
	t := s.t[i]
	if i > 0 && s.same(i) && (s.t[i-1].Shape == token.Upper || s.t[i-1].Shape == token.Title) && s.t[i-1].Kind == token.Word &&
		(t.Shape == token.Title || t.Shape == token.Upper) && s.d.Sentences[s.d.SentenceOf(i)].From != i-1 && !s.heading(i) {
		return val{}, 0, false // "USA Today", "Russia Today", "USA TODAY"
	}
	if t.Key == "today" && t.Shape == token.Title && s.same(i+1) && s.t[i+1].Shape == token.Title && s.t[i+1].Kind == token.Word && !s.is(i+1, cPart|cWeekday) {
		return val{}, 0, false // "Today Programme"
	}
	l := s.lex(i)
	if s.key(i+1) == "'s" && genericNoun[s.key(i+2)] || s.key(i-1) == "of" && (t.Key == "today" || t.Key == "tomorrow") && s.key(i+1) != "'s" {
		return val{}, 0, false // "today's youth", "the people of tomorrow": no day
	}
	if !s.hasRef {
		return val{kind: KindDate, start: noDay, end: noDay}, i + 1, true
	}
	v := dayVal(s.ref + day(l.val))
	v.part = l.part
	return s.timeOfDay(v, i+1)
}

// genericNoun are nouns after "today's" that make it mean "these days",
// no day in particular.
var genericNoun = set("world", "society", "youth", "generation", "children", "kids", "young", "standards",
	"economy", "technology", "computers", "culture", "politics", "military", "army", "europe", "america",
	"business", "consumers", "students", "parents", "families", "workers", "workplace", "media")

// timeOfDay reads what may follow a day: a part of the day ("morning"), a
// time ("at 9am", "9 a.m.").
func (s *scanner) timeOfDay(v val, j int) (val, int, bool) {
	if v.gran != gDay || !s.same(j) {
		return v, j, true
	}
	if l := s.lex(j); l.class&cPart != 0 && l.part != "" && s.t[j].Shape != token.Upper {
		k := s.key(j)
		if k != "noon" && k != "midnight" && k != "midday" && !hasSuffix(k, "s") {
			v.part = l.part
			v.kind = KindTime
			return v, j + 1, true
		}
	}
	k := s.key(j)
	if (k == "at" || k == "around" || k == "about") && s.same(j+1) {
		if h, m, e, ok := s.clockAt(j+1, true); ok {
			v.hour, v.min, v.clock, v.kind = h, m, true, KindTime
			return v, e, true
		}
	}
	// "Tuesday 9 a.m.", "23.04.2022 14:55": a time right after the day.
	if s.t[j].Kind == token.Number || k == "noon" || k == "midnight" {
		if h, m, e, ok := s.clockAt(j, s.t[j-1].Kind == token.Number); ok {
			v.hour, v.min, v.clock, v.kind = h, m, true, KindTime
			return v, e, true
		}
	}
	return v, j, true
}

// clockAt reads a time of day at i: "9am", "9 a.m.", "10:35", "10.30pm",
// "noon", "midnight", followed by an optional time zone. loose allows a
// bare "10:35" (after "at"); otherwise it needs am/pm or a zone.
func (s *scanner) clockAt(i int, loose bool) (h, m, end int, ok bool) {
	if i >= len(s.t) {
		return 0, 0, 0, false
	}
	t := s.t[i]
	if t.Shape == token.Title && i > 0 && s.same(i) && s.t[i-1].Shape == token.Title && s.t[i-1].Kind == token.Word &&
		s.d.Sentences[s.d.SentenceOf(i)].From != i-1 {
		return 0, 0, 0, false // "High Noon"
	}
	switch t.Key {
	case "noon", "midday":
		return 12, 0, s.zone(i + 1), true
	case "midnight":
		return 24, 0, s.zone(i + 1), true
	}
	if t.Kind != token.Number {
		return 0, 0, 0, false
	}
	k := t.Key
	if k == "12" && s.same(i+1) && (s.key(i+1) == "noon" || s.key(i+1) == "midnight") {
		return s.clockAt(i+1, loose) // "12 noon"
	}
	// Split a glued suffix: "9am", "10.30pm".
	suffix := ""
	for _, suf := range [...]string{"am", "pm", "a.m", "p.m"} {
		if hasSuffix(k, suf) && len(k) > len(suf) {
			suffix, k = suf, k[:len(k)-len(suf)]
			break
		}
	}
	hh, mm := -1, 0
	if dot := strings.IndexByte(k, '.'); dot > 0 && suffix != "" {
		hh, mm = atoi(k[:dot]), atoi(k[dot+1:])
		if len(k)-dot-1 != 2 {
			return 0, 0, 0, false
		}
	} else {
		hh = atoi(k)
	}
	if hh < 0 || hh > 24 || mm < 0 || mm > 59 {
		return 0, 0, 0, false
	}
	j := i + 1
	if suffix == "" && s.key(j) == ":" && s.tight(j) && s.tight(j+1) && j+1 < len(s.t) && s.t[j+1].Kind == token.Number {
		mk := s.t[j+1].Key
		for _, suf := range [...]string{"am", "pm"} {
			if hasSuffix(mk, suf) && len(mk) > 2 {
				suffix, mk = suf, mk[:len(mk)-2]
			}
		}
		if len(mk) != 2 {
			return 0, 0, 0, false
		}
		mm = atoi(mk)
		if mm < 0 || mm > 59 {
			return 0, 0, 0, false
		}
		j += 2
		if s.key(j) == ":" && s.tight(j) && s.tight(j+1) {
			return 0, 0, 0, false // 14:26:00 stamps and scores
		}
	} else if suffix == "" && len(k) > 2 {
		return 0, 0, 0, false
	}
	if suffix == "" && s.same(j) {
		switch s.key(j) {
		case "a.m.", "am", "a.m":
			suffix = "am"
			j++
		case "p.m.", "pm", "p.m":
			suffix = "pm"
			j++
		case "a", "p":
			if s.key(j+1) == "." && s.key(j+2) == "m" {
				suffix = s.key(j) + "m"
				j += 3
				if s.key(j) == "." {
					j++
				}
			}
		case "o'clock":
			suffix = "h"
			j++
		}
	}
	if suffix == "a.m" || suffix == "p.m" {
		suffix = suffix[:1] + "m"
		if s.key(j) == "." && s.tight(j) {
			j++
		}
	}
	switch suffix {
	case "am":
		if hh < 1 || hh > 12 {
			return 0, 0, 0, false
		}
		if hh == 12 {
			hh = 0
		}
	case "pm":
		if hh < 1 || hh > 12 {
			return 0, 0, 0, false
		}
		if hh != 12 {
			hh += 12
		}
	case "":
		e := s.zone(j)
		if e == j && !loose {
			return 0, 0, 0, false
		}
		if j == i+1 && e == j {
			return 0, 0, 0, false // a bare number after "at"
		}
		return hh, mm, e, true
	}
	return hh, mm, s.zone(j), true
}

// zone reads a time zone after a time ("GMT", "EDT", "local time") and
// returns the token after it.
func (s *scanner) zone(j int) int {
	if !s.same(j) {
		return j
	}
	t := s.t[j]
	if t.Shape == token.Upper && timeZones[t.Key] {
		return j + 1
	}
	if t.Key == "local" && s.key(j+1) == "time" {
		return j + 2
	}
	return j
}

var timeZones = set("gmt", "utc", "bst", "cet", "cest", "eet", "eest", "msk", "est", "edt", "cst", "cdt", "mst",
	"mdt", "pst", "pdt", "et", "pt", "ist", "jst", "kst", "aest", "aedt", "hkt", "sgt", "wib", "sast", "eat", "wat", "ast")

// clock reads a time of day at i and the day it belongs to, written after
// it ("9 a.m. Tuesday", "5 p.m. EST, Nov. 9", "noon Saturday"), or else the
// last day mentioned in the sentence, or else the reference day.
func (s *scanner) clock(i int) (val, int, bool) {
	loose := false
	switch s.key(i - 1) {
	case "at", "around", "about", "by", "until", "from", "till", "before", "after", "approximately":
		loose = true
	}
	h, m, e, ok := s.clockAt(i, loose)
	if !ok {
		return val{}, 0, false
	}
	v := val{kind: KindTime, start: noDay, end: noDay, gran: gDay, hour: h, min: m, clock: true}
	// The day after it, possibly after a comma, "on", or a parenthesised
	// conversion "(0735 GMT)".
	j := e
	if s.key(j) == "(" && s.same(j) {
		k := j + 1
		for k < len(s.t) && k-j < 6 && s.key(k) != ")" && s.same(k) {
			k++
		}
		if s.key(k) == ")" {
			j = k + 1
		}
	}
	if s.key(j) == "," && s.same(j) {
		j++
	}
	if s.key(j) == "on" && s.same(j) {
		j++
	}
	if s.same(j) {
		if w, e2, ok := s.expr(j); ok && w.gran == gDay && w.start != noDay && !w.clock {
			v.start, v.end = w.start, w.end
			return v, e2, true
		}
	}
	switch {
	case s.hasDay && s.d.SentenceOf(max(0, s.lastDayAt)) == s.d.SentenceOf(i):
		v.start, v.end = s.lastDay, s.lastDay
	case s.hasRef:
		v.start, v.end = s.ref, s.ref
	}
	return v, e, true
}

// weekday reads a weekday at i (after a shift word at from, when there is
// one), with a part of the day or a time after it.
func (s *scanner) weekday(from, i, shift int) (val, int, bool) {
	wd, next, ok := s.weekdayAt(i)
	if !ok {
		return val{}, 0, false
	}
	if !s.hasRef {
		v := val{kind: KindDate, start: noDay, end: noDay, gran: gDay, weekday: true}
		return v, next, true
	}
	rw := s.ref.weekday()
	back := day((rw - wd + 7) % 7)
	ahead := day((wd - rw + 7) % 7)
	var x day
	switch shift {
	case shiftLast:
		x = s.ref - back
		if back == 0 {
			x -= 7
		}
	case shiftNext:
		x = s.ref + ahead
		if ahead == 0 {
			x += 7
		}
	case shiftThis:
		x = s.ref.monday() + day(wd)
	default:
		if s.leanAt(from, next) == leanFuture {
			x = s.ref + ahead
		} else {
			x = s.ref - back
		}
	}
	v := dayVal(x)
	v.weekday = true
	return s.timeOfDay(v, next)
}

// edge reads "early October", "mid-2023", "late last year", "earlier this
// week", "later that day", "late yesterday", "early Tuesday".
func (s *scanner) edge(i int) (val, int, bool) {
	l := s.lex(i)
	e := l.val // -2 earlier, -1 early, 0 mid, 1 late, 2 later
	j := i + 1
	if s.key(j) == "-" && s.tight(j) {
		j++ // "mid-2023", "mid-1990s"
	}
	if !s.same(j) {
		return val{}, 0, false
	}
	mod := [...]string{"START", "START", "MID", "END", "END"}[e+2]
	nk := s.key(j)
	nl := s.lex(j)
	var v val
	var end int
	var ok bool
	switch {
	case nl.class&cShift != 0 && s.is(j+1, cUnit) && !s.lex(j+1).plural:
		u := s.lex(j + 1).unit
		sh := nl.val
		if !s.hasRef {
			return val{kind: KindDate, start: noDay, end: noDay}, j + 2, true
		}
		v, ok = unitSpan(shiftUnit(s.ref, u, sh), u)
		if !ok {
			return val{}, 0, false
		}
		end = j + 2
		if sh == 0 && (e == -2 && u == uWeek || e == 2 && u >= uWeek && u != uFortnight) {
			// "earlier this week": the days of this week before the
			// reference day; "later this week", "later this month",
			// "later this year": those after it. "Earlier this month"
			// and "earlier this year" stay the whole month and year, as
			// TimeBank annotates them.
			if e == -2 {
				v.end = max(v.start, s.ref-1)
			} else {
				v.start = min(v.end, s.ref+1)
			}
			v.gran = gDay
			v.kind = KindRange
			return v, end, true
		}
	case (nk == "in" || nk == "that") && s.key(j+1) == "the" || nk == "that":
		k := j + 1
		if nk == "in" {
			k = j + 2
		}
		lu := s.lex(k)
		if lu.class&cUnit == 0 || lu.plural {
			return val{}, 0, false
		}
		anchor, has := s.ref, s.hasRef
		if nk == "that" {
			anchor, has = s.anchor(lu.unit)
		}
		if !has {
			return val{}, 0, false
		}
		v, ok = unitSpan(anchor, lu.unit)
		if !ok {
			return val{}, 0, false
		}
		end = k + 1
	case nl.class&cPart != 0 && nl.part != "" && !hasSuffix(nk, "s") && (e == -1 || e == 0 || e == 1) && s.hasRef:
		// "by mid afternoon", "early morning": the reference day, or the
		// day this sentence is about.
		x := s.ref
		if s.hasDay && s.d.SentenceOf(s.lastDayAt) == s.d.SentenceOf(i) {
			x = s.lastDay
		}
		v = dayVal(x)
		v.part, v.kind = nl.part, KindTime
		return v, j + 1, true
	case nl.class&cRelDay != 0:
		v, end, ok = s.relDay(j)
		if !ok {
			return val{}, 0, false
		}
		return v, end, true
	case nl.class&cWeekday != 0:
		v, end, ok = s.weekday(i, j, shiftNone)
		if !ok {
			return val{}, 0, false
		}
		return v, end, true
	case nl.class&cSeason != 0:
		v, end, ok = s.season(i, j, shiftNone)
	case nk == "the" || nl.class&cDecade != 0:
		v, end, ok = s.the(j)
		if ok && v.gran != gDecade && v.gran != gCentury {
			ok = false
		}
	default:
		if e == 2 || e == -2 {
			// "earlier", "later" alone are no dates; "earlier in 2023"
			// is read as "2023".
			return val{}, 0, false
		}
		p, e2, ok2 := s.absolute(j)
		if !ok2 || p.gran == gDay {
			if p.gran == gDay && ok2 {
				return s.resolved(p, i, e2)
			}
			// "early" + month abbreviation without a period etc.
			if nl.class&cMonth != 0 && s.t[j].Shape != token.Lower {
				m := nl.val
				v, ok = s.resolve(partial{m: m, gran: gMonth}, s.leanAt(i, j+1), i)
				end = j + 1
				break
			}
			return val{}, 0, false
		}
		v, ok = s.resolve(p, s.leanAt(i, e2), i)
		end = e2
	}
	if !ok {
		return val{}, 0, false
	}
	v.mod = mod
	return v, end, true
}

// shift reads "last week", "this year", "next month", "last Friday", "last
// May", "this summer", "last night", "this morning", "this quarter" at i
// (from is where the expression began).
func (s *scanner) shift(from, i int) (val, int, bool) {
	sh := s.lex(i).val
	k := s.key(i)
	j := i + 1
	if !s.same(j) {
		return val{}, 0, false
	}
	// "this coming week", "this past weekend"
	if k == "this" && (s.key(j) == "coming" || s.key(j) == "past") {
		sh = s.lex(j).val
		j++
	}
	nl := s.lex(j)
	switch {
	case nl.class&cWeekday != 0:
		if k == "past" && s.key(i-1) == "this" || k == "following" || k == "previous" || k == "current" {
			return val{}, 0, false
		}
		return s.weekday(from, j, sh)
	case nl.class&cMonth != 0:
		if k != "last" && k != "next" && k != "this" {
			return val{}, 0, false
		}
		m, next, ok := s.monthAt(j)
		if !ok || s.t[j].Shape == token.Lower && (s.key(j) == "may" || s.key(j) == "march") {
			return val{}, 0, false
		}
		if d, ok := s.dayNum(next); ok && s.same(next) && s.isNumberLike(next) && (sh == shiftLast || sh == shiftNext) && s.hasRef {
			// "last Oct. 23": the last one before the reference day.
			y := s.ref.year()
			x := mkDay(y, m, d)
			if sh == shiftLast && x >= s.ref {
				x = mkDay(y-1, m, d)
			} else if sh == shiftNext && x <= s.ref {
				x = mkDay(y+1, m, d)
			}
			return dayVal(x), next + 1, true
		}
		if !s.hasRef {
			return val{kind: KindDate, start: noDay, end: noDay, gran: gMonth}, next, true
		}
		ry, rm, _ := s.ref.ymd()
		y := ry
		switch sh {
		case shiftLast:
			if m >= rm {
				y--
			}
		case shiftNext:
			if m <= rm {
				y++
			}
		}
		v, _ := s.resolve(partial{y: y, m: m, gran: gMonth}, leanNone, from)
		return v, next, true
	case nl.class&cSeason != 0:
		return s.season(from, j, sh)
	case nl.class&cPart != 0 && k == "this":
		if !s.hasRef {
			return val{kind: KindTime, start: noDay, end: noDay}, j + 1, true
		}
		v := dayVal(s.ref)
		v.part, v.kind = nl.part, KindTime
		return v, j + 1, true
	case s.key(j) == "night" && k == "last":
		if !s.hasRef {
			return val{kind: KindTime, start: noDay, end: noDay}, j + 1, true
		}
		v := dayVal(s.ref - 1)
		v.part, v.kind = "NI", KindTime
		return v, j + 1, true
	case nl.class&cUnit != 0 && !nl.plural:
		u := nl.unit
		if s.t[j].Shape == token.Title && s.t[i].Shape == token.Title && s.d.Sentences[s.d.SentenceOf(i)].From != i && !s.heading(i) {
			return val{}, 0, false // ABC's "This Week": a name
		}
		if u < uDay || u == uNight || u == uFortnight {
			return val{}, 0, false
		}
		if k == "following" || k == "previous" || k == "past" && u != uWeekend {
			// "the following week", "the past year": relative to the
			// story, or a length; read by the().
			return val{}, 0, false
		}
		if !s.hasRef {
			return val{kind: KindDate, start: noDay, end: noDay}, j + 1, true
		}
		if u == uWeekend {
			return s.weekend(sh), j + 1, true
		}
		if u == uDay {
			if k == "this" || k == "current" {
				return dayVal(s.ref), j + 1, true
			}
			return val{}, 0, false
		}
		v, ok := unitSpan(shiftUnit(s.ref, u, sh), u)
		if !ok {
			return val{}, 0, false
		}
		end := j + 1
		if u == uYear && s.key(end) == "'s" {
			if w, e, ok := s.quarterOfYear(end+1, v.start.year()); ok {
				return w, e, true
			}
		}
		return v, end, true
	}
	return val{}, 0, false
}

// weekend returns the weekend sh weeks from the reference day's: this
// weekend is the one of the reference week; last weekend the one before
// the reference day (the same one on a Monday).
func (s *scanner) weekend(sh int) val {
	sat := s.ref.monday() + 5
	switch sh {
	case shiftLast:
		if s.ref < sat+2 {
			sat -= 7
		}
	case shiftNext:
		sat += 7
	}
	return val{kind: KindDate, start: sat, end: sat + 1, gran: gWeekend}
}

// season reads a season at i (after a shift word, when sh says so), with
// an optional year ("summer 2023", "the winter of 1994").
func (s *scanner) season(from, i, sh int) (val, int, bool) {
	l := s.lex(i)
	if l.class&cSeason == 0 {
		return val{}, 0, false
	}
	se := l.val
	j := i + 1
	y := 0
	if s.key(j) == "of" && s.same(j+1) {
		if yy, ok := s.yearNum(j + 1); ok {
			y, j = yy, j+2
		}
	} else if s.same(j) {
		if yy, ok := s.yearNum(j); ok {
			y, j = yy, j+1
		}
	}
	if y == 0 {
		// A bare season needs a determiner or shift: "fall" and "spring"
		// are verbs too.
		if sh == shiftNone && s.key(from-1) != "the" && s.key(from-1) != "in" && from == i {
			return val{}, 0, false
		}
		// "fall" only after "the" or a shift, and not "the fall of Kabul".
		if l.abbr && (sh == shiftNone && s.key(i-1) != "the" || s.key(j) == "of") {
			return val{}, 0, false
		}
		if !s.hasRef {
			return val{kind: KindDate, start: noDay, end: noDay, gran: gSeason}, j, true
		}
		cy, cs := seasonOf(s.ref)
		y = cy
		switch sh {
		case shiftLast:
			if se >= cs {
				y--
			}
		case shiftNext:
			if se <= cs {
				y++
			}
		case shiftNone:
			if s.leanAt(from, j) == leanFuture {
				if se < cs {
					y++
				}
			} else if se > cs {
				y--
			}
		}
	}
	start, end := seasonSpan(y, se)
	return val{kind: KindDate, start: start, end: end, gran: gSeason}, j, true
}

// seasonOf returns the season year and season (1 spring .. 4 winter) of x;
// January and February belong to the winter that began the December before.
func seasonOf(x day) (int, int) {
	y, m, _ := x.ymd()
	switch {
	case m <= 2:
		return y - 1, 4
	case m <= 5:
		return y, 1
	case m <= 8:
		return y, 2
	case m <= 11:
		return y, 3
	}
	return y, 4
}

// seasonSpan returns the meteorological season se of year y.
func seasonSpan(y, se int) (day, day) {
	m := 3 * se // spring 3, summer 6, autumn 9, winter 12
	return mkDay(y, m, 1), mkDay(y, m+3, 1) - 1
}

// holiday reads a holiday name at i: "Christmas", "Christmas Eve", "New
// Year's Day", "Thanksgiving", "Easter", "Halloween", with an optional year.
func (s *scanner) holiday(from, i int) (val, int, bool) {
	k := s.key(i)
	if s.t[i].Shape != token.Title && s.t[i].Shape != token.Upper {
		return val{}, 0, false
	}
	j := i + 1
	var fixed func(y int) day
	switch k {
	case "christmas":
		switch s.key(j) {
		case "eve":
			j++
			fixed = func(y int) day { return mkDay(y, 12, 24) }
		case "day":
			j++
			fallthrough
		default:
			fixed = func(y int) day { return mkDay(y, 12, 25) }
		}
	case "new":
		if s.key(j) != "year" || s.t[j].Shape != token.Title {
			return val{}, 0, false
		}
		j++
		if s.key(j) == "'s" {
			j++
		}
		switch s.key(j) {
		case "eve":
			j++
			fixed = func(y int) day { return mkDay(y, 12, 31) }
		case "day":
			j++
			fixed = func(y int) day { return mkDay(y, 1, 1) }
		default:
			return val{}, 0, false
		}
	case "thanksgiving":
		if s.key(j) == "day" {
			j++
		}
		fixed = func(y int) day { return nthWeekday(y, 11, 3, 4) }
	case "easter":
		switch s.key(j) {
		case "sunday", "day":
			j++
		case "monday":
			j++
			fixed = func(y int) day { return easter(y) + 1 }
		default:
			if s.same(j) && s.t[j].Kind == token.Word && s.t[j].Shape == token.Lower && s.key(j) != "and" {
				// "Easter egg", "Easter holidays": not a day.
				return val{}, 0, false
			}
		}
		if fixed == nil {
			fixed = easter
		}
	case "halloween":
		fixed = func(y int) day { return mkDay(y, 10, 31) }
	default:
		return val{}, 0, false
	}
	if s.same(j) {
		if y, ok := s.yearNum(j); ok {
			return dayVal(fixed(y)), j + 1, true
		}
	}
	if !s.hasRef {
		return val{kind: KindDate, start: noDay, end: noDay, gran: gDay}, j, true
	}
	y := s.ref.year()
	x := fixed(y)
	if s.leanAt(from, j) == leanFuture {
		if x < s.ref {
			x = fixed(y + 1)
		}
	} else if x > s.ref {
		x = fixed(y - 1)
	}
	return dayVal(x), j, true
}
