package when

// The lexicons below are the package's knowledge of English calendar words.
// Where it comes from: month and weekday names and their abbreviations are
// the English data of the Unicode CLDR (gregorian calendar, wide and
// abbreviated forms) plus the news abbreviations of the AP Stylebook
// ("Sept.", "Tues.", "Thurs."); number and ordinal words are English
// cardinals and ordinals; seasons are the northern meteorological seasons
// of the WMO (spring = March to May...); parts of the day and the TIMEX3
// codes written for them (MO, AF, EV, NI) follow the TimeML TIMEX3
// guidelines (ISO-TimeML, ISO 24617-1); holidays are those of the US
// federal calendar and the Christian calendar most often dated in news.

// class is a bit set of what a word can be in a temporal expression.
type class uint32

const (
	cMonth   class = 1 << iota // "october", "oct", "sept"
	cWeekday                   // "friday", "fri", "thurs"
	cNum                       // a cardinal number word: "three"
	cOrd                       // an ordinal word: "third"
	cUnit                      // a calendar unit: "week", "weeks"
	cSeason                    // "summer"
	cPart                      // a part of the day: "morning"
	cRelDay                    // "yesterday", "today", "tomorrow", "tonight"
	cShift                     // "last", "next", "this", "coming", "past"
	cEdge                      // "early", "mid", "late", "earlier", "later"
	cSetAdv                    // "daily", "weekly"
	cHoliday                   // "christmas"
	cVague                     // an inexact count: "several", "few", "many"
	cDecade                    // a decade word: "nineties" (val: first year)
)

// unit is a calendar unit.
type unit uint8

const (
	uNone unit = iota
	uSecond
	uMinute
	uHour
	uDay
	uNight
	uWeek
	uWeekend
	uFortnight
	uMonth
	uQuarter
	uYear
	uDecade
	uCentury
)

// lexeme is what the lexicon knows of one lower-case word.
type lexeme struct {
	class class
	// val is the month (1-12), weekday (0 = Monday), number, ordinal,
	// season (1 spring .. 4 winter), shift direction (-1 last, 0 this, +1
	// next) or edge (-1 early, 0 mid, +1 late) of the word.
	val    int
	unit   unit
	plural bool
	// abbr marks an abbreviation ("Oct", "Fri") and words that are more
	// often something else ("may", "march", "sun", "sat"): they count only
	// in a clearly temporal context.
	abbr bool
	// part is the TIMEX3 part-of-day code: MO, AF, EV, NI, and MI (midday)
	// for "noon".
	part string
}

var lexicon = buildLexicon()

