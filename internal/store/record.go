package store

import (
	"fmt"
	"reflect"
	"time"
	"unicode/utf8"

	"github.com/crosscheck-dev/crosscheck/internal/document"
	"github.com/crosscheck-dev/crosscheck/internal/extract"
	"github.com/crosscheck-dev/crosscheck/internal/extract/quantity"
	"github.com/crosscheck-dev/crosscheck/internal/extract/when"
	"github.com/crosscheck-dev/crosscheck/internal/extract/where"
)

// Record is a document and its extraction laid out as the rows a backend
// writes: every list flat, and claims pointing at sources and at their
// quantities, times and places by index. NewRecord builds it from what the
// extractor gives; a backend reading a document back fills one in and calls
// Assemble. Keeping both directions here means every backend stores exactly
// the same thing.
type Record struct {
	Document document.Document
	// Chars is the length of the text in characters: the bound of every
	// span in the extraction.
	Chars   int
	Sources []SourceRecord
	Claims  []ClaimRecord
	Notes   []extract.Note
	// Quantities, Times and Places hold first the document's own lists
	// (the first QuantitiesListed... of them), then the items found only
	// inside a claim, so that nothing a claim carries is lost and the
	// document's lists come back as they were given.
	Quantities       []quantity.Quantity
	QuantitiesListed int
	Times            []when.Time
	TimesListed      int
	Places           []where.Place
	PlacesListed     int
	Demonyms         []where.Demonym
}

// SourceRecord is one source of the document.
type SourceRecord struct {
	extract.Source
	// Key is Fold(Name): sources with the same key and kind are one source
	// across documents unless the user says otherwise.
	Key string
}

// ClaimRecord is one claim of the document, without its items, which are
// referred to by index instead.
type ClaimRecord struct {
	// Claim has nil Quantities, Times and Places.
	extract.Claim
	// Source indexes Record.Sources; -1 when the speaker names no source.
	Source int
	// SpeakerKey is Fold(name) + "\n" + Fold(mention), what the Speaker
	// filter searches.
	SpeakerKey string
	// Day is the ISO day the claim is dated by: Said when it is a day, else
	// the document's publication day, else "".
	Day string
	// QuantityRefs, TimeRefs and PlaceRefs index Record.Quantities, Times
	// and Places.
	QuantityRefs, TimeRefs, PlaceRefs []int
}

// NewRecord checks doc and res and lays them out as rows. res may be nil.
// It fails with ErrInvalid when the document has no text or invalid UTF-8,
// when its Hash is not the SHA-256 of its text (an empty Hash is computed),
// when res belongs to another text, when a span lies outside the text, or
// when local ids are missing, repeated, or refer to nothing.
func NewRecord(doc *document.Document, res *extract.Result) (*Record, error) {
	if doc == nil {
		return nil, fmt.Errorf("no document: %w", ErrInvalid)
	}
	if doc.Text == "" {
		return nil, fmt.Errorf("document %s: %w: it has no text", doc.Origin, ErrInvalid)
	}
	if !utf8.ValidString(doc.Text) {
		return nil, fmt.Errorf("document %s: %w: its text is not valid UTF-8 (call Document.Finish first)", doc.Origin, ErrInvalid)
	}
	rec := &Record{Document: *doc}
	d := &rec.Document
	// Copy what the caller may change later.
	d.Authors = append([]string(nil), doc.Authors...)
	d.Header = append([]document.Span(nil), doc.Header...)
	if h := document.Hash(d.Text); d.Hash == "" {
		d.Hash = h
	} else if d.Hash != h {
		return nil, fmt.Errorf("document %s: %w: its hash is not the SHA-256 of its text (call Document.Finish after changing the text)", doc.Origin, ErrInvalid)
	}
	if !d.Published.IsZero() {
		y, m, day := d.Published.UTC().Date()
		d.Published = time.Date(y, m, day, 0, 0, 0, 0, time.UTC)
	}
	for _, sp := range d.Header {
		if sp.Start < 0 || sp.Start > sp.End || sp.End > len(d.Text) {
			return nil, fmt.Errorf("document %s: %w: header span [%d,%d) outside its %d bytes", doc.Origin, ErrInvalid, sp.Start, sp.End, len(d.Text))
		}
	}
	rec.Chars = utf8.RuneCountInString(d.Text)
	if res == nil {
		return rec, nil
	}
	if res.Text != "" && res.Text != d.Text {
		return nil, fmt.Errorf("document %s: %w: the extraction was made from another text", doc.Origin, ErrInvalid)
	}
	if res.Document.Hash != "" && res.Document.Hash != d.Hash {
		return nil, fmt.Errorf("document %s: %w: the extraction carries another document's hash", doc.Origin, ErrInvalid)
	}
	b := builder{rec: rec, origin: doc.Origin}
	if err := b.build(res); err != nil {
		return nil, err
	}
	return rec, nil
}

