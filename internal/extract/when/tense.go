package when

import "github.com/crosscheck-dev/crosscheck/internal/extract/token"

// lean is which way a reader places an expression that leaves its year or
// week open: towards the past (news mostly reports what happened), or the
// future (what will happen).
type lean int8

const (
	leanPast   lean = -1
	leanNone   lean = 0 // no sign either way; callers decide
	leanFuture lean = 1
)

// lean reads the verb group that governs tokens [from, to): the nearest
// verb to the left within the sentence ("will meet on Friday", "planned to
// leave on Thursday", "had been transported ... between Oct 8 and 13"), or,
// for an expression that opens its clause ("On Friday, the government
// planned..."), the first verb to its right. No tagger is needed: modal and
// auxiliary verbs are closed classes, past tense is "-ed" or an irregular
// form, and intention verbs ("plans", "expected", "scheduled") look ahead.
func (s *scanner) lean(from, to int) lean {
	if from >= len(s.t) {
		return leanNone
	}
	sent := s.d.Sentences[s.d.SentenceOf(from)]
	lo := max(sent.From, from-16)
	for j := from - 1; j >= lo; j-- {
		t := &s.t[j]
		if t.Kind == token.Quote || t.Key == ";" || t.Key == ":" {
			break
		}
		if t.Kind != token.Word {
			continue
		}
		if l, ok := s.verbLean(j, true, from); ok {
			return l
		}
		if t.Key == "who" || t.Key == "which" {
			// A relative clause with no tense we know ("members who
			// hand in their weapons by April"): the verb before it is
			// another clause's.
			return leanNone
		}
	}
	hi := min(sent.To, to+24)
	for j := to; j < hi; j++ {
		t := &s.t[j]
		if t.Kind == token.Quote || t.Key == ";" || t.Key == ":" {
			break
		}
		if t.Kind != token.Word {
			continue
		}
		if l, ok := s.verbLean(j, false, from); ok {
			return l
		}
	}
	return leanNone
}

// verbLean reports the lean given by word j, if it is part of a verb
// group, for the expression that starts at token from. left says whether j
// lies before the expression: an intention verb there ("planned a
// demonstration on Saturday") looks ahead, unless the expression follows
// it at once ("decided on Feb. 11", "agreed in June to buy"); after a
// fronted expression it is the verb's own tense that counts ("On Friday,
// the government planned to pay...").
func (s *scanner) verbLean(j int, left bool, from int) (lean, bool) {
	t := &s.t[j]
	k := t.Key
	if !s.verb[j] && t.Shape == token.Lower {
		return leanNone, false // most words: no tense
	}
	if t.Shape != token.Lower && s.d.Sentences[s.d.SentenceOf(j)].From != j {
		return leanNone, false // a name inside the sentence
	}
	switch {
	case futureModal[k]:
		return leanFuture, true
	case left && futureWord[k]:
		return leanFuture, true
	case left && k == "set" && (s.key(j+1) == "for" || s.key(j+1) == "to"):
		return leanFuture, true // "a summit set for April"
	case left && k == "record" && s.key(j-1) == "of":
		return leanFuture, true // "holders of record Nov. 17"
	case k == "going" && s.key(j+1) == "to":
		return leanFuture, true
	case k == "to":
		if !left {
			return leanNone, false
		}
		nx := s.key(j + 1)
		if nx == "" || s.t[j+1].Kind != token.Word || s.t[j+1].Shape != token.Lower || notVerbAfterTo[nx] {
			return leanNone, false
		}
		// An infinitive: the verb before "to" decides ("plans to hold",
		// "asked it to respond").
		h := j - 1
		for h >= 0 && (s.key(h) == "not" || adverb(s.key(h)) || objectPronoun[s.key(h)]) {
			h--
		}
		if h >= 0 && (intention[s.key(h)] || toHead[s.key(h)]) {
			return leanFuture, true
		}
		return leanNone, false
	case intention[k] && !s.nounUse(j):
		// "decided on Feb. 11" dates the deciding; "is expected in
		// December" dates what is expected.
		own := from-j <= 2 && pastForm(k) && (from-j == 1 || s.t[j+1].Kind == token.Word && prepOrDet[s.key(j+1)]) &&
			!beForm[s.key(j-1)]
		if left && !own {
			return leanFuture, true
		}
		if pastForm(k) {
			return leanPast, true
		}
		return leanFuture, true
	case k == "is" || k == "are" || k == "am" || k == "'re":
		// Present progressive with a time ("is meeting on Friday") looks
		// ahead; a plain present says nothing.
		if left && j+1 < len(s.t) && hasSuffix(s.key(j+1), "ing") {
			return leanFuture, true
		}
		return leanNone, true
	case k == "says" || k == "say" || k == "tells" || k == "believes" || k == "thinks":
		return leanNone, true
	case modalMaybe[k]:
		// "could join on Friday", "can win in November" look ahead;
		// "may have fled on Friday" looks back.
		if left && s.key(j+1) != "have" && s.key(j+1) != "'ve" {
			return leanFuture, true
		}
		return leanNone, true
	case k == "has" || k == "have" || k == "had" || k == "was" || k == "were" || k == "did" || k == "'ve":
		if s.modalBefore(j) {
			return leanFuture, true // "will have"
		}
		if left && (k == "has" || k == "have") && s.key(j+1) == "to" {
			return leanFuture, true // "still has to move through a June hearing"
		}
		return leanPast, true
	case irregularPast[k] || t.Shape == token.Lower && pastForm(k) && !s.adjectival(j):
		// A participle after "will be" or "is to be" looks ahead: "will
		// be sent by Nov 1".
		if s.modalBefore(j) {
			return leanFuture, true
		}
		return leanPast, true
	}
	return leanNone, false
}

