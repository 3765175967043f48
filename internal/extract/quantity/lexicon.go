package quantity

// The lexicons of the quantity reader, in one place. Keys are lower case, as
// token.Token.Key is. Each says where its knowledge comes from.

// cardinals are the English number words below a hundred; from any English
// grammar (the Cambridge Grammar of the English Language, ch. 5).
var cardinals = map[string]float64{
	"zero": 0, "nought": 0, "naught": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5,
	"six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11,
	"twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
	"seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30,
	"forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
}

// scales multiply what comes before them. "lakh" and "crore" are the Indian
// English scale words (the style guides of The Hindu and the Times of India);
// "bn", "mn", "tn" and the rest are the abbreviations of financial news
// (Reuters, the Economist and FT style guides).
var scales = map[string]float64{
	"hundred": 1e2, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12,
	"lakh": 1e5, "lakhs": 1e5, "crore": 1e7, "crores": 1e7,
	"bn": 1e9, "mn": 1e6, "mln": 1e6, "bln": 1e9, "tn": 1e12, "tln": 1e12, "trn": 1e12,
}

// suffixScales are scale abbreviations written glued to digits ("5bn",
// "1.5m", "10k"), from the same style guides and common financial usage
// ("MM" for a million in US finance).
var suffixScales = map[string]float64{
	"k": 1e3, "m": 1e6, "mn": 1e6, "mln": 1e6, "mil": 1e6, "mm": 1e6,
	"b": 1e9, "bn": 1e9, "bln": 1e9, "tn": 1e12, "tln": 1e12, "trn": 1e12,
}

// ordinals are the ordinal words; denominators of fractions share them
// ("a fifth", "two thirds").
var ordinals = map[string]float64{
	"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6,
	"seventh": 7, "eighth": 8, "ninth": 9, "nineth": 9, "tenth": 10, "eleventh": 11,
	"twelfth": 12, "thirteenth": 13, "fourteenth": 14, "fifteenth": 15,
	"sixteenth": 16, "seventeenth": 17, "eighteenth": 18, "nineteenth": 19,
	"twentieth": 20, "thirtieth": 30, "fortieth": 40, "fiftieth": 50,
	"sixtieth": 60, "seventieth": 70, "eightieth": 80, "ninetieth": 90,
	"hundredth": 1e2, "thousandth": 1e3, "millionth": 1e6, "billionth": 1e9,
	"trillionth": 1e12,
}

// denominators are the plural ordinals and the special fraction words.
var denominators = map[string]float64{
	"half": 2, "halves": 2, "quarter": 4, "quarters": 4,
	"thirds": 3, "fourths": 4, "fifths": 5, "sixths": 6, "sevenths": 7, "eighths": 8,
	"ninths": 9, "tenths": 10, "elevenths": 11, "twelfths": 12, "twentieths": 20,
	"hundredths": 1e2, "thousandths": 1e3, "millionths": 1e6, "billionths": 1e9,
	"trillionths": 1e12,
}

// vagueUnits are the plural amounts that give a lower bound but no value
// ("dozens", "thousands"); the bound is two of the unit, the least the plural
// can mean. "tens" only counts before "of" ("tens of thousands"), and
// "scores" only before "of" too (it is also a noun of sport).
var vagueUnits = map[string]float64{
	"dozens": 12, "hundreds": 1e2, "thousands": 1e3, "millions": 1e6,
	"billions": 1e9, "trillions": 1e12, "tens": 10, "scores": 20,
}

// vagueCounts are the indefinite counts before a singular scale word
// ("several thousand", "a few hundred"), with the least they can mean.
var vagueCounts = map[string]float64{"several": 3, "few": 2, "many": 2, "some": 2}

// hedge is a phrase before or after an amount that makes it inexact.
type hedge struct {
	words  []string // keys, in text order
	approx bool
	bound  string // "min", "max" or ""
}

