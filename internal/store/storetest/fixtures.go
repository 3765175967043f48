package storetest

import (
	"fmt"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/crosscheck-dev/crosscheck/internal/document"
	"github.com/crosscheck-dev/crosscheck/internal/extract"
	"github.com/crosscheck-dev/crosscheck/internal/extract/quantity"
	"github.com/crosscheck-dev/crosscheck/internal/extract/when"
	"github.com/crosscheck-dev/crosscheck/internal/extract/where"
)

// The fixtures are built by hand, not by the extractor, so that the store's
// tests say exactly what went in. Their scenario is invented (Veloria,
// Ostmark, the Kestrel Intelligence Service): no real person is quoted.

// writer builds a text and records character offsets as it goes, since a
// Result's spans count code points, not bytes.
type writer struct {
	b     strings.Builder
	chars int
}

func (w *writer) add(s string) document.Span {
	start := w.chars
	w.b.WriteString(s)
	w.chars += utf8.RuneCountInString(s)
	return document.Span{Start: start, End: w.chars}
}

func f64(v float64) *float64 { return &v }

func ordinal(n int) string {
	if n < 6 {
		return [...]string{"", "first", "second", "third", "fourth", "fifth"}[n]
	}
	return fmt.Sprintf("%dth", n)
}

func span(sp document.Span) *document.Span { return &sp }

