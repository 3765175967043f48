package export

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/google/uuid"
)

// validateBundle checks a bundle against the rules of STIX 2.1 (OASIS
// Standard, 10 June 2021) for the objects the export makes, and returns
// what breaks them. It checks what the spec says MUST hold:
//
//   - a bundle: type "bundle", an id "bundle--UUID", no spec_version
//     (2.1 dropped it from bundles), objects a non-empty list if present
//     (section 8);
//   - every object: type, spec_version "2.1", an id "type--UUID" with an
//     RFC 4122 UUID unique in the bundle, also across types (2.9), created
//     and modified timestamps in UTC with a 'Z' and milliseconds (3.2),
//     modified not before created, no list property empty (2.x), only the
//     properties the spec defines for the type (no custom property),
//     confidence an integer 0-100 (3.2), labels strings, external
//     references with a source_name (2.5);
//   - report (4.14): name, published, object_refs non-empty;
//   - identity (4.5): name; identity_class from identity-class-ov (an
//     open vocabulary, which the export keeps to);
//   - location (4.10): region, country or latitude and longitude; latitude
//     and longitude both or neither, in range; country two capital letters
//     (ISO 3166-1 alpha-2);
//   - note (4.11): content, object_refs non-empty, authors strings;
//   - every _ref and _refs names an object in the bundle.
func validateBundle(data []byte) []string {
	var errs []string
	fail := func(format string, a ...any) { errs = append(errs, fmt.Sprintf(format, a...)) }

	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	var bundle map[string]any
	if err := dec.Decode(&bundle); err != nil {
		return []string{"not a JSON object: " + err.Error()}
	}
	if bundle["type"] != "bundle" {
		fail("bundle: type %v", bundle["type"])
	}
	checkID(bundle["id"], "bundle", fail)
	if _, ok := bundle["spec_version"]; ok {
		fail("bundle: spec_version is not a property of a 2.1 bundle")
	}
	for k := range bundle {
		if k != "type" && k != "id" && k != "objects" {
			fail("bundle: unknown property %q", k)
		}
	}
	raw, present := bundle["objects"]
	if !present {
		return errs
	}
	objects, ok := raw.([]any)
	if !ok || len(objects) == 0 {
		return append(errs, "bundle: objects is not a non-empty list")
	}

	ids := map[string]bool{}
	uuids := map[string]string{}
	var refs [][2]string // object id, id referred to
	for i, o := range objects {
		obj, ok := o.(map[string]any)
		if !ok {
			fail("object %d: not an object", i)
			continue
		}
		typ, _ := obj["type"].(string)
		id, _ := obj["id"].(string)
		where := fmt.Sprintf("object %d (%s)", i, id)
		allowed, known := stixProperties[typ]
		if !known {
			fail("%s: type %q is not one the export makes", where, typ)
			continue
		}
		checkID(obj["id"], typ, func(format string, a ...any) { fail(where+": "+format, a...) })
		if ids[id] {
			fail("%s: id used twice", where)
		}
		ids[id] = true
		if u := strings.TrimPrefix(id, typ+"--"); uuids[u] != "" {
			fail("%s: UUID part also used by %s", where, uuids[u])
		} else {
			uuids[u] = id
		}
		if obj["spec_version"] != "2.1" {
			fail("%s: spec_version %v", where, obj["spec_version"])
		}
		created := checkTime(obj, "created", true, where, fail)
		modified := checkTime(obj, "modified", true, where, fail)
		if !created.IsZero() && !modified.IsZero() && modified.Before(created) {
			fail("%s: modified %s before created %s", where, modified, created)
		}
		for k, v := range obj {
			if !slices.Contains(commonProperties, k) && !slices.Contains(allowed.optional, k) && !slices.Contains(allowed.required, k) {
				fail("%s: property %q is not defined for %s", where, k, typ)
			}
			if l, ok := v.([]any); ok && len(l) == 0 {
				fail("%s: %s is an empty list", where, k)
			}
			if strings.HasSuffix(k, "_refs") {
				for _, r := range stringList(v) {
					refs = append(refs, [2]string{id, r})
				}
			} else if strings.HasSuffix(k, "_ref") {
				r, _ := v.(string)
				refs = append(refs, [2]string{id, r})
			}
		}
		for _, k := range allowed.required {
			if v, ok := obj[k]; !ok || v == "" {
				fail("%s: required property %s is missing", where, k)
			}
		}
		if c, ok := obj["confidence"]; ok {
			n, isNum := c.(json.Number)
			v, err := n.Int64()
			if !isNum || err != nil || v < 0 || v > 100 {
				fail("%s: confidence %v is not an integer 0-100", where, c)
			}
		}
		if l, ok := obj["labels"]; ok && len(stringList(l)) != len(l.([]any)) {
			fail("%s: labels %v are not strings", where, l)
		}
		if l, ok := obj["external_references"]; ok {
			for _, er := range l.([]any) {
				m, _ := er.(map[string]any)
				if s, _ := m["source_name"].(string); s == "" {
					fail("%s: external reference %v without a source_name", where, er)
				}
			}
		}

		switch typ {
		case "report":
			checkTime(obj, "published", false, where, fail)
		case "identity":
			if c, ok := obj["identity_class"]; ok && !slices.Contains(identityClasses, c.(string)) {
				fail("%s: identity_class %q is not in identity-class-ov", where, c)
			}
		case "location":
			lat, hasLat := obj["latitude"]
			lon, hasLon := obj["longitude"]
			_, hasRegion := obj["region"]
			country, hasCountry := obj["country"].(string)
			if !hasRegion && !hasCountry && !(hasLat && hasLon) {
				fail("%s: a location needs a region, a country, or a latitude and a longitude", where)
			}
			if hasLat != hasLon {
				fail("%s: latitude and longitude go together", where)
			}
			if hasLat && !inRange(lat, 90) || hasLon && !inRange(lon, 180) {
				fail("%s: coordinates %v, %v out of range", where, lat, lon)
			}
			if hasCountry && !regexp.MustCompile(`^[A-Z]{2}$`).MatchString(country) {
				fail("%s: country %q is not ISO 3166-1 alpha-2", where, country)
			}
			if _, ok := obj["precision"]; ok && !hasLat {
				fail("%s: precision without coordinates", where)
			}
		case "note":
			if a, ok := obj["authors"]; ok && len(stringList(a)) != len(a.([]any)) {
				fail("%s: authors %v are not strings", where, a)
			}
		}
	}
	for _, r := range refs {
		if !ids[r[1]] {
			fail("%s refers to %q, which is not in the bundle", r[0], r[1])
		}
	}
	return errs
}

