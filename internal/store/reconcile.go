package store

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"time"

	"github.com/crosscheck-dev/crosscheck/internal/document"
	"github.com/crosscheck-dev/crosscheck/internal/extract"
	"github.com/crosscheck-dev/crosscheck/internal/extract/quantity"
	"github.com/crosscheck-dev/crosscheck/internal/extract/when"
	"github.com/crosscheck-dev/crosscheck/internal/extract/where"
)

// This file holds what the reconciler (internal/reconcile) reads from the
// store and writes back, and the rows the views read: measures with their
// estimates, contradictions and agreements, a timeline, and the
// verification of each claim. The reconciler's logic is not here: the store
// only keeps its results, so that every backend keeps the same ones.

// ReconcileInput is everything the reconciler reads, from one snapshot of
// the store: documents, the sources of each document with the entity they
// count under now, the claims with their figures, times and places, and the
// reporters' notes.
type ReconcileInput struct {
	Documents []ReconcileDocument
	Sources   []ReconcileSource
	Entities  []ReconcileEntity
	Claims    []ReconcileClaim
	Notes     []ReconcileNote
	// Hash is the Hash of the reconciliation last saved as it was saved
	// (WithEntities: the entities it made have their ids), "" when none
	// was.
	Hash string
}

// ReconcileDocument is what the reconciler needs of a document.
type ReconcileDocument struct {
	ID        int64
	Title     string
	Publisher string
	Published time.Time // zero when unknown
}

// ReconcileSource is one source of one document (a row of the document's
// extraction), with the entity it counts under now.
type ReconcileSource struct {
	ID         int64 // the document-level source row
	DocumentID int64
	Name       string
	Kind       string
	Role       string
	Country    string
	Acronym    string
	Aliases    []string
	Plural     bool
	EntityID   int64
	// Pinned is set when a rule of the user's (a merge or a split) names
	// this source's entity: the reconciler leaves it where it is.
	Pinned bool
}

// ReconcileEntity is a source across documents as stored now.
type ReconcileEntity struct {
	ID          int64
	Name        string
	Kind        string
	Reliability string
	// ByUser is set when the user made or changed it: a merge, a split or
	// a reliability grade other than the default.
	ByUser bool
}

// ReconcileClaim is a stored claim with what the reconciler reads of it.
type ReconcileClaim struct {
	ID         int64
	DocumentID int64
	Ord        int    // position in its document's extraction
	LocalID    string // "c3"
	// SourceID is the document-level source row of the speaker, 0 when the
	// speaker was resolved to none.
	SourceID       int64
	SpeakerName    string
	SpeakerMention string
	SpeakerKind    string
	SpeakerRole    string
	Cue            string
	Mode           string
	// Kind is "speech", "belief" or "evidence", as extracted ("" in stores
	// written before it was kept).
	Kind        string
	Stance      string
	Content     string
	ContentSpan document.Span
	Hedges      []string
	Unverified  bool
	// Said is the day the text says the statement was made; Day is Said,
	// else the publication day. Either may be zero.
	Said, Day  time.Time
	Quantities []ReconcileQuantity
	Times      []when.Time
	Places     []where.Place
}

// ReconcileQuantity is a figure of a claim with its row id: one figure held
// by two claims (a quotation inside reported speech) has one id.
type ReconcileQuantity struct {
	ID int64
	quantity.Quantity
}

// ReconcileNote is a reporter's note (evidence, verification, an
// unattributed statement) of a document.
type ReconcileNote struct {
	DocumentID int64
	Ord        int
	extract.Note
}

// Reconciliation is what the reconciler writes: sources grouped into
// entities, claims with figures grouped into measures, and the verification
// of claims. SaveReconciliation replaces the previous one with it.
// Entities are referred to by their index in Entities, since a group may
// need an entity that does not exist yet.
type Reconciliation struct {
	Entities      []EntityGroup
	Measures      []MeasureRecord
	Verifications []VerificationRecord
}

// EntityGroup is one source across documents: the document-level sources
// counted under it.
type EntityGroup struct {
	// EntityID is the stored entity the group keeps (its id, reliability
	// and the user's rules stay); 0 makes a new one.
	EntityID int64
	Name     string
	Kind     string
	// Sources are document-level source rows (ReconcileSource.ID).
	Sources []int64
	// Affiliation is the index of the organisation the source belongs to
	// or speaks for, -1 for none; AffiliationName names it when no known
	// source is that organisation ("the Corvanan Institute of Ocean
	// Affairs"). AffiliationRole is AffiliationHead, AffiliationSpokesperson
	// or AffiliationMember.
	Affiliation     int
	AffiliationName string
	AffiliationRole string
}

