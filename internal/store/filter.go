package store

import (
	"fmt"
	"strings"
	"time"
)

// Order says how a listing is sorted. The zero value is each listing's
// default.
type Order string

// Orders. Every listing breaks ties by id, so pages never overlap.
const (
	OrderDefault Order = ""
	OrderNewest  Order = "newest" // latest day first (documents: published; claims: Day)
	OrderOldest  Order = "oldest" // earliest day first
	OrderAdded   Order = "added"  // documents: the latest stored first
	OrderClaims  Order = "claims" // sources: the most claims first
	OrderName    Order = "name"   // sources: by name
	OrderRecent  Order = "recent" // sources: the latest seen first
)

// DocumentFilter selects documents. Zero fields select everything.
type DocumentFilter struct {
	// Search is a full-text query over title and text (see ParseQuery).
	Search string
	// Publisher matches the publisher, case-insensitively, as a substring.
	Publisher string
	// Since and Until bound the publication day, inclusive; a document with
	// no publication day is left out when either is set.
	Since, Until time.Time
	// Order is OrderNewest (the default), OrderOldest or OrderAdded.
	Order Order
	// Limit is the page size, 0 for no limit; Offset skips that many.
	Limit, Offset int
}

// ClaimFilter selects claims. Zero fields select everything.
type ClaimFilter struct {
	// Speaker matches the speaker's canonical name or the mention,
	// case-insensitively, as a substring.
	Speaker string
	// Search is a full-text query over the content and the speaker.
	Search string
	// Since and Until bound the claim's Day (the day said, else published),
	// inclusive.
	Since, Until time.Time
	DocumentID   int64
	SourceID     int64  // a Source's id (across documents)
	Kind         string // speaker kind: extract.KindPerson...
	Stance       string // extract.StanceAsserts...
	Mode         string // extract.ModeDirect...
	// HasQuantity keeps claims that carry at least one quantity.
	HasQuantity bool
	// Place matches a place of the claim by gazetteer name or text
	// (case-insensitive substring) or, when two letters, by country code.
	Place string
	// Order is OrderNewest (the default) or OrderOldest.
	Order         Order
	Limit, Offset int
}

// SourceFilter selects sources across documents.
type SourceFilter struct {
	// Name matches any canonical name counted under the source,
	// case-insensitively, as a substring.
	Name string
	Kind string
	// DocumentID keeps the sources named in one document.
	DocumentID int64
	// Since and Until bound the publication days of the documents the
	// source appears in, inclusive.
	Since, Until time.Time
	// Order is OrderClaims (the default), OrderName or OrderRecent.
	Order         Order
	Limit, Offset int
}

// SearchFilter is a full-text search over documents and claims.
type SearchFilter struct {
	Query string
	// Kind keeps only HitDocument or only HitClaim hits; empty keeps both.
	Kind          string
	Limit, Offset int
}

func checkPage(limit, offset int) error {
	if limit < 0 || offset < 0 {
		return fmt.Errorf("limit %d, offset %d: %w: both must be 0 or more", limit, offset, ErrInvalid)
	}
	return nil
}

func checkDays(since, until time.Time) error {
	if !since.IsZero() && !until.IsZero() && Day(since) > Day(until) {
		return fmt.Errorf("since %s is after until %s: %w", Day(since), Day(until), ErrInvalid)
	}
	return nil
}

func checkOrder(o Order, allowed ...Order) error {
	if o == OrderDefault {
		return nil
	}
	for _, a := range allowed {
		if o == a {
			return nil
		}
	}
	names := make([]string, len(allowed))
	for i, a := range allowed {
		names[i] = string(a)
	}
	return fmt.Errorf("order %q: %w: use one of %s", o, ErrInvalid, strings.Join(names, ", "))
}

// Check reports a malformed filter, with ErrInvalid.
func (f DocumentFilter) Check() error {
	if err := checkPage(f.Limit, f.Offset); err != nil {
		return err
	}
	if err := checkDays(f.Since, f.Until); err != nil {
		return err
	}
	return checkOrder(f.Order, OrderNewest, OrderOldest, OrderAdded)
}

// Check reports a malformed filter, with ErrInvalid.
func (f ClaimFilter) Check() error {
	if err := checkPage(f.Limit, f.Offset); err != nil {
		return err
	}
	if err := checkDays(f.Since, f.Until); err != nil {
		return err
	}
	return checkOrder(f.Order, OrderNewest, OrderOldest)
}

// Check reports a malformed filter, with ErrInvalid.
func (f SourceFilter) Check() error {
	if err := checkPage(f.Limit, f.Offset); err != nil {
		return err
	}
	if err := checkDays(f.Since, f.Until); err != nil {
		return err
	}
	return checkOrder(f.Order, OrderClaims, OrderName, OrderRecent)
}

// Check reports a malformed filter, with ErrInvalid.
func (f SearchFilter) Check() error {
	if err := checkPage(f.Limit, f.Offset); err != nil {
		return err
	}
	switch f.Kind {
	case "", HitDocument, HitClaim:
	default:
		return fmt.Errorf("hit kind %q: %w: use %q or %q", f.Kind, ErrInvalid, HitDocument, HitClaim)
	}
	if strings.TrimSpace(f.Query) == "" {
		return fmt.Errorf("search: %w: the query is empty", ErrInvalid)
	}
	return nil
}

// Day formats t as an ISO day ("2024-10-18"), the form days are stored in;
// "" for the zero time.
func Day(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format(time.DateOnly)
}

// ParseDay reads an ISO day as stored; "" and malformed days give the zero
// time.
func ParseDay(s string) time.Time {
	if len(s) != len(time.DateOnly) {
		return time.Time{}
	}
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		return time.Time{}
	}
	return t
}

// Fold is the key under which names are compared: lower case, runs of
// spaces made one. Backends store it beside the name, because SQL's own
// case folding (SQLite's lower, LIKE) only knows ASCII.
func Fold(s string) string {
	return strings.ToLower(strings.Join(strings.Fields(s), " "))
}

// Reliability grades on the Admiralty scale: A completely reliable, B
// usually reliable, C fairly reliable, D not usually reliable, E unreliable,
// F reliability cannot be judged.
const (
	ReliabilityDefault = "F"
	reliabilityGrades  = "ABCDEF"
)

// CheckReliability reports a grade that is not one letter A-F.
func CheckReliability(grade string) error {
	if len(grade) != 1 || !strings.Contains(reliabilityGrades, grade) {
		return fmt.Errorf("reliability %q: %w: use a letter from A (completely reliable) to F (cannot be judged)", grade, ErrInvalid)
	}
	return nil
}
