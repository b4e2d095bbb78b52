package forms

import "testing"

// 编制日期 as clerks type it, written as the cover prints it; nonsense refused.
func TestNormalizeDate(t *testing.T) {
	for in, want := range map[string]string{"2026年1月20日": "2026年1月20日", "2026-01-20": "2026年1月20日", "2026/1/20": "2026年1月20日", " 2026.01.05 ": "2026年1月5日", "": ""} {
		if got, err := NormalizeDate(in); err != nil || got != want {
			t.Errorf("%q: %q, %v", in, got, err)
		}
	}
	for _, bad := range []string{"2026年2月30日", "明年一月", "20260120", "1999-01-01"} {
		if _, err := NormalizeDate(bad); err == nil {
			t.Errorf("%q accepted", bad)
		}
	}
}
