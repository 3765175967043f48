package text

import (
	"strconv"
	"strings"
	"time"
)

// months maps English month names and their usual abbreviations (as news
// sites print them in datelines: "Oct", "Oct.", "Sept") to months.
var months = map[string]time.Month{
	"january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3,
	"april": 4, "apr": 4, "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7,
	"august": 8, "aug": 8, "september": 9, "sep": 9, "sept": 9,
	"october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
}

// weekdays are the English day names and abbreviations that open datelines
// ("Fri 18 Oct 2024", "Friday, October 18, 2024").
var weekdays = map[string]bool{
	"monday": true, "mon": true, "tuesday": true, "tue": true, "tues": true,
	"wednesday": true, "wed": true, "thursday": true, "thu": true, "thur": true, "thurs": true,
	"friday": true, "fri": true, "saturday": true, "sat": true, "sunday": true, "sun": true,
}

// datePrefixes are the words sites put before a date line.
var datePrefixes = []string{
	"first published on", "first published", "last updated on", "last updated",
	"published on", "published", "updated on", "updated", "posted on", "posted",
	"date", "dated", "on",
}

// timeWords may follow a date on a date line: clock words and time zones
// seen in datelines ("06.00 BST", "5:12 p.m. ET").
var timeWords = map[string]bool{
	"am": true, "pm": true, "a.m.": true, "p.m.": true, "at": true, "noon": true, "midnight": true,
	"gmt": true, "bst": true, "utc": true, "cet": true, "cest": true, "eet": true, "eest": true,
	"et": true, "est": true, "edt": true, "ct": true, "cdt": true, "cst": true, "pt": true, "pst": true,
	"pdt": true, "mt": true, "mdt": true, "mst": true, "kst": true, "jst": true, "ist": true,
	"aest": true, "aedt": true, "msk": true, "z": true,
}

// ParseDate reads line as a lone date, the way news sites and pasted
// articles print a publication date: "18 October 2024", "October 18, 2024",
// "Fri 18 Oct 2024 06.00 BST", "Published: 18th of October 2024",
// "2024-10-18", "18/10/2024", "10/18/2024", and the stamps of wire services
// and news archives: "10/26/89", "08-15-90 1337EDT", "02/06/1998
// 22:19:00", "19980108", "980120". It reports false for anything else,
// including a date inside a sentence and a date with no year.
//
// An all-numeric date whose parts are both 12 or less is read month first
// when it is a stamp, that is when a time of day or a two-digit year comes
// with it ("03/01/1998 14:11:00" is 1 March, as US wire services write it),
// and day first otherwise ("05/06/2024" alone is 5 June, as most of the
// world writes it). Read settles a lone one by the rest of the document.
func ParseDate(line string) (time.Time, bool) {
	d, ok := parseDateLine(line)
	return d.t, ok
}

// lineDate is a date read from a date line.
type lineDate struct {
	t time.Time
	// alt is the other reading of an all-numeric date whose order the
	// line does not settle ("05/06/2024"), zero when there is none.
	alt time.Time
	// stamp marks a numeric date printed with a time of day or a
	// two-digit year: t is then its month-first reading.
	stamp bool
}

// parseDateLine is ParseDate with what it knows of an ambiguous order.
func parseDateLine(line string) (lineDate, bool) {
	fields, ok := dateFields(line)
	if !ok {
		return lineDate{}, false
	}
	wd := -1
	if w, ok := weekdayNum(fields[0]); ok && len(fields) > 1 {
		if _, _, ok := numericDate(fields[1]); ok {
			wd, fields = w, fields[1:] // "Tuesday 05/06/2024"
		}
	}
	if t, alt, ok := numericDate(fields[0]); ok {
		if !onlyTime(fields[1:]) {
			return lineDate{}, false
		}
		d := lineDate{t: t, alt: alt}
		if !alt.IsZero() && (len(fields) > 1 || twoDigitYearIn(fields[0])) {
			// A stamp: month first, as US wire services print it.
			d.stamp = true
			if monthFirst(fields[0]) != t {
				d.t, d.alt = d.alt, d.t
			}
		}
		if wd >= 0 {
			// The weekday settles the order when one reading fits it.
			if weekdayOf(d.t) != wd && !d.alt.IsZero() && weekdayOf(d.alt) == wd {
				d.t = d.alt
			}
			if weekdayOf(d.t) != wd {
				return lineDate{}, false
			}
			d.alt = time.Time{}
		}
		return d, true
	}
	if wd >= 0 {
		return lineDate{}, false
	}
	if len(fields) == 1 || onlyTime(fields[1:]) {
		if t, ok := compactDate(fields[0]); ok {
			return lineDate{t: t}, true
		}
	}
	y, m, d, n, ok := wordDate(fields)
	if !ok || y == 0 || !onlyTime(fields[n:]) {
		return lineDate{}, false
	}
	t, ok := makeDate(y, m, d)
	return lineDate{t: t}, ok
}

