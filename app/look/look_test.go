package look

import (
	"bytes"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"

	"yusuan/assets"
)

func TestThemeUsesBundledFont(t *testing.T) {
	th := NewTheme()
	for _, style := range []fyne.TextStyle{{}, {Bold: true}, {Monospace: true}} {
		r := th.Font(style)
		if !bytes.Equal(r.Content(), assets.FontHei) {
			t.Errorf("style %+v does not use the bundled font", style)
		}
	}
	if len(Icon().Content()) == 0 {
		t.Error("icon")
	}
}

func TestNarrowableCapsTheMinimumWidthOnly(t *testing.T) {
	r := canvas.NewRectangle(nil)
	r.SetMinSize(fyne.NewSize(900, 40))
	n := Narrowable(r, 300)
	if got := n.MinSize(); got != fyne.NewSize(300, 40) {
		t.Errorf("min size %v", got)
	}
	n.Resize(fyne.NewSize(500, 60))
	if r.Size() != fyne.NewSize(500, 60) {
		t.Errorf("child laid out at %v", r.Size())
	}
}
