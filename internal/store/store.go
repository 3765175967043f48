// Package store keeps crosscheck's ledger: every document with everything
// extracted from it, the sources seen across documents, and what the user
// has said about them. It defines the domain API that the CLI, the
// reconciler and the web server use (the Store interface, its typed rows and
// filters) independently of the database behind it; internal/store/sqlite
// and, later, internal/store/postgres implement it, and
// internal/store/storetest checks that they behave alike.
//
// Store is an interface rather than a concrete type over a small backend
// interface because the backends differ precisely where the work is:
// full-text search (FTS5 against tsvector), bulk inserts, locking and
// upserts. A shared concrete type would push a dialect switch into every
// query. What is the same for every backend lives here as plain functions
// and types instead: validating a document and its extraction and laying it
// out as rows (NewRecord), rebuilding the extraction from rows (Assemble),
// parsing a search query (ParseQuery), checking filters, and token hashing.
package store

import (
	"context"
	"errors"
	"time"

	"github.com/crosscheck-dev/crosscheck/internal/document"
	"github.com/crosscheck-dev/crosscheck/internal/extract"
	"github.com/crosscheck-dev/crosscheck/internal/extract/quantity"
	"github.com/crosscheck-dev/crosscheck/internal/extract/when"
	"github.com/crosscheck-dev/crosscheck/internal/extract/where"
)

// Errors a Store returns, wrapped with what failed ("store: document 7: not
// found"); test for them with errors.Is.
var (
	// ErrNotFound: no document, claim, source or token has that id.
	ErrNotFound = errors.New("not found")
	// ErrInvalid: a filter, a query or a document given to the store is
	// malformed; the message says which part.
	ErrInvalid = errors.New("invalid")
	// ErrNotDatabase: the path holds something that is not a crosscheck
	// database (another file, or another program's SQLite database).
	ErrNotDatabase = errors.New("not a crosscheck database")
	// ErrNewerSchema: the database was written by a newer crosscheck whose
	// schema this one does not know.
	ErrNewerSchema = errors.New("database schema is newer than this crosscheck")
	// ErrBadToken: an API token is unknown or revoked.
	ErrBadToken = errors.New("unknown or revoked API token")
)

