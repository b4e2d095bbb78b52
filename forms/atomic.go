package forms

import (
	"bufio"
	"io"
	"os"
	"path/filepath"
	"strings"
)

// Saving goes through fileSystem so that tests can fail, or stop dead, at
// any step and see that the file at the destination is whole: the old
// content or the new, never a mix.
type fileSystem interface {
	CreateTemp(dir, pattern string) (tempFile, error)
	WriteFile(name string, data []byte, perm os.FileMode) error
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
func (osFileSystem) WriteFile(name string, data []byte, perm os.FileMode) error {
	return os.WriteFile(name, data, perm)
}
func (osFileSystem) Rename(oldpath, newpath string) error { return os.Rename(oldpath, newpath) }
func (osFileSystem) Remove(name string) error             { return os.Remove(name) }

// fsys is the file system saves use.
var fsys fileSystem = osFileSystem{}

// atomicWrite is the one way a file is replaced: write a temporary file in
// the same folder (so the rename stays on one disk), sync it, keep the old
// content as a backup when asked, then rename over path. A failure at any
// step removes the temporary file and leaves path as it was; a crash at any
// step leaves path as it was or whole and new, because the rename is the
// only step that touches it.
type atomicWrite struct {
	path   string
	mode   os.FileMode
	backup []byte // the old content to keep as path+BackupExt; nil: none
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

func (a atomicWrite) run() error {
	dir, base := filepath.Split(a.path)
	if dir == "" {
		dir = "."
	}
	tmp, err := fsys.CreateTemp(dir, "."+base+".tmp-*")
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
	if a.backup != nil {
		if err := fsys.WriteFile(a.path+BackupExt, a.backup, 0o644); err != nil {
			fsys.Remove(name)
			return &writeError{stepBackup, err}
		}
	}
	if err := fsys.Rename(name, a.path); err != nil {
		fsys.Remove(name)
		return &writeError{stepRename, err}
	}
	syncDir(dir)
	// temporary files a crash left behind (another program's save of the
	// same file is kept out by the lock file)
	if entries, err := os.ReadDir(dir); err == nil {
		for _, e := range entries {
			if strings.HasPrefix(e.Name(), "."+base+".tmp-") {
				fsys.Remove(filepath.Join(dir, e.Name()))
			}
		}
	}
	return nil
}
