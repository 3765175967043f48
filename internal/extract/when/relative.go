package when

import (
	"strings"

	"github.com/crosscheck-dev/crosscheck/internal/extract/token"
)

// the reads expressions that open with "the": "the third quarter", "the
// 1990s", "the weekend", "the end of the year", "the year 2000", "the day
// before yesterday", "the next day", "the past three months".
func (s *scanner) the(i int) (val, int, bool) {
	j := i + 1
	if !s.same(j) {
		return val{}, 0, false
	}
	if p, e, ok := s.absolute(i); ok {
		return s.resolved(p, i, e)
	}
	nt := s.t[j]
	nk := nt.Key
	nl := s.lex(j)
	switch {
	case nl.class&cDecade != 0:
		return s.resolved(partial{y: nl.val, gran: gDecade}, i, j+1)
	case nt.Kind == token.Quote && s.tight(j+1):
		if p, e, ok := s.numericDate(j + 1); ok && p.gran == gDecade {
			return s.resolved(p, i, e)
		}
	case nt.Kind == token.Number:
		if p, e, ok := s.numericDate(j); ok && p.gran == gDecade {
			return s.resolved(p, i, e)
		}
		if c, ok := s.dayNum(j); ok && s.key(j+1) == "century" && c >= 1 && c <= 22 {
			return centuryVal(c), j + 2, true
		}
		if y, ok := s.yearNum(j); ok {
			// "the 1988 third quarter", "the 1988 quarter", "the 1989
			// period": the quarter the story is about, in that year.
			if v, e, ok := s.quarterOfYear(j+1, y); ok {
				return v, e, true
			}
			if k := s.key(j + 1); k == "quarter" || k == "period" {
				if s.hasQ {
					_, m, _ := s.lastQ.ymd()
					return quarterVal(mkDay(y, m, 1)), j + 2, true
				}
				v, _ := s.resolve(partial{y: y, gran: gYear}, leanNone, i)
				return v, j + 2, true
			}
		}
	case nl.class&cEdge != 0:
		if v, e, ok := s.edge(j); ok && (v.gran == gDecade || v.gran == gCentury || v.gran == gSeason) {
			return v, e, true
		}
	case nl.class&cOrd != 0 && s.key(j+1) == "century":
		if nl.val >= 1 && nl.val <= 22 {
			return centuryVal(nl.val), j + 2, true
		}
	case nl.class&cOrd != 0 && nl.val > 0:
		if v, e, ok := s.quarter(i, j); ok {
			return v, e, true
		}
		// "the first nine months": a length.
		if v, e, ok := s.countPhrase(j + 1); ok && v.kind == KindDuration {
			return v, e, true
		}
	case nk == "fiscal" || (nk == "current" || nk == "latest" || nk == "previous" || nk == "last") && s.key(j+1) == "fiscal" && s.key(j+2) == "year":
		if s.key(j+1) == "fiscal" && s.key(j+2) == "year" {
			// "the current fiscal year", "the latest fiscal year": a
			// company's year, read as the calendar year.
			if !s.hasRef {
				return val{}, 0, false
			}
			y := s.ref.year()
			if nk == "latest" || nk == "previous" || nk == "last" {
				y--
			}
			v, _ := s.resolve(partial{y: y, gran: gYear}, leanNone, i)
			return v, j + 3, true
		}
		if s.key(j+1) == "year" && !s.same(j+2) || s.key(j+1) == "year" && s.t[j+2].Kind != token.Number {
			if !s.hasRef {
				return val{}, 0, false
			}
			v, _ := unitSpan(s.ref, uYear)
			return v, j + 2, true
		}
		return s.fiscal(j)
	case nk == "quarter" || nk == "period":
		return s.lastPeriod(i, j+1)
	case nk == "latest" || nk == "most" && s.key(j+1) == "recent":
		k := j + 1
		if nk == "most" {
			k++
		}
		if s.key(k) == "fiscal" {
			k++
		}
		if s.key(k) == "quarter" || s.key(k) == "period" {
			return s.lastPeriod(i, k+1)
		}
	case yearAgoWord[nk] || (nk == "same" || nk == "comparable" || nk == "corresponding" || nk == "like") &&
		(yearAgoWord[s.key(j+1)] || s.key(j+1) == "period" || s.key(j+1) == "quarter"):
		// "the year-earlier quarter", "the comparable year-ago period",
		// "the same period last year".
		k := j
		for k < j+4 && (yearAgoWord[s.key(k)] || s.key(k) == "same" || s.key(k) == "comparable" || s.key(k) == "corresponding" ||
			s.key(k) == "like" || s.key(k) == "fiscal" || s.lex(k).class&cOrd != 0) {
			k++
		}
		if s.key(k) != "quarter" && s.key(k) != "period" && s.key(k) != "year" && s.key(k) != "results" {
			return val{}, 0, false
		}
		if s.key(k) == "results" {
			k--
		}
		k++
		// "the same period last year", "the same quarter a year ago"
		switch {
		case s.key(k) == "last" && s.key(k+1) == "year":
			k += 2
		case s.key(k) == "a" && s.key(k+1) == "year" && (s.key(k+2) == "ago" || s.key(k+2) == "earlier"):
			k += 3
		}
		return s.yearBefore(false), k, true
	case nk == "week" && s.key(j+1) == "of" && s.same(j+2):
		// "the week of March 6": the week that holds that day.
		if v, e, ok := s.exprRange(j + 2); ok && v.gran == gDay && v.start != noDay && v.kind == KindDate {
			w, _ := unitSpan(v.start, uWeek)
			return w, e, true
		}
	case nk == "weekend":
		if !s.hasRef {
			return val{kind: KindDate, start: noDay, end: noDay, gran: gWeekend}, j + 1, true
		}
		sh := shiftLast
		if s.ref.weekday() >= 5 {
			sh = shiftThis
		}
		if s.leanAt(i, j+1) == leanFuture && s.ref.weekday() < 5 {
			sh = shiftThis
		}
		return s.weekend(sh), j + 1, true
	case nk == "end" || nk == "beginning" || nk == "start" || nk == "middle" || nk == "close":
		if s.key(j+1) != "of" || !s.same(j+2) {
			return val{}, 0, false
		}
		if nk == "end" && s.key(j+2) == "the" && s.key(j+3) == "day" && (s.key(j+4) == "," || s.key(i-1) == "at" && s.d.Sentences[s.d.SentenceOf(i)].From == i-1) {
			return val{}, 0, false // "at the end of the day," an idiom: in the end
		}
		mod := "END"
		switch nk {
		case "beginning", "start":
			mod = "START"
		case "middle":
			mod = "MID"
		}
		k := j + 2
		if s.key(k) == "the" && s.is(k+1, cUnit) && !s.lex(k+1).plural {
			if !s.hasRef {
				return val{kind: KindDate, start: noDay, end: noDay, mod: mod}, k + 2, true
			}
			v, ok := unitSpan(s.ref, s.lex(k+1).unit)
			if !ok {
				return val{}, 0, false
			}
			v.mod = mod
			return v, k + 2, true
		}
		v, e, ok := s.exprRange(k)
		if !ok || v.start == noDay || v.kind == KindDuration || v.kind == KindSet || v.gran == gDay {
			return val{}, 0, false
		}
		v.mod = mod
		return v, e, true
	case nk == "year" && s.same(j+1):
		if y, ok := s.yearNum(j + 1); ok {
			v, _ := s.resolve(partial{y: y, gran: gYear}, leanNone, i)
			return v, j + 2, true
		}
		// "the year two thousand"
		if s.key(j+1) == "two" && s.key(j+2) == "thousand" {
			y, e := 2000, j+3
			if n := s.lex(e); n.class&cNum != 0 && n.val < 100 && s.same(e) {
				y += n.val
				e++
			}
			v, _ := s.resolve(partial{y: y, gran: gYear}, leanNone, i)
			return v, e, true
		}
	case nk == "day" && (s.key(j+1) == "before" || s.key(j+1) == "after"):
		k := j + 2
		off := day(-1)
		if s.key(j+1) == "after" {
			off = 1
		}
		if l := s.lex(k); l.class&cRelDay != 0 && l.part == "" && s.same(k) {
			if !s.hasRef {
				return val{kind: KindDate, start: noDay, end: noDay}, k + 1, true
			}
			return dayVal(s.ref + day(l.val) + off), k + 1, true
		}
		if s.hasDay && !s.continuesNP(k) {
			return dayVal(s.lastDay + off), k, true
		}
	case (nk == "next" || nk == "following" || nk == "previous" || nk == "same") && s.is(j+1, cUnit) && !s.lex(j+1).plural:
		u := s.lex(j + 1).unit
		if u < uDay || u == uFortnight || u == uWeekend {
			return val{}, 0, false
		}
		off := 1
		switch nk {
		case "previous":
			off = -1
		case "same":
			off = 0
		}
		anchor, has := s.anchor(u)
		if !has {
			return val{}, 0, false
		}
		v, ok := unitSpan(shiftUnit(anchor, u, off), u)
		if !ok {
			return val{}, 0, false
		}
		if s.is(j+2, cPart) && u == uDay {
			v.part = s.lex(j + 2).part
			return v, j + 3, true
		}
		return v, j + 2, true
	case (nk == "previous" || nk == "following" || nk == "next") && s.is(j+1, cWeekday):
		// "the previous Friday": the one before the day the story is at.
		wd, e, ok := s.weekdayAt(j + 1)
		if !ok {
			return val{}, 0, false
		}
		anchor, has := s.anchor(uDay)
		if !has {
			return val{}, 0, false
		}
		aw := anchor.weekday()
		var x day
		if nk == "previous" {
			x = anchor - day((aw-wd+7)%7)
			if x == anchor {
				x -= 7
			}
		} else {
			x = anchor + day((wd-aw+7)%7)
			if x == anchor {
				x += 7
			}
		}
		v := dayVal(x)
		v.weekday = true
		return s.timeOfDay(v, e)
	case nk == "next" && s.is(j+1, cPart):
		// "the next morning"
		anchor, has := s.anchor(uDay)
		if !has {
			return val{}, 0, false
		}
		v := dayVal(anchor + 1)
		v.part, v.kind = s.lex(j+1).part, KindTime
		return v, j + 2, true
	case nl.class&cShift != 0 || nk == "first":
		// "the past three months", "the last two years", "the next five
		// years": lengths reaching to or from the reference day.
		if v, e, ok := s.countPhrase(j + 1); ok && v.kind == KindDuration {
			if (nk == "past" || nk == "last") && s.hasRef && v.u >= uDay && s.key(e) != "of" {
				// "the past two weeks", "the last few days": up to the
				// day before the reference day.
				return trailing(s.ref, v.u, v.n, s.ref-1), e, true
			}
			return v, e, true
		}
		if nk == "last" && s.key(j+1) == "quarter" {
			return s.shift(i, j) // "the last quarter": the one before this
		}
		if s.is(j+1, cUnit) && !s.lex(j+1).plural && (nk == "past" || nk == "last") && s.lex(j+1).unit >= uDay {
			u := s.lex(j + 1).unit
			if s.hasRef && s.key(j+2) != "of" && (u == uWeek || u == uMonth || u == uQuarter || u == uYear) {
				// "the past week", "the past year": the calendar week
				// or year before this one, as TimeBank annotates them
				// (and as "last week" reads).
				v, _ := unitSpan(shiftUnit(s.ref, u, -1), u)
				return v, j + 2, true
			}
			return val{kind: KindDuration, start: noDay, end: noDay, n: 1, u: u}, j + 2, true
		}
		if nk == "coming" && s.is(j+1, cUnit) && s.lex(j+1).plural {
			return s.special("FUTURE_REF", i, j+2)
		}
		if nl.class&cShift != 0 && nk != "past" && nk != "following" && nk != "previous" {
			return s.shift(i, j)
		}
	case nl.class&cSeason != 0:
		return s.season(i, j, shiftNone)
	case nl.class&cHoliday != 0:
		return s.holiday(i, j)
	}
	return val{}, 0, false
}

