package export

import (
	"cmp"
	"context"
	"crypto/sha256"
	"encoding/json"
	"fmt"
	"io"
	"regexp"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/google/uuid"

	"github.com/crosscheck-dev/crosscheck/internal/extract"
	"github.com/crosscheck-dev/crosscheck/internal/extract/where"
	"github.com/crosscheck-dev/crosscheck/internal/store"
)

// The STIX export follows STIX Version 2.1 (OASIS Standard, 10 June 2021,
// https://docs.oasis-open.org/cti/stix/v2.1/stix-v2.1.html). Each document
// is a report, each source an identity, each place a location and each
// claim a note on the report, its speaker's identity and its places:
//
//	report   name = title, published, object_refs = its notes, identities, locations
//	identity name, identity_class (from the source's kind), roles, description
//	location name, country (ISO 3166-1 alpha-2), latitude and longitude
//	note     content = "Speaker cue: content", abstract, authors = [speaker],
//	         object_refs = [report, identity, locations...], confidence, labels
//
// A document with no claim has no report: a report must refer to at least
// one object. A place with neither a country nor coordinates has no
// location, since a location needs a region, a country or both coordinates.

// stixVersion is the spec_version of every object.
const stixVersion = "2.1"

// namespace is the UUIDv5 namespace (RFC 9562, section 5.5) of the ids this
// export makes: a fixed name under the URL namespace. STIX 2.1 (section
// 2.9) allows other UUIDs than v4 for SDOs from a namespace of the
// producer's own, provided it is not the one reserved for SCOs
// (00abedb4-aa42-466c-9c01-fed23315a9b7). Ids made from stable keys (a
// document's hash, a claim's place in it, a source's name) are the same in
// every export, so a platform that imports the bundle again updates its
// objects instead of duplicating them.
var namespace = uuid.NewSHA1(uuid.NameSpaceURL, []byte("https://github.com/crosscheck-dev/crosscheck/export/stix"))

// stixID makes the id of an object of type typ from its key. The type is
// part of the name hashed: STIX wants the UUID part unique across types.
func stixID(typ, key string) string {
	return typ + "--" + uuid.NewSHA1(namespace, []byte(typ+"\x00"+key)).String()
}

// stixTime writes a timestamp as STIX wants it: UTC, 'Z', milliseconds.
func stixTime(t time.Time) string {
	return t.UTC().Truncate(time.Millisecond).Format("2006-01-02T15:04:05.000Z")
}

// confidence maps a claim's credibility (the Admiralty scale's information
// credibility, 1 confirmed by other sources to 6 truth cannot be judged)
// to STIX confidence (0-100), with the table of STIX 2.1 Appendix A
// ("Admiralty Credibility"): 1 -> 90, 2 -> 70, 3 -> 50, 4 -> 30, 5 -> 10,
// each the middle of the band that maps back to the same grade. 6 has no
// value: the note carries no confidence, which STIX reads as "not
// specified" rather than as 0, "no confidence at all".
func confidence(credibility int) *int {
	if credibility < 1 || credibility > 5 {
		return nil
	}
	c := 90 - 20*(credibility-1)
	return &c
}

// identityClass maps a source's kind to STIX's identity-class-ov.
func identityClass(kind string) string {
	switch kind {
	case extract.KindPerson:
		return "individual"
	case extract.KindOrganisation, extract.KindPublisher:
		return "organization"
	default:
		// anonymous ("officials", "a resident") and documents (a report, a
		// study): who stands behind them is not known.
		return "unknown"
	}
}

// The objects, with their properties in the order the spec lists them.

type stixCommon struct {
	Type        string `json:"type"`
	SpecVersion string `json:"spec_version"`
	ID          string `json:"id"`
	Created     string `json:"created"`
	Modified    string `json:"modified"`
}

type stixBundle struct {
	Type    string `json:"type"`
	ID      string `json:"id"`
	Objects []any  `json:"objects,omitempty"` // omitted when empty: STIX lists may not be
}

type stixReport struct {
	stixCommon
	Name               string              `json:"name"`
	Description        string              `json:"description,omitempty"`
	Published          string              `json:"published"`
	ObjectRefs         []string            `json:"object_refs"`
	ExternalReferences []externalReference `json:"external_references,omitempty"`
}

type externalReference struct {
	SourceName  string `json:"source_name"`
	Description string `json:"description,omitempty"`
	URL         string `json:"url,omitempty"`
	ExternalID  string `json:"external_id,omitempty"`
}

