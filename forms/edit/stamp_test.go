package edit

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
	"time"

	"yusuan/forms"
)

// savedSample writes the sample to a file of its own.
func savedSample(t *testing.T) string {
	t.Helper()
	d, err := forms.Sample()
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "本部门.yusuan")
	if err := forms.Save(path, d); err != nil {
		t.Fatal(err)
	}
	return path
}

func unchanged(t *testing.T, s *Session, path, when string) {
	t.Helper()
	out, err := s.ChangedOnDisk(path)
	if err != nil || out != nil {
		t.Fatalf("%s: changed on disk %+v, %v", when, out, err)
	}
}

func changed(t *testing.T, s *Session, path, when string) *Outside {
	t.Helper()
	out, err := s.ChangedOnDisk(path)
	if err != nil || out == nil {
		t.Fatalf("%s: the change on disk was not seen (%v)", when, err)
	}
	return out
}

// Another program writes the file: seen until the session saves it again.
func TestAChangeOnDiskIsSeenUntilTheSessionSaves(t *testing.T) {
	path := savedSample(t)
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	if st := s.FileStamp(); st.Path != path || st.Saved || st.Size == 0 {
		t.Fatalf("stamp at open %+v", st)
	}
	unchanged(t, s, path, "just opened")
	s.Enter(at(t, s, "general", "2013101", "public"), "1.00")
	unchanged(t, s, path, "edited, not saved")

	other, _ := forms.Sample()
	other.Meta.Name = "另一个程序写的单位"
	if err := forms.Save(path, other); err != nil {
		t.Fatal(err)
	}
	out := changed(t, s, path, "written by another program")
	fi, _ := os.Stat(path)
	if out.Gone || !out.ModTime.Equal(fi.ModTime()) || out.Seen.Saved {
		t.Errorf("outside change %+v", out)
	}
	// another file, or a session that never read one: nothing to compare
	unchanged(t, s, filepath.Join(t.TempDir(), "别的.yusuan"), "another path")
	unchanged(t, sample(t), path, "a session without a file")

	if err := s.Save(path); err != nil {
		t.Fatal(err)
	}
	unchanged(t, s, path, "saved by the session")
	if st := s.FileStamp(); !st.Saved {
		t.Errorf("stamp after save %+v", st)
	}
}

// Equal length, equal time: the hash tells. A new time on the same bytes
// (copied back, touched) is no change.
func TestTheHashDecides(t *testing.T) {
	path := savedSample(t)
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	data, _ := os.ReadFile(path)
	fi, _ := os.Stat(path)

	later := fi.ModTime().Add(time.Hour)
	os.Chtimes(path, later, later)
	unchanged(t, s, path, "touched")

	i := bytes.Index(data, []byte("中共吉林市委办公室"))
	if i < 0 {
		t.Fatal("the sample's unit name is not in the file")
	}
	edited := bytes.Clone(data)
	copy(edited[i:], "中共吉林市委办公厅") // same length in UTF-8
	if err := os.WriteFile(path, edited, 0o644); err != nil {
		t.Fatal(err)
	}
	os.Chtimes(path, fi.ModTime(), fi.ModTime()) // the time the session saw
	changed(t, s, path, "same size and time, other bytes")
}

func TestAFileRemovedOnDiskIsSeen(t *testing.T) {
	path := savedSample(t)
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	os.Remove(path)
	if out := changed(t, s, path, "removed"); !out.Gone {
		t.Errorf("outside change %+v", out)
	}
}

// A session made from an autosave of the file answers for the file as the
// session that opened it saw it.
func TestTheStampCarriesToAnotherSession(t *testing.T) {
	path := savedSample(t)
	opened, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	recovered := sample(t)
	recovered.SetFileStamp(opened.FileStamp())
	unchanged(t, recovered, path, "recovered")
	other, _ := forms.Sample()
	other.Meta.Code = "999"
	forms.Save(path, other)
	changed(t, recovered, path, "written by another program after the recovery")
}

func TestOpenReportsAnUnreadableFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "坏.yusuan")
	os.WriteFile(path, []byte("{不是文档"), 0o644)
	if _, err := Open(path); err == nil {
		t.Fatal("a broken file opened")
	}
}