// anchor returns the day a story-relative expression in unit u counts
// from ("the next day", "two years later"): the last day the story named
// for days and hours, the last span it named for longer units, else the
// reference day.
func (s *scanner) anchor(u unit) (day, bool) {
	if u <= uNight {
		if s.hasDay {
			return s.lastDay, true
		}
	} else if s.hasSet {
		return s.lastSet.start, true
	}
	return s.ref, s.hasRef
}

// coarseAnchor returns the story's last span when it was named after its
// last day and is coarser than unit u: "four days later", after "in
// February", is some time around February, not four days after an
// earlier date.
func (s *scanner) coarseAnchor(u unit) (val, bool) {
	if !s.hasSet || s.hasDay && s.lastSetAt <= s.lastDayAt || s.lastSet.gran <= gDay || u > uNight && u != uWeek {
		return val{}, false
	}
	v := s.lastSet
	if v.kind == KindRange {
		v.gran = gDay
	}
	v.kind, v.mod = KindDate, ""
	return v, true
}

// yearAgoWord are adjectives for the same period a year before.
var yearAgoWord = set("year-earlier", "year-ago", "prior-year", "year-before", "year-previous")

// continuesNP reports whether token k continues a noun phrase ("the day
// before the vote"), which makes "the day before" no anaphor.
func (s *scanner) continuesNP(k int) bool {
	return s.same(k) && s.t[k].Kind == token.Word
}

