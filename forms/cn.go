package forms

import "strconv"

var cnDigits = []string{"零", "一", "二", "三", "四", "五", "六", "七", "八", "九"}

// ChineseNumber writes 1…99 the way section and line numbers are printed
// (一, 十, 十一, 二十, 二十四); other numbers as digits.
func ChineseNumber(n int) string {
	switch {
	case n >= 1 && n <= 9:
		return cnDigits[n]
	case n == 10:
		return "十"
	case n > 10 && n < 20:
		return "十" + cnDigits[n-10]
	case n >= 20 && n <= 99:
		s := cnDigits[n/10] + "十"
		if n%10 != 0 {
			s += cnDigits[n%10]
		}
		return s
	}
	return strconv.Itoa(n)
}
