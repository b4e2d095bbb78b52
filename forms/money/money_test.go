package money

import (
	"errors"
	"math"
	"strings"
	"testing"
)

func TestParseAccepts(t *testing.T) {
	cases := []struct {
		in   string
		want Amount
	}{
		{"6677.45", 667745},
		{"6,677.45", 667745},
		{" 6677.4 ", 667740},
		{"６６７７．４５", 667745},
		{"６，６７７．４５", 667745},
		{"-12.30", -1230},
		{"(12.30)", -1230},
		{"（12.30）", -1230},
		{"( 12.30 )", -1230},
		{"−5", -500},
		{"+7.1", 710},
		{"", 0},
		{"   ", 0},
		{"\u3000", 0},
		{"0", 0},
		{"0.00", 0},
		{".5", 50},
		{"5.", 500},
		{"12.300", 1230},
		{"1,234,567.89", 123456789},
		{"100。25", 10025},
		{"1000000000000", Amount(MaxAbs)},
		{"-1000000000000.00", -MaxAbs},
	}
	for _, c := range cases {
		got, err := Parse(c.in)
		if err != nil {
			t.Errorf("Parse(%q): unexpected error %v", c.in, err)
			continue
		}
		if got != c.want {
			t.Errorf("Parse(%q) = %d, want %d", c.in, got, c.want)
		}
	}
}

func TestParseRejectsWithReason(t *testing.T) {
	cases := []struct{ in, reason string }{
		{"12a", "非数字字符“a”"},
		{"abc", "非数字字符“a”"},
		{"1.2.3", "多个小数点"},
		{"6677,45", "千分位"},
		{"66,77.45", "千分位"},
		{",677.45", "千分位"},
		{"1,234.5,6", "小数部分不能有逗号"},
		{"12.345", "小数超过两位"},
		{"(12.30", "括号不成对"},
		{"12.30)", "括号不成对"},
		{"(-12)", "括号内不应再有正负号"},
		{"-", "没有数字"},
		{".", "只有小数点"},
		{"1e3", "非数字字符“e”"},
		{"6 677", "中间有空格"},
		{"¥12", "非数字字符“¥”"},
		{"100万元", "非数字字符“万”"},
		{"1000000000000.01", "数值过大"},
		{"99999999999999999999999", "数值过大"},
	}
	for _, c := range cases {
		_, err := Parse(c.in)
		var pe *ParseError
		if !errors.As(err, &pe) {
			t.Errorf("Parse(%q): want ParseError, got %v", c.in, err)
			continue
		}
		if !strings.Contains(pe.Reason, c.reason) {
			t.Errorf("Parse(%q) reason %q does not mention %q", c.in, pe.Reason, c.reason)
		}
		if !strings.Contains(err.Error(), c.in) {
			t.Errorf("Parse(%q) message %q does not quote the input", c.in, err.Error())
		}
	}
}

func TestFormat(t *testing.T) {
	cases := []struct {
		a             Amount
		plain, groupd string
	}{
		{667745, "6677.45", "6,677.45"},
		{0, "0.00", "0.00"},
		{5, "0.05", "0.05"},
		{-1230, "-12.30", "-12.30"},
		{-5, "-0.05", "-0.05"},
		{100, "1.00", "1.00"},
		{123456789, "1234567.89", "1,234,567.89"},
		{100000, "1000.00", "1,000.00"},
		{10000, "100.00", "100.00"},
		{-MaxAbs, "-1000000000000.00", "-1,000,000,000,000.00"},
	}
	for _, c := range cases {
		if got := Format(c.a, false); got != c.plain {
			t.Errorf("Format(%d,false) = %q, want %q", c.a, got, c.plain)
		}
		if got := Format(c.a, true); got != c.groupd {
			t.Errorf("Format(%d,true) = %q, want %q", c.a, got, c.groupd)
		}
	}
	if got := FormatWithUnit(94325, WanYuan); got != "943.25万元" {
		t.Errorf("FormatWithUnit = %q", got)
	}
}

