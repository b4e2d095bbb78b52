package forms

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"time"

	"yusuan/forms/lock"
)

// Saving goes through fileSystem so that tests can fail, or stop dead, at
// any step and see that the file at the destination is whole: the old
// content or the new, never a mix.
type fileSystem interface {
	CreateTemp(dir, pattern string) (tempFile, error)
	Link(oldname, newname string) error
	Rename(oldpath, newpath string) error
	Remove(name string) error
}

// tempFile is the temporary file a save writes before renaming it.
type tempFile interface {
	io.Writer
	Name() string
	Chmod(os.FileMode) error
	Sync() error
	Close() error
}

type osFileSystem struct{}

func (osFileSystem) CreateTemp(dir, pattern string) (tempFile, error) {
	return os.CreateTemp(dir, pattern)
}
func (osFileSystem) Link(oldname, newname string) error   { return os.Link(oldname, newname) }
func (osFileSystem) Rename(oldpath, newpath string) error { return os.Rename(oldpath, newpath) }
func (osFileSystem) Remove(name string) error             { return os.Remove(name) }

// fsys is the file system saves use.
var fsys fileSystem = osFileSystem{}

// atomicWrite is the one way a file is replaced: write a temporary file in
// the same folder (so the rename stays on one disk), sync it, keep the old
// file as a backup when asked, then rename over path. A failure at any
// step removes the temporary files and leaves path (and its previous
// backup) as they were; a crash at any step leaves path as it was or whole
// and new, and the backup the previous one or the new one, whole, because
// each is replaced only by a rename.
type atomicWrite struct {
	path   string // the file to replace: not a link (see resolveTarget)
	mode   os.FileMode
	backup bool // keep the file being replaced as path+BackupExt
	write  func(w io.Writer) error
}

// writeStep names the step that failed, for the message.
type writeStep int

const (
	stepCreate writeStep = iota
	stepChmod
	stepWrite
	stepSync
	stepClose
	stepBackup
	stepRename
)

type writeError struct {
	step writeStep
	err  error
}

func (e *writeError) Error() string { return e.err.Error() }
func (e *writeError) Unwrap() error { return e.err }

// Temporary files are named ".<name>.tmp-<program number>-<random>" so that
// a save removes only what it wrote itself, or what a program that is gone
// left behind, never the half-written file of another program writing the
// same output at the same time.
const tmpMark = ".tmp-"

// inFlight holds the numbers of this program's temporary files being
// written now (two goroutines of one program may write the same output).
// A number is taken before its file exists, so no clean-up can see the
// file first.
var (
	inFlight sync.Map // uint64 → true
	tmpCount atomic.Uint64
)

// newTmpTag reserves the tag of a temporary file: "<program>-<number>".
func newTmpTag() (string, uint64) {
	n := tmpCount.Add(1)
	inFlight.Store(n, true)
	return strconv.Itoa(os.Getpid()) + "-" + strconv.FormatUint(n, 10), n
}

func tmpPattern(base, tag string) string { return "." + base + tmpMark + tag + "-*" }

// uniqueName is a name in dir that no other writer uses: os.Link, unlike
// CreateTemp, needs a name that does not exist yet.
func uniqueName(dir, base, tag string) string {
	return filepath.Join(dir, fmt.Sprintf(".%s%s%s-%d", base, tmpMark, tag, time.Now().UnixNano()))
}

