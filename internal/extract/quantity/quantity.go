// Package quantity finds amounts in text and reads them as a careful reader
// would: digits and number words, approximations, ranges and alternatives,
// vague amounts, percentages, money, rates, what is counted, and rhetoric.
//
// It works in two layers. ReadNumber and Numbers read a number as written
// from the tokens ("1,500", "12 000", "1.5m", "three hundred and fifty",
// "half a million", "two thirds", "3rd"), knowing nothing of its sentence.
// Find reads each number in its context and keeps those that are figures:
// it looks left for a currency sign and a hedge ("about", "more than"),
// right for a scale, a unit, a second end ("or 12,000", "-6,000"), a
// postposed hedge ("or so"), the noun phrase it counts and a rate ("each
// month"), and it turns away dates, years, ages, durations, times of day,
// codes and labels. The lexicons it reads are in lexicon.go, each with where
// its knowledge comes from; no regular expression runs.
//
// What counts as a figure, decided by phenomenon:
//   - A count below ten that nothing hedges, bounds or measures ("two
//     officials", "one of them") describes; it is not a figure. It is one
//     when hedged ("at least three people"), measured ("5 feet", "$2") or
//     listed with another count as a tally ("90 lorries and two trains").
//   - A bare number below a hundred with nothing counted ("Being 48 is too
//     early", "turns 18") is an age or a rank unless it continues a count:
//     an amount in its sentence or the one before ("down from 71"), or a
//     count noun before it ("put the number at 62").
//   - Fractions ("two thirds of voters", "half of them") are read by
//     ReadNumber but are not figures for Find: "half" is mostly not one.
//   - A range or alternatives is one Quantity: Value is the first end, Low
//     and High the span, Alternatives the values of "10,000 or 12,000".
//   - Rhetoric is an indefinite round power of ten ("a million", "a
//     thousand") in an idiom ("a thousand times") or in a quotation that
//     points at what is in view ("There's a million of them here") or
//     exclaims; the amount keeps its value and is flagged.
package quantity

import (
	"github.com/crosscheck-dev/crosscheck/internal/document"
	"github.com/crosscheck-dev/crosscheck/internal/extract/segment"
)

// Quantity is one amount found in a document. Offsets are byte offsets into
// the text given to Find (the extractor turns them into character offsets in
// its output).
type Quantity struct {
	document.Span
	Text string `json:"text"`
	// Value is the amount as a number; nil for a vague amount with no value
	// ("dozens"). For a range it is the low end; for alternatives the first.
	Value *float64 `json:"value"`
	// Low and High bound the amount: a range ("between 4,000 and 6,000"),
	// alternatives ("10,000 or 12,000"), a bound ("more than 500": Low 500),
	// a vague amount ("dozens": Low 24).
	Low  *float64 `json:"low,omitempty"`
	High *float64 `json:"high,omitempty"`
	// Approx is set by hedges such as "around", "about", "some", "or so",
	// "nearly", "roughly".
	Approx bool `json:"approx,omitempty"`
	// Bound says which way an inexact amount leans: "min" for "at least",
	// "more than"; "max" for "up to", "fewer than"; empty otherwise.
	Bound string `json:"bound,omitempty"`
	Vague bool   `json:"vague,omitempty"`
	// Alternatives lists every value of "10,000 or 12,000", in order.
	Alternatives []float64 `json:"alternatives,omitempty"`
	// Unit is "percent", an ISO 4217 currency code ("USD", "GBP"), or a unit
	// of measure ("km", "tonnes"); empty for a plain count.
	Unit string `json:"unit,omitempty"`
	// What is counted, as written ("North Korean troops"), including a head
	// carried over from the sentence before ("with 12,000 expected").
	What     string         `json:"what,omitempty"`
	WhatSpan *document.Span `json:"what_span,omitempty"`
	// Rate is the period of a rate ("a month", "each day"): "day", "week",
	// "month", "year".
	Rate string `json:"rate,omitempty"`
	// Rhetorical marks an amount used for effect, not as an estimate
	// ("There's a million of them here").
	Rhetorical bool `json:"rhetorical,omitempty"`
}

// Find returns the quantities of d. skip lists byte spans already read as
// something else (times), whose numbers are not quantities.
//
// Years, days of the month, ordinals, ages, durations, times of day, phone
// numbers and identifiers are not quantities; nor are the small counts and
// bare numbers the package comment describes. Metadata lines (the
// document's header) are not read. Quantities come in text order.
func Find(d *segment.Doc, skip []document.Span) []Quantity {
	f := finder{d: d, text: d.Text, toks: d.Tokens}
	return f.find(skip)
}
