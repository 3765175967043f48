package reconcile

// The lexicons the reconciler reads. Each says what it is for and where its
// knowledge comes from; none lists sentences of a particular article.

// nounClass maps a counted noun (its lemma) to the class figures are
// compared in: reports call the same soldiers "troops", "soldiers" or
// "forces" from one paragraph to the next, and the same boats "vessels",
// "boats" or "ships". The classes are the near-synonyms of conflict and
// crisis reporting (WordNet's synsets for soldier, vessel, civilian,
// refugee, casualty), kept small so that different things are not mixed:
// "volunteers" and "reservists" are not "troops".
var nounClass = map[string]string{
	"troop": "troops", "soldier": "troops", "force": "troops", "serviceman": "troops", "servicemen": "troops",
	"personnel": "troops", "service member": "troops", "army": "troops", "contingent": "troops",
	"vessel": "vessels", "boat": "vessels", "ship": "vessels", "trawler": "vessels", "craft": "vessels",
	"civilian": "civilians", "resident": "civilians", "inhabitant": "civilians",
	"person": "people", "people": "people", "individual": "people",
	"refugee": "refugees", "asylum seeker": "refugees", "displaced": "refugees",
	"volunteer": "volunteers", "fighter": "fighters", "militant": "fighters", "insurgent": "fighters",
	"reservist": "reservists", "conscript": "conscripts", "recruit": "recruits",
	"vehicle": "vehicles", "lorry": "vehicles", "truck": "vehicles", "armoured vehicle": "vehicles",
	"tank": "tanks", "drone": "drones", "missile": "missiles", "rocket": "rockets", "shell": "shells",
	"aircraft": "aircraft", "plane": "aircraft", "jet": "aircraft", "helicopter": "helicopters",
	"casualty": "casualties", "death": "deaths", "dead": "deaths", "body": "deaths",
	"prisoner": "prisoners", "detainee": "prisoners", "hostage": "hostages",
	"family": "families", "household": "families", "migrant": "migrants",
}

// clauseNouns are the counted nouns looked for in a figure's clause when the
// extractor gave the figure nothing counted ("the force had passed 10,000",
// "sending armed volunteers ... at a rate of about 300 each week"): the keys
// of nounClass, whose classes are what such figures count.
var clauseNouns = func() map[string]bool {
	m := map[string]bool{}
	for k := range nounClass {
		m[k] = true
	}
	return m
}()

// anaphors refer back to the thing the article counts ("put the number at
// 62", "the true number was well over 200", "the toll rose to 40"): a figure
// with nothing counted but one of these counts the article's topic.
// pronounCounts follow "of" after a figure that counts what the article is
// about ("a million of them").
var pronounCounts = set("them", "those", "these", "us")

// locatives before a place name make it where something goes or is, not
// whose it is ("sending armed volunteers into Valdoria's Vessary
// province").
var locatives = set("into", "in", "to", "from", "at", "near", "across", "inside", "towards", "toward", "within",
	"on", "onto", "through", "over", "along", "off", "beyond", "outside", "around")

var anaphors = set("number", "figure", "count", "total", "tally", "estimate", "toll", "strength", "size", "numbers",
	"figures", "estimates", "counts")

// Event classes: what happened to what is counted. A figure's event is the
// verb of its clause: the one after the figure when the figure is the
// subject ("1,500 troops have arrived"), else the one before ("counted 47
// vessels", "has moved 8,000 troops"). Classes after the event verbs of
// conflict reporting in ACLED's and UCDP's codebooks (presence, arrival,
// departure, fatalities, detention, mobilisation).
const (
	eventPresent   = "present" // deployed, stationed, massed, remaining: the stock
	eventSent      = "sent"    // sent, dispatched, on their way
	eventArrived   = "arrived"
	eventLeft      = "left" // withdrawn, departed, pulled back
	eventKilled    = "killed"
	eventWounded   = "wounded"
	eventLost      = "lost" // losses: killed, wounded and captured together
	eventDetained  = "detained"
	eventMobilised = "mobilised"
	eventDisplaced = "displaced"
	eventNone      = "" // none found: read as the stock
)

