package app

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"yusuan/forms"
)

// exportAs runs 导出 as the clerk does: the menu command, past the
// question about 错误 if asked, a file name typed, 保存.
func exportAs(t *testing.T, u *mainUI, kind exportKind, name string) {
	t.Helper()
	u.askExport(kind)
	if strings.Contains(overlayText(u.win), "仍要导出") {
		tapButton(t, u.win, "仍然导出")
	}
	typeInDialog(t, u.win, name)
	tapButton(t, u.win, "保存")
	u.busy.Wait()
}

// untouched fails unless the file still holds want.
func untouched(t *testing.T, path string, want []byte, what string) {
	t.Helper()
	if now, err := os.ReadFile(path); err != nil || !bytes.Equal(now, want) {
		t.Fatalf("%s: %s was changed (%v)", what, filepath.Base(path), err)
	}
}

// refused checks that the window said why, in the words wanted, and asks
// for another name once the message is closed.
func refused(t *testing.T, u *mainUI, what string, words ...string) {
	t.Helper()
	said := overlayText(u.win)
	for _, w := range words {
		if !strings.Contains(said, w) {
			t.Fatalf("%s: the window said %q, without %q", what, said, w)
		}
	}
	tapButton(t, u.win, "确定")
	if !strings.Contains(overlayText(u.win), "保存到文件夹") {
		t.Fatalf("%s: no second chance to name the file: %q", what, overlayText(u.win))
	}
	tapButton(t, u.win, "取消")
	if said := overlayText(u.win); said != "" {
		t.Fatalf("%s: still shown: %q", what, said)
	}
}

// The window's exports obey decisions 32 and 44 as the command line's do:
// the document's own file, another document and a file that is no previous
// export are refused before anything is written; a previous export of the
// same format is replaced.
func TestExportRefusesWhatItMayNotReplace(t *testing.T) {
	path := savedSample(t)
	dir := filepath.Dir(path)
	own, _ := os.ReadFile(path)
	other := filepath.Join(dir, "另一个.yusuan")
	d, _ := forms.Sample()
	if err := forms.Save(other, d); err != nil {
		t.Fatal(err)
	}
	theirs, _ := os.ReadFile(other)
	memo := filepath.Join(dir, "x.pdf")
	note := []byte("给领导的备忘：这不是 PDF。\n")
	os.WriteFile(memo, note, 0o644)
	u := newTestUI(t, path)
	u.app.Preferences().SetString(prefFolder, dir)

	exportAs(t, u, exportPDF, "本部门.yusuan")
	untouched(t, path, own, "PDF over the document's own file")
	refused(t, u, "PDF over the document's own file", "本部门.yusuan", "未导出")

	exportAs(t, u, exportXLSX, "另一个.yusuan")
	untouched(t, other, theirs, "workbook over another document")
	refused(t, u, "workbook over another document", "另一个.yusuan", "未导出")

	exportAs(t, u, exportPDF, "x")
	untouched(t, memo, note, "PDF over a text file named x.pdf")
	refused(t, u, "PDF over a text file named x.pdf", "不是PDF 文件", "未导出")

	// the check is made again just before writing
	u.export(exportPDF, other, "PDF")
	u.busy.Wait()
	untouched(t, other, theirs, "export called with a document's path")
	if !strings.Contains(overlayText(u.win), "未导出") {
		t.Fatalf("the refusal before writing was not shown: %q", overlayText(u.win))
	}
	tapButton(t, u.win, "确定")

	// nor was a name made up from the one typed
	for _, made := range []string{"本部门.yusuan.pdf", "另一个.yusuan.xlsx", "x.pdf.pdf"} {
		if _, err := os.Stat(filepath.Join(dir, made)); err == nil {
			t.Errorf("%s was written", made)
		}
	}

	// a previous export of the same format is replaced
	for _, c := range []struct {
		kind exportKind
		file string
	}{{exportXLSX, "报送.xlsx"}, {exportPDF, "公开.pdf"}} {
		exportAs(t, u, c.kind, c.file)
		out := filepath.Join(dir, c.file)
		first, err := os.Stat(out)
		if err != nil {
			t.Fatalf("%s was not exported: %v (%q)", c.file, err, overlayText(u.win))
		}
		tapButton(t, u.win, "确定") // 导出完成
		os.Chtimes(out, time0, time0)
		exportAs(t, u, c.kind, c.file)
		tapButton(t, u.win, "替换")
		u.busy.Wait()
		if fi, err := os.Stat(out); err != nil || fi.ModTime().Equal(time0) || os.SameFile(fi, first) {
			t.Fatalf("%s was not replaced: %v (%q)", c.file, err, overlayText(u.win))
		}
		if !strings.Contains(overlayText(u.win), "已导出") {
			t.Errorf("%s: %q", c.file, overlayText(u.win))
		}
		tapButton(t, u.win, "确定")
	}
}

// A document whose own file is named like an export (any name is allowed
// for a document) is not replaced by that export; nor is the workbook a
// document was imported from.
func TestExportDoesNotReplaceItsInputs(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "公开.pdf")
	d, _ := forms.Sample()
	if err := forms.Save(path, d); err != nil {
		t.Fatal(err)
	}
	own, _ := os.ReadFile(path)
	u := newTestUI(t, path)
	if u.path != path {
		t.Fatalf("the document did not open: %q", overlayText(u.win))
	}
	u.app.Preferences().SetString(prefFolder, dir)
	exportAs(t, u, exportPDF, "公开")
	untouched(t, path, own, "PDF over the document's own file")
	refused(t, u, "PDF over the document's own file", "就是输入文件")

	wb := filepath.Join(dir, "报送.xlsx")
	exportAs(t, u, exportXLSX, "报送")
	tapButton(t, u.win, "确定")
	book, _ := os.ReadFile(wb)
	v := newTestUI(t, wb)
	if v.imported != wb {
		t.Fatalf("the workbook was not imported: %q", v.win.Title())
	}
	tapButton(t, v.win, "关闭") // what the import read
	v.app.Preferences().SetString(prefFolder, dir)
	exportAs(t, v, exportXLSX, "报送")
	untouched(t, wb, book, "workbook over the workbook it was imported from")
	refused(t, v, "workbook over the workbook it was imported from", "就是输入文件")
}
