package look

import (
	"bytes"
	"testing"

	"fyne.io/fyne/v2"

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
