// Package money holds exact budget amounts: fixed-point integers in
// hundredths of a table's unit, never floats.
package money

import (
	"fmt"
	"strconv"
	"strings"
)

// Amount is a figure in hundredths of its table's unit (0.01 万元 or 0.01 元).
type Amount int64

// Unit is the unit a table prints its figures in.
type Unit string

const (
	Yuan    Unit = "元"
	WanYuan Unit = "万元"
)

// Valid reports whether u is a unit the app knows.
func (u Unit) Valid() bool { return u == Yuan || u == WanYuan }

// MaxAbs bounds every amount the app accepts (one trillion units). Far above
// any real budget, and low enough that sums of a whole table cannot wrap int64.
const MaxAbs Amount = 100_000_000_000_000

// yuanPerWan is how many 元 make one 万元.
const yuanPerWan = 10000

// ErrOverflow is returned when a figure or a sum leaves the range the app accepts.
var ErrOverflow = fmt.Errorf("金额超出可处理的范围（绝对值不超过 %s）", Format(MaxAbs, true))

// FromUnits makes an amount of whole units (100 → 100.00).
func FromUnits(n int64) Amount { return Amount(n * 100) }

// Cents returns the amount as a count of hundredths.
func (a Amount) Cents() int64 { return int64(a) }

// String formats with two decimals and no separators: "6677.45".
func (a Amount) String() string { return Format(a, false) }

// Format writes a with two decimals, with thousands separators when grouped is set.
func Format(a Amount, grouped bool) string {
	neg := a < 0
	u := uint64(a)
	if neg {
		u = uint64(-a)
	}
	whole := fmt.Sprintf("%d", u/100)
	if grouped {
		whole = GroupThousands(whole)
	}
	s := fmt.Sprintf("%s.%02d", whole, u%100)
	if neg {
		return "-" + s
	}
	return s
}

// FormatWithUnit writes "943.25万元", as generated Chinese text does (no space).
func FormatWithUnit(a Amount, u Unit) string { return Format(a, false) + string(u) }

// GroupThousands puts a comma between each three digits of a whole number
// written in digits ("3508762" → "3,508,762").
func GroupThousands(digits string) string {
	if len(digits) <= 3 {
		return digits
	}
	var b strings.Builder
	first := len(digits) % 3
	if first > 0 {
		b.WriteString(digits[:first])
	}
	for i := first; i < len(digits); i += 3 {
		if b.Len() > 0 {
			b.WriteByte(',')
		}
		b.WriteString(digits[i : i+3])
	}
	return b.String()
}

// Add returns a+b, or ErrOverflow when the sum leaves ±MaxAbs.
func Add(a, b Amount) (Amount, error) {
	s := a + b
	if s > MaxAbs || s < -MaxAbs {
		return 0, ErrOverflow
	}
	return s, nil
}

// Sum adds xs, failing with ErrOverflow rather than wrapping.
func Sum(xs ...Amount) (Amount, error) {
	var t Amount
	for _, x := range xs {
		var err error
		if t, err = Add(t, x); err != nil {
			return 0, err
		}
	}
	return t, nil
}

// Convert changes a figure from one unit to another. 元 → 万元 rounds half
// away from zero at 0.01 万元 (half-up on magnitude, the way budget tables round);
// 万元 → 元 is exact and fails only on overflow.
func Convert(a Amount, from, to Unit) (Amount, error) {
	switch {
	case from == to:
		return a, nil
	case from == Yuan && to == WanYuan:
		return divRoundHalfUp(a, yuanPerWan), nil
	case from == WanYuan && to == Yuan:
		if a > MaxAbs/yuanPerWan || a < -MaxAbs/yuanPerWan {
			return 0, ErrOverflow
		}
		return a * yuanPerWan, nil
	}
	return 0, fmt.Errorf("不认识的金额单位：%q → %q", from, to)
}

// divRoundHalfUp divides, rounding halves away from zero.
func divRoundHalfUp(a Amount, d int64) Amount {
	n := int64(a)
	if n < 0 {
		return -Amount((-n + d/2) / d)
	}
	return Amount((n + d/2) / d)
}

// MarshalText writes the amount as "6677.45" (JSON strings keep it exact).
func (a Amount) MarshalText() ([]byte, error) { return []byte(Format(a, false)), nil }

// UnmarshalJSON reads an amount from a JSON string or number literal, both
// parsed exactly (never through a float).
func (a *Amount) UnmarshalJSON(b []byte) error {
	s := string(b)
	if s == "null" {
		return nil
	}
	if len(s) >= 2 && s[0] == '"' && s[len(s)-1] == '"' {
		var err error
		if s, err = strconv.Unquote(s); err != nil {
			return &ParseError{Input: string(b), Reason: "引号内的文字无效"}
		}
	}
	v, err := Parse(s)
	if err != nil {
		return err
	}
	*a = v
	return nil
}