// preHedges come before an amount. From the approximators and bounding
// expressions of news style guides (AP: "more than" vs "over"; the
// Guardian and BBC on "up to"), and the hedging literature (Hyland 1998).
// Longer phrases are tried first.
var preHedges = []hedge{
	{words: []string{"in", "the", "region", "of"}, approx: true},
	{words: []string{"in", "the", "order", "of"}, approx: true},
	{words: []string{"on", "the", "order", "of"}, approx: true},
	{words: []string{"something", "like"}, approx: true},
	{words: []string{"just", "shy", "of"}, approx: true, bound: "max"},
	{words: []string{"just", "under"}, approx: true, bound: "max"},
	{words: []string{"just", "below"}, approx: true, bound: "max"},
	{words: []string{"just", "over"}, approx: true, bound: "min"},
	{words: []string{"just", "above"}, approx: true, bound: "min"},
	{words: []string{"well", "over"}, bound: "min"},
	{words: []string{"well", "above"}, bound: "min"},
	{words: []string{"well", "under"}, bound: "max"},
	{words: []string{"no", "more", "than"}, bound: "max"},
	{words: []string{"no", "fewer", "than"}, bound: "min"},
	{words: []string{"no", "less", "than"}, bound: "min"},
	{words: []string{"not", "more", "than"}, bound: "max"},
	{words: []string{"not", "less", "than"}, bound: "min"},
	{words: []string{"as", "many", "as"}, bound: "max"},
	{words: []string{"as", "much", "as"}, bound: "max"},
	{words: []string{"as", "few", "as"}, bound: "min"},
	{words: []string{"as", "little", "as"}, bound: "min"},
	{words: []string{"a", "maximum", "of"}, bound: "max"},
	{words: []string{"a", "minimum", "of"}, bound: "min"},
	{words: []string{"in", "excess", "of"}, bound: "min"},
	{words: []string{"upwards", "of"}, bound: "min"},
	{words: []string{"more", "than"}, bound: "min"},
	{words: []string{"greater", "than"}, bound: "min"},
	{words: []string{"larger", "than"}, bound: "min"},
	{words: []string{"higher", "than"}, bound: "min"},
	{words: []string{"fewer", "than"}, bound: "max"},
	{words: []string{"less", "than"}, bound: "max"},
	{words: []string{"lower", "than"}, bound: "max"},
	{words: []string{"at", "least"}, bound: "min"},
	{words: []string{"at", "most"}, bound: "max"},
	{words: []string{"up", "to"}, bound: "max"},
	{words: []string{"close", "to"}, approx: true, bound: "max"},
	{words: []string{"an", "estimated"}, approx: true},
	{words: []string{"estimated"}, approx: true},
	{words: []string{"about"}, approx: true},
	{words: []string{"around"}, approx: true},
	{words: []string{"approximately"}, approx: true},
	{words: []string{"approx"}, approx: true},
	{words: []string{"approx."}, approx: true},
	{words: []string{"roughly"}, approx: true},
	{words: []string{"some"}, approx: true},
	{words: []string{"circa"}, approx: true},
	{words: []string{"perhaps"}, approx: true},
	{words: []string{"possibly"}, approx: true},
	{words: []string{"maybe"}, approx: true},
	{words: []string{"nearly"}, approx: true, bound: "max"},
	{words: []string{"almost"}, approx: true, bound: "max"},
	{words: []string{"over"}, bound: "min"},
	{words: []string{"above"}, bound: "min"},
	{words: []string{"exceeding"}, bound: "min"},
	{words: []string{"exceeds"}, bound: "min"},
	{words: []string{"exceeded"}, bound: "min"},
	{words: []string{"surpassing"}, bound: "min"},
	{words: []string{"under"}, bound: "max"},
	{words: []string{"below"}, bound: "max"},
}

