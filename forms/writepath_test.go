package forms

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
)

// threeVersions saves v1, then v2 over it (so the backup is v1), and returns
// a third version to save: a failed or crashed save of it must leave v2 as
// the file and v1 as the backup, each whole.
func threeVersions(t *testing.T) (path string, v1, v2 []byte, d3 *Document) {
	t.Helper()
	path, v1, d2, v2 := twoVersions(t)
	if err := Save(path, d2); err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(path + BackupExt); !bytes.Equal(b, v1) {
		t.Fatal("the backup is not the previous version")
	}
	p := d2.Table("general").Main()
	if err := p.Set(p.RowIndex("2013101"), p.Col("public"), m("180.00")); err != nil {
		t.Fatal(err)
	}
	return path, v1, v2, d2
}

// backupOps is how many operations the backup step has: a link and a
// rename, or (no hard links) a copy's create, write, sync, close and a
// rename.
func backupOps(noLink bool) int {
	if noLink {
		return 5
	}
	return 2
}

// A full disk (or any refusal) while the backup is made: the message says
// why and that the file is unchanged, and the previous backup is whole.
func TestAFailedBackupKeepsThePreviousBackup(t *testing.T) {
	for _, noLink := range []bool{false, true} {
		for nth := range backupOps(noLink) {
			for _, errno := range []syscall.Errno{syscall.ENOSPC, syscall.EROFS} {
				name := fmt.Sprintf("noLink=%v op %d %v", noLink, nth, errno)
				path, v1, v2, d3 := threeVersions(t)
				var err error
				withFS(&faultyFS{at: stepBackup, nth: nth, noLink: noLink, errno: errno}, func() { err = Save(path, d3) })
				if err == nil || !strings.Contains(err.Error(), "原文件未改动") || !strings.Contains(err.Error(), BackupExt) {
					t.Errorf("%s: %v", name, err)
				}
				if errno == syscall.ENOSPC && !strings.Contains(err.Error(), "磁盘空间不足") {
					t.Errorf("%s: %v", name, err)
				}
				if now, _ := os.ReadFile(path); !bytes.Equal(now, v2) {
					t.Errorf("%s: the file changed", name)
				}
				if bak, _ := os.ReadFile(path + BackupExt); !bytes.Equal(bak, v1) {
					t.Errorf("%s: the previous backup changed (%d bytes)", name, len(bak))
				}
				if left := tempFiles(filepath.Dir(path)); len(left) > 0 {
					t.Errorf("%s: temporary files left: %v", name, left)
				}
			}
		}
	}
}

// The power goes out before or after each operation of the backup: the
// file is the previous version, whole; the backup is the one before it or
// the previous version, whole, never a fragment; the next save works and
// clears what was left.
func TestACrashWhileBackingUpLeavesWholeFiles(t *testing.T) {
	for _, noLink := range []bool{false, true} {
		for nth := range backupOps(noLink) {
			for _, after := range []bool{false, true} {
				name := fmt.Sprintf("noLink=%v op %d after=%v", noLink, nth, after)
				path, v1, v2, d3 := threeVersions(t)
				if !withFS(&faultyFS{at: stepBackup, nth: nth, noLink: noLink, crash: true, after: after}, func() { Save(path, d3) }) {
					t.Fatalf("%s: the simulated crash did not happen", name)
				}
				if now, _ := os.ReadFile(path); !bytes.Equal(now, v2) {
					t.Errorf("%s: the file is not the previous version", name)
				}
				if bak, _ := os.ReadFile(path + BackupExt); !bytes.Equal(bak, v1) && !bytes.Equal(bak, v2) {
					t.Errorf("%s: the backup is a fragment (%d bytes)", name, len(bak))
				}
				if err := Save(path, d3); err != nil {
					t.Fatalf("%s: saving again: %v", name, err)
				}
				if bak, _ := os.ReadFile(path + BackupExt); !bytes.Equal(bak, v2) {
					t.Errorf("%s: the next save's backup is not the previous version", name)
				}
				if left := tempFiles(filepath.Dir(path)); len(left) > 0 {
					t.Errorf("%s: the next save left %v", name, left)
				}
			}
		}
	}
}

// Several writers of one output at once (two exports of the same PDF, in
// one program or in several): each finishes, none removes another's
// unfinished temporary file, the result is one whole version.
func TestParallelWritersOfOneOutputAllFinish(t *testing.T) {
	path := filepath.Join(t.TempDir(), "公开.pdf")
	var wg sync.WaitGroup
	errs := make([]error, 10)
	for i := range errs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			errs[i] = WriteAtomic(path, "PDF", func(w io.Writer) error {
				_, err := w.Write(bytes.Repeat([]byte{byte('a' + i)}, 1<<20))
				return err
			})
		}()
	}
	wg.Wait()
	for i, err := range errs {
		if err != nil {
			t.Errorf("writer %d: %v", i, err)
		}
	}
	assertOneWholeVersion(t, path)
}

