package attrib

import "strings"

// Frame says where a cue's source and content sit.
type Frame uint8

// Frames of reporting words.
const (
	// FrameSay takes its content as a clause: "X said (that) C", "C, X said".
	FrameSay Frame = iota
	// FrameTell has a hearer before the clause: "X told Y (that) C".
	FrameTell
	// FrameCall names its object as something: "calling Y a Z", "labelling
	// Y Z", "described Y as Z"; the content is the object and what it is
	// called.
	FrameCall
	// FrameUrge asks someone to act: "urging Y to V", "called on Y to V".
	FrameUrge
	// FrameAccording is "according to X".
	FrameAccording
	// FrameShow is evidence speaking: "footage shows C", "the poll found C".
	FrameShow
	// FrameObject is a stance or an intention towards what follows: "X
	// criticised Y for Z", "X supports Y", "X wants to V". The content is
	// the object.
	FrameObject
)

// Cue is a reporting word with its frame.
type Cue struct {
	Lemma  string
	Frame  Frame
	Belief bool // a verb of belief or expectation rather than speech ("believes")
	Intent bool // a verb of intention ("wants", "plans"): its content is "to V"
	Stance string
}

// cueForms maps every inflected form (lower case) to its cue. Forms ending
// in "ing" are participles: their source is the main clause's subject.
var cueForms = map[string]Cue{}

