package lock

import (
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"
)

func doc(t *testing.T) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), "部门预算.yusuan")
	os.WriteFile(p, []byte("{}"), 0o644)
	return p
}

func writeOwner(t *testing.T, d string, o Owner) {
	t.Helper()
	data, _ := json.Marshal(o)
	if err := os.WriteFile(Path(d), data, 0o644); err != nil {
		t.Fatal(err)
	}
}

// deadPID is a process id no process has (Linux caps ids well below it).
const deadPID = 0x7ffffff0

func TestSecondOpenIsToldWhoHoldsTheFile(t *testing.T) {
	d := doc(t)
	l, err := Acquire(d)
	if err != nil {
		t.Fatal(err)
	}
	_, err = Acquire(d)
	var held *HeldError
	if !errors.As(err, &held) {
		t.Fatalf("second open: %v", err)
	}
	if held.Owner.PID != os.Getpid() || time.Since(held.Owner.Since) > time.Minute {
		t.Errorf("owner %+v", held.Owner)
	}
	msg := err.Error()
	for _, want := range []string{"部门预算.yusuan", "已被", "本机", "本程序的另一个窗口", held.Owner.Since.Local().Format("2006-01-02 15:04")} {
		if !strings.Contains(msg, want) {
			t.Errorf("message %q lacks %q", msg, want)
		}
	}
	l.Release()
	if _, err := os.Stat(Path(d)); !os.IsNotExist(err) {
		t.Error("release left the lock file")
	}
	l2, err := Acquire(d)
	if err != nil {
		t.Fatalf("after release: %v", err)
	}
	l2.Release()
}

func TestLockOfADeadProgramIsTakenOver(t *testing.T) {
	d := doc(t)
	host, _ := os.Hostname()
	writeOwner(t, d, Owner{User: "张三", Host: host, PID: deadPID, Since: time.Now().Add(-time.Hour)})
	l, err := Acquire(d)
	if err != nil {
		t.Fatalf("stale lock: %v", err)
	}
	if o, _ := Read(d); o.PID != os.Getpid() {
		t.Errorf("lock now says %+v", o)
	}
	l.Release()
	// an unreadable lock (a crash while writing it) is taken over too
	os.WriteFile(Path(d), []byte(`{"user":"张`), 0o644)
	l, err = Acquire(d)
	if err != nil {
		t.Fatalf("garbled lock: %v", err)
	}
	l.Release()
}

func TestLockFromAnotherComputerHolds(t *testing.T) {
	d := doc(t)
	writeOwner(t, d, Owner{User: "李四", Host: "财务科-02", PID: deadPID, Since: time.Date(2026, 11, 20, 9, 30, 0, 0, time.Local)})
	_, err := Acquire(d)
	var held *HeldError
	if !errors.As(err, &held) {
		t.Fatalf("a lock from another computer: %v", err)
	}
	if msg := err.Error(); !strings.Contains(msg, "李四在电脑“财务科-02”上于 2026-11-20 09:30") {
		t.Errorf("message %q", msg)
	}
}

// Release leaves a lock that is no longer this program's (another took it
// over meanwhile) alone.
func TestReleaseLeavesAnotherOwnersLock(t *testing.T) {
	d := doc(t)
	l, err := Acquire(d)
	if err != nil {
		t.Fatal(err)
	}
	writeOwner(t, d, Owner{User: "王五", Host: "财务科-03", PID: 42, Since: time.Now()})
	l.Release()
	if o, ok := Read(d); !ok || o.User != "王五" {
		t.Error("release removed another owner's lock")
	}
}

// Two programs finding the same dead owner's lock at once: exactly one
// takes it over, the other is told the file is held.
func TestTakingOverADeadLockIsOneAtATime(t *testing.T) {
	d := doc(t)
	host, _ := os.Hostname()
	both := 0
	for i := 0; i < 300; i++ {
		writeOwner(t, d, Owner{User: "张三", Host: host, PID: deadPID, Since: time.Now().Add(-time.Hour)})
		os.Chtimes(Path(d), time.Now().Add(-time.Hour), time.Now().Add(-time.Hour))
		var wg sync.WaitGroup
		got := make([]*Lock, 2)
		for g := range got {
			wg.Add(1)
			go func() {
				defer wg.Done()
				got[g], _ = Acquire(d)
			}()
		}
		wg.Wait()
		if got[0] != nil && got[1] != nil {
			both++
		}
		for _, l := range got {
			l.Release()
		}
		os.Remove(Path(d))
	}
	if both > 0 {
		t.Errorf("both took the lock in %d of 300 tries", both)
	}
}
