package app

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"yusuan/app/uitest"
)

// The findings list fills each message to its width itself: as the label
// draws it, no line begins with a comma or a closing bracket, none ends
// with an opening one. Left to the label, which breaks anywhere, some do.
func TestFindingsLinesBreakAsChineseText(t *testing.T) {
	u := newTestUI(t, "")
	bad := func(lines []string) int {
		n := 0
		for i, l := range lines {
			rs := []rune(l)
			if i > 0 && strings.ContainsRune("，。；、：）”", rs[0]) || strings.ContainsRune("（“", rs[len(rs)-1]) {
				n++
			}
		}
		return n
	}
	ours, labels, seen := 0, 0, 0
	for width := float32(180); width <= 330; width += 7 {
		u.findings.fitHeights(width)
		for _, r := range u.findings.rows {
			if r.f == nil {
				continue
			}
			seen++
			// the label as wide as the text the panel filled
			inner := u.findings.textWidth/0.96 + 2*theme.InnerPadding()
			filled := drawnLines(u.findings.filled(listText(r.f)), inner)
			if strings.Join(filled, "") != strings.ReplaceAll(listText(r.f), "\n", "") {
				t.Fatalf("a message changed: %q", filled)
			}
			if n := bad(filled); n > 0 {
				ours += n
				t.Errorf("width %v: %q", width, filled)
			}
			labels += bad(drawnLines(listText(r.f), inner))
		}
	}
	if seen == 0 || labels == 0 {
		t.Fatalf("nothing to compare: %d findings, %d bad lines left to the label", seen, labels)
	}
	t.Logf("%d lines a plain label would begin or end badly; %d as filled", labels, ours)
}

// drawnLines is the text of each line a wrapping label draws at a width.
func drawnLines(text string, width float32) []string {
	l := widget.NewLabel(text)
	l.Wrapping = fyne.TextWrapBreak
	l.Resize(fyne.NewSize(width, 2000))
	return uitest.DrawnLines(l)
}
