// Package crash turns a programming error (a panic) into a Chinese message
// and a log entry, so that no panic reaches the clerk as a vanished window:
// the details go to a log file in the user's config folder, whose path the
// message gives for the support staff.
package crash

import (
	"fmt"
	"os"
	"path/filepath"
	"runtime/debug"
	"sync"
	"time"
)

// Error is a panic caught: what the program was doing, the value, and the
// log the details were written to.
type Error struct {
	Doing string // 保存, 填写单元格, 导出 PDF …
	Value any
	Log   string // "" when the log could not be written
}

func (e *Error) Error() string {
	msg := fmt.Sprintf("程序内部错误（%s时）：%v。", e.Doing, e.Value)
	if e.Log != "" {
		msg += "详细信息已记录在 " + e.Log + "，请把这个文件发给技术支持。"
	}
	return msg
}

// logDir can be changed by tests.
var logDir = defaultLogDir

// defaultLogDir: YUSUAN_LOG_DIR when set (support staff, tests), else the
// user's config folder (Windows: %AppData%\yusuan\logs).
func defaultLogDir() string {
	if dir := os.Getenv("YUSUAN_LOG_DIR"); dir != "" {
		return dir
	}
	base, err := os.UserConfigDir()
	if err != nil || base == "" {
		base = os.TempDir()
	}
	return filepath.Join(base, "yusuan", "logs")
}

// LogPath is the log file panics are written to.
func LogPath() string { return filepath.Join(logDir(), "yusuan-errors.log") }

// maxLogBytes: a log past this size is started afresh (the old one kept as
// .old), so that a repeating fault cannot fill the disk.
const maxLogBytes = 4 << 20

var mu sync.Mutex

// Record writes a caught panic with its stack to the log and returns the
// error to show.
func Record(doing string, value any, stack []byte) *Error {
	e := &Error{Doing: doing, Value: value}
	mu.Lock()
	defer mu.Unlock()
	path := LogPath()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return e
	}
	if fi, err := os.Stat(path); err == nil && fi.Size() > maxLogBytes {
		os.Rename(path, path+".old")
	}
	f, err := os.OpenFile(path, os.O_CREATE|os.O_WRONLY|os.O_APPEND, 0o644)
	if err != nil {
		return e
	}
	defer f.Close()
	_, err = fmt.Fprintf(f, "==== %s  %s  panic: %v\n%s\n", time.Now().Format("2006-01-02 15:04:05"), doing, value, stack)
	if err == nil {
		e.Log = path
	}
	return e
}

// Guard runs f; a panic in it is recorded and returned as an *Error.
func Guard(doing string, f func()) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = Record(doing, r, debug.Stack())
		}
	}()
	f()
	return nil
}

// Stack is the current goroutine's stack, for Record from a recover.
func Stack() []byte { return debug.Stack() }