func assertOneWholeVersion(t *testing.T, path string) {
	t.Helper()
	got, err := os.ReadFile(path)
	if err != nil || len(got) != 1<<20 || bytes.Count(got, got[:1]) != len(got) {
		t.Errorf("the output is not one writer's whole content (%d bytes, %v)", len(got), err)
	}
	if left := tempFiles(filepath.Dir(path)); len(left) > 0 {
		t.Errorf("temporary files left: %v", left)
	}
}

// The same with writers in separate programs (this test binary started
// again as a writer).
func TestParallelWriterProcessesOfOneOutputAllFinish(t *testing.T) {
	if out := os.Getenv("YUSUAN_TEST_WRITER"); out != "" {
		c := os.Getenv("YUSUAN_TEST_BYTE")[0]
		for range 20 {
			if err := WriteAtomic(out, "PDF", func(w io.Writer) error {
				_, err := w.Write(bytes.Repeat([]byte{c}, 1<<20))
				return err
			}); err != nil {
				fmt.Fprintln(os.Stderr, err)
				os.Exit(3)
			}
		}
		os.Exit(0)
	}
	path := filepath.Join(t.TempDir(), "公开.pdf")
	var cmds []*exec.Cmd
	for i := range 6 {
		cmd := exec.Command(os.Args[0], "-test.run=^TestParallelWriterProcessesOfOneOutputAllFinish$")
		cmd.Env = append(os.Environ(), "YUSUAN_TEST_WRITER="+path, fmt.Sprintf("YUSUAN_TEST_BYTE=%c", 'a'+i))
		cmd.Stderr = os.Stderr
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		cmds = append(cmds, cmd)
	}
	for i, c := range cmds {
		if err := c.Wait(); err != nil {
			t.Errorf("writer %d: %v", i, err)
		}
	}
	assertOneWholeVersion(t, path)
}

// A link as the output is written through: the link stays, its target
// holds the new content; a backup that is a link is replaced, and what it
// pointed to is left alone.
func TestSavingThroughALink(t *testing.T) {
	dir := t.TempDir()
	real := filepath.Join(dir, "真实", "部门预算.yusuan")
	os.Mkdir(filepath.Dir(real), 0o755)
	d := mustSample(t)
	if err := Save(real, d); err != nil {
		t.Fatal(err)
	}
	link := filepath.Join(dir, "快捷方式.yusuan")
	if err := os.Symlink(real, link); err != nil {
		t.Skip("no symbolic links here:", err)
	}
	victim := filepath.Join(dir, "别的文件.txt")
	os.WriteFile(victim, []byte("不要动"), 0o644)
	os.Symlink(victim, real+BackupExt)
	before, _ := os.ReadFile(real)
	p := d.Table("general").Main()
	p.Set(p.RowIndex("2013101"), p.Col("public"), m("170.00"))
	if err := Save(link, d); err != nil {
		t.Fatal(err)
	}
	if fi, err := os.Lstat(link); err != nil || fi.Mode()&os.ModeSymlink == 0 {
		t.Fatal("the link was replaced by a file")
	}
	want, _ := Encode(d)
	if got, _ := os.ReadFile(real); !bytes.Equal(got, want) {
		t.Error("the link's target does not hold the saved document")
	}
	if got, _ := os.ReadFile(victim); string(got) != "不要动" {
		t.Error("the backup link was followed and its target overwritten")
	}
	if fi, err := os.Lstat(real + BackupExt); err != nil || fi.Mode()&os.ModeSymlink != 0 {
		t.Error("the backup is still a link")
	} else if got, _ := os.ReadFile(real + BackupExt); !bytes.Equal(got, before) {
		t.Error("the backup is not the previous version")
	}
	// an export through a link too
	pdfReal := filepath.Join(dir, "真实", "公开.pdf")
	pdfLink := filepath.Join(dir, "公开.pdf")
	os.Symlink(pdfReal, pdfLink) // dangling until written
	if err := WriteAtomic(pdfLink, "PDF", func(w io.Writer) error { _, err := w.Write([]byte("%PDF-1.7")); return err }); err != nil {
		t.Fatal(err)
	}
	if got, _ := os.ReadFile(pdfReal); string(got) != "%PDF-1.7" {
		t.Error("a dangling link's target was not written")
	}
	if fi, _ := os.Lstat(pdfLink); fi.Mode()&os.ModeSymlink == 0 {
		t.Error("the export replaced the link")
	}
}

