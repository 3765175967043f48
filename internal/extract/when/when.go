// Package when finds temporal expressions in a document and resolves them to
// calendar spans against a reference day (the publication date), reading
// them as a reader of a news article would.
//
// It reads the tokens of package token, never the raw string, so no regular
// expression runs. Absolute dates ("18 October 2024", "Oct. 18", "2024-10-18",
// "10/18/2024" when a part above 12 tells the order), partial dates (a
// month, year, quarter, half, season, decade, "mid-2023"), weekdays and
// relative days ("on Thursday", "yesterday", "earlier this week", "two days
// ago", "next month"), ranges ("between Oct 8 and 13", "from May to July"),
// deadlines ("by Nov 1"), durations ("for three weeks"), sets ("each
// month") and times of day ("at 9am", "Friday morning") are read.
//
// What the text leaves open is settled the way news is read. A weekday or a
// month without a year leans to the past: "on Thursday" in a Friday article
// is the day before, "in June" the last June that has begun. It leans to the
// future when the verb that governs it does ("will meet on Friday", "plans to
// hold a meeting on Friday", "is scheduled for Monday", "by Nov 1"). A span
// is a whole calendar unit even when the text narrows it ("early October" is
// October, with Mod "START"; "earlier this month" and "at the end of March"
// are the month), as TimeBank annotates them, except "earlier this week" and
// "later this week" (or month, or year), which a reader takes as the days
// before (after) the reference day; the unit "later this month" names is
// reported too, as TimeML annotates it. "The quarter", "a year earlier" and
// "later that day" lean on what the story last named.
//
// Some spans run up to the reference day: "since late January" (from the
// start of its last third, and "late January" is reported too), "the past
// two weeks", "the past few days" and "in recent days" (to the day before),
// and a length in the present perfect ("have been kept away for three
// weeks"). "The past week" and "the past year", like "last week", are the
// calendar week and year before, as TimeBank has them. Two days in a row
// ("on Wednesday and Thursday") are one span, and each day. Up to four weeks
// back or ahead a count of weeks names a day ("two weeks ago").
package when

import (
	"encoding/json"
	"strings"
	"time"

	"github.com/crosscheck-dev/crosscheck/internal/document"
	"github.com/crosscheck-dev/crosscheck/internal/extract/segment"
	"github.com/crosscheck-dev/crosscheck/internal/extract/token"
)

// Kinds of temporal expression.
const (
	KindDate     = "date"     // a day, month, year, quarter, decade... ("18 October 2024", "in June")
	KindRange    = "range"    // "between Oct 8 and 13", "from May to July", "earlier this week"
	KindDeadline = "deadline" // "by Nov 1": the day by which something happens
	KindDuration = "duration" // "for three weeks": a length, not a date
	KindSet      = "set"      // "each month": a frequency
	KindTime     = "time"     // a time of day, attached to its day when known
)

// Time is one temporal expression. Offsets are byte offsets into the text
// (the extractor turns them into character offsets). In JSON the ISO days
// take the names "start" and "end", so the offsets are written as "span":
// {"start": 120, "end": 140}.
type Time struct {
	document.Span
	Text string `json:"text"`
	Kind string `json:"kind"`
	// Start and End are ISO days (inclusive), empty for durations and sets
	// and when the expression cannot be placed on the calendar. A length
	// anchored to the reference day ("for three weeks" in the perfect) is
	// a range.
	Start string `json:"start,omitempty"`
	End   string `json:"end,omitempty"`
	// Value is a TIMEX3-style value: "2024-10-17", "2024-10", "2024-W42",
	// "P3W", "P1M" (for a set, with Kind "set"), "2024-10-18T09:00".
	Value string `json:"value,omitempty"`
	// Granularity of Start..End: time, day, weekend, week, month, quarter,
	// half, season, year, decade, century.
	Granularity string `json:"granularity,omitempty"`
	// Mod narrows the span as TIMEX3 does: START ("early October", "the
	// beginning of 2023"), MID ("mid-2023"), END ("late last year", "the
	// end of the year").
	Mod string `json:"mod,omitempty"`
}

// timeJSON is Time without its methods, for MarshalJSON and UnmarshalJSON.
type timeJSON Time

// MarshalJSON writes t with its offsets under "span": the embedded Span's
// own "start" and "end" are shadowed by the ISO days.
func (t Time) MarshalJSON() ([]byte, error) {
	return json.Marshal(struct {
		timeJSON
		Offsets document.Span `json:"span"`
	}{timeJSON(t), t.Span})
}

