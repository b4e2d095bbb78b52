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

// prefLegend remembers whether the colours' legend is shown above the grid.
const prefLegend = "showLegend"

// LegendShown says whether sheets show the colours' legend. It is off
// until the clerk turns it on: the line above the grid already says what
// the cursor's cell is, and a laptop's screen keeps a line of the table.
func LegendShown() bool {
	p := preferences()
	return p != nil && p.Bool(prefLegend)
}

// SetLegend shows or hides the legend in sheets made afterwards, and
// remembers it.
func SetLegend(on bool) {
	if p := preferences(); p != nil {
		p.SetBool(prefLegend, on)
	}
}

// legendChanged tells the window (its 视图 menu's tick) that 图例 was
// pressed.
var legendChanged func()

// OnLegendChanged sets what is told when a sheet's 图例 button is pressed.
func OnLegendChanged(f func()) { legendChanged = f }

// toggleLegend shows or hides this sheet's legend (the 图例 button).
func (v *Sheet) toggleLegend() {
	on := !LegendShown()
	SetLegend(on)
	if legendChanged != nil {
		legendChanged()
	}
	if v.legend == nil {
		return
	}
	if on {
		v.legend.Show()
	} else {
		v.legend.Hide()
	}
}