func centuryVal(c int) val {
	start := mkDay((c-1)*100, 1, 1)
	return val{kind: KindDate, start: start, end: mkDay((c-1)*100+99, 12, 31), gran: gCentury}
}

// quarterVal is the quarter that starts on x.
func quarterVal(x day) val {
	y, m, _ := x.ymd()
	q := (m - 1) / 3
	return val{kind: KindDate, start: mkDay(y, 3*q+1, 1), end: mkDay(y, 3*q+4, 1) - 1, gran: gQuarter}
}

// lastPeriod reads "the quarter", "the latest quarter", "the period": the
// quarter the story last named, or else the last complete quarter before
// the reference day.
func (s *scanner) lastPeriod(from, end int) (val, int, bool) {
	if s.hasQ {
		return quarterVal(s.lastQ), end, true
	}
	if !s.hasRef {
		return val{}, 0, false
	}
	v, _ := unitSpan(s.ref, uQuarter)
	return quarterVal(shiftUnit(v.start, uMonth, -3)), end, true
}

// yearBefore resolves "a year earlier", "a year ago", "year-earlier",
// "the year-ago quarter": in a story about a quarter, the same quarter a
// year before; else the year before the reference day's (ago) or the
// story's (earlier).
func (s *scanner) yearBefore(earlier bool) val {
	if s.hasQ {
		return quarterVal(shiftUnit(s.lastQ, uYear, -1))
	}
	anchor := s.ref
	if earlier && s.hasSet && s.lastSet.gran >= gDay {
		anchor = s.lastSet.start
	}
	if !s.hasRef && !(earlier && s.hasSet) {
		return val{kind: KindDate, start: noDay, end: noDay}
	}
	v, _ := unitSpan(shiftUnit(anchor, uYear, -1), uYear)
	return v
}