func TestConvert(t *testing.T) {
	cases := []struct {
		a        Amount
		from, to Unit
		want     Amount
	}{
		{MustParse("66774500.00"), Yuan, WanYuan, MustParse("6677.45")},
		{MustParse("66774550.00"), Yuan, WanYuan, MustParse("6677.46")}, // half rounds up
		{MustParse("66774549.99"), Yuan, WanYuan, MustParse("6677.45")},
		{MustParse("-66774550.00"), Yuan, WanYuan, MustParse("-6677.46")}, // half away from zero
		{MustParse("49.99"), Yuan, WanYuan, 0},
		{MustParse("50.00"), Yuan, WanYuan, 1},
		{MustParse("6677.45"), WanYuan, Yuan, MustParse("66774500.00")},
		{MustParse("1.23"), WanYuan, WanYuan, MustParse("1.23")},
	}
	for _, c := range cases {
		got, err := Convert(c.a, c.from, c.to)
		if err != nil || got != c.want {
			t.Errorf("Convert(%v %s→%s) = %v, %v; want %v", c.a, c.from, c.to, got, err, c.want)
		}
	}
	if _, err := Convert(MaxAbs, WanYuan, Yuan); !errors.Is(err, ErrOverflow) {
		t.Errorf("万元→元 of MaxAbs: want ErrOverflow, got %v", err)
	}
	if _, err := Convert(1, "斤", Yuan); err == nil {
		t.Error("unknown unit accepted")
	}
}

func TestSumOverflow(t *testing.T) {
	if s, err := Sum(MustParse("1.10"), MustParse("2.20"), MustParse("-0.30")); err != nil || s != 300 {
		t.Errorf("Sum = %v, %v", s, err)
	}
	if _, err := Sum(MaxAbs, 1); !errors.Is(err, ErrOverflow) {
		t.Errorf("Sum past MaxAbs: want ErrOverflow, got %v", err)
	}
	if _, err := Add(-MaxAbs, -1); !errors.Is(err, ErrOverflow) {
		t.Errorf("Add below -MaxAbs: want ErrOverflow, got %v", err)
	}
}

func TestShares(t *testing.T) {
	m := MustParse
	if got := Share(m("943.25"), m("6677.45")); got != 1413 {
		t.Errorf("Share = %d", got)
	}
	if got := Share(m("1"), m("3")); got != 3333 {
		t.Errorf("1/3 = %d", got)
	}
	// the seed's 类 shares: rounded they already add to 100.00
	parts := []Amount{m("6475.69"), m("90.42"), m("43.52"), m("67.82")}
	got := Shares(parts, m("6677.45"))
	want := []int64{9698, 135, 65, 102}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("Shares = %v, want %v", got, want)
		}
	}
	// three thirds: rounded 33.33 × 3 = 99.99; adjusted adds the missing 0.01
	thirds := Shares([]Amount{m("1"), m("1"), m("1")}, m("3"))
	if thirds[0]+thirds[1]+thirds[2] != 10000 || thirds[0] != 3334 {
		t.Errorf("thirds = %v", thirds)
	}
	// 170/188, 10/188, 8/188: rounded 90.43 + 5.32 + 4.26 = 100.01
	adj := Shares([]Amount{m("170"), m("10"), m("8")}, m("188"))
	if adj[0]+adj[1]+adj[2] != 10000 {
		t.Errorf("adjusted %v does not add to 100.00", adj)
	}
	// parts that do not add up: each rounded on its own
	if s := Shares([]Amount{m("1"), m("1")}, m("3")); s[0] != 3333 || s[1] != 3333 {
		t.Errorf("non-adding parts %v", s)
	}
	// at one decimal, as texts print them (decision 36)
	if got := SharesAt([]int64{1, 1, 1}, 3, 1); got[0]+got[1]+got[2] != 1000 || got[0] != 334 {
		t.Errorf("thirds at one decimal = %v", got)
	}
	if got := ShareAt(94325, 667745, 1); got != 141 {
		t.Errorf("ShareAt one decimal = %d", got)
	}
	if got := ShareAt(-1, 8, 0); got != -13 {
		t.Errorf("ShareAt half away from zero = %d", got)
	}
	// a share too large for int64 is clamped, not wrapped
	if got := ShareAt(math.MaxInt64/2, 1, 2); got != math.MaxInt64/4 {
		t.Errorf("huge share = %d", got)
	}
}

func TestParseWanAsYuan(t *testing.T) {
	for in, want := range map[string]string{
		"32,852.053832": "328520538.32", // 北京 2026 预算01表 收入总计
		"15.000000":     "150000.00",
		"0.1":           "1000.00",
		"-2.5":          "-25000.00",
		"7":             "70000.00",
	} {
		got, err := ParseWanAsYuan(in)
		if err != nil || got.String() != want {
			t.Errorf("%s: %s %v, want %s", in, got, err, want)
		}
	}
	for _, bad := range []string{"1.0000001", "12,34.5", "x"} {
		if _, err := ParseWanAsYuan(bad); err == nil {
			t.Errorf("%s read", bad)
		}
	}
}
