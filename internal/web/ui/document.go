package ui

import (
	"net/http"
	"slices"
	"strconv"
	"strings"

	"github.com/crosscheck-dev/crosscheck/internal/document"
	"github.com/crosscheck-dev/crosscheck/internal/extract"
	"github.com/crosscheck-dev/crosscheck/internal/store"
	"github.com/crosscheck-dev/crosscheck/internal/web/access"
	"github.com/crosscheck-dev/crosscheck/internal/web/highlight"
)

// articleData is the article page: the text cut into highlighted pieces,
// the claims' details, and the article's sources.
type articleData struct {
	Doc *store.Document
	// TitleInText is set when the text opens with the title, which then
	// serves as the page's heading.
	TitleInText bool
	Paragraphs  []paragraph
	Claims      []claimView
	Sources     []articleSource
	Notes       []extract.Note
}

// paragraph is one paragraph of the text.
type paragraph struct {
	// Kind is "title", "meta" (header lines) or "" for prose.
	Kind   string
	Pieces []piece
}

// piece is a run of text with the same marks.
type piece struct {
	Text string
	// Claim is the store id of the claim the piece belongs to (the
	// innermost one when claims nest), 0 for unmarked text.
	Claim int64
	// Class lists the marks: "hl sN" (a claim's content, coloured by its
	// source), "cue", "who" (the speaker's mention), "multi" (inside more
	// than one claim), "meta" (a header line).
	Class string
	// Title is the tooltip: who said it.
	Title string
}

// claimView is one claim's details beside the text.
type claimView struct {
	store.Claim
	Colour int
	// Kind is speech, belief or evidence.
	Kind       string
	Figures    []normal
	TimesRead  []normal
	PlacesRead []normal
	// Reliability is the source's grade.
	Reliability string
	// Verification is what the reconciliation found of the claim's truth.
	Verification store.Verification
}

// articleSource is a source of the article in the side list.
type articleSource struct {
	extract.Source
	Colour      int
	StoreID     int64
	Claims      int
	Reliability string
}

// document serves GET /documents/{id}.
func (u *UI) document(w http.ResponseWriter, r *http.Request, who access.Who) {
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil || id < 1 {
		u.notFound(w, r, "There is no article "+r.PathValue("id")+": article ids are numbers.")
		return
	}
	ctx := r.Context()
	doc, err := u.Store.Document(ctx, id)
	if err != nil {
		u.fail(w, r, err)
		return
	}
	res, err := u.Store.Extraction(ctx, id)
	if err != nil {
		u.fail(w, r, err)
		return
	}
	rows, err := u.Store.Claims(ctx, store.ClaimFilter{DocumentID: id})
	if err != nil {
		u.fail(w, r, err)
		return
	}
	srcs, err := u.Store.Sources(ctx, store.SourceFilter{DocumentID: id})
	if err != nil {
		u.fail(w, r, err)
		return
	}
	ids := make([]int64, len(rows.Items))
	for i, c := range rows.Items {
		ids[i] = c.ID
	}
	vs, err := u.Store.Verifications(ctx, ids...)
	if err != nil {
		u.fail(w, r, err)
		return
	}
	d := buildArticle(doc, res, rows.Items, srcs.Items)
	verified := map[int64]store.Verification{}
	for _, v := range vs {
		verified[v.ClaimID] = v
	}
	for i := range d.Claims {
		v, ok := verified[d.Claims[i].ID]
		if !ok {
			v = store.Unjudged(d.Claims[i].ID)
		}
		d.Claims[i].Verification = v
	}
	title := doc.Title
	if title == "" {
		title = "Article " + strconv.FormatInt(id, 10)
	}
	u.render(w, r, http.StatusOK, "document", u.newPage(r, who, title, "documents", d))
}