// postHedges come after an amount ("30,000 or so", "500 or more").
var postHedges = []hedge{
	{words: []string{"or", "so"}, approx: true},
	{words: []string{"or", "thereabouts"}, approx: true},
	{words: []string{"give", "or", "take"}, approx: true},
	{words: []string{"or", "more"}, bound: "min"},
	{words: []string{"or", "over"}, bound: "min"},
	{words: []string{"or", "above"}, bound: "min"},
	{words: []string{"and", "more"}, bound: "min"},
	{words: []string{"and", "counting"}, bound: "min"},
	{words: []string{"and", "above"}, bound: "min"},
	{words: []string{"or", "fewer"}, bound: "max"},
	{words: []string{"or", "less"}, bound: "max"},
	{words: []string{"or", "under"}, bound: "max"},
	{words: []string{"at", "least"}, bound: "min"},
	{words: []string{"at", "most"}, bound: "max"},
	{words: []string{"plus"}, bound: "min"},
	{words: []string{"odd"}, approx: true},
	{words: []string{"+"}, bound: "min"},
}

// currencySymbols map a currency sign to its ISO 4217 code. "$" alone is
// the US dollar, as in international English news; the prefixed dollars
// follow the Reuters and Economist style guides.
var currencySymbols = map[string]string{
	"$": "USD", "£": "GBP", "€": "EUR", "¥": "JPY", "₹": "INR", "₽": "RUB",
	"₴": "UAH", "₩": "KRW", "₪": "ILS", "₺": "TRY", "₦": "NGN", "₱": "PHP",
	"₫": "VND", "฿": "THB", "₣": "CHF", "元": "CNY",
}

// dollarPrefixes are the letters written before "$" for other dollars.
var dollarPrefixes = map[string]string{
	"us": "USD", "a": "AUD", "au": "AUD", "c": "CAD", "ca": "CAD", "can": "CAD",
	"hk": "HKD", "nz": "NZD", "s": "SGD", "sg": "SGD", "nt": "TWD", "r": "BRL",
	"mx": "MXN", "z": "ZWL",
}

// currencyCodes are ISO 4217 codes as written in running text ("USD 5m",
// "5m euros" is in currencyWords); from the ISO 4217 list, limited to the
// currencies of international news. "RMB" is the Chinese usage for CNY and
// "Rs" the South Asian abbreviation of the rupee.
var currencyCodes = map[string]string{
	"usd": "USD", "eur": "EUR", "gbp": "GBP", "jpy": "JPY", "cny": "CNY", "rmb": "CNY",
	"rub": "RUB", "uah": "UAH", "krw": "KRW", "kpw": "KPW", "inr": "INR", "chf": "CHF", "esp": "ESP",
	"aud": "AUD", "cad": "CAD", "hkd": "HKD", "nzd": "NZD", "sgd": "SGD", "sek": "SEK",
	"nok": "NOK", "dkk": "DKK", "pln": "PLN", "try": "TRY", "ils": "ILS", "sar": "SAR",
	"aed": "AED", "irr": "IRR", "brl": "BRL", "mxn": "MXN", "zar": "ZAR", "ngn": "NGN",
	"rs": "INR", "rs.": "INR", "dlrs": "USD",
}

// currencyWords are currency names written after an amount ("5 billion
// dollars", "2m roubles"), with ISO 4217 codes. "pounds" is money unless
// "of" follows (then it is weight); "won" only counts after a scale word or
// a large amount (it is also a verb).
var currencyWords = map[string]string{
	"dollar": "USD", "dollars": "USD", "euro": "EUR", "euros": "EUR",
	"pound": "GBP", "pounds": "GBP", "sterling": "GBP", "yen": "JPY",
	"yuan": "CNY", "renminbi": "CNY", "rouble": "RUB", "roubles": "RUB",
	"ruble": "RUB", "rubles": "RUB", "rupee": "INR", "rupees": "INR",
	"hryvnia": "UAH", "hryvnias": "UAH", "hryvnas": "UAH", "hryvnya": "UAH", "won": "KRW",
	"shekel": "ILS", "shekels": "ILS", "riyal": "SAR", "riyals": "SAR",
	"rial": "IRR", "rials": "IRR", "dirham": "AED", "dirhams": "AED",
	"peso": "MXN", "pesos": "MXN", "reais": "BRL", "franc": "CHF", "francs": "CHF",
	"lira": "TRY", "liras": "TRY", "rand": "ZAR", "naira": "NGN",
	"krona": "SEK", "kronor": "SEK", "krone": "NOK", "kroner": "NOK",
	"zloty": "PLN", "zlotys": "PLN", "forint": "HUF", "baht": "THB",
	"ringgit": "MYR", "rupiah": "IDR", "markka": "FIM", "guilders": "NLG", "pesetas": "ESP",
	"deutschmarks": "DEM", "deutschemarks": "DEM",
}

