package cli

import (
	"bufio"
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"yusuan/forms/lock"
)

// snapshot records every file of a folder, to see that a refused command
// wrote nothing.
func snapshot(t *testing.T, dir string) map[string]string {
	t.Helper()
	out := map[string]string{}
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		b, _ := os.ReadFile(filepath.Join(dir, e.Name()))
		out[e.Name()] = string(b)
	}
	return out
}

func sameFiles(a, b map[string]string) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if w, ok := b[k]; !ok || w != v {
			return false
		}
	}
	return true
}

// Every case of the point 1 (and decision 32/44): export refuses
// with exit 2 and a Chinese message, and writes nothing.
func TestExportRefusesToOverwriteWhatIsNotAnExport(t *testing.T) {
	dir := t.TempDir()
	at := func(name string) string { return filepath.Join(dir, name) }
	for _, name := range []string{"a.yusuan", "b.yusuan"} {
		if code, _, errs := run("sample", "-o", at(name)); code != 0 {
			t.Fatal(errs)
		}
	}
	if code, _, errs := run("export", at("a.yusuan"), "--xlsx", at("f.xlsx"), "--pdf", at("prev.pdf")); code != 0 {
		t.Fatal(errs)
	}
	os.WriteFile(at("notes.pdf"), []byte("会议记录，不是 PDF"), 0o644)
	os.WriteFile(at("doc.pdf"), mustRead(t, at("a.yusuan")), 0o644) // a document under a PDF's name
	os.WriteFile(at("zip.xlsx"), []byte("PK\x03\x04 不是工作簿"), 0o644)
	os.Symlink(at("a.yusuan"), at("link.pdf"))
	cases := []struct {
		args []string
		want string
	}{
		{[]string{"export", "--pdf", at("b.yusuan"), at("a.yusuan")}, ".pdf 结尾"},
		{[]string{"export", "--xlsx", at("a.yusuan"), at("a.yusuan")}, ".xlsx 结尾"},
		{[]string{"export", "--xlsx", at("f.xlsx"), at("f.xlsx")}, "就是输入文件"},
		{[]string{"export", "--xlsx", at("F.XLSX"), at("f.xlsx")}, ""}, // same file on a case-folding disk, else a new one
		{[]string{"export", "--xlsx", at("o.pdf"), "--pdf", at("o.pdf"), at("a.yusuan")}, ".xlsx 结尾"},
		{[]string{"export", "--xlsx", at("o.xlsx"), "--pdf", at("o.xlsx"), at("a.yusuan")}, ".pdf 结尾"},
		{[]string{"export", "--pdf", at("notes.pdf"), at("a.yusuan")}, "不是PDF 文件"},
		{[]string{"export", "--pdf", at("doc.pdf"), at("a.yusuan")}, "文档文件"},
		{[]string{"export", "--xlsx", at("zip.xlsx"), at("a.yusuan")}, "不是Excel 工作簿"},
		{[]string{"export", "--pdf", at("link.pdf"), at("a.yusuan")}, "就是输入文件"},
		{[]string{"export", "--pdf", at("sub"), at("a.yusuan")}, ".pdf 结尾"},
	}
	os.Mkdir(at("sub"), 0o755)
	for _, c := range cases {
		before := snapshot(t, dir)
		code, out, errs := run(c.args...)
		if c.want == "" {
			continue // only that nothing breaks
		}
		if code != ExitUsage || !strings.Contains(errs, c.want) || !strings.HasPrefix(errs, "错误：") {
			t.Errorf("%v: exit %d, %q %q", c.args[1:], code, out, errs)
		}
		if after := snapshot(t, dir); !sameFiles(before, after) {
			t.Errorf("%v: files changed", c.args[1:])
		}
	}
	// replacing a previous export of the same format is normal, with no .bak
	if code, _, errs := run("export", at("b.yusuan"), "--xlsx", at("f.xlsx"), "--pdf", at("prev.pdf")); code != 0 {
		t.Fatalf("replacing previous exports: %s", errs)
	}
	for _, bak := range []string{"f.xlsx.bak", "prev.pdf.bak"} {
		if _, err := os.Stat(at(bak)); err == nil {
			t.Errorf("%s written", bak)
		}
	}
}

