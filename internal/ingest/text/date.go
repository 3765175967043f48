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
// "2024-10-18", "18/10/2024", "10/18/2024". It reports false for anything
// else, including a date inside a sentence.
//
// An all-numeric date with both parts at most 12 ("05/06/2024") is read day
// first, as most of the world writes it; American pages spell the month out
// in their datelines, so the ambiguity is rare in practice.
func ParseDate(line string) (time.Time, bool) {
	s := strings.TrimSpace(line)
	if len(s) < 6 || len(s) > 80 {
		return time.Time{}, false
	}
	lower := strings.ToLower(s)
	for _, p := range datePrefixes {
		if rest, ok := strings.CutPrefix(lower, p); ok && (rest == "" || rest[0] == ' ' || rest[0] == ':') {
			lower = strings.TrimLeft(rest, " :")
			break
		}
	}
	fields := strings.FieldsFunc(lower, func(r rune) bool { return r == ' ' || r == ',' || r == '\u00a0' })
	if len(fields) == 0 {
		return time.Time{}, false
	}
	if t, ok := numericDate(fields[0]); ok {
		if onlyTime(fields[1:]) {
			return t, true
		}
		return time.Time{}, false
	}

	day, year := 0, 0
	var month time.Month
	for i, f := range fields {
		switch {
		case i == 0 && weekdays[strings.TrimSuffix(f, ".")]:
		case f == "of" && day > 0 && month == 0:
		case month == 0 && months[strings.TrimSuffix(f, ".")] != 0:
			month = months[strings.TrimSuffix(f, ".")]
		case day == 0 && year == 0 && isDay(f):
			day = atoiSuffix(f)
		case year == 0 && month != 0 && day != 0 && isYear(f):
			year, _ = strconv.Atoi(f)
		case year != 0:
			if !onlyTime(fields[i:]) {
				return time.Time{}, false
			}
			return makeDate(year, month, day)
		default:
			return time.Time{}, false
		}
	}
	if year == 0 {
		return time.Time{}, false
	}
	return makeDate(year, month, day)
}

// numericDate reads 2024-10-18, 2024/10/18, 18/10/2024, 10/18/2024,
// 18.10.2024 and 18-10-2024, with an optional "T..." time after an ISO date.
func numericDate(f string) (time.Time, bool) {
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
		return time.Time{}, false
	}
	parts := strings.Split(strings.TrimSuffix(f, string(sep)), string(sep))
	if len(parts) != 3 {
		return time.Time{}, false
	}
	n := [3]int{}
	for i, p := range parts {
		if p == "" || len(p) > 4 {
			return time.Time{}, false
		}
		v, err := strconv.Atoi(p)
		if err != nil || v < 0 {
			return time.Time{}, false
		}
		n[i] = v
	}
	switch {
	case len(parts[0]) == 4: // year first
		return makeDate(n[0], time.Month(n[1]), n[2])
	case len(parts[2]) == 4:
		if n[1] > 12 && n[0] <= 12 { // American order: the second part cannot be a month
			return makeDate(n[2], time.Month(n[0]), n[1])
		}
		return makeDate(n[2], time.Month(n[1]), n[0])
	}
	return time.Time{}, false
}

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
		if isClock(f) || isOffset(f) {
			continue
		}
		return false
	}
	return true
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
