package crash

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func useTempLogs(t *testing.T) {
	dir := t.TempDir()
	old := logDir
	logDir = func() string { return dir }
	t.Cleanup(func() { logDir = old })
}

func TestGuardRecordsAPanicAndSaysWhere(t *testing.T) {
	useTempLogs(t)
	var rows []int
	err := Guard("填写单元格", func() { _ = rows[3] })
	var ce *Error
	if !errors.As(err, &ce) {
		t.Fatalf("got %v", err)
	}
	msg := err.Error()
	for _, want := range []string{"程序内部错误", "填写单元格", "index out of range", LogPath(), "技术支持"} {
		if !strings.Contains(msg, want) {
			t.Errorf("message %q lacks %q", msg, want)
		}
	}
	log, _ := os.ReadFile(LogPath())
	if !strings.Contains(string(log), "填写单元格") || !strings.Contains(string(log), "crash_test.go") {
		t.Errorf("the log lacks the stack: %.300s", log)
	}
	if Guard("保存", func() {}) != nil {
		t.Error("no panic, yet an error")
	}
}

// A log that keeps growing is started afresh, the old one kept once.
func TestTheLogDoesNotGrowWithoutBound(t *testing.T) {
	useTempLogs(t)
	os.MkdirAll(filepath.Dir(LogPath()), 0o755)
	os.WriteFile(LogPath(), make([]byte, maxLogBytes+1), 0o644)
	Record("导出", "x", nil)
	if fi, _ := os.Stat(LogPath()); fi.Size() > 1000 {
		t.Errorf("log is %d bytes", fi.Size())
	}
	if _, err := os.Stat(LogPath() + ".old"); err != nil {
		t.Error("the previous log was not kept")
	}
}

// A log that cannot be written still gives a message (without a path).
func TestUnwritableLogStillGivesAMessage(t *testing.T) {
	file := filepath.Join(t.TempDir(), "file")
	os.WriteFile(file, nil, 0o644)
	old := logDir
	logDir = func() string { return filepath.Join(file, "logs") }
	defer func() { logDir = old }()
	e := Record("保存", "boom", nil)
	if e.Log != "" || !strings.Contains(e.Error(), "boom") || strings.Contains(e.Error(), "记录在") {
		t.Errorf("%+v: %q", e, e.Error())
	}
}