// eventVerbs maps verb forms (lower case) to event classes. Multi-word
// forms are looked up too ("pulled back", "called up").
var eventVerbs = map[string]string{
	"deploy": eventPresent, "deploys": eventPresent, "deployed": eventPresent, "deploying": eventPresent,
	"deployment": eventPresent, "station": eventPresent, "stationed": eventPresent, "massed": eventPresent,
	"massing": eventPresent, "gathered": eventPresent, "gathering": eventPresent, "based": eventPresent,
	"positioned": eventPresent, "remain": eventPresent, "remained": eventPresent, "remaining": eventPresent,
	"remains": eventPresent, "anchored": eventPresent, "grown": eventPresent, "grew": eventPresent,
	"risen": eventPresent, "rose": eventPresent, "moved": eventPresent, "join": eventPresent,
	"joined": eventPresent, "fight": eventPresent, "fighting": eventPresent, "prepared": eventPresent,
	"preparing": eventPresent, "involved": eventPresent, "present": eventPresent, "serving": eventPresent,
	"still": eventPresent, "counted": eventPresent, "passed": eventPresent, "build-up": eventPresent,
	"buildup": eventPresent, "assembled": eventPresent, "concentrated": eventPresent,
	"send": eventSent, "sends": eventSent, "sent": eventSent, "sending": eventSent, "dispatched": eventSent,
	"dispatch": eventSent, "transported": eventSent, "shipped": eventSent, "heading": eventSent,
	"transferred": eventSent, "redeployed": eventSent,
	"arrive": eventArrived, "arrived": eventArrived, "arriving": eventArrived, "arrives": eventArrived,
	"landed": eventArrived, "reached": eventArrived, "crossed": eventArrived, "crossing": eventArrived,
	"entered": eventArrived,
	"left":    eventLeft, "leave": eventLeft, "leaving": eventLeft, "withdrawn": eventLeft, "withdrew": eventLeft,
	"withdrawing": eventLeft, "departed": eventLeft, "pulled back": eventLeft, "pulled out": eventLeft,
	"sailed home": eventLeft, "returned": eventLeft, "gone": eventLeft,
	"killed": eventKilled, "died": eventKilled, "dead": eventKilled, "deaths": eventKilled, "slain": eventKilled,
	"wounded": eventWounded, "injured": eventWounded, "hurt": eventWounded,
	"lost": eventLost, "losses": eventLost, "losing": eventLost, "casualties": eventLost,
	"detained": eventDetained, "arrested": eventDetained, "captured": eventDetained, "held": eventDetained,
	"taken prisoner": eventDetained,
	"called up":      eventMobilised, "mobilised": eventMobilised, "mobilized": eventMobilised,
	"conscripted": eventMobilised, "recruited": eventMobilised, "drafted": eventMobilised,
	"fled": eventDisplaced, "displaced": eventDisplaced, "evacuated": eventDisplaced,
}

// beforeFigureLeave: "leave" before a figure keeps it where it is ("which
// would leave some 11,000 near the river"); after it, the figure goes
// ("1,500 soldiers had left").
var beforeFigureLeave = set("leave", "leaves", "leaving", "left")

// expectedMarkers make a figure a projection rather than a count: modal
// verbs and forecasting words (the hedges of the extractor's lexicon that
// look ahead). "would" alone is not one: reported speech shifts "will" to
// "would" but also turns an inference into one ("which would leave some
// 11,000"), so it counts only before "be" and a participle.
var expectedMarkers = set("expected", "expects", "expect", "will", "could", "may", "might", "plans", "planned",
	"prepared", "preparing", "intends", "intend", "projected", "forecast", "likely", "eventually", "shall")