// quarter reads "third quarter", "the fourth quarter of 2023", "the first
// half", "Q3 2024", "H1" at i (from is where the expression began). A
// quarter without a year is the last one that has begun, or the next one
// to come in a sentence that looks ahead.
func (s *scanner) quarter(from, i int) (val, int, bool) {
	var n int
	half := false
	j := i
	t := s.t[i]
	if len(t.Key) == 2 && (t.Key[0] == 'q' || t.Key[0] == 'h') && t.Key[1] >= '1' && t.Key[1] <= '4' {
		if t.Shape != token.Upper && t.Shape != token.Title {
			return val{}, 0, false
		}
		n, half = int(t.Key[1]-'0'), t.Key[0] == 'h'
		j = i + 1
	} else {
		l := s.lex(i)
		if l.class&cOrd == 0 {
			return val{}, 0, false
		}
		n = l.val
		j = i + 1
		if s.key(j) == "fiscal" {
			j++
		}
		switch s.key(j) {
		case "quarter":
		case "half":
			half = true
		default:
			return val{}, 0, false
		}
		j++
	}
	if half && (n < 1 || n > 2) || n < -1 || n == 0 || n > 4 {
		return val{}, 0, false
	}
	return s.quarterYear(from, j, n, half)
}

// quarterYear reads the year after a quarter or half ("of 2023", "of last
// year", "2024") at j and resolves quarter (or half) n of it.
func (s *scanner) quarterYear(from, j, n int, half bool) (val, int, bool) {
	y := 0
	k := j
	if s.key(k) == "of" && s.same(k+1) {
		k++
		if s.key(k) == "fiscal" {
			k++
		}
		if yy, ok := s.yearNum(k); ok {
			y, j = yy, k+1
		} else if sh := s.lex(k); sh.class&cShift != 0 && s.key(k+1) == "year" && s.hasRef {
			y, j = s.ref.year()+sh.val, k+2
		} else if s.key(k) == "the" && s.key(k+1) == "year" && s.hasRef {
			y, j = s.ref.year(), k+2
		}
	} else if s.same(k) {
		if yy, ok := s.yearNum(k); ok {
			y, j = yy, k+1
		}
	}
	months := 3
	count := 4
	if half {
		months, count = 6, 2
	}
	if n == -1 {
		n = count
	}
	if y == 0 {
		if !s.hasRef {
			return val{kind: KindDate, start: noDay, end: noDay, gran: gQuarter}, j, true
		}
		ry, rm, _ := s.ref.ymd()
		y = ry
		first := (n-1)*months + 1
		if first > rm {
			y-- // the last one that has begun
		}
		// Looking ahead, a period long over is next year's; one that
		// ended within the last quarter is still being reported on
		// ("expects to report third-quarter results").
		if s.leanAt(from, j) == leanFuture && mkDay(y, first+months, 1) < s.ref-92 {
			y++
		}
	}
	first := (n-1)*months + 1
	v := val{kind: KindDate, start: mkDay(y, first, 1), end: mkDay(y, first+months, 1) - 1, gran: gQuarter}
	if half {
		v.gran = gHalf
	} else {
		s.lastQ, s.hasQ = v.start, true
	}
	return v, j, true
}