// dollarNations name the dollar of a country before "dollars"
// ("125 million Australian dollars").
var dollarNations = map[string]string{
	"us": "USD", "american": "USD", "australian": "AUD", "canadian": "CAD",
	"hong": "HKD", "singapore": "SGD", "singaporean": "SGD", "taiwan": "TWD",
	"taiwanese": "TWD", "zimbabwean": "ZWL", "zealand": "NZD",
}

// nationCurrencies name a currency by its country's adjective where the
// currency word alone would be another's ("Swiss francs", "Mexican pesos",
// "North Korean won"); ISO 4217.
var nationCurrencies = map[string]map[string]string{
	"swiss":       {"franc": "CHF", "francs": "CHF"},
	"french":      {"franc": "FRF", "francs": "FRF"},
	"belgian":     {"franc": "BEF", "francs": "BEF"},
	"cfa":         {"franc": "XOF", "francs": "XOF"},
	"turkish":     {"lira": "TRY", "liras": "TRY"},
	"italian":     {"lira": "ITL", "lire": "ITL"},
	"chinese":     {"yuan": "CNY", "renminbi": "CNY"},
	"japanese":    {"yen": "JPY"},
	"dutch":       {"guilder": "NLG", "guilders": "NLG"},
	"finnish":     {"markka": "FIM", "markkaa": "FIM"},
	"mexican":     {"peso": "MXN", "pesos": "MXN"},
	"argentine":   {"peso": "ARS", "pesos": "ARS"},
	"philippine":  {"peso": "PHP", "pesos": "PHP"},
	"colombian":   {"peso": "COP", "pesos": "COP"},
	"chilean":     {"peso": "CLP", "pesos": "CLP"},
	"indian":      {"rupee": "INR", "rupees": "INR"},
	"pakistani":   {"rupee": "PKR", "rupees": "PKR"},
	"russian":     {"rouble": "RUB", "roubles": "RUB", "ruble": "RUB", "rubles": "RUB"},
	"belarusian":  {"rouble": "BYN", "roubles": "BYN", "ruble": "BYN", "rubles": "BYN"},
	"ukrainian":   {"hryvnia": "UAH", "hryvnias": "UAH"},
	"korean":      {"won": "KRW"},
	"swedish":     {"krona": "SEK", "kronor": "SEK"},
	"norwegian":   {"krone": "NOK", "kroner": "NOK"},
	"danish":      {"krone": "DKK", "kroner": "DKK"},
	"egyptian":    {"pound": "EGP", "pounds": "EGP"},
	"lebanese":    {"pound": "LBP", "pounds": "LBP"},
	"syrian":      {"pound": "SYP", "pounds": "SYP"},
	"sudanese":    {"pound": "SDG", "pounds": "SDG"},
	"british":     {"pound": "GBP", "pounds": "GBP"},
	"iranian":     {"rial": "IRR", "rials": "IRR"},
	"saudi":       {"riyal": "SAR", "riyals": "SAR"},
	"israeli":     {"shekel": "ILS", "shekels": "ILS"},
	"nigerian":    {"naira": "NGN"},
	"kenyan":      {"shilling": "KES", "shillings": "KES"},
	"ugandan":     {"shilling": "UGX", "shillings": "UGX"},
	"tanzanian":   {"shilling": "TZS", "shillings": "TZS"},
	"spanish":     {"peseta": "ESP", "pesetas": "ESP"},
	"brazilian":   {"real": "BRL", "reais": "BRL"},
	"iraqi":       {"dinar": "IQD", "dinars": "IQD"},
	"jordanian":   {"dinar": "JOD", "dinars": "JOD"},
	"kuwaiti":     {"dinar": "KWD", "dinars": "KWD"},
	"serbian":     {"dinar": "RSD", "dinars": "RSD"},
	"polish":      {"zloty": "PLN", "zlotys": "PLN"},
	"hungarian":   {"forint": "HUF", "forints": "HUF"},
	"thai":        {"baht": "THB"},
	"malaysian":   {"ringgit": "MYR"},
	"indonesian":  {"rupiah": "IDR"},
	"vietnamese":  {"dong": "VND"},
	"afghan":      {"afghani": "AFN", "afghanis": "AFN"},
	"venezuelan":  {"bolivar": "VES", "bolivars": "VES"},
	"zimbabwean":  {"dollar": "ZWL", "dollars": "ZWL"},
	"singaporean": {"dollar": "SGD", "dollars": "SGD"},
}