// expectedPairs are two-word forms that look ahead ("set to", "due to",
// "to be deployed", "would be sent").
var expectedPairs = set("set to", "due to", "going to", "are to", "is to", "to be", "would be", "plan to",
	"plans to")

// actualMarkers say a figure is a count of what is there as it is said:
// "already", "so far", "to date", "still". Next to the figure, one outweighs
// a look-ahead elsewhere in its clause ("1,500 have already arrived, and
// others are expected").
var actualMarkers = set("already", "so far", "to date", "still", "now", "currently", "remain", "remained",
	"remaining", "thus far")

// incrementMarkers before a figure make it an addition to what was there
// ("another 2,000", "the first 2,600", "a further 500"); "more" and
// "additional" may follow it ("2,000 more troops").
var incrementMarkers = set("another", "additional", "further", "extra", "first", "second", "third", "new", "fresh")

var incrementAfter = set("more", "additional", "extra", "further")

// clauseBreaks are the words that open a new clause inside a claim's
// content, so that each figure is read with its own verb ("1,500 troops
// have arrived ... with 12,000 expected to be deployed").
var clauseBreaks = set("and", "but", "while", "whereas", "with", "although", "though", "whereby", "which", "who",
	"after", "before", "because", "since", "compared", "versus", "including", "whether", "if")

// reportingBreaks are reporting verbs: one inside a content starts another
// statement ("put the number between 60 and 80, said on Sunday that his
// latest images showed about 50"), so it closes the figure's clause.
var reportingBreaks = set("said", "says", "say", "told", "tells", "added", "adds", "claimed", "claims", "stated",
	"insisted", "estimated", "estimates", "believes", "believed", "according", "reported", "announced")

// hypotheticals open a condition: a figure after one in its sentence is
// supposed, not reported ("If there were 200 boats out there, we would be
// looking at 200 bright dots").
var hypotheticals = set("if", "unless", "whether", "suppose", "supposing", "imagine")

// fromBreaks are two-word openings of a comparison clause ("down from 71
// on June 13"): the figure after them has its own day.
var fromBreaks = set("down", "up", "rising", "falling")

// targetWords before a place make it a target, not where the counted
// things are ("to fight in Ukraine", "against Ukraine").
var targetWords = set("against", "fight", "fighting", "attack", "invade", "war")

// locational: a distance read as where something is, not as a measure
// ("within 20 kilometres of the border", "about 15 kilometres from the
// river").
var locationalBefore = set("within", "some", "about", "around", "roughly", "nearly")
var locationalAfter = set("from", "of", "away", "north", "south", "east", "west", "off", "inland", "outside")
var distanceUnits = set("km", "mi", "m", "nmi", "ft", "yd")

// citationNouns follow a possessive that names whose figure a speaker
// cites ("the agency's own count of 71", "the ministry's estimate of
// 8,000").
var citationNouns = set("count", "estimate", "figure", "tally", "number", "total", "assessment", "calculation")

// citationVerbs follow "the figure <source>" ("8,000, the figure the
// defence ministry gave").
var citationVerbs = set("gave", "given", "put", "published", "released", "issued", "cited", "reported", "quoted")

// negators make a claim a denial that there is anything to count ("no
// troops have been deployed", "there are no Morvenian fighters", "not
// one").
var negators = set("no", "none", "never", "not")

// orgWords are the head nouns of organisations' names (ministry, agency,
// directorate...), from the organisation types of Wikidata's "government
// agency", "military unit" and "organization" classes as news names them.
// A name made of these alone ("the agency", "the Ministry") is a short form
// that needs its context.
var orgWords = set("agency", "ministry", "directorate", "service", "services", "office", "department", "bureau",
	"mission", "council", "command", "army", "navy", "police", "government", "authority", "authorities",
	"administration", "institute", "university", "centre", "center", "commission", "committee", "company",
	"group", "party", "union", "association", "organisation", "organization", "foundation", "court",
	"parliament", "intelligence", "military", "forces", "guard", "coastguard", "secretariat", "network", "unit",
	"brigade", "regiment", "division", "corps", "staff", "headquarters", "cabinet", "presidency", "embassy",
	"consulate", "delegation", "monitors", "observers", "fleet", "air", "force", "defence", "defense",
	"interior", "foreign", "affairs", "national", "state", "federal", "general", "public", "security",
	"monitoring", "surveillance", "spy", "border", "maritime", "naval", "coast", "media", "television", "radio",
	"press", "agency's", "directorate's", "ministry's")

