package generate

import (
	"testing"

	"yusuan/forms/check"
)

// Small and odd sizes build consistent documents (no 错误) or refuse with a
// message; none panics.
func TestSmallSizes(t *testing.T) {
	if _, err := Document(Size{Units: 0, Lines: 1, Projects: 1, L1: 1}, 1); err == nil {
		t.Error("a document without units was built")
	}
	for u := 1; u <= 2; u++ {
		for l := 1; l <= 25; l += 6 {
			for p := 0; p <= 4; p += 2 {
				d, err := Document(Size{Units: u, Lines: l, Projects: p, L1: 1}, 7)
				if err != nil {
					t.Errorf("%d/%d/%d: %v", u, l, p, err)
					continue
				}
				if r := check.Document(d); r.Count(check.Error) > 0 {
					t.Errorf("%d/%d/%d: %d 错误, first: %s", u, l, p, r.Count(check.Error), r.Findings[0].Message)
				}
			}
		}
	}
}