type stixIdentity struct {
	stixCommon
	Name          string   `json:"name"`
	Description   string   `json:"description,omitempty"`
	Roles         []string `json:"roles,omitempty"`
	IdentityClass string   `json:"identity_class"`
}

type stixLocation struct {
	stixCommon
	Name               string   `json:"name,omitempty"`
	Latitude           *float64 `json:"latitude,omitempty"`
	Longitude          *float64 `json:"longitude,omitempty"`
	Country            string   `json:"country,omitempty"`
	AdministrativeArea string   `json:"administrative_area,omitempty"`
	City               string   `json:"city,omitempty"`
}

type stixNote struct {
	stixCommon
	Abstract   string   `json:"abstract,omitempty"`
	Content    string   `json:"content"`
	Authors    []string `json:"authors,omitempty"`
	ObjectRefs []string `json:"object_refs"`
	Confidence *int     `json:"confidence,omitempty"`
	Labels     []string `json:"labels,omitempty"`
}

// span is when the documents behind a shared object (an identity, a
// location) were stored: its created and modified times.
type span struct{ first, last time.Time }

func (s *span) add(t time.Time) {
	if s.first.IsZero() || t.Before(s.first) {
		s.first = t
	}
	if t.After(s.last) {
		s.last = t
	}
}

// bundler gathers the objects of a bundle.
type bundler struct {
	identities map[string]*stixIdentity // by id
	locations  map[string]*stixLocation
	spans      map[string]*span // created and modified of identities and locations
	// identityKeys says which source or speaker took the key of an
	// identity, so that two sources with one name and kind get two ids.
	identityKeys map[string]string
	reports      []any // each report followed by its notes, oldest document first
}

func writeSTIX(ctx context.Context, w io.Writer, st store.Store) (Summary, error) {
	var sum Summary
	r, err := newReader(ctx, st)
	if err != nil {
		return sum, err
	}
	b := &bundler{identities: map[string]*stixIdentity{}, locations: map[string]*stixLocation{},
		spans: map[string]*span{}, identityKeys: map[string]string{}}
	err = r.each(ctx, func(e entry) error {
		sum.Documents++
		sum.Claims += len(e.Claims)
		b.document(e)
		return nil
	})
	if err != nil {
		return sum, err
	}
	bundle := b.bundle()
	sum.Objects = len(bundle.Objects)
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return sum, enc.Encode(bundle)
}

// document adds a document's report and notes, and the identities and
// locations they refer to.
func (b *bundler) document(e entry) {
	d := e.Doc
	stored := d.Added
	created := stixTime(stored)
	report := &stixReport{
		stixCommon:  stixCommon{Type: "report", SpecVersion: stixVersion, ID: stixID("report", "document:"+d.Hash), Created: created, Modified: created},
		Name:        cmp.Or(d.Title, d.Origin, "Untitled document"),
		Description: d.Standfirst,
		// A report is published when its article was; an article with no
		// date is dated by when it was stored, the earliest day it is
		// known to have been out.
		Published: stixTime(cmp.Or(d.Published, stored)),
	}
	if d.URL != "" {
		report.ExternalReferences = append(report.ExternalReferences,
			externalReference{SourceName: cmp.Or(d.Publisher, "article"), URL: d.URL})
	}
	// The hash finds the document again in crosscheck (the API's and the
	// store's DocumentByHash), whichever store it was read into.
	report.ExternalReferences = append(report.ExternalReferences, externalReference{
		SourceName: "crosscheck", ExternalID: "sha256:" + d.Hash,
		Description: "SHA-256 of the article's text as crosscheck stored it"})

	refs := map[string]bool{}
	var notes []any
	for _, c := range e.Claims {
		note := &stixNote{
			stixCommon: stixCommon{Type: "note", SpecVersion: stixVersion, ID: stixID("note", "claim:"+d.Hash+":"+c.LocalID), Created: created, Modified: created},
			Abstract:   abstract(c),
			Content:    noteContent(c),
			ObjectRefs: []string{report.ID},
			Confidence: confidence(c.Verification.Credibility),
			Labels:     noteLabels(c),
		}
		if name := cmp.Or(c.Speaker.Name, c.Speaker.Mention); name != "" {
			note.Authors = []string{name}
		}
		if id := b.identity(c, stored); id != "" {
			note.ObjectRefs = append(note.ObjectRefs, id)
		}
		for _, p := range c.Places {
			if id := b.location(p, stored); id != "" && !slices.Contains(note.ObjectRefs, id) {
				note.ObjectRefs = append(note.ObjectRefs, id)
			}
		}
		for _, id := range note.ObjectRefs[1:] {
			refs[id] = true
		}
		refs[note.ID] = true
		notes = append(notes, note)
	}
	report.ObjectRefs = sortedKeys(refs)
	b.reports = append(b.reports, report)
	b.reports = append(b.reports, notes...)
}

