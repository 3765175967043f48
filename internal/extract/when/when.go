// Package when finds temporal expressions and resolves them to calendar
// spans against a reference day (the publication date), reading them as a
// reader of a news article would.
package when

import (
	"time"

	"github.com/crosscheck-dev/crosscheck/internal/document"
	"github.com/crosscheck-dev/crosscheck/internal/extract/segment"
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

// Time is one temporal expression. Offsets are byte offsets into the text.
type Time struct {
	document.Span
	Text string `json:"text"`
	Kind string `json:"kind"`
	// Start and End are ISO days (inclusive), empty for durations and sets
	// and when the expression cannot be placed on the calendar.
	Start string `json:"start,omitempty"`
	End   string `json:"end,omitempty"`
	// Value is a TIMEX3-style value: "2024-10-17", "2024-10", "2024-W42",
	// "P3W", "P1M" (for a set, with Kind "set"), "2024-10-18T09:00".
	Value string `json:"value,omitempty"`
	// Granularity of Start..End: day, week, month, quarter, year, decade.
	Granularity string `json:"granularity,omitempty"`
}

// Find returns the temporal expressions of d resolved against ref, the
// publication day (zero when unknown: then only absolute dates resolve).
func Find(d *segment.Doc, ref time.Time) []Time {
	return nil // being written
}