func (a atomicWrite) run() error {
	dir, base := filepath.Split(a.path)
	if dir == "" {
		dir = "."
	}
	tag, n := newTmpTag()
	defer inFlight.Delete(n)
	tmp, err := fsys.CreateTemp(dir, tmpPattern(base, tag))
	if err != nil {
		return &writeError{stepCreate, err}
	}
	name := tmp.Name()
	fail := func(step writeStep, err error) error {
		tmp.Close()
		fsys.Remove(name)
		return &writeError{step, err}
	}
	if err := tmp.Chmod(a.mode); err != nil {
		return fail(stepChmod, err)
	}
	bw := bufio.NewWriterSize(tmp, 1<<20)
	if err := a.write(bw); err != nil {
		return fail(stepWrite, err)
	}
	if err := bw.Flush(); err != nil {
		return fail(stepWrite, err)
	}
	if err := tmp.Sync(); err != nil {
		return fail(stepSync, err)
	}
	if err := tmp.Close(); err != nil {
		fsys.Remove(name)
		return &writeError{stepClose, err}
	}
	if a.backup {
		if err := keepBackup(a.path, dir, base, tag); err != nil {
			fsys.Remove(name)
			return &writeError{stepBackup, err}
		}
	}
	if err := fsys.Rename(name, a.path); err != nil {
		fsys.Remove(name)
		return &writeError{stepRename, err}
	}
	syncDir(dir)
	removeLeftovers(dir, base)
	return nil
}

// keepBackup makes path+BackupExt the file now at path, by a rename of a
// new name for it: a hard link where the disk has them (no copy, so a full
// disk cannot cut it short), else a synced copy. Either way the previous
// backup is replaced whole or not at all, and a backup that is a link is
// replaced, not followed.
func keepBackup(path, dir, base, tag string) error {
	bak := path + BackupExt
	tmp := uniqueName(dir, base+BackupExt, tag)
	if err := fsys.Link(path, tmp); err != nil {
		switch {
		case os.IsNotExist(err):
			return nil // nothing to keep: the file went away meanwhile
		case errors.Is(err, syscall.ENOSPC), errors.Is(err, syscall.EROFS), errors.Is(err, syscall.EACCES):
			return err // a copy would fail the same way
		}
		// FAT and exFAT (USB sticks), some network shares: no hard links
		if tmp, err = copyForBackup(path, dir, base, tag); err != nil {
			return err
		}
	}
	err := fsys.Rename(tmp, bak)
	// POSIX leaves both names when they are links of one file (the backup
	// already is the file, after a crash before the last save's rename)
	fsys.Remove(tmp)
	return err
}

func copyForBackup(path, dir, base, tag string) (string, error) {
	src, err := os.Open(path)
	if err != nil {
		return "", err
	}
	defer src.Close()
	t, err := fsys.CreateTemp(dir, tmpPattern(base+BackupExt, tag))
	if err != nil {
		return "", err
	}
	name := t.Name()
	if _, err = io.Copy(t, src); err == nil {
		err = t.Sync()
	}
	if cerr := t.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		fsys.Remove(name)
		return "", err
	}
	return name, nil
}

// removeLeftovers removes the temporary files of this output that a crash
// left behind: this program's own that no save is writing now, and those
// of a program on this computer that no longer runs. A file of a running
// program (another export of the same output) is left alone; a day-old
// one is a leftover whoever wrote it (a program number reused since).
func removeLeftovers(dir, base string) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return
	}
	for _, e := range entries {
		rest, ok := strings.CutPrefix(e.Name(), "."+base)
		if !ok {
			continue
		}
		rest = strings.TrimPrefix(rest, BackupExt)
		tag, ok := strings.CutPrefix(rest, tmpMark)
		if !ok {
			continue
		}
		full := filepath.Join(dir, e.Name())
		pidText, rest, _ := strings.Cut(tag, "-")
		numText, _, _ := strings.Cut(rest, "-")
		pid, err := strconv.Atoi(pidText)
		if pid == os.Getpid() {
			if n, err := strconv.ParseUint(numText, 10, 64); err == nil {
				if _, busy := inFlight.Load(n); busy {
					continue
				}
			}
		}
		old := false
		if fi, err := e.Info(); err == nil {
			old = time.Since(fi.ModTime()) > 24*time.Hour
		}
		if err != nil || pid == os.Getpid() || !lock.Running(pid) || old {
			fsys.Remove(full)
		}
	}
}
