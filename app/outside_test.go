package app

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"yusuan/forms"
	"yusuan/forms/money"
)

// anotherProgramWrites saves another document over path, as the command
// line or a second copy of the program would, and returns its bytes.
func anotherProgramWrites(t *testing.T, path string) []byte {
	t.Helper()
	d, err := forms.Sample()
	if err != nil {
		t.Fatal(err)
	}
	d.Meta.Name = "别的程序写入的单位"
	if err := forms.Save(path, d); err != nil {
		t.Fatal(err)
	}
	data, _ := os.ReadFile(path)
	return data
}

// The file changed on disk since the window opened it: Ctrl+S asks 覆盖 /
// 另存为 / 取消 and leaves the file alone until 覆盖 is chosen; 另存为 goes
// to the save-as dialog; once saved over, Ctrl+S no longer asks.
func TestSavingOverAChangeOnDiskAsks(t *testing.T) {
	path := savedSample(t)
	u := newTestUI(t, path)
	u.s.Enter(at(t, u, "general", "2013101", "public"), "1.00")
	theirs := anotherProgramWrites(t, path)
	untouched := func(when string) {
		t.Helper()
		if now, _ := os.ReadFile(path); !bytes.Equal(now, theirs) {
			t.Fatalf("%s: the other program's file was replaced", when)
		}
	}

	press(u.win, ctrlS)
	said := overlayText(u.win)
	if !strings.Contains(said, "已被别的程序修改") || !strings.Contains(said, "本窗口打开它") {
		t.Fatalf("Ctrl+S did not ask: %q", said)
	}
	untouched("asked")
	press(u.win, ctrlS) // the question holds the window's commands
	untouched("Ctrl+S again while asked")

	tapButton(t, u.win, "取消")
	untouched("取消")
	if !u.s.Dirty() || overlayText(u.win) != "" {
		t.Fatalf("取消 did something: unsaved %v, %q", u.s.Dirty(), overlayText(u.win))
	}

	press(u.win, ctrlS)
	tapButton(t, u.win, "另存为…")
	if strings.Contains(overlayText(u.win), "示例数据") {
		tapButton(t, u.win, "保留标记")
	}
	if said := overlayText(u.win); !strings.Contains(said, "保存到文件夹") {
		t.Fatalf("另存为 did not open the save-as dialog: %q", said)
	}
	tapButton(t, u.win, "取消")
	untouched("另存为 cancelled")

	press(u.win, ctrlS)
	tapButton(t, u.win, "覆盖")
	d, err := forms.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	if x, _ := d.Table("general").Main().Value("2013101", "public"); x != money.MustParse("1.00") || d.Meta.Name == "别的程序写入的单位" {
		t.Fatalf("覆盖 did not save the window's document: %v, %q", x, d.Meta.Name)
	}
	if bak, _ := os.ReadFile(path + forms.BackupExt); !bytes.Equal(bak, theirs) {
		t.Error("the replaced file is not kept as .bak")
	}
	if u.s.Dirty() {
		t.Error("saved, yet marked unsaved")
	}

	// saved by the window: the next save does not ask
	u.s.Enter(at(t, u, "general", "2013101", "public"), "2.00")
	press(u.win, ctrlS)
	if said := overlayText(u.win); said != "" || u.s.Dirty() {
		t.Fatalf("a save after the window's own save asked: %q", said)
	}
	// and a second change on disk is seen since that save
	anotherProgramWrites(t, path)
	u.s.Enter(at(t, u, "general", "2013101", "public"), "3.00")
	press(u.win, ctrlS)
	if said := overlayText(u.win); !strings.Contains(said, "本窗口上次保存它") {
		t.Fatalf("the second change on disk: %q", said)
	}
}

var time0 = time.Date(2020, 1, 2, 3, 4, 5, 0, time.Local)

// Nothing changed on disk: Ctrl+S saves without a question.
func TestSavingAnUnchangedFileDoesNotAsk(t *testing.T) {
	path := savedSample(t)
	u := newTestUI(t, path)
	os.Chtimes(path, time0, time0) // touched, the same bytes: no change
	u.s.Enter(at(t, u, "general", "2013101", "public"), "1.00")
	press(u.win, ctrlS)
	if said := overlayText(u.win); said != "" || u.s.Dirty() {
		t.Fatalf("asked %q, unsaved %v", said, u.s.Dirty())
	}
	d, err := forms.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	if x, _ := d.Table("general").Main().Value("2013101", "public"); x != money.MustParse("1.00") {
		t.Errorf("the file holds %v", x)
	}
}

// A document recovered from its autosave still answers for its file: a
// change on disk made after the file was opened is seen.
func TestARecoveredDocumentSeesAChangeOnDisk(t *testing.T) {
	path := savedSample(t)
	d, _ := forms.Sample()
	d.Meta.Code = "123"
	rec := filepath.Join(filepath.Dir(path), filepath.Base(path)+".autosave")
	if err := forms.Save(rec, d); err != nil {
		t.Fatal(err)
	}
	u := newTestUI(t, path)
	tapButton(t, u.win, "恢复")
	if u.s.Doc().Meta.Code != "123" {
		t.Fatal("the autosave was not recovered")
	}
	theirs := anotherProgramWrites(t, path)
	press(u.win, ctrlS)
	if said := overlayText(u.win); !strings.Contains(said, "已被别的程序修改") {
		t.Fatalf("not asked: %q", said)
	}
	if now, _ := os.ReadFile(path); !bytes.Equal(now, theirs) {
		t.Fatal("the other program's file was replaced")
	}
}
