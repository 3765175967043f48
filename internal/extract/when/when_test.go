package when

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/crosscheck-dev/crosscheck/internal/document"
	"github.com/crosscheck-dev/crosscheck/internal/extract/segment"
)

// ref is the publication day of every case: Friday 18 October 2024.
var ref = time.Date(2024, 10, 18, 0, 0, 0, 0, time.UTC)

func find(text string, at time.Time) []Time {
	return Find(segment.New(text, nil), at)
}

func show(ts []Time) string {
	var b strings.Builder
	for _, t := range ts {
		fmt.Fprintf(&b, "\n  %q %s %s..%s %s", t.Text, t.Kind, t.Start, t.End, t.Value)
	}
	return b.String()
}

// TestFind checks that each sentence holds an expression with the given
// text, kind and span, resolved against ref.
func TestFind(t *testing.T) {
	for _, tc := range []struct {
		in, text, kind, start, end string
	}{
		// Absolute dates.
		{"The deal was signed on 18 October 2024.", "on 18 October 2024", KindDate, "2024-10-18", "2024-10-18"},
		{"It was signed October 18, 2024, in Seoul.", "October 18, 2024", KindDate, "2024-10-18", "2024-10-18"},
		{"Talks resumed Oct. 14 in Geneva.", "Oct. 14", KindDate, "2024-10-14", "2024-10-14"},
		{"The report is dated 2024-10-11.", "2024-10-11", KindDate, "2024-10-11", "2024-10-11"},
		{"The letter is dated 10/15/2024.", "10/15/2024", KindDate, "2024-10-15", "2024-10-15"},
		{"The letter is dated 15/10/2024.", "15/10/2024", KindDate, "2024-10-15", "2024-10-15"},
		{"It happened on the 3rd of March 2021.", "on the 3rd of March 2021", KindDate, "2021-03-03", "2021-03-03"},
		{"The vote on Monday, Oct. 21 will be close.", "on Monday, Oct. 21", KindDate, "2024-10-21", "2024-10-21"},
		{"The court sat on 2 September.", "on 2 September", KindDate, "2024-09-02", "2024-09-02"},
		// Partial dates.
		{"The pact was signed in June.", "in June", KindDate, "2024-06-01", "2024-06-30"},
		{"Russia invaded Ukraine in 2022.", "in 2022", KindDate, "2022-01-01", "2022-12-31"},
		{"Profits rose in the third quarter.", "in the third quarter", KindDate, "2024-07-01", "2024-09-30"},
		{"Sales fell in the first quarter of 2023.", "in the first quarter of 2023", KindDate, "2023-01-01", "2023-03-31"},
		{"It was a third-quarter loss.", "third-quarter", KindDate, "2024-07-01", "2024-09-30"},
		{"Growth slowed in Q2 2023.", "in Q2 2023", KindDate, "2023-04-01", "2023-06-30"},
		{"The army grew in the 1990s.", "in the 1990s", KindDate, "1990-01-01", "1999-12-31"},
		{"It was common in the nineties.", "in the nineties", KindDate, "1990-01-01", "1999-12-31"},
		{"The factory closed in mid-2023.", "in mid-2023", KindDate, "2023-01-01", "2023-12-31"},
		{"Fighting resumed in early October.", "in early October", KindDate, "2024-10-01", "2024-10-31"},
		{"Shelling intensified in late September.", "in late September", KindDate, "2024-09-01", "2024-09-30"},
		{"The offensive began last summer.", "last summer", KindDate, "2024-06-01", "2024-08-31"},
		{"The city was taken in the fall.", "in the fall", KindDate, "2024-09-01", "2024-11-30"},
		{"Talks failed in the spring of 2021.", "in the spring of 2021", KindDate, "2021-03-01", "2021-05-31"},
		{"It was agreed in July last year.", "in July last year", KindDate, "2023-07-01", "2023-07-31"},
		{"Troops left in December.", "in December", KindDate, "2023-12-01", "2023-12-31"},
		{"Elections will be held in December.", "in December", KindDate, "2024-12-01", "2024-12-31"},
		{"It happened in October.", "in October", KindDate, "2024-10-01", "2024-10-31"},
		// Weekdays and relative days.
		{"Kyrylo Budanov added to the speculation on Thursday.", "on Thursday", KindDate, "2024-10-17", "2024-10-17"},
		{"The minister resigned on Monday.", "on Monday", KindDate, "2024-10-14", "2024-10-14"},
		{"The president said on Friday that talks had failed.", "on Friday", KindDate, "2024-10-18", "2024-10-18"},
		{"The leaders will meet on Tuesday.", "on Tuesday", KindDate, "2024-10-22", "2024-10-22"},
		{"Yoon plans to hold a security meeting on Friday.", "on Friday", KindDate, "2024-10-18", "2024-10-18"},
		{"He is expected to arrive on Sunday.", "on Sunday", KindDate, "2024-10-20", "2024-10-20"},
		{"The team planned to leave Nairobi on Thursday for Dar es Salaam.", "on Thursday", KindDate, "2024-10-24", "2024-10-24"},
		{"On Friday, the government planned to pay the first claims.", "On Friday", KindDate, "2024-10-18", "2024-10-18"},
		{"On Wednesday, the government planned to pay the first claims.", "On Wednesday", KindDate, "2024-10-16", "2024-10-16"},
		{"Officials met last Friday.", "last Friday", KindDate, "2024-10-11", "2024-10-11"},
		{"They meet again next Monday.", "next Monday", KindDate, "2024-10-21", "2024-10-21"},
		{"The strike happened yesterday.", "yesterday", KindDate, "2024-10-17", "2024-10-17"},
		{"Parliament votes today.", "today", KindDate, "2024-10-18", "2024-10-18"},
		{"The result is due tomorrow.", "tomorrow", KindDate, "2024-10-19", "2024-10-19"},
		{"Earlier this week, Zelensky said 10,000 could join.", "Earlier this week", KindRange, "2024-10-14", "2024-10-17"},
		{"A decision is due later this week.", "later this week", KindRange, "2024-10-19", "2024-10-20"},
		{"The blast came two days ago.", "two days ago", KindDate, "2024-10-16", "2024-10-16"},
		{"The fighting started three months ago.", "three months ago", KindDate, "2024-07-01", "2024-07-31"},
		{"Prices rose last week.", "last week", KindDate, "2024-10-07", "2024-10-13"},
		{"Talks continue this week.", "this week", KindDate, "2024-10-14", "2024-10-20"},
		{"The summit is next month.", "next month", KindDate, "2024-11-01", "2024-11-30"},
		{"Output fell last month.", "last month", KindDate, "2024-09-01", "2024-09-30"},
		{"Exports grew this year.", "this year", KindDate, "2024-01-01", "2024-12-31"},
		{"Exports grew last year.", "last year", KindDate, "2023-01-01", "2023-12-31"},
		{"The plant reopens next year.", "next year", KindDate, "2025-01-01", "2025-12-31"},
		{"Sirens sounded last night.", "last night", KindTime, "2024-10-17", "2024-10-17"},
		{"He spoke on Friday morning.", "on Friday morning", KindTime, "2024-10-18", "2024-10-18"},
		{"The attack began at 9am on Thursday.", "at 9am on Thursday", KindTime, "2024-10-17", "2024-10-17"},
		{"Polls will close at 10 p.m. Tuesday.", "at 10 p.m. Tuesday", KindTime, "2024-10-22", "2024-10-22"},
		{"Polls closed at 10 p.m. Tuesday.", "at 10 p.m. Tuesday", KindTime, "2024-10-15", "2024-10-15"},
		{"The city was quiet over the weekend.", "the weekend", KindDate, "2024-10-12", "2024-10-13"},
		{"The same figure was reported a year earlier.", "a year earlier", KindDate, "2023-01-01", "2023-12-31"},
		{"Sales rose 5% from a year ago.", "a year ago", KindDate, "2023-01-01", "2023-12-31"},
		{"Results are out at the end of the year.", "at the end of the year", KindDate, "2024-01-01", "2024-12-31"},
		{"Prices rose at the start of 2023.", "at the start of 2023", KindDate, "2023-01-01", "2023-12-31"},
		{"It was signed on Christmas Day.", "on Christmas Day", KindDate, "2023-12-25", "2023-12-25"},
		// Ranges.
		{"They were moved on a navy ship between Oct 8 and 13.", "between Oct 8 and 13", KindRange, "2024-10-08", "2024-10-13"},
		{"They were moved between 8 and 13 October.", "between 8 and 13 October", KindRange, "2024-10-08", "2024-10-13"},
		{"Drills ran from May to July.", "from May to July", KindRange, "2024-05-01", "2024-07-31"},
		{"Drills ran May 3-7.", "May 3-7", KindRange, "2024-05-03", "2024-05-07"},
		{"Drills ran 8-13 October.", "8-13 October", KindRange, "2024-10-08", "2024-10-13"},
		{"The data cover 2010-2015.", "2010-2015", KindRange, "2010-01-01", "2015-12-31"},
		{"Shares were bought from Aug. 26 to Oct. 2.", "from Aug. 26 to Oct. 2", KindRange, "2024-08-26", "2024-10-02"},
		{"Shares were bought from Aug. 26 to Oct. 2.", "Aug. 26", KindDate, "2024-08-26", "2024-08-26"},
		{"Sales rose between 2019 and 2021.", "between 2019 and 2021", KindRange, "2019-01-01", "2021-12-31"},
		// Deadlines.
		{"The first 2,600 troops will be sent to Kursk by Nov 1, he claimed.", "by Nov 1", KindDeadline, "2024-11-01", "2024-11-01"},
		{"The law must pass by the end of the year.", "by the end of the year", KindDeadline, "2024-01-01", "2024-12-31"},
		{"The deal should close by Friday.", "by Friday", KindDeadline, "2024-10-18", "2024-10-18"},
		{"Dividends are payable Dec. 15 to holders of record Nov. 17.", "Dec. 15", KindDate, "2024-12-15", "2024-12-15"},
		{"Dividends are payable Dec. 15 to holders of record Nov. 17.", "Nov. 17", KindDate, "2024-11-17", "2024-11-17"},
		{"The offer was extended to Nov. 20.", "Nov. 20", KindDate, "2024-11-20", "2024-11-20"},
		// The lean of the verb, and the weekday that fixes a year.
		{"Society agreed in June to buy the bank.", "in June", KindDate, "2024-06-01", "2024-06-30"},
		{"Closing is expected in January.", "in January", KindDate, "2025-01-01", "2025-01-31"},
		{"Lenders extended the loans through January.", "January", KindDate, "2025-01-01", "2025-01-31"},
		{"The rights expire Nov. 21.", "Nov. 21", KindDate, "2024-11-21", "2024-11-21"},
		{"He was shot last Oct. 23 at home.", "last Oct. 23", KindDate, "2023-10-23", "2023-10-23"},
		{"The editorial ran on Wednesday, Oct. 18, in full.", "on Wednesday, Oct. 18", KindDate, "2023-10-18", "2023-10-18"},
		{"Talks ended in nineteen ninety-six.", "in nineteen ninety-six", KindDate, "1996-01-01", "1996-12-31"},
		{"Prices fell in the 1988 third quarter.", "in the 1988 third quarter", KindDate, "1988-07-01", "1988-09-30"},
		{"Traders squared positions ahead of the weekend.", "the weekend", KindDate, "2024-10-19", "2024-10-20"},
		{"The summit set for Washington in April will be long.", "in April", KindDate, "2025-04-01", "2025-04-30"},
		{"The plant was built in the week of March 4, 2024.", "in the week of March 4, 2024", KindDate, "2024-03-04", "2024-03-10"},
		{"Only Clinton can win in November.", "in November", KindDate, "2024-11-01", "2024-11-30"},
		{"The plan still has to move through a June hearing.", "June", KindDate, "2025-06-01", "2025-06-30"},
		{"The court ruled in February. The judge died four days later.", "four days later", KindDate, "2024-02-01", "2024-02-29"},
		{"Obama revised his withdrawal plans in September.", "in September", KindDate, "2024-09-01", "2024-09-30"},
		// "since X": from the start of X (or of its part) to the reference
		// day; X itself is reported too, as TimeML annotates it.
		{"Fighting has continued since late January.", "since late January", KindRange, "2024-01-21", "2024-10-18"},
		{"Fighting has continued since late January.", "late January", KindDate, "2024-01-01", "2024-01-31"},
		{"It has grown since the middle of February.", "since the middle of February", KindRange, "2024-02-11", "2024-10-18"},
		{"The river has risen since the start of the month.", "since the start of the month", KindRange, "2024-10-01", "2024-10-18"},
		{"Troops have massed there since last autumn.", "since last autumn", KindRange, "2023-09-01", "2024-10-18"},
		{"Nothing has moved since the weekend.", "since the weekend", KindRange, "2024-10-12", "2024-10-18"},
		{"Prices have risen since December.", "since December", KindRange, "2023-12-01", "2024-10-18"},
		{"Prices have risen since 2019.", "since 2019", KindRange, "2019-01-01", "2024-10-18"},
		{"The border has been shut since Monday.", "since Monday", KindRange, "2024-10-14", "2024-10-18"},
		// "later this month": the days after the reference day; "earlier
		// this month" is the month, as TimeBank has it.
		{"A ruling is due later this month.", "later this month", KindRange, "2024-10-19", "2024-10-31"},
		{"A ruling is due later this month.", "this month", KindDate, "2024-10-01", "2024-10-31"},
		{"Elections come later this year.", "later this year", KindRange, "2024-10-19", "2024-12-31"},
		{"Earlier this month, talks failed.", "Earlier this month", KindDate, "2024-10-01", "2024-10-31"},
		{"Earlier this year, talks failed.", "Earlier this year", KindDate, "2024-01-01", "2024-12-31"},
		// "the past week" is the calendar week before, as TimeBank has it;
		// "the past two weeks", "the past few days", "recent days" run to
		// the day before the reference day.
		{"Boats arrived in the past week.", "in the past week", KindDate, "2024-10-07", "2024-10-13"},
		{"Sales grew over the past year.", "the past year", KindDate, "2023-01-01", "2023-12-31"},
		{"Hundreds have crossed in the past few days.", "in the past few days", KindRange, "2024-10-15", "2024-10-17"},
		{"Hundreds have crossed in recent days.", "in recent days", KindRange, "2024-10-15", "2024-10-17"},
		{"Output fell over the past two months.", "the past two months", KindRange, "2024-08-18", "2024-10-17"},
		{"Shelling eased in the last three days of the siege.", "in the last three days", KindDuration, "", ""},
		// Two days in a row are one span, and each day.
		{"Talks were held on Wednesday and Thursday.", "on Wednesday and Thursday", KindRange, "2024-10-16", "2024-10-17"},
		{"Talks were held on Wednesday and Thursday.", "on Wednesday", KindDate, "2024-10-16", "2024-10-16"},
		{"Talks were held on Wednesday and Thursday.", "Thursday", KindDate, "2024-10-17", "2024-10-17"},
		{"Talks were held on Monday and Thursday.", "on Monday", KindDate, "2024-10-14", "2024-10-14"},
		{"Talks were held on Monday and Thursday.", "Thursday", KindDate, "2024-10-17", "2024-10-17"},
		// A length in the perfect runs up to the reference day.
		{"Monitors have been kept away for three weeks.", "for three weeks", KindRange, "2024-09-27", "2024-10-18"},
		{"The port has been closed for ten days.", "for ten days", KindRange, "2024-10-08", "2024-10-18"},
		{"Monitors had been kept away for three weeks.", "for three weeks", KindDuration, "", ""},
		{"The mission said its patrols had been refused entry to the far side for three weeks.", "for three weeks", KindRange, "2024-09-27", "2024-10-18"},
		{"The patrol ship has been at the shoal for three weeks.", "for three weeks", KindRange, "2024-09-27", "2024-10-18"},
		{"The patrol ship was at the shoal for three weeks.", "for three weeks", KindDuration, "", ""},
		{"They have said the talks will last for two weeks.", "for two weeks", KindDuration, "", ""},
		{"He has been in Geneva for the past week.", "for the past week", KindRange, "2024-10-11", "2024-10-18"},
		{"He has been in Geneva for the past two weeks.", "for the past two weeks", KindRange, "2024-10-04", "2024-10-18"},
		// Up to four weeks back, a reader counts the days.
		{"Prices rose two weeks ago.", "two weeks ago", KindDate, "2024-10-04", "2024-10-04"},
		{"It happened a week or so ago.", "a week or so ago", KindDate, "2024-10-11", "2024-10-11"},
		{"Prices rose six weeks ago.", "six weeks ago", KindDate, "2024-09-02", "2024-09-08"},
		{"The court ruled on March 3, 2021. A week later it reversed itself.", "A week later", KindDate, "2021-03-10", "2021-03-10"},
		// A relative clause with a tense of its own is read on its own.
		{"The ministry offered an amnesty to members who hand in their weapons by the end of November.", "by the end of November", KindDeadline, "2024-11-01", "2024-11-30"},
		// "at the end of March" is March, as TimeBank has it.
		{"The talks ended at the end of March.", "at the end of March", KindDate, "2024-03-01", "2024-03-31"},
		// Durations and sets.
		{"The siege lasted for three weeks.", "for three weeks", KindDuration, "", ""},
		{"He served two years in prison.", "two years", KindDuration, "", ""},
		{"It was a 24-hour strike.", "24-hour", KindDuration, "", ""},
		{"About 30,000 troops are lost each month.", "each month", KindSet, "", ""},
		{"Some 30,000 are lost a month.", "a month", KindSet, "", ""},
		{"Patrols run every day.", "every day", KindSet, "", ""},
		{"The market opens on Mondays.", "on Mondays", KindSet, "", ""},
	} {
		ts := find(tc.in, ref)
		ok := false
		for _, got := range ts {
			if got.Text == tc.text {
				ok = got.Kind == tc.kind && got.Start == tc.start && got.End == tc.end
				break
			}
		}
		if !ok {
			t.Errorf("%q: want %q %s %s..%s; got%s", tc.in, tc.text, tc.kind, tc.start, tc.end, show(ts))
		}
	}
}