// minorUnits are the hundredth parts of a currency ("50 cents", "470 pence").
var minorUnits = map[string]string{"cent": "USD", "cents": "USD", "pence": "GBP", "penny": "GBP", "kopecks": "RUB", "kopeks": "RUB"}

// percentWords name a percentage after an amount; "pc" and "pct" are the
// abbreviations of British and wire-service style.
var percentWords = map[string]bool{"percent": true, "percents": true, "percentage": true, "pc": true, "pct": true}

// units are the units of measure news writes plainly after an amount, with
// the short name the output uses; from the SI brochure and the units common
// in news (miles, tonnes, barrels, acres, megawatts).
var units = map[string]string{
	"km": "km", "kms": "km", "kilometre": "km", "kilometres": "km", "kilometer": "km", "kilometers": "km",
	"mile": "miles", "miles": "miles", "metre": "m", "metres": "m", "meter": "m", "meters": "m",
	"cm": "cm", "centimetres": "cm", "centimeters": "cm", "mm": "mm", "millimetres": "mm", "millimeters": "mm",
	"ft": "ft", "foot": "ft", "feet": "ft", "inch": "in", "inches": "in", "yard": "yd", "yards": "yd",
	"kg": "kg", "kgs": "kg", "kilogram": "kg", "kilograms": "kg", "kilo": "kg", "kilos": "kg",
	"gram": "g", "grams": "g", "tonne": "tonnes", "tonnes": "tonnes", "ton": "tons", "tons": "tons",
	"lb": "lb", "lbs": "lb", "ounce": "oz", "ounces": "oz", "oz": "oz",
	"litre": "litres", "litres": "litres", "liter": "litres", "liters": "litres",
	"gallon": "gallons", "gallons": "gallons", "barrel": "barrels", "barrels": "barrels", "bpd": "barrels/day",
	"hectare": "hectares", "hectares": "hectares", "ha": "hectares", "acre": "acres", "acres": "acres",
	"km2": "km2", "mph": "mph", "kph": "km/h", "knots": "knots",
	"degree": "degrees", "degrees": "degrees", "°c": "°C", "°f": "°F", "c": "°C",
	"mw": "MW", "megawatt": "MW", "megawatts": "MW", "gw": "GW", "gigawatt": "GW", "gigawatts": "GW",
	"kw": "kW", "kilowatt": "kW", "kilowatts": "kW", "kwh": "kWh", "mwh": "MWh", "gwh": "GWh", "twh": "TWh",
	"bcm": "bcm", "mt": "Mt",
}

// squareUnits follow "square" ("300 square miles").
var squareUnits = map[string]string{
	"km": "km2", "kilometres": "km2", "kilometers": "km2", "miles": "sq miles", "mile": "sq miles",
	"metres": "m2", "meters": "m2", "feet": "sq ft", "ft": "sq ft",
}