// The reporting verbs. The list starts from the cue counts of PolNeAR's
// training set (said 3,957; says 413; according to 387; told 383; added 200;
// wrote 195; called 116; asked 102; noted 95; reported 93; announced 76...),
// completed with the verbs of speech and belief of news style guides (AP,
// Reuters, BBC) and their British spellings. Each line: forms, frame.
func init() {
	say := func(forms string, opts ...string) { addCue(forms, FrameSay, opts...) }
	say("say says said saying")
	say("add adds added adding")
	say("claim claims claimed claiming")
	say("believe believes believed believing", "belief")
	say("think thinks thought thinking", "belief")
	say("argue argues argued arguing")
	say("insist insists insisted insisting")
	say("warn warns warned warning")
	say("deny denies denied denying", "denies")
	say("admit admits admitted admitting")
	say("estimate estimates estimated estimating", "belief")
	say("note notes noted noting")
	say("explain explains explained explaining")
	say("suggest suggests suggested suggesting", "belief")
	say("report reports reported reporting")
	say("announce announces announced announcing")
	say("confirm confirms confirmed confirming")
	say("acknowledge acknowledges acknowledged acknowledging")
	say("predict predicts predicted predicting", "belief")
	say("write writes wrote writing written")
	say("tweet tweets tweeted tweeting")
	say("post posts posted posting")
	say("stated stating") // "state" and "states" are nouns far more often
	say("declare declares declared declaring")
	say("stress stresses stressed stressing")
	say("emphasise emphasises emphasised emphasising emphasize emphasizes emphasized emphasizing")
	say("reveal reveals revealed revealing")
	say("indicate indicates indicated indicating")
	say("agree agrees agreed agreeing")
	say("assert asserts asserted asserting")
	say("maintain maintains maintained maintaining")
	say("recall recalls recalled recalling")
	say("conclude concludes concluded concluding")
	say("respond responds responded responding")
	say("reply replies replied replying")
	say("fear fears feared fearing", "belief")
	say("hope hopes hoped hoping", "belief")
	say("know knows knew knowing", "belief")
	say("feel feels felt feeling", "belief")
	say("allege alleges alleged alleging")
	say("contend contends contended contending")
	say("caution cautions cautioned cautioning")
	say("concede concedes conceded conceding")
	say("complain complains complained complaining")
	say("testify testifies testified testifying")
	say("observe observes observed observing")
	say("continue continues continued continuing")
	say("promise promises promised promising")
	say("pledge pledges pledged pledging")
	say("vow vows vowed vowing")
	say("speculate speculates speculated speculating", "belief")
	say("reckon reckons reckoned reckoning", "belief")
	say("suspect suspects suspected suspecting", "belief")
	say("expect expects expected", "belief")
	say("doubt doubts doubted doubting", "belief")
	say("answer answers answered answering")
	say("counter counters countered countering")
	say("retort retorts retorted retorting")
	say("remark remarks remarked remarking")
	say("comment comments commented commenting")
	say("mention mentions mentioned mentioning")
	say("affirm affirms affirmed affirming")
	say("reaffirm reaffirms reaffirmed reaffirming")
	say("reiterate reiterates reiterated reiterating")
	say("repeat repeats repeated repeating")
	say("boast boasts boasted boasting")
	say("joke jokes joked joking")
	say("quip quips quipped quipping")
	say("lament laments lamented lamenting")
	say("confess confesses confessed confessing")
	say("disclose discloses disclosed disclosing")
	say("concur concurs concurred concurring")
	say("claimed")
	say("worry worries worried worrying", "belief")
	say("accuse accuses accused accusing")
	say("blame blames blamed blaming")
	say("charge charges charged charging")
	say("predicted")
	say("recount recounts recounted recounting")
	say("signal signals signalled signaled signalling signaling")
	say("hint hints hinted hinting")
	say("underline underlines underlined underlining")
	say("highlight highlights highlighted highlighting")
	say("point pointed pointing") // "pointed out": the particle is skipped
	say("explain explained")
	say("learn learns learned learnt learning", "belief")
	say("read reads")
	say("exclaim exclaims exclaimed exclaiming")
	say("shout shouts shouted shouting")
	say("whisper whispers whispered whispering")
	say("acknowledge acknowledged")
	say("reject rejects rejected rejecting", "denies")
	say("dismiss dismisses dismissed dismissing", "denies")
	say("refute refutes refuted refuting", "denies")
	say("dispute disputes disputed disputing", "denies")

	tell := func(forms string, opts ...string) { addCue(forms, FrameTell, opts...) }
	tell("tell tells told telling")
	tell("inform informs informed informing")
	tell("assure assures assured assuring")
	tell("remind reminds reminded reminding")
	tell("advise advises advised advising")
	tell("brief briefs briefed briefing")
	tell("ask asks asked asking")

	call := func(forms string, opts ...string) { addCue(forms, FrameCall, opts...) }
	call("call calls called calling")
	call("label labels labelled labeled labelling labeling")
	call("describe describes described describing")
	call("brand brands branded branding")
	call("dub dubs dubbed dubbing")
	call("term terms termed terming")
	call("characterise characterises characterised characterising characterize characterizes characterized characterizing")

	urge := func(forms string, opts ...string) { addCue(forms, FrameUrge, opts...) }
	urge("urge urges urged urging")
	urge("implore implores implored imploring")
	urge("encourage encourages encouraged encouraging")
	urge("press presses pressed pressing")

	// Stances and intentions. PolNeAR annotates them as attributions (its
	// train set: support 73, endorsed 69, criticized 55, want 48, supported
	// 41, cited 38, proposed 34, defended 33, praised 33, opposed 33...):
	// a source's position on something, reported without its words.
	stance := func(forms string, opts ...string) { addCue(forms, FrameObject, opts...) }
	stance("support supports supported supporting")
	stance("endorse endorses endorsed endorsing")
	stance("criticise criticises criticised criticising criticize criticizes criticized criticizing")
	stance("praise praises praised praising")
	stance("oppose opposes opposed opposing")
	stance("defend defends defended defending")
	stance("propose proposes proposed proposing")
	stance("cite cites cited citing")
	stance("question questions questioned questioning")
	stance("attack attacks attacked attacking")
	stance("back backs backed backing")
	stance("denounce denounces denounced denouncing")
	stance("blast blasts blasted blasting")
	stance("slam slams slammed slamming")
	stance("condemn condemns condemned condemning")
	stance("welcome welcomes welcomed welcoming")
	stance("applaud applauds applauded applauding")
	stance("mock mocks mocked mocking")
	stance("ridicule ridicules ridiculed ridiculing")
	stance("decry decries decried decrying")
	stance("tout touts touted touting")
	stance("hail hails hailed hailing")
	stance("thank thanks thanked thanking")
	stance("embrace embraces embraced embracing")
	stance("recommend recommends recommended recommending")
	stance("echo echoes echoed echoing")
	stance("challenge challenges challenged challenging")
	stance("threaten threatens threatened threatening")
	stance("favour favours favoured favouring favor favors favored favoring")
	stance("prefer prefers preferred preferring")
	stance("lambast lambasts lambasted lambasting lambaste lambastes")
	stance("rebuke rebukes rebuked rebuking")
	stance("chide chides chided chiding")
	stance("request requests requested requesting")
	stance("demand demands demanded demanding")
	stance("discuss discusses discussed discussing")
	stance("acknowledge")
	stance("express expresses expressed expressing")
	stance("want wants wanted wanting", "intent")
	stance("plan plans planned planning", "intent")
	stance("seek seeks sought seeking", "intent")
	stance("intend intends intended intending", "intent")
	stance("aim aims aimed aiming", "intent")
	stance("decide decides decided deciding", "intent")
	stance("wish wishes wished wishing", "intent")
	stance("refuse refuses refused refusing", "intent")
	stance("offer offers offered offering", "intent")
	stance("release releases released releasing")
	stance("order orders ordered ordering")
	stance("consider considers considered considering", "belief")
	stance("view views viewed viewing", "belief")
	stance("see sees saw seeing", "belief")

	show := func(forms string) { addCue(forms, FrameShow) }
	show("show shows showed shown showing")
	show("find finds found finding")
	show("demonstrate demonstrates demonstrated demonstrating")
	show("depict depicts depicted depicting")
	show("appear appears appeared") // "footage appears to show"
}