// TestNotTimes checks words that look like dates but are not.
func TestNotTimes(t *testing.T) {
	for _, in := range []string{
		"About 1,500 troops have arrived.",
		"Theresa May said nothing.",
		"Officials may meet again.",
		"They plan to march on the capital.",
		"The Sunday Times reported it first.",
		"He was a 30-year-old soldier.",
		"The soldier, 30 years old, was killed.",
		"Some 2000 people fled.",
		"He read the Good Friday Agreement.",
		"The bill costs $2024.",
		"Room 1990 was empty.",
		"The score was 10:35 at the break.",
		"Jan Kavan of the Czech Republic and Janos Martonyi signed.",
		"The poster showed Gary Cooper in High Noon.",
		"The case is for today's youth what the blockade was.",
		"Sun, a maker of workstations, gained.",
		"He spoke on ABC's This Week about it.",
		"A USA TODAY poll found it.",
		"At the end of the day, it just became too much.",
		"The fall of Kabul shocked them.",
		"Prices fall in the Arab Spring of discontent.",
	} {
		if ts := find(in, ref); len(ts) > 0 {
			t.Errorf("%q: want no times; got%s", in, show(ts))
		}
	}
}

// TestValues checks TIMEX3 values and granularities.
func TestValues(t *testing.T) {
	for _, tc := range []struct{ in, text, value, gran string }{
		{"It was signed on 18 October 2024.", "on 18 October 2024", "2024-10-18", "day"},
		{"It was signed in June.", "in June", "2024-06", "month"},
		{"It was signed in 2022.", "in 2022", "2022", "year"},
		{"Sales fell in the third quarter.", "in the third quarter", "2024-Q3", "quarter"},
		{"Prices rose last week.", "last week", "2024-W41", "week"},
		{"The city was quiet over the weekend.", "the weekend", "2024-W41-WE", "weekend"},
		{"It grew in the 1990s.", "in the 1990s", "199", "decade"},
		{"The siege lasted for three weeks.", "for three weeks", "P3W", ""},
		{"It took 24 hours.", "24 hours", "PT24H", ""},
		{"Some 30,000 are lost each month.", "each month", "P1M", ""},
		{"Patrols go out every Monday.", "every Monday", "XXXX-WXX-1", ""},
		{"He spoke on Friday morning.", "on Friday morning", "2024-10-18TMO", "time"},
		{"The attack began at 9am on Thursday.", "at 9am on Thursday", "2024-10-17T09:00", "time"},
		{"It is over now.", "now", "PRESENT_REF", "day"},
		{"Fighting resumed in early October.", "in early October", "2024-10", "month"},
		{"It was built in the summer of 2021.", "in the summer of 2021", "2021-SU", "season"},
		{"A ruling is due later this month.", "later this month", "2024-10-19/2024-10-31", "day"},
		{"Prices have risen since June.", "since June", "2024-06-01/2024-10-18", "day"},
	} {
		ts := find(tc.in, ref)
		ok := false
		for _, got := range ts {
			if got.Text == tc.text {
				ok = got.Value == tc.value && got.Granularity == tc.gran
				break
			}
		}
		if !ok {
			t.Errorf("%q: want %q value %s granularity %q; got%s", tc.in, tc.text, tc.value, tc.gran, show(ts))
		}
	}
}

