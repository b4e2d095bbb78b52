package sheet

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"

	"yusuan/forms/edit"
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

// A programming error while a figure is stored: the message line says so
// (with the log), the grid shows what the document holds, and the editor
// closes — it does not claim the old value was kept.
func TestAPanicWhileStoringIsShownNotHidden(t *testing.T) {
	t.Setenv("YUSUAN_LOG_DIR", t.TempDir())
	d := sample(t)
	v, s, w := open(t, d, "general")
	s.Watch(func(edit.Change) { panic("测试用的错误") })
	p := cell(t, v, "2013101", "public")
	v.moveTo(p, false)
	typeText(w, "200")
	press(w, fyne.KeyReturn)
	if v.editing != nil {
		t.Error("the editor stayed open")
	}
	if msg := v.message(); !strings.Contains(msg, "程序内部错误") || strings.Contains(msg, "未改动") {
		t.Errorf("message %q", msg)
	}
	if got := shown(v, p).text.Text; got != "200.00" || value(v, "2013101", "public") != money.MustParse("200.00") {
		t.Errorf("grid %q, document %v", got, value(v, "2013101", "public"))
	}
}