// Roles of a source in the organisation it is affiliated with.
const (
	AffiliationHead         = "head"         // director, chief, minister, "who runs"
	AffiliationSpokesperson = "spokesperson" // speaks for it
	AffiliationMember       = "member"       // works there: a researcher at, an officer of
)

// MeasureRecord is one measure as the reconciler found it.
type MeasureRecord struct {
	// Key identifies the phenomenon measured (what is counted, the event,
	// the place...): a measure with the same key keeps its id from one
	// reconciliation to the next.
	Key string
	// Name says what is measured, for a person ("North Korean troops
	// expected to be deployed").
	Name string
	// What is the counted noun, Nationality whose it is, Event the event
	// class ("deployed", "arrived", "killed"...), Outlook "actual" or
	// "expected", Place and Country where, Unit and Rate as in
	// quantity.Quantity; Increment marks a measure of additions ("another
	// 2,000").
	What, Nationality, Event, Outlook string
	Place, Country                    string
	Unit, Rate                        string
	Increment                         bool
	// Low and High span the latest kept estimate of each independent
	// source; nil when no estimate is kept.
	Low, High *float64
	// Sources counts the independent sources behind the kept estimates: a
	// spokesperson and her ministry, or two articles quoting one agency,
	// count once.
	Sources   int
	Estimates []EstimateRecord
	Relations []RelationRecord
}

// Kinds of estimate.
const (
	EstimateReported  = "reported"  // a figure as of a day ("have already arrived")
	EstimateExpected  = "expected"  // a projection with no date ("expected to be deployed")
	EstimateProjected = "projected" // a projection by a date ("by Nov 1")
	EstimateIncrement = "increment" // an addition ("another 2,000", "the first 2,600")
	EstimateDenial    = "denial"    // a denial that there is anything to count
)

// EstimateRecord is one figure of a measure.
type EstimateRecord struct {
	ClaimID int64
	// QuantityID is the figure's row; 0 for a denial, which has none.
	QuantityID int64
	DocumentID int64
	// Entity is the index (in Reconciliation.Entities) of who the figure
	// is attributed to: the speaker, or the source the speaker cites ("the
	// agency's own count of 71"); -1 when unknown. Voice is the index of
	// the independent source it counts for.
	Entity, Voice    int
	Value, Low, High *float64
	Approx           bool
	Bound            string
	Text             string
	Kind             string
	SaidOn, AsOf     time.Time
	Excluded         bool
	Why              string
	Latest           bool // the latest kept estimate of its voice
	Cited            bool // the speaker cites another source's figure
}

// Kinds of relation between estimates.
const (
	RelationContradiction = "contradiction"
	RelationAgreement     = "agreement"
)

// RelationRecord relates two estimates of a measure, by index in its
// Estimates.
type RelationRecord struct {
	Kind string
	A, B int
	What string
}

// Verification statuses, from the strongest support to the weakest.
const (
	StatusConfirmed      = "confirmed"      // corroborated by two or more independent sources
	StatusCorroborated   = "corroborated"   // by one independent source, or by evidence cited
	StatusConsistent     = "consistent"     // within the range others give
	StatusUncorroborated = "uncorroborated" // nothing else to judge it by
	StatusUnverified     = "unverified"     // the reporter could not verify it
	StatusDenied         = "denied"         // another source denies it
	StatusContradicted   = "contradicted"   // an outlier, rhetoric, or at odds with several sources
)

// VerificationRecord is the verification of one claim as the reconciler
// found it; claims it has nothing to say about have none.
type VerificationRecord struct {
	ClaimID int64
	Status  string
	// Credibility is the information credibility on the Admiralty scale:
	// 1 confirmed by independent sources, 2 probably true, 3 possibly
	// true, 4 doubtful, 5 improbable, 6 cannot be judged.
	Credibility int
	// ConfirmedBy and DeniedBy are entity indexes.
	ConfirmedBy, DeniedBy []int
	Corroborations        int
	Evidence              []string // "satellite images", "video"
	Caveats               []string // the reporter's: "could not verify where the video was shot"
}

// CredibilityUnjudged is the credibility of a claim nothing can be said of.
const CredibilityUnjudged = 6

// Hash returns a digest of r, stable across runs: SaveReconciliation skips
// the writing when r is the reconciliation saved last, given again or
// found again (with the entities made then), so that running the
// reconciler twice changes nothing.
func (r *Reconciliation) Hash() string {
	h := sha256.New()
	enc := json.NewEncoder(h)
	// Struct fields encode in a fixed order and the slices are in the
	// reconciler's deterministic order, so the same result gives the same
	// bytes.
	if err := enc.Encode(r); err != nil {
		panic(fmt.Sprintf("store: hash reconciliation: %v", err)) // only plain values: cannot fail
	}
	return hex.EncodeToString(h.Sum(nil))
}

