package app

import (
	"os"
	"strconv"
	"sync"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"

	"yusuan/app/look"
	"yusuan/internal/crash"
)

// No panic reaches the clerk as a vanished window. Commands (menu, toolbar,
// shortcuts) and the window's own reaction to each edit run through safe;
// work off the UI goroutine through crash.Guard. A panic elsewhere (inside
// a widget's callback) ends Fyne's loop: Run catches it, autosaves every
// open document and returns, and main starts the program again on it.

// windows are the main windows open, for the emergency autosave.
var (
	windowsMu sync.Mutex
	windows   []*mainUI
)

func register(u *mainUI) {
	windowsMu.Lock()
	windows = append(windows, u)
	windowsMu.Unlock()
}

// safe wraps a command: a panic in it is logged, the open document is
// autosaved, and the clerk told, in Chinese, with the log's path.
func (u *mainUI) safe(doing string, f func()) func() {
	return func() {
		if u.held > 0 {
			return // a question is open or work runs: see hold
		}
		if err := crash.Guard(doing, f); err != nil {
			u.reportCrash(err)
		}
	}
}

// inBackground runs work off the UI goroutine (a panic in it is logged and
// becomes its error), then done on the UI goroutine with work's error. busy
// counts it, so that closing the window and the tests wait for it.
func (u *mainUI) inBackground(doing string, work func() error, done func(err error)) {
	u.busy.Add(1)
	go func() {
		var err error
		if perr := crash.Guard(doing, func() { err = work() }); perr != nil {
			err = perr
		}
		fyne.Do(func() {
			defer u.busy.Done()
			done(err)
		})
	}()
}

// hold keeps the window's commands (menu, toolbar, shortcuts) from running
// while a question must be answered first or a file is read or written in
// the background — a modal dialog stops clicks, not the window's
// shortcuts. The returned function lets them run again (once).
func (u *mainUI) hold() (release func()) {
	u.held++
	released := false
	return func() {
		if !released {
			released = true
			u.held--
		}
	}
}

// reportCrash shows a caught panic; the document stays open as it was.
func (u *mainUI) reportCrash(err error) {
	msg := err.Error()
	if saved := u.rescue(); saved != "" {
		msg += "\n\n文档仍然打开；为防万一，当前内容已另存到 " + saved + "。"
	}
	d := dialog.NewCustom("程序内部错误", "知道了", look.Wrapped(msg), u.win)
	d.Resize(fyne.NewSize(620, 300))
	look.ShowDialog(d, u.win)
}

// rescue writes the document to its recovery file whatever its state, and
// returns where ("" when there is nothing to keep or it failed).
func (u *mainUI) rescue() (path string) {
	if u.s == nil || !u.s.Dirty() {
		return ""
	}
	crash.Guard("自动保存", func() {
		p := u.recoveryPath()
		if _, err := u.s.Autosave(p); err == nil {
			if _, err := os.Stat(p); err == nil {
				path = p
			}
		}
	})
	return path
}

// Run shows w and runs the program's loop. When a panic ends the loop it
// is recorded, every open document autosaved, and Run returns the error
// and the document file shown (for main to start again on).
func Run(w fyne.Window) (file string, err error) {
	defer func() {
		r := recover()
		if r == nil {
			return
		}
		err = crash.Record("操作窗口", r, crash.Stack())
		windowsMu.Lock()
		defer windowsMu.Unlock()
		for _, u := range windows {
			u.rescue()
			u.releaseLock()
			if u.win == w {
				file = u.path
			}
		}
	}()
	w.ShowAndRun()
	return "", nil
}

// AfterCrashEnv carries the message of a crash into the program started
// again after it, which shows it once.
const AfterCrashEnv = "YUSUAN_AFTER_CRASH"

// CrashedAtEnv records when the program was last started again after a
// crash; it stays set, so that a second crash soon after does not start it
// yet again (a document that fails each time it is drawn would loop).
const CrashedAtEnv = "YUSUAN_CRASHED_AT"

const restartGuard = time.Minute

// MayRestart: no restart after a crash in the last minute.
func MayRestart(now time.Time) bool {
	at, err := strconv.ParseInt(os.Getenv(CrashedAtEnv), 10, 64)
	return err != nil || now.Sub(time.Unix(at, 0)) > restartGuard
}

// CrashedPIDEnv names the program that crashed: it may still be exiting
// when the new one looks for work left behind, and its autosaves count as
// left behind all the same.
const CrashedPIDEnv = "YUSUAN_CRASHED_PID"

// RestartEnv is what the program started again after a crash is given.
func RestartEnv(why string, now time.Time) []string {
	return []string{AfterCrashEnv + "=" + why, CrashedAtEnv + "=" + strconv.FormatInt(now.Unix(), 10), CrashedPIDEnv + "=" + strconv.Itoa(os.Getpid())}
}

// afterCrash tells the clerk why the program started again.
func (u *mainUI) afterCrash() {
	msg := os.Getenv(AfterCrashEnv)
	if msg == "" {
		return
	}
	os.Unsetenv(AfterCrashEnv)
	d := dialog.NewCustom("程序已重新启动", "知道了", look.Wrapped(msg+"\n\n程序已重新启动。未保存的内容已自动保存，打开文档时会提示恢复。"), u.win)
	d.Resize(fyne.NewSize(620, 300))
	look.ShowDialog(d, u.win)
}