// UnmarshalJSON reads what MarshalJSON writes.
func (t *Time) UnmarshalJSON(b []byte) error {
	var v struct {
		timeJSON
		Offsets document.Span `json:"span"`
	}
	if err := json.Unmarshal(b, &v); err != nil {
		return err
	}
	*t = Time(v.timeJSON)
	t.Span = v.Offsets
	return nil
}

// Find returns the temporal expressions of d, in text order, resolved
// against ref, the publication day (zero when unknown: then only absolute
// dates resolve). A line that is nothing but a numeric time stamp
// ("02/13/1998 14:26:00", "1998-08-07") is the document's metadata, not
// its text, and is skipped; a date line in words ("18 October 2024") is
// found like any other date.
func Find(d *segment.Doc, ref time.Time) []Time {
	if d == nil || len(d.Tokens) == 0 || len(d.Sentences) == 0 {
		return nil
	}
	s := scanner{d: d, t: d.Tokens, lx: make([]int16, len(d.Tokens)), verb: make([]bool, len(d.Tokens))}
	if !ref.IsZero() {
		s.ref, s.hasRef = fromTime(ref), true
	}
	for i := range s.t {
		s.lx[i] = -1
		t := &s.t[i]
		if t.Kind != token.Word {
			continue
		}
		if e, ok := lookup(t.Key); ok {
			s.lx[i], s.verb[i] = e.lex, e.verb
		}
		if !s.verb[i] && t.Shape == token.Lower && (pastForm(t.Key) || hasSuffix(t.Key, "ing")) {
			s.verb[i] = true
		}
	}
	out := make([]Time, 0, len(s.t)/64+4)
	stampEnd := -1 // the end of the current stamp line, when in one
	for i := 0; i < len(s.t); {
		if !s.starts(i) {
			i++
			continue
		}
		s.hasEnds = false
		v, from, to, ok := s.at(i)
		if !ok || to <= from {
			i++
			continue
		}
		if from >= stampEnd && s.stampLine(from) {
			stampEnd = s.lineEnd(from)
		}
		if from < stampEnd {
			i = to
			continue
		}
		if w, ok := s.since(v, from); ok {
			// "since late January": the span from then to the reference
			// day, reported whole and, as TimeML annotates it, without
			// its "since".
			out = append(out, s.emit(w, from-1, to))
		}
		if w, e, ok := s.nextDay(v, to); ok {
			// "on Wednesday and Thursday": two days in a row are one
			// span, reported whole and day by day.
			out = append(out, s.emit(rangeVal(v, w), from, e), s.emit(v, from, to), s.emit(w, to+1, e))
			s.remember(w, to+1)
			i = e
			continue
		}
		out = append(out, s.emit(v, from, to))
		if w, ok := s.laterThis(v, from, to); ok {
			// "later this month": TimeML annotates the month named.
			out = append(out, s.emit(w, from+1, to))
		}
		if v.kind == KindRange && s.hasEnds && s.ends[0].to <= s.ends[1].from {
			// A range whose ends stand alone ("from Aug. 26 to Oct. 20")
			// is reported whole and end by end.
			for _, e := range s.ends {
				if e.v.start != noDay && e.to > e.from {
					out = append(out, s.emit(e.v, e.from, e.to))
				}
			}
		}
		s.remember(v, from)
		i = to
	}
	return out
}

// starts reports whether token i can open an expression, to skip the
// common case with a check or two.
func (s *scanner) starts(i int) bool {
	t := &s.t[i]
	switch t.Kind {
	case token.Number:
		return true
	case token.Quote:
		return i+1 < len(s.t) && s.t[i+1].Kind == token.Number
	case token.Word:
		if s.lx[i] >= 0 {
			return true
		}
		switch t.Key {
		case "between", "from", "by", "on", "in", "at", "during", "for", "the", "a", "an":
			// Frequent words: go on only if the next one could follow.
			return i+1 < len(s.t) && s.follows(i+1)
		case "fiscal", "each", "every", "per", "now", "year":
			return true
		case "that":
			return i+1 < len(s.t) && s.lx[i+1] >= 0
		}
		if len(t.Key) == 2 {
			return true // Q3, H1
		}
		return strings.IndexByte(t.Key, '-') > 0 || len(t.Key) >= 7 && t.Key[len(t.Key)-1] == 's'
	}
	return false
}

// follows reports whether token i can continue an expression opened by a
// preposition or article.
func (s *scanner) follows(i int) bool {
	t := &s.t[i]
	switch t.Kind {
	case token.Number, token.Quote:
		return true
	case token.Word:
		if s.lx[i] >= 0 || len(t.Key) == 2 || strings.IndexByte(t.Key, '-') > 0 {
			return true
		}
		switch t.Key {
		case "the", "a", "an", "fiscal", "year", "latest", "most", "same", "comparable", "corresponding", "like",
			"weekend", "end", "beginning", "start", "middle", "close", "day", "quarter", "period", "now", "each",
			"every", "recent":
			return true
		}
		return len(t.Key) >= 7 && t.Key[len(t.Key)-1] == 's'
	}
	return false
}

