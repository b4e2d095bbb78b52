// Package classify handles the budget classification codes that form the
// rows of most tables: 支出功能分类 (类 3 / 款 5 / 项 7 digits), 部门预算支出
// 经济分类 (类 3 / 款 5, 301…399) and 政府预算支出经济分类 (类 3 / 款 5,
// 501…599), in every printed form, and their year-versioned names.
package classify

import (
	"fmt"
	"strings"
)

// Scheme is a classification system.
type Scheme string

const (
	Functional  Scheme = "functional"   // 支出功能分类
	Economic    Scheme = "economic"     // 部门预算支出经济分类
	GovEconomic Scheme = "gov_economic" // 政府预算支出经济分类
)

// Schemes lists every scheme, in the order lists are shown.
var Schemes = []Scheme{Functional, Economic, GovEconomic}

// Title is the scheme's Chinese name.
func (s Scheme) Title() string {
	switch s {
	case Functional:
		return "支出功能分类"
	case Economic:
		return "支出经济分类"
	case GovEconomic:
		return "政府预算支出经济分类"
	}
	return string(s)
}

// Level is a code's depth: 类, 款 or 项.
type Level int

const (
	Lei   Level = 1 // 类
	Kuan  Level = 2 // 款
	Xiang Level = 3 // 项
)

// String is the level's Chinese name.
func (l Level) String() string {
	switch l {
	case Lei:
		return "类"
	case Kuan:
		return "款"
	case Xiang:
		return "项"
	}
	return "?"
}

// digitsAt is the code length of each level.
var digitsAt = map[Level]int{Lei: 3, Kuan: 5, Xiang: 7}

// MaxLevel is the deepest level a scheme has.
func (s Scheme) MaxLevel() Level {
	if s == Economic || s == GovEconomic {
		return Kuan
	}
	return Xiang
}

// SchemeOf guesses the scheme from the first digit: functional codes are
// 2xx, 部门预算 economic ones 3xx, 政府预算 economic ones 5xx.
func SchemeOf(code string) (Scheme, bool) {
	switch {
	case strings.HasPrefix(code, "2"):
		return Functional, true
	case strings.HasPrefix(code, "3"):
		return Economic, true
	case strings.HasPrefix(code, "5"):
		return GovEconomic, true
	}
	return "", false
}

// LevelOf returns the level of a normalised code within a scheme.
func LevelOf(s Scheme, code string) (Level, error) {
	for l := Lei; l <= s.MaxLevel(); l++ {
		if len(code) == digitsAt[l] {
			return l, nil
		}
	}
	want := "3、5 或 7 位"
	if s.MaxLevel() == Kuan {
		want = "3 或 5 位"
	}
	return 0, fmt.Errorf("科目编码“%s”有 %d 位，%s应为%s", code, len(code), s.Title(), want)
}

// Normalize reads a code as tables print it — "2013101", "201 31 01",
// "201-31-01", full-width digits — and returns its digits. It does not
// check the length against a scheme; LevelOf does.
func Normalize(printed string) (string, error) {
	var b strings.Builder
	for _, r := range printed {
		switch {
		case r >= '0' && r <= '9':
			b.WriteRune(r)
		case r >= '０' && r <= '９':
			b.WriteRune('0' + (r - '０'))
		case r == ' ' || r == '\u3000' || r == '\u00a0' || r == '-' || r == '.' || r == '\t':
			// separators between 类, 款 and 项
		default:
			return "", fmt.Errorf("“%s”不是科目编码：含有字符“%c”", printed, r)
		}
	}
	if b.Len() == 0 {
		return "", fmt.Errorf("科目编码为空")
	}
	return b.String(), nil
}

// FromColumns joins a code printed in three columns 类 / 款 / 项. Each column
// may hold its own digits ("201", "31", "01") or the code so far ("201",
// "20131", "2013101"); 款 and 项 may be blank for higher levels.
func FromColumns(lei, kuan, xiang string) (string, error) {
	code := ""
	for i, part := range []string{lei, kuan, xiang} {
		if strings.TrimSpace(part) == "" {
			if i == 0 {
				return "", fmt.Errorf("类 栏为空")
			}
			break
		}
		d, err := Normalize(part)
		if err != nil {
			return "", err
		}
		if code != "" && strings.HasPrefix(d, code) && len(d) == len(code)+2 {
			code = d // this column repeats the code so far
			continue
		}
		want := 3
		if i > 0 {
			want = 2
		}
		if len(d) != want {
			return "", fmt.Errorf("%s 栏“%s”应为 %d 位数字", []string{"类", "款", "项"}[i], part, want)
		}
		code += d
	}
	return code, nil
}

// Parent returns the code one level up ("2013101" → "20131" → "201" → "").
func Parent(code string) string {
	switch len(code) {
	case 7:
		return code[:5]
	case 5:
		return code[:3]
	}
	return ""
}

// IsAncestor reports whether a is a proper ancestor of b.
func IsAncestor(a, b string) bool {
	return a != "" && len(a) < len(b) && strings.HasPrefix(b, a)
}

// Spaced prints a code with spaces between its levels ("201 31 01"), the
// form Shanghai publishes.
func Spaced(code string) string {
	switch len(code) {
	case 5:
		return code[:3] + " " + code[3:]
	case 7:
		return code[:3] + " " + code[3:5] + " " + code[5:]
	}
	return code
}

// Columns splits a code into its 类, 款 and 项 parts ("2013101" → "201","31","01").
func Columns(code string) (lei, kuan, xiang string) {
	if len(code) >= 3 {
		lei = code[:3]
	}
	if len(code) >= 5 {
		kuan = code[3:5]
	}
	if len(code) >= 7 {
		xiang = code[5:7]
	}
	return
}
