package edit

import (
	"os"
	"path/filepath"
	"testing"
	"time"
)

// Work autosaved to a program's folder is left behind when its program is
// gone; this program's own, and a running one's, are not. A program that
// crashed counts as gone while it is still exiting.
func TestLeftBehind(t *testing.T) {
	dir := t.TempDir()
	mine := ProgramRecoveryPath(dir, "")
	readOnly := ProgramRecoveryPath(dir, filepath.Join("D:", "预算", "本部门.yusuan"))
	write := func(name string, age time.Duration) string {
		p := filepath.Join(dir, name)
		os.WriteFile(p, []byte("{}"), 0o644)
		at := time.Now().Add(-age)
		os.Chtimes(p, at, at)
		return p
	}
	write(filepath.Base(mine), 0)
	write(filepath.Base(readOnly), 0)
	dead := write("未命名-2147483632.yusuan.autosave", time.Hour)
	deadRO := write("本部门-2147483631.yusuan.autosave", time.Minute)
	running := write("未命名-1.yusuan.autosave", 0)     // process 1 always runs
	old := write("未命名.yusuan.autosave", 2*time.Hour) // an older program's name, without a number
	write("其他文件.txt", 0)

	left := LeftBehind(dir, 0)
	var got []string
	for _, w := range left {
		got = append(got, filepath.Base(w.Path)+"|"+w.Doc)
	}
	want := []string{filepath.Base(deadRO) + "|本部门.yusuan", filepath.Base(dead) + "|", filepath.Base(old) + "|"}
	if len(got) != len(want) {
		t.Fatalf("left behind %v, want %v", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("%d: %s, want %s", i, got[i], want[i])
		}
	}
	// the crashed program's own work, while it still runs
	if l := LeftBehind(dir, 1); len(l) != 4 || filepath.Base(l[0].Path) != filepath.Base(running) {
		t.Errorf("with the crashed program 1: %d, first %v", len(l), l)
	}
}
