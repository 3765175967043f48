package where

// Word lists the context rules read. Each says where its knowledge comes
// from; all keys are lower case, as token keys are.

// titles are honorifics and ranks written before a person's name (AP and
// Reuters style guides): "Mr Jordan", "Gen. Washington".
var titles = set("mr", "mrs", "ms", "miss", "dr", "prof", "professor", "sir", "lord", "lady", "dame", "madam", "mme", "mlle",
	"gen", "general", "col", "colonel", "capt", "captain", "lt", "lieutenant", "maj", "major", "sgt", "sergeant", "cpl",
	"adm", "admiral", "cmdr", "commander", "brig", "marshal", "sen", "senator", "rep", "representative", "gov",
	"governor", "president", "pres", "vice", "chancellor", "premier", "minister", "secretary", "ambassador", "judge", "justice",
	"rev", "reverend", "father", "bishop", "archbishop", "cardinal", "pope", "rabbi", "imam", "sheikh", "king", "queen",
	"prince", "princess", "duke", "duchess", "count", "countess", "baron", "emperor", "mayor", "coach", "manager",
	"striker", "midfielder", "defender", "goalkeeper", "batsman", "bowler", "spinner", "skipper", "forward", "winger",
	"chairman", "chief", "spokesman", "spokeswoman", "officer", "agent", "detective", "inspector", "deputy", "st", "saint",
	"sens", "reps", "govs", "gens", "drs", "messrs")

// roles may follow a place used as a modifier: "U.S. President Bill
// Clinton", "Kyiv Mayor", "Ukraine Foreign Minister". After a place they
// keep it a place; before a name they are titles.
var roles = set("president", "vice", "prime", "foreign", "defence", "defense", "interior", "finance", "trade", "economy",
	"minister", "ministers", "secretary", "mayor", "governor", "ambassador", "envoy", "consul", "chancellor", "premier",
	"leader", "leaders", "chief", "king", "queen", "prince", "emperor", "senator", "congressman", "congresswoman",
	"attorney", "deputy", "officials", "authorities", "gov", "sen", "rep", "lt", "attorney-general")

// orgHeads before "of" make a place part of an institution's name: "Bank of
// England", "University of London". Other words before "of" say where
// someone or something is from ("Peter Nicol of Scotland").
var orgHeads = set("bank", "university", "college", "institute", "academy", "museum", "school", "church", "council",
	"court", "club", "society", "association", "federation", "league", "union", "party", "front", "movement",
	"foundation", "fund", "exchange", "chamber", "hospital", "port", "airport", "stadium", "theatre", "theater",
	"library", "gallery", "board", "commission", "authority", "corporation", "company", "times", "post")

// qualifiers are words that narrow a place without making a new name:
// "Western Ukraine", "Central London", "Greater Manchester".
var qualifiers = set("north", "south", "east", "west", "northern", "southern", "eastern", "western", "central",
	"northeast", "northwest", "southeast", "southwest", "north-east", "north-west", "south-east", "south-west",
	"northeastern", "northwestern", "southeastern", "southwestern", "north-eastern", "north-western", "south-eastern",
	"south-western", "greater", "inner", "outer", "upper", "lower", "downtown", "rural", "occupied", "mainland",
	"metropolitan", "coastal", "war-torn", "neighbouring", "neighboring", "nearby", "pro-russian", "pro-western",
	"communist", "free", "old", "new", "ancient", "modern", "post-war", "pre-war")

// locatives are prepositions and verbs after which a capitalised word is
// most likely a place: "in Reading", "from Nice", "visited Bath".
var locatives = set("in", "at", "from", "to", "near", "outside", "inside", "into", "toward", "towards", "via", "across",
	"around", "through", "throughout", "within", "between", "beyond", "visit", "visited", "visiting", "visits",
	"flew", "fly", "flies", "travelled", "traveled", "arrived", "based", "born", "towns", "town", "city", "cities", "village")

// months and weekdays are never places, whatever GeoNames has ("March",
// "Sunday" in Arizona).
var calendar = set("january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
	"november", "december", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
	"jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec")

// reporting verbs after a name make it a speaker: a person ("Jordan said")
// or, for a country or capital, its government ("Moscow denied"). The
// common cue words of PolNeAR's attribution annotations, in their
// inflections.
var reporting = set("said", "says", "say", "told", "tells", "added", "adds", "claimed", "claims", "stated", "states",
	"announced", "announces", "insisted", "insists", "argued", "argues", "warned", "warns", "denied", "denies",
	"confirmed", "confirms", "explained", "noted", "notes", "wrote", "writes", "replied", "admitted", "admits",
	"believes", "believed", "thinks", "thought", "asked", "asks", "urged", "urges", "acknowledged", "acknowledges",
	"accused", "accuses", "rejected", "rejects", "dismissed", "dismisses", "responded", "responds", "suggested",
	"suggests", "estimated", "estimates", "reported", "reports", "alleged", "alleges", "vowed", "vows", "pledged",
	"pledges", "promised", "promises", "called", "calls", "demanded", "demands", "condemned", "condemns",
	"scored", "scores", "won", "wins", "finished", "played", "plays", "signed", "joined", "struck", "hit")