// timeUnits make an amount a duration or an age ("three weeks", "45 years
// old"), which the times stage reads; they are not counts of things.
var timeUnits = map[string]bool{
	"second": true, "seconds": true, "minute": true, "minutes": true, "hour": true, "hours": true,
	"hrs": true, "day": true, "days": true, "night": true, "nights": true, "week": true, "weeks": true,
	"fortnight": true, "fortnights": true, "month": true, "months": true, "year": true, "years": true,
	"decade": true, "decades": true, "century": true, "centuries": true, "millennia": true,
	"yrs": true, "mins": true, "secs": true,
}

// ratePeriods name the period of a rate ("a month", "per day", "annually").
var ratePeriods = map[string]string{
	"second": "second", "minute": "minute", "hour": "hour", "day": "day", "night": "day",
	"week": "week", "fortnight": "fortnight", "month": "month", "quarter": "quarter",
	"year": "year", "annum": "year", "decade": "decade",
}

// rateAdverbs are one-word rates ("spends $5bn annually").
var rateAdverbs = map[string]string{
	"hourly": "hour", "daily": "day", "nightly": "day", "weekly": "week", "monthly": "month",
	"quarterly": "quarter", "annually": "year", "yearly": "year",
}

// months are month names and their abbreviations (AP style), for telling a
// day of the month from a count.
var months = map[string]bool{
	"january": true, "february": true, "march": true, "april": true, "may": true, "june": true,
	"july": true, "august": true, "september": true, "october": true, "november": true, "december": true,
	"jan": true, "feb": true, "mar": true, "apr": true, "jun": true, "jul": true, "aug": true,
	"sep": true, "sept": true, "oct": true, "nov": true, "dec": true,
}

// clockWords after a number make it a time of day.
var clockWords = map[string]bool{
	"am": true, "pm": true, "a.m.": true, "p.m.": true, "a.m": true, "p.m": true, "gmt": true, "bst": true,
	"utc": true, "est": true, "edt": true, "pst": true, "pdt": true, "cet": true, "cest": true,
	"et": true, "pt": true, "o'clock": true, "msk": true, "kst": true,
}

// yearWords before a four-digit number make it a year ("in 2022", "since
// 1991"); "ad" and "bc" after do the same.
var yearWords = map[string]bool{
	"in": true, "since": true, "until": true, "till": true, "by": true, "from": true, "of": true,
	"to": true, "during": true, "before": true, "after": true, "early": true, "late": true,
	"mid": true, "mid-": true, "circa": true, "c.": true, "summer": true, "winter": true,
	"spring": true, "autumn": true, "fall": true, "year": true, "season": true, "class": true,
	"through": true, "and": true, "'s": true, "the": true, "between": true, "around": true,
	"fiscal": true, "fy": true, "model": true, "vintage": true, "census": true,
}

// labelWords before a number make it an identifier, not an amount ("No.
// 10", "Article 5", "Flight 370", "page 3", "the top 10"); from the
// numbered things of news text.
var labelWords = map[string]bool{
	"no": true, "no.": true, "nos": true, "number": true, "#": true, "article": true, "articles": true,
	"section": true, "sections": true, "chapter": true, "page": true, "pages": true, "p": true, "pp": true,
	"vol": true, "volume": true, "flight": true, "route": true, "room": true, "level": true, "grade": true,
	"category": true, "phase": true, "stage": true, "round": true, "game": true, "episode": true,
	"season": true, "series": true, "model": true, "version": true, "gate": true, "platform": true,
	"terminal": true, "line": true, "block": true, "building": true, "floor": true, "item": true,
	"rule": true, "paragraph": true, "clause": true, "resolution": true, "bill": true, "proposition": true,
	"prop": true, "amendment": true, "step": true, "lane": true, "highway": true, "interstate": true,
	"apartment": true, "apt": true, "suite": true, "box": true, "ward": true, "precinct": true,
	"zone": true, "sector": true, "top": true, "code": true, "id": true, "unit": true, "mark": true,
	"mk": true, "type": true, "class": true, "district": true, "channel": true, "radio": true,
	"figure": true, "fig": true, "table": true, "act": true, "title": true, "magnitude": true,
	"covid": true, "window": true, "windows": true, "i-": true, "tier": true, "lot": true,
	"exit": true, "junction": true, "pier": true, "dock": true, "berth": true, "bed": true,
	"hole": true, "lap": true, "match": true, "week": true, "day": true, "row": true, "seat": true,
	"aged": true, "age": true, "ages": true, "ranked": true, "rank": true, "no.1": true,
}