// commonProperties are the properties every object the export makes may
// have (section 3.2), beside its own.
var commonProperties = []string{"type", "spec_version", "id", "created", "modified", "created_by_ref", "revoked",
	"labels", "confidence", "lang", "external_references", "object_marking_refs", "granular_markings", "extensions"}

// stixProperties are the properties of each type, from its section of the
// spec.
var stixProperties = map[string]struct{ required, optional []string }{
	"report":   {[]string{"name", "published", "object_refs"}, []string{"description", "report_types"}},
	"identity": {[]string{"name"}, []string{"description", "roles", "identity_class", "sectors", "contact_information"}},
	"location": {nil, []string{"name", "description", "latitude", "longitude", "precision", "region", "country",
		"administrative_area", "city", "street_address", "postal_code"}},
	"note": {[]string{"content", "object_refs"}, []string{"abstract", "authors"}},
}

// identityClasses is identity-class-ov (section 10.7).
var identityClasses = []string{"individual", "group", "system", "organization", "class", "unknown"}

var stixTimestamp = regexp.MustCompile(`^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$`)

// checkTime checks a timestamp property; millis requires the millisecond
// precision created and modified must have.
func checkTime(obj map[string]any, key string, millis bool, where string, fail func(string, ...any)) time.Time {
	s, ok := obj[key].(string)
	if !ok {
		fail("%s: %s is missing or not a string", where, key)
		return time.Time{}
	}
	if !stixTimestamp.MatchString(s) || millis && !regexp.MustCompile(`\.\d{3}Z$`).MatchString(s) {
		fail("%s: %s %q is not a STIX timestamp (UTC, 'Z'%s)", where, key, s, map[bool]string{true: ", milliseconds"}[millis])
		return time.Time{}
	}
	t, err := time.Parse(time.RFC3339Nano, s)
	if err != nil {
		fail("%s: %s %q: %v", where, key, s, err)
	}
	return t
}

