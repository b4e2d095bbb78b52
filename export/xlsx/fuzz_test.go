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

// FuzzSheetPart feeds bytes to our one-pass reader of sheet parts and of
// the shared strings: it must end, never panic, and keep to its budget.
func FuzzSheetPart(f *testing.F) {
	f.Add([]byte(`<row r="1"><c r="B1" t="s"><v>0</v></c><c t="inlineStr"><is><r><t>甲</t></r><rPh><t>x</t></rPh></is></c></row><mergeCell ref="A1:B1"/>`))
	f.Add([]byte(`<x:row><x:c><x:v>&#x4E2D;&amp;</x:v></x:c></x:row><!-- <row> --><row r="1048577"/>`))
	f.Add([]byte(`<si><t><![CDATA[a<b]]></t></si><si/><si><r><t>_x000D_</t></r></si>`))
	f.Add([]byte(`<c r="ZZZZZ1"><f>1</f></c><row r="-3"><c r="A"><v`))
	f.Fuzz(func(t *testing.T, data []byte) {
		sst := parseSST(data)
		budget := 1000
		p := parseSheet(data, sst, &budget)
		filled := 0
		for _, r := range p.rows {
			if len(r) > MaxCellsPerRow {
				t.Fatalf("a row of %d cells", len(r))
			}
			filled += len(r)
		}
		if filled > 1000+MaxCellsPerRow {
			t.Fatalf("%d cells past a budget of 1000", filled)
		}
	})
}
