package sheet

import (
	"strings"
	"sync/atomic"

	"yusuan/forms/money"
)

// grouped is the view setting 金额显示千分位 (the window remembers it):
// figures shown as 3,508,762.27, as the templates print them. What is
// copied, found and typed is the same either way.
var grouped atomic.Bool

// SetGrouped turns thousands separators in the grid on or off; sheets
// made afterwards show them so.
func SetGrouped(on bool) { grouped.Store(on) }

// Grouped reports the setting.
func Grouped() bool { return grouped.Load() }

// shownFigure is a figure as the grid shows it.
func shownFigure(text string) string {
	if !grouped.Load() {
		return text
	}
	return groupDigits(text)
}

// groupDigits puts separators in the whole part of a plain figure
// ("-3508762.27" → "-3,508,762.27"); any other text is left alone.
func groupDigits(s string) string {
	sign := ""
	if strings.HasPrefix(s, "-") {
		sign, s = "-", s[1:]
	}
	whole, frac, point := strings.Cut(s, ".")
	if len(whole) <= 3 || strings.Trim(whole, "0123456789") != "" || strings.Trim(frac, "0123456789") != "" {
		return sign + s
	}
	if point {
		return sign + money.GroupThousands(whole) + "." + frac
	}
	return sign + money.GroupThousands(whole)
}