// TestNoReference checks that without a publication day only absolute
// dates are placed on the calendar.
func TestNoReference(t *testing.T) {
	ts := find("On Thursday, 18 October 2024, the troops arrived in June.", time.Time{})
	want := map[string]string{"On Thursday, 18 October 2024": "2024-10-18", "in June": ""}
	for _, got := range ts {
		if w, ok := want[got.Text]; ok {
			if got.Start != w {
				t.Errorf("%q: start %q, want %q", got.Text, got.Start, w)
			}
			delete(want, got.Text)
		}
	}
	if len(want) > 0 {
		t.Errorf("missing %v; got%s", want, show(ts))
	}
}

// TestDateLine checks that a date line in words is found and a numeric
// time stamp line is not.
func TestDateLine(t *testing.T) {
	text := "Troops arrive\n\nLiz Cookman\n\n18 October 2024\n\nBody text follows here."
	if ts := find(text, ref); len(ts) != 1 || ts[0].Text != "18 October 2024" || text[ts[0].Span.Start:ts[0].Span.End] != ts[0].Text {
		t.Errorf("date line: got%s", show(ts))
	}
	stamp := "02/13/1998 14:26:00\n\nTroops arrived on Thursday."
	ts := find(stamp, time.Date(1998, 2, 13, 0, 0, 0, 0, time.UTC))
	if len(ts) != 1 || ts[0].Text != "on Thursday" || ts[0].Start != "1998-02-12" {
		t.Errorf("stamp line: got%s", show(ts))
	}
}