// Store is crosscheck's ledger. Implementations are safe for concurrent use.
//
// Offsets in the rows (claim content, cue and speaker spans; quantity, time
// and place spans) are character (code point) offsets into Document.Text, as
// in extract.Result.
type Store interface {
	// AddDocument stores doc with its whole extraction in one transaction:
	// either all of it is stored or none. A document whose Hash is already
	// stored adds nothing and returns that document's id with added=false.
	// res may be nil for a document with nothing extracted. It fails with
	// ErrInvalid when doc or res is malformed (no text, a hash that is not
	// the SHA-256 of the text, a span outside the text, a claim naming a
	// source the result does not hold).
	AddDocument(ctx context.Context, doc *document.Document, res *extract.Result) (id int64, added bool, err error)

	// AddDocuments stores several documents as AddDocument does, in one
	// transaction: about twice the rate of one call each, for an ingest
	// that can hold a few dozen documents back. Each document is still
	// stored whole or not at all. A malformed document gets its own error
	// (ErrInvalid) in its Added and does not stop the others; any other
	// error stores none of them and is returned.
	AddDocuments(ctx context.Context, docs []Input) ([]Added, error)

	// DeleteDocument removes a document and everything extracted from it.
	// The sources it named stay known (with the user's settings on them).
	DeleteDocument(ctx context.Context, id int64) error

	// Document returns one document with its text.
	Document(ctx context.Context, id int64) (*Document, error)
	// DocumentByHash returns the document whose text has that SHA-256.
	DocumentByHash(ctx context.Context, hash string) (*Document, error)
	// Documents lists documents, newest published first, without their
	// text.
	Documents(ctx context.Context, f DocumentFilter) (Page[Document], error)
	// Extraction returns the extraction stored with a document, as it was
	// given to AddDocument (Meta is rebuilt from the stored Document).
	Extraction(ctx context.Context, documentID int64) (*extract.Result, error)

	// Claim returns one claim.
	Claim(ctx context.Context, id int64) (*Claim, error)
	// Claims lists claims, by default the most recently said first.
	Claims(ctx context.Context, f ClaimFilter) (Page[Claim], error)

	// Source returns one source as known across documents.
	Source(ctx context.Context, id int64) (*Source, error)
	// Sources lists the sources known across documents, by default those
	// with the most claims first. Ingesting counts a source under the
	// entity its canonical name and kind belong to; the reconciler then
	// groups more (acronyms, short forms, surnames, roles).
	Sources(ctx context.Context, f SourceFilter) (Page[Source], error)
	// SetReliability sets a source's reliability on the Admiralty scale, a
	// letter from A (completely reliable) to F (cannot be judged, the
	// default).
	SetReliability(ctx context.Context, sourceID int64, grade string) error
	// MergeSources makes the sources in from one with into: their names
	// are recorded as the user's rule, so documents ingested later that
	// name them are counted under into as well. into keeps its name and
	// reliability.
	MergeSources(ctx context.Context, into int64, from ...int64) error
	// SplitSource gives one name (in the given kind) its own source again,
	// as the user's rule, and returns that source's id. It undoes a merge,
	// or a grouping of the reconciler's: the names left on the source
	// become the user's rule too, so that reconciling never joins the two
	// again.
	SplitSource(ctx context.Context, sourceID int64, name string) (int64, error)

	// ReconcileInput reads, from one snapshot, everything the reconciler
	// needs: documents, the sources of each with the entity they count
	// under and whether a rule of the user's pins them, claims with their
	// figures, times and places, and notes.
	ReconcileInput(ctx context.Context) (*ReconcileInput, error)
	// SaveReconciliation replaces the previous reconciliation with r in
	// one transaction: sources regrouped into entities (an entity kept by
	// a group keeps its id, reliability and the user's rules), measures
	// (a measure whose Key was saved before keeps its id), estimates,
	// relations and verifications. When r is the reconciliation saved
	// last (the same Hash) it writes nothing and returns changed=false.
	// It fails with ErrInvalid when r's indexes point nowhere or a group
	// names an entity that does not exist.
	SaveReconciliation(ctx context.Context, r *Reconciliation) (changed bool, err error)
	// Measures lists the measures the last reconciliation found, each
	// with its estimates, contradictions and agreements; by default those
	// with the most independent sources first.
	Measures(ctx context.Context, f MeasureFilter) (Page[Measure], error)
	// Measure returns one measure with its estimates in the order they
	// were said.
	Measure(ctx context.Context, id int64) (*Measure, error)
	// Timeline lists claims by day, each with the figure it gives for a
	// measure (an entry per figure), oldest first by default.
	Timeline(ctx context.Context, f TimelineFilter) (Page[TimelineEntry], error)
	// Verifications returns the verification of each claim given, in the
	// order given; a claim the reconciler had nothing to say about gets
	// Unjudged, and an id that is no claim is left out.
	Verifications(ctx context.Context, claimIDs ...int64) ([]Verification, error)

	// Search finds documents and claims matching a full-text query (see
	// ParseQuery for its syntax), best match first.
	Search(ctx context.Context, f SearchFilter) (Page[Hit], error)

	// Stats counts what the store holds.
	Stats(ctx context.Context) (Stats, error)

	// CreateToken makes a new API token named name and returns its secret,
	// which is shown once: only its SHA-256 is stored.
	CreateToken(ctx context.Context, name string) (secret string, tok Token, err error)
	// CheckToken returns the token whose secret this is, and records its
	// use; it fails with ErrBadToken when the secret is unknown or revoked.
	CheckToken(ctx context.Context, secret string) (Token, error)
	// Tokens lists the API tokens, revoked ones included.
	Tokens(ctx context.Context) ([]Token, error)
	// RevokeToken revokes a token; revoking it again does nothing.
	RevokeToken(ctx context.Context, id int64) error

	// Close releases the database.
	Close() error
}

// Input is one document to store with its extraction (which may be nil).
type Input struct {
	Document *document.Document
	Result   *extract.Result
}

// Added is what became of one Input.
type Added struct {
	// ID is the document's id, whether it was stored now or before.
	ID int64
	// Added is false when the same text was stored already.
	Added bool
	// Err is set when the document was refused (ErrInvalid); ID is then 0.
	Err error
}

// Page is one page of a listing, and the number of items matching the
// filter on all pages.
type Page[T any] struct {
	Items []T `json:"items"`
	Total int `json:"total"`
}

// Document is a stored document. Listings leave Text empty.
type Document struct {
	ID         int64           `json:"id"`
	Hash       string          `json:"hash"`
	Title      string          `json:"title"`
	Standfirst string          `json:"standfirst,omitempty"`
	Authors    []string        `json:"authors"`
	Publisher  string          `json:"publisher,omitempty"`
	Published  time.Time       `json:"published,omitzero"` // a day in UTC; zero when unknown
	URL        string          `json:"url,omitempty"`
	Language   string          `json:"language,omitempty"`
	Origin     string          `json:"origin,omitempty"`
	Format     string          `json:"format,omitempty"`
	Header     []document.Span `json:"header,omitempty"` // byte spans, as in document.Document
	Text       string          `json:"text,omitempty"`
	// Added is when the document was stored.
	Added time.Time `json:"added"`
	// Claims and Sources count what was extracted from it.
	Claims  int `json:"claims"`
	Sources int `json:"sources"`
}