// phrasal are stances that take a particle before their object ("talked
// about the economy", "referring to the wall", "voted for Clinton"): a cue
// only with it. From PolNeAR's training set, whose stance cues end in a
// preposition as often as not (referring to 35, talking about 30, vote for
// 17, focused on 17, talked about 15, voted for 13, referred to 12 ...).
var phrasal = map[string]phrasalCue{}

// phrasalParticles holds every particle of phrasal, checked first: most
// words are followed by none of them.
var phrasalParticles = map[string]bool{}

type phrasalCue struct {
	lemma     string
	particles []string
}

func init() {
	add := func(forms string, particles ...string) {
		fs := strings.Fields(forms)
		for _, f := range fs {
			phrasal[f] = phrasalCue{lemma: fs[0], particles: particles}
		}
		for _, p := range particles {
			phrasalParticles[p] = true
		}
	}
	add("refer refers referred referring", "to")
	add("allude alludes alluded alluding", "to")
	add("talk talks talked talking", "about", "of")
	add("speak speaks spoke speaking spoken", "about", "of", "out")
	add("focus focuses focused focusing focussed", "on")
	add("vote votes voted voting", "for", "against")
	add("rail rails railed railing", "against")
	add("advocate advocates advocated advocating", "for")
	add("push pushes pushed pushing", "for")
	add("lobby lobbies lobbied lobbying", "for", "against")
	add("campaign campaigns campaigned campaigning", "for", "against")
	add("apologise apologises apologised apologising apologize apologizes apologized apologizing", "for")
	add("vouch vouches vouched vouching", "for")
	add("side sides sided siding", "with")
	add("balk balks balked balking", "at")
	add("touch touches touched touching", "on", "upon")
	add("reflect reflects reflected reflecting", "on", "upon")
	add("lay lays laid laying", "out")
	add("weigh weighs weighed weighing", "in")
	add("lash lashes lashed lashing", "out")
	add("hit hits hitting", "back", "out")
	add("fire fires fired firing", "back")
	add("take takes took taking", "aim")
	add("complain complains complained complaining", "about", "of")
	add("boast boasts boasted boasting", "about", "of")
	add("joke jokes joked joking", "about")
	add("brag brags bragged bragging", "about")
	add("rave raves raved raving", "about")
	add("worry worries worried worrying", "about")
	add("care cares cared caring", "about")
	add("agree agrees agreed agreeing", "with", "on")
	add("disagree disagrees disagreed disagreeing", "with", "on")
	add("argue argues argued arguing", "for", "against")
	add("testify testifies testified testifying", "about", "on")
	add("insist insists insisted insisting", "on")
	add("call calls called calling", "out")
	add("point points pointed pointing", "to")
	add("respond responds responded responding", "to")
	add("react reacts reacted reacting", "to")
	add("object objects objected objecting", "to")
	add("hint hints hinted hinting", "at")
	add("wonder wonders wondered wondering", "about", "whether", "if", "why", "how")
}

// phrasalAt returns the cue of a verb and particle ("talked about"), if
// the words at key and next are one.
func phrasalAt(key, next string) (Cue, bool) {
	if !phrasalParticles[next] {
		return Cue{}, false
	}
	p, ok := phrasal[key]
	if !ok {
		return Cue{}, false
	}
	for _, x := range p.particles {
		if x == next {
			return Cue{Lemma: p.lemma + " " + x, Frame: FrameObject}, true
		}
	}
	return Cue{}, false
}

