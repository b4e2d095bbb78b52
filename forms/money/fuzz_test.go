package money

import "testing"

// FuzzParse: whatever the input, Parse never panics, stays in range, and
// what it accepts formats back to text that parses to the same amount.
func FuzzParse(f *testing.F) {
	for _, s := range []string{"6677.45", "6,677.45", " 6677.4 ", "６６７７．４５", "-12.30", "(12.30)", "（12.30）", "", "12a", "1,2,3", "1000000000000", ".5"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		a, err := Parse(s)
		if err != nil {
			if a != 0 {
				t.Fatalf("Parse(%q) failed but returned %d", s, a)
			}
			return
		}
		if a > MaxAbs || a < -MaxAbs {
			t.Fatalf("Parse(%q) = %d out of range", s, a)
		}
		for _, grouped := range []bool{false, true} {
			back, err := Parse(Format(a, grouped))
			if err != nil || back != a {
				t.Fatalf("Parse(%q)=%d; Format→%q parses to %d, %v", s, a, Format(a, grouped), back, err)
			}
		}
	})
}
