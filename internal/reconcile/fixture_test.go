package reconcile

import (
	"strings"
	"unicode/utf8"

	"github.com/crosscheck-dev/crosscheck/internal/document"
	"github.com/crosscheck-dev/crosscheck/internal/extract"
	"github.com/crosscheck-dev/crosscheck/internal/extract/quantity"
	"github.com/crosscheck-dev/crosscheck/internal/extract/when"
	"github.com/crosscheck-dev/crosscheck/internal/extract/where"
	"github.com/crosscheck-dev/crosscheck/internal/store"
)

// input builds a store.ReconcileInput by hand, as a store would give it:
// each new canonical name of a kind gets its own entity, as ingesting
// does.
type input struct {
	in       store.ReconcileInput
	next     int64
	entities map[string]int64
	// pos is where the next claim's content starts in its document's
	// (imaginary) text, so that spans do not overlap.
	pos map[int64]int
}

func newInput() *input {
	return &input{next: 1, entities: map[string]int64{}, pos: map[int64]int{}}
}

func (b *input) id() int64 { b.next++; return b.next - 1 }

func (b *input) doc(title, published string) int64 {
	id := b.id()
	b.in.Documents = append(b.in.Documents, store.ReconcileDocument{ID: id, Title: title, Publisher: "The Test",
		Published: store.ParseDay(published)})
	return id
}

// source adds a source to a document; kind is extract's ("person",
// "organisation", "anonymous"...).
func (b *input) source(doc int64, name, kind, role string) int64 {
	key := kind + "\x00" + store.Fold(name)
	e, ok := b.entities[key]
	if !ok {
		e = b.id()
		b.entities[key] = e
		b.in.Entities = append(b.in.Entities, store.ReconcileEntity{ID: e, Name: name, Kind: kind, Reliability: "F"})
	}
	id := b.id()
	b.in.Sources = append(b.in.Sources, store.ReconcileSource{ID: id, DocumentID: doc, Name: name, Kind: kind,
		Role: role, EntityID: e})
	return id
}

// fig is a figure of a claim: its text as written in the content, and how
// the extractor read it.
type fig struct {
	text       string
	value      float64
	low, high  float64
	what, rate string
	approx     bool
	bound      string
	rhetorical bool
}

// claim adds a claim by a source (0 for none) with its figures, times and
// places found in the content by their text.
func (b *input) claim(doc, source int64, content, stance, said string, figs []fig, times []when.Time, places []where.Place) int64 {
	id := b.id()
	start := b.pos[doc]
	b.pos[doc] = start + utf8.RuneCountInString(content) + 2
	c := store.ReconcileClaim{ID: id, DocumentID: doc, Ord: len(b.in.Claims), LocalID: "c", SourceID: source,
		Cue: "said", Mode: extract.ModeIndirect, Kind: "speech", Stance: stance, Content: content,
		ContentSpan: document.Span{Start: start, End: start + utf8.RuneCountInString(content)}, Said: store.ParseDay(said)}
	for _, s := range b.in.Sources {
		if s.ID == source {
			c.SpeakerName, c.SpeakerKind, c.SpeakerRole = s.Name, s.Kind, s.Role
		}
	}
	for _, d := range b.in.Documents {
		if d.ID == doc {
			c.Day = d.Published
		}
	}
	if !c.Said.IsZero() {
		c.Day = c.Said
	}
	at := func(text string) document.Span {
		i := strings.Index(content, text)
		if i < 0 {
			panic("fixture: content lacks " + text)
		}
		s := start + utf8.RuneCountInString(content[:i])
		return document.Span{Start: s, End: s + utf8.RuneCountInString(text)}
	}
	for _, f := range figs {
		q := quantity.Quantity{Span: at(f.text), Text: f.text, What: f.what, Rate: f.rate, Approx: f.approx,
			Bound: f.bound, Rhetorical: f.rhetorical}
		if f.value != 0 {
			v := f.value
			q.Value = &v
		}
		if f.low != 0 || f.high != 0 {
			lo, hi := f.low, f.high
			q.Low, q.High = &lo, &hi
			if q.Value == nil {
				q.Value = &lo
			}
		}
		switch f.bound {
		case "min":
			q.Low = q.Value
		case "max":
			q.High = q.Value
		}
		c.Quantities = append(c.Quantities, store.ReconcileQuantity{ID: b.id(), Quantity: q})
	}
	for _, t := range times {
		t.Span = at(t.Text)
		c.Times = append(c.Times, t)
	}
	for _, p := range places {
		p.Span = at(p.Text)
		c.Places = append(c.Places, p)
	}
	b.in.Claims = append(b.in.Claims, c)
	return id
}

func day(text, iso string) when.Time {
	return when.Time{Text: text, Kind: when.KindDate, Start: iso, End: iso, Value: iso, Granularity: "day"}
}

func deadline(text, iso string) when.Time {
	return when.Time{Text: text, Kind: when.KindDeadline, Start: iso, End: iso, Value: iso, Granularity: "day"}
}

func place(text, name, country, kind string) where.Place {
	return where.Place{Text: text, Name: name, Country: country, Kind: kind}
}

// apply writes a reconciliation's groups back into the input, as saving
// it does: every source under its group's entity, new entities made.
func (b *input) apply(r *store.Reconciliation) {
	for _, g := range r.Entities {
		e := g.EntityID
		if e == 0 {
			e = b.id()
			b.in.Entities = append(b.in.Entities, store.ReconcileEntity{ID: e, Name: g.Name, Kind: g.Kind, Reliability: "F"})
		}
		for _, sid := range g.Sources {
			for i := range b.in.Sources {
				if b.in.Sources[i].ID == sid {
					b.in.Sources[i].EntityID = e
				}
			}
		}
	}
	b.in.Hash = r.Hash()
}

// entityOf returns the group a source row is in.
func entityOf(r *store.Reconciliation, source int64) int {
	for gi, g := range r.Entities {
		for _, s := range g.Sources {
			if s == source {
				return gi
			}
		}
	}
	return -1
}