// stampLine reports whether token i lies on a line made only of numbers,
// punctuation and time-zone or am/pm words: a machine time stamp.
func (s *scanner) stampLine(i int) bool {
	a := i
	for a > 0 && !s.t[a].Line {
		a--
	}
	e := s.lineEnd(i)
	for j := a; j < e; j++ {
		t := &s.t[j]
		if t.Kind == token.Word && !(t.Shape == token.Upper && timeZones[t.Key]) && t.Key != "am" && t.Key != "pm" {
			return false
		}
	}
	return true
}

// lineEnd returns the index of the first token of the line after token i's.
func (s *scanner) lineEnd(i int) int {
	e := i + 1
	for e < len(s.t) && !s.t[e].Line {
		e++
	}
	return e
}

// since returns the span "since X" names when v, read at tokens [from,
// ...), follows "since": from the start of X (of its part, for "since late
// January") to the reference day.
func (s *scanner) since(v val, from int) (val, bool) {
	if s.key(from-1) != "since" || !s.same(from) || !s.hasRef || v.start == noDay || v.special != "" ||
		v.kind == KindDuration || v.kind == KindSet || v.toRef {
		return val{}, false
	}
	start := partStart(v)
	if start > s.ref {
		return val{}, false
	}
	return val{kind: KindRange, start: start, end: s.ref, gran: gDay, toRef: true}, true
}

// partStart returns the first day of the part of v its Mod names: early,
// mid and late are the thirds of a month (days 1, 11 and 21 begin them)
// and of a year (January, May, September), and of other spans by length.
func partStart(v val) day {
	third := 0
	switch v.mod {
	case "MID":
		third = 1
	case "END":
		third = 2
	default:
		return v.start
	}
	y, m, _ := v.start.ymd()
	switch v.gran {
	case gMonth:
		return mkDay(y, m, 1+10*third)
	case gYear:
		return mkDay(y, 1+4*third, 1)
	}
	return v.start + (v.end-v.start+1)*day(third)/3
}

// laterThis returns the unit "later this month" (read as v over [from,
// to)) names: the whole month, as TimeML annotates the words "this month"
// in it.
func (s *scanner) laterThis(v val, from, to int) (val, bool) {
	if v.kind != KindRange || to != from+3 || s.key(from) != "later" || s.key(from+1) != "this" || !s.is(from+2, cUnit) {
		return val{}, false
	}
	return unitSpan(s.ref, s.lex(from+2).unit)
}

// nextDay reads a weekday joined by "and" to the day v read before it
// ended at token to ("on Wednesday and Thursday"), when it is the day
// after; e is where it ends.
func (s *scanner) nextDay(v val, to int) (w val, e int, ok bool) {
	if !v.weekday || v.start == noDay || v.clock || v.part != "" || s.key(to) != "and" || !s.same(to+1) || !s.is(to+1, cWeekday) {
		return val{}, 0, false
	}
	w, e, ok = s.expr(to + 1)
	if !ok || !w.weekday || w.start != v.end+1 || w.clock || w.part != "" {
		return val{}, 0, false
	}
	return w, e, true
}

// remember keeps what later expressions may lean on.
func (s *scanner) remember(v val, from int) {
	if v.start == noDay || v.kind == KindDuration || v.kind == KindSet || v.toRef {
		return
	}
	s.lastSet, s.lastSetAt, s.hasSet = v, from, true
	if v.gran == gDay && v.kind != KindRange {
		s.lastDay, s.lastDayAt, s.hasDay = v.start, from, true
	}
}

// emit turns a val read at tokens [from, to) into a Time.
func (s *scanner) emit(v val, from, to int) Time {
	t := Time{Span: document.Span{Start: s.t[from].Start, End: s.t[to-1].End}, Kind: v.kind, Mod: v.mod}
	t.Text = s.d.Text[t.Span.Start:t.Span.End]
	var buf [40]byte
	if v.start != noDay {
		t.Start = s.iso(v.start)
		t.End = t.Start
		if v.end != v.start {
			t.End = s.iso(v.end)
		}
		t.Granularity = granName[v.gran]
		if v.clock || v.part != "" {
			t.Granularity = granName[gTime]
		}
	}
	// Most values are the start day or a prefix of it: share its bytes.
	if v.start != noDay && v.special == "" && v.kind != KindDuration && v.kind != KindSet && v.kind != KindRange && !v.clock && v.part == "" {
		switch v.gran {
		case gDay:
			t.Value = t.Start
			return t
		case gMonth:
			t.Value = t.Start[:7]
			return t
		case gYear:
			t.Value = t.Start[:4]
			return t
		}
	}
	b := s.value(buf[:0], v)
	switch {
	case len(b) == 0:
	case string(b) == t.Start:
		t.Value = t.Start
	default:
		t.Value = string(b)
	}
	return t
}

