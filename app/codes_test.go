package app

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"yusuan/app/uitest"
	"yusuan/forms"
	"yusuan/forms/generate"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"yusuan/forms/classify"
)

// 文件 → 导入科目表… reads a CSV list into the document: the code is named,
// a bad row is reported by its line, and undo takes the import back.
func TestImportCodeList(t *testing.T) {
	u := newTestUI(t, "")
	csv := filepath.Join(t.TempDir(), "科目表.csv")
	if err := os.WriteFile(csv, []byte("编码,名称\n2014006,信访专项事务\n20x4007,坏编码\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	year := u.s.Doc().Meta.Year
	u.importCodes(csv)
	if n, _ := u.s.Doc().Catalog().Name(classify.Functional, "2014006", year); n != "信访专项事务" {
		t.Errorf("2014006 after the import: %q", n)
	}
	msg := overlayText(u.win)
	if !strings.Contains(msg, "新增 1 个") || !strings.Contains(msg, "第 3 行") {
		t.Errorf("the import says: %s", msg)
	}
	u.win.Canvas().Overlays().Top().Hide()
	u.undo()
	if _, ok := u.s.Doc().Catalog().Name(classify.Functional, "2014006", year); ok {
		t.Error("undo left the imported code")
	}
	// a file that is not a list: a message, nothing changed
	u.importCodes(filepath.Join(t.TempDir(), "没有这个文件.csv"))
	if msg := overlayText(u.win); !strings.Contains(msg, "无法读取") {
		t.Errorf("a missing file: %s", msg)
	}
}

// The window opens at 1200×680 and then at the size it was left at.
func TestWindowSizeRemembered(t *testing.T) {
	u := newTestUI(t, "")
	if got := u.rememberedSize(); got.Width != defaultWidth || got.Height != defaultHeight {
		t.Errorf("first run: %v", got)
	}
	u.win.Resize(fyne.NewSize(1000, 650))
	u.rememberSize()
	if got := u.rememberedSize(); got.Width != 1000 || got.Height != 650 {
		t.Errorf("after a resize: %v", got)
	}
	u.app.Preferences().SetFloat(prefWidth, 5) // a broken preference
	if got := u.rememberedSize(); got.Width != defaultWidth {
		t.Errorf("a broken preference: %v", got)
	}
}

// The export's message offers the file and its folder.
func TestExportDoneOpensTheFolder(t *testing.T) {
	u := newTestUI(t, "")
	out := filepath.Join(t.TempDir(), "报送.xlsx")
	u.export(exportXLSX, out, "Excel 工作簿")
	u.busy.Wait()
	if !strings.Contains(overlayText(u.win), "已导出工作簿") {
		t.Fatalf("after the export: %q", overlayText(u.win))
	}
	var opened string
	system := openInSystem
	openInSystem = func(path string) error { opened = path; return nil }
	t.Cleanup(func() { openInSystem = system })
	// Enter presses 确定, which has the focus
	if b, ok := u.win.Canvas().Focused().(*defaultButton); !ok || b.Text != "确定" {
		t.Errorf("the focus is on %T", u.win.Canvas().Focused())
	}
	tapButton(t, u.win, "打开所在文件夹")
	if opened != filepath.Dir(out) {
		t.Errorf("opened %q", opened)
	}
	if top := u.win.Canvas().Overlays().Top(); top != nil && top.Visible() {
		t.Error("the dialog stays after opening the folder")
	}
}

// Enter in the file-name box confirms, as in any save dialog.
func TestEnterConfirmsTheFileName(t *testing.T) {
	dir := t.TempDir()
	u := newTestUI(t, "")
	u.app.Preferences().SetString(prefFolder, dir)
	u.saveAs(nil)
	tapButton(t, u.win, "保留标记")
	for _, o := range u.win.Canvas().Overlays().List() {
		for _, x := range test.LaidOutObjects(o) {
			if e, ok := uitest.Entry(x); ok {
				e.SetText("按回车")
				e.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
			}
		}
	}
	u.busy.Wait()
	if _, err := os.Stat(filepath.Join(dir, "按回车.yusuan")); err != nil {
		t.Errorf("Enter did not save: %v (%q)", err, overlayText(u.win))
	}
}

// The find line's 在其他表中找 goes to the next table holding the text.
func TestFindInOtherTables(t *testing.T) {
	u := newTestUI(t, "")
	u.selectNode(tableNode("general"))
	u.findInOtherTables("公务接待费") // 30217 in the 基本支出表, the next table
	if got := tableOfNode(u.current); got != "basic" {
		t.Errorf("公务接待费 found in %q", got)
	}
	u.findInOtherTables("没有这个名称")
	if got := tableOfNode(u.current); got != "basic" {
		t.Errorf("a text nowhere moved to %q", got)
	}
}

// Enter closes the export's message, as a message box's 确定.
func TestEnterClosesTheExportMessage(t *testing.T) {
	u := newTestUI(t, "")
	u.exported("已导出工作簿：x.xlsx", filepath.Join(t.TempDir(), "x.xlsx"))
	f, ok := u.win.Canvas().Focused().(*defaultButton)
	if !ok {
		t.Fatalf("the focus is on %T", u.win.Canvas().Focused())
	}
	f.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if top := u.win.Canvas().Overlays().Top(); top != nil && top.Visible() {
		t.Error("Enter left the message open")
	}
}

// 去掉标记 then 取消: the sample keeps its mark. Saved without it, Ctrl+Z
// brings the mark and the banner back.
func TestSampleMarkGoesWithTheSave(t *testing.T) {
	dir := t.TempDir()
	u := newTestUI(t, "")
	u.app.Preferences().SetString(prefFolder, dir)
	u.saveAs(nil)
	tapButton(t, u.win, "去掉标记")
	tapButton(t, u.win, "取消")
	if !u.s.Doc().Meta.Sample || !u.banner.Visible() {
		t.Fatal("a cancelled save dropped the mark")
	}
	u.saveAs(nil)
	tapButton(t, u.win, "去掉标记")
	typeInDialog(t, u.win, "我的预算")
	tapButton(t, u.win, "保存")
	if u.s.Doc().Meta.Sample || u.banner.Visible() {
		t.Fatal("saved without the mark, yet it stays")
	}
	u.undo()
	if !u.s.Doc().Meta.Sample || !u.banner.Visible() {
		t.Error("Ctrl+Z did not bring the mark and its banner back")
	}
}

// Exporting with 【请填写】 left asks first, saying how many and what for.
func TestExportAsksAboutGaps(t *testing.T) {
	d, err := generate.Document(generate.Size{Units: 1, Lines: 10, Projects: 3, L1: 1}, 1)
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "生成.yusuan")
	if err := forms.Save(path, d); err != nil {
		t.Fatal(err)
	}
	u := newTestUI(t, path)
	u.askExport(exportPDF)
	if said := overlayText(u.win); !strings.Contains(said, "处待补充") || !strings.Contains(said, "仍要导出吗") {
		t.Fatalf("no question about the gaps: %q", said)
	}
	tapButton(t, u.win, "取消")
}

// A name that cannot be a file name, or one that exists and is not to be
// replaced, brings the clerk back to the name, not out of the save.
func TestSaveComesBackToTheName(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "已有.yusuan"), []byte("x"), 0o644)
	u := newTestUI(t, "")
	u.app.Preferences().SetString(prefFolder, dir)
	u.saveAs(nil)
	tapButton(t, u.win, "保留标记")
	nameIs := func(text string) {
		t.Helper()
		for _, o := range u.win.Canvas().Overlays().List() {
			for _, x := range test.LaidOutObjects(o) {
				if e, ok := uitest.Entry(x); ok && o.Visible() {
					e.SetText(text)
					e.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
					return
				}
			}
		}
		t.Fatalf("no file-name box shown (%q)", overlayText(u.win))
	}
	nameIs("a/b")
	if !strings.Contains(overlayText(u.win), "文件名中不能有") {
		t.Fatalf("no word on the bad name: %q", overlayText(u.win))
	}
	tapButton(t, u.win, "确定")
	nameIs("已有")
	if !strings.Contains(overlayText(u.win), "已经存在") {
		t.Fatalf("no question on the existing file: %q", overlayText(u.win))
	}
	tapButton(t, u.win, "取消")
	nameIs("新的")
	u.busy.Wait()
	if _, err := os.Stat(filepath.Join(dir, "新的.yusuan")); err != nil {
		t.Errorf("the third name did not save: %v", err)
	}
	if data, _ := os.ReadFile(filepath.Join(dir, "已有.yusuan")); string(data) != "x" {
		t.Error("the existing file was replaced")
	}
}