func addCue(forms string, f Frame, opts ...string) {
	fs := strings.Fields(forms)
	c := Cue{Lemma: fs[0], Frame: f}
	for _, o := range opts {
		switch o {
		case "belief":
			c.Belief = true
		case "denies":
			c.Stance = "denies"
		case "intent":
			c.Intent = true
		}
	}
	for _, w := range fs {
		if _, ok := cueForms[w]; !ok {
			cueForms[w] = c
		}
	}
}

// participle reports whether a cue form is an -ing participle.
func participle(form string) bool { return strings.HasSuffix(form, "ing") }

// evidenceNouns head a subject that shows rather than says: "video footage
// shows", "satellite images of", "the poll found".
var evidenceNouns = set("footage", "video", "videos", "image", "images", "photo", "photos", "photograph", "photographs",
	"picture", "pictures", "clip", "clips", "recording", "recordings", "document", "documents", "data", "figures",
	"records", "poll", "polls", "survey", "surveys", "study", "studies", "report", "reports", "analysis", "research",
	"evidence", "satellite", "census", "statistics", "numbers", "map", "maps", "assessment", "investigation", "audit",
	"review", "tally", "count", "memo", "letter", "filing", "filings", "emails", "email", "transcript", "results", "experiment")

// personNouns are heads of descriptions of people, for anonymous and
// nominal sources ("a language expert", "the minister", "residents"). From
// the roles seen as sources in PolNeAR and in wire copy.
var personNouns = set("official", "officials", "expert", "experts", "analyst", "analysts", "spokesman", "spokeswoman",
	"spokesperson", "spokespeople", "minister", "ministers", "president", "prime", "leader", "leaders", "chief", "chiefs",
	"director", "head", "commander", "commanders", "general", "generals", "officer", "officers", "diplomat", "diplomats",
	"source", "sources", "person", "people", "man", "woman", "men", "women", "resident", "residents", "witness", "witnesses",
	"soldier", "soldiers", "historian", "historians", "researcher", "researchers", "scientist", "scientists", "economist",
	"economists", "professor", "observer", "observers", "critic", "critics", "supporter", "supporters", "aide", "aides",
	"adviser", "advisers", "advisor", "advisors", "lawmaker", "lawmakers", "legislator", "legislators", "senator", "senators",
	"congressman", "congresswoman", "representative", "candidate", "candidates", "nominee", "voter", "voters", "member",
	"members", "activist", "activists", "journalist", "journalists", "reporter", "reporters", "correspondent", "ambassador",
	"envoy", "secretary", "governor", "mayor", "chairman", "chairwoman", "chair", "founder", "owner", "manager", "executive",
	"executives", "worker", "workers", "employee", "employees", "doctor", "doctors", "lawyer", "lawyers", "attorney",
	"attorneys", "prosecutor", "prosecutors", "judge", "judges", "investigator", "investigators", "campaigner", "campaigners",
	"father", "mother", "son", "daughter", "wife", "husband", "friend", "friends", "neighbour", "neighbor", "neighbours",
	"neighbors", "filmer", "farmer", "farmers", "teacher", "teachers", "student", "students", "veteran", "veterans",
	"specialist", "specialists", "strategist", "strategists", "consultant", "consultants", "pollster", "pollsters",
	"operative", "operatives", "insider", "insiders", "republican", "republicans", "democrat", "democrats", "conservative",
	"conservatives", "liberal", "liberals", "protester", "protesters", "protestor", "protestors", "refugee", "refugees",
	"survivor", "survivors", "victim", "victims", "pilot", "pilots", "fighter", "fighters", "militant", "militants",
	"rebel", "rebels", "guard", "guards", "police", "policeman", "colonel", "captain", "sergeant", "lieutenant", "admiral",
	"marshal", "deputy", "vice", "negotiator", "negotiators", "mediator", "mediators", "monitor", "monitors", "inspector",
	"inspectors", "delegate", "delegates", "counterpart", "counterparts", "ally", "allies", "rival", "rivals", "opponent",
	"opponents", "host", "anchor", "commentator", "commentators", "columnist", "editor", "author", "writer", "blogger",
	"linguist", "specialist", "academic", "academics", "scholar", "scholars", "entrepreneur", "billionaire", "king", "queen",
	"prince", "princess", "pope", "cleric", "clerics", "imam", "priest", "bishop", "rabbi", "sheikh", "everyone", "someone",
	"somebody", "nobody", "anyone", "many", "others", "some", "few", "most", "all", "both", "each", "fellow", "colleague",
	"colleagues", "staffer", "staffers", "staff", "insurgent", "insurgents", "hacker", "hackers", "user", "users",
	"viewer", "viewers", "reader", "readers", "fan", "fans", "parent", "parents", "child", "children", "locals", "local",
	"villager", "villagers", "commentator", "participant", "participants", "attendee", "attendees", "panelist", "panellist",
	"coordinator", "organiser", "organizer", "organisers", "organizers", "administrator", "regulator", "regulators",
	"chancellor", "premier", "president-elect", "nominees", "incumbent", "challenger", "speaker", "whip", "envoys")

