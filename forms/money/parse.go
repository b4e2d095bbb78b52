package money

import (
	"fmt"
	"strings"
	"unicode"
)

// ParseError says why a text is not an amount, in words a clerk understands.
type ParseError struct {
	Input  string
	Reason string
}

func (e *ParseError) Error() string {
	return fmt.Sprintf("“%s”不是有效金额：%s", e.Input, e.Reason)
}

// Parse reads an amount the way clerks and workbooks write it: "6677.45",
// "6,677.45", " 6677.4 ", full-width "６６７７．４５", "-12.30", "(12.30)" or
// "（12.30）" for a negative, and blank for zero. Anything else is refused
// with a reason; nothing is guessed.
func Parse(s string) (Amount, error) {
	fail := func(format string, args ...any) (Amount, error) {
		return 0, &ParseError{Input: s, Reason: fmt.Sprintf(format, args...)}
	}
	t := strings.TrimSpace(foldWidth(s))
	if t == "" {
		return 0, nil
	}
	neg := false
	if strings.HasPrefix(t, "(") || strings.HasSuffix(t, ")") {
		if !strings.HasPrefix(t, "(") || !strings.HasSuffix(t, ")") {
			return fail("括号不成对")
		}
		t = strings.TrimSpace(t[1 : len(t)-1])
		neg = true
	}
	if t != "" && (t[0] == '-' || t[0] == '+') {
		if neg {
			return fail("括号内不应再有正负号")
		}
		neg = t[0] == '-'
		t = strings.TrimSpace(t[1:])
	}
	whole, frac, hasPoint := strings.Cut(t, ".")
	if strings.Contains(frac, ".") {
		return fail("有多个小数点")
	}
	if strings.Contains(frac, ",") {
		return fail("小数部分不能有逗号")
	}
	if err := checkGrouping(whole); err != "" {
		return fail("%s", err)
	}
	whole = strings.ReplaceAll(whole, ",", "")
	if whole == "" && frac == "" {
		if hasPoint {
			return fail("只有小数点，没有数字")
		}
		return fail("没有数字")
	}
	for _, r := range whole + frac {
		if r == ' ' {
			return fail("数字中间有空格")
		}
		if r < '0' || r > '9' {
			return fail("含有非数字字符“%c”", r)
		}
	}
	if extra := strings.TrimRight(frac, "0"); len(extra) > 2 {
		return fail("小数超过两位（金额精确到 0.01）")
	}
	frac = (frac + "00")[:2]
	var n int64
	for _, r := range whole + frac {
		n = n*10 + int64(r-'0')
		if n > int64(MaxAbs) {
			return fail("数值过大（绝对值不超过 %s）", Format(MaxAbs, true))
		}
	}
	if neg {
		n = -n
	}
	return Amount(n), nil
}

// checkGrouping accepts digits with optional thousands separators placed
// every three digits; "6677,45" is refused because it is usually a decimal
// comma and reading it as 667745 would be a silent hundredfold error.
func checkGrouping(whole string) string {
	if !strings.Contains(whole, ",") {
		return ""
	}
	groups := strings.Split(whole, ",")
	if len(groups[0]) == 0 || len(groups[0]) > 3 {
		return "千分位逗号位置不对（小数点请用“.”）"
	}
	for _, g := range groups[1:] {
		if len(g) != 3 {
			return "千分位逗号位置不对（小数点请用“.”）"
		}
	}
	return ""
}

// foldWidth maps full-width digits and punctuation, the Unicode minus and
// ideographic spaces to their ASCII forms, so that text typed with a Chinese
// input method reads the same as ASCII.
func foldWidth(s string) string {
	return strings.Map(func(r rune) rune {
		switch {
		case r >= '０' && r <= '９':
			return '0' + (r - '０')
		case r == '．' || r == '。':
			return '.'
		case r == '，':
			return ','
		case r == '（':
			return '('
		case r == '）':
			return ')'
		case r == '－' || r == '−' || r == '﹣':
			return '-'
		case r == '＋':
			return '+'
		case unicode.IsSpace(r) || r == '\u00a0' || r == '\u3000':
			return ' '
		}
		return r
	}, s)
}

// MustParse is for literals in tests and embedded data known to be valid.
func MustParse(s string) Amount {
	a, err := Parse(s)
	if err != nil {
		panic(err)
	}
	return a
}

// ParseWanAsYuan reads a figure printed in 万元 with up to six decimals
// (北京 prints 32,852.053832: exact cents of 元) as an exact amount of 元:
// the decimal point moves four places, nothing is rounded.
func ParseWanAsYuan(s string) (Amount, error) {
	t := strings.TrimSpace(foldWidth(s))
	neg := ""
	if strings.HasPrefix(t, "-") {
		neg, t = "-", t[1:]
	}
	whole, frac, _ := strings.Cut(t, ".")
	if len(strings.TrimRight(frac, "0")) > 6 {
		return 0, &ParseError{Input: s, Reason: "小数超过六位（万元精确到 0.000001，即 0.01 元）"}
	}
	frac = (frac + "000000")[:6]
	if err := checkGrouping(whole); err != "" {
		return 0, &ParseError{Input: s, Reason: err}
	}
	return Parse(neg + strings.ReplaceAll(whole, ",", "") + frac[:4] + "." + frac[4:])
}
