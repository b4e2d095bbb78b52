// Package lock keeps two programs (or two windows) from editing one
// document file at once: the first to open it writes a lock file beside it
// naming who and since when; the second is told and may open it
// read-only. A lock left by a program that died is taken over.
package lock

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/user"
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

// Path is the lock file of a document file.
func Path(doc string) string { return doc + Ext }

// me is the owner this program writes.
func me() Owner {
	o := Owner{PID: os.Getpid(), Since: time.Now().Truncate(time.Second)}
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
	for attempt := 0; attempt < 3; attempt++ {
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
		owner, ok := Read(doc)
		if ok && !stale(owner) {
			return nil, &HeldError{Doc: doc, Owner: owner}
		}
		os.Remove(path) // dead owner or unreadable lock: take it over
	}
	return nil, fmt.Errorf("无法取得“%s”的锁定文件", doc)
}

// Read returns the owner written in a document's lock file.
func Read(doc string) (Owner, bool) {
	data, err := os.ReadFile(Path(doc))
	if err != nil {
		return Owner{}, false
	}
	var o Owner
	if json.Unmarshal(data, &o) != nil || o.PID == 0 {
		return Owner{}, false
	}
	return o, true
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
	if json.Unmarshal(data, &o) == nil && o.PID == l.owner.PID && o.Since.Equal(l.owner.Since) && o.Host == l.owner.Host {
		os.Remove(l.path)
	}
	l.path = ""
}
