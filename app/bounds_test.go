package app

import (
	"strconv"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"yusuan/app/textedit"
	"yusuan/app/uitest"
	"yusuan/forms"
)

// A 单位名称 typed longer than 200 characters is refused in the field, with
// the reason under it (as a refused figure is), and the document keeps its
// name: Ctrl+S then saves, where the long name would have made the
// document impossible to save (decision 45).
func TestATooLongNameIsRefusedWhereItIsTyped(t *testing.T) {
	delay := textedit.CommitDelay
	textedit.CommitDelay = time.Hour // only the keys apply the text
	t.Cleanup(func() { textedit.CommitDelay = delay })
	path := savedSample(t)
	u := newTestUI(t, path)
	u.selectNode(nodeCover)
	f := firstOf[*textedit.Field](t, u.view.Object())
	old := u.s.Doc().Meta.Name
	if f.Text != old {
		t.Fatalf("the first field holds %q, not the 单位名称", f.Text)
	}
	u.win.Canvas().Focus(f)
	typeIn(u.win, strings.Repeat("某", 300))
	press(u.win, ctrlS)

	if u.s.Doc().Meta.Name != old {
		t.Fatalf("the document took a name of %d characters", len([]rune(u.s.Doc().Meta.Name)))
	}
	n := len([]rune(old)) + 300
	if msg := f.Error(); !strings.Contains(msg, "单位名称长") || !strings.Contains(msg, "200 字的上限") || !strings.Contains(msg, "长 "+strconv.Itoa(n)+" 字") {
		t.Fatalf("the field says %q", msg)
	}
	if !shows(u.view.Object(), "单位名称长") {
		t.Error("the reason is not shown in the window")
	}
	if said := overlayText(u.win); said != "" {
		t.Errorf("Ctrl+S: %q", said)
	}
	d, err := forms.Open(path)
	if err != nil || d.Meta.Name != old {
		t.Fatalf("the file: %v", err)
	}
}

// shows tells whether a label shown in a view says s.
func shows(o fyne.CanvasObject, s string) bool {
	for _, x := range test.LaidOutObjects(o) {
		if text, ok := uitest.LabelText(x); ok && x.Visible() && strings.Contains(text, s) {
			return true
		}
	}
	return false
}

// A new document is not made with a name it could not be saved with.
func TestNewDocumentRefusesATooLongName(t *testing.T) {
	u := newTestUI(t, "")
	old := u.s
	u.showNewDialog()
	typeInDialog(t, u.win, strings.Repeat("某", 201)) // the first box: 单位名称
	tapButton(t, u.win, "新建")
	if u.s != old {
		t.Fatalf("a document named with %d characters was made", len([]rune(u.s.Doc().Meta.Name)))
	}
	if said := overlayText(u.win); !strings.Contains(said, "单位名称长 201 字") {
		t.Fatalf("said %q", said)
	}
}