// headIrregulars are plural nouns that do not end in -s, and the nominal
// participles and adjectives that head a count ("the 300 dead").
var headIrregulars = map[string]bool{
	"people": true, "men": true, "women": true, "children": true, "police": true, "personnel": true,
	"staff": true, "cattle": true, "sheep": true, "fish": true, "aircraft": true, "infantry": true,
	"militia": true, "crew": true, "livestock": true, "deer": true, "geese": true, "mice": true,
	"teeth": true, "feet": true, "dead": true, "wounded": true, "injured": true, "displaced": true,
	"missing": true, "homeless": true, "unemployed": true, "elderly": true, "poor": true,
	"faithful": true, "youth": true, "clergy": true, "offspring": true, "spacecraft": true,
	"watercraft": true, "hovercraft": true, "counterparts": true, "data": true, "media": true,
	"military": true, "ammunition": true, "equipment": true, "japanese": true, "chinese": true,
	"vietnamese": true, "lebanese": true, "sudanese": true, "swiss": true, "portuguese": true,
	"taiwanese": true, "burmese": true, "congolese": true, "senegalese": true, "nepalese": true,
	"maltese": true, "british": true, "french": true, "dutch": true, "irish": true, "welsh": true,
}

// notHeads end in -s but are not plural nouns: verbs, pronouns, adverbs and
// prepositions that follow an amount.
var notHeads = map[string]bool{
	"is": true, "was": true, "has": true, "does": true, "says": true, "goes": true, "its": true,
	"his": true, "this": true, "thus": true, "as": true, "us": true, "plus": true, "across": true,
	"towards": true, "perhaps": true, "seems": true, "appears": true, "remains": true, "means": true,
	"includes": true, "comes": true, "makes": true, "gets": true, "needs": true, "shows": true,
	"becomes": true, "always": true, "less": true, "unless": true, "whereas": true, "yes": true,
	"besides": true, "afterwards": true, "nevertheless": true, "regardless": true, "various": true,
	"previous": true, "serious": true, "numerous": true, "famous": true, "dangerous": true,
	"obvious": true, "enormous": true, "tremendous": true, "anxious": true, "nervous": true,
	"religious": true, "vs": true, "ours": true, "yours": true, "theirs": true, "hers": true,
	"whereabouts": true, "news": true,
}

// npStops end the noun phrase after an amount: function words, auxiliaries
// and modals, and frequent adverbs. A closed list from any English grammar.
var npStops = map[string]bool{
	"the": true, "a": true, "an": true, "of": true, "in": true, "on": true, "at": true, "to": true,
	"for": true, "from": true, "by": true, "with": true, "without": true, "into": true, "onto": true,
	"and": true, "or": true, "but": true, "nor": true, "than": true, "that": true, "which": true,
	"who": true, "whom": true, "whose": true, "where": true, "when": true, "while": true,
	"have": true, "has": true, "had": true, "having": true, "is": true, "are": true, "was": true,
	"were": true, "be": true, "been": true, "being": true, "will": true, "would": true, "could": true,
	"can": true, "may": true, "might": true, "must": true, "shall": true, "should": true,
	"do": true, "does": true, "did": true, "not": true, "n't": true, "already": true, "also": true,
	"still": true, "now": true, "then": true, "there": true, "here": true, "more": true, "less": true,
	"fewer": true, "each": true, "every": true, "per": true, "so": true, "as": true, "if": true,
	"it": true, "they": true, "them": true, "he": true, "she": true, "we": true, "you": true, "i": true,
	"this": true, "these": true, "those": true, "their": true, "his": true, "her": true, "its": true,
	"our": true, "my": true, "your": true, "said": true, "say": true, "says": true, "told": true,
	"about": true, "over": true, "under": true, "after": true, "before": true, "since": true,
	"until": true, "during": true, "against": true, "between": true, "among": true, "across": true,
	"through": true, "including": true, "like": true, "all": true, "only": true, "just": true,
	"even": true, "yet": true, "because": true, "though": true, "although": true, "whether": true,
	"ago": true, "later": true, "earlier": true, "last": true, "next": true, "this's": true,
	"'s": true, "'re": true, "'ve": true, "'ll": true, "'d": true, "total": true, "altogether": true,
	"away": true, "back": true, "up": true, "down": true, "out": true, "off": true, "again": true,
	"too": true, "very": true, "really": true, "apiece": true, "respectively": true,
	"near": true, "beyond": true, "inside": true, "outside": true, "within": true, "via": true,
	"toward": true, "towards": true, "around": true, "behind": true, "amid": true, "despite": true,
	"throughout": true, "upon": true, "along": true, "alongside": true, "past": true, "unlike": true,
	"aboard": true, "below": true, "above": true, "beneath": true, "beside": true, "besides": true,
	"versus": true, "vs": true, "_": true, "whereas": true, "since.": true, "ago.": true, "such": true,
}