func mustRead(t *testing.T, path string) []byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// Devices, FIFOs and sockets are refused by every writing command (a FIFO
// would block the command for ever).
func TestWritingCommandsRefuseSpecialFiles(t *testing.T) {
	dir := t.TempDir()
	doc := filepath.Join(dir, "a.yusuan")
	if code, _, errs := run("sample", "-o", doc); code != 0 {
		t.Fatal(errs)
	}
	fifo := filepath.Join(dir, "管道.yusuan")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Skip("no FIFOs:", err)
	}
	book := filepath.Join(dir, "a.xlsx")
	if code, _, errs := run("export", doc, "--xlsx", book); code != 0 {
		t.Fatal(errs)
	}
	fifoPDF := filepath.Join(dir, "管道.pdf")
	syscall.Mkfifo(fifoPDF, 0o644)
	for _, args := range [][]string{
		{"sample", "-o", fifo},
		{"import", book, "-o", fifo},
		{"merge", "-o", fifo, doc},
		{"export", "--pdf", fifoPDF, doc},
	} {
		done := make(chan struct{})
		var code int
		var errs string
		go func() { code, _, errs = run(args...); close(done) }()
		select {
		case <-done:
		case <-time.After(20 * time.Second):
			t.Fatalf("%v blocked on the FIFO", args)
		}
		if code != ExitUsage || !strings.Contains(errs, "管道文件") {
			t.Errorf("%v: %d %q", args, code, errs)
		}
	}
	// /dev/null is judged without writing to it
	if code, _, errs := run("export", "--pdf", os.DevNull, doc); code != ExitUsage || !strings.Contains(errs, ".pdf 结尾") {
		t.Errorf("/dev/null: %d %q", code, errs)
	}
	link := filepath.Join(dir, "null.pdf")
	os.Symlink(os.DevNull, link)
	if code, _, errs := run("export", "--pdf", link, doc); code != ExitUsage || !strings.Contains(errs, "设备文件") {
		t.Errorf("link to /dev/null: %d %q", code, errs)
	}
}

// A document open in another program (here: this test binary started again,
// holding the lock as the window does) is not replaced by sample, import or
// merge: exit 2 naming the holder, the file untouched; --force writes; once
// the holder is gone its lock is taken over.
func TestWritingCommandsRespectAnotherProgramsLock(t *testing.T) {
	if doc := os.Getenv("YUSUAN_TEST_HOLD"); doc != "" {
		l, err := lock.Acquire(doc)
		if err != nil {
			os.Exit(3)
		}
		defer l.Release()
		os.Stdout.WriteString("locked\n")
		bufio.NewReader(os.Stdin).ReadString('\n') // until the test closes stdin
		return
	}
	dir := t.TempDir()
	doc := filepath.Join(dir, "部门.yusuan")
	unit := filepath.Join(dir, "单位.yusuan")
	book := filepath.Join(dir, "单位.xlsx")
	for _, args := range [][]string{{"sample", "-o", unit}, {"export", unit, "--xlsx", book}, {"merge", "-o", doc, unit}} {
		if code, _, errs := run(args...); code > 1 {
			t.Fatal(args, errs)
		}
	}
	holder := exec.Command(os.Args[0], "-test.run=^TestWritingCommandsRespectAnotherProgramsLock$")
	holder.Env = append(os.Environ(), "YUSUAN_TEST_HOLD="+doc)
	stdin, _ := holder.StdinPipe()
	stdout, _ := holder.StdoutPipe()
	if err := holder.Start(); err != nil {
		t.Fatal(err)
	}
	defer holder.Process.Kill()
	if line, _ := bufio.NewReader(stdout).ReadString('\n'); line != "locked\n" {
		t.Fatalf("the holder did not lock: %q", line)
	}
	before := mustRead(t, doc)
	for _, args := range [][]string{
		{"sample", "--large", "-o", doc},
		{"import", book, "-o", doc},
		{"merge", "-o", doc, unit},
		{"merge", "--previous", doc, "-o", doc, unit},
	} {
		code, _, errs := run(args...)
		if code != ExitUsage || !strings.Contains(errs, "已被") || !strings.Contains(errs, "--force") {
			t.Errorf("%v: %d %q", args, code, errs)
		}
		if !bytes.Equal(mustRead(t, doc), before) {
			t.Fatalf("%v: the locked document changed", args)
		}
	}
	if owner, ok := lock.Read(doc); !ok || owner.PID != holder.Process.Pid {
		t.Error("the holder's lock was disturbed")
	}
	if code, _, errs := run("import", book, "-o", doc, "--force"); code != 0 {
		t.Errorf("--force: %d %q", code, errs)
	}
	if owner, ok := lock.Read(doc); !ok || owner.PID != holder.Process.Pid {
		t.Error("--force removed the holder's lock")
	}
	// the holder dies without releasing: its lock is taken over
	holder.Process.Kill()
	holder.Wait()
	stdin.Close()
	if code, _, errs := run("sample", "-o", doc); code != 0 {
		t.Errorf("after the holder died: %d %q", code, errs)
	}
	if _, err := os.Stat(lock.Path(doc)); !os.IsNotExist(err) {
		t.Error("the command left its lock behind")
	}
}
