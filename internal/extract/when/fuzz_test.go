package when

import (
	"testing"
	"time"
)

// FuzzFind checks that arbitrary text and reference days never make Find
// panic, and that every expression lies within the text with its start no
// later than its end.
func FuzzFind(f *testing.F) {
	for _, s := range []string{
		"The first troops will be sent by Nov 1, he said on Thursday.",
		"between Oct 8 and 13; from May to July; May 3-7; 8-13 October; 2010-2015",
		"Earlier this week, two days ago, the 1990s, mid-2023, Q3 2024, the '90s",
		"at 10:35 a.m. (0735 GMT) Friday, 9am, noon Saturday, 4 in the morning",
		"02/13/1998 14:26:00\n\nfrom today through Nov. 17, the year-earlier quarter",
		"each month, every other week, a week or so ago, the day before yesterday",
		"Monday, Oct. 26: the end of the year, the previous Friday, Christmas Eve 2023",
		"May", "-", "1", "the", "by", "between 8 and", "from Monday to",
	} {
		f.Add(s, int64(20014))
	}
	f.Fuzz(func(t *testing.T, text string, days int64) {
		var at time.Time
		if days%7 != 0 {
			at = time.Unix(0, 0).UTC().AddDate(0, 0, int(days%80000))
		}
		for _, tm := range find(text, at) {
			if tm.Span.Start < 0 || tm.Span.End > len(text) || tm.Span.Start >= tm.Span.End {
				t.Fatalf("span %v out of text of %d bytes", tm.Span, len(text))
			}
			if text[tm.Span.Start:tm.Span.End] != tm.Text {
				t.Fatalf("text %q is not text[%d:%d]", tm.Text, tm.Span.Start, tm.Span.End)
			}
			if tm.Start != "" && tm.End != "" && tm.Start > tm.End && len(tm.Start) == len(tm.End) {
				t.Fatalf("%q: start %s after end %s", tm.Text, tm.Start, tm.End)
			}
		}
	})
}