func init() {
	// Heads of source descriptions in PolNeAR's training set that the
	// lists above lacked (each seen at least twice there), sorted by kind.
	for _, w := range strings.Fields(`advocates advocate businessman businessmen politicians politician donors donor mogul
		narrator front-runner frontrunner backers backer neurosurgeon actor star actress guy couple tycoon contenders
		contender hopefuls hopeful moderators moderator citizens citizen brother sister technologists partner socialist
		pundits pundit speechwriter families defenders defender associates associate lobbyists lobbyist editors authors
		founders speakers watchers counsel challengers chairmen commenter evangelicals centrist chairs boy girl hawks
		whites surrogates surrogate elders traders trader hosts representatives brothers superdelegate superdelegates
		objectors personnel troops crowd audience public panel camp side sides base leadership establishment community
		faction trio pair chorus family majorities two-thirds handful nominee delegates delegate governor businesswoman
		celebrity comedian rapper musician athlete coach player players residents homeowners shoppers consumers`) {
		personNouns[w] = true
	}
	for _, w := range strings.Fields(`organizations organisations campaigns unions outlets networks countries firms wing
		slate tabloid publication website sites non-profit nonprofit body operation courts`) {
		orgNouns[w] = true
	}
	for _, w := range strings.Fields(`average number ad ads statement statements lawsuit polling law editorial tweet tweets
		release message account book summary platform legislation bill page article remarks speech estimates version
		movie affidavit memoir proposal column findings headline materials copy words suit order ranking rules
		complaint indictment ruling verdict testimony filing`) {
		evidenceNouns[w] = true
	}
}

// orgNouns are heads of organisations, in names ("National Intelligence
// Service") and in descriptions ("the spy agency", "the ministry").
var orgNouns = set("agency", "agencies", "service", "services", "ministry", "ministries", "department", "departments",
	"government", "governments", "administration", "council", "committee", "commission", "office", "bureau", "directorate",
	"army", "navy", "force", "forces", "military", "command", "police", "party", "parties", "campaign", "group", "groups",
	"company", "companies", "firm", "corporation", "bank", "fund", "institute", "institution", "university", "foundation",
	"organisation", "organization", "union", "alliance", "coalition", "association", "federation", "authority", "authorities",
	"court", "parliament", "congress", "senate", "assembly", "house", "cabinet", "kremlin", "pentagon", "embassy", "mission",
	"regime", "state", "network", "newspaper", "paper", "channel", "broadcaster", "outlet", "magazine", "daily", "times",
	"post", "news", "press", "wire", "journal", "tribune", "herald", "guardian", "telegraph", "gazette", "agency's",
	"centre", "center", "watchdog", "board", "team", "club", "staff", "headquarters", "secretariat", "unit", "brigade",
	"battalion", "division", "regiment", "corps", "guard", "intelligence", "security", "lab", "laboratory", "charity",
	"ngo", "movement", "front", "council's", "tank", "think-tank", "industry", "inc", "ltd", "corp", "co", "llc", "plc",
	"group's", "airline", "operator", "manufacturer", "producer", "supplier", "exchange", "observatory", "programme",
	"program", "project", "initiative", "summit", "mission", "delegation", "consulate", "legislature", "judiciary",
	"tribunal", "cia", "fbi", "nis", "ministry's", "television", "radio", "media", "tv", "broadcasting", "press",
	"office's", "navy's", "army's", "guard", "coastguard", "observatory", "meteorological")

