package tablein

import (
	"errors"
	"fmt"
	"strconv"
	"strings"

	"yusuan/forms/money"
)

// errMoreDecimals: a stored figure with a real third decimal.
var errMoreDecimals = errors.New("小数超过两位（金额精确到 0.01）")

// parseStoredNumber reads a number as a workbook stores it ("6677.45",
// "6677.4500000000007", "1.2E+3") exactly, without going through a float.
// Binary noise far below a cent (a sum computed by Excel) is rounded away;
// a real third decimal is an error, as it is when typed.
func parseStoredNumber(raw string) (money.Amount, error) {
	s := strings.TrimSpace(raw)
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(strings.TrimPrefix(s, "-"), "+")
	mant, exp := s, 0
	if i := strings.IndexAny(s, "eE"); i >= 0 {
		e, err := strconv.Atoi(s[i+1:])
		if err != nil || e > 30 || e < -30 {
			return 0, fmt.Errorf("“%s”不是有效数字", raw)
		}
		mant, exp = s[:i], e
	}
	whole, frac, _ := strings.Cut(mant, ".")
	if whole == "" && frac == "" {
		return 0, fmt.Errorf("“%s”不是有效数字", raw)
	}
	for _, r := range whole + frac {
		if r < '0' || r > '9' {
			return 0, fmt.Errorf("“%s”不是有效数字", raw)
		}
	}
	digits := whole + frac
	point := len(whole) + exp // digits before the decimal point
	for point < 0 {
		digits, point = "0"+digits, point+1
	}
	for len(digits) < point+2 {
		digits += "0"
	}
	cents := digits[:point+2] // whole units and two decimals
	rest := digits[point+2:]
	if strings.Trim(rest, "0") != "" {
		// keep noise only: all zeros, or all nines from the 3rd to the 8th
		// decimal (0.4499999999 is 0.45)
		head := (rest + "000000")[:6]
		switch {
		case strings.Trim(head, "0") == "":
		case strings.Trim(head, "9") == "":
			v, err := money.Parse(cents[:len(cents)-2] + "." + cents[len(cents)-2:])
			if err != nil {
				return 0, err
			}
			v++
			if neg {
				v = -v
			}
			return v, nil
		default:
			return 0, fmt.Errorf("“%s”%w", raw, errMoreDecimals)
		}
	}
	v, err := money.Parse(cents[:len(cents)-2] + "." + cents[len(cents)-2:])
	if err != nil {
		return 0, err
	}
	if neg {
		v = -v
	}
	return v, nil
}