// A device, FIFO or socket as the output is refused before anything is
// written (as root, /dev/null would otherwise be replaced by a file).
func TestSpecialFilesAreNotWritten(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "管道.yusuan")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Skip("no FIFOs here:", err)
	}
	sock := filepath.Join(dir, "s.pdf")
	l, err := net.Listen("unix", sock)
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	d := mustSample(t)
	for _, c := range []struct{ path, want string }{{fifo, "管道"}, {sock, "套接字"}} {
		if err := Save(c.path, d); err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("Save %s: %v", c.path, err)
		}
		if err := WriteAtomic(c.path, "PDF", func(w io.Writer) error { return nil }); err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("WriteAtomic %s: %v", c.path, err)
		}
		if fi, _ := os.Lstat(c.path); fi.Mode().IsRegular() {
			t.Errorf("%s was replaced by a file", c.path)
		}
	}
	// a device is judged without writing (so that a wrong judgement in this
	// test cannot replace /dev/null)
	if _, err := resolveTarget(os.DevNull); err == nil || !strings.Contains(err.Error(), "设备") {
		t.Errorf("/dev/null: %v", err)
	}
	link := filepath.Join(dir, "null.yusuan")
	os.Symlink(os.DevNull, link)
	if _, err := resolveTarget(link); err == nil || !strings.Contains(err.Error(), "设备") {
		t.Errorf("a link to /dev/null: %v", err)
	}
}

// A document saved by Notepad starts with a UTF-8 byte order mark: it opens.
func TestADocumentWithAByteOrderMarkOpens(t *testing.T) {
	d := mustSample(t)
	data, _ := Encode(d)
	path := filepath.Join(t.TempDir(), "记事本.yusuan")
	os.WriteFile(path, append([]byte{0xEF, 0xBB, 0xBF}, data...), 0o644)
	got, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	again, _ := Encode(got)
	if !bytes.Equal(again, data) {
		t.Error("the document read differs from the one written")
	}
	// and saving over it is allowed (it is one of ours)
	if err := Save(path, got); err != nil {
		t.Error(err)
	}
}

// Names over 200 characters and texts over 200,000 are refused at load,
// naming the field and its length; the file is untouched. A document
// holding one is not saved either (it could not be opened again).
func TestOverlongFieldsAreRefusedAtLoad(t *testing.T) {
	cases := []struct {
		name   string
		change func(r *Raw)
		want   []string
	}{
		{"unit name", func(r *Raw) { r.Meta.Name = strings.Repeat("审", 201) }, []string{"文档信息 name", "201 字", "200 字"}},
		{"line name", func(r *Raw) { r.Tables[4].Rows[0].Name = strings.Repeat("支", 100_000) }, []string{"name", "100000 字"}},
		{"functions", func(r *Raw) { r.Text.Functions = strings.Repeat("职", 200_001) }, []string{"文字部分 functions", "200001 字"}},
		{"written section", func(r *Raw) { r.Text.Written = map[string]string{"summary": strings.Repeat("文", 300_000)} }, []string{"written.summary", "300000 字"}},
		{"project form", func(r *Raw) { r.Perf.Projects[0].Name = strings.Repeat("项", 250) }, []string{"绩效表 projects[1].name", "250 字"}},
	}
	for _, c := range cases {
		d := mustSample(t)
		raw := d.Raw()
		c.change(raw)
		data, err := json.Marshal(raw)
		if err != nil {
			t.Fatal(err)
		}
		path := filepath.Join(t.TempDir(), "长.yusuan")
		os.WriteFile(path, data, 0o644)
		_, err = Open(path)
		if err == nil {
			t.Errorf("%s: opened", c.name)
			continue
		}
		for _, w := range c.want {
			if !strings.Contains(err.Error(), w) {
				t.Errorf("%s: %q lacks %q", c.name, err, w)
			}
		}
		if now, _ := os.ReadFile(path); !bytes.Equal(now, data) {
			t.Errorf("%s: the file changed", c.name)
		}
	}
	// exactly at the bounds: fine
	d := mustSample(t)
	d.Meta.Name = strings.Repeat("审", MaxNameChars)
	d.Text.Functions = strings.Repeat("职", MaxTextChars)
	path := filepath.Join(t.TempDir(), "边界.yusuan")
	if err := Save(path, d); err != nil {
		t.Fatal(err)
	}
	if _, err := Open(path); err != nil {
		t.Error(err)
	}
	d.Meta.Name += "审"
	if err := Save(path, d); err == nil || !strings.Contains(err.Error(), "未保存") {
		t.Errorf("an overlong name was saved: %v", err)
	}
}
