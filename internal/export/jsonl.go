package export

import (
	"bufio"
	"context"
	"encoding/json"
	"io"
	"time"

	"github.com/crosscheck-dev/crosscheck/internal/document"
	"github.com/crosscheck-dev/crosscheck/internal/extract/quantity"
	"github.com/crosscheck-dev/crosscheck/internal/extract/when"
	"github.com/crosscheck-dev/crosscheck/internal/store"
)

// claimLine is one line of the JSON Lines export: a claim with everything a
// reader needs to use it alone, without the other lines. Field names and
// the forms of quantities and times are those of the store's JSON (the
// claims listing, the API).
type claimLine struct {
	ClaimID  int64        `json:"claim_id"`
	LocalID  string       `json:"local_id"` // "c3": the claim's id within its document's extraction
	Document documentJSON `json:"document"`
	Speaker  speakerJSON  `json:"speaker"`
	Cue      string       `json:"cue"`
	Mode     string       `json:"mode"`
	Kind     string       `json:"kind,omitempty"`
	Stance   string       `json:"stance"`
	Content  string       `json:"content"`
	// ContentSpan is in characters (code points) of the document's text.
	ContentSpan document.Span       `json:"content_span"`
	Hedges      []string            `json:"hedges,omitempty"`
	Unverified  bool                `json:"unverified,omitempty"`
	Said        time.Time           `json:"said,omitzero"`
	Day         time.Time           `json:"day,omitzero"`
	Quantities  []quantity.Quantity `json:"quantities"`
	Times       []when.Time         `json:"times"`
	Places      []placeJSON         `json:"places"`
	// Verification is what the last reconciliation found: status
	// "uncorroborated" and credibility 6 when it found nothing.
	Verification verificationJSON `json:"verification"`
}

type documentJSON struct {
	ID        int64     `json:"id"`
	Hash      string    `json:"hash"` // SHA-256 of the text
	Title     string    `json:"title"`
	Publisher string    `json:"publisher,omitempty"`
	Authors   []string  `json:"authors,omitempty"`
	Published time.Time `json:"published,omitzero"`
	URL       string    `json:"url,omitempty"`
	Origin    string    `json:"origin,omitempty"`
	Language  string    `json:"language,omitempty"`
}

type speakerJSON struct {
	// SourceID and SourceName are the source across documents the
	// speaker counts under, Reliability its Admiralty grade (A-F); absent
	// when the speaker was resolved to no source.
	SourceID    int64  `json:"source_id,omitempty"`
	SourceName  string `json:"source_name,omitempty"`
	Reliability string `json:"reliability,omitempty"`
	// Name is the speaker's canonical name in the document, Mention the
	// words the claim uses.
	Name    string `json:"name"`
	Kind    string `json:"kind,omitempty"`
	Role    string `json:"role,omitempty"`
	Mention string `json:"mention"`
}

// placeJSON is a place of a claim; the gazetteer's fields are left out when
// the store does not have them.
type placeJSON struct {
	Text        string   `json:"text"`
	Name        string   `json:"name"`
	Canonical   string   `json:"canonical,omitempty"`
	Country     string   `json:"country,omitempty"`
	Kind        string   `json:"kind,omitempty"`
	Lat         *float64 `json:"lat,omitempty"`
	Lon         *float64 `json:"lon,omitempty"`
	GazetteerID int64    `json:"gazetteer_id,omitempty"`
	Government  bool     `json:"government,omitempty"`
}

type verificationJSON struct {
	Status string `json:"status"`
	// Credibility is the Admiralty scale's: 1 confirmed by other sources
	// to 6 cannot be judged.
	Credibility    int               `json:"credibility"`
	ConfirmedBy    []store.SourceRef `json:"confirmed_by,omitempty"`
	DeniedBy       []store.SourceRef `json:"denied_by,omitempty"`
	Corroborations int               `json:"corroborations"`
	Evidence       []string          `json:"evidence,omitempty"`
	Caveats        []string          `json:"caveats,omitempty"`
}

func writeJSONL(ctx context.Context, w io.Writer, st store.Store) (Summary, error) {
	var sum Summary
	r, err := newReader(ctx, st)
	if err != nil {
		return sum, err
	}
	bw := bufio.NewWriter(w)
	enc := json.NewEncoder(bw)
	enc.SetEscapeHTML(false)
	err = r.each(ctx, func(e entry) error {
		sum.Documents++
		doc := documentOf(e.Doc)
		for _, c := range e.Claims {
			if err := enc.Encode(lineOf(doc, c)); err != nil {
				return err
			}
			sum.Claims++
		}
		return nil
	})
	if err != nil {
		return sum, err
	}
	return sum, bw.Flush()
}

func documentOf(d store.Document) documentJSON {
	return documentJSON{ID: d.ID, Hash: d.Hash, Title: d.Title, Publisher: d.Publisher, Authors: d.Authors,
		Published: d.Published, URL: d.URL, Origin: d.Origin, Language: d.Language}
}

func lineOf(doc documentJSON, c claim) claimLine {
	l := claimLine{
		ClaimID:  c.ID,
		LocalID:  c.LocalID,
		Document: doc,
		Speaker: speakerJSON{Name: c.Speaker.Name, Kind: c.Speaker.Kind, Role: c.Speaker.Role,
			Mention: c.Speaker.Mention},
		Cue: c.Cue, Mode: c.Mode, Kind: c.Kind, Stance: c.Stance,
		Content: c.Content, ContentSpan: c.ContentSpan,
		Hedges: c.Hedges, Unverified: c.Unverified,
		Said: c.Said, Day: c.Day,
		Quantities: c.Quantities, Times: c.Times, Places: make([]placeJSON, len(c.Places)),
		Verification: verificationJSON{Status: c.Verification.Status, Credibility: c.Verification.Credibility,
			ConfirmedBy: c.Verification.ConfirmedBy, DeniedBy: c.Verification.DeniedBy,
			Corroborations: c.Verification.Corroborations, Evidence: c.Verification.Evidence,
			Caveats: c.Verification.Caveats},
	}
	if s := c.Source; s != nil {
		l.Speaker.SourceID, l.Speaker.SourceName, l.Speaker.Reliability = s.ID, s.Name, s.Reliability
	}
	// Empty lists rather than null, as in the store's JSON.
	if l.Quantities == nil {
		l.Quantities = []quantity.Quantity{}
	}
	if l.Times == nil {
		l.Times = []when.Time{}
	}
	for i, p := range c.Places {
		pj := placeJSON{Text: p.Text, Name: p.Name, Canonical: p.Canonical, Country: p.Country, Kind: p.Kind,
			GazetteerID: p.ID, Government: p.Government}
		if hasCoords(p.Lat, p.Lon) {
			pj.Lat, pj.Lon = &p.Lat, &p.Lon
		}
		l.Places[i] = pj
	}
	return l
}

// hasCoords tells coordinates from their absence: the store keeps 0, 0 for
// a place it has none for, and no place a news article names lies in the
// Gulf of Guinea at 0°N 0°E.
func hasCoords(lat, lon float64) bool { return lat != 0 || lon != 0 }