// modalBefore reports whether the auxiliaries before word j ("be", "been",
// "have", adverbs) start with a future modal ("will be sent", "would have
// met", "is to be held", "are expected to be").
func (s *scanner) modalBefore(j int) bool {
	for h := j - 1; h >= 0 && j-h <= 5; h-- {
		k := s.key(h)
		switch {
		case futureModal[k]:
			return true
		case k == "to":
			// "is to be held", "expected to be sent", "guidelines to be
			// published": a passive infinitive looks ahead.
			return s.key(h+1) == "be" || h > 0 && (s.key(h-1) == "is" || s.key(h-1) == "are" || intention[s.key(h-1)] || toHead[s.key(h-1)])
		case k == "be" || k == "been" || k == "being" || k == "have" || k == "not" || k == "n't" || adverb(k) ||
			k == "also" || k == "still" || k == "then" || k == "soon":
		default:
			return false
		}
	}
	return false
}

// adjectival reports whether the "-ed" word j modifies a noun ("Series H
// preferred shares", "the armed forces", "a still unspecified date")
// rather than being a verb: it follows a determiner, a number, a
// capitalised word or a degree adverb.
func (s *scanner) adjectival(j int) bool {
	if j == 0 || !s.same(j) {
		return false
	}
	p := &s.t[j-1]
	// After a number or a name, only when a noun follows: "Series H
	// preferred shares", but "American Medical received a bid".
	nounNext := s.same(j+1) && s.t[j+1].Kind == token.Word && s.t[j+1].Shape == token.Lower &&
		!prepOrDet[s.key(j+1)] && !determiner[s.key(j+1)] && !objectPronoun[s.key(j+1)]
	switch {
	case p.Kind == token.Number:
		return nounNext
	case p.Kind != token.Word:
		return false
	case p.Shape != token.Lower:
		return determiner[p.Key] || nounNext && s.d.Sentences[s.d.SentenceOf(j-1)].From != j-1
	}
	return determiner[p.Key] || p.Key == "still" || p.Key == "very" || p.Key == "most" || p.Key == "more" ||
		p.Key == "newly" || p.Key == "recently" || p.Key == "previously"
}

// nounUse reports whether word j is a noun here ("the plan", "a deal",
// "withdrawal plans", "Obama's plans"), not a verb: it follows a
// determiner or a possessive, or, for a word that is as often a noun, a
// lower-case word that is not a subject pronoun, an adverb or an auxiliary.
func (s *scanner) nounUse(j int) bool {
	p := s.key(j - 1)
	switch p {
	case "the", "a", "an", "its", "his", "her", "their", "our", "this", "that", "'s", "my", "your":
		return true
	}
	if !nounToo[s.key(j)] || j == 0 || !s.same(j) || s.t[j-1].Kind != token.Word || s.t[j-1].Shape != token.Lower {
		return false
	}
	return !subjectPronoun[p] && !adverb(p) && !futureModal[p] && !modalMaybe[p] && !beForm[p] && p != "to" &&
		p != "also" && p != "still" && p != "now" && p != "and" && p != "who" && p != "which"
}

// pastForm reports whether a lower-case word looks like a regular past
// tense or participle.
func pastForm(k string) bool {
	return len(k) >= 5 && hasSuffix(k, "ed") && !edNotVerb[k]
}

func adverb(k string) bool { return len(k) > 4 && hasSuffix(k, "ly") }

func hasSuffix(s, suf string) bool {
	return len(s) >= len(suf) && s[len(s)-len(suf):] == suf
}

func set(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}