// TestAnaphora checks expressions that lean on what the story said before.
func TestAnaphora(t *testing.T) {
	text := "The company reported a third-quarter loss. In the year-earlier quarter it earned $2m. " +
		"Sales in the quarter fell 5% from a year earlier. The plant shut on March 3, 2021. It reopened the next day."
	want := map[string]string{
		"third-quarter":               "2024-07-01",
		"In the year-earlier quarter": "2023-07-01",
		"in the quarter":              "2024-07-01",
		"a year earlier":              "2023-07-01",
		"the next day":                "2021-03-04",
		"on March 3, 2021":            "2021-03-03",
	}
	for _, got := range find(text, ref) {
		if w, ok := want[got.Text]; ok {
			if got.Start != w {
				t.Errorf("%q: start %s, want %s", got.Text, got.Start, w)
			}
			delete(want, got.Text)
		}
	}
	if len(want) > 0 {
		t.Errorf("missing %v", want)
	}
}

func TestJSON(t *testing.T) {
	in := Time{Span: document.Span{Start: 12, End: 20}, Text: "in June", Kind: KindDate, Start: "2024-06-01", End: "2024-06-30", Value: "2024-06", Granularity: "month"}
	b, err := json.Marshal(in)
	if err != nil {
		t.Fatal(err)
	}
	want := `{"text":"in June","kind":"date","start":"2024-06-01","end":"2024-06-30","value":"2024-06","granularity":"month","span":{"start":12,"end":20}}`
	if string(b) != want {
		t.Errorf("got  %s\nwant %s", b, want)
	}
	var out Time
	if err := json.Unmarshal(b, &out); err != nil || out != in {
		t.Errorf("round trip: %+v, %v", out, err)
	}
}

