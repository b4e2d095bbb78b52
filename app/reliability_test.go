package app

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"yusuan/app/uitest"
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
			if text, ok := uitest.LabelText(x); ok {
				b.WriteString(text + "\n")
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
			if b, ok := x.(*defaultButton); ok && b.Text == text {
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
	if w := second.body.MinSize().Width; w > 1300 {
		t.Errorf("the read-only window needs %.0f px: the status line widens it", w)
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
	tapButton(t, v.win, "恢复")
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

// A command that hits a programming error: the clerk reads a Chinese
// message with the log's path, the document stays open with its figures,
// and the unsaved work is written to the recovery file.
func TestAPanicInACommandKeepsTheDocument(t *testing.T) {
	logs := t.TempDir()
	t.Setenv("YUSUAN_LOG_DIR", logs)
	path := savedSample(t)
	u := newTestUI(t, path)
	u.s.Enter(at(t, u, "general", "2013101", "public"), "180.00")
	u.safe("导出 PDF", func() {
		var rows []int
		_ = rows[5]
	})()
	said := overlayText(u.win)
	for _, want := range []string{"程序内部错误", "导出 PDF", logs, edit.RecoveryPath(path)} {
		if !strings.Contains(said, want) {
			t.Errorf("the message %q lacks %q", said, want)
		}
	}
	if x, _ := u.s.Doc().Table("general").Main().Value("2013101", "public"); x != money.MustParse("180.00") || !u.s.Dirty() {
		t.Errorf("the document changed: %v", x)
	}
	if rec, err := forms.Open(edit.RecoveryPath(path)); err != nil {
		t.Errorf("no rescue copy: %v", err)
	} else if x, _ := rec.Table("general").Main().Value("2013101", "public"); x != money.MustParse("180.00") {
		t.Errorf("the rescue copy has %v", x)
	}
	log, _ := os.ReadFile(filepath.Join(logs, "yusuan-errors.log"))
	if !strings.Contains(string(log), "index out of range") {
		t.Errorf("log: %.200s", log)
	}
}

// panickyView stands for a view with a programming error in its refresh.
type panickyView struct{ view }

func (panickyView) Refresh(edit.Change) { panic("视图刷新出错") }

// The window's reaction to an edit fails: the edit stays, the clerk is told.
func TestAPanicWhileRedrawingAfterAnEditIsReported(t *testing.T) {
	t.Setenv("YUSUAN_LOG_DIR", t.TempDir())
	u := newTestUI(t, "")
	u.view = panickyView{u.view}
	if err := u.s.Enter(at(t, u, "general", "2013101", "public"), "180.00"); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(overlayText(u.win), "视图刷新出错") {
		t.Errorf("not reported: %q", overlayText(u.win))
	}
	if x, _ := u.s.Doc().Table("general").Main().Value("2013101", "public"); x != money.MustParse("180.00") {
		t.Errorf("the edit was lost: %v", x)
	}
}

// Work on a document never saved is offered at the next start.
func TestUntitledWorkIsOfferedAtTheNextStart(t *testing.T) {
	u := newTestUI(t, "")
	u.s.Enter(at(t, u, "general", "2013101", "public"), "180.00")
	u.autosave()
	edited, _ := forms.Encode(u.s.Doc())
	// the program that wrote it is gone: its number no longer runs
	left := u.recoveryPath()
	if err := os.Rename(left, strings.Replace(left, fmt.Sprintf("-%d.", os.Getpid()), "-2147483632.", 1)); err != nil {
		t.Fatal(err)
	}
	v := newWindow(u.app, "")
	v.busy.Wait()
	if !strings.Contains(overlayText(v.win), "从未保存为文件") {
		t.Fatalf("not offered: %q", overlayText(v.win))
	}
	tapButton(t, v.win, "恢复")
	if got, _ := forms.Encode(v.s.Doc()); !bytes.Equal(got, edited) || !v.s.Dirty() {
		t.Error("the recovered document differs from the edited one")
	}
	if _, err := os.Stat(v.recoveryPath()); err != nil {
		t.Error("the recovered work is not kept as this window's autosave")
	}
	// a program still at work keeps its autosave to itself
	w := newWindow(u.app, "")
	w.busy.Wait()
	if strings.Contains(overlayText(w.win), "从未保存为文件") {
		t.Error("a running program's autosave was offered to another")
	}
}

// After a crash the program starts again and says why.
func TestTheRestartedProgramSaysWhy(t *testing.T) {
	t.Setenv(AfterCrashEnv, "程序内部错误（操作窗口时）：测试。")
	u := newTestUI(t, "")
	if said := overlayText(u.win); !strings.Contains(said, "测试") || !strings.Contains(said, "重新启动") {
		t.Errorf("said %q", said)
	}
}

// typeInDialog sets the first entry of the dialogs over a window.
func typeInDialog(t *testing.T, w fyne.Window, text string) {
	t.Helper()
	for _, o := range w.Canvas().Overlays().List() {
		for _, x := range test.LaidOutObjects(o) {
			if e, ok := uitest.Entry(x); ok {
				e.SetText(text)
				return
			}
		}
	}
	t.Fatal("no entry in the dialogs")
}

// Another window's document cannot be destroyed by 另存为 over it: the
// lock is checked before anything is written, and the file stays whole.
func TestSaveAsOverAFileOpenElsewhereLeavesItWhole(t *testing.T) {
	path := savedSample(t)
	before, _ := os.ReadFile(path)
	owner := newTestUI(t, path)
	if owner.lock == nil {
		t.Fatal("the owner holds no lock")
	}
	u := newTestUI(t, "")
	u.app.Preferences().SetString(prefFolder, filepath.Dir(path))
	u.s.Enter(at(t, u, "general", "2013101", "public"), "1.00")
	u.saveAs(nil)
	tapButton(t, u.win, "保留标记") // the sample: keep its mark
	typeInDialog(t, u.win, filepath.Base(path))
	tapButton(t, u.win, "保存")
	tapButton(t, u.win, "替换")
	if said := overlayText(u.win); !strings.Contains(said, "已被") {
		t.Errorf("not refused: %q", said)
	}
	if now, _ := os.ReadFile(path); !bytes.Equal(now, before) {
		t.Errorf("the other window's file changed (%d → %d bytes)", len(before), len(now))
	}
	if u.path != "" || !u.s.Dirty() {
		t.Errorf("the refused save took effect: path %q", u.path)
	}
}

// 另存为 to a new name writes the file, takes its lock and names the
// window after it; 导出 writes where it was told.
func TestSaveAsAndExportWriteTheChosenFiles(t *testing.T) {
	dir := t.TempDir()
	u := newTestUI(t, "")
	u.app.Preferences().SetString(prefFolder, dir)
	u.saveAs(nil)
	tapButton(t, u.win, "去掉标记") // decision 46: the sample becomes the clerk's document
	typeInDialog(t, u.win, "新的文档")
	tapButton(t, u.win, "保存")
	path := filepath.Join(dir, "新的文档.yusuan")
	if u.s.Doc().Meta.Sample || u.banner == nil || u.banner.Visible() {
		t.Error("the sample's mark or banner stays after 去掉标记")
	}
	if _, err := forms.Open(path); err != nil || !samePath(u.path, path) || u.lock == nil || u.s.Dirty() {
		t.Fatalf("save as: %v, path %q", err, u.path)
	}
	if !strings.HasPrefix(u.win.Title(), "新的文档.yusuan") {
		t.Errorf("title %q", u.win.Title())
	}
	u.askExport(exportXLSX)
	typeInDialog(t, u.win, "报送")
	tapButton(t, u.win, "保存")
	u.busy.Wait()
	if fi, err := os.Stat(filepath.Join(dir, "报送.xlsx")); err != nil || fi.Size() < 1000 {
		t.Errorf("export: %v", err)
	}
	// a name a PC cannot use is refused with the reason
	u.saveAs(nil)
	typeInDialog(t, u.win, "a/b")
	tapButton(t, u.win, "保存")
	if !strings.Contains(overlayText(u.win), "不能有") {
		t.Errorf("bad name: %q", overlayText(u.win))
	}
}

// A program started again after a crash that crashes again within a
// minute is not started a third time.
func TestNoRestartLoop(t *testing.T) {
	now := time.Now()
	t.Setenv(CrashedAtEnv, "")
	if !MayRestart(now) {
		t.Error("a first crash does not restart")
	}
	for _, kv := range RestartEnv("x", now.Add(-30*time.Second)) {
		k, v, _ := strings.Cut(kv, "=")
		t.Setenv(k, v)
	}
	if MayRestart(now) {
		t.Error("a second crash within a minute restarts again")
	}
	if !MayRestart(now.Add(2 * time.Minute)) {
		t.Error("a crash an hour later does not restart")
	}
}

// While the recovery question is open, Ctrl+S (or any window command) waits:
// it would save the file as it was and drop the autosave being offered.
func TestCommandsWaitForTheRecoveryQuestion(t *testing.T) {
	path := savedSample(t)
	u := newTestUI(t, path)
	u.s.Enter(at(t, u, "general", "2013101", "public"), "180.00")
	u.autosave()
	u.askClose() // asks to save; the test leaves without answering
	u.releaseLock()
	os.Remove(lock.Path(path))
	v := newTestUI(t, path)
	if !strings.Contains(overlayText(v.win), "自动保存") {
		t.Fatal("recovery not offered")
	}
	before, _ := os.ReadFile(path)
	v.safe("保存", func() { v.save(nil) })() // what Ctrl+S runs
	if now, _ := os.ReadFile(path); !bytes.Equal(now, before) {
		t.Error("the file was saved while the question was open")
	}
	if _, ok := edit.Recovery(path); !ok {
		t.Fatal("the autosave was dropped while the question was open")
	}
	tapButton(t, v.win, "恢复")
	v.safe("保存", func() { v.save(nil) })()
	back, _ := forms.Open(path)
	if x, _ := back.Table("general").Main().Value("2013101", "public"); x != money.MustParse("180.00") {
		t.Errorf("after answering, Ctrl+S saved %v", x)
	}
}

// A lock that names a live program on this computer that is not ours (the
// number of a program gone in a power cut, given to another): the clerk
// may force the file open.
func TestForceOpenAfterAReusedProgramNumber(t *testing.T) {
	path := savedSample(t)
	host, _ := os.Hostname()
	other, _ := json.Marshal(lock.Owner{User: "clerk", Host: host, PID: 1, Since: time.Now().Add(-time.Hour)}) // process 1 always runs
	os.WriteFile(lock.Path(path), other, 0o644)
	u := newTestUI(t, path)
	if !strings.Contains(overlayText(u.win), "强制打开") {
		t.Fatalf("no force: %q", overlayText(u.win))
	}
	tapButton(t, u.win, "强制打开")
	if u.readOnly || u.lock == nil || !samePath(u.path, path) {
		t.Fatalf("forced: read-only %v, lock %v", u.readOnly, u.lock != nil)
	}
	if o, _ := lock.Read(path); o.PID != os.Getpid() {
		t.Errorf("the lock names %d", o.PID)
	}
}

// Closing with unsaved changes can be cancelled: nothing is saved or lost.
func TestClosingCanBeCancelled(t *testing.T) {
	u := newTestUI(t, "")
	u.s.Enter(at(t, u, "general", "2013101", "public"), "180.00")
	closed := false
	u.whenSaved(func() { closed = true })
	tapButton(t, u.win, "取消")
	if closed || !u.s.Dirty() || len(u.win.Canvas().Overlays().List()) != 0 {
		t.Errorf("cancel: went on %v, dirty %v", closed, u.s.Dirty())
	}
	u.whenSaved(func() { closed = true })
	tapButton(t, u.win, "不保存")
	if !closed {
		t.Error("不保存 did not go on")
	}
}

// The endless bar of a finished long task stops with its dialog: a bar
// left running redraws the window sixty times a second for as long as it
// stays open (a core's worth of work on a laptop doing nothing).
func TestProgressBarStopsWhenDone(t *testing.T) {
	u := newTestUI(t, "")
	done := u.progress("正在打开…", "示例.yusuan")
	var bars []*widget.ProgressBarInfinite
	for _, o := range u.win.Canvas().Overlays().List() {
		for _, x := range test.LaidOutObjects(o) {
			if b, ok := x.(*widget.ProgressBarInfinite); ok {
				bars = append(bars, b)
			}
		}
	}
	if len(bars) != 1 || !bars[0].Running() {
		t.Fatalf("%d endless bars shown while the task runs", len(bars))
	}
	done()
	if bars[0].Running() {
		t.Error("the bar still runs after the task is done")
	}
}