// orgHeads are the words that make a phrase an organisation's name when
// they are its head ("the Corvanan Institute of Ocean Affairs").
var orgHeads = set("agency", "ministry", "directorate", "service", "office", "department", "bureau", "mission",
	"council", "command", "army", "navy", "police", "government", "authority", "administration", "institute",
	"university", "centre", "center", "commission", "committee", "company", "group", "party", "union",
	"association", "organisation", "organization", "foundation", "court", "parliament", "intelligence",
	"guard", "coastguard", "secretariat", "network", "brigade", "regiment", "division", "corps", "cabinet",
	"presidency", "embassy", "delegation", "fleet", "forces", "media", "television", "monitors", "observatory",
	"think-tank", "thinktank", "bank", "fund", "programme", "program")

// Role words: how a role ties a person to an organisation. From the job
// titles of news appositions ("X, the agency's director", "a spokeswoman
// for the ministry", "a researcher at the institute").
var headRoles = set("director", "chief", "head", "boss", "leader", "commander", "chairman", "chairwoman", "chair",
	"president", "minister", "secretary", "governor", "runs", "heads", "leads", "chief-of-staff",
	"director-general", "secretary-general", "commissioner", "administrator", "ceo")
var spokesRoles = set("spokesman", "spokeswoman", "spokesperson", "spokespeople", "spokesmen", "press",
	"representative", "envoy", "ambassador", "speaking")
var memberRoles = set("researcher", "analyst", "fellow", "officer", "official", "member", "adviser", "advisor",
	"employee", "staffer", "professor", "lecturer", "economist", "scientist", "monitor", "observer", "deputy",
	"aide", "agent", "engineer", "pilot", "expert", "specialist", "negotiator", "diplomat", "lawyer")

// layRoles describe people who speak from what they see, not from
// expertise or office: their figures are the ones an outlier rule
// discounts (witnesses, residents, people filming).
var layRoles = set("resident", "residents", "witness", "witnesses", "fisherman", "fishermen", "farmer", "baker",
	"shopkeeper", "villager", "villagers", "local", "locals", "driver", "drivers", "passer-by", "neighbour",
	"person", "filming", "bystander", "onlooker", "parent", "student", "crew", "crews")

// evidenceNouns are what a source may cite as evidence (images, video,
// intercepts), as the extractor's evidence notes name them.
var evidenceNouns = map[string]string{
	"image": "images", "images": "images", "imagery": "images", "photograph": "photographs",
	"photographs": "photographs", "photographed": "photographs", "photo": "photographs", "photos": "photographs",
	"video": "video", "videos": "video", "footage": "video", "filmed": "video", "radar": "radar",
	"intercept": "intercepts", "intercepts": "intercepts", "intercepted": "intercepts", "document": "documents",
	"documents": "documents", "recording": "recordings", "recordings": "recordings", "data": "data",
}

// showCues are reporting words that present evidence rather than speech.
var showCues = set("show", "shows", "showed", "showing", "shown", "reveal", "reveals", "revealed", "depict",
	"depicts")

// genericTargets in a reporter's verification note refer to every figure
// before it ("Neither Russia nor North Korea have confirmed the claims").
var genericTargets = set("claims", "claim", "figure", "figures", "reports", "report", "numbers", "number",
	"estimate", "estimates", "it", "them", "this", "that", "account", "accounts", "allegations")
