// Package extract runs the extraction pipeline over one document: it
// segments the text, finds times, quantities and places, attributes claims
// to their sources, and assembles a Result in the JSON contract of
// ../shared/eval/FORMAT.md.
//
// The stages live in the sub-packages, one each, with typed inputs and
// outputs: token -> segment -> when, quantity, where -> attrib.
package extract

import (
	"time"
	"unicode/utf8"

	"github.com/crosscheck-dev/crosscheck/internal/document"
	"github.com/crosscheck-dev/crosscheck/internal/extract/attrib"
	"github.com/crosscheck-dev/crosscheck/internal/extract/quantity"
	"github.com/crosscheck-dev/crosscheck/internal/extract/segment"
	"github.com/crosscheck-dev/crosscheck/internal/extract/when"
	"github.com/crosscheck-dev/crosscheck/internal/extract/where"
)

// Options tune one run.
type Options struct {
	// Published, when not zero, replaces the document's publication day as
	// the day relative dates are read against.
	Published time.Time
}

// Run extracts everything from doc.
func Run(doc *document.Document, opt Options) *Result {
	ref := doc.Published
	if !opt.Published.IsZero() {
		ref = opt.Published
	}
	seg := segment.New(doc.Text, doc.Header)
	times := when.Find(seg, ref)
	timeSpans := make([]document.Span, len(times))
	for i, t := range times {
		timeSpans[i] = t.Span
	}
	quantities := quantity.Find(seg, timeSpans)
	places, demonyms := where.Find(seg)

	in := attrib.Input{Publisher: doc.Publisher, Times: timeSpans}
	for _, p := range places {
		in.Places = append(in.Places, attrib.Located{Span: p.Span, Country: p.Country, City: p.Kind == where.KindCity})
	}
	for _, d := range demonyms {
		in.Demonyms = append(in.Demonyms, attrib.Located{Span: d.Span, Country: d.Country})
	}
	found := attrib.Find(seg, in)

	r := &Result{
		Document:   meta(doc, ref),
		Text:       doc.Text,
		Sources:    make([]Source, 0, len(found.Sources)),
		Claims:     make([]Claim, 0, len(found.Claims)),
		Notes:      make([]Note, 0, len(found.Notes)),
		Quantities: orEmpty(quantities),
		Times:      orEmpty(times),
		Places:     orEmpty(places),
		Demonyms:   demonyms,
	}
	for i, s := range found.Sources {
		r.Sources = append(r.Sources, Source{ID: sourceID(i), Name: s.Name, Kind: s.Kind, Role: s.Role,
			Country: s.Country, Acronym: s.Acronym, Aliases: s.Aliases, Mentions: s.Mentions, Plural: s.Plural})
	}
	for i, c := range found.Claims {
		src := found.Sources[c.Source]
		out := Claim{
			ID:      claimID(i),
			Speaker: Speaker{Name: src.Name, Mention: c.MentionText, Source: sourceID(c.Source), Kind: src.Kind, Role: src.Role, Span: c.Mention},
			Cue:     c.Cue,
			Mode:    c.Mode,
			Kind:    c.Kind,
			Content: c.ContentText(doc.Text),
			Stance:  c.Stance,
			Hedges:  c.Hedges,
		}
		if c.CueSpan != (document.Span{}) {
			cs := c.CueSpan
			out.CueSpan = &cs
		}
		if len(c.Content) > 0 {
			out.ContentSpan = document.Span{Start: c.Content[0].Start, End: c.Content[len(c.Content)-1].End}
			if len(c.Content) > 1 {
				out.Parts = append([]document.Span(nil), c.Content...)
			}
		}
		out.Quantities = within(quantities, c.Content, func(q quantity.Quantity) document.Span { return q.Span })
		out.Times = within(times, c.Content, func(t when.Time) document.Span { return t.Span })
		out.Places = within(places, c.Content, func(p where.Place) document.Span { return p.Span })
		out.Said = saidOn(seg, times, c)
		r.Claims = append(r.Claims, out)
	}
	for _, n := range found.Notes {
		r.Notes = append(r.Notes, Note{Kind: n.Kind, By: n.By, Cue: n.Cue, Content: doc.Text[n.Content.Start:n.Content.End], Span: n.Content, Status: n.Status})
	}
	r.toCharOffsets()
	return r
}