// govVerbs are verbs of doing that a country or capital takes as a
// government: "Beijing puts the dampeners on", "Pyongyang has been sending".
var govVerbs = set("puts", "put", "wants", "wanted", "sent", "sends", "sending", "launched", "launches", "agreed", "agrees",
	"refused", "refuses", "responded", "plans", "planned", "decided", "decides", "ordered", "orders", "imposed",
	"imposes", "signed", "signs", "supports", "supported", "backs", "backed", "offered", "offers", "invaded", "invades",
	"attacked", "attacks", "struck", "strikes", "hit", "hits", "demanded", "accepted", "accepts", "approved", "approves",
	"banned", "bans", "blocked", "blocks", "expelled", "expels", "summoned", "summons", "protested", "protests",
	"sought", "seeks", "pushed", "pushes", "pressed", "presses", "recognised", "recognized", "recognises", "recognizes",
	"retaliated", "deployed", "deploys", "fired", "fires", "annexed", "vetoed", "opposed", "opposes", "welcomed",
	"welcomes", "blamed", "blames", "criticised", "criticized", "criticises", "criticizes", "hopes", "hoped", "fears",
	"feared", "considers", "considered", "maintains", "maintained", "signalled", "signaled", "signals", "unveiled",
	"suspended", "suspends", "resumed", "halted", "halts", "stopped", "cut", "cuts", "raised", "raises", "increased",
	"reduced", "hosted", "hosts", "invited", "invites", "withdrew", "withdraws", "recalled", "recalls", "appointed",
	"arrested", "detained", "released", "sanctioned", "needs", "needed", "insisted", "threatened", "threatens",
	"intends", "intended", "tried", "tries", "began", "begins", "started", "starts", "continues", "continued",
	"retains", "gained", "gains", "lost", "loses", "offers", "provided", "provides", "supplied", "supplies", "bought",
	"buys", "sold", "sells", "helped", "helps", "backed", "mobilised", "mobilized", "moved", "moves", "tested", "tests")

// auxiliaries may stand between a government subject and its verb: "if
// China does say no", "Pyongyang has long been sending".
var auxiliaries = set("has", "have", "had", "will", "would", "could", "can", "may", "might", "must", "should", "does",
	"did", "is", "was", "are", "were", "also", "already", "long", "not", "never", "reportedly", "repeatedly",
	"allegedly", "now", "still", "then", "been", "be", "quickly", "recently", "previously", "apparently")

// govNouns after a country's or capital's possessive make it its
// government: "Seoul's NIS", "Pyongyang's first deployment", "Moscow's
// decision".
var govNouns = set("deployment", "deployments", "decision", "decisions", "support", "move", "moves", "response",
	"plan", "plans", "government", "army", "military", "forces", "troops", "ministry", "intelligence", "spy", "agency",
	"policy", "policies", "stance", "position", "claims", "claim", "refusal", "offer", "demand", "demands", "threat",
	"threats", "warning", "warnings", "announcement", "invasion", "attack", "attacks", "war", "regime", "leadership",
	"envoy", "ambassador", "embassy", "president", "leader", "officials", "diplomats", "diplomacy", "navy", "air",
	"defence", "defense", "foreign", "decree", "sanctions", "aid", "backing", "approval", "denial", "denials",
	"statement", "statements", "proposal", "request", "assistance", "involvement", "intervention", "strategy",
	"relationship", "relations", "ties", "alliance", "pact", "deal", "agreement", "talks", "negotiators", "spokesman",
	"spokeswoman", "prime", "minister", "chief", "security", "nuclear", "missile", "missiles", "weapons", "arms",
	"state", "parliament", "congress", "senate", "kremlin", "cabinet", "authorities", "service", "services",
	"department", "office", "council", "committee", "guard", "fleet", "command", "administration")

// versus and beat stand between two sides of a match: "Essex v Kent",
// "Leicestershire beat Somerset".
var versus = set("v", "v.", "vs", "vs.", "versus")

var beat = set("beat", "beats", "defeated", "defeats", "drew", "thrashed", "edged", "routed", "overcame", "outclassed",
	"trounced", "downed", "whipped", "blanked", "shut", "lost")

// sportRoles after a place make it a club: "Norwich striker", "Surrey
// all-rounder", "Chelsea central defender".
var sportRoles = set("striker", "skipper", "captain", "defender", "midfielder", "goalkeeper", "keeper", "forward",
	"winger", "playmaker", "all-rounder", "batsman", "bowler", "spinner", "opener", "coach", "manager", "fullback",
	"full-back", "centre-back", "center-back", "sweeper", "pitcher", "outfielder", "infielder", "quarterback",
	"fans", "supporters", "team-mate", "teammate", "player", "players", "side", "squad", "outfit", "club",
	"chairman", "rookie", "reliever", "starter", "shortstop", "catcher", "slugger", "right-hander", "left-hander")

// particles join the parts of a person's name: "Van der Westhuizen",
// "Kengo wa Dondo", "Osama bin Laden".
var particles = set("der", "den", "van", "von", "da", "di", "du", "dos", "das", "wa", "bin", "ibn", "ben", "y", "ter", "te")

// orgNouns next to a name make it an organisation's: "the Xinhua news
// agency", "the newspaper Granma".
var orgNouns = set("news", "newspaper", "agency", "daily", "weekly", "magazine", "company", "firm", "group", "corp",
	"inc", "ltd", "plc", "airline", "airlines", "brewery", "bank", "club", "administration", "campaign")

func set(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}