// takesInfinitive are the verbs of speech and belief whose content may be
// "to V": a promise, a hope, a threat ("pledged to work together", "hoping
// to avoid a misstep").
var takesInfinitive = set("promise", "pledge", "vow", "hope", "expect", "threaten", "agree", "refuse", "offer", "claim",
	"continue", "fear", "ask", "wish", "swear", "undertake", "volunteer", "decline")

// openers begin a sentence with an adverbial before its subject:
// "Earlier this week, X said", "In response, X ...".
var openers = set("earlier", "later", "meanwhile", "however", "instead", "still", "yet", "also", "then", "now", "today",
	"yesterday", "separately", "overall", "nevertheless", "nonetheless", "moreover", "furthermore", "indeed", "again",
	"last", "next", "this", "when", "while", "after", "before", "since", "as", "although", "though", "if", "because",
	"once", "until", "unless", "whereas", "but", "and", "so", "asked", "speaking", "writing", "according", "despite",
	"following", "amid", "within", "over", "under", "during", "on", "in", "at", "for", "from", "by", "with", "without")

// objectPronouns can stand as the hearer of "told".
var objectPronouns = set("him", "her", "them", "us", "me", "you", "reporters", "journalists", "lawmakers", "parliament",
	"congress", "supporters", "viewers", "listeners", "audiences", "crowds", "voters")

// groupNouns are shares of people: "59 percent said", "a majority say".
var groupNouns = set("percent", "per", "%", "majority", "minority", "half", "third", "thirds", "quarter", "plurality", "fraction", "share", "most")

// quantifiers open a share: "nearly half", "less than a third".
var quantifiers = set("nearly", "almost", "about", "around", "roughly", "some", "over", "more", "less", "fewer", "only", "just", "a", "than")

// titleWords come before a person's name: "Mr Garner", "President Yoon",
// "Gen. Milley". The extractor strips them from canonical names.
var titleWords = set("mr", "mrs", "ms", "miss", "dr", "prof", "professor", "sir", "dame", "lord", "lady", "president",
	"vice-president", "gen", "general", "lt", "lieutenant", "col", "colonel", "maj", "major", "capt", "captain", "sgt",
	"sergeant", "adm", "admiral", "cmdr", "commander", "marshal", "field", "rep", "representative", "sen", "senator", "gov",
	"governor", "mayor", "minister", "secretary", "chancellor", "premier", "prime", "king", "queen", "prince", "princess",
	"sheikh", "pope", "rev", "reverend", "father", "judge", "justice", "ambassador", "chairman", "chairwoman", "speaker",
	"deputy", "foreign", "defence", "defense", "interior", "finance", "health", "chief", "director", "spokesman",
	"spokeswoman", "spokesperson", "commissioner", "inspector", "detective", "officer", "dr.", "mr.", "mrs.", "ms.",
	"gen.", "sen.", "rep.", "gov.", "lt.", "col.", "capt.", "sgt.", "adm.", "former", "then", "acting", "supreme",
	"leader", "emir", "ayatollah", "patriarch", "cardinal", "bishop", "rabbi", "imam", "crown", "grand", "duke", "archbishop",
	"attorney", "state", "congressman", "congresswoman", "assemblyman", "assemblywoman", "councillor", "councilman")

// honorifics are the short titles that are never part of a name.
var honorifics = set("mr", "mrs", "ms", "miss", "dr", "prof", "sir", "dame", "lord", "lady")

// pronouns that can be a source, with what they may refer to.
var pronouns = map[string]pronoun{
	"he": {person: true}, "she": {person: true, female: true}, "it": {org: true},
	"they": {plural: true, org: true, person: true}, "we": {plural: true, org: true, person: true},
	"i": {person: true}, "you": {person: true}, "who": {person: true, relative: true},
	"which": {org: true, relative: true}, "that": {org: true, person: true, relative: true},
}

type pronoun struct {
	person, org, plural, female, relative bool
}

// determiners open a noun phrase.
var determiners = set("the", "a", "an", "this", "that", "these", "those", "some", "many", "several", "other", "another",
	"his", "her", "its", "their", "our", "my", "your", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine",
	"ten", "most", "few", "both", "each", "every", "all", "any", "no", "such", "various", "numerous", "multiple", "more")