// checkID checks an identifier: "type--UUID" with an RFC 4122 UUID.
func checkID(v any, typ string, fail func(string, ...any)) {
	id, _ := v.(string)
	rest, ok := strings.CutPrefix(id, typ+"--")
	if !ok {
		fail("id %q does not start with %s--", id, typ)
		return
	}
	u, err := uuid.Parse(rest)
	if err != nil || len(rest) != 36 || strings.ToLower(rest) != rest {
		fail("id %q: %q is not a UUID in its canonical form", id, rest)
		return
	}
	if u.Variant() != uuid.RFC4122 || u.Version() < 1 || u.Version() > 8 {
		fail("id %q: not an RFC 4122 UUID (variant %v, version %d)", id, u.Variant(), u.Version())
	}
}

func stringList(v any) []string {
	l, _ := v.([]any)
	var out []string
	for _, it := range l {
		if s, ok := it.(string); ok {
			out = append(out, s)
		}
	}
	return out
}

func inRange(v any, limit float64) bool {
	n, ok := v.(json.Number)
	if !ok {
		return false
	}
	f, err := n.Float64()
	return err == nil && !math.IsNaN(f) && f >= -limit && f <= limit
}

// stixObjects decodes a bundle's objects, by id.
func stixObjects(t *testing.T, data []byte) (order []string, byID map[string]map[string]any) {
	t.Helper()
	var b struct {
		Objects []map[string]any `json:"objects"`
	}
	if err := json.Unmarshal(data, &b); err != nil {
		t.Fatal(err)
	}
	byID = map[string]map[string]any{}
	for _, o := range b.Objects {
		id := o["id"].(string)
		order = append(order, id)
		byID[id] = o
	}
	return order, byID
}

func TestSTIX(t *testing.T) {
	st := demoStore(t)
	claims := allClaims(t, st)
	data, sum := export(t, st, STIX)
	if errs := validateBundle(data); len(errs) > 0 {
		t.Fatalf("the bundle breaks STIX 2.1:\n%s", strings.Join(errs, "\n"))
	}
	order, objects := stixObjects(t, data)
	if sum.Objects != len(order) {
		t.Errorf("summary: %d objects, the bundle has %d", sum.Objects, len(order))
	}
	count := map[string]int{}
	for _, id := range order {
		count[objects[id]["type"].(string)]++
	}
	if count["report"] != 8 || count["note"] != len(claims) || count["identity"] == 0 || count["location"] == 0 {
		t.Errorf("objects %v: want 8 reports, %d notes (one per claim), identities, and locations (Geneva, New York)", count, len(claims))
	}

	confidences := map[any]int{}
	for _, id := range order {
		o := objects[id]
		switch o["type"] {
		case "report":
			// A report refers to its notes, and each note to its report.
			for _, ref := range stringList(o["object_refs"]) {
				if strings.HasPrefix(ref, "note--") && !slices.Contains(stringList(objects[ref]["object_refs"]), id) {
					t.Errorf("%s lists %s, which does not refer to it", id, ref)
				}
			}
		case "note":
			refs := stringList(o["object_refs"])
			if !strings.HasPrefix(refs[0], "report--") || len(refs) < 2 || !strings.HasPrefix(refs[1], "identity--") {
				t.Errorf("%s: object_refs %v, want its report, then its speaker", id, refs)
			}
			for _, ref := range refs {
				if !slices.Contains(stringList(objects[refs[0]]["object_refs"]), ref) && ref != refs[0] {
					t.Errorf("%s refers to %s, which its report does not list", id, ref)
				}
			}
			if len(stringList(o["authors"])) != 1 {
				t.Errorf("%s: authors %v, want the speaker", id, o["authors"])
			}
			confidences[o["confidence"]]++
		case "location":
			if o["name"] == "Geneva" && (o["country"] != "CH" || o["latitude"] == nil || o["longitude"] == nil) {
				t.Errorf("Geneva: %v", o)
			}
		}
	}
	// Confidence is one of the five values of the Admiralty table, or
	// absent for a claim nothing can be said of; the demo has both.
	judged := 0
	for c, n := range confidences {
		switch c {
		case 90.0, 70.0, 50.0, 30.0, 10.0:
			judged += n
		case nil:
		default:
			t.Errorf("%d notes with confidence %v, not from the Admiralty table", n, c)
		}
	}
	if judged == 0 || confidences[nil] == 0 {
		t.Errorf("confidences %v: want some notes with one and some without", confidences)
	}
}