// quarterOfYear reads "third quarter" after "this year's", "2023's" at i.
func (s *scanner) quarterOfYear(i, y int) (val, int, bool) {
	n, half, j, ok := s.ordUnit(i)
	if !ok {
		return val{}, 0, false
	}
	months := 3
	if half {
		months = 6
	}
	first := (n-1)*months + 1
	v := val{kind: KindDate, start: mkDay(y, first, 1), end: mkDay(y, first+months, 1) - 1, gran: gQuarter}
	if half {
		v.gran = gHalf
	} else {
		s.lastQ, s.hasQ = v.start, true
	}
	return v, j, true
}

// ordUnit reads "third quarter", "third-quarter", "first half" at i.
func (s *scanner) ordUnit(i int) (n int, half bool, end int, ok bool) {
	k := s.key(i)
	if a, b, found := strings.Cut(k, "-"); found {
		l, ok := lexicon[a]
		if !ok || l.class&cOrd == 0 || (b != "quarter" && b != "half") {
			return 0, false, 0, false
		}
		n, half = l.val, b == "half"
		end = i + 1
	} else {
		l := s.lex(i)
		if l.class&cOrd == 0 || !(s.key(i+1) == "quarter" || s.key(i+1) == "half") {
			return 0, false, 0, false
		}
		n, half, end = l.val, s.key(i+1) == "half", i+2
	}
	if n < 1 || n > 4 || half && n > 2 {
		return 0, false, 0, false
	}
	return n, half, end, true
}

// fiscal reads "fiscal 1989", "fiscal second-quarter", "fiscal year 1990"
// at i. Fiscal calendars differ by company; the calendar year is the
// reader's best guess without more.
func (s *scanner) fiscal(i int) (val, int, bool) {
	j := i + 1
	if s.key(j) == "year" {
		j++
		if !s.same(j) {
			return val{}, 0, false
		}
	}
	if y, ok := s.yearNum(j); ok && s.same(j) {
		v, _ := s.resolve(partial{y: y, gran: gYear}, leanNone, i)
		return v, j + 1, true
	}
	if n, half, e, ok := s.ordUnit(j); ok {
		return s.quarterYear(i, e, n, half)
	}
	return val{}, 0, false
}