// buildArticle lays out an article: colours its sources in the order they
// are first quoted, and cuts its text at every claim's content, cue and
// speaker span.
func buildArticle(doc *store.Document, res *extract.Result, rows []store.Claim, srcs []store.Source) *articleData {
	d := &articleData{Doc: doc, Notes: res.Notes}
	byLocal := map[string]store.Claim{}
	for _, c := range rows {
		byLocal[c.LocalID] = c
	}
	reliability := map[int64]string{}
	for _, s := range srcs {
		reliability[s.ID] = s.Reliability
	}

	// Colours: one per source of the document, in order of first claim.
	colour := map[string]int{}
	order := slices.Clone(res.Claims)
	slices.SortStableFunc(order, func(a, b extract.Claim) int { return a.ContentSpan.Start - b.ContentSpan.Start })
	for _, c := range order {
		if _, ok := colour[c.Speaker.Source]; !ok {
			colour[c.Speaker.Source] = len(colour)
		}
	}

	// Spans, and what each is: claim index and role.
	type mark struct {
		claim int
		role  string // content, cue, who, meta
	}
	var spans []highlight.Span
	var marks []mark
	for i, c := range res.Claims {
		parts := c.Parts
		if len(parts) == 0 {
			parts = []document.Span{c.ContentSpan}
		}
		for _, p := range parts {
			spans = append(spans, highlight.Span{Start: p.Start, End: p.End})
			marks = append(marks, mark{i, "content"})
		}
		if c.CueSpan != nil {
			spans = append(spans, highlight.Span{Start: c.CueSpan.Start, End: c.CueSpan.End})
			marks = append(marks, mark{i, "cue"})
		}
		if c.Speaker.End > c.Speaker.Start {
			spans = append(spans, highlight.Span{Start: c.Speaker.Start, End: c.Speaker.End})
			marks = append(marks, mark{i, "who"})
		}
	}
	for _, h := range doc.Header {
		spans = append(spans, highlight.CharSpan(doc.Text, h.Start, h.End))
		marks = append(marks, mark{-1, "meta"})
	}

	storeID := func(i int) int64 { return byLocal[res.Claims[i].ID].ID }
	for pi, para := range highlight.Split(doc.Text, spans) {
		p := paragraph{}
		allMeta := true
		for _, seg := range para {
			pc := piece{Text: seg.Text}
			var classes []string
			contents := 0
			claim := -1
			isMeta := false
			for _, si := range seg.Spans {
				m := marks[si]
				switch m.role {
				case "content":
					contents++
					claim = m.claim // innermost last
				case "meta":
					isMeta = true
				}
			}
			// A cue or a speaker's mention outside any content still
			// leads to its claim.
			for _, si := range seg.Spans {
				m := marks[si]
				if (m.role == "cue" || m.role == "who") && (claim < 0 || m.claim == claim) {
					if claim < 0 {
						claim = m.claim
					}
					classes = append(classes, m.role)
				}
			}
			if contents > 0 {
				classes = append([]string{"hl", colourClass(colour[res.Claims[claim].Speaker.Source])}, classes...)
				if contents > 1 {
					classes = append(classes, "multi")
				}
			} else if claim >= 0 {
				classes = append(classes, colourClass(colour[res.Claims[claim].Speaker.Source]))
			}
			if isMeta {
				classes = append(classes, "meta")
			} else if strings.TrimSpace(seg.Text) != "" {
				allMeta = false
			}
			if claim >= 0 {
				pc.Claim = storeID(claim)
				c := res.Claims[claim]
				pc.Title = c.Speaker.Name + " — " + c.Cue
			}
			pc.Class = strings.Join(slices.Compact(classes), " ")
			p.Pieces = append(p.Pieces, pc)
		}
		switch {
		case pi == 0 && doc.Title != "" && normSpace(para.Plain()) == normSpace(doc.Title):
			p.Kind = "title"
			d.TitleInText = true
		case allMeta:
			p.Kind = "meta"
		}
		d.Paragraphs = append(d.Paragraphs, p)
	}

	// Claims in text order, with their details.
	for _, c := range order {
		row, ok := byLocal[c.ID]
		if !ok {
			continue
		}
		v := claimView{Claim: row, Colour: colour[c.Speaker.Source], Kind: c.Kind, Reliability: reliability[row.Speaker.SourceID]}
		for _, q := range c.Quantities {
			v.Figures = append(v.Figures, describeQuantity(q))
		}
		for _, t := range c.Times {
			v.TimesRead = append(v.TimesRead, describeTime(t))
		}
		for _, p := range c.Places {
			v.PlacesRead = append(v.PlacesRead, describePlace(p))
		}
		d.Claims = append(d.Claims, v)
	}

	// Sources of the article, in colour order.
	counts := map[string]int{}
	storeOf := map[string]int64{}
	for _, c := range res.Claims {
		counts[c.Speaker.Source]++
		if row, ok := byLocal[c.ID]; ok && row.Speaker.SourceID != 0 {
			storeOf[c.Speaker.Source] = row.Speaker.SourceID
		}
	}
	for _, s := range res.Sources {
		if counts[s.ID] == 0 {
			continue
		}
		sid := storeOf[s.ID]
		d.Sources = append(d.Sources, articleSource{Source: s, Colour: colour[s.ID], StoreID: sid, Claims: counts[s.ID], Reliability: reliability[sid]})
	}
	slices.SortStableFunc(d.Sources, func(a, b articleSource) int { return a.Colour - b.Colour })
	return d
}

func colourClass(i int) string { return "s" + strconv.Itoa(i%paletteSize) }

func normSpace(s string) string { return strings.Join(strings.Fields(s), " ") }
