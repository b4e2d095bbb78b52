package pdfdoc

import (
	"fmt"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"

	"yusuan/export/pdfin"
	"yusuan/export/tablein"
	"yusuan/forms"
)

// Report says what was read from the PDF: per table its pages, lines,
// columns and unit (tablein's report), and every place that could not be
// read.
type Report = tablein.Report

// ReadFile reads a published disclosure PDF into a document.
func ReadFile(path string) (*forms.Document, *Report, error) {
	d, err := pdfin.ReadFile(path)
	if err != nil {
		return nil, nil, err
	}
	doc, rep, err := Read(d)
	if err != nil {
		return nil, rep, fmt.Errorf("PDF“%s”：%w", path, err)
	}
	return doc, rep, nil
}

// Read makes a document of a read PDF: its tables through tablein, its
// text as the 情况说明 (and 部门概况, 名词解释 where their headings are found).
func Read(d *pdfin.Document) (*forms.Document, *Report, error) {
	seg := Segment(d)
	rep := &Report{}
	for _, p := range seg.Scanned {
		rep.Problems = append(rep.Problems, tablein.Problem{Where: fmt.Sprintf("第%d页", p), Message: fmt.Sprintf("第%d页是扫描图像，没有文字层，无法读取", p)})
	}
	var tables []*tablein.Published
	for _, t := range seg.Tables {
		tables = append(tables, &tablein.Published{Sheet: sheetOf(t), Pages: t.Pages})
	}
	if len(tables) == 0 && len(seg.Text) == 0 {
		return nil, rep, fmt.Errorf("没有读到任何文字（%d 页）", seg.Pages)
	}
	var doc *forms.Document
	var err error
	if len(tables) == 0 {
		// a 情况说明 published apart (北京's 附件1): its text, no tables
		doc, err = textOnly(seg.Text, d.Path)
	} else {
		doc, err = tablein.ReadPublished(tables, yearOf(seg.Text, d.Path), rep)
	}
	if err != nil {
		return nil, rep, err
	}
	applyText(doc, seg.Text)
	if doc.Meta.Level == forms.LevelDept && unitBudget(seg.Text, d.Path) {
		doc.Meta.Level = forms.LevelUnit
	}
	if doc.Meta.Name == tablein.UnnamedUnit {
		if name := nameOf(seg.Text); name != "" {
			doc.Meta.Name = name
		} else if name := nameIn(filepath.Base(d.Path)); name != "" {
			doc.Meta.Name = name // the name the publisher gave the file
		}
	}
	return doc, rep, nil
}

// ReadText reads the text parts of a published PDF (部门概况, 情况说明,
// 名词解释), whatever tables it also holds.
func ReadText(path string) (forms.Text, error) {
	d, err := pdfin.ReadFile(path)
	if err != nil {
		return forms.Text{}, err
	}
	seg := Segment(d)
	if len(seg.Text) == 0 {
		return forms.Text{}, fmt.Errorf("PDF“%s”中没有读到文字", path)
	}
	doc, err := textOnly(seg.Text, path)
	if err != nil {
		return forms.Text{}, fmt.Errorf("PDF“%s”：%w", path, err)
	}
	applyText(doc, seg.Text)
	return doc.Text, nil
}

// textOnly is a document of text parts and no tables.
func textOnly(paras []Para, path string) (*forms.Document, error) {
	year := yearOf(paras, path)
	if year == 0 {
		return nil, fmt.Errorf("文字中没有预算年度（如“2026年部门预算”）")
	}
	tmpl := &forms.Template{ID: tablein.PublishedTemplateID, Name: "公开文本（只有文字部分）", Unit: "万元",
		LevelWords: map[forms.Level]string{forms.LevelDept: "部门", forms.LevelUnit: "单位"}, Own: true}
	name := nameOf(paras)
	if name == "" {
		name = nameIn(filepath.Base(path))
	}
	if name == "" {
		name = tablein.UnnamedUnit
	}
	return forms.NewDocumentOn(forms.Meta{Name: name, Year: year, Template: tmpl.ID}, tmpl)
}

var reTitleName = regexp.MustCompile(`^\s*(\S{2,40}?)\s*(?:20\d\d)\s*年度?\s*(?:部门|单位)?(?:预算|综合预算)`)

// nameOf reads the unit's name from the document's first lines
// ("北京市审计局 2026 年度部门预算信息公开").
func nameOf(paras []Para) string {
	for i, p := range paras {
		if i > 12 {
			break
		}
		if name := nameIn(p.Text); name != "" {
			return name
		}
	}
	return ""
}

var reAttachment = regexp.MustCompile(`^(?:附件\s*\d*\s*[：:、.]?|第[一二三四五六七八九十]+部分)\s*`)