// iso returns x as YYYY-MM-DD, from a small cache: an article names the
// same few days again and again.
func (s *scanner) iso(x day) string {
	for _, c := range s.isoCache {
		if c.s != "" && c.d == x {
			return c.s
		}
	}
	var buf [16]byte
	str := string(appendISO(buf[:0], x))
	s.isoCache[s.isoNext%len(s.isoCache)] = isoEntry{x, str}
	s.isoNext++
	return str
}

type isoEntry struct {
	d day
	s string
}

// value appends the TIMEX3-style value of v.
func (s *scanner) value(b []byte, v val) []byte {
	if v.special != "" {
		return append(b, v.special...)
	}
	switch v.kind {
	case KindDuration, KindSet:
		return appendPeriod(b, v)
	}
	if v.start == noDay {
		return appendPartial(b, v.partial)
	}
	if v.kind == KindRange {
		b = appendISO(b, v.start)
		b = append(b, '/')
		return appendISO(b, v.end)
	}
	y, m, _ := v.start.ymd()
	switch v.gran {
	case gDay:
		b = appendISO(b, v.start)
		switch {
		case v.clock:
			b = append(b, 'T')
			b = appendInt(b, v.hour, 2)
			b = append(b, ':')
			b = appendInt(b, v.min, 2)
		case v.part != "":
			b = append(b, 'T')
			b = append(b, v.part...)
		}
	case gWeek, gWeekend:
		wy, w := v.start.isoWeek()
		b = appendInt(b, wy, 4)
		b = append(b, "-W"...)
		b = appendInt(b, w, 2)
		if v.gran == gWeekend {
			b = append(b, "-WE"...)
		}
	case gMonth:
		b = appendInt(b, y, 4)
		b = append(b, '-')
		b = appendInt(b, m, 2)
	case gQuarter, gHalf:
		b = appendInt(b, y, 4)
		if v.gran == gQuarter {
			b = append(b, "-Q"...)
			b = appendInt(b, (m-1)/3+1, 1)
		} else {
			b = append(b, "-H"...)
			b = appendInt(b, (m-1)/6+1, 1)
		}
	case gSeason:
		sy, se := seasonOf(v.start)
		b = appendInt(b, sy, 4)
		b = append(b, '-')
		b = append(b, [...]string{"SP", "SU", "FA", "WI"}[se-1]...)
	case gYear:
		b = appendInt(b, y, 4)
	case gDecade:
		b = appendInt(b, y/10, 3)
	case gCentury:
		b = appendInt(b, y/100, 2)
	}
	return b
}

// appendPartial appends the value of a date whose year is unknown:
// "XXXX-10-18", "XXXX-06".
func appendPartial(b []byte, p partial) []byte {
	if p.m == 0 {
		return b
	}
	if p.y != 0 {
		b = appendInt(b, p.y, 4)
	} else {
		b = append(b, "XXXX"...)
	}
	b = append(b, '-')
	b = appendInt(b, p.m, 2)
	if p.d != 0 {
		b = append(b, '-')
		b = appendInt(b, p.d, 2)
	}
	return b
}

// appendPeriod appends a duration or set period: "P3W", "PT24H", "PXY".
func appendPeriod(b []byte, v val) []byte {
	if v.kind == KindSet {
		switch {
		case v.everyDay > 0:
			b = append(b, "XXXX-WXX-"...)
			return appendInt(b, v.everyDay, 1)
		case v.everyMonth > 0:
			b = append(b, "XXXX-"...)
			return appendInt(b, v.everyMonth, 2)
		case v.part != "":
			b = append(b, "XXXX-XX-XXT"...)
			return append(b, v.part...)
		}
	}
	code, isTime := unitCode(v.u)
	b = append(b, 'P')
	if isTime {
		b = append(b, 'T')
	}
	n := v.n
	if v.u == uFortnight {
		n *= 2
	}
	if v.fuzzy {
		b = append(b, 'X')
	} else {
		b = appendInt(b, n, 1)
	}
	b = append(b, code)
	switch v.u {
	case uWeekend:
		b = append(b, 'E')
	case uDecade, uCentury:
		b = append(b, 'E')
	}
	return b
}