// adverbs that sit between a source and its cue ("X also said", "X has
// repeatedly said", "X told reporters on Thursday").
var adverbs = set("also", "has", "have", "had", "later", "previously", "earlier", "then", "again", "repeatedly",
	"reportedly", "recently", "once", "often", "publicly", "privately", "separately", "further", "last", "today", "yesterday",
	"will", "would", "could", "may", "might", "should", "can", "did", "does", "do", "is", "was", "were", "are", "been",
	"being", "be", "not", "never", "already", "still", "just", "only", "even", "first", "initially", "subsequently",
	"simply", "flatly", "strongly", "firmly", "angrily", "bluntly", "frankly", "openly", "quickly", "immediately",
	"long", "consistently", "personally", "explicitly", "specifically", "similarly", "likewise", "too", "however",
	"nonetheless", "now", "indeed", "actually", "apparently", "allegedly", "categorically", "vehemently", "officially",
	"correctly", "rightly", "wrongly", "falsely", "mistakenly", "emphatically", "calmly", "tersely", "reportedly,",
	"ultimately", "eventually", "finally", "clearly", "plainly", "openly", "loudly", "quietly", "subsequently", "recently,")

// hedges soften a claim. From the hedging cues of the BioScope and
// FactBank annotation guides, reduced to those common in news.
var hedges = set("allegedly", "reportedly", "apparently", "possibly", "probably", "perhaps", "maybe", "likely",
	"unlikely", "could", "might", "may", "appears", "appear", "appeared", "seems", "seem", "seemed", "expected",
	"suspected", "supposedly", "purportedly", "believed", "thought", "estimated", "roughly", "approximately", "unconfirmed",
	"unverified", "claimed", "presumably", "potentially", "suggests", "suggested", "indicates", "rumoured", "rumored")

// negators turn a statement into a denial when they govern its cue.
var negators = set("not", "n't", "never", "no")

// clauseWords end a subject phrase scanned leftwards: a verb or a
// conjunction between a noun phrase and its cue means the phrase is not the
// cue's source.
var clauseBreak = set("and", "but", "or", "because", "while", "although", "though", "if", "when", "whereas", "so", "yet",
	"that", "which", "where", "after", "before", "since", "as", "than", "whether", "until", "unless")

// prepositions end a noun phrase scanned leftwards.
var prepositions = set("of", "in", "on", "at", "to", "for", "from", "with", "by", "about", "into", "over", "under",
	"against", "between", "through", "during", "without", "within", "among", "across", "behind", "beyond", "near",
	"toward", "towards", "upon", "via", "per", "despite", "amid", "like", "unlike", "including", "around", "outside",
	"inside", "throughout", "alongside", "onto", "off")

// sentenceStarters are capitalised at the start of a sentence without being
// names.
var functionWords = set("the", "a", "an", "in", "on", "at", "but", "and", "or", "so", "yet", "for", "if", "when", "while",
	"after", "before", "since", "as", "although", "though", "because", "this", "that", "these", "those", "there", "here",
	"it", "its", "he", "she", "they", "we", "i", "you", "his", "her", "their", "our", "my", "your", "what", "who", "which",
	"where", "why", "how", "whether", "neither", "nor", "either", "both", "all", "some", "many", "most", "much", "more",
	"few", "several", "any", "no", "not", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
	"earlier", "later", "last", "next", "first", "then", "now", "today", "yesterday", "tomorrow", "meanwhile", "however",
	"still", "also", "even", "only", "just", "such", "with", "without", "by", "from", "to", "of", "about", "over", "under",
	"according", "despite", "during", "amid", "among", "between", "after", "instead", "indeed", "asked", "speaking",
	"whatever", "whoever", "each", "every", "other", "another", "once", "until", "unless", "do", "does", "did", "is", "are",
	"was", "were", "has", "have", "had", "will", "would", "can", "could", "should", "may", "might", "must", "let", "please",
	"yes", "no", "well", "oh", "mr", "ms", "mrs", "dr", "than", "like", "unlike", "whilst", "thus", "therefore", "hence",
	"overall", "together", "again", "already", "perhaps", "maybe", "certainly", "clearly", "nevertheless", "nonetheless",
	"furthermore", "moreover", "besides", "otherwise", "rather", "initially", "finally", "eventually", "ultimately",
	"recently", "currently", "previously", "separately", "similarly", "likewise", "in-", "those", "said", "says",
	"according", "sources", "officials", "reports", "video", "footage", "satellite", "images")

func set(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}