func meta(doc *document.Document, ref time.Time) Meta {
	m := Meta{Title: doc.Title, Standfirst: doc.Standfirst, Publisher: doc.Publisher, Authors: doc.Authors,
		URL: doc.URL, Origin: doc.Origin, Format: doc.Format, Hash: doc.Hash}
	if m.Authors == nil {
		m.Authors = []string{}
	}
	if !ref.IsZero() {
		m.Published = ref.Format(time.DateOnly)
	}
	return m
}

func orEmpty[T any](xs []T) []T {
	if xs == nil {
		return []T{}
	}
	return xs
}

func sourceID(i int) string { return "s" + itoa(i+1) }
func claimID(i int) string  { return "c" + itoa(i+1) }

func itoa(i int) string {
	var b [20]byte
	n := len(b)
	for {
		n--
		b[n] = byte('0' + i%10)
		i /= 10
		if i == 0 {
			return string(b[n:])
		}
	}
}

// within returns the items whose span lies inside one of the parts.
func within[T any](items []T, parts []document.Span, span func(T) document.Span) []T {
	out := []T{}
	for _, it := range items {
		s := span(it)
		for _, p := range parts {
			if p.Start <= s.Start && s.End <= p.End {
				out = append(out, it)
				break
			}
		}
	}
	return out
}

// saidOn returns the day a claim was made when its sentence says so outside
// the content ("added on Thursday, saying ..."), as an ISO day.
func saidOn(seg *segment.Doc, times []when.Time, c attrib.Claim) string {
	s := seg.Sentences[c.Sentence]
	from, to := seg.Tokens[s.From].Start, seg.Tokens[s.To-1].End
	for _, t := range times {
		// Only a single day dates the statement: "earlier this month" says
		// too little to place it among others.
		if t.Start == "" || t.Start != t.End || t.Span.Start < from || t.Span.End > to || t.Kind == when.KindDuration || t.Kind == when.KindSet {
			continue
		}
		inside := false
		for _, p := range c.Content {
			if p.Start <= t.Span.Start && t.Span.End <= p.End {
				inside = true
			}
		}
		if !inside {
			return t.Start
		}
	}
	return ""
}

// toCharOffsets rewrites every span of r from byte to character offsets.
func (r *Result) toCharOffsets() {
	conv := charOffsets(r.Text)
	fix := func(s *document.Span) {
		s.Start, s.End = conv(s.Start), conv(s.End)
	}
	for i := range r.Sources {
		for j := range r.Sources[i].Mentions {
			fix(&r.Sources[i].Mentions[j])
		}
	}
	fixQ := func(qs []quantity.Quantity) {
		for i := range qs {
			fix(&qs[i].Span)
			if qs[i].WhatSpan != nil {
				ws := *qs[i].WhatSpan
				fix(&ws)
				qs[i].WhatSpan = &ws
			}
		}
	}
	fixT := func(ts []when.Time) {
		for i := range ts {
			fix(&ts[i].Span)
		}
	}
	fixP := func(ps []where.Place) {
		for i := range ps {
			fix(&ps[i].Span)
		}
	}
	for i := range r.Claims {
		c := &r.Claims[i]
		fix(&c.Speaker.Span)
		if c.CueSpan != nil {
			fix(c.CueSpan)
		}
		fix(&c.ContentSpan)
		for j := range c.Parts {
			fix(&c.Parts[j])
		}
		c.Quantities = append([]quantity.Quantity(nil), c.Quantities...)
		c.Times = append([]when.Time(nil), c.Times...)
		c.Places = append([]where.Place(nil), c.Places...)
		fixQ(c.Quantities)
		fixT(c.Times)
		fixP(c.Places)
		c.Quantities, c.Times, c.Places = orEmpty(c.Quantities), orEmpty(c.Times), orEmpty(c.Places)
	}
	for i := range r.Notes {
		fix(&r.Notes[i].Span)
	}
	fixQ(r.Quantities)
	fixT(r.Times)
	fixP(r.Places)
	for i := range r.Demonyms {
		fix(&r.Demonyms[i].Span)
	}
}

// charOffsets returns a function from byte offsets of s to character
// offsets; for ASCII text it is the identity.
func charOffsets(s string) func(int) int {
	ascii := true
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			ascii = false
			break
		}
	}
	if ascii {
		return func(b int) int { return b }
	}
	idx := make([]int32, len(s)+1)
	n := int32(0)
	for i := 0; i < len(s); {
		_, size := utf8.DecodeRuneInString(s[i:])
		for k := 0; k < size; k++ {
			idx[i+k] = n
		}
		i += size
		n++
	}
	idx[len(s)] = n
	return func(b int) int {
		if b < 0 || b > len(s) {
			return int(n)
		}
		return int(idx[b])
	}
}
