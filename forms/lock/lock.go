// Package lock keeps two programs (or two windows) from editing one
// document file at once: the first to open it writes a lock file beside it
// naming who and since when; the second is told and may open it
// read-only. A lock left by a program that died is taken over.
package lock

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/user"
	"strconv"
	"sync/atomic"
	"time"
)

// Ext ends the lock file's name: 文件.yusuan → 文件.yusuan.lock.
const Ext = ".lock"

// Owner is who holds a lock.
type Owner struct {
	User  string    `json:"user"`
	Host  string    `json:"host"`
	PID   int       `json:"pid"`
	Since time.Time `json:"since"`
	ID    string    `json:"id"` // tells two locks of one program apart (two windows)
}

// Lock is a lock this program holds.
type Lock struct {
	path  string
	owner Owner
}

// HeldError says a document is open elsewhere.
type HeldError struct {
	Doc   string
	Owner Owner
}

func (e *HeldError) Error() string {
	return fmt.Sprintf("“%s”已被%s打开，另一处的修改可能互相覆盖", e.Doc, e.Owner.Describe())
}

// Describe says who and since when, for messages.
func (o Owner) Describe() string {
	who := o.User
	if who == "" {
		who = "另一用户"
	}
	where := "本机"
	if h, _ := os.Hostname(); o.Host != h {
		where = "电脑“" + o.Host + "”"
	}
	same := ""
	if o.PID == os.Getpid() && where == "本机" {
		same = "（本程序的另一个窗口）"
	}
	return fmt.Sprintf("%s在%s上于 %s%s", who, where, o.Since.Local().Format("2006-01-02 15:04"), same)
}

// Running tells whether a program with that number runs on this computer.
func Running(pid int) bool { return pid > 0 && alive(pid) }

// OnThisComputer tells whether the owner ran on this computer.
func (o Owner) OnThisComputer() bool {
	h, _ := os.Hostname()
	return o.Host == h
}

// Force takes the lock whoever holds it: the clerk is sure the holder is
// gone (the program number was reused after a power cut).
func Force(doc string) (*Lock, error) {
	os.Remove(Path(doc))
	return Acquire(doc)
}

// Path is the lock file of a document file.
func Path(doc string) string { return doc + Ext }

var lockCount atomic.Uint64

// me is the owner this program writes.
func me() Owner {
	o := Owner{PID: os.Getpid(), Since: time.Now().Truncate(time.Second), ID: strconv.FormatInt(time.Now().UnixNano(), 36) + "-" + strconv.FormatUint(lockCount.Add(1), 36)}
	o.Host, _ = os.Hostname()
	if u, err := user.Current(); err == nil {
		o.User = u.Username
	}
	if o.User == "" {
		o.User = os.Getenv("USERNAME")
	}
	return o
}

// Acquire takes the lock of a document file. When another program (or
// window) holds it, the error is a *HeldError naming the owner; a lock
// whose owner died on this computer, or that cannot be read, is taken over.
func Acquire(doc string) (*Lock, error) {
	path := Path(doc)
	for attempt := 0; attempt < 8; attempt++ {
		o := me()
		f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
		if err == nil {
			data, _ := json.Marshal(o)
			_, werr := f.Write(data)
			cerr := f.Close()
			if werr != nil || cerr != nil {
				os.Remove(path)
				return nil, fmt.Errorf("无法写入锁定文件“%s”：%v", path, errors.Join(werr, cerr))
			}
			return &Lock{path: path, owner: o}, nil
		}
		if !errors.Is(err, os.ErrExist) {
			// a folder where no lock can be written (read-only media): the
			// document can still be opened; saving will say why it cannot
			return &Lock{}, nil
		}
		data, err := os.ReadFile(path)
		if err != nil {
			continue // gone meanwhile: try again
		}
		owner, ok := parse(data)
		if ok && !stale(owner) {
			return nil, &HeldError{Doc: doc, Owner: owner}
		}
		if !ok && young(path) && attempt < 4 {
			time.Sleep(50 * time.Millisecond) // being written this instant
			continue
		}
		takeOver(path, data)
	}
	return nil, fmt.Errorf("无法取得“%s”的锁定文件", doc)
}

// takeOver removes a dead owner's lock, unless another program took it
// over first: the lock is moved aside (only one mover succeeds) and
// compared with what was read; a live lock moved by mistake goes back.
func takeOver(path string, read []byte) {
	aside := fmt.Sprintf("%s.stale-%d-%d", path, os.Getpid(), time.Now().UnixNano())
	if os.Rename(path, aside) != nil {
		return
	}
	if moved, err := os.ReadFile(aside); err == nil && !bytes.Equal(moved, read) {
		os.Link(aside, path) // fails when yet another lock is there: that one stands
	}
	os.Remove(aside)
}

// young: written in the last two seconds.
func young(path string) bool {
	fi, err := os.Stat(path)
	return err == nil && time.Since(fi.ModTime()) < 2*time.Second
}

func parse(data []byte) (Owner, bool) {
	var o Owner
	if json.Unmarshal(data, &o) != nil || o.PID == 0 {
		return Owner{}, false
	}
	return o, true
}

// Read returns the owner written in a document's lock file.
func Read(doc string) (Owner, bool) {
	data, err := os.ReadFile(Path(doc))
	if err != nil {
		return Owner{}, false
	}
	return parse(data)
}

// stale: the owner was a program on this computer that no longer runs.
// An owner on another computer (a shared folder) is never assumed dead.
func stale(o Owner) bool {
	if h, _ := os.Hostname(); o.Host != h {
		return false
	}
	if o.PID == os.Getpid() {
		return false
	}
	return !alive(o.PID)
}

// Release removes the lock if it is still this program's.
func (l *Lock) Release() {
	if l == nil || l.path == "" {
		return
	}
	data, err := os.ReadFile(l.path)
	if err != nil {
		return
	}
	var o Owner
	if json.Unmarshal(data, &o) == nil && o.PID == l.owner.PID && o.ID == l.owner.ID && o.Host == l.owner.Host {
		os.Remove(l.path)
	}
	l.path = ""
}