// identity returns the id of the identity of a claim's speaker, adding it
// when it is new; "" for a speaker with no name.
func (b *bundler) identity(c claim, stored time.Time) string {
	name, kind, owner := c.Speaker.Name, c.Speaker.Kind, "speaker:"+store.Fold(c.Speaker.Name)
	if s := c.Source; s != nil {
		name, kind, owner = s.Name, s.Kind, fmt.Sprintf("source:%d", s.ID)
	}
	if strings.TrimSpace(name) == "" {
		return ""
	}
	key := "source:" + kind + ":" + store.Fold(name)
	if o, ok := b.identityKeys[key]; ok && o != owner {
		key += "\x00" + owner // a second source of the same name
	}
	b.identityKeys[key] = owner
	id := stixID("identity", key)
	if b.spans[id] == nil {
		b.spans[id] = &span{}
		idt := &stixIdentity{
			stixCommon:    stixCommon{Type: "identity", SpecVersion: stixVersion, ID: id},
			Name:          name,
			IdentityClass: identityClass(kind),
		}
		role := c.Speaker.Role
		if s := c.Source; s != nil {
			role = cmp.Or(s.Role, role)
			idt.Description = describeSource(*s)
		} else if role != "" {
			idt.Description = role + "."
		}
		if role != "" {
			idt.Roles = []string{role}
		}
		b.identities[id] = idt
	}
	b.spans[id].add(stored)
	return id
}

// describeSource says what the store knows of a source beyond its name.
func describeSource(s store.Source) string {
	var parts []string
	if s.Role != "" {
		parts = append(parts, s.Role)
	}
	if s.Affiliation != nil {
		switch s.AffiliationRole {
		case store.AffiliationHead:
			parts = append(parts, "heads "+s.Affiliation.Name)
		case store.AffiliationSpokesperson:
			parts = append(parts, "speaks for "+s.Affiliation.Name)
		default:
			parts = append(parts, "of "+s.Affiliation.Name)
		}
	}
	if s.Reliability != "" && s.Reliability != store.ReliabilityDefault {
		parts = append(parts, "reliability "+s.Reliability+" on the Admiralty scale")
	}
	if len(parts) == 0 {
		return ""
	}
	return strings.Join(parts, "; ") + "."
}

var countryCode = regexp.MustCompile(`^[A-Z]{2}$`)

// location returns the id of a place's location, adding it when it is new;
// "" for a place STIX cannot hold.
func (b *bundler) location(p where.Place, stored time.Time) string {
	country := strings.ToUpper(p.Country)
	if !countryCode.MatchString(country) {
		country = ""
	}
	coords := hasCoords(p.Lat, p.Lon) && p.Lat >= -90 && p.Lat <= 90 && p.Lon >= -180 && p.Lon <= 180
	if country == "" && !coords {
		return ""
	}
	name := cmp.Or(p.Canonical, p.Name, p.Text)
	key := "place:" + country + ":" + store.Fold(name)
	if p.ID != 0 {
		key = fmt.Sprintf("gazetteer:%d", p.ID)
	}
	id := stixID("location", key)
	if b.spans[id] == nil {
		b.spans[id] = &span{}
		loc := &stixLocation{stixCommon: stixCommon{Type: "location", SpecVersion: stixVersion, ID: id},
			Name: name, Country: country}
		if coords {
			lat, lon := p.Lat, p.Lon
			loc.Latitude, loc.Longitude = &lat, &lon
		}
		switch p.Kind {
		case where.KindCity:
			loc.City = name
		case where.KindRegion:
			loc.AdministrativeArea = name
		}
		b.locations[id] = loc
	}
	b.spans[id].add(stored)
	return id
}

