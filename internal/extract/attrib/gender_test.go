package attrib

import "testing"

func TestGenderOf(t *testing.T) {
	for _, tc := range []struct{ name, role, want string }{
		{"Hillary Clinton", "", "f"},
		{"Donald Trump", "", "m"},
		{"Kestrel Vane", "the actress", "f"},
		{"Kestrel Vane", "the ministry's spokesman,", "m"},
		{"Kestrel Vane", "the duchess’s aide", "f"},
		{"Kestrel Vane", "an analyst", ""},
		{"Vane", "", ""},
	} {
		if got := genderOf(tc.name, tc.role); got != tc.want {
			t.Errorf("genderOf(%q, %q) = %q, want %q", tc.name, tc.role, got, tc.want)
		}
	}
}
