package xlsx

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"yusuan/export/tablein"
	"yusuan/forms"
)

// FuzzImportFile: whatever bytes arrive as a workbook, reading them ends in
// a document or a Chinese error, never a panic. The corpus holds real-looking
// workbooks (our export of the sample, a budget-system layout) and broken ones.
func FuzzImportFile(f *testing.F) {
	huntPanics(f)
	d, _ := forms.Sample()
	var own strings.Builder
	WriteTo(d, &own)
	f.Add([]byte(own.String()))
	seed, _ := os.ReadFile(seedLikeWorkbook(f))
	f.Add(seed)
	f.Add(seed[:len(seed)/2])
	f.Add([]byte("PK\x03\x04 not a zip"))
	dir := f.TempDir()
	f.Fuzz(func(t *testing.T, data []byte) {
		path := filepath.Join(dir, "f.xlsx")
		if err := os.WriteFile(path, data, 0o644); err != nil {
			t.Skip()
		}
		doc, rep, err := importFile(path, ImportOptions{})
		if err == nil && (doc == nil || rep == nil) {
			t.Fatal("no document and no error")
		}
		if err != nil && !strings.ContainsAny(err.Error(), "工作簿表格年度") {
			t.Fatalf("error not in Chinese: %v", err)
		}
	})
}

// FuzzImportCells puts fuzzed text into the cells of a budget-system-like
// sheet (title, unit line, header, lines), so the table readers meet every
// odd value a clerk can type.
func FuzzImportCells(f *testing.F) {
	huntPanics(f)
	f.Add("中共吉林市委办公室支出总表", "单位：万元", "科目编码", "合计", "201 31 01", "行政运行", "6,677.45", "(12.30)")
	f.Add("2022年收支预算总表", "单位: 元", "项目", "预算数", "一、财政拨款收入", "本年收入合计", "1e3", "")
	f.Add("2022年项目支出表", "", "二级项目", "合计", "合计", "", "12a", "－")
	f.Add("项目支出绩效目标表", "项目名称", "一级指标", "三级指标", "年度资金总额", "其中：财政拨款", "142.2", "<=30万元")
	dir := f.TempDir()
	f.Fuzz(func(t *testing.T, title, unit, h1, h2, c1, c2, v1, v2 string) {
		x := excelize.NewFile()
		rows := [][]any{{title}, {"", "", unit}, {h1, "名称", h2, v2}, {"**", "栏次", "1"}, {c1, c2, v1, v2}, {c2, c1, v2, v1}, {"", "合计", v1, v1}}
		for i, r := range rows {
			c, _ := excelize.CoordinatesToCellName(1, i+1)
			row := r
			if err := x.SetSheetRow("Sheet1", c, &row); err != nil {
				t.Skip()
			}
		}
		x.MergeCell("Sheet1", "A3", "A4")
		path := filepath.Join(dir, "c.xlsx")
		if err := x.SaveAs(path); err != nil {
			t.Skip()
		}
		importFile(path, ImportOptions{})
	})
}

// huntPanics lets a table reader's panic fail the test instead of being
// reported as a problem of its sheet.
func huntPanics(tb testing.TB) {
	tb.Cleanup(tablein.PanicsThroughForTest(true))
}
