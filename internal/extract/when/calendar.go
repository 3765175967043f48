package when

import "time"

// day is a proleptic Gregorian calendar day counted from 1970-01-01. Working
// on plain integers keeps resolution free of allocations and time zones.
type day int32

// noDay marks an unknown day.
const noDay day = -1 << 30

// mkDay returns the day of year y, month m (1-12), day d (1-31). Out-of-range
// months and days roll over, as with time.Date.
func mkDay(y, m, d int) day {
	// Normalise the month first so that m is in 1..12.
	y += (m - 1) / 12
	m = (m-1)%12 + 1
	if m <= 0 {
		m += 12
		y--
	}
	// Howard Hinnant's days_from_civil.
	if m <= 2 {
		y--
	}
	era := y / 400
	if y < 0 && y%400 != 0 {
		era = (y - 399) / 400
	}
	yoe := y - era*400
	mp := (m + 9) % 12
	doy := (153*mp+2)/5 + d - 1
	doe := yoe*365 + yoe/4 - yoe/100 + doy
	return day(era*146097 + doe - 719468)
}

// ymd returns the year, month (1-12) and day of the month of x.
func (x day) ymd() (y, m, d int) {
	z := int(x) + 719468
	era := z / 146097
	if z < 0 && z%146097 != 0 {
		era = (z - 146096) / 146097
	}
	doe := z - era*146097
	yoe := (doe - doe/1460 + doe/36524 - doe/146096) / 365
	y = yoe + era*400
	doy := doe - (365*yoe + yoe/4 - yoe/100)
	mp := (5*doy + 2) / 153
	d = doy - (153*mp+2)/5 + 1
	m = mp + 3
	if m > 12 {
		m -= 12
	}
	if m <= 2 {
		y++
	}
	return y, m, d
}

// weekday returns 0 for Monday through 6 for Sunday (ISO 8601 order).
func (x day) weekday() int {
	w := (int(x) + 3) % 7 // 1970-01-01 was a Thursday
	if w < 0 {
		w += 7
	}
	return w
}

func (x day) year() int { y, _, _ := x.ymd(); return y }

// monday returns the Monday of x's ISO week.
func (x day) monday() day { return x - day(x.weekday()) }

// isoWeek returns the ISO 8601 week-numbering year and week of x.
func (x day) isoWeek() (year, week int) {
	thu := x - day(x.weekday()) + 3 // the week's Thursday decides its year
	y := thu.year()
	return y, int(thu-mkDay(y, 1, 1))/7 + 1
}

// daysIn returns the number of days of month m of year y.
func daysIn(y, m int) int {
	return int(mkDay(y, m+1, 1) - mkDay(y, m, 1))
}

// validDate reports whether y-m-d is a real calendar day.
func validDate(y, m, d int) bool {
	return m >= 1 && m <= 12 && d >= 1 && d <= daysIn(y, m)
}

// fromTime returns the calendar day of t in its own location.
func fromTime(t time.Time) day {
	y, m, d := t.Date()
	return mkDay(y, int(m), d)
}

// appendISO appends x as YYYY-MM-DD.
func appendISO(b []byte, x day) []byte {
	y, m, d := x.ymd()
	if y < 0 || y > 9999 {
		b = appendInt(b, y, 4)
		b = append(b, '-')
		b = appendInt(b, m, 2)
		b = append(b, '-')
		return appendInt(b, d, 2)
	}
	return append(b, byte('0'+y/1000), byte('0'+y/100%10), byte('0'+y/10%10), byte('0'+y%10), '-',
		byte('0'+m/10), byte('0'+m%10), '-', byte('0'+d/10), byte('0'+d%10))
}

// appendInt appends n zero-padded to width digits.
func appendInt(b []byte, n, width int) []byte {
	if n < 0 {
		b = append(b, '-')
		n = -n
	}
	var buf [12]byte
	i := len(buf)
	for n > 0 || i == len(buf) {
		i--
		buf[i] = byte('0' + n%10)
		n /= 10
	}
	for w := len(buf) - i; w < width; w++ {
		b = append(b, '0')
	}
	return append(b, buf[i:]...)
}

// easter returns Easter Sunday of year y (the anonymous Gregorian
// computus, as given by Meeus, Astronomical Algorithms, ch. 8).
func easter(y int) day {
	a, b, c := y%19, y/100, y%100
	d, e := b/4, b%4
	f := (b + 8) / 25
	g := (b - f + 1) / 3
	h := (19*a + b - d - g + 15) % 30
	i, k := c/4, c%4
	l := (32 + 2*e + 2*i - h - k) % 7
	m := (a + 11*h + 22*l) / 451
	month := (h + l - 7*m + 114) / 31
	dd := (h+l-7*m+114)%31 + 1
	return mkDay(y, month, dd)
}

// nthWeekday returns the n-th (1-based; -1 for the last) weekday wd (0 =
// Monday) of month m of year y.
func nthWeekday(y, m, wd, n int) day {
	if n < 0 {
		last := mkDay(y, m+1, 1) - 1
		return last - day((last.weekday()-wd+7)%7)
	}
	first := mkDay(y, m, 1)
	return first + day((wd-first.weekday()+7)%7) + day(7*(n-1))
}