// Article returns the i-th synthetic article and its extraction: a
// realistic size (about 2 KB, 5 sources, 3 to 7 claims, each with a figure,
// a day and a place; notes and demonyms), different for every i, and
// published on a day that cycles over 60 days from 1 October 2024. Its
// Origin is "fixture/article-<i>.txt", so a test can tell which i a stored
// document came from.
func Article(i int) (*document.Document, *extract.Result) {
	published := time.Date(2024, 10, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, i%60)
	yesterday := published.AddDate(0, 0, -1).Format(time.DateOnly)
	var w writer
	title := fmt.Sprintf("Ostmark troops gather on Veloria's border, report %d", i)
	w.add(title + "\n\n")
	w.add("By Ana Kovač\n\n")
	header := []document.Span{}
	w.add(published.Format("2 January 2006") + "\n\n")

	res := &extract.Result{
		Sources: []extract.Source{
			{ID: "s1", Name: "Kestrel Intelligence Service", Kind: extract.KindOrganisation, Role: "Veloria's spy agency", Country: "VL", Acronym: "KIS", Aliases: []string{"the spy agency"}},
			{ID: "s2", Name: "Marta Ilvesk", Kind: extract.KindPerson, Role: "Veloria's defence minister", Country: "VL"},
			{ID: "s3", Name: "officials", Kind: extract.KindAnonymous, Plural: true},
			{ID: "s4", Name: "Žaneta Ølvik", Kind: extract.KindPerson, Role: "a border guard commander"},
			{ID: "s5", Name: "Ostmark Foreign Ministry", Kind: extract.KindOrganisation, Country: "OM"},
		},
		Claims:     []extract.Claim{},
		Notes:      []extract.Note{},
		Quantities: []quantity.Quantity{},
		Times:      []when.Time{},
		Places:     []where.Place{},
	}
	nclaims := 3 + i%5
	speakers := []struct{ source, mention, cue, mode, stance string }{
		{"s1", "the spy agency", "said", extract.ModeIndirect, extract.StanceAsserts},
		{"s2", "Ms Ilvesk", "told reporters", extract.ModeDirect, extract.StanceHedged},
		{"s3", "officials", "according to", extract.ModeIndirect, extract.StanceAsserts},
		{"s4", "Commander Ølvik", "claimed", extract.ModeMixed, extract.StanceAsserts},
		{"s5", "the ministry", "denied", extract.ModeIndirect, extract.StanceDenies},
	}
	places := []where.Place{
		{Text: "Kursavo region", Name: "Kursavo", Country: "VL", Kind: where.KindRegion, Lat: 51.7, Lon: 36.2, ID: 500001},
		{Text: "Dravnik", Name: "Dravnik", Country: "OM", Kind: where.KindCity, Lat: 48.1, Lon: 37.9, ID: 500002, Government: true},
	}
	for k := range nclaims {
		sp := speakers[(i+k)%len(speakers)]
		src := res.Sources[(i+k)%len(res.Sources)]
		n := float64(1000 + 500*((i+k)%20))
		figure := fmt.Sprintf("%d,%03d", int(n)/1000, int(n)%1000)
		place := places[k%len(places)]

		var c extract.Claim
		c.ID = fmt.Sprintf("c%d", k+1)
		c.Mode, c.Stance = sp.mode, sp.stance
		if sp.stance == extract.StanceHedged {
			c.Hedges = []string{"could"}
		}
		// "<mention> <cue> on Thursday that about N Ostmark troops had
		// moved towards the border near <place>."
		mention := w.add(sp.mention)
		w.add(" ")
		cue := w.add(sp.cue)
		w.add(" ")
		tm := w.add("on Thursday")
		w.add(" that ")
		contentStart, contentByte := w.chars, w.b.Len()
		qty := w.add("about " + figure)
		w.add(" ")
		what := w.add("Ostmark troops")
		if k == 0 {
			res.Demonyms = append(res.Demonyms, where.Demonym{Span: document.Span{Start: what.Start, End: what.Start + len("Ostmark")}, Text: "Ostmark", Country: "OM"})
		}
		w.add(fmt.Sprintf(" had moved towards the border for the %s time this season, near ", ordinal(k+1)))
		pl := w.add(place.Text)
		contentEnd := w.chars
		content := w.b.String()[contentByte:]
		w.add(". Residents described long convoys at night and checkpoints on every road into the area.\n\n")

		c.Speaker = extract.Speaker{Name: src.Name, Mention: sp.mention, Source: src.ID, Kind: src.Kind, Span: mention}
		c.Cue, c.CueSpan = sp.cue, span(cue)
		c.Content = content
		c.ContentSpan = document.Span{Start: contentStart, End: contentEnd}
		c.Said = yesterday
		q := quantity.Quantity{Span: qty, Text: "about " + figure, Value: f64(n), Approx: true, What: "Ostmark troops", WhatSpan: span(what)}
		t := when.Time{Span: tm, Text: "on Thursday", Kind: when.KindDate, Start: yesterday, End: yesterday, Value: yesterday, Granularity: "day"}
		p := place
		p.Span = pl
		c.Quantities = []quantity.Quantity{q}
		c.Times = []when.Time{t}
		c.Places = []where.Place{p}
		res.Claims = append(res.Claims, c)
		res.Quantities = append(res.Quantities, q)
		res.Times = append(res.Times, t)
		res.Places = append(res.Places, p)
	}
	ev := w.add("Satellite images released on Friday show new tents near the border.")
	res.Notes = append(res.Notes, extract.Note{Kind: extract.NoteEvidence, By: "satellite images", Cue: "show", Content: "new tents near the border", Span: ev})
	w.add("\n\n")
	ver := w.add("The Courier could not verify the figures independently.")
	res.Notes = append(res.Notes, extract.Note{Kind: extract.NoteVerification, By: "The Courier", Cue: "could not verify", Content: "the figures", Span: ver, Status: "unverified"})

	doc := &document.Document{
		Text:      w.b.String(),
		Title:     title,
		Authors:   []string{"Ana Kovač"},
		Publisher: "The Courier",
		Published: published,
		URL:       fmt.Sprintf("https://courier.example/articles/%d", i),
		Language:  "en",
		Origin:    fmt.Sprintf("fixture/article-%d.txt", i),
		Format:    "text",
		Header:    header,
	}
	doc.Finish()
	res.Text = doc.Text
	res.Document = extract.Meta{Title: doc.Title, Published: published.Format(time.DateOnly), Publisher: doc.Publisher,
		Authors: doc.Authors, URL: doc.URL, Origin: doc.Origin, Format: doc.Format, Hash: doc.Hash}
	return doc, res
}

