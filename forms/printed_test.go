package forms

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"
)

// ownTemplate is a read document's table list: one table of a known kind
// with the columns it printed, one kept only as printed.
func ownTemplate() *Template {
	return &Template{
		ID: "read-test", Name: "读入的公开文本", Unit: "万元",
		LevelWords: map[Level]string{LevelDept: "部门", LevelUnit: "单位"},
		Tables: []*TableDef{
			{ID: "t01", Kind: KindGeneral, Title: "一般公共预算支出表", Zero: "0.00",
				Columns: []ColumnSpec{{Key: ColTotal, Label: "合计"}, {Key: ColBasic, Label: "基本支出"}, {Key: ColProject, Label: "项目支出"}}},
			{ID: "t02", Kind: KindPrinted, Title: "政府采购预算明细表", Zero: "0.00"},
		},
	}
}

// A document read from a published PDF stores its own table list and the
// tables as printed; the file opens to the same document (schema 3), and
// a plain document is still written as schema 1.
func TestOwnTemplateAndPrintedTablesRoundTrip(t *testing.T) {
	d, err := NewDocumentOn(Meta{Name: "某局", Year: 2026}, ownTemplate())
	if err != nil {
		t.Fatal(err)
	}
	d.Template.Own = true
	p := d.Table("t01").Main()
	ri, err := p.AddClassRow("2010101", "行政运行", nil)
	if err != nil {
		t.Fatal(err)
	}
	if err := p.Set(ri, p.Col(ColBasic), m("12.50")); err != nil {
		t.Fatal(err)
	}
	d.Table("t01").Printed = &Printed{Header: [][]string{{"科目编码", "科目名称", "合计", "基本支出", "项目支出"}},
		Rows: [][]string{{"", "合计", "12.50", "12.50", ""}, {"2010101", "行政运行", "12.50", "12.50", ""}}, Pages: []int{7}}
	d.Table("t02").Printed = &Printed{Header: [][]string{{"项目", "品目", "金额"}}, Rows: [][]string{{"办公设备", "A02", "3.20"}}, Pages: []int{12, 13}}
	data, err := Encode(d)
	if err != nil {
		t.Fatal(err)
	}
	var head fileHead
	json.Unmarshal(data, &head)
	if head.Schema != 3 {
		t.Errorf("schema %d, want 3", head.Schema)
	}
	back, err := Decode(data)
	if err != nil {
		t.Fatal(err)
	}
	again, _ := Encode(back)
	if !bytes.Equal(again, data) {
		t.Error("the document read back differs")
	}
	if got := back.Table("t02"); got == nil || !got.IsPrinted() || got.Printed.Rows[0][2] != "3.20" || got.Title != "政府采购预算明细表" {
		t.Errorf("printed table: %+v", got)
	}
	if v := back.Table("t01").Main().Rows[0].Cells[0].Value; v != m("12.50") {
		t.Errorf("合计 %s", v)
	}
	// a shipped-template document stays at schema 1
	plain, _ := Encode(mustSample(t))
	json.Unmarshal(plain, &head)
	if head.Schema != 1 {
		t.Errorf("the sample is written as schema %d", head.Schema)
	}
}

// A stored table list that does not hold together is refused with where.
func TestABrokenOwnTemplateIsRefused(t *testing.T) {
	d, _ := NewDocumentOn(Meta{Name: "某局", Year: 2026}, ownTemplate())
	d.Template.Own = true
	data, _ := Encode(d)
	bad := strings.Replace(string(data), `"kind":"printed"`, `"kind":"nonsense"`, 1)
	if _, err := Decode([]byte(bad)); err == nil || !strings.Contains(err.Error(), "表格清单") {
		t.Errorf("%v", err)
	}
}

// A table read from a published copy prints zeros as that copy does (深圳
// p. 24 prints 0.00; 上海 p. 8 leaves the cell blank); others as the template.
func TestPrintsZeros(t *testing.T) {
	tb := &Table{Def: &TableDef{Zero: "blank"}}
	if tb.PrintsZeros() {
		t.Error("a blank-zero template prints zeros")
	}
	tb.Def.Zero = "0.00"
	if !tb.PrintsZeros() {
		t.Error("a 0.00 template does not print zeros")
	}
	tb.Printed = &Printed{Rows: [][]string{{"2010501", "行政运行", "2,357.92", "2,357.92", "0.00"}}}
	if !tb.PrintsZeros() {
		t.Error("a copy printing 0.00")
	}
	tb.Printed = &Printed{Rows: [][]string{{"201", "08", "01", "行政运行", "114,479,860", "114,479,860", ""}}}
	if tb.PrintsZeros() {
		t.Error("a copy leaving zeros blank")
	}
}