// WithEntities returns r with each group's EntityID set from ids (by group
// index): the reconciliation as saved, once the store has made the
// entities it asked for. Its Hash is what the next reconciliation of an
// unchanged store produces.
func (r *Reconciliation) WithEntities(ids []int64) *Reconciliation {
	out := *r
	out.Entities = make([]EntityGroup, len(r.Entities))
	for i, g := range r.Entities {
		g.EntityID = ids[i]
		out.Entities[i] = g
	}
	return &out
}

// Check reports a reconciliation whose indexes point nowhere, with
// ErrInvalid.
func (r *Reconciliation) Check() error {
	n := len(r.Entities)
	entity := func(what string, i int) error {
		if i < -1 || i >= n {
			return fmt.Errorf("%s refers to entity %d of %d: %w", what, i, n, ErrInvalid)
		}
		return nil
	}
	seen := map[int64]bool{}
	for i, g := range r.Entities {
		if err := entity(fmt.Sprintf("entity %d affiliation", i), g.Affiliation); err != nil {
			return err
		}
		if g.EntityID != 0 {
			if seen[g.EntityID] {
				return fmt.Errorf("entity %d is kept by two groups: %w", g.EntityID, ErrInvalid)
			}
			seen[g.EntityID] = true
		}
	}
	keys := map[string]bool{}
	for _, m := range r.Measures {
		if m.Key == "" || keys[m.Key] {
			return fmt.Errorf("measure %q: %w: its key is empty or used twice", m.Name, ErrInvalid)
		}
		keys[m.Key] = true
		for _, e := range m.Estimates {
			if err := entity("measure "+m.Key+" estimate", e.Entity); err != nil {
				return err
			}
			if err := entity("measure "+m.Key+" estimate voice", e.Voice); err != nil {
				return err
			}
		}
		for _, rel := range m.Relations {
			if rel.A < 0 || rel.A >= len(m.Estimates) || rel.B < 0 || rel.B >= len(m.Estimates) {
				return fmt.Errorf("measure %q: %w: a relation refers to no estimate", m.Key, ErrInvalid)
			}
		}
	}
	for _, v := range r.Verifications {
		for _, i := range append(append([]int(nil), v.ConfirmedBy...), v.DeniedBy...) {
			if err := entity(fmt.Sprintf("claim %d verification", v.ClaimID), i); err != nil {
				return err
			}
		}
	}
	return nil
}

// SourceRef names a source across documents. ID is 0 for an organisation
// known only by name (an affiliation no article quotes).
type SourceRef struct {
	ID   int64  `json:"id,omitempty"`
	Name string `json:"name"`
	Kind string `json:"kind,omitempty"`
}

// ClaimRef is what an estimate or a timeline entry shows of its claim.
type ClaimRef struct {
	ID      int64  `json:"id"`
	Content string `json:"content"`
	Cue     string `json:"cue,omitempty"`
	Stance  string `json:"stance,omitempty"`
	// Speaker is the canonical name the document gives the speaker.
	Speaker string `json:"speaker,omitempty"`
}

// MeasureRef names a measure.
type MeasureRef struct {
	ID   int64  `json:"id"`
	Name string `json:"name"`
}

// Range spans figures.
type Range struct {
	Low  float64 `json:"low"`
	High float64 `json:"high"`
}

// Measure is one thing counted across documents, with its figures over
// time.
type Measure struct {
	ID          int64  `json:"id"`
	Name        string `json:"name"`
	What        string `json:"what,omitempty"`
	Nationality string `json:"nationality,omitempty"`
	Event       string `json:"event,omitempty"`
	Outlook     string `json:"outlook,omitempty"` // "actual" or "expected"
	Place       string `json:"place,omitempty"`
	Country     string `json:"country,omitempty"`
	Unit        string `json:"unit,omitempty"`
	Rate        string `json:"rate,omitempty"`
	Increment   bool   `json:"increment,omitempty"`
	// Range spans the latest kept estimate of each independent source;
	// nil when none is kept.
	Range *Range `json:"range"`
	// Sources counts the independent sources behind the kept estimates.
	Sources int `json:"sources"`
	// Count is the number of estimates, kept or not; FirstSaid and
	// LastSaid span the days they were said.
	Count     int       `json:"count"`
	FirstSaid time.Time `json:"first_said,omitzero"`
	LastSaid  time.Time `json:"last_said,omitzero"`
	// Estimates are the figures in the order they were said (then as of).
	Estimates      []Estimate `json:"estimates"`
	Contradictions []Relation `json:"contradictions"`
	Agreements     []Relation `json:"agreements"`
}

