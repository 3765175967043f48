package main

import (
	"encoding/json"
	"fmt"
	"strings"
	"time"

	"github.com/crosscheck-dev/crosscheck/internal/extract/segment"
	"github.com/crosscheck-dev/crosscheck/internal/extract/when"
)

// The date reader's suites: the DateTime model spec files, whose results
// carry resolved values (Resolution.values). A case is right when every
// expected expression is found by when.Find (the same text, give or take a
// leading preposition such as "on" or "in", which crosscheck keeps) with
// the expected value, and, for a case that expects nothing, when nothing is
// found. Extra expressions found beside the expected ones are not counted
// against a case: the specs leave out many that news needs (durations
// inside date ranges, for one).
func init() {
	for _, f := range []string{"DateTimeModel.json", "DateTimeModelCalendarMode.json", "DateTimeModelComplexCalendar.json",
		"DateTimeModelExperimentalMode.json", "DateTimeModelExtendedTypes.json", "DateTimeModelSplitDateAndTime.json",
		"DateTimeModelTasksMode.json"} {
		register(Suite{File: "DateTime/English/" + f, Check: checkDates})
	}
}

// dateResolution is the Resolution of a DateTime model result: one value,
// or two when the expression is ambiguous (a past and a future reading).
type dateResolution struct {
	Values []dateValue `json:"values"`
}

// dateValue is one reading: a TIMEX3 value and, by type, a value ("date",
// "datetime", "time", "duration" in seconds) or a start and an exclusive
// end ("daterange", "datetimerange", "timerange").
type dateValue struct {
	Timex string `json:"timex"`
	Type  string `json:"type"`
	Value string `json:"value"`
	Start string `json:"start"`
	End   string `json:"end"`
}

// checkDates scores one case of a DateTime model spec file.
func checkDates(c Case) (bool, string) {
	var ref time.Time
	if r := c.Context.ReferenceDateTime; r != "" {
		if t, err := time.Parse("2006-01-02T15:04:05", r); err == nil {
			ref = t
		}
	}
	ts := when.Find(segment.New(c.Input, nil), ref)
	got := dateRender(ts)
	if len(c.Results) == 0 {
		return len(ts) == 0, got
	}
	for _, r := range c.Results {
		var res dateResolution
		if err := json.Unmarshal(r.Resolution, &res); err != nil || len(res.Values) == 0 {
			return false, got
		}
		ok := false
		for _, t := range ts {
			if dateSameText(t.Text, r.Text) && dateValueOK(t, res.Values) {
				ok = true
				break
			}
		}
		if !ok {
			return false, got
		}
	}
	return true, got
}

// dateRender lists what Find returned, for a miss report.
func dateRender(ts []when.Time) string {
	parts := make([]string, len(ts))
	for i, t := range ts {
		parts[i] = fmt.Sprintf("%q %s %s..%s %s", t.Text, t.Kind, t.Start, t.End, t.Value)
	}
	return "[" + strings.Join(parts, ", ") + "]"
}

// datePreps are the words crosscheck keeps at the head of an expression
// and the specs mostly leave out.
var datePreps = []string{"on ", "in ", "at ", "by ", "for ", "during "}

// dateSameText compares a found text with an expected one, ignoring case,
// spacing, a leading preposition and "the".
func dateSameText(got, want string) bool {
	g := dateTrim(strings.Join(strings.Fields(strings.ToLower(got)), " "))
	w := dateTrim(strings.Join(strings.Fields(strings.ToLower(want)), " "))
	return g == w
}

func dateTrim(s string) string {
	for _, p := range datePreps {
		s = strings.TrimPrefix(s, p)
	}
	return strings.TrimPrefix(s, "the ")
}

// dateValueOK reports whether t resolves to one of the expected readings.
func dateValueOK(t when.Time, vs []dateValue) bool {
	for _, v := range vs {
		if v.Timex != "" && t.Value == v.Timex {
			return true
		}
		switch v.Type {
		case "date":
			if t.Start == v.Value && t.End == v.Value {
				return true
			}
		case "daterange":
			// The specs' end is exclusive for periods ("next week" ends
			// on the Monday after) but is the day written for ranges of
			// days ("January 12 - 22"): either is taken.
			if (v.Start == "" || t.Start == v.Start) && (v.End == "" || t.End == dayBefore(v.End) || t.End == v.End) && (v.Start != "" || v.End != "") {
				return true
			}
		case "datetime":
			// "2016-11-07 10:00:00": the day, and the time when one is
			// written ("now" is the reference day).
			day, clock, _ := strings.Cut(v.Value, " ")
			if t.Start == day && t.End == day && (v.Timex == "PRESENT_REF" || strings.HasSuffix(t.Value, "T"+strings.TrimSuffix(clock, ":00"))) {
				return true
			}
		case "time":
			if _, clock, ok := strings.Cut(t.Value, "T"); ok && strings.TrimSuffix(v.Value, ":00") == clock {
				return true
			}
		}
	}
	return false
}

// dayBefore turns the specs' exclusive end day into crosscheck's inclusive
// one.
func dayBefore(iso string) string {
	t, err := time.Parse("2006-01-02", strings.Fields(iso + " ")[0])
	if err != nil {
		return ""
	}
	return t.AddDate(0, 0, -1).Format("2006-01-02")
}
