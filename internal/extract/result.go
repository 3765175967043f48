package extract

import (
	"github.com/crosscheck-dev/crosscheck/internal/document"
	"github.com/crosscheck-dev/crosscheck/internal/extract/quantity"
	"github.com/crosscheck-dev/crosscheck/internal/extract/when"
	"github.com/crosscheck-dev/crosscheck/internal/extract/where"
)

// Result is everything extracted from one document. Its JSON form is the
// contract of ../shared/eval/FORMAT.md, with more fields. Every Span in a
// Result holds character (Unicode code point) offsets into Text, not bytes.
type Result struct {
	Document   Meta                `json:"document"`
	Text       string              `json:"text"`
	Sources    []Source            `json:"sources"`
	Claims     []Claim             `json:"claims"`
	Notes      []Note              `json:"notes"`
	Quantities []quantity.Quantity `json:"quantities"`
	Times      []when.Time         `json:"times"`
	Places     []where.Place       `json:"places"`
	Demonyms   []where.Demonym     `json:"demonyms,omitempty"`
}

// Meta is what the document says of itself.
type Meta struct {
	Title      string   `json:"title"`
	Standfirst string   `json:"standfirst,omitempty"`
	Published  string   `json:"published,omitempty"` // ISO day
	Publisher  string   `json:"publisher,omitempty"`
	Authors    []string `json:"authors"`
	URL        string   `json:"url,omitempty"`
	Origin     string   `json:"origin,omitempty"`
	Format     string   `json:"format,omitempty"`
	Hash       string   `json:"hash"`
}

// Source kinds.
const (
	KindPerson       = "person"
	KindOrganisation = "organisation"
	KindAnonymous    = "anonymous" // "a language expert", "officials", "the person filming"
	KindPublisher    = "publisher" // the publication itself ("The Telegraph could not verify")
	KindDocument     = "document"  // a report, a statement, a study
)

// Source is one speaker of a document: every mention of it resolved to one
// canonical name.
type Source struct {
	ID      string `json:"id"` // "s1", unique within the document
	Name    string `json:"name"`
	Kind    string `json:"kind"`
	Role    string `json:"role,omitempty"`    // "Ukraine's intelligence chief"
	Country string `json:"country,omitempty"` // ISO alpha-2, from the role or the name ("South Korea's")
	// Acronym of an organisation ("NIS"), when the text gives one.
	Acronym string `json:"acronym,omitempty"`
	// Aliases are the other words used for it in the document, e.g.
	// "Seoul's NIS", "the spy agency", "Mr Budonav".
	Aliases  []string        `json:"aliases,omitempty"`
	Mentions []document.Span `json:"mentions,omitempty"`
	Plural   bool            `json:"plural,omitempty"` // "officials", "residents"
}

// Modes of a claim.
const (
	ModeDirect   = "direct"   // the content is a quotation
	ModeIndirect = "indirect" // reported speech
	ModeMixed    = "mixed"    // reported speech holding a partial quotation
)

// Stances of a claim.
const (
	StanceAsserts  = "asserts"
	StanceDenies   = "denies"
	StanceDeclines = "declines" // declines to confirm or comment
	StanceHedged   = "hedged"   // "allegedly", "could", "expected to", "believes"
)

// Claim is one attributed statement: who (Speaker), by which reporting word
// (Cue), what (Content), and how.
type Claim struct {
	ID      string         `json:"id"` // "c1", unique within the document
	Speaker Speaker        `json:"speaker"`
	Cue     string         `json:"cue"`
	CueSpan *document.Span `json:"cue_span,omitempty"`
	Mode    string         `json:"mode"`
	// Kind is "speech", "belief" (believes, thinks, expects) or "evidence"
	// (footage, images, a poll "showing" something: not speech).
	Kind        string        `json:"kind"`
	Content     string        `json:"content"`
	ContentSpan document.Span `json:"content_span"`
	// Parts are the pieces of a content interrupted by its attribution
	// ("C1, according to X, with C2"), when there is more than one.
	Parts  []document.Span `json:"parts,omitempty"`
	Stance string          `json:"stance"`
	// Hedges are the words that soften the claim ("allegedly", "could").
	Hedges []string `json:"hedges,omitempty"`
	// Unverified is set when the reporter says it could not verify what the
	// claim is about, or that nobody has confirmed it.
	Unverified bool                `json:"unverified,omitempty"`
	Quantities []quantity.Quantity `json:"quantities"`
	Times      []when.Time         `json:"times"`
	Places     []where.Place       `json:"places"`
	// Said is the day the statement was made when the sentence says it
	// ("on Thursday"), as an ISO day; empty when only the publication date
	// is known.
	Said string `json:"said,omitempty"`
}

// Speaker is who a claim is attributed to: the canonical source and the
// words used for it in this claim.
type Speaker struct {
	Name    string `json:"name"`
	Mention string `json:"mention"`
	Source  string `json:"source,omitempty"` // Source.ID
	Kind    string `json:"kind,omitempty"`
	Role    string `json:"role,omitempty"`
	document.Span
}

// Note kinds.
const (
	NoteEvidence     = "evidence"     // "video footage shows...", "satellite images of..."
	NoteUnattributed = "unattributed" // "is thought to be", "reportedly"
	NoteVerification = "verification" // "could not verify", "neither X nor Y confirmed"
)

// Note is a statement worth keeping that is not an attributed claim.
type Note struct {
	Kind    string        `json:"kind"`
	By      string        `json:"by,omitempty"` // "video footage", "The Telegraph", "Russia; North Korea"
	Cue     string        `json:"cue,omitempty"`
	Content string        `json:"content"`
	Span    document.Span `json:"span"`
	// Status of a verification note: "unverified", "not confirmed", "denied".
	Status string `json:"status,omitempty"`
}