// reNameAfterYear: "2026年度福州经济技术开发区生态环境局单位预算".
var reNameAfterYear = regexp.MustCompile(`^\s*20\d\d\s*年度?\s*(\S{2,40}?)(?:部门|单位)(?:综合)?预算`)

func nameIn(s string) string {
	s = reAttachment.ReplaceAllString(s, "")
	if m := reTitleName.FindStringSubmatch(s); m != nil && !reAttachment.MatchString(m[1]) {
		return withoutScope(m[1])
	}
	if m := reNameAfterYear.FindStringSubmatch(s); m != nil {
		return withoutScope(m[1])
	}
	return ""
}

// reConsolidated: "西安市统计局（汇总）" names the department's whole
// budget, which the document's level already says; the unit is the name
// before it.
var reConsolidated = regexp.MustCompile(`\s*[（(]\s*汇总\s*[）)]\s*$`)

func withoutScope(name string) string {
	return reConsolidated.ReplaceAllString(name, "")
}

var reBudgetYear = regexp.MustCompile(`(20\d\d)\s*年度?[^，。；]{0,30}预算`)

// yearOf is the budget year the text names most often ("2026年部门预算",
// "2026 年度收入预算…"), else the one in the file's name.
func yearOf(paras []Para, path string) int {
	count := map[int]int{}
	best := 0
	for _, p := range paras {
		for _, m := range reBudgetYear.FindAllStringSubmatch(p.Text, -1) {
			y, _ := strconv.Atoi(m[1])
			count[y]++
			if count[y] > count[best] {
				best = y
			}
		}
	}
	if best == 0 {
		if m := reBudgetYear.FindStringSubmatch(filepath.Base(path)); m != nil {
			best, _ = strconv.Atoi(m[1])
		}
	}
	return best
}

// sheetOf lays a table out as rows: the title, the lines under it (the
// unit line split off into a cell of its own), then the grid.
func sheetOf(t *Table) *tablein.Sheet {
	rows := [][]string{{t.Title}}
	for _, p := range t.Preamble {
		rows = append(rows, splitUnit(p))
	}
	pre := len(rows)
	rows = append(rows, dropEmptyColumns(t.Rows)...)
	pages := t.RowPage
	where := pageRange(t.Pages)
	return &tablein.Sheet{
		Name: t.Title, Rows: rows, Where: where + "“" + t.Title + "”",
		Locate: func(row, col int) string {
			if row < pre {
				return "标题下"
			}
			i := row - pre
			if i >= len(pages) {
				return ""
			}
			at := fmt.Sprintf("（第%d页表内第 %d 行", pages[i], i+1)
			if col >= 0 {
				at += fmt.Sprintf("第 %d 栏", col+1)
			}
			return at + "）"
		},
	}
}

// unitBudget: the document calls itself a 单位预算 (in its first lines, or
// the published file's name), not a 部门预算.
func unitBudget(paras []Para, path string) bool {
	says := func(s string) (unit, dept bool) {
		return strings.Contains(s, "单位预算"), strings.Contains(s, "部门预算")
	}
	for i, p := range paras {
		if i > 12 {
			break
		}
		if u, d := says(p.Text); u || d {
			return u && !d
		}
	}
	u, d := says(filepath.Base(path))
	return u && !d
}

// dropEmptyColumns removes the columns no row prints anything in (the
// margins of a frame drawn over a spreadsheet's cells).
func dropEmptyColumns(rows [][]string) [][]string {
	width := 0
	for _, r := range rows {
		width = max(width, len(r))
	}
	keep := make([]bool, width)
	for _, r := range rows {
		for c, v := range r {
			if strings.TrimSpace(v) != "" {
				keep[c] = true
			}
		}
	}
	out := make([][]string, len(rows))
	for i, r := range rows {
		for c, v := range r {
			if keep[c] {
				out[i] = append(out[i], v)
			}
		}
	}
	return out
}

func pageRange(pages []int) string {
	switch len(pages) {
	case 0:
		return ""
	case 1:
		return "第" + strconv.Itoa(pages[0]) + "页"
	}
	return fmt.Sprintf("第%d–%d页", pages[0], pages[len(pages)-1])
}

// splitUnit puts the unit of a line ("部门名称：某局 单位：万元") in a cell
// of its own, as a workbook prints it.
func splitUnit(line string) []string {
	for _, w := range []string{"金额单位", "单位：", "单位:"} {
		i := strings.LastIndex(line, w)
		if i <= 0 {
			continue
		}
		if w != "金额单位" && strings.HasSuffix(line[:i], "金额") {
			continue
		}
		before := strings.TrimSpace(line[:i])
		if before == "" || strings.HasSuffix(before, "部门") || strings.HasSuffix(before, "编制") || strings.HasSuffix(before, "预算") {
			continue // 编制单位：, 预算单位：, 部门（单位） are names, not the unit
		}
		return []string{before, strings.TrimSpace(line[i:])}
	}
	return []string{line}
}
