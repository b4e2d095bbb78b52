package app

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"yusuan/app/look"
)

// escape sends Esc as the driver does when nothing in a dialog has the
// focus: to the canvas.
func escape(t *testing.T, u *mainUI) {
	t.Helper()
	f := u.win.Canvas().OnTypedKey()
	if f == nil {
		t.Fatal("the window's canvas takes no keys")
	}
	f(&fyne.KeyEvent{Name: fyne.KeyEscape})
}

func dialogsShown(u *mainUI) int {
	n := 0
	for _, o := range u.win.Canvas().Overlays().List() {
		if o.Visible() {
			n++
		}
	}
	return n
}

// Esc closes the top dialog, one at a time, and never a progress line.
func TestEscapeClosesDialogs(t *testing.T) {
	u := newTestUI(t, "")
	name := u.s.Doc().Meta.Name
	u.askNew()
	u.showKeys()
	if n := dialogsShown(u); n != 2 {
		t.Fatalf("%d dialogs shown, want 2", n)
	}
	escape(t, u)
	if n := dialogsShown(u); n != 1 {
		t.Fatalf("after Esc: %d dialogs shown, want 1 (新建文档)", n)
	}
	escape(t, u)
	if n := dialogsShown(u); n != 0 {
		t.Fatalf("after a second Esc: %d dialogs shown", n)
	}
	if u.s.Doc().Meta.Name != name {
		t.Error("Esc on 新建文档 made a document")
	}
	done := u.progress("正在导出PDF…", "示例.pdf")
	escape(t, u)
	if n := dialogsShown(u); n != 1 {
		t.Errorf("Esc closed the progress line (%d dialogs shown)", n)
	}
	done()
}

// Esc on the focused default button of a dialog closes it too.
func TestEscapeOnDefaultButton(t *testing.T) {
	u := newTestUI(t, "")
	u.exported("已导出。", "/tmp/示例.pdf")
	b, ok := u.win.Canvas().Focused().(*defaultButton)
	if !ok || dialogsShown(u) != 1 {
		t.Fatalf("focus %T, %d dialogs", u.win.Canvas().Focused(), dialogsShown(u))
	}
	b.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if n := dialogsShown(u); n != 0 {
		t.Errorf("after Esc on 确定: %d dialogs shown", n)
	}
}

// Esc in a dialog's entry closes the dialog; the name typed is not used.
func TestEscapeInADialogEntry(t *testing.T) {
	u := newTestUI(t, "")
	u.askNew()
	var entry *look.Entry
	for _, o := range test.LaidOutObjects(u.win.Canvas().Overlays().Top()) {
		if e, ok := o.(*look.Entry); ok && entry == nil {
			entry = e
		}
	}
	if entry == nil {
		t.Fatal("the 新建文档 dialog has no entry of ours")
	}
	u.win.Canvas().Focus(entry)
	test.Type(entry, "某某局")
	entry.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if n := dialogsShown(u); n != 0 {
		t.Errorf("after Esc in the entry: %d dialogs shown", n)
	}
	if u.s.Doc().Meta.Name == "某某局" {
		t.Error("Esc made the document")
	}
}

// Esc answers a question's 取消: the sample's 另存为 asks about its mark,
// and Esc leaves the document as it was, with the window's commands free.
func TestEscapeAnswersCancel(t *testing.T) {
	u := newTestUI(t, "")
	u.saveAs(nil)
	if dialogsShown(u) != 1 {
		t.Fatal("另存为 of the sample asked nothing")
	}
	escape(t, u)
	if n := dialogsShown(u); n != 0 {
		t.Fatalf("after Esc: %d dialogs shown", n)
	}
	if !u.s.Doc().Meta.Sample || u.path != "" {
		t.Errorf("Esc changed the document: sample %v, path %q", u.s.Doc().Meta.Sample, u.path)
	}
	u.askNew() // the window's commands are not held
	if dialogsShown(u) != 1 {
		t.Error("a command after Esc did nothing: the window is still held")
	}
}
