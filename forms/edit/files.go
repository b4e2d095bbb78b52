package edit

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"time"

	"yusuan/forms"
	"yusuan/forms/lock"
)

// RecoveryExt ends the name of the file a document is autosaved to, beside
// it: 文件.yusuan → 文件.yusuan.autosave.
const RecoveryExt = ".autosave"

// RecoveryPath is the autosave file of a document file.
func RecoveryPath(docPath string) string { return docPath + RecoveryExt }

// Save writes the document (atomically, keeping the previous version as
// .bak), marks it saved, remembers the file's stamp and drops its
// autosave. It does not look for changes made on disk: ask ChangedOnDisk
// first.
func (s *Session) Save(path string) error {
	if err := forms.Save(path, s.doc); err != nil {
		return err
	}
	s.stampSaved(path)
	s.MarkSaved()
	s.autoID = s.top()
	os.Remove(RecoveryPath(path))
	return nil
}

// Autosave writes the document to a recovery file when it changed since
// the last save or autosave; it reports whether it wrote. The document
// file itself is never touched.
func (s *Session) Autosave(recoveryPath string) (bool, error) {
	if s.top() == s.autoID || !s.Dirty() {
		return false, nil
	}
	if err := forms.Save(recoveryPath, s.doc); err != nil {
		return false, err
	}
	os.Remove(recoveryPath + forms.BackupExt) // an autosave keeps no previous version
	s.autoID = s.top()
	return true, nil
}

// Recovery finds an autosave of a document file that is newer than the
// document: work the clerk did not save (a crash, a power cut).
func Recovery(docPath string) (string, bool) {
	rec := RecoveryPath(docPath)
	ri, err := os.Stat(rec)
	if err != nil {
		return "", false
	}
	di, err := os.Stat(docPath)
	// not older: file times may be as coarse as a few milliseconds
	if err != nil || !ri.ModTime().Before(di.ModTime()) {
		return rec, true
	}
	return "", false
}

// DropRecovery removes a document's autosave (the clerk declined it, or
// the document was saved).
func DropRecovery(docPath string) { os.Remove(RecoveryPath(docPath)) }

// Work with no file of its own to autosave beside (a document never saved,
// or one opened read-only, whose file's autosave is the other program's)
// goes to a folder of the program's, named after the document and the
// program's number: two programs keep apart, and the next start can tell
// the work a program that is gone left behind.

// untitled names, in such a folder, a document never saved to a file.
const untitled = "未命名"

// ProgramRecoveryPath is where this program autosaves such work in dir;
// docPath is the document's file, "" for one never saved.
func ProgramRecoveryPath(dir, docPath string) string {
	stem := untitled
	if docPath != "" {
		stem = strings.TrimSuffix(filepath.Base(docPath), forms.FileExt)
	}
	return filepath.Join(dir, fmt.Sprintf("%s-%d%s%s", stem, os.Getpid(), forms.FileExt, RecoveryExt))
}

// LeftWork is an autosave in a program's folder whose program is gone.
type LeftWork struct {
	Path  string
	Doc   string // the document's file name; "" for one never saved
	Saved time.Time
}

// LeftBehind lists the autosaves in dir whose programs no longer run,
// newest first. crashedPID is a program that crashed and may still be
// exiting: its work counts as left behind (0: none).
func LeftBehind(dir string, crashedPID int) []LeftWork {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil
	}
	var out []LeftWork
	for _, e := range entries {
		stem, ok := strings.CutSuffix(e.Name(), forms.FileExt+RecoveryExt)
		if !ok {
			continue
		}
		if k := strings.LastIndex(stem, "-"); k >= 0 {
			n, err := strconv.Atoi(stem[k+1:])
			if err == nil && n > 0 && n != crashedPID && (n == os.Getpid() || lock.Running(n)) {
				continue // a program at work on it
			}
			if err == nil {
				stem = stem[:k]
			}
		}
		fi, err := e.Info()
		if err != nil {
			continue
		}
		w := LeftWork{Path: filepath.Join(dir, e.Name()), Saved: fi.ModTime()}
		if stem != untitled {
			w.Doc = stem + forms.FileExt
		}
		out = append(out, w)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Saved.After(out[j].Saved) })
	return out
}
