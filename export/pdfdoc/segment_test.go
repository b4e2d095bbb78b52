package pdfdoc

import (
	"os"
	"strings"
	"testing"

	"yusuan/export/pdfin"
	"yusuan/internal/corpus"
)

func segmentCorpus(t *testing.T, folder, part string) *Segmented {
	t.Helper()
	d, err := pdfin.ReadFile(corpus.PDF(folder, part))
	if err != nil {
		t.Fatal(err)
	}
	return Segment(d)
}

func titles(s *Segmented) []string {
	var out []string
	for _, t := range s.Tables {
		out = append(out, t.Title)
	}
	return out
}

// 长春市信访局 2026: eleven tables, each with its title inside the frame
// and the 预算单位 / 单位 line under it.
func TestTablesTitledInsideTheirFrame(t *testing.T) {
	s := segmentCorpus(t, "cc-2026-xinfangju", "")
	want := []string{"收支总表（预算表 1）", "收入总表(预算表 2)", "支出总表（预算表 3）", "财政拨款收支总表(预算表 4)",
		"本年一般公共预算支出表（预算表 5）", "本年一般公共预算基本支出表(预算表 6)", "本年一般公共预算“三公”经费支出表(预算表 7)",
		"本年政府性基金预算支出表(预算表 8)", "项目支出表(预算表 9)", "国有资本经营预算支出明细表(预算表 10)",
		"长春市信访局 2026 年项目支出绩效目标表预算表（预算表 11）"}
	if got := titles(s); strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("titles\n got %q\nwant %q", got, want)
	}
	fiscal := s.Tables[3]
	if fiscal.Preamble[0] != "预算单位：长春市信访局 单位：万元" || fiscal.Pages[0] != 9 {
		t.Errorf("预算表4: %q pages %v", fiscal.Preamble, fiscal.Pages)
	}
	if last := distinct(fiscal.Rows[len(fiscal.Rows)-1]); strings.Join(last, "|") != "收 入 总 计|1682.76|0.00|支 出 总 计|1682.76|0.00" {
		t.Errorf("last row %q", last)
	}
}

// 深圳市统计局 2026 表1 收支总表 runs over pages 16 and 17, its title and
// header printed again on 17: one table, the header once, the last line
// that of page 17.
func TestATableContinuedOverPages(t *testing.T) {
	s := segmentCorpus(t, "sz-2026-tongjiju", "")
	var sum *Table
	for _, tb := range s.Tables {
		if tb.Title == "收支总表" {
			if sum != nil {
				t.Fatal("收支总表 found twice")
			}
			sum = tb
		}
	}
	if sum == nil || len(sum.Pages) != 2 || sum.Pages[0] != 16 || sum.Pages[1] != 17 {
		t.Fatalf("收支总表: %+v", sum)
	}
	headers := 0
	for _, r := range sum.Rows {
		if strings.Contains(strings.Join(r, ""), "年预算数") {
			headers++
		}
	}
	if headers != 1 {
		t.Errorf("the header row is there %d times", headers)
	}
	if last := distinct(sum.Rows[len(sum.Rows)-1]); strings.Join(last, "|") != "收入总计|5,417.80|支出总计|5,417.80" {
		t.Errorf("last row %q", last)
	}
	if sum.Preamble[0] != "部门名称：深圳市统计局（本级） 单位：万元" {
		t.Errorf("preamble %q", sum.Preamble)
	}
}

// 长沙市信访局 2026 sets parts of its sentences in ruled boxes; they are
// read back into the sentence they stand in (page 8, as printed).
func TestTextSetInBoxesReadsAsItsSentence(t *testing.T) {
	s := segmentCorpus(t, "cs-2026-xinfangju", "")
	want := "（一）机关运行经费：2026 年长沙市信访局机关运行经费122.98 万元，比上年预算增加 7.20 万元，上升 6.22%。主要是人员增加，经费较上年增加。"
	found := false
	for _, p := range s.Text {
		if p.Text == want {
			found = p.Page == 8
		}
	}
	if !found {
		t.Errorf("paragraph not found on page 8: %q", want)
	}
	for _, tb := range s.Tables {
		if !strings.HasSuffix(tb.Title, "表") && !strings.HasSuffix(tb.Title, "）") {
			t.Errorf("a sentence taken for a table: %q", tb.Title)
		}
	}
}

// A document with no text layer on a page reports the page.
func TestScannedPagesAreListed(t *testing.T) {
	data, err := os.ReadFile(corpus.PDF("cc-2026-xinfangju", ""))
	if err != nil {
		t.Fatal(err)
	}
	d, err := pdfin.Read(data)
	if err != nil {
		t.Fatal(err)
	}
	d.Pages[2].Glyphs, d.Pages[2].Image = nil, true // as a scan would be
	if s := Segment(d); len(s.Scanned) != 1 || s.Scanned[0] != 3 {
		t.Errorf("scanned %v", s.Scanned)
	}
}
