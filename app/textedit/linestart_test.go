package textedit

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"yusuan/app/look"
	"yusuan/app/uitest"
	"yusuan/forms"
	"yusuan/forms/linebreak"
	"yusuan/forms/narrative"
)

// No line of the 情况说明 as the window wraps it begins with a comma, a full
// stop or a closing bracket, or ends with an opening one, at any width of
// the text view.
func TestNoLineStartsWithClosingPunctuation(t *testing.T) {
	a := test.NewTempApp(t)
	a.Settings().SetTheme(look.NewTheme())
	d, err := forms.Sample()
	if err != nil {
		t.Fatal(err)
	}
	var lines []string
	for _, sec := range narrative.Sections(d) {
		lines = append(lines, sec.Lines...)
	}
	rt := widget.NewRichText(segments(lines)...)
	rt.Wrapping = fyne.TextWrapWord
	bad := 0
	for width := float32(240); width <= 900; width += 13 {
		rt.Resize(fyne.NewSize(width, 4000))
		for _, row := range uitest.DrawnLines(rt) {
			r := []rune(row)
			if strings.ContainsRune(linebreak.Closers, r[0]) || strings.ContainsRune(linebreak.Openers, r[len(r)-1]) {
				bad++
				if bad <= 5 {
					t.Errorf("width %v: a line begins or ends badly: %q", width, row)
				}
			}
		}
	}
	if bad > 5 {
		t.Errorf("… %d lines in all", bad)
	}
}