func buildLexicon() map[string]lexeme {
	m := make(map[string]lexeme, 300)
	add := func(w string, l lexeme) {
		old := m[w]
		old.class |= l.class
		if l.val != 0 {
			old.val = l.val
		}
		if l.unit != uNone {
			old.unit, old.plural = l.unit, l.plural
		}
		old.abbr = old.abbr || l.abbr
		if l.part != "" {
			old.part = l.part
		}
		m[w] = old
	}
	months := [...]string{"january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"}
	for i, w := range months {
		add(w, lexeme{class: cMonth, val: i + 1, abbr: w == "may" || w == "march"})
		if len(w) > 3 && w != "june" && w != "july" {
			add(w[:3], lexeme{class: cMonth, val: i + 1, abbr: true})
		}
	}
	add("jun", lexeme{class: cMonth, val: 6, abbr: true})
	add("jul", lexeme{class: cMonth, val: 7, abbr: true})
	add("sept", lexeme{class: cMonth, val: 9, abbr: true})
	days := [...]string{"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}
	for i, w := range days {
		add(w, lexeme{class: cWeekday, val: i})
		add(w[:3], lexeme{class: cWeekday, val: i, abbr: true})
	}
	for _, w := range [...]struct {
		w string
		d int
	}{{"tues", 1}, {"weds", 2}, {"thur", 3}, {"thurs", 3}} {
		add(w.w, lexeme{class: cWeekday, val: w.d, abbr: true})
	}
	nums := [...]string{"zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
		"eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"}
	for i, w := range nums {
		add(w, lexeme{class: cNum, val: i})
	}
	tens := [...]string{"twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"}
	for i, w := range tens {
		add(w, lexeme{class: cNum, val: 20 + 10*i})
		for j := 1; j <= 9; j++ {
			add(w+"-"+nums[j], lexeme{class: cNum, val: 20 + 10*i + j})
		}
	}
	add("hundred", lexeme{class: cNum, val: 100})
	add("thousand", lexeme{class: cNum, val: 1000})
	add("dozen", lexeme{class: cNum, val: 12})
	ords := [...]string{"first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
		"eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth", "eighteenth", "nineteenth", "twentieth"}
	for i, w := range ords {
		add(w, lexeme{class: cOrd, val: i + 1})
	}
	for j := 1; j <= 9; j++ {
		add("twenty-"+ords[j-1], lexeme{class: cOrd, val: 20 + j})
	}
	add("thirtieth", lexeme{class: cOrd, val: 30})
	add("thirty-first", lexeme{class: cOrd, val: 31})
	add("last", lexeme{class: cOrd, val: -1}) // "the last quarter", "the last week of"

	for _, u := range [...]struct {
		w string
		u unit
	}{
		{"second", uSecond}, {"minute", uMinute}, {"hour", uHour}, {"day", uDay}, {"night", uNight},
		{"week", uWeek}, {"weekend", uWeekend}, {"fortnight", uFortnight}, {"month", uMonth},
		{"quarter", uQuarter}, {"year", uYear}, {"decade", uDecade}, {"century", uCentury},
	} {
		add(u.w, lexeme{class: cUnit, unit: u.u})
		pl := u.w + "s"
		if u.w == "century" {
			pl = "centuries"
		}
		add(pl, lexeme{class: cUnit, unit: u.u, plural: true})
	}
	add("mins", lexeme{class: cUnit, unit: uMinute, plural: true})
	add("hrs", lexeme{class: cUnit, unit: uHour, plural: true})
	add("yrs", lexeme{class: cUnit, unit: uYear, plural: true})

	for i, w := range [...]string{"spring", "summer", "autumn", "winter"} {
		add(w, lexeme{class: cSeason, val: i + 1})
	}
	add("fall", lexeme{class: cSeason, val: 3, abbr: true})

	for _, p := range [...]struct{ w, p string }{
		{"morning", "MO"}, {"afternoon", "AF"}, {"evening", "EV"}, {"night", "NI"}, {"overnight", "NI"},
		{"noon", "MI"}, {"midday", "MI"}, {"midnight", "NI"}, {"dawn", "MO"}, {"daybreak", "MO"}, {"dusk", "EV"},
		{"lunchtime", "MI"}, {"mornings", "MO"}, {"nights", "NI"}, {"evenings", "EV"}, {"afternoons", "AF"},
	} {
		add(p.w, lexeme{class: cPart, part: p.p})
	}
	add("yesterday", lexeme{class: cRelDay, val: -1})
	add("today", lexeme{class: cRelDay, val: 0})
	add("tomorrow", lexeme{class: cRelDay, val: 1})
	add("tonight", lexeme{class: cRelDay, val: 0, part: "NI"})

	add("last", lexeme{class: cShift, val: -1})
	add("past", lexeme{class: cShift, val: -1})
	add("previous", lexeme{class: cShift, val: -1})
	add("this", lexeme{class: cShift, val: 0})
	add("current", lexeme{class: cShift, val: 0})
	add("next", lexeme{class: cShift, val: 1})
	add("coming", lexeme{class: cShift, val: 1})
	add("following", lexeme{class: cShift, val: 1})
	add("upcoming", lexeme{class: cShift, val: 1})

	add("early", lexeme{class: cEdge, val: -1})
	add("earlier", lexeme{class: cEdge, val: -2})
	add("mid", lexeme{class: cEdge, val: 0})
	add("late", lexeme{class: cEdge, val: 1})
	add("later", lexeme{class: cEdge, val: 2})

	for _, s := range [...]struct {
		w string
		u unit
	}{{"hourly", uHour}, {"daily", uDay}, {"nightly", uNight}, {"weekly", uWeek}, {"fortnightly", uFortnight},
		{"monthly", uMonth}, {"quarterly", uQuarter}, {"yearly", uYear}, {"annually", uYear}, {"biannually", uYear}} {
		add(s.w, lexeme{class: cSetAdv, unit: s.u})
	}
	for _, w := range [...]string{"christmas", "thanksgiving", "easter", "halloween", "new"} {
		add(w, lexeme{class: cHoliday})
	}
	for i, w := range [...]string{"twenties", "thirties", "forties", "fifties", "sixties", "seventies", "eighties", "nineties"} {
		add(w, lexeme{class: cDecade, val: 1920 + 10*i})
	}
	for _, w := range [...]string{"several", "few", "many", "some", "couple", "dozens", "hundreds", "recent"} {
		add(w, lexeme{class: cVague})
	}
	return m
}

// unitCode is the TIMEX3 designator of a unit in a duration ("P3W"); time
// units take a "T" before them.
func unitCode(u unit) (code byte, isTime bool) {
	switch u {
	case uSecond:
		return 'S', true
	case uMinute:
		return 'M', true
	case uHour:
		return 'H', true
	case uDay, uNight:
		return 'D', false
	case uWeek:
		return 'W', false
	case uWeekend:
		return 'W', false // TIMEX3 "P1WE" (the E follows)
	case uFortnight:
		return 'W', false
	case uMonth:
		return 'M', false
	case uQuarter:
		return 'Q', false
	case uYear:
		return 'Y', false
	case uDecade:
		return 'D', false // TIMEX3 "P1DE"
	case uCentury:
		return 'C', false // TIMEX3 "P1CE"
	}
	return 'X', false
}

// Temporal prepositions: they can open an expression ("on Friday", "in
// June", "by Nov 1") and make a following month or year a date.
var temporalPrep = map[string]bool{
	"on": true, "in": true, "by": true, "since": true, "until": true, "till": true, "from": true,
	"between": true, "during": true, "before": true, "after": true, "through": true, "throughout": true,
	"of": true, "to": true, "at": true, "around": true, "for": true, "last": true, "next": true,
	"this": true, "early": true, "late": true, "mid": true, "end": true, "beginning": true, "start": true,
	"middle": true, "past": true, "as": true, "into": true, "within": true, "and": true, "or": true,
	"than": true, "over": true, "circa": true, "c.": true, "earlier": true, "later": true, "fiscal": true,
}

// Nouns after a weekday that make it part of a name ("the Sunday Times",
// "Good Friday Agreement" is caught by its capitals) or a non-date.
var notAfterWeekday = map[string]bool{
	"times": true, "telegraph": true, "express": true, "mirror": true, "post": true, "mail": true,
	"herald": true, "independent": true, "people": true, "sport": true, "school": true, "schools": true,
	"league": true, "service": true, "services": true, "paper": true, "papers": true, "edition": true,
	"editions": true, "prayers": true, "best": true, "trading": true,
}

// Capitalised words before a weekday or month that make a name or holiday of
// it: "Good Friday", "Black Friday", "Bloody Sunday", "Theresa May".
var namedDayBefore = map[string]bool{
	"good": true, "black": true, "bloody": true, "palm": true, "ash": true, "holy": true,
	"maundy": true, "easter": true, "super": true, "cyber": true, "boxing": true, "whit": true,
}
