package attrib

import "strings"

// Gender for pronoun resolution: "she" should not land on a Donald, nor
// "he" on a spokeswoman. Honorifics (Mr, Ms) say it best; failing them, a
// common given name or a gendered role word. The lists are hand-written
// (given names common in news reporting across languages) because no
// offline name-gender list ships with a Go module; a name in neither list
// stays open to both pronouns.

// genderOf returns "m", "f" or "" for a person's name and role. It runs
// for every person mentioned, so it splits words without allocating.
func genderOf(name, role string) string {
	if sp := strings.IndexByte(name, ' '); sp > 0 {
		first := lowerASCII(strings.TrimSuffix(name[:sp], "."))
		switch {
		case maleNames[first]:
			return "m"
		case femaleNames[first]:
			return "f"
		}
	}
	for role != "" {
		w := role
		if sp := strings.IndexByte(role, ' '); sp >= 0 {
			w, role = role[:sp], role[sp+1:]
		} else {
			role = ""
		}
		if len(w) < 3 {
			continue
		}
		w = strings.TrimRight(w, ".,;:")
		w = strings.TrimSuffix(strings.TrimSuffix(w, "'s"), "’s")
		w = lowerASCII(w)
		switch {
		case maleRoles[w]:
			return "m"
		case femaleRoles[w]:
			return "f"
		}
	}
	return ""
}

// lowerASCII lower-cases s, allocating only when it has upper-case ASCII.
func lowerASCII(s string) string {
	for i := 0; i < len(s); i++ {
		if c := s[i]; 'A' <= c && c <= 'Z' {
			return strings.ToLower(s)
		}
	}
	return s
}

var maleRoles = set("spokesman", "chairman", "businessman", "congressman", "councilman", "assemblyman", "king", "prince",
	"father", "husband", "son", "brother", "uncle", "grandfather", "actor", "sir", "lord", "duke", "emperor", "sultan",
	"sheikh", "nephew", "boyfriend", "policeman", "fisherman", "frontman", "anchorman", "statesman", "headmaster")

var femaleRoles = set("spokeswoman", "chairwoman", "businesswoman", "congresswoman", "councilwoman", "assemblywoman", "queen",
	"princess", "mother", "wife", "daughter", "sister", "aunt", "grandmother", "actress", "lady", "dame", "duchess",
	"empress", "niece", "girlfriend", "policewoman", "fisherwoman", "anchorwoman", "stateswoman", "headmistress", "widow")

var maleNames = set("aaron", "abdul", "abdullah", "adam", "adrian", "ahmed", "alan", "albert", "alberto", "alejandro", "alex",
	"alexander", "alexei", "alexey", "ali", "andre", "andreas", "andrei", "andrew", "andrzej", "angelo", "anthony",
	"antonio", "anton", "arnold", "arthur", "ashton", "barack", "barry", "ben", "benjamin", "bernard", "bernie", "bill", "billy",
	"bob", "bobby", "boris", "brad", "bradley", "brandon", "brian", "bruce", "bryan", "carl", "carlos", "chad", "charles",
	"charlie", "chris", "christian", "christopher", "chuck", "clarence", "colin", "craig", "dan", "daniel", "danny", "dave",
	"david", "dennis", "derek", "dick", "dmitry", "dmitri", "don", "donald", "doug", "douglas", "duncan", "dylan", "ed", "eddie",
	"edward", "elijah", "emmanuel", "enrique", "eric", "erik", "ernest", "ethan", "eugene", "evan", "frank", "franklin", "fred",
	"frederick", "gabriel", "gary", "gavin", "gene", "george", "gerald", "gerhard", "giuseppe", "glenn", "gordon", "graham",
	"greg", "gregory", "hans", "harold", "harry", "hassan", "henry", "herbert", "howard", "hugh", "hugo", "hussein", "ian",
	"igor", "isaac", "ivan", "jack", "jacob", "jake", "james", "jared", "jason", "javier", "jay", "jeb", "jeff",
	"jeffrey", "jeremy", "jerome", "jerry", "jesse", "jim", "jimmy", "joe", "joel", "joey", "johann", "john", "johnny",
	"jon", "jonathan", "jorge", "jose", "joseph", "josh", "joshua", "juan", "julian", "justin", "karl", "keith", "ken",
	"kenneth", "kevin", "kirk", "kurt", "kyle", "kyrylo", "larry", "lawrence", "leo", "leon", "leonard",
	"louis", "luis", "luke", "marco", "marcus", "mario", "mark", "martin", "matt", "matthew", "max", "michael",
	"miguel", "mike", "mikhail", "mitch", "mitt", "mohamed", "mohammad", "mohammed", "muhammad", "nathan", "neil", "nicholas",
	"nick", "nigel", "nikolai", "noah", "norman", "olaf", "oleg", "oliver", "omar", "oscar", "pablo", "patrick", "paul",
	"pedro", "peter", "phil", "philip", "phillip", "pierre", "rahm", "ralph", "ray", "raymond", "reince", "reza", "ricardo",
	"richard", "rick", "rob", "robert", "roberto", "rod", "rodrigo", "roger", "ron", "ronald", "ross", "roy", "rudy",
	"russell", "ryan", "salman", "sam", "samuel", "scott", "sean", "sergei", "sergey", "shane", "sheldon", "simon", "stanley",
	"stefan", "stephen", "steve", "steven", "stuart", "ted", "terry", "thomas", "tim", "timothy", "todd", "tom", "tommy",
	"tony", "travis", "tyler", "vadim", "victor", "viktor", "vincent", "vladimir", "volodymyr", "walter", "wayne", "willem",
	"william", "willie", "xi", "yevgeny", "yuri", "zachary")