// DocumentRef is what a claim or a search hit says of its document.
type DocumentRef struct {
	ID        int64     `json:"id"`
	Title     string    `json:"title"`
	Publisher string    `json:"publisher,omitempty"`
	Published time.Time `json:"published,omitzero"`
	URL       string    `json:"url,omitempty"`
}

// Claim is a stored claim with what a table or a JSON view shows of it.
type Claim struct {
	ID int64 `json:"id"`
	// LocalID is the claim's id within its extraction ("c3").
	LocalID  string      `json:"local_id"`
	Document DocumentRef `json:"document"`
	Speaker  Speaker     `json:"speaker"`
	Cue      string      `json:"cue"`
	// CueSpan and ContentSpan are character offsets into the text.
	CueSpan *document.Span `json:"cue_span,omitempty"`
	Mode    string         `json:"mode"`
	Stance  string         `json:"stance"`
	// Kind is speech, belief, intent, stance or evidence; empty for a
	// claim stored before kinds were kept.
	Kind        string        `json:"kind,omitempty"`
	Content     string        `json:"content"`
	ContentSpan document.Span `json:"content_span"`
	Hedges      []string      `json:"hedges,omitempty"`
	Unverified  bool          `json:"unverified,omitempty"`
	// Said is the day the statement was made when the text says it; Day
	// is Said, else the day the document was published: the day the claim
	// is filtered and sorted by. Either may be zero.
	Said       time.Time           `json:"said,omitzero"`
	Day        time.Time           `json:"day,omitzero"`
	Quantities []quantity.Quantity `json:"quantities"`
	Times      []when.Time         `json:"times"`
	Places     []where.Place       `json:"places"`
}

// Speaker is who a claim is attributed to.
type Speaker struct {
	// Name is the canonical name in the document, Mention the words used
	// in the claim.
	Name    string `json:"name"`
	Mention string `json:"mention"`
	Kind    string `json:"kind,omitempty"`
	Role    string `json:"role,omitempty"`
	// SourceID is the Source (across documents) the speaker is counted
	// under; 0 when the extractor resolved the speaker to no source.
	SourceID int64 `json:"source_id,omitempty"`
	// Span is the mention's character offsets.
	Span document.Span `json:"span"`
}

// Source is a speaker as known across documents.
type Source struct {
	ID      int64  `json:"id"`
	Name    string `json:"name"`
	Kind    string `json:"kind"`
	Role    string `json:"role,omitempty"`    // the latest role given
	Country string `json:"country,omitempty"` // the latest country given
	// Names are the canonical names counted under this source: more than
	// one after a merge.
	Names []string `json:"names,omitempty"`
	// Reliability is the Admiralty grade the user set, A-F; F by default.
	Reliability string `json:"reliability"`
	// Affiliation is the organisation the source belongs to or speaks
	// for, as the last reconciliation found it (ID 0 when no article
	// quotes that organisation); AffiliationRole is store.AffiliationHead,
	// AffiliationSpokesperson or AffiliationMember.
	Affiliation     *SourceRef `json:"affiliation,omitempty"`
	AffiliationRole string     `json:"affiliation_role,omitempty"`
	Claims          int        `json:"claims"`
	Documents       int        `json:"documents"`
	FirstSeen       time.Time  `json:"first_seen,omitzero"` // days, from publication dates
	LastSeen        time.Time  `json:"last_seen,omitzero"`
}

// Hit is one search result: a document or a claim.
type Hit struct {
	Kind     string      `json:"kind"` // HitDocument or HitClaim
	Document DocumentRef `json:"document"`
	// ClaimID and Speaker are set for a claim.
	ClaimID int64  `json:"claim_id,omitempty"`
	Speaker string `json:"speaker,omitempty"`
	// Snippet is a short excerpt around the match (the claim's content for a
	// claim); Marks are the byte ranges of Snippet that matched, so a view
	// can highlight them after escaping the text.
	Snippet string          `json:"snippet"`
	Marks   []document.Span `json:"marks,omitempty"`
}

// Kinds of Hit.
const (
	HitDocument = "document"
	HitClaim    = "claim"
)

// Stats counts what a store holds.
type Stats struct {
	Documents  int `json:"documents"`
	Claims     int `json:"claims"`
	Sources    int `json:"sources"` // across documents
	Notes      int `json:"notes"`
	Quantities int `json:"quantities"`
	Times      int `json:"times"`
	Places     int `json:"places"`
	// FirstPublished and LastPublished span the publication days known;
	// LastAdded is when the latest document was stored.
	FirstPublished time.Time `json:"first_published,omitzero"`
	LastPublished  time.Time `json:"last_published,omitzero"`
	LastAdded      time.Time `json:"last_added,omitzero"`
}

// Token is an API token, without its secret.
type Token struct {
	ID       int64     `json:"id"`
	Name     string    `json:"name"`
	Created  time.Time `json:"created"`
	LastUsed time.Time `json:"last_used,omitzero"`
	Revoked  time.Time `json:"revoked,omitzero"`
}