type builder struct {
	rec    *Record
	origin string
}

func (b *builder) errorf(format string, args ...any) error {
	return fmt.Errorf("document %s: %w: %s", b.origin, ErrInvalid, fmt.Sprintf(format, args...))
}

func (b *builder) span(what string, sp document.Span) error {
	if sp.Start < 0 || sp.Start > sp.End || sp.End > b.rec.Chars {
		return b.errorf("%s span [%d,%d) outside the text of %d characters", what, sp.Start, sp.End, b.rec.Chars)
	}
	return nil
}

func (b *builder) build(res *extract.Result) error {
	rec := b.rec
	sourceIndex := make(map[string]int, len(res.Sources))
	nameIndex := make(map[string]int, len(res.Sources))
	for i, s := range res.Sources {
		if s.ID == "" {
			return b.errorf("source %d (%q) has no id", i, s.Name)
		}
		if _, dup := sourceIndex[s.ID]; dup {
			return b.errorf("source id %q is used twice", s.ID)
		}
		sourceIndex[s.ID] = i
		if _, seen := nameIndex[s.Name]; !seen {
			nameIndex[s.Name] = i
		}
		for _, m := range s.Mentions {
			if err := b.span("source "+s.ID+" mention", m); err != nil {
				return err
			}
		}
		s.Aliases = append([]string(nil), s.Aliases...)
		s.Mentions = append([]document.Span(nil), s.Mentions...)
		rec.Sources = append(rec.Sources, SourceRecord{Source: s, Key: Fold(s.Name)})
	}

	for _, q := range res.Quantities {
		if err := b.quantity(q); err != nil {
			return err
		}
		rec.Quantities = append(rec.Quantities, cloneQuantity(q))
	}
	rec.QuantitiesListed = len(rec.Quantities)
	for _, t := range res.Times {
		if err := b.span("time "+t.Text, t.Span); err != nil {
			return err
		}
		rec.Times = append(rec.Times, t)
	}
	rec.TimesListed = len(rec.Times)
	for _, p := range res.Places {
		if err := b.span("place "+p.Text, p.Span); err != nil {
			return err
		}
		rec.Places = append(rec.Places, p)
	}
	rec.PlacesListed = len(rec.Places)
	for _, n := range res.Notes {
		if err := b.span("note", n.Span); err != nil {
			return err
		}
		rec.Notes = append(rec.Notes, n)
	}
	for _, dm := range res.Demonyms {
		if err := b.span("demonym "+dm.Text, dm.Span); err != nil {
			return err
		}
		rec.Demonyms = append(rec.Demonyms, dm)
	}

	published := Day(rec.Document.Published)
	claimIDs := make(map[string]bool, len(res.Claims))
	for i, c := range res.Claims {
		if c.ID == "" {
			return b.errorf("claim %d has no id", i)
		}
		if claimIDs[c.ID] {
			return b.errorf("claim id %q is used twice", c.ID)
		}
		claimIDs[c.ID] = true
		what := "claim " + c.ID
		if err := b.span(what+" content", c.ContentSpan); err != nil {
			return err
		}
		if err := b.span(what+" speaker", c.Speaker.Span); err != nil {
			return err
		}
		if c.CueSpan != nil {
			if err := b.span(what+" cue", *c.CueSpan); err != nil {
				return err
			}
			sp := *c.CueSpan
			c.CueSpan = &sp
		}
		cr := ClaimRecord{Source: -1}
		switch idx, ok := sourceIndex[c.Speaker.Source]; {
		case ok:
			cr.Source = idx
		case c.Speaker.Source != "":
			return b.errorf("%s names source %q, which the result does not hold", what, c.Speaker.Source)
		default:
			// An extractor that left the link out still named the
			// speaker; the canonical name is enough to find it.
			if idx, ok := nameIndex[c.Speaker.Name]; ok && c.Speaker.Name != "" {
				cr.Source = idx
			}
		}
		for _, q := range c.Quantities {
			if err := b.quantity(q); err != nil {
				return fmt.Errorf("%s: %w", what, err)
			}
			cr.QuantityRefs = append(cr.QuantityRefs, refer(&rec.Quantities, q, cloneQuantity))
		}
		for _, t := range c.Times {
			if err := b.span(what+" time "+t.Text, t.Span); err != nil {
				return err
			}
			cr.TimeRefs = append(cr.TimeRefs, refer(&rec.Times, t, nil))
		}
		for _, p := range c.Places {
			if err := b.span(what+" place "+p.Text, p.Span); err != nil {
				return err
			}
			cr.PlaceRefs = append(cr.PlaceRefs, refer(&rec.Places, p, nil))
		}
		c.Quantities, c.Times, c.Places = nil, nil, nil
		c.Hedges = append([]string(nil), c.Hedges...)
		cr.Claim = c
		cr.SpeakerKey = Fold(c.Speaker.Name) + "\n" + Fold(c.Speaker.Mention)
		cr.Day = published
		if !ParseDay(c.Said).IsZero() {
			cr.Day = c.Said
		}
		rec.Claims = append(rec.Claims, cr)
	}
	return nil
}

