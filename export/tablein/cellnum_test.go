package tablein

import (
	"testing"

	"yusuan/forms/money"
)

func TestStoredNumbersAreReadExactly(t *testing.T) {
	for in, want := range map[string]string{
		"6677.45": "6677.45", "6677.4500000000007": "6677.45", "6677.4499999999998": "6677.45", "1.2E+3": "1200.00",
		"-0.5": "-0.50", "100": "100.00", "4.9999999999E-1": "0.50",
	} {
		got, err := parseStoredNumber(in)
		if err != nil || got != money.MustParse(want) {
			t.Errorf("%s → %v, %v; want %s", in, got, err, want)
		}
	}
	for _, bad := range []string{"6677.456", "abc", "1e99", "", "5E-3"} {
		if _, err := parseStoredNumber(bad); err == nil {
			t.Errorf("%q accepted", bad)
		}
	}
}
