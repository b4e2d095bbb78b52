package forms

import "testing"

func TestLeadingComparator(t *testing.T) {
	for v, want := range map[string][2]string{
		">=24次": {">=", ">="}, "≥95%": {">=", "≥"}, "＜＝30万元": {"<=", "＜＝"}, "≦3": {"<=", "≦"},
		">5": {">", ">"}, "＞5": {">", "＞"}, "==100%": {"=", "=="}, "＝1": {"=", "＝"}, "及时": {"", ""}, "": {"", ""},
	} {
		if p, w := LeadingComparator(v); p != want[0] || w != want[1] {
			t.Errorf("%q: %q %q, want %q", v, p, w, want)
		}
	}
}