// Estimate is one figure of a measure.
type Estimate struct {
	ID     int64    `json:"id"`
	Value  *float64 `json:"value"`
	Low    *float64 `json:"low,omitempty"`
	High   *float64 `json:"high,omitempty"`
	Approx bool     `json:"approx"`
	// Bound is "min" for "more than", "max" for "as many as".
	Bound string `json:"bound,omitempty"`
	// Text is the figure as written.
	Text string `json:"text,omitempty"`
	Kind string `json:"kind"`
	// SaidOn is the day the source said it (the day the text gives, else
	// the publication day); AsOf the day the figure describes.
	SaidOn time.Time `json:"said_on,omitzero"`
	AsOf   time.Time `json:"as_of,omitzero"`
	// Source is who the figure is attributed to; SpeaksFor the
	// organisation it counts for, when another.
	Source    SourceRef   `json:"source"`
	SpeaksFor *SourceRef  `json:"speaks_for,omitempty"`
	Document  DocumentRef `json:"document"`
	Claim     ClaimRef    `json:"claim"`
	Excluded  bool        `json:"excluded"`
	Why       string      `json:"why,omitempty"`
	// Latest marks the latest kept estimate of its independent source:
	// those make the measure's range.
	Latest bool `json:"latest,omitempty"`
	// Cited marks a figure the speaker attributes to another source.
	Cited bool `json:"cited,omitempty"`
}

// Relation is a contradiction or an agreement between two estimates.
type Relation struct {
	Kind      string       `json:"kind"`
	Between   [2]SourceRef `json:"between"`
	Estimates [2]int64     `json:"estimates"`
	What      string       `json:"what"`
}

// Verification is what is known of a claim's truth.
type Verification struct {
	ClaimID int64  `json:"claim_id"`
	Status  string `json:"status"`
	// Credibility is 1 (confirmed) to 6 (cannot be judged).
	Credibility    int         `json:"credibility"`
	ConfirmedBy    []SourceRef `json:"confirmed_by,omitempty"`
	DeniedBy       []SourceRef `json:"denied_by,omitempty"`
	Corroborations int         `json:"corroborations"`
	Evidence       []string    `json:"evidence,omitempty"`
	Caveats        []string    `json:"caveats,omitempty"`
}

// Unjudged is the verification of a claim the reconciler has nothing to
// say about.
func Unjudged(claimID int64) Verification {
	return Verification{ClaimID: claimID, Status: StatusUncorroborated, Credibility: CredibilityUnjudged}
}

// TimelineEntry is one claim on a day, with the figure it gives for a
// measure when it gives one. A claim with figures for several measures has
// an entry for each.
type TimelineEntry struct {
	// Day is the day the claim was made (said, else published).
	Day      time.Time   `json:"day,omitzero"`
	Claim    ClaimRef    `json:"claim"`
	Source   SourceRef   `json:"source"`
	Document DocumentRef `json:"document"`
	Measure  *MeasureRef `json:"measure,omitempty"`
	Estimate *Estimate   `json:"estimate,omitempty"`
}

// MeasureFilter selects measures.
type MeasureFilter struct {
	// Search keeps measures whose name holds every word given, in any
	// case.
	Search string
	// SourceID keeps measures with an estimate by that source (an entity).
	SourceID int64
	// Order is OrderSources (the default: the most independent sources,
	// then the most estimates), OrderRecent or OrderName.
	Order         Order
	Limit, Offset int
}

// OrderSources sorts measures by the independent sources behind them.
const OrderSources Order = "sources"

// Check reports a malformed filter, with ErrInvalid.
func (f MeasureFilter) Check() error {
	if err := checkPage(f.Limit, f.Offset); err != nil {
		return err
	}
	return checkOrder(f.Order, OrderSources, OrderRecent, OrderName)
}

// TimelineFilter selects timeline entries. Zero fields select everything.
type TimelineFilter struct {
	// SourceID keeps the claims of a source (an entity), and the figures
	// attributed to it.
	SourceID int64
	// MeasureID keeps the estimates of one measure.
	MeasureID int64
	// Since and Until bound the day, inclusive.
	Since, Until time.Time
	// Order is OrderOldest (the default) or OrderNewest.
	Order         Order
	Limit, Offset int
}

// Check reports a malformed filter, with ErrInvalid.
func (f TimelineFilter) Check() error {
	if err := checkPage(f.Limit, f.Offset); err != nil {
		return err
	}
	if err := checkDays(f.Since, f.Until); err != nil {
		return err
	}
	return checkOrder(f.Order, OrderOldest, OrderNewest)
}