// Closed classes and lists of English grammar (modal and auxiliary verbs,
// the irregular past tenses of the commonest verbs in news text, from the
// irregular verb tables of standard English grammars).
var (
	futureModal = set("will", "'ll", "shall", "won't", "would", "'d", "wo")
	modalMaybe  = set("could", "can", "may", "might", "should", "must", "ca", "can't", "cannot")
	// intention verbs put their object or infinitive in the future.
	intention = set("plan", "plans", "planned", "planning", "schedule", "schedules", "scheduled", "expect",
		"expects", "expected", "expecting", "due", "slated", "intend", "intends", "intended", "intending",
		"aim", "aims", "hope", "hopes", "hoping", "poised", "ready", "prepare", "prepares", "preparing",
		"vow", "vows", "vowed", "promise", "promises", "promised", "pledge", "pledges", "pledged",
		"threaten", "threatens", "threatened", "agree", "agrees", "agreed", "decide", "decides", "decided",
		"want", "wants", "wanted", "seek", "seeks", "upcoming")
	// toHead words make a following infinitive look ahead ("is set to
	// meet on Friday", "is likely to vote on Monday").
	toHead = set("set", "likely", "supposed", "meant", "about", "going", "deadline", "able", "wants", "need",
		"needs", "order", "ordered", "asked", "urged", "called", "invited", "told", "agreement", "plan", "plans",
		"deal", "offer", "bid", "proposal", "decision", "move", "pledge", "promise", "vow", "request", "ready",
		"due", "expected", "scheduled", "slated", "poised", "prepared", "agreed", "decided", "is", "are", "am")
	// Words that put a date after them in the future without being verbs:
	// "payable Dec. 15", "holders of record Nov. 17", "effective June 1",
	// "the rights expire Nov. 21", "due 1993".
	futureWord = set("payable", "due", "effective", "expire", "expires", "expiring", "expiration", "deadline",
		"scheduled", "slated", "upcoming", "pending", "starting", "beginning", "maturing", "matures",
		"mature", "redeemable", "convertible", "exercisable", "until", "till")
	// "put" is a present form too, but in news narrative it is mostly
	// past; "set" is left out: "set for April" looks ahead, "set Friday
	// as the deadline" tells nothing.
	irregularPast = set("said", "told", "met", "made", "took", "went", "came", "gave", "held", "began", "left",
		"saw", "found", "sent", "won", "lost", "fell", "rose", "struck", "led", "brought", "thought", "spoke",
		"wrote", "chose", "ran", "got", "knew", "felt", "paid", "sold", "bought", "built", "caught", "taught",
		"fought", "shot", "spent", "stood", "understood", "broke", "drove", "flew", "grew", "threw", "wore",
		"hid", "swore", "tore", "woke", "sank", "sang", "rang", "sat", "slept", "kept", "heard", "laid",
		"became", "forgot", "froze", "stole", "arose", "blew", "dealt", "drew", "fed", "fled", "forgave",
		"hung", "rode", "sought", "shook", "slid", "spun", "sprang", "stuck", "swept", "swung", "withdrew",
		"overtook", "undertook", "overcame", "mistook", "upheld", "withheld", "beat", "bid", "let", "hit",
		"quit", "cast", "cost", "hurt", "shut", "split", "spread", "wound", "meant", "lent", "bent", "dug",
		"been", "gone", "done", "seen", "taken", "given", "known", "shown", "written", "spoken", "chosen",
		"broken", "driven", "flown", "grown", "thrown", "worn", "hidden", "stolen", "forgotten", "risen",
		"fallen", "beaten", "bitten", "eaten", "ridden", "shaken", "sworn", "torn", "woken", "begun",
		"sung", "sunk", "swum", "drunk", "rung", "killed", "died", "put")
	// Words ending in "-ed" that are not verbs.
	edNotVerb = set("hundred", "hundreds", "indeed", "breed", "creed", "greed", "speed", "steed", "seed",
		"need", "feed", "deed", "weed", "shred", "sacred", "naked", "wicked", "kindred", "rugged", "ragged",
		"jagged", "wretched", "beloved", "aged", "armed", "based", "alleged", "supposed", "detailed",
		"advanced", "limited", "united", "red", "bed", "led", "fled", "shed", "sled", "wed", "embed",
		"proceed", "exceed", "succeed", "bleed", "unprecedented", "unexpected",
		"unidentified", "unnamed", "unrelated", "unarmed", "unverified", "undisclosed", "unconfirmed")
	determiner = set("the", "a", "an", "its", "his", "her", "their", "our", "my", "your", "this", "that",
		"these", "those", "some", "all", "no", "any", "each", "every", "many", "several", "other")
	objectPronoun  = set("it", "him", "her", "them", "us", "me", "you")
	subjectPronoun = set("i", "we", "you", "he", "she", "it", "they", "who", "that", "which")
	// nounToo are intention words as often nouns as verbs.
	nounToo = set("plan", "plans", "schedule", "schedules", "aim", "aims", "hope", "hopes", "vow", "vows",
		"promise", "promises", "pledge", "pledges", "want", "wants", "expect", "set")
	beForm         = set("is", "are", "be", "'s", "'re", "being", "been")
	notVerbAfterTo = set("the", "a", "an", "his", "her", "their", "its", "our", "my", "your", "this",
		"that", "these", "those", "some", "all", "both", "each", "every", "any", "no", "one", "two",
		"three", "him", "them", "us", "me", "it", "date", "day", "what", "which", "whom", "where", "more",
		"less", "about", "around", "nearly", "almost", "over", "under", "power", "court", "war", "office",
		"prison", "jail", "death", "school", "work", "market", "press", "bed", "sea", "dinner", "lunch",
		"breakfast", "and", "or", "rest", "date", "zero")
	prepOrDet = set("on", "in", "at", "by", "the", "a", "an", "of", "since", "until", "from", "between",
		"during", "and", "early", "late", "last", "this", "next", "earlier", "later", "as", "for", "to",
		"up", "till", "before", "after", "around", "about", "then", "but", "also", "however", "only",
		"just", "again", "even", "still", "so")
)
