package reconcile

import (
	"slices"
	"strings"
	"time"

	"github.com/crosscheck-dev/crosscheck/internal/extract"
	"github.com/crosscheck-dev/crosscheck/internal/store"
)

// Verification. Each claim with a figure is judged against the other
// figures of its measure: confirmed by the independent sources whose
// figures of the same fortnight agree with it, denied by those that deny
// it, contradicted when it is an outlier or rhetoric, or at odds with
// several sources. Evidence the source cites (images, video) and the
// reporter's own caveats ("could not verify", "neither ... confirmed") are
// noted on every claim they concern. The information credibility follows,
// on the Admiralty scale (STANAG 2511 / FM 2-22.3, appendix B):
//
//	1 confirmed      by two or more independent sources
//	2 probably true  by one independent source
//	3 possibly true  consistent with the others' figures, or backed by evidence it cites
//	4 doubtful       denied by another source, and nothing supports it
//	5 improbable     an outlier or rhetoric, or contradicted by several sources
//	6 cannot be judged  nothing to judge it by
func (r *reconciler) verify() {
	type judged struct {
		confirmed, denied map[int]bool
		contradicted      map[int]bool
		excluded          bool
		consistent        bool
		evidence          []string
		caveats           []string
	}
	byClaim := map[int64]*judged{}
	get := func(id int64) *judged {
		j, ok := byClaim[id]
		if !ok {
			j = &judged{confirmed: map[int]bool{}, denied: map[int]bool{}, contradicted: map[int]bool{}}
			byClaim[id] = j
		}
		return j
	}
	for _, m := range r.measures {
		// The kept figures by the day they describe, the denials, and the
		// voices behind the kept figures.
		var kept, denials []*estimate
		voices := map[int]bool{}
		for _, o := range m.est {
			switch {
			case o.denial:
				denials = append(denials, o)
			case !o.excluded:
				kept = append(kept, o)
				voices[o.voiceKey()] = true
			}
		}
		slices.SortStableFunc(kept, func(a, b *estimate) int { return a.asOf.Compare(b.asOf) })
		for _, e := range m.est {
			if e.denial {
				continue
			}
			j := get(e.claim.ID)
			for _, ev := range e.evidence {
				j.evidence = appendNew(j.evidence, ev)
			}
			if e.excluded {
				if !strings.HasPrefix(e.why, "vague") {
					j.excluded = true
				}
				continue
			}
			for _, o := range denials {
				if o.voiceKey() != e.voiceKey() && o.entity >= 0 && near(o.saidOn, e.saidOn, denialWindow) {
					j.denied[o.entity] = true
				}
			}
			// The kept figures of the same fortnight, nearest first; a
			// figure set aside confirms and contradicts nothing.
			byDay := func(o *estimate, t time.Time) int { return o.asOf.Compare(t) }
			from, _ := slices.BinarySearchFunc(kept, e.asOf.Add(-sameTime), byDay)
			to, _ := slices.BinarySearchFunc(kept, e.asOf.Add(sameTime+1), byDay)
			if to-from > maxCompared {
				at, _ := slices.BinarySearchFunc(kept, e.asOf, byDay)
				from = max(from, at-maxCompared/2)
				to = min(to, from+maxCompared)
			}
			for _, o := range kept[from:to] {
				if o.voiceKey() == e.voiceKey() {
					continue
				}
				if overlap(o, e) {
					if o.voice >= 0 {
						j.confirmed[o.voice] = true
					}
				} else {
					j.contradicted[o.voiceKey()] = true
				}
			}
			others := len(voices)
			if voices[e.voiceKey()] {
				others--
			}
			if others > 0 && m.low != nil && e.mid >= *m.low*(1-tolerance) && e.mid <= *m.high*(1+tolerance) {
				j.consistent = true
			}
		}
	}
	// Evidence and caveats of claims with or without figures.
	for ci := range r.in.Claims {
		c := &r.in.Claims[ci]
		ev := r.evidenceOf(c)
		cav := r.caveats[c.ID]
		if c.Unverified {
			cav = appendNew(cav, "the reporter says it could not be verified")
		}
		if len(ev) == 0 && len(cav) == 0 {
			continue
		}
		j := get(c.ID)
		for _, x := range ev {
			j.evidence = appendNew(j.evidence, x)
		}
		for _, x := range cav {
			j.caveats = appendNew(j.caveats, x)
		}
	}
	ids := make([]int64, 0, len(byClaim))
	for id := range byClaim {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	for _, id := range ids {
		j := byClaim[id]
		v := store.VerificationRecord{ClaimID: id, Evidence: j.evidence, Caveats: j.caveats}
		v.ConfirmedBy = sortedKeys(j.confirmed)
		v.DeniedBy = sortedKeys(j.denied)
		v.Corroborations = len(v.ConfirmedBy)
		switch {
		case j.excluded:
			v.Status, v.Credibility = store.StatusContradicted, 5
		case v.Corroborations >= 2:
			v.Status, v.Credibility = store.StatusConfirmed, 1
		case v.Corroborations == 1:
			v.Status, v.Credibility = store.StatusCorroborated, 2
		case len(j.contradicted) >= 2:
			v.Status, v.Credibility = store.StatusContradicted, 5
		case j.consistent || len(j.evidence) > 0:
			// Evidence the source shows outweighs a bare denial.
			v.Status, v.Credibility = store.StatusConsistent, 3
		case len(v.DeniedBy) > 0:
			v.Status, v.Credibility = store.StatusDenied, 4
		case len(j.caveats) > 0:
			v.Status, v.Credibility = store.StatusUnverified, store.CredibilityUnjudged
		default:
			v.Status, v.Credibility = store.StatusUncorroborated, store.CredibilityUnjudged
		}
		if v.Credibility == store.CredibilityUnjudged && len(j.evidence) == 0 && len(j.caveats) == 0 && len(v.DeniedBy) == 0 {
			continue // nothing to say: Verifications reports it as unjudged
		}
		r.verifications = append(r.verifications, v)
	}
}

// maxCompared bounds the figures a figure is compared with, nearest in
// time first: past a few hundred, more say nothing new, and a busy measure
// would cost the square of its figures.
const maxCompared = 300

func sortedKeys(m map[int]bool) []int {
	out := make([]int, 0, len(m))
	for k := range m {
		if k >= 0 {
			out = append(out, k)
		}
	}
	slices.Sort(out)
	return out
}

// presentingWords say a source puts evidence forward ("released satellite
// images", "published aerial photographs").
var presentingWords = set("released", "published", "showed", "shows", "show", "showing", "photographed", "filmed",
	"recorded", "shared", "posted", "obtained", "tracked", "captured", "provided", "presented", "circulated")

// evidenceIn lists the evidence a text presents: an evidence noun with a
// word that presents it, or a noun that is itself the act ("photographed").
func evidenceIn(text string) []string {
	l := strings.ToLower(text)
	found := false
	for _, stem := range evidenceStems {
		if strings.Contains(l, stem) {
			found = true
			break
		}
	}
	if !found {
		return nil // most claims: no need to read them word by word
	}
	ws := words(text)
	presents := false
	for _, w := range ws {
		if presentingWords[w.lower] {
			presents = true
		}
	}
	var out []string
	for _, w := range ws {
		ev, ok := evidenceNouns[w.lower]
		if !ok {
			continue
		}
		if presents || w.lower == "photographed" || w.lower == "filmed" || w.lower == "intercepted" {
			out = appendNew(out, ev)
		}
	}
	return out
}

// evidenceStems start every key of evidenceNouns.
var evidenceStems = func() []string {
	seen := map[string]bool{}
	var out []string
	for k := range evidenceNouns {
		s := k[:min(4, len(k))]
		if !seen[s] {
			seen[s] = true
			out = append(out, s)
		}
	}
	return out
}()

// indexEvidence gathers, for each document and source, the evidence the
// source presents there: in its claims, in a claim whose cue shows ("It
// published aerial photographs showing..."), and in the reporter's notes
// that hold one of its claims ("It also released detailed satellite images
// of what it said was...").
func (r *reconciler) indexEvidence() {
	r.evidence = map[[2]int64][]string{}
	notes := map[int64][]*store.ReconcileNote{}
	for i := range r.in.Notes {
		n := &r.in.Notes[i]
		if n.Kind == extract.NoteEvidence || n.Kind == extract.NoteUnattributed {
			notes[n.DocumentID] = append(notes[n.DocumentID], n)
		}
	}
	for ci := range r.in.Claims {
		c := &r.in.Claims[ci]
		if c.Kind == "evidence" || c.SpeakerKind == extract.KindDocument {
			continue // the evidence itself speaks; its figures are credited in evidenceFromFigures
		}
		key := [2]int64{c.DocumentID, int64(r.voiceOfSource(c.SourceID))}
		found := evidenceIn(c.Content)
		first := ""
		if f := strings.Fields(c.Content); len(f) > 0 {
			first = strings.ToLower(strings.Trim(f[0], ",.;:“”\"'‘’"))
		}
		if showCues[strings.ToLower(c.Cue)] || showCues[first] {
			if len(found) == 0 {
				found = append(found, "images")
			}
		}
		for _, n := range notes[c.DocumentID] {
			if n.Span.Start <= c.ContentSpan.Start && c.ContentSpan.End <= n.Span.End {
				found = append(found, evidenceIn(n.Content)...)
			}
		}
		for _, ev := range found {
			r.evidence[key] = appendNew(r.evidence[key], ev)
		}
	}
}

// evidenceOf is the evidence behind a claim: what its source presents in
// the same document.
func (r *reconciler) evidenceOf(c *store.ReconcileClaim) []string {
	if c.Kind == "evidence" || c.SpeakerKind == extract.KindDocument {
		return nil
	}
	return r.evidence[[2]int64{c.DocumentID, int64(r.voiceOfSource(c.SourceID))}]
}

// indexCaveats applies the reporter's verification notes ("The Telegraph
// could not verify where the video was shot", "Neither Russia nor North
// Korea have confirmed the claims", "Neither the Guard nor the interior
// ministry has confirmed the Kestrian figure") to the claims they concern:
// those of a source the note names, those presenting the evidence it
// names, else, when it speaks of "the claims" or "the figure", every claim
// with a figure before it in the article.
func (r *reconciler) indexCaveats() {
	r.caveats = map[int64][]string{}
	withFigures := map[int64]bool{}
	for _, e := range r.est {
		withFigures[e.claim.ID] = true
	}
	byDoc := map[int64][]*store.ReconcileClaim{}
	for ci := range r.in.Claims {
		c := &r.in.Claims[ci]
		byDoc[c.DocumentID] = append(byDoc[c.DocumentID], c)
	}
	for i := range r.in.Notes {
		n := &r.in.Notes[i]
		if n.Kind != extract.NoteVerification {
			continue
		}
		text := n.Content
		if n.Cue != "" && !strings.Contains(strings.ToLower(text), strings.ToLower(n.Cue)) {
			text = strings.TrimSpace(strings.Trim(strings.TrimSpace(n.By), ";") + " " + n.Cue + " " + n.Content)
		}
		ws := words(n.Content)
		named := map[string]bool{}
		generic, evidence := false, ""
		for _, w := range ws {
			if w.cap {
				named[w.stem] = true
			}
			if genericTargets[w.lower] {
				generic = true
			}
			if ev, ok := evidenceNouns[w.lower]; ok {
				evidence = ev
			}
		}
		var targets []*store.ReconcileClaim
		for _, c := range byDoc[n.DocumentID] {
			if c.ContentSpan.Start > n.Span.Start {
				continue
			}
			gi := r.groupOfSource(c.SourceID)
			switch {
			case evidence != "" && slices.Contains(r.evidenceOf(c), evidence):
				targets = append(targets, c)
			case gi >= 0 && withFigures[c.ID] && r.named(gi, named):
				targets = append(targets, c)
			}
		}
		if len(targets) == 0 && generic && evidence == "" {
			for _, c := range byDoc[n.DocumentID] {
				if c.ContentSpan.Start <= n.Span.Start && withFigures[c.ID] {
					targets = append(targets, c)
				}
			}
		}
		for _, c := range targets {
			r.caveats[c.ID] = appendNew(r.caveats[c.ID], text)
		}
	}
}

// named reports whether a note's capitalised words name a group ("the
// Kestrian figure" names the Kestrian Defence Intelligence Directorate).
func (r *reconciler) named(gi int, stems map[string]bool) bool {
	if len(stems) == 0 {
		return false
	}
	if r.capStems == nil {
		r.capStems = map[int]map[string]bool{}
	}
	mine, ok := r.capStems[gi]
	if !ok {
		// The capitalised words of the group's names, read once.
		mine = map[string]bool{}
		for _, m := range r.g.groups[gi].members {
			for _, w := range r.g.srcs[m].ws {
				if w.cap {
					mine[w.stem] = true
				}
			}
		}
		r.capStems[gi] = mine
	}
	for st := range stems {
		if mine[st] {
			return true
		}
	}
	return false
}
