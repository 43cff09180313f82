package grading

import "testing"

// A lacking capability inside a denial is asserted: denying that VLAs
// cannot learn new motor skills from web data contradicts the limitation.
func TestDeniedLackingCapability(t *testing.T) {
	c := builtinCard(t, "vla/limitations")
	const label = "No new motor skills from web data"
	for _, tc := range []struct {
		answer                string
		covered, contradicted bool
	}{
		{"It is a myth that VLAs cannot learn new motor skills from web data.", false, true},
		{"But the claim that they can't learn new physical skills from web data is outdated.", false, true},
		{"VLAs can't learn new motor skills from web data.", true, false},
		{"The claim that VLAs learn new motor skills from web data is outdated.", true, false},
	} {
		p := point(t, Grade(c, tc.answer), label)
		if p.Covered != tc.covered || p.Contradicted != tc.contradicted {
			t.Errorf("%q: covered %v contradicted %v, want %v %v", tc.answer, p.Covered, p.Contradicted, tc.covered, tc.contradicted)
		}
	}
}
