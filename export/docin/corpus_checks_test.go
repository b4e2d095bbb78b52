package docin

import (
	"strings"
	"testing"

	"yusuan/forms"
	"yusuan/forms/check"
	"yusuan/forms/money"
	"yusuan/internal/corpus"
)

// The checks on layouts real documents print, each passing on the
// published document and failing once one of its figures is changed.

func readCorpus(t *testing.T, folder string) *forms.Document {
	t.Helper()
	d, _, err := Read(corpus.PDF(folder, ""), Options{})
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func errorsOf(d *forms.Document, rule string) []string {
	var out []string
	for _, f := range check.Document(d).Findings {
		if f.Rule == rule && f.Severity == check.Error {
			out = append(out, f.Message)
		}
	}
	return out
}

func setValue(t *testing.T, p *forms.Pane, row, col, v string) {
	t.Helper()
	ri, ci := p.RowIndex(row), p.Col(col)
	if ri < 0 || ci < 0 {
		t.Fatalf("no %s/%s", row, col)
	}
	if err := p.Give(ri, ci, money.MustParse(v)); err != nil {
		t.Fatal(err)
	}
}

// 重庆's 部门收支总体情况表 (p6) prints each fund's whole money, carried
// over included, and no 上年结转 line: 一般公共预算资金 12,672.73 is the
// 财政拨款收支总体情况表's (p11) 本年 12,572.73 and 上年结转 100.00.
func TestX3FundLinesWithTheirCarryOver(t *testing.T) {
	d := readCorpus(t, "cq-2026-qixiangju")
	if es := errorsOf(d, "X-3"); len(es) != 0 {
		t.Fatalf("X-3 on the published document: %q", es)
	}
	setValue(t, d.First(forms.KindFiscal).Pane(forms.SideIn), "in.carry_general", "amount", "90.00")
	es := errorsOf(d, "X-3")
	if len(es) != 1 || !strings.Contains(es[0], "12672.73 ≠ 财政拨款收支总表“一般公共预算拨款”＋“上年结转一般公共预算拨款” 12662.73") {
		t.Errorf("X-3 with 上年结转 90.00: %q", es)
	}
}

// 国家信访局's 一般公共预算支出表 (p10) prints 年初预算数 only (16,474.82, this
// year's appropriation); its 财政拨款收支总表 (p9) spends 2,254.12 carried
// over as well. Each 类 is then at most the 财政拨款收支总表's.
func TestX4GeneralTableOfThisYearsAppropriation(t *testing.T) {
	d := readCorpus(t, "central-2026-guojiaxinfangju")
	if es := errorsOf(d, "X-4"); len(es) != 0 {
		t.Fatalf("X-4 on the published document: %q", es)
	}
	setValue(t, d.First(forms.KindFiscal).Pane(forms.SideOut), "201", "amount", "13000.00")
	es := errorsOf(d, "X-4")
	if len(es) != 1 || !strings.Contains(es[0], "类 201") || !strings.Contains(es[0], "超过") {
		t.Errorf("X-4 with 201 at 13,000.00 in the 财政拨款收支总表: %q", es)
	}
}

// 重庆's 一般公共预算基本支出情况表 details 30102 and 30103 locally with
// 7-digit codes (3010201 规范性津补贴 …) under their 款; a 7-digit code
// under no 款 of its own is still a slip.
func TestH2LocalEconomicDetail(t *testing.T) {
	d := readCorpus(t, "cq-2026-qixiangju")
	if es := errorsOf(d, "H-2"); len(es) != 0 {
		t.Fatalf("H-2 on the published document: %q", es)
	}
	p := d.First(forms.KindBasic).Main()
	ri := p.RowIndex("3010303")
	if ri < 0 {
		t.Fatal("no 3010303 年终一次性奖金 read")
	}
	p.Rows[ri].Code = "3010903"
	es := errorsOf(d, "H-2")
	if len(es) == 0 || !strings.Contains(strings.Join(es, "\n"), "3010903") {
		t.Errorf("H-2 with 3010903 under 30103: %q", es)
	}
}
