package app

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"yusuan/forms"
	"yusuan/forms/edit"
	"yusuan/forms/lock"
	"yusuan/forms/money"
)

// overlayText is everything the dialogs over a window say.
func overlayText(w fyne.Window) string {
	var b strings.Builder
	for _, o := range w.Canvas().Overlays().List() {
		for _, x := range test.LaidOutObjects(o) {
			if l, ok := x.(*widget.Label); ok {
				b.WriteString(l.Text + "\n")
			}
		}
	}
	return b.String()
}

// tapButton taps the dialog button with that text.
func tapButton(t *testing.T, w fyne.Window, text string) {
	t.Helper()
	for _, o := range w.Canvas().Overlays().List() {
		for _, x := range test.LaidOutObjects(o) {
			if b, ok := x.(*widget.Button); ok && b.Text == text {
				test.Tap(b)
				return
			}
		}
	}
	t.Fatalf("no button %q in %q", text, overlayText(w))
}

func savedSample(t *testing.T) string {
	t.Helper()
	d, err := forms.Sample()
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "本部门.yusuan")
	if err := forms.Save(path, d); err != nil {
		t.Fatal(err)
	}
	return path
}

// Two windows open one file: the second is told who has it and since
// when, may open it read-only, and then cannot save over it; once the first
// closes, the file opens normally.
func TestASecondWindowOpensTheFileReadOnly(t *testing.T) {
	path := savedSample(t)
	first := newTestUI(t, path)
	if first.readOnly || first.lock == nil {
		t.Fatal("the first window does not hold the file")
	}
	second := newTestUI(t, path)
	said := overlayText(second.win)
	if !strings.Contains(said, "正在被使用") || !strings.Contains(said, "本程序的另一个窗口") || !strings.Contains(said, time.Now().Format("2006-01-02")) {
		t.Fatalf("the second window says %q", said)
	}
	tapButton(t, second.win, "以只读方式打开")
	if !second.readOnly || !strings.Contains(second.win.Title(), "（只读）") || !strings.Contains(second.status.Text, "另存为") {
		t.Fatalf("read-only: %v, title %q, status %q", second.readOnly, second.win.Title(), second.status.Text)
	}
	before, _ := os.ReadFile(path)
	if err := second.s.Enter(at(t, second, "general", "2013101", "public"), "1.00"); err != nil {
		t.Fatal(err)
	}
	second.save(nil) // goes to 另存为, never over the file
	second.autosave()
	if now, _ := os.ReadFile(path); !bytes.Equal(now, before) {
		t.Error("the read-only window wrote the file")
	}
	if _, ok := edit.Recovery(path); ok {
		t.Error("the read-only window autosaved beside the file")
	}
	first.askClose()
	third := newTestUI(t, path)
	if third.readOnly || third.lock == nil || overlayText(third.win) != "" {
		t.Errorf("after the first window closed: read-only %v, dialogs %q", third.readOnly, overlayText(third.win))
	}
}

// Edit, no save, the program dies (its lock stays, its process is gone),
// restart: the autosave is offered, and the recovered document equals the
// edited one.
func TestRecoveryAfterACrash(t *testing.T) {
	path := savedSample(t)
	u := newTestUI(t, path)
	for _, e := range []struct{ row, col, v string }{{"2013101", "public", "180.00"}, {"2013101", "personnel", "570.00"}} {
		if err := u.s.Enter(at(t, u, "general", e.row, e.col), e.v); err != nil {
			t.Fatal(err)
		}
	}
	u.s.SetFunctions("（一）负责全市机关事务的综合协调。")
	u.autosave()
	edited, _ := forms.Encode(u.s.Doc())
	// the crash: nothing is closed or released; the lock names a process
	// that no longer runs
	host, _ := os.Hostname()
	dead, _ := json.Marshal(lock.Owner{User: "clerk", Host: host, PID: 0x7ffffff0, Since: time.Now()})
	os.WriteFile(lock.Path(path), dead, 0o644)

	v := newTestUI(t, path)
	if v.readOnly {
		t.Fatal("the dead program's lock was not taken over")
	}
	if !strings.Contains(overlayText(v.win), "自动保存") {
		t.Fatalf("recovery not offered: %q", overlayText(v.win))
	}
	tapButton(t, v.win, "Yes")
	got, _ := forms.Encode(v.s.Doc())
	if !bytes.Equal(got, edited) {
		t.Error("the recovered document differs from the edited one")
	}
	if !v.s.Dirty() || v.path != path {
		t.Errorf("recovered: dirty %v, path %q", v.s.Dirty(), v.path)
	}
	if x, _ := v.s.Doc().Table("general").Main().Value("2013101", "public"); x != money.MustParse("180.00") {
		t.Errorf("recovered figure %v", x)
	}
}

// A save the system refuses (here: the folder is a file) is reported and
// the document stays open, unsaved, with the figure typed.
func TestAFailedSaveKeepsTheDocumentUnsaved(t *testing.T) {
	u := newTestUI(t, "")
	blocker := filepath.Join(t.TempDir(), "不是文件夹")
	os.WriteFile(blocker, []byte("x"), 0o644)
	u.path = filepath.Join(blocker, "本部门.yusuan")
	u.s.Enter(at(t, u, "general", "2013101", "public"), "180.00")
	u.save(nil)
	if said := overlayText(u.win); !strings.Contains(said, "原文件未改动") && !strings.Contains(said, "不是文件夹") {
		t.Errorf("the failure is not shown: %q", said)
	}
	if !u.s.Dirty() || !strings.Contains(u.win.Title(), "*") {
		t.Error("the document is marked saved")
	}
	if x, _ := u.s.Doc().Table("general").Main().Value("2013101", "public"); x != money.MustParse("180.00") {
		t.Errorf("the figure typed is gone: %v", x)
	}
}

// Every command that asks for a file shows its dialog (a file dialog sized
// before it was shown once took the program down).
func TestEveryFileDialogOpens(t *testing.T) {
	for name, ask := range map[string]func(u *mainUI){
		"打开":     func(u *mainUI) { u.askOpen() },
		"另存为":    func(u *mainUI) { u.saveAs(nil) },
		"从上年结转":  func(u *mainUI) { u.askCarryOver() },
		"导出工作簿":  func(u *mainUI) { u.askExport(exportXLSX) },
		"导出 PDF": func(u *mainUI) { u.askExport(exportPDF) },
		"新建":     func(u *mainUI) { u.askNew() },
	} {
		u := newTestUI(t, "")
		ask(u)
		if len(u.win.Canvas().Overlays().List()) == 0 {
			t.Errorf("%s: no dialog", name)
		}
	}
}
