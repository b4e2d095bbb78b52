package xlsx

import (
	"io"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"github.com/xuri/excelize/v2"

	"yusuan/forms"
)

// fillsUp lets n bytes through to w, then fails as a full disk does.
type fillsUp struct {
	w io.Writer
	n int
}

func (f *fillsUp) Write(p []byte) (int, error) {
	if len(p) > f.n {
		k, _ := f.w.Write(p[:f.n])
		f.n = 0
		return k, &os.PathError{Op: "write", Path: "x.xlsx", Err: syscall.ENOSPC}
	}
	f.n -= len(p)
	return f.w.Write(p)
}

// A full disk while the workbook is written is said in Chinese, and no
// workbook (whole or partial) is left behind.
func TestAFullDiskDuringExportIsSaidInChinese(t *testing.T) {
	old := writeBook
	writeBook = func(f *excelize.File, w io.Writer) error { return f.Write(&fillsUp{w: w, n: 4096}) }
	t.Cleanup(func() { writeBook = old })
	d, err := forms.Sample()
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	path := filepath.Join(dir, "预算.xlsx")
	err = Export(d, path)
	if err == nil || !strings.Contains(err.Error(), "磁盘空间不足") || strings.Contains(err.Error(), "no space") {
		t.Errorf("export: %v", err)
	}
	if left, _ := os.ReadDir(dir); len(left) != 0 {
		t.Errorf("left behind: %v", left)
	}
}

// An .xlsx the user may not read is said to be unreadable, not damaged.
// As root file permissions do not stop reading, so the refusal is also
// injected where the file is opened: the test can fail either way.
func TestAnUnreadableWorkbookIsNotCalledDamaged(t *testing.T) {
	d, err := forms.Sample()
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "预算.xlsx")
	if err := Export(d, path); err != nil {
		t.Fatal(err)
	}
	want := func(how string, err error) {
		t.Helper()
		if err == nil || !strings.Contains(err.Error(), "没有读取权限") || strings.Contains(err.Error(), "损坏") ||
			!strings.Contains(err.Error(), path) {
			t.Errorf("%s: %v", how, err)
		}
	}
	old := openFile
	openFile = func(name string) (*os.File, error) {
		return nil, &os.PathError{Op: "open", Path: name, Err: syscall.EACCES}
	}
	_, _, err = Import(path, ImportOptions{})
	want("import, refused on open", err)
	_, _, err = ReadClassificationList(path)
	want("classification list, refused on open", err)
	openFile = old
	if os.Geteuid() != 0 {
		if err := os.Chmod(path, 0); err != nil {
			t.Fatal(err)
		}
		_, _, err = Import(path, ImportOptions{})
		want("import, mode 000", err)
	}
}
