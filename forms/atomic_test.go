package forms

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// faultyFS passes everything to the real file system except at one step,
// where it fails with errno or, when crash is set, stops dead (a panic the
// test recovers from, standing for the power going out: nothing after it
// runs, no clean-up either). A write step fails after writing half. The
// backup step is several operations (a link or a copy, then a rename):
// nth chooses which of them trips.
type faultyFS struct {
	at     writeStep
	errno  syscall.Errno
	crash  bool
	after  bool // crash right after the step instead of before it
	nth    int  // within stepBackup: the operation that trips (0 = first)
	noLink bool // the disk has no hard links (FAT, exFAT): backups are copies
	ops    int  // backup operations seen
}

type crashed struct{}

// here tells whether this operation is the one that trips.
func (f *faultyFS) here(step writeStep) bool {
	if step != f.at {
		return false
	}
	if step != stepBackup {
		return true
	}
	f.ops++
	return f.ops-1 == f.nth
}

func (f *faultyFS) trip(step writeStep) (error, bool) {
	if !f.here(step) {
		return nil, false
	}
	if f.after {
		return nil, true
	}
	if f.crash {
		panic(crashed{})
	}
	return &os.PathError{Op: "test", Path: "x", Err: f.errno}, false
}

func (f *faultyFS) done(hit bool) {
	if hit && f.after {
		panic(crashed{})
	}
}

func isBackupName(name string) bool { return strings.Contains(name, BackupExt+tmpMark) }

func (f *faultyFS) CreateTemp(dir, pattern string) (tempFile, error) {
	step := stepCreate
	if isBackupName(pattern) {
		step = stepBackup
	}
	err, hit := f.trip(step)
	if err != nil {
		return nil, err
	}
	t, err := os.CreateTemp(dir, pattern)
	if err != nil {
		return nil, err
	}
	f.done(hit)
	return &faultyFile{File: t, fs: f, step: step}, nil
}

func (f *faultyFS) Link(oldname, newname string) error {
	if f.noLink {
		return &os.LinkError{Op: "link", Old: oldname, New: newname, Err: syscall.EPERM}
	}
	err, hit := f.trip(stepBackup)
	if err != nil {
		return err
	}
	err = os.Link(oldname, newname)
	f.done(hit)
	return err
}

func (f *faultyFS) Rename(oldpath, newpath string) error {
	step := stepRename
	if strings.HasSuffix(newpath, BackupExt) {
		step = stepBackup
	}
	err, hit := f.trip(step)
	if err != nil {
		return err
	}
	err = os.Rename(oldpath, newpath)
	f.done(hit)
	return err
}

func (f *faultyFS) Remove(name string) error { return os.Remove(name) }

// faultyFile is a temporary file: the document's (its steps are chmod,
// write, sync, close) or the backup copy's (each operation a backup one).
type faultyFile struct {
	*os.File
	fs   *faultyFS
	step writeStep // stepCreate for the document's file, stepBackup for the copy
}

func (t *faultyFile) stepFor(s writeStep) writeStep {
	if t.step == stepBackup {
		return stepBackup
	}
	return s
}

func (t *faultyFile) Chmod(m os.FileMode) error {
	err, hit := t.fs.trip(t.stepFor(stepChmod))
	if err != nil {
		return err
	}
	defer t.fs.done(hit)
	return t.File.Chmod(m)
}

func (t *faultyFile) Write(p []byte) (int, error) {
	if t.fs.here(t.stepFor(stepWrite)) {
		n, _ := t.File.Write(p[:len(p)/2]) // half reaches the disk
		if t.fs.crash {
			panic(crashed{})
		}
		return n, &os.PathError{Op: "write", Path: t.Name(), Err: t.fs.errno}
	}
	return t.File.Write(p)
}

// ReadFrom keeps io.Copy going through Write (os.File would copy in the
// kernel, past the fault).
func (t *faultyFile) ReadFrom(r io.Reader) (int64, error) {
	return io.Copy(struct{ io.Writer }{t}, r)
}

func (t *faultyFile) Sync() error {
	err, hit := t.fs.trip(t.stepFor(stepSync))
	if err != nil {
		return err
	}
	defer t.fs.done(hit)
	return t.File.Sync()
}

func (t *faultyFile) Close() error {
	err, hit := t.fs.trip(t.stepFor(stepClose))
	if err != nil {
		t.File.Close()
		return err
	}
	defer t.fs.done(hit)
	return t.File.Close()
}

var allSteps = []writeStep{stepCreate, stepChmod, stepWrite, stepSync, stepClose, stepBackup, stepRename}

// withFS runs f with saves going through fs; it reports whether f stopped
// dead (a simulated crash).
func withFS(fs fileSystem, f func()) (crash bool) {
	old := fsys
	fsys = fs
	defer func() {
		fsys = old
		if r := recover(); r != nil {
			if _, ok := r.(crashed); !ok {
				panic(r)
			}
			crash = true
		}
	}()
	f()
	return false
}

