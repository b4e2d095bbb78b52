package sheet

import (
	"testing"

	"fyne.io/fyne/v2"

	"yusuan/forms/money"
)

// After a refused entry is cancelled, the next figure typed over a cell is
// taken whole (the refusal's selection once swallowed its first digit).
func TestTypingAfterARefusalStartsFresh(t *testing.T) {
	d := sample(t)
	v, _, w := open(t, d, "general")
	v.moveTo(cell(t, v, "2013101", "public"), false)
	typeText(w, "12a")
	press(w, fyne.KeyReturn)
	press(w, fyne.KeyEscape)
	typeText(w, "200")
	press(w, fyne.KeyReturn)
	if got := value(v, "2013101", "public"); got != money.MustParse("200.00") {
		t.Errorf("stored %v", got)
	}
}