// hyphenated reads words joined by hyphens: "third-quarter",
// "mid-November", "year-earlier", "year-end", "five-year" (a length).
func (s *scanner) hyphenated(i int) (val, int, bool) {
	k := s.key(i)
	a, b, _ := strings.Cut(k, "-")
	la, lb := lexicon[a], lexicon[b]
	switch {
	case la.class&cOrd != 0 && (b == "quarter" || b == "half"):
		n, half, e, ok := s.ordUnit(i)
		if !ok {
			return val{}, 0, false
		}
		return s.quarterYear(i, e, n, half)
	case la.class&cEdge != 0 && lb.class&cMonth != 0 && la.val >= -1 && la.val <= 1:
		v, ok := s.resolve(partial{m: lb.val, gran: gMonth}, s.leanAt(i, i+1), i)
		if !ok {
			return val{}, 0, false
		}
		e := i + 1
		if y, e2 := s.withYearOnly(e); y != 0 {
			v, _ = s.resolve(partial{y: y, m: lb.val, gran: gMonth}, leanNone, i)
			e = e2
		}
		v.mod = [...]string{"START", "MID", "END"}[la.val+1]
		return v, e, true
	case a == "year" && (b == "earlier" || b == "ago" || b == "before"):
		return s.yearBefore(b == "earlier"), i + 1, true
	case a == "year" && b == "end":
		return s.yearEnd(i, i+1)
	case a == "mid" && lb.class&cUnit != 0 && lb.unit == uYear && s.hasRef:
		v, _ := unitSpan(s.ref, uYear)
		v.mod = "MID"
		return v, i + 1, true
	case la.class&cNum != 0 && lb.class&cUnit != 0 && !lb.plural:
		// "five-year", "three-day": a length, unless an age follows.
		if strings.Count(k, "-") > 1 || s.key(i+1) == "old" || s.key(i+1) == "-" && s.key(i+2) == "old" {
			return val{}, 0, false
		}
		return val{kind: KindDuration, start: noDay, end: noDay, n: la.val, u: lb.unit}, i + 1, true
	case la.class&cNum != 0:
		return s.countPhrase(i)
	}
	return val{}, 0, false
}

// yearEnd reads "year-end", "year end", "year's end" over [from, to): the
// last day of the reference year, or of the year before after "since".
func (s *scanner) yearEnd(from, to int) (val, int, bool) {
	if !s.hasRef {
		return val{kind: KindDate, start: noDay, end: noDay, gran: gDay}, to, true
	}
	y := s.ref.year()
	if s.key(from-1) == "since" || s.key(from-1) == "at" && s.lean(from, to) == leanPast {
		y--
	}
	return dayVal(mkDay(y, 12, 31)), to, true
}

// count reads a count at i: digits, number words ("three", "twenty four"),
// "a"/"an", "a few", "a couple of", "several", "dozens of".
func (s *scanner) count(i int) (n int, fuzzy bool, end int, ok bool) {
	if i >= len(s.t) {
		return 0, false, 0, false
	}
	t := s.t[i]
	if t.Kind == token.Number {
		v, digits, ok := s.num(i)
		if !ok || digits > 4 {
			return 0, false, 0, false
		}
		return v, false, i + 1, true
	}
	k := t.Key
	switch k {
	case "a", "an":
		switch s.key(i + 1) {
		case "few":
			return 3, true, i + 2, true
		case "couple":
			if s.key(i+2) == "of" {
				return 2, false, i + 3, true
			}
			return 2, false, i + 2, true
		case "half":
			return 0, false, 0, false
		case "dozen":
			return 12, false, i + 2, true
		}
		return 1, false, i + 1, true
	case "several", "few", "many":
		return 3, true, i + 1, true
	case "dozens", "hundreds":
		if s.key(i+1) == "of" {
			return 12, true, i + 2, true
		}
		return 0, false, 0, false
	}
	l := s.lex(i)
	if l.class&cNum == 0 {
		return 0, false, 0, false
	}
	n = l.val
	end = i + 1
	if n >= 20 && n%10 == 0 && n < 100 {
		if l2 := s.lex(end); l2.class&cNum != 0 && l2.val >= 1 && l2.val <= 9 && s.same(end) {
			n += l2.val // "twenty four"
			end++
		}
	}
	return n, false, end, true
}