var femaleNames = set("abigail", "ada", "adriana", "agnes", "alexandra", "alexandria", "alice", "alicia", "alison",
	"amanda", "amber", "amy", "ana", "anastasia", "andrea", "angela", "angelina", "anita", "ann", "anna", "anne", "annette",
	"antonia", "april", "barbara", "beatrice", "betsy", "betty", "beverly", "bonnie", "brenda", "brittany", "camila",
	"candace", "carla", "carly", "carmen", "carol", "caroline", "carolyn", "catherine", "cecilia", "charlotte", "chelsea",
	"cheryl", "christina", "christine", "cindy", "claire", "clara", "claudia", "colleen", "condoleezza", "cynthia", "dana",
	"daniela", "deborah", "debbie", "debra", "denise", "diana", "diane", "dianne", "donna", "doris", "dorothy", "elaine",
	"eleanor", "elena", "elisabeth", "elizabeth", "ella", "ellen", "elsa", "emily", "emma", "erin", "eva", "evelyn",
	"fatima", "fiona", "frances", "gabriela", "gina", "gloria", "grace", "hannah", "heather", "heidi", "helen", "helena",
	"hillary", "hope", "huma", "ilhan", "irene", "iris", "isabel", "isabella", "ivanka", "jackie", "jacqueline", "jane",
	"janet", "janice", "jeanne", "jennifer", "jenny", "jessica", "jill", "joan", "joanna", "joanne", "jodi",
	"josephine", "joyce", "judith", "judy", "julia", "julie", "kamala", "karen", "kate", "katherine", "kathleen", "kathryn",
	"kathy", "katie", "kayleigh", "kellyanne", "kelly", "kimberly", "kirsten", "kristen", "laura", "lauren", "leah",
	"linda", "lisa", "liz", "lois", "loretta", "lori", "louise", "lucy", "lynn", "madeleine", "maggie", "marcia", "margaret",
	"maria", "marie", "marine", "marina", "marion", "marjorie", "martha", "mary", "maxine", "megan", "megyn", "melania",
	"melissa", "michelle", "mika", "mona", "monica", "nadia", "nancy", "natalia", "natalie", "nicola", "nicole", "nikki",
	"nina", "nora", "olga", "olivia", "pam", "pamela", "patricia", "patty", "paula", "pauline", "peggy", "penny", "rachel",
	"rebecca", "regina", "rita", "rosa", "rose", "ruth", "sally", "samantha", "sandra", "sara", "sarah", "sharon",
	"sheila", "sheryl", "shirley", "silvia", "sofia", "sonia", "sophia", "sophie", "stacey", "stephanie", "susan", "susanne",
	"suzanne", "svetlana", "sylvia", "tamara", "tanya", "teresa", "theresa", "tiffany", "tina", "tulsi", "ursula",
	"valentina", "valerie", "vanessa", "victoria", "virginia", "wendy", "yulia", "yvonne", "zoe")