// parseDayMonth reads a date line that gives a month and a day but no
// year ("August 7", "Fri 18 Oct"), as news agencies print it above a
// story; the year comes from elsewhere.
func parseDayMonth(line string) (time.Month, int, bool) {
	fields, ok := dateFields(line)
	if !ok {
		return 0, 0, false
	}
	y, m, d, n, ok := wordDate(fields)
	if !ok || y != 0 || d == 0 || n != len(fields) {
		return 0, 0, false
	}
	return m, d, true
}

// dateFields splits a date line into lower-case fields, after the words
// sites put before a date.
func dateFields(line string) ([]string, bool) {
	s := strings.TrimSpace(line)
	if len(s) < 6 || len(s) > 80 {
		return nil, false
	}
	lower := strings.ToLower(s)
	for _, p := range datePrefixes {
		if rest, ok := strings.CutPrefix(lower, p); ok && (rest == "" || rest[0] == ' ' || rest[0] == ':') {
			lower = strings.TrimLeft(rest, " :")
			break
		}
	}
	fields := strings.FieldsFunc(lower, func(r rune) bool { return r == ' ' || r == ',' || r == '\u00a0' })
	return fields, len(fields) > 0
}

// wordDate reads a date with its month in words at the head of fields:
// "18 october 2024", "october 18 2024", "fri 18 oct", "18th of october".
// It returns the year (0 when none), month, day (0 for "October 2024"),
// and how many fields it used.
func wordDate(fields []string) (y int, month time.Month, day, n int, ok bool) {
	for i, f := range fields {
		switch {
		case i == 0 && weekdays[strings.TrimSuffix(f, ".")]:
		case f == "of" && day > 0 && month == 0:
		case month == 0 && months[strings.TrimSuffix(f, ".")] != 0:
			month = months[strings.TrimSuffix(f, ".")]
		case day == 0 && y == 0 && isDay(f):
			day = atoiSuffix(f)
		case y == 0 && month != 0 && day != 0 && isYear(f):
			y, _ = strconv.Atoi(f)
		default:
			if month == 0 {
				return 0, 0, 0, 0, false
			}
			return y, month, day, i, true
		}
	}
	return y, month, day, len(fields), month != 0
}

// numericDate reads 2024-10-18, 2024/10/18, 18/10/2024, 10/18/2024,
// 18.10.2024, 18-10-2024 and, with a two-digit year, 10/26/89 and
// 08-15-90, with an optional "T..." time after an ISO date. When both
// orders are possible it returns the day-first reading and the other one
// as alt.
func numericDate(f string) (t, alt time.Time, ok bool) {
	parts, ok := numericParts(f)
	if !ok {
		return t, alt, false
	}
	n := [3]int{}
	for i, p := range parts {
		n[i], _ = strconv.Atoi(p)
	}
	if len(parts[0]) == 4 { // year first
		t, ok = makeDate(n[0], time.Month(n[1]), n[2])
		return t, alt, ok
	}
	y := n[2]
	switch len(parts[2]) {
	case 4:
	case 2:
		y = twoDigitYear(y)
	default:
		return t, alt, false
	}
	dayFirst, ok1 := makeDate(y, time.Month(n[1]), n[0])
	monthFirst, ok2 := makeDate(y, time.Month(n[0]), n[1])
	switch {
	case ok1 && ok2 && n[0] != n[1]:
		return dayFirst, monthFirst, true
	case ok1:
		return dayFirst, alt, true
	case ok2: // the second part cannot be a month
		return monthFirst, alt, true
	}
	return t, alt, false
}

// numericParts splits a numeric date into its three parts, or reports
// false.
func numericParts(f string) ([]string, bool) {
	if i := strings.IndexByte(f, 't'); i == 10 {
		f = f[:i]
	}
	var sep byte
	for _, c := range []byte{'-', '/', '.'} {
		if strings.Count(f, string(c)) == 2 {
			sep = c
			break
		}
	}
	if sep == 0 {
		return nil, false
	}
	parts := strings.Split(strings.TrimSuffix(f, string(sep)), string(sep))
	if len(parts) != 3 {
		return nil, false
	}
	for _, p := range parts {
		if p == "" || len(p) > 4 {
			return nil, false
		}
		for i := 0; i < len(p); i++ {
			if p[i] < '0' || p[i] > '9' {
				return nil, false
			}
		}
	}
	if len(parts[0]) != 4 && (len(parts[1]) > 2 || len(parts[0]) > 2) {
		return nil, false
	}
	return parts, true
}

// monthFirst returns the month-first reading of a numeric date f that
// numericDate read.
func monthFirst(f string) time.Time {
	parts, _ := numericParts(f)
	a, _ := strconv.Atoi(parts[0])
	b, _ := strconv.Atoi(parts[1])
	y, _ := strconv.Atoi(parts[2])
	if len(parts[2]) == 2 {
		y = twoDigitYear(y)
	}
	t, _ := makeDate(y, time.Month(a), b)
	return t
}