// countPhrase reads a count and a unit at i: "three weeks", "24 hours", "a
// year", and what follows it: "ago" and "from now" make a date, "earlier"
// and "later" a date relative to the story, a rate before "a month" makes
// a set; otherwise it is a length.
func (s *scanner) countPhrase(i int) (val, int, bool) {
	n, fuzzy, j, ok := s.count(i)
	if !ok {
		return val{}, 0, false
	}
	if !s.same(j) {
		return val{}, 0, false
	}
	if s.key(j) == "-" && s.tight(j) && s.tight(j+1) {
		j++ // "24-hour"
	}
	ul := s.lex(j)
	if ul.class&cUnit == 0 || !s.same(j) || s.t[j].Shape == token.Upper {
		return val{}, 0, false
	}
	if s.t[j].Shape == token.Title && s.d.Sentences[s.d.SentenceOf(j)].From != i && !s.heading(j) {
		return val{}, 0, false // "60 Minutes": a name
	}
	u := ul.unit
	k0 := s.key(i)
	if (k0 == "a" || k0 == "an") && (u == uSecond || u == uMinute) && !ul.plural {
		return val{}, 0, false // "a second term"
	}
	if u == uQuarter && s.key(j+1) != "ago" && s.key(j+1) != "earlier" && s.key(j+1) != "later" {
		if k0 == "a" || k0 == "an" || s.t[i].Kind == token.Number || n == 1 {
			return val{}, 0, false // "a quarter of the troops", "three quarters"
		}
	}
	after := j + 1
	if s.key(after) == "or" && s.key(after+1) == "so" && s.key(after+2) == "ago" {
		after += 2 // "a week or so ago"
	}
	if s.key(after) == "old" || s.key(after) == "-" && s.key(after+1) == "old" {
		return val{}, 0, false // an age
	}
	if s.key(after) == "'s" || s.key(after) == "'" {
		// "two weeks' time", "a year's work"
		if s.key(after+1) == "time" {
			if !s.hasRef || fuzzy {
				return s.special("FUTURE_REF", i, after+2)
			}
			v, _ := unitSpan(shiftUnit(s.ref, u, n), granUnit(u))
			return v, after + 2, true
		}
	}
	switch s.key(after) {
	case "ago":
		if fuzzy || !s.hasRef {
			return s.special("PAST_REF", i, after+1)
		}
		if n == 1 && u == uYear && (k0 == "a" || k0 == "one") && s.hasQ {
			return s.yearBefore(false), after + 1, true
		}
		if u <= uHour {
			return dayVal(s.ref), after + 1, true
		}
		if countsDays(u, n) {
			return dayVal(shiftUnit(s.ref, u, -n)), after + 1, true
		}
		v, ok := unitSpan(shiftUnit(s.ref, u, -n), granUnit(u))
		if !ok {
			return val{}, 0, false
		}
		return v, after + 1, true
	case "earlier", "later":
		if fuzzy {
			return val{}, 0, false
		}
		sign := 1
		if s.key(after) == "earlier" {
			sign = -1
		}
		if n == 1 && u == uYear && sign < 0 {
			return s.yearBefore(true), after + 1, true
		}
		if v, ok := s.coarseAnchor(u); ok {
			return v, after + 1, true
		}
		anchor, has := s.anchor(u)
		if !has {
			return val{}, 0, false
		}
		if u <= uHour {
			return dayVal(anchor), after + 1, true
		}
		if countsDays(u, n) {
			return dayVal(shiftUnit(anchor, u, sign*n)), after + 1, true
		}
		v, ok := unitSpan(shiftUnit(anchor, u, sign*n), granUnit(u))
		if !ok {
			return val{}, 0, false
		}
		return v, after + 1, true
	case "from", "hence":
		if s.key(after) == "from" && s.key(after+1) != "now" {
			break
		}
		e := after + 1
		if s.key(after) == "from" {
			e++
		}
		if fuzzy || !s.hasRef {
			return s.special("FUTURE_REF", i, e)
		}
		if u <= uHour {
			return dayVal(s.ref), e, true
		}
		v, ok := unitSpan(shiftUnit(s.ref, u, n), granUnit(u))
		if !ok {
			return val{}, 0, false
		}
		return v, e, true
	}
	if n == 1 && (k0 == "one") && u == uDay && s.key(i-1) != "for" && s.key(i-1) != "in" {
		return val{}, 0, false // "one day he will..."
	}
	if (k0 == "a" || k0 == "an") && !ul.plural && s.rateBefore(i) {
		return val{kind: KindSet, start: noDay, end: noDay, n: 1, u: u}, j + 1, true
	}
	if n == 0 && !fuzzy {
		return val{}, 0, false
	}
	return val{kind: KindDuration, start: noDay, end: noDay, n: n, u: u, fuzzy: fuzzy}, j + 1, true
}