// bundle lays the objects out: identities and locations by name, then
// each report followed by its notes.
func (b *bundler) bundle() stixBundle {
	identities := make([]*stixIdentity, 0, len(b.identities))
	for id, idt := range b.identities {
		idt.Created, idt.Modified = stixTime(b.spans[id].first), stixTime(b.spans[id].last)
		identities = append(identities, idt)
	}
	slices.SortFunc(identities, func(a, b *stixIdentity) int { return cmp.Or(cmp.Compare(a.Name, b.Name), cmp.Compare(a.ID, b.ID)) })
	locations := make([]*stixLocation, 0, len(b.locations))
	for id, loc := range b.locations {
		loc.Created, loc.Modified = stixTime(b.spans[id].first), stixTime(b.spans[id].last)
		locations = append(locations, loc)
	}
	slices.SortFunc(locations, func(a, b *stixLocation) int { return cmp.Or(cmp.Compare(a.Name, b.Name), cmp.Compare(a.ID, b.ID)) })

	var objects []any
	for _, o := range identities {
		objects = append(objects, o)
	}
	for _, o := range locations {
		objects = append(objects, o)
	}
	objects = append(objects, b.reports...)

	// The bundle's id follows from what it holds: the same store gives
	// the same id, a changed one another.
	h := sha256.New()
	for _, o := range objects {
		c := common(o)
		fmt.Fprintf(h, "%s %s\n", c.ID, c.Modified)
	}
	return stixBundle{Type: "bundle", ID: stixID("bundle", fmt.Sprintf("%x", h.Sum(nil))), Objects: objects}
}

func common(o any) stixCommon {
	switch o := o.(type) {
	case *stixIdentity:
		return o.stixCommon
	case *stixLocation:
		return o.stixCommon
	case *stixReport:
		return o.stixCommon
	case *stixNote:
		return o.stixCommon
	}
	panic(fmt.Sprintf("export: not a STIX object: %T", o))
}

// noteContent is the claim as a sentence: who, the reporting word, what;
// then its verification.
func noteContent(c claim) string {
	var b strings.Builder
	// The canonical name, not the mention: "she said" means nothing out of
	// the article.
	b.WriteString(cmp.Or(c.Speaker.Name, c.Speaker.Mention))
	if c.Cue != "" {
		b.WriteString(" " + c.Cue)
	}
	b.WriteString(": ")
	if c.Mode == extract.ModeDirect {
		b.WriteString("\u201c" + c.Content + "\u201d")
	} else {
		b.WriteString(c.Content)
	}
	v := c.Verification
	fmt.Fprintf(&b, "\n\nVerification: %s (credibility %d on the Admiralty scale)", v.Status, v.Credibility)
	if len(v.ConfirmedBy) > 0 {
		b.WriteString("; confirmed by " + refNames(v.ConfirmedBy))
	}
	if len(v.DeniedBy) > 0 {
		b.WriteString("; denied by " + refNames(v.DeniedBy))
	}
	if len(v.Evidence) > 0 {
		b.WriteString("; evidence: " + strings.Join(v.Evidence, ", "))
	}
	if len(v.Caveats) > 0 {
		b.WriteString("; caveats: " + strings.Join(v.Caveats, "; "))
	}
	b.WriteString(".")
	return b.String()
}

func refNames(refs []store.SourceRef) string {
	names := make([]string, len(refs))
	for i, r := range refs {
		names[i] = r.Name
	}
	return strings.Join(names, ", ")
}

// abstractLen is how long an abstract may be, in characters: a line in a
// platform's list of notes.
const abstractLen = 120

// abstract is the note's title: the speaker and the start of the claim.
func abstract(c claim) string {
	s := cmp.Or(c.Speaker.Name, c.Speaker.Mention) + ": " + strings.Join(strings.Fields(c.Content), " ")
	if utf8.RuneCountInString(s) <= abstractLen {
		return s
	}
	runes := []rune(s)[:abstractLen-1]
	return strings.TrimRight(string(runes), " ") + "…"
}

// noteLabels classify a note as the claim is classified, for filtering on
// a platform: "stance:denies", "mode:direct", "kind:belief",
// "status:confirmed".
func noteLabels(c claim) []string {
	var labels []string
	for _, l := range [][2]string{{"stance", c.Stance}, {"mode", c.Mode}, {"kind", c.Kind}, {"status", c.Verification.Status}} {
		if l[1] != "" {
			labels = append(labels, l[0]+":"+l[1])
		}
	}
	return labels
}

func sortedKeys(m map[string]bool) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}
