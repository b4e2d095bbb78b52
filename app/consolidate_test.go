package app

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"yusuan/forms"
	"yusuan/forms/check"
	"yusuan/forms/merge"
	"yusuan/forms/money"
)

// unitFiles writes three 单位 documents made from the sample.
func unitFiles(t *testing.T) []string {
	t.Helper()
	dir := t.TempDir()
	var paths []string
	for i, name := range []string{"办公室", "机要局", "信息中心"} {
		d, err := forms.Sample()
		if err != nil {
			t.Fatal(err)
		}
		d.Meta.Level, d.Meta.Code, d.Meta.Name, d.Meta.Sample = forms.LevelUnit, fmt.Sprintf("32400%d", i+1), "中共吉林市委"+name, false
		path := filepath.Join(dir, name+forms.FileExt)
		if err := forms.Save(path, d); err != nil {
			t.Fatal(err)
		}
		paths = append(paths, path)
	}
	return paths
}

// 文件 → 汇总所属单位…: the files are summed off the UI goroutine and the
// 部门's document opens unsaved; on it, a corrected unit replaces its share
// and the findings name it.
func TestConsolidateInTheWindow(t *testing.T) {
	u := newTestUI(t, "")
	paths := unitFiles(t)
	u.consolidate(paths, paths[1], nil)
	u.busy.Wait()
	d := u.s.Doc()
	if d.Merge == nil || len(d.Merge.Units) != 3 || d.Merge.Units[0].Code != "324002" || !d.Merge.Units[0].Self {
		t.Fatalf("not consolidated with 机要局 as 本级: %+v", d.Merge)
	}
	if !u.s.Dirty() || u.win.Title() != "汇总（3 个单位） * — 预算公开助手" || u.win.Canvas().Overlays().Top() == nil {
		t.Errorf("title %q, dirty %v", u.win.Title(), u.s.Dirty())
	}
	if v, _ := d.Table("general").Main().Value("2013101", forms.ColPersonnel); v != money.MustParse("1701.27") {
		t.Errorf("2013101 人员经费 %s", v)
	}
	u.win.Canvas().Overlays().Top().Hide()

	// 机要局 corrects 2013101; the document open is updated
	fixed, _ := forms.Open(paths[1])
	p := fixed.Table("general").Main()
	if err := p.Set(p.RowIndex("2013101"), p.Col(forms.ColPersonnel), money.MustParse("550.00")); err != nil {
		t.Fatal(err)
	}
	fixedPath := filepath.Join(filepath.Dir(paths[1]), "机要局更正.yusuan")
	forms.Save(fixedPath, fixed)
	u.path = filepath.Join(filepath.Dir(paths[1]), "部门.yusuan") // as if saved
	u.consolidate([]string{fixedPath}, "", u.s.Doc())
	u.busy.Wait()
	if u.path == "" || !u.s.Dirty() {
		t.Error("an update is not to be saved over the consolidation it updates")
	}
	if v, _ := u.s.Doc().Table("general").Main().Value("2013101", forms.ColPersonnel); v != money.MustParse("1684.18") {
		t.Errorf("after the correction %s", v)
	}
	named := false
	for _, f := range u.s.Result().Findings {
		if f.Severity == check.Error && slices.Equal(f.Units, []string{"324002 中共吉林市委机要局（本级）"}) {
			named = true
			u.findings.showDetail(&f)
			if !strings.Contains(u.findings.detail.Raw(), "（涉及单位：324002 中共吉林市委机要局（本级））") {
				t.Errorf("details %q", u.findings.detail.Raw())
			}
			break
		}
	}
	if !named {
		t.Error("no 错误 names 机要局")
	}

	// an unreadable file: nothing is summed, the document stays
	bad := filepath.Join(t.TempDir(), "坏的.xlsx")
	os.WriteFile(bad, []byte("not a workbook"), 0o644)
	before := u.s
	u.consolidate([]string{paths[0], bad}, "", nil)
	u.busy.Wait()
	if u.s != before || u.win.Canvas().Overlays().Top() == nil {
		t.Error("an unreadable file replaced the document")
	}
}

// The report after consolidating lists the differences and the changes.
func TestConsolidationReport(t *testing.T) {
	a, _ := forms.Sample()
	b, _ := forms.Sample()
	a.Meta.Level, a.Meta.Code = forms.LevelUnit, "324001"
	b.Meta.Level, b.Meta.Code, b.Meta.Name = forms.LevelUnit, "324002", "乙"
	b.Table("general").Main().Rows[b.Table("general").Main().RowIndex("2013101")].Name = "行政运行支出"
	res, err := merge.Consolidate([]merge.Input{{File: "a.yusuan", Doc: a}, {File: "b.yusuan", Doc: b}}, merge.Options{})
	if err != nil {
		t.Fatal(err)
	}
	lines := consolidationReport(res, []string{"“b.xlsx”：工作表“x”：读不了"})
	all := strings.Join(lines, "\n")
	if !strings.Contains(all, "【各单位之间的差异（1 处）】\n编码 2013101 的名称不一致") || !strings.Contains(all, "【导入工作簿时未能读取的内容（1 处）】") ||
		strings.Contains(all, "与原汇总文档相比") {
		t.Errorf("report:\n%s", all)
	}
	again, _ := merge.Consolidate([]merge.Input{{File: "b.yusuan", Doc: b}}, merge.Options{Previous: res.Doc})
	if all := strings.Join(consolidationReport(again, nil), "\n"); !strings.Contains(all, "【与原汇总文档相比】替换 1 个单位（324002 乙），保留 1 个单位原来的数\n数字没有变化") {
		t.Errorf("report on a previous one:\n%s", all)
	}
}
