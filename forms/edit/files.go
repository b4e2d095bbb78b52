package edit

import (
	"os"

	"yusuan/forms"
)

// RecoveryExt ends the name of the file a document is autosaved to, beside
// it: 文件.yusuan → 文件.yusuan.autosave.
const RecoveryExt = ".autosave"

// RecoveryPath is the autosave file of a document file.
func RecoveryPath(docPath string) string { return docPath + RecoveryExt }

// Save writes the document (atomically, keeping the previous version as
// .bak), marks it saved and drops its autosave.
func (s *Session) Save(path string) error {
	if err := forms.Save(path, s.doc); err != nil {
		return err
	}
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