func (b *builder) quantity(q quantity.Quantity) error {
	if err := b.span("quantity "+q.Text, q.Span); err != nil {
		return err
	}
	if q.WhatSpan != nil {
		return b.span("quantity "+q.Text+" what", *q.WhatSpan)
	}
	return nil
}

// refer returns the index of the first item in *list identical to item (a
// claim's copy of one of the document's items, or of an item another claim
// holds), else appends item as one found only in claims. Claims hold a few items each, so a
// linear scan over a document's items costs less than hashing them.
func refer[T any](list *[]T, item T, clone func(T) T) int {
	for i := range *list {
		if reflect.DeepEqual((*list)[i], item) {
			return i
		}
	}
	if clone != nil {
		item = clone(item)
	}
	*list = append(*list, item)
	return len(*list) - 1
}

func cloneQuantity(q quantity.Quantity) quantity.Quantity {
	clone := func(p *float64) *float64 {
		if p == nil {
			return nil
		}
		v := *p
		return &v
	}
	q.Value, q.Low, q.High = clone(q.Value), clone(q.Low), clone(q.High)
	q.Alternatives = append([]float64(nil), q.Alternatives...)
	if q.WhatSpan != nil {
		sp := *q.WhatSpan
		q.WhatSpan = &sp
	}
	return q
}

// Meta is the extract.Meta of a stored document.
func Meta(d *document.Document) extract.Meta {
	return extract.Meta{
		Title:      d.Title,
		Standfirst: d.Standfirst,
		Published:  Day(d.Published),
		Publisher:  d.Publisher,
		Authors:    append([]string{}, d.Authors...),
		URL:        d.URL,
		Origin:     d.Origin,
		Format:     d.Format,
		Hash:       d.Hash,
	}
}

// Assemble rebuilds the extraction a Record was made from. The lists the
// JSON contract always shows (sources, claims, notes, items) come back
// empty rather than nil.
func Assemble(rec *Record) *extract.Result {
	res := &extract.Result{
		Document:   Meta(&rec.Document),
		Text:       rec.Document.Text,
		Sources:    make([]extract.Source, 0, len(rec.Sources)),
		Claims:     make([]extract.Claim, 0, len(rec.Claims)),
		Notes:      append([]extract.Note{}, rec.Notes...),
		Quantities: append([]quantity.Quantity{}, rec.Quantities[:rec.QuantitiesListed]...),
		Times:      append([]when.Time{}, rec.Times[:rec.TimesListed]...),
		Places:     append([]where.Place{}, rec.Places[:rec.PlacesListed]...),
	}
	if len(rec.Demonyms) > 0 {
		res.Demonyms = append([]where.Demonym(nil), rec.Demonyms...)
	}
	for _, s := range rec.Sources {
		res.Sources = append(res.Sources, s.Source)
	}
	for _, cr := range rec.Claims {
		c := cr.Claim
		c.Quantities = make([]quantity.Quantity, 0, len(cr.QuantityRefs))
		for _, i := range cr.QuantityRefs {
			c.Quantities = append(c.Quantities, rec.Quantities[i])
		}
		c.Times = make([]when.Time, 0, len(cr.TimeRefs))
		for _, i := range cr.TimeRefs {
			c.Times = append(c.Times, rec.Times[i])
		}
		c.Places = make([]where.Place, 0, len(cr.PlaceRefs))
		for _, i := range cr.PlaceRefs {
			c.Places = append(c.Places, rec.Places[i])
		}
		res.Claims = append(res.Claims, c)
	}
	return res
}