func TestCalendar(t *testing.T) {
	for _, tc := range []struct{ y, m, d int }{{1970, 1, 1}, {2024, 2, 29}, {2000, 12, 31}, {1900, 3, 1}, {1600, 1, 1}, {2099, 7, 4}} {
		x := mkDay(tc.y, tc.m, tc.d)
		y, m, d := x.ymd()
		if y != tc.y || m != tc.m || d != tc.d {
			t.Errorf("%v: round trip gave %d-%d-%d", tc, y, m, d)
		}
		want := time.Date(tc.y, time.Month(tc.m), tc.d, 0, 0, 0, 0, time.UTC)
		if wd := (int(want.Weekday()) + 6) % 7; x.weekday() != wd {
			t.Errorf("%v: weekday %d, want %d", tc, x.weekday(), wd)
		}
		wy, ww := want.ISOWeek()
		if gy, gw := x.isoWeek(); gy != wy || gw != ww {
			t.Errorf("%v: ISO week %d-W%d, want %d-W%d", tc, gy, gw, wy, ww)
		}
	}
	if e := easter(2024); e != mkDay(2024, 3, 31) {
		y, m, d := e.ymd()
		t.Errorf("Easter 2024: %d-%d-%d", y, m, d)
	}
	if x := nthWeekday(2024, 11, 3, 4); x != mkDay(2024, 11, 28) {
		t.Errorf("Thanksgiving 2024: %v", x)
	}
}

func TestShiftUnit(t *testing.T) {
	for _, tc := range []struct {
		from    day
		u       unit
		n       int
		y, m, d int
	}{
		{mkDay(2024, 1, 31), uMonth, 1, 2024, 2, 29},
		{mkDay(2023, 1, 31), uMonth, 1, 2023, 2, 28},
		{mkDay(2024, 3, 31), uMonth, -1, 2024, 2, 29},
		{mkDay(2024, 10, 18), uMonth, -3, 2024, 7, 18},
		{mkDay(2024, 2, 29), uYear, 1, 2025, 2, 28},
		{mkDay(2024, 10, 18), uQuarter, -1, 2024, 7, 18},
		{mkDay(2024, 12, 15), uMonth, 2, 2025, 2, 15},
	} {
		y, m, d := shiftUnit(tc.from, tc.u, tc.n).ymd()
		if y != tc.y || m != tc.m || d != tc.d {
			t.Errorf("%v %d: got %d-%d-%d, want %d-%d-%d", tc.u, tc.n, y, m, d, tc.y, tc.m, tc.d)
		}
	}
}