// Seed returns a small hand-made article holding every kind of item the
// store keeps, and the cases that are easy to lose: a claim whose figure is
// not in the document's list, a figure two claims share, a quantity with a
// range, alternatives and nil values, a claim with no source, a speaker
// linked only by name, a cue with no span, and text beyond ASCII so that
// character and byte offsets differ.
func Seed() (*document.Document, *extract.Result) {
	var w writer
	w.add("Veloria says 1,500 Ostmark troops crossed — Ostmark denies it\n\n")
	header := document.Span{Start: len(w.b.String())}
	w.add("By Ana Kovač\n\n")
	header.End = len(w.b.String()) - 2
	p1s := w.chars
	w.add("“About 1,500 troops have crossed, and 10,000 or 12,000 more are expected,” the Kestrel Intelligence Service (KIS) said on Thursday.")
	w.add("\n\n")
	p2s := w.chars
	w.add("Ostmark’s Foreign Ministry denied that any troops were in the Kursavo region. Dozens of vehicles were seen, officials said.")
	w.add("\n\n")
	p3s := w.chars
	w.add("The video could not be verified.")
	p3e := w.chars
	text := w.b.String()
	chars := []rune(text)
	at := func(from int, s string) document.Span {
		needle := []rune(s)
		for i := from; i+len(needle) <= len(chars); i++ {
			if string(chars[i:i+len(needle)]) == s {
				return document.Span{Start: i, End: i + len(needle)}
			}
		}
		panic("storetest: fixture text lacks " + s)
	}
	q1500 := quantity.Quantity{Span: at(p1s, "About 1,500"), Text: "About 1,500", Value: f64(1500), Approx: true, What: "troops", WhatSpan: span(at(p1s, "troops"))}
	qAlt := quantity.Quantity{Span: at(p1s, "10,000 or 12,000"), Text: "10,000 or 12,000", Value: f64(10000), Low: f64(10000), High: f64(12000), Alternatives: []float64{10000, 12000}}
	qDozens := quantity.Quantity{Span: at(p2s, "Dozens"), Text: "Dozens", Low: f64(24), Vague: true, What: "vehicles"}
	tThu := when.Time{Span: at(p1s, "on Thursday"), Text: "on Thursday", Kind: when.KindDate, Start: "2024-10-17", End: "2024-10-17", Value: "2024-10-17", Granularity: "day"}
	pKursavo := where.Place{Span: at(p2s, "Kursavo region"), Text: "Kursavo region", Name: "Kursavo", Country: "VL", Kind: where.KindRegion, Lat: 51.73, Lon: 36.19, ID: 500001}
	pOstmark := where.Place{Span: at(p2s, "Ostmark"), Text: "Ostmark", Name: "Ostmark", Country: "OM", Kind: where.KindCountry, Lat: 48, Lon: 38, Government: true}
	res := &extract.Result{
		Text: text,
		Sources: []extract.Source{
			{ID: "s1", Name: "Kestrel Intelligence Service", Kind: extract.KindOrganisation, Country: "VL", Acronym: "KIS",
				Aliases: []string{"KIS"}, Mentions: []document.Span{at(p1s, "Kestrel Intelligence Service")}},
			{ID: "s2", Name: "Ostmark Foreign Ministry", Kind: extract.KindOrganisation, Role: "Ostmark’s government", Country: "OM",
				Mentions: []document.Span{at(p2s, "Ostmark’s Foreign Ministry")}},
			{ID: "s3", Name: "officials", Kind: extract.KindAnonymous, Plural: true},
		},
		Claims: []extract.Claim{
			{
				ID:          "c1",
				Speaker:     extract.Speaker{Name: "Kestrel Intelligence Service", Mention: "the Kestrel Intelligence Service", Source: "s1", Kind: extract.KindOrganisation, Span: at(p1s, "the Kestrel Intelligence Service")},
				Cue:         "said",
				CueSpan:     span(at(p1s, "said")),
				Mode:        extract.ModeDirect,
				Content:     "About 1,500 troops have crossed, and 10,000 or 12,000 more are expected",
				ContentSpan: at(p1s, "About 1,500 troops have crossed, and 10,000 or 12,000 more are expected"),
				Stance:      extract.StanceHedged,
				Hedges:      []string{"expected"},
				Quantities:  []quantity.Quantity{q1500, qAlt},
				Times:       []when.Time{tThu},
				Places:      []where.Place{},
				Said:        "2024-10-17",
			},
			{
				ID: "c2",
				// Linked by name only: the extractor left Source empty.
				Speaker:     extract.Speaker{Name: "Ostmark Foreign Ministry", Mention: "Ostmark’s Foreign Ministry", Span: at(p2s, "Ostmark’s Foreign Ministry")},
				Cue:         "denied",
				CueSpan:     span(at(p2s, "denied")),
				Mode:        extract.ModeIndirect,
				Content:     "any troops were in the Kursavo region",
				ContentSpan: at(p2s, "any troops were in the Kursavo region"),
				Stance:      extract.StanceDenies,
				// The 1,500 is shared with c1; "any troops" is a figure
				// the document's list does not hold.
				Quantities: []quantity.Quantity{q1500, {Span: at(p2s, "any troops"), Text: "any troops", What: "troops", Vague: true, Rhetorical: true}},
				Times:      []when.Time{},
				Places:     []where.Place{pOstmark, pKursavo},
			},
			{
				ID:          "c3",
				Speaker:     extract.Speaker{Name: "officials", Mention: "officials", Source: "s3", Span: at(p2s, "officials")},
				Cue:         "said",
				Mode:        extract.ModeIndirect,
				Content:     "Dozens of vehicles were seen",
				ContentSpan: at(p2s, "Dozens of vehicles were seen"),
				Stance:      extract.StanceAsserts,
				Unverified:  true,
				Quantities:  []quantity.Quantity{qDozens},
				Times:       []when.Time{},
				Places:      []where.Place{},
			},
			{
				ID: "c4",
				// Resolved to no source at all.
				Speaker:     extract.Speaker{Name: "", Mention: "it"},
				Cue:         "",
				Mode:        extract.ModeIndirect,
				Content:     "The video could not be verified",
				ContentSpan: document.Span{Start: p3s, End: p3e - 1},
				Stance:      extract.StanceDeclines,
				Quantities:  []quantity.Quantity{},
				Times:       []when.Time{},
				Places:      []where.Place{},
			},
		},
		Notes: []extract.Note{
			{Kind: extract.NoteVerification, By: "The Courier", Cue: "could not be verified", Content: "The video", Span: document.Span{Start: p3s, End: p3e}, Status: "unverified"},
		},
		Quantities: []quantity.Quantity{q1500, qAlt, qDozens},
		Times:      []when.Time{tThu},
		Places:     []where.Place{pOstmark, pKursavo},
		Demonyms:   []where.Demonym{{Span: at(p2s, "Ostmark"), Text: "Ostmark", Country: "OM"}},
	}
	doc := &document.Document{
		Text:       text,
		Title:      "Veloria says 1,500 Ostmark troops crossed — Ostmark denies it",
		Standfirst: "",
		Authors:    []string{"Ana Kovač"},
		Publisher:  "The Courier",
		Published:  time.Date(2024, 10, 18, 0, 0, 0, 0, time.UTC),
		URL:        "https://courier.example/seed",
		Language:   "en",
		Origin:     "fixture/seed.txt",
		Format:     "text",
		Header:     []document.Span{header},
	}
	doc.Finish()
	res.Document = extract.Meta{Title: doc.Title, Published: "2024-10-18", Publisher: doc.Publisher, Authors: doc.Authors,
		URL: doc.URL, Origin: doc.Origin, Format: doc.Format, Hash: doc.Hash}
	return doc, res
}
