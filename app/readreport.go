package app

import (
	"errors"
	"fmt"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"yusuan/app/look"
	"yusuan/app/sheet"
	"yusuan/export/docin"
	"yusuan/forms"
)

// What a workbook or a published PDF gave when it was read: the window
// says it once the document is shown, as `yusuan import` prints it.

// readReport is the report of a reading, as text.
type readReport struct {
	head     string   // what was read from which file
	tables   []string // per table: what was read and how it is used
	texts    string   // the text parts found ("" when none)
	problems []string // every place that could not be read
}

// newReadReport describes what reading path gave.
func newReadReport(path string, d *forms.Document, rep *docin.Report) readReport {
	pdf := docin.IsPDF(path)
	found := map[string]int{} // table id → its report
	for i, tr := range rep.Tables {
		found[tr.TableID] = i
	}
	var r readReport
	checked, kept := 0, 0
	for i, t := range d.Tables {
		label := forms.ChineseNumber(i+1) + "、" + t.Title
		at, ok := found[t.ID]
		if !ok || t.Absent {
			r.tables = append(r.tables, label+"\n　　没有读到这张表（未提供，相关审核跳过）")
			continue
		}
		tr := rep.Tables[at]
		var parts []string
		switch {
		case t.Printed != nil && len(t.Printed.Pages) > 0:
			parts = append(parts, "第"+sheet.PageList(t.Printed.Pages)+"页")
		case tr.Sheet != "":
			parts = append(parts, "工作表“"+tr.Sheet+"”")
		}
		unit := tr.Unit
		if unit == "" {
			unit = t.Unit
		}
		switch {
		case t.IsPrinted():
			kept++
			parts = append(parts, fmt.Sprintf("%d 行", len(t.Printed.Rows)), fmt.Sprintf("%d 个金额栏", amountColumns(t.Printed.Grid())),
				"单位："+string(unit), "照原样保留，不参与审核")
		case !t.IsGrid():
			checked++
			parts = append(parts, fmt.Sprintf("%d 份绩效表", tr.Rows), "按“"+t.Kind.Def().Title+"”审核")
		default:
			checked++
			parts = append(parts, fmt.Sprintf("%d 行", tr.Rows), fmt.Sprintf("%d 个金额栏", tr.Columns),
				"单位："+string(unit), "按“"+t.Kind.Def().Title+"”审核")
		}
		r.tables = append(r.tables, label+"\n　　"+strings.Join(parts, "，"))
	}
	what := "工作簿"
	if pdf {
		what = "公开文本"
	}
	r.head = fmt.Sprintf("从%s“%s”读到 %d 张表（%s，%d年）：%d 张按表格种类审核，%d 张照原样保留。\n文档尚未保存为文件：请用“另存为”保存；原文件不会被改动。",
		what, filepath.Base(path), len(d.Tables)-absent(d), d.Meta.Name, d.Meta.Year, checked, kept)
	var texts []string
	for _, p := range []struct{ name, text string }{
		{"主要职能", d.Text.Functions}, {"机构设置", d.Text.Organization}, {"情况说明", d.Text.Explanation},
	} {
		if strings.TrimSpace(p.text) != "" {
			texts = append(texts, fmt.Sprintf("%s（%d 字）", p.name, len([]rune(p.text))))
		}
	}
	if pdf && len(d.Text.Glossary) > 0 {
		texts = append(texts, fmt.Sprintf("名词解释（%d 条）", len(d.Text.Glossary)))
	}
	if len(texts) > 0 {
		r.texts = "读到的文字：" + strings.Join(texts, "、")
	}
	for _, p := range rep.Problems {
		r.problems = append(r.problems, p.String())
	}
	return r
}

func absent(d *forms.Document) int {
	n := 0
	for _, t := range d.Tables {
		if t.Absent {
			n++
		}
	}
	return n
}

func amountColumns(g *forms.Grid) int {
	n := 0
	for _, c := range g.Columns {
		if c.Amount {
			n++
		}
	}
	return n
}

// String is the report as one text (tests, the log).
func (r readReport) String() string {
	var b strings.Builder
	b.WriteString(r.head + "\n")
	for _, t := range r.tables {
		b.WriteString(t + "\n")
	}
	if r.texts != "" {
		b.WriteString(r.texts + "\n")
	}
	b.WriteString(r.problemsHead() + "\n")
	for _, p := range r.problems {
		b.WriteString(p + "\n")
	}
	return b.String()
}

func (r readReport) problemsHead() string {
	if len(r.problems) == 0 {
		return "没有未能读取的地方。"
	}
	return fmt.Sprintf("未能读取的地方（%d 处）：", len(r.problems))
}

// showReadReport shows what reading a workbook or a PDF gave, over the
// document just opened.
func (u *mainUI) showReadReport(path string, rep *docin.Report) {
	r := newReadReport(path, u.s.Doc(), rep)
	bold := func(s string) *look.Para {
		l := look.Wrapped(s)
		l.TextStyle = fyne.TextStyle{Bold: true}
		return l
	}
	box := container.NewVBox(look.Wrapped(r.head), widget.NewSeparator())
	for _, t := range r.tables {
		box.Add(look.Wrapped(t))
	}
	if r.texts != "" {
		box.Add(look.Wrapped(r.texts))
	}
	box.Add(widget.NewSeparator())
	box.Add(bold(r.problemsHead()))
	if len(r.problems) > 0 {
		// one label for all: a PDF may leave hundreds of places unread
		box.Add(look.Wrapped(strings.Join(r.problems, "\n")))
	}
	title := "读取结果"
	if docin.IsPDF(path) {
		title = "读取公开文本（PDF）的结果"
	}
	d := dialog.NewCustom(title, "关闭", container.NewVScroll(box), u.win)
	d.Resize(fyne.NewSize(820, 600))
	look.ShowDialog(d, u.win)
}

// withProblems adds to why a file could not be read the places it could
// not read (a scanned page says so), the first few of them.
func withProblems(err error, rep *docin.Report) error {
	if rep == nil || len(rep.Problems) == 0 {
		return err
	}
	lines := []string{err.Error()}
	for i, p := range rep.Problems {
		if i == 10 {
			lines = append(lines, fmt.Sprintf("……共 %d 处", len(rep.Problems)))
			break
		}
		lines = append(lines, p.String())
	}
	return errors.New(strings.Join(lines, "\n"))
}