// twoVersions saves the sample as the old version and returns it with an
// edited copy to save over it.
func twoVersions(t *testing.T) (path string, old []byte, edited *Document, newData []byte) {
	t.Helper()
	path = filepath.Join(t.TempDir(), "部门预算"+FileExt)
	d := mustSample(t)
	if err := Save(path, d); err != nil {
		t.Fatal(err)
	}
	old, _ = os.ReadFile(path)
	p := d.Table("general").Main()
	if err := p.Set(p.RowIndex("2013101"), p.Col("public"), m("170.00")); err != nil {
		t.Fatal(err)
	}
	newData, _ = Encode(d)
	return path, old, d, newData
}

func tempFiles(dir string) []string {
	var out []string
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if strings.Contains(e.Name(), ".tmp-") {
			out = append(out, e.Name())
		}
	}
	return out
}

// A save that fails at any step (disk full, read-only disk, I/O error)
// says why in Chinese, leaves the old file byte for byte and no temporary
// file; the document can then be saved once the disk is fine again.
func TestSaveFailingAtEachStepKeepsTheOldFile(t *testing.T) {
	reasons := map[syscall.Errno]string{syscall.ENOSPC: "磁盘空间不足", syscall.EROFS: "磁盘是只读的", syscall.EACCES: "没有读写权限"}
	for _, step := range allSteps {
		for errno, reason := range reasons {
			path, old, d, newData := twoVersions(t)
			var err error
			withFS(&faultyFS{at: step, errno: errno}, func() { err = Save(path, d) })
			if err == nil || !strings.Contains(err.Error(), reason) || !strings.Contains(err.Error(), "原文件未改动") {
				t.Errorf("step %d, %v: %v", step, errno, err)
			}
			if now, _ := os.ReadFile(path); !bytes.Equal(now, old) {
				t.Errorf("step %d, %v: the old file changed", step, errno)
			}
			if left := tempFiles(filepath.Dir(path)); len(left) > 0 {
				t.Errorf("step %d: temporary files left: %v", step, left)
			}
			if err := Save(path, d); err != nil {
				t.Fatal(err)
			}
			if now, _ := os.ReadFile(path); !bytes.Equal(now, newData) {
				t.Errorf("step %d: the save after the failure did not write the document", step)
			}
		}
	}
}

// The power goes out before or after any step of a save: the file is then
// the old version or the new one, whole, and opens; the next save clears
// what the crash left behind.
func TestSaveCrashingAtEachStepLeavesOneWholeVersion(t *testing.T) {
	for _, step := range allSteps {
		for _, after := range []bool{false, true} {
			name := fmt.Sprintf("crash %s step %d", map[bool]string{false: "before", true: "after"}[after], step)
			path, old, d, newData := twoVersions(t)
			if !withFS(&faultyFS{at: step, crash: true, after: after}, func() { Save(path, d) }) {
				t.Fatalf("%s: the simulated crash did not happen", name)
			}
			now, _ := os.ReadFile(path)
			wantNew := step == stepRename && after
			switch {
			case wantNew && !bytes.Equal(now, newData):
				t.Errorf("%s: the file is not the new version", name)
			case !wantNew && !bytes.Equal(now, old):
				t.Errorf("%s: the file is not the old version", name)
			}
			if _, err := Open(path); err != nil {
				t.Errorf("%s: the file does not open: %v", name, err)
			}
			if err := Save(path, d); err != nil {
				t.Fatalf("%s: saving again: %v", name, err)
			}
			if left := tempFiles(filepath.Dir(path)); len(left) > 0 {
				t.Errorf("%s: the next save left %v", name, left)
			}
		}
	}
}

// Exports (workbook, PDF) go the same way: a failed or crashed export
// leaves the previous export whole.
func TestWriteAtomicFailingOrCrashingKeepsTheOldFile(t *testing.T) {
	write := func(content string) func(io.Writer) error {
		return func(w io.Writer) error { _, err := io.WriteString(w, content); return err }
	}
	for _, step := range allSteps {
		if step == stepBackup {
			continue // exports keep no backup
		}
		path := filepath.Join(t.TempDir(), "公开.pdf")
		if err := WriteAtomic(path, "PDF", write("旧版本")); err != nil {
			t.Fatal(err)
		}
		var err error
		withFS(&faultyFS{at: step, errno: syscall.ENOSPC}, func() { err = WriteAtomic(path, "PDF", write(strings.Repeat("新", 1000))) })
		if err == nil || !strings.Contains(err.Error(), "磁盘空间不足") {
			t.Errorf("step %d: %v", step, err)
		}
		withFS(&faultyFS{at: step, crash: true}, func() { WriteAtomic(path, "PDF", write(strings.Repeat("新", 1000))) })
		if now, _ := os.ReadFile(path); string(now) != "旧版本" {
			t.Errorf("step %d: the old export changed to %.20q", step, now)
		}
	}
	// the exporter's own error comes through as it is
	path := filepath.Join(t.TempDir(), "x.xlsx")
	err := WriteAtomic(path, "工作簿", func(io.Writer) error { return errors.New("表格太多") })
	if err == nil || err.Error() != "表格太多" {
		t.Errorf("exporter's error: %v", err)
	}
	if _, statErr := os.Stat(path); !os.IsNotExist(statErr) {
		t.Error("a failed export left a file")
	}
}