// countsDays reports whether n units of u back or ahead name a day: up to
// four weeks, a reader counts the days ("two weeks ago" on a Friday is a
// Friday, "a week earlier" the same weekday), as TimeBank annotates them;
// further off, the week or month is as near as the text says.
func countsDays(u unit, n int) bool {
	return u == uWeek && n <= 4 || u == uFortnight && n <= 2
}

// granUnit is the unit whose span a shifted day is read in: "six weeks
// ago" is a week, "three months ago" a month.
func granUnit(u unit) unit {
	switch u {
	case uFortnight:
		return uWeek
	case uNight:
		return uDay
	}
	return u
}

// rateBefore reports whether an amount comes just before token i, which
// makes "a month" a rate ("30,000 a month", "twice a year", "5% a year").
func (s *scanner) rateBefore(i int) bool {
	sent := s.d.Sentences[s.d.SentenceOf(i)]
	for j := i - 1; j >= sent.From && i-j <= 5; j-- {
		t := s.t[j]
		switch {
		case t.Kind == token.Number, t.Key == "%", t.Key == "percent", t.Key == "twice", t.Key == "once",
			t.Key == "times", t.Key == "thrice", s.is(j, cNum) && t.Key != "one":
			return true
		case t.Kind == token.Punct && t.Key != "-", prepOrDet[t.Key] && t.Key != "or" && t.Key != "so":
			if t.Key == "or" || t.Key == "so" || t.Key == "," {
				continue
			}
			return false
		}
	}
	return false
}

// setPhrase reads "each month", "every day", "every two weeks", "every
// Monday", "each July", "per year" at i.
func (s *scanner) setPhrase(i int) (val, int, bool) {
	j := i + 1
	if !s.same(j) {
		return val{}, 0, false
	}
	if s.key(j) == "other" || s.key(j) == "single" {
		j++
	}
	n := 1
	if c, fuzzy, e, ok := s.count(j); ok && !fuzzy && s.key(j) != "a" && s.key(j) != "an" {
		n, j = c, e
	}
	l := s.lex(j)
	switch {
	case l.class&cUnit != 0:
		if s.key(i) == "per" && l.unit <= uMinute {
			return val{}, 0, false // "per second" is a unit of speed
		}
		v := val{kind: KindSet, start: noDay, end: noDay, n: n, u: l.unit}
		if s.key(i+1) == "other" {
			v.n = 2
		}
		return v, j + 1, true
	case l.class&cWeekday != 0 && !l.abbr:
		return val{kind: KindSet, start: noDay, end: noDay, n: 1, u: uWeek, everyDay: l.val + 1}, j + 1, true
	case l.class&cMonth != 0 && !l.abbr && s.t[j].Shape == token.Title:
		return val{kind: KindSet, start: noDay, end: noDay, n: 1, u: uYear, everyMonth: l.val}, j + 1, true
	case l.class&cPart != 0 && l.part != "":
		return val{kind: KindSet, start: noDay, end: noDay, n: 1, u: uDay, part: l.part}, j + 1, true
	}
	return val{}, 0, false
}
