package edit

import (
	"crypto/sha256"
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"time"

	"yusuan/forms"
)

// A session remembers what its document file was like when it read or
// last wrote it, so that saving does not silently replace what another
// program (the command line, a second copy on another computer, a sync
// tool) wrote there since (decision 33). The time alone would miss a
// rewrite within the file system's time resolution, the size alone a
// change of equal length: the hash decides.

// Stamp is a document file as a session last saw it.
type Stamp struct {
	Path    string // as given to Open or Save; "" when there is none
	Size    int64
	ModTime time.Time
	Sum     [sha256.Size]byte
	Taken   time.Time // when the session read or wrote the file
	Saved   bool      // taken after a save (else at open)
}

// StampFile reads the stamp of a file as it is now.
func StampFile(path string) (Stamp, error) {
	f, err := os.Open(path)
	if err != nil {
		return Stamp{}, err
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil {
		return Stamp{}, err
	}
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return Stamp{}, err
	}
	st := Stamp{Path: path, Size: fi.Size(), ModTime: fi.ModTime(), Taken: time.Now()}
	h.Sum(st.Sum[:0])
	return st, nil
}

// Open reads a document file into a session that remembers the file's
// stamp. The stamp is taken before the file is read: a change made while
// it is read makes the next save ask, never pass unnoticed.
func Open(path string) (*Session, error) {
	st, stErr := StampFile(path)
	d, err := forms.Open(path)
	if err != nil {
		return nil, err
	}
	s := New(d)
	if stErr == nil {
		s.file = st
	}
	return s, nil
}

// FileStamp is the stamp of the document file the session last read or
// wrote (Path "" when none).
func (s *Session) FileStamp() Stamp { return s.file }

// SetFileStamp gives the session the stamp of a file another session read
// (a document recovered from its autosave replaces the one opened from
// the file, and still answers for that file).
func (s *Session) SetFileStamp(st Stamp) { s.file = st }

// stampSaved records the file just written.
func (s *Session) stampSaved(path string) {
	st, err := StampFile(path)
	if err != nil {
		s.file = Stamp{} // unknown: the next save does not ask
		return
	}
	st.Saved = true
	s.file = st
}

// Outside is a change another program made to a document file.
type Outside struct {
	Path    string
	Gone    bool      // the file was removed or moved away
	ModTime time.Time // when it was changed (zero when Gone)
	Seen    Stamp     // the file as the session last read or wrote it
}

// ChangedOnDisk reports whether the file at path is no longer what the
// session last read or wrote there: nil when it is the same, or when the
// session never read or wrote that file (nothing to compare with). An
// error says the file could not be examined.
func (s *Session) ChangedOnDisk(path string) (*Outside, error) {
	if s.file.Path == "" || !samePath(path, s.file.Path) {
		return nil, nil
	}
	fi, err := os.Stat(path)
	if errors.Is(err, fs.ErrNotExist) {
		return &Outside{Path: path, Gone: true, Seen: s.file}, nil
	}
	if err != nil {
		return nil, err
	}
	if fi.Size() == s.file.Size {
		now, err := StampFile(path)
		if err != nil {
			return nil, err
		}
		if now.Size == s.file.Size && now.Sum == s.file.Sum {
			return nil, nil // the same content, whatever its time says
		}
		fi, _ = os.Stat(path)
	}
	var mod time.Time
	if fi != nil {
		mod = fi.ModTime()
	}
	return &Outside{Path: path, ModTime: mod, Seen: s.file}, nil
}

func samePath(a, b string) bool {
	if a == b {
		return true
	}
	aa, err1 := filepath.Abs(a)
	bb, err2 := filepath.Abs(b)
	if err1 != nil || err2 != nil {
		return false
	}
	if runtime.GOOS == "windows" { // names differ in case only: one file
		return strings.EqualFold(aa, bb)
	}
	return aa == bb
}