// streetWords end a street name after a house number ("469 Vermont St.");
// from the USPS street suffix abbreviations and British usage.
var streetWords = map[string]bool{
	"st": true, "st.": true, "street": true, "ave": true, "ave.": true, "avenue": true, "road": true,
	"rd": true, "rd.": true, "blvd": true, "blvd.": true, "boulevard": true, "drive": true, "dr": true,
	"lane": true, "ln": true, "way": true, "place": true, "pl": true, "square": true, "court": true,
	"ct": true, "plaza": true, "parkway": true, "pkwy": true, "terrace": true, "crescent": true,
	"close": true, "gardens": true, "row": true, "hill": true,
}

// changeVerbs before "from X to Y" make it a change, two figures, not a
// range ("rose from 10 to 20").
var changeVerbs = map[string]bool{
	"rose": true, "rise": true, "rising": true, "risen": true, "rises": true, "fell": true, "fall": true,
	"falling": true, "fallen": true, "falls": true, "increased": true, "increase": true, "increasing": true,
	"decreased": true, "decrease": true, "grew": true, "grow": true, "grown": true, "dropped": true,
	"drop": true, "climbed": true, "jumped": true, "cut": true, "reduced": true, "raised": true,
	"lowered": true, "declined": true, "doubled": true, "soared": true, "surged": true, "slipped": true,
	"plunged": true, "slumped": true, "up": true, "down": true, "revised": true, "swelled": true,
	"shrank": true, "expanded": true, "boosted": true, "went": true, "changed": true,
}

// rhetoricHeads after an indefinite round amount make it hyperbole ("a
// thousand times", "a million reasons"); from idioms of English
// (Cambridge and Collins idiom dictionaries).
var rhetoricHeads = map[string]bool{
	"times": true, "reasons": true, "ways": true, "things": true, "questions": true, "words": true,
	"miles": true, "pieces": true, "thanks": true, "apologies": true, "percent": true, "ideas": true,
	"stories": true, "faces": true, "places": true, "directions": true, "years": true, "light-years": true,
}

// hyperboleWords are amounts that are never estimates ("umpteen", "a
// zillion").
var hyperboleWords = map[string]bool{"zillion": true, "zillions": true, "gazillion": true, "gazillions": true, "bajillion": true, "umpteen": true, "squillion": true, "kajillion": true}

// themWords after "of" in a quotation point back at people in view ("a
// million of them here").
var themWords = map[string]bool{"them": true, "us": true, "you": true, "these": true, "those": true, "'em": true, "em": true}

// compoundHeads after "N-" keep the amount a count or bound it
// ("a 10,000-strong force", "30-odd", "10,000-plus").
var compoundHeads = map[string]string{"strong": "", "odd": "approx", "plus": "min", "some": "approx"}
