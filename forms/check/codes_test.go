package check

import (
	"fmt"
	"strings"
	"testing"

	"yusuan/forms"
)

// printedAs is a document of the year whose table prints one code under
// the given name.
func printedAs(t *testing.T, year int, table, code, name string, economic bool) *forms.Document {
	t.Helper()
	col := "total"
	if economic {
		col = "public"
	}
	d := publishedDoc(t, year, "", cell{table: table, row: code, col: col, value: "23.37", economical: economic})
	r := d.Table(table).Main().Row(code)
	if r == nil {
		t.Fatalf("no row %s", code)
	}
	r.Name = name
	return d
}

// cc-2026-xinfangju p11: the 基本支出表 prints 30208 物业管理费; 30208 is
// 取暖费 in every 2026 list that prints it (国家信访局 p12, 烟台 …).
func TestEconomicCodeWithItsNeighboursName(t *testing.T) {
	expectOne(t, "取暖费", Document(printedAs(t, 2026, "basic", "30208", "取暖费", true)), "X-13", "30208", noFinding, "")
	r := Document(printedAs(t, 2026, "basic", "30208", "物业管理费", true))
	expectOne(t, "物业管理费", r, "X-13", "30208", Error, "科目 30208 印作“物业管理费”，2026 年科目名称为“取暖费”")
}

// A 类 name of an earlier year in a later document (the seed's
// 医疗卫生与计划生育支出, 2022): an 错误 naming the year the name held.
func TestClassNameOfAnEarlierYear(t *testing.T) {
	r := Document(printedAs(t, 2022, "general", "210", "医疗卫生与计划生育支出", false))
	expectOne(t, "210 in 2022", r, "X-13", "科目 210", Error, "2022 年科目名称为“卫生健康支出”（“医疗卫生与计划生育支出”是 2017 年及以前的名称）")
	expectOne(t, "210 in 2017", Document(printedAs(t, 2017, "general", "210", "医疗卫生与计划生育支出", false)), "X-13", "科目 210", noFinding, "")
}

// A name differing from an entry no source backs for the year (卫生健康支出
// holds from 2018, its sources are of 2019–2026) is a 警告, not an 错误.
func TestNameAgainstAnUnsourcedEntry(t *testing.T) {
	r := Document(printedAs(t, 2018, "general", "210", "卫生支出", false))
	expectOne(t, "210 in 2018", r, "X-13", "科目 210", Warning, "2018 年科目名称为“卫生健康支出”")
	r = Document(printedAs(t, 2019, "general", "210", "卫生支出", false))
	expectOne(t, "210 in 2019", r, "X-13", "科目 210", Error, "2019 年科目名称为“卫生健康支出”")
}

// A code the list does not know: a 提示 naming the nearest known code,
// a sibling under the same 款 (20140 信访事务 has 2014001…2014099).
func TestUnknownCodeNamesTheNearest(t *testing.T) {
	d := publishedDoc(t, 2026, "", cell{table: "general", row: "2014004", col: "total", value: "10.00"})
	r := Document(d)
	expectOne(t, "2014004 known", r, "X-13", "2014004", noFinding, "")
	p := d.Table("general").Main()
	p.Row("2014004").Code = "2014006"
	r = Document(d)
	fs := about(r, "X-13", "2014006")
	if len(fs) != 1 || fs[0].Severity != Hint || !strings.Contains(fs[0].Message, "最接近的已知科目是 2014004 信访业务") {
		t.Errorf("2014006: %s", messages(fs))
	}
}

// suz-2026-shenjiju p20 prints under its 国有资本经营预算支出表 “注：本部门无
// 国有资本经营预算支出，故本表无数据。”; under the 政府性基金 table the same
// note speaks of another fund's table.
func TestEmptyTableNoteOfAnotherTable(t *testing.T) {
	const note = "注：本部门无国有资本经营预算支出，故本表无数据。"
	d := publishedDoc(t, 2026, "")
	d.Table("fund").Note = strings.Replace(note, "国有资本经营", "政府性基金", 1)
	expectOne(t, "its own fund", Document(d), "X-14", "政府性基金预算支出表", noFinding, "")
	d.Table("fund").Note = note
	fs := findingsOf(Document(d), "X-14")
	if len(fs) != 1 || fs[0].Severity != Error || !strings.Contains(fs[0].Message, "没有提到政府性基金") {
		t.Errorf("the 国有资本经营 note under the 政府性基金 table: %s", messages(fs))
	}
}

// Many codes the list does not know in one table: one hint lists them.
func TestManyUnknownCodesOneHint(t *testing.T) {
	d := publishedDoc(t, 2026, "",
		cell{table: "general", row: "2014001", col: "total", value: "1.00"}, cell{table: "general", row: "2014002", col: "total", value: "1.00"},
		cell{table: "general", row: "2014003", col: "total", value: "1.00"}, cell{table: "general", row: "2014004", col: "total", value: "1.00"})
	p := d.Table("general").Main()
	for i, code := range []string{"2014001", "2014002", "2014003", "2014004"} {
		p.Row(code).Code = fmt.Sprintf("201400%d", i+5)
	}
	fs := findingsOf(Document(d), "X-13")
	if len(fs) != 1 || fs[0].Severity != Hint || !strings.Contains(fs[0].Message, "有 4 个科目不在本程序的 2026 年科目表中（2014005、2014006、2014007、2014008）") || len(fs[0].Cells) != 4 {
		t.Errorf("four unknown codes: %s", messages(fs))
	}
}