// TestSTIXIDs: the ids come from what the objects are, not from the store:
// the same articles read into another store give the same ids, so a
// platform importing both updates its objects rather than duplicating them.
func TestSTIXIDs(t *testing.T) {
	a, _ := export(t, demoStore(t), STIX)
	b, _ := export(t, demoStore(t), STIX)
	ida, _ := stixObjects(t, a)
	idb, _ := stixObjects(t, b)
	if !slices.Equal(ida, idb) {
		t.Errorf("two stores of the same articles give other ids")
	}
}

func TestConfidence(t *testing.T) {
	for cred, want := range map[int]int{1: 90, 2: 70, 3: 50, 4: 30, 5: 10} {
		if got := confidence(cred); got == nil || *got != want {
			t.Errorf("confidence(%d) = %v, want %d", cred, got, want)
		}
	}
	for _, cred := range []int{0, 6, 7} {
		if got := confidence(cred); got != nil {
			t.Errorf("confidence(%d) = %d, want none", cred, *got)
		}
	}
}

// TestValidator makes sure the validator catches what it is meant to, so
// that a bundle passing it means something.
func TestValidator(t *testing.T) {
	const (
		report = `{"type":"report","spec_version":"2.1","id":"report--8314cc26-b7b0-5b8b-bb2f-5e58ea91c79e","created":"2025-03-03T10:00:00.000Z","modified":"2025-03-03T10:00:00.000Z","name":"T","published":"2025-03-03T00:00:00.000Z","object_refs":["note--f9390b36-cd13-5d70-9137-d4ea59ce8788"]}`
		note   = `{"type":"note","spec_version":"2.1","id":"note--f9390b36-cd13-5d70-9137-d4ea59ce8788","created":"2025-03-03T10:00:00.000Z","modified":"2025-03-03T10:00:00.000Z","content":"c","object_refs":["report--8314cc26-b7b0-5b8b-bb2f-5e58ea91c79e"],"confidence":70}`
		loc    = `{"type":"location","spec_version":"2.1","id":"location--70344e23-91ff-5b8f-aeb7-10d030c7889d","created":"2025-03-03T10:00:00.000Z","modified":"2025-03-03T10:00:00.000Z","name":"Geneva","latitude":46.2,"longitude":6.1,"country":"CH"}`
		ident  = `{"type":"identity","spec_version":"2.1","id":"identity--159492eb-d9e9-58e1-ba83-128a367e2ddc","created":"2025-03-03T10:00:00.000Z","modified":"2025-03-03T10:00:00.000Z","name":"N","identity_class":"individual"}`
	)
	bundle := func(objs ...string) string {
		return `{"type":"bundle","id":"bundle--aca695a2-f94e-54be-98b6-0217eda30315","objects":[` + strings.Join(objs, ",") + `]}`
	}
	if errs := validateBundle([]byte(bundle(report, note, loc, ident))); len(errs) > 0 {
		t.Fatalf("a valid bundle is refused: %v", errs)
	}
	for _, tc := range []struct {
		name, bundle, want string
	}{
		{"bundle type", strings.Replace(bundle(report, note), `"bundle"`, `"bundel"`, 1), "bundle: type"},
		{"bundle spec_version", strings.Replace(bundle(report, note), `"type":"bundle"`, `"type":"bundle","spec_version":"2.1"`, 1), "spec_version is not"},
		{"empty objects", bundle(), "objects is not a non-empty list"},
		{"id type", bundle(strings.Replace(report, `"id":"report--`, `"id":"note--`, 1), note), "does not start with report--"},
		{"not a UUID", bundle(strings.Replace(report, "8314cc26-b7b0", "8314cc26-b7bz", -1), note), "not a UUID"},
		{"not RFC 4122", bundle(strings.Replace(ident, "58e1-ba83", "58e1-0a83", 1)), "not an RFC 4122 UUID"},
		{"id twice", bundle(report, note, note), "id used twice"},
		{"uuid across types", bundle(ident, strings.Replace(loc, "70344e23-91ff-5b8f-aeb7-10d030c7889d", "159492eb-d9e9-58e1-ba83-128a367e2ddc", 1)), "UUID part also used"},
		{"spec_version", bundle(strings.Replace(ident, `"2.1"`, `"2.0"`, 1)), "spec_version 2.0"},
		{"no millis", bundle(strings.Replace(ident, `"created":"2025-03-03T10:00:00.000Z"`, `"created":"2025-03-03T10:00:00Z"`, 1)), "milliseconds"},
		{"not UTC", bundle(strings.Replace(ident, `10:00:00.000Z","name"`, `10:00:00.000+01:00","name"`, 1)), "modified"},
		{"modified before created", bundle(strings.Replace(ident, `"modified":"2025-03-03T10:00:00.000Z"`, `"modified":"2025-03-02T10:00:00.000Z"`, 1)), "before created"},
		{"report name", bundle(strings.Replace(report, `"name":"T",`, ``, 1), note), "required property name"},
		{"report published", bundle(strings.Replace(report, `"published":"2025-03-03T00:00:00.000Z",`, ``, 1), note), "published is missing"},
		{"report refs empty", bundle(strings.Replace(report, `"object_refs":["note--f9390b36-cd13-5d70-9137-d4ea59ce8788"]`, `"object_refs":[]`, 1), note), "empty list"},
		{"unresolved ref", bundle(report), "not in the bundle"},
		{"note content", bundle(report, strings.Replace(note, `"content":"c",`, ``, 1)), "required property content"},
		{"confidence range", bundle(report, strings.Replace(note, `"confidence":70`, `"confidence":101`, 1)), "confidence"},
		{"confidence integer", bundle(report, strings.Replace(note, `"confidence":70`, `"confidence":70.5`, 1)), "confidence"},
		{"identity class", bundle(strings.Replace(ident, `"individual"`, `"person"`, 1)), "identity-class-ov"},
		{"custom property", bundle(strings.Replace(ident, `"name":"N"`, `"name":"N","kind":"person"`, 1)), `property "kind"`},
		{"latitude alone", bundle(strings.Replace(loc, `"longitude":6.1,`, ``, 1)), "go together"},
		{"latitude range", bundle(strings.Replace(loc, `46.2`, `96.2`, 1)), "out of range"},
		{"no place", bundle(strings.Replace(strings.Replace(loc, `"latitude":46.2,"longitude":6.1,`, ``, 1), `,"country":"CH"`, ``, 1)), "needs a region"},
		{"country code", bundle(strings.Replace(loc, `"CH"`, `"Switzerland"`, 1)), "alpha-2"},
	} {
		errs := validateBundle([]byte(tc.bundle))
		if !slices.ContainsFunc(errs, func(e string) bool { return strings.Contains(e, tc.want) }) {
			t.Errorf("%s: errors %q, want one saying %q", tc.name, errs, tc.want)
		}
	}
}
