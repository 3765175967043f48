// Package where finds places in text with an offline gazetteer: countries,
// regions, cities and military districts, with their ISO country code and
// coordinates; demonyms linked to their country; capitals that stand for
// their government.
//
// The gazetteer (data/gazetteer.tsv, built by scripts/gazetteer from
// GeoNames, Natural Earth and the sources in data/NOTICE) is embedded and
// loaded once, on first use or by Load. Find walks a trie of its names over
// the tokens, longest match first, then lets context rule readings out (a
// person's or a club's name, an everyday word, a headline) and resolves the
// rest by the document's other places, kind and population. CountryName,
// CountryCode and Lookup answer the rest of the system's questions about
// names; BaseMap holds country shapes for an offline map. Everything here
// is safe for concurrent use.
package where

import (
	"github.com/crosscheck-dev/crosscheck/internal/document"
)

// Kinds of place.
const (
	KindCountry   = "country"
	KindRegion    = "region" // a first-level division, a district, an area ("Far East", "Middle East")
	KindCity      = "city"
	KindContinent = "continent"
	KindOther     = "other" // seas, straits, oceans...
)

// Place is one mention of a place. Offsets are byte offsets into the text.
type Place struct {
	document.Span
	Text string `json:"text"` // as written: "Russia's Kursk region" keeps "Kursk region"
	// Name is the gazetteer's spelling of the name the text used: "U.S."
	// (not "United States"), "Kiev", "London" for "LONDON"; a descriptive
	// form takes the canonical name ("Kursk region" is "Kursk Oblast").
	// Group mentions of one place by Canonical, or by ID where there is one.
	Name string `json:"name"`
	// Canonical is the gazetteer's preferred name of the place: "United
	// States", "Kyiv", "Kursk Oblast", "Seoul".
	Canonical string  `json:"canonical"`
	Country   string  `json:"country"` // ISO 3166-1 alpha-2 of the country it lies in; "" for areas across countries
	Kind      string  `json:"kind"`
	Lat       float64 `json:"lat"`
	Lon       float64 `json:"lon"`
	// ID is the gazetteer's identifier (a GeoNames id where the entry comes
	// from GeoNames).
	ID int64 `json:"id,omitempty"`
	// Government marks a capital (or a country) standing for its government:
	// "Seoul's NIS", "if Beijing puts the dampeners on".
	Government bool `json:"government,omitempty"`
}

// Demonym is a nationality adjective or noun ("North Korean troops",
// "the Russians") linked to its country. It is not a place.
type Demonym struct {
	document.Span
	Text    string `json:"text"`
	Country string `json:"country"`
}
