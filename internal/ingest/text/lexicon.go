package text

// The word lists below decide what a short header line is. They come from
// the mastheads, bylines and datelines of English-language news sites as
// people copy them (the seed corpus shows the shape), and are meant to be
// small: a line is judged by its shape first, the lists only settle the
// cases shape cannot (is "Reuters" a person or a publisher?).

// publishers are outlet names that are not recognisable by shape: one word,
// or words that could be a person's name. Keys are lowercase, without a
// leading "the".
var publishers = map[string]bool{
	"reuters": true, "bloomberg": true, "telegraph": true, "guardian": true, "observer": true,
	"independent": true, "economist": true, "politico": true, "axios": true, "vox": true,
	"bbc": true, "cnn": true, "nbc": true, "abc": true, "cbs": true, "npr": true, "pbs": true,
	"afp": true, "ap": true, "dpa": true, "efe": true, "ansa": true, "tass": true, "ria novosti": true,
	"xinhua": true, "yonhap": true, "kyodo": true, "interfax": true, "ukrinform": true, "kyiv independent": true,
	"al jazeera": true, "france 24": true, "deutsche welle": true, "dw": true, "euronews": true,
	"sky": true, "itv": true, "channel 4": true, "fox": true, "msnbc": true, "cnbc": true,
	"associated press": true, "agence france-presse": true, "agence france presse": true,
	"financial times": true, "ft": true, "the atlantic": true, "atlantic": true, "newsweek": true,
	"time": true, "forbes": true, "fortune": true, "wired": true, "slate": true, "salon": true,
	"buzzfeed": true, "vice": true, "semafor": true, "propublica": true, "bellingcat": true,
	"le monde": true, "der spiegel": true, "spiegel": true, "die zeit": true, "el país": true,
	"el pais": true, "la repubblica": true, "corriere della sera": true, "haaretz": true,
	"meduza": true, "novaya gazeta": true, "nikkei": true, "scmp": true, "rfe/rl": true,
	"radio free europe": true, "voice of america": true, "voa": true, "sun": true, "metro": true,
	"mail": true, "mirror": true, "express": true, "standard": true, "inews": true,
}

// orgWords mark a short capitalised line as an organisation's name rather
// than a person's ("BBC News", "The Korea Herald", "Kyiv Post").
var orgWords = map[string]bool{
	"news": true, "times": true, "post": true, "herald": true, "journal": true, "press": true,
	"media": true, "tribune": true, "gazette": true, "daily": true, "weekly": true, "agency": true,
	"radio": true, "television": true, "tv": true, "broadcasting": true, "network": true,
	"review": true, "chronicle": true, "observer": true, "telegraph": true, "guardian": true,
	"independent": true, "magazine": true, "online": true, "insider": true, "wire": true,
	"monitor": true, "bulletin": true, "courier": true, "dispatch": true, "sentinel": true,
	"today": true, "world": true, "week": true, "mail": true, "express": true, "mirror": true,
	"standard": true, "star": true, "record": true, "examiner": true, "inquirer": true,
	"register": true, "globe": true, "economist": true, "service": true,
	"channel": true, "group": true, "institute": true, "foundation": true, "centre": true,
	"center": true, "ministry": true, "office": true, "council": true, "bureau": true,
}

// roleWords follow a name in a byline ("Jane Doe, Defence Editor") and are
// not part of it.
var roleWords = map[string]bool{
	"correspondent": true, "editor": true, "reporter": true, "writer": true, "journalist": true,
	"columnist": true, "contributor": true, "analyst": true, "producer": true, "chief": true,
	"senior": true, "staff": true, "bureau": true, "desk": true, "team": true, "reporters": true,
	"correspondents": true, "editors": true, "writers": true, "associate": true, "deputy": true,
}

// notNameWords are words that, capitalised in a title-case heading, show the
// line is not a person's name: articles, prepositions, pronouns and common
// headline verbs. Names are nouns, and almost never contain these.
var notNameWords = map[string]bool{
	"a": true, "an": true, "the": true, "of": true, "in": true, "on": true, "at": true, "to": true,
	"for": true, "with": true, "from": true, "by": true, "as": true, "into": true, "over": true,
	"after": true, "before": true, "about": true, "against": true, "under": true, "amid": true,
	"is": true, "are": true, "was": true, "were": true, "be": true, "has": true, "have": true,
	"had": true, "will": true, "would": true, "can": true, "could": true, "may": true, "might": true,
	"says": true, "said": true, "say": true, "shows": true, "show": true, "new": true, "how": true,
	"why": true, "what": true, "who": true, "when": true, "where": true, "this": true, "that": true,
	"it": true, "its": true, "we": true, "our": true, "they": true, "their": true, "his": true,
	"her": true, "not": true, "no": true, "all": true, "more": true, "most": true, "up": true,
	"out": true, "off": true, "than": true, "but": true, "or": true, "if": true, "so": true,
	"live": true, "latest": true, "updates": true, "breaking": true, "analysis": true,
	"opinion": true, "comment": true, "read": true, "more:": true, "related": true, "images": true,
	"video": true, "photo": true, "photos": true, "watch": true, "listen": true, "share": true,
	"advertisement": true, "subscribe": true, "home": true, "menu": true,
}

// nameParticles are lowercase words inside names ("Ursula von der Leyen",
// "Luiz Inácio Lula da Silva").
var nameParticles = map[string]bool{
	"de": true, "da": true, "das": true, "do": true, "dos": true, "du": true, "del": true,
	"della": true, "der": true, "den": true, "van": true, "von": true, "la": true, "le": true,
	"bin": true, "bint": true, "ibn": true, "al": true, "el": true, "y": true, "di": true,
	"ter": true, "ten": true, "zu": true, "af": true,
}