func twoDigitYearIn(f string) bool {
	parts, ok := numericParts(f)
	return ok && len(parts[2]) == 2
}

// twoDigitYear reads '89 as 1989 and '24 as 2024: news archives reach
// back to the last century, and 50 years either side covers them.
func twoDigitYear(y int) int {
	if y >= 50 {
		return 1900 + y
	}
	return 2000 + y
}

// compactDate reads the digits-only stamps of news archives: YYYYMMDD
// ("19980108") and YYMMDD ("980120").
func compactDate(f string) (time.Time, bool) {
	for i := 0; i < len(f); i++ {
		if f[i] < '0' || f[i] > '9' {
			return time.Time{}, false
		}
	}
	switch len(f) {
	case 8:
		y, _ := strconv.Atoi(f[:4])
		m, _ := strconv.Atoi(f[4:6])
		d, _ := strconv.Atoi(f[6:])
		return makeDate(y, time.Month(m), d)
	case 6:
		y, _ := strconv.Atoi(f[:2])
		m, _ := strconv.Atoi(f[2:4])
		d, _ := strconv.Atoi(f[4:])
		return makeDate(twoDigitYear(y), time.Month(m), d)
	}
	return time.Time{}, false
}

// weekdayNum reads a weekday name or abbreviation (0 = Sunday, as
// time.Weekday counts).
func weekdayNum(f string) (int, bool) {
	f = strings.TrimSuffix(f, ".")
	if !weekdays[f] {
		return 0, false
	}
	for i, p := range [...]string{"sun", "mon", "tue", "wed", "thu", "fri", "sat"} {
		if strings.HasPrefix(f, p) {
			return i, true
		}
	}
	return 0, false
}

func weekdayOf(t time.Time) int { return int(t.Weekday()) }

func makeDate(y int, m time.Month, d int) (time.Time, bool) {
	if y < 1900 || y > 2200 || m < 1 || m > 12 || d < 1 || d > 31 {
		return time.Time{}, false
	}
	t := time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
	if t.Day() != d { // 31 February and the like
		return time.Time{}, false
	}
	return t, true
}

// onlyTime says whether fields hold nothing but a time of day and a zone.
func onlyTime(fields []string) bool {
	for _, f := range fields {
		f = strings.Trim(f, "()")
		if f == "" || f == "-" || f == "|" || f == "•" || f == "·" || f == "–" || timeWords[f] {
			continue
		}
		if isClock(f) || isOffset(f) || isClockZone(f) {
			continue
		}
		return false
	}
	return true
}

// isClockZone accepts a time with its zone run on, as wire stamps print
// it: 1337edt, 0735gmt.
func isClockZone(f string) bool {
	i := len(f)
	for i > 0 && f[i-1] >= 'a' && f[i-1] <= 'z' {
		i--
	}
	return i > 0 && i < len(f) && timeWords[f[i:]] && isClock(f[:i])
}

// isClock accepts 10:32, 10.32, 06.00, 10:32:05, 5pm, 5.30pm, 10:32am.
func isClock(f string) bool {
	f = strings.TrimSuffix(strings.TrimSuffix(f, "am"), "pm")
	f = strings.TrimSuffix(strings.TrimSuffix(f, "a.m."), "p.m.")
	if f == "" {
		return false
	}
	digits := 0
	for i := 0; i < len(f); i++ {
		c := f[i]
		switch {
		case c >= '0' && c <= '9':
			digits++
		case c == ':' || c == '.':
		default:
			return false
		}
	}
	return digits >= 1 && digits <= 6
}

// isOffset accepts +0100, -05:00, utc+1, gmt+01:00.
func isOffset(f string) bool {
	f = strings.TrimPrefix(strings.TrimPrefix(f, "utc"), "gmt")
	if len(f) < 2 || (f[0] != '+' && f[0] != '-') {
		return false
	}
	return isClock(f[1:])
}

func isYear(f string) bool {
	if len(f) != 4 {
		return false
	}
	y, err := strconv.Atoi(f)
	return err == nil && y >= 1900 && y <= 2200
}

// isDay accepts 1-31 with an optional ordinal suffix ("18th").
func isDay(f string) bool {
	d := atoiSuffix(f)
	return d >= 1 && d <= 31
}

func atoiSuffix(f string) int {
	for _, suf := range []string{"st", "nd", "rd", "th"} {
		if strings.HasSuffix(f, suf) {
			f = f[:len(f)-2]
			break
		}
	}
	if len(f) == 0 || len(f) > 2 {
		return 0
	}
	d, err := strconv.Atoi(f)
	if err != nil {
		return 0
	}
	return d
}
