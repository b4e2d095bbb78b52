package sheet

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"

	"yusuan/app/look"
	"yusuan/forms/edit"
)

// copyBlock puts the selected block on the clipboard as a spreadsheet
// does: the cells as shown (codes and names too), tab between cells, a
// newline after each line.
func (v *Sheet) copyBlock() {
	top, left, bottom, right := v.block()
	if len(v.grid.Rows) == 0 {
		return
	}
	var b strings.Builder
	for row := top; row <= bottom; row++ {
		for col := left; col <= right; col++ {
			if col > left {
				b.WriteByte('\t')
			}
			b.WriteString(tsvField(v.grid.Rows[row].Cells[col].Text))
		}
		b.WriteByte('\n')
	}
	v.clipboard().SetContent(b.String())
	v.say(fmt.Sprintf("已复制 %d 行 × %d 列。", bottom-top+1, right-left+1), false)
}

// tsvField quotes a cell that holds a tab, a line break or a quote.
func tsvField(s string) string {
	if !strings.ContainsAny(s, "\t\r\n\"") {
		return s
	}
	return `"` + strings.ReplaceAll(s, `"`, `""`) + `"`
}

// parseTSV reads a block copied from Excel or WPS: lines by "\n" or
// "\r\n", cells by tab, a trailing line break ignored, a cell in quotes
// may hold tabs, line breaks and doubled quotes.
func parseTSV(text string) [][]string {
	text = strings.ReplaceAll(text, "\r\n", "\n")
	text = strings.ReplaceAll(text, "\r", "\n")
	text = strings.TrimSuffix(text, "\n")
	if text == "" {
		return nil
	}
	var rows [][]string
	var row []string
	var cell strings.Builder
	rs := []rune(text)
	for i := 0; i < len(rs); i++ {
		r := rs[i]
		if r == '"' && cell.Len() == 0 {
			if end, ok := closingQuote(rs, i); ok {
				cell.WriteString(strings.ReplaceAll(string(rs[i+1:end]), `""`, `"`))
				i = end
				continue
			}
		}
		switch r {
		case '\t':
			row = append(row, cell.String())
			cell.Reset()
		case '\n':
			rows = append(rows, append(row, cell.String()))
			row = nil
			cell.Reset()
		default:
			cell.WriteRune(r)
		}
	}
	return append(rows, append(row, cell.String()))
}

// closingQuote finds the quote that ends a quoted cell opened at i: one
// followed by a tab, a line break or the end (not a doubled quote).
func closingQuote(rs []rune, i int) (int, bool) {
	for j := i + 1; j < len(rs); j++ {
		if rs[j] != '"' {
			continue
		}
		if j+1 < len(rs) && rs[j+1] == '"' {
			j++
			continue
		}
		if j+1 == len(rs) || rs[j+1] == '\t' || rs[j+1] == '\n' {
			return j, true
		}
		return 0, false
	}
	return 0, false
}

// pasteText pastes a block at the top-left cell of the selection (a single
// value over a selected block fills the block) as one change.
func (v *Sheet) pasteText(text string) {
	v.Commit()
	if v.readOnly {
		v.sayReadOnly()
		return
	}
	rows := parseTSV(text)
	if len(rows) == 0 {
		v.say("剪贴板中没有可粘贴的内容。", true)
		return
	}
	top, left, bottom, right := v.block()
	if len(rows) == 1 && len(rows[0]) == 1 && (bottom > top || right > left) {
		one := rows[0][0]
		rows = make([][]string, bottom-top+1)
		for i := range rows {
			rows[i] = make([]string, right-left+1)
			for j := range rows[i] {
				rows[i][j] = one
			}
		}
	}
	items, beyond := v.pasteItems(rows, top, left)
	if len(items) == 0 && beyond == 0 {
		v.say("粘贴位置没有可填写的单元格（编码、名称栏不粘贴）。", true)
		return
	}
	var res *edit.PasteResult
	_ = v.own(func() error { res = v.s.Paste(items); return nil })
	width := 0
	for _, r := range rows {
		width = max(width, len(r))
	}
	v.anchor = pos{top, left}
	v.moveTo(pos{top + len(rows) - 1, left + width - 1}, true)
	v.reportPaste(res, beyond)
}

// pasteItems maps a block onto the grid from (top, left): each cell of the
// block goes to the printed cell under it; code and name columns and the
// blank halves of two-sided lines are skipped; cells beyond the grid are
// counted.
func (v *Sheet) pasteItems(rows [][]string, top, left int) (items []edit.Item, beyond int) {
	for i, cells := range rows {
		row := top + i
		if row >= len(v.grid.Rows) {
			beyond += len(cells)
			continue
		}
		for j, text := range cells {
			p := pos{row, left + j}
			if p.col >= len(v.grid.Columns) {
				beyond++
				continue
			}
			if c := v.cellAt(p); c.Pane < 0 || c.Row < 0 || c.Col < 0 {
				continue
			}
			items = append(items, edit.Item{At: v.atOf(p), Text: text})
		}
	}
	return items, beyond
}

// maxListed bounds the refused cells a paste lists by name.
const maxListed = 10

// reportPaste says what a paste did: how many cells it filled, which it
// refused and why (in the message line, and in a dialog when there are
// several), how many fell outside the table.
func (v *Sheet) reportPaste(res *edit.PasteResult, beyond int) {
	v.reportFill(res, beyond, "粘贴")
}

// reportFill says what a paste or a fill (what: 粘贴, 填充) did; nothing
// when the session's own guard already said it failed.
func (v *Sheet) reportFill(res *edit.PasteResult, beyond int, what string) {
	if res == nil {
		return
	}
	n := len(res.Refused)
	var lines []string
	for _, e := range res.Refused[:min(n, maxListed)] {
		lines = append(lines, v.s.Where(e.At)+"："+strings.TrimSuffix(e.Reason, "。"))
	}
	if n > maxListed {
		lines = append(lines, fmt.Sprintf("……另有 %d 个单元格未%s", n-maxListed, what))
	}
	msg := fmt.Sprintf("已%s %d 个单元格。", what, res.Applied)
	switch {
	case n == 1:
		msg += fmt.Sprintf("1 个单元格未%s：", what) + lines[0] + "。"
	case n > 1:
		msg += fmt.Sprintf("%d 个单元格未%s，如 %s。", n, what, lines[0])
	}
	if beyond > 0 {
		msg += fmt.Sprintf("%d 个单元格超出表格范围，未%s。", beyond, what)
	}
	if k := len(res.Totals); k > 0 {
		where := v.s.Where(res.Totals[0])
		if k > 1 {
			where = fmt.Sprintf("%s等 %d 个单元格", where, k)
		}
		msg += fmt.Sprintf("%s是合计，%s的数与计算值不符，照%s的数保留（橙底，审核会报出；可用“采用计算值”改回）。", where, what, what)
	}
	v.say(msg, n > 0 || beyond > 0 || len(res.Totals) > 0)
	if n > 1 && v.win != nil {
		list := container.NewVBox(look.Wrapped(fmt.Sprintf("已%s %d 个单元格；以下 %d 个单元格未%s，原值未改动：", what, res.Applied, n, what)))
		for _, l := range lines {
			list.Add(look.Wrapped("• " + l))
		}
		d := dialog.NewCustom(what+"：部分单元格未"+what, "知道了", list, v.win)
		d.Resize(fyne.NewSize(820, 0))
		look.ShowDialog(d, v.win)
	}
}

// fillDown (Ctrl+D, as in Excel and WPS) copies the first line of the block
// into the lines under it; computed cells below refuse as a paste's do.
func (v *Sheet) fillDown() {
	v.Commit()
	if v.readOnly {
		v.sayReadOnly()
		return
	}
	top, left, bottom, right := v.block()
	if bottom == top {
		v.say("向下填充：请先选中一块区域（Shift+方向键），第一行是要复制的数。", true)
		return
	}
	// figures only: codes and names are not filled
	var kept []edit.Item
	for row := top + 1; row <= bottom; row++ {
		for col := left; col <= right; col++ {
			from, to := pos{top, col}, pos{row, col}
			if v.role(from) == roleAmount && v.role(to) == roleAmount {
				kept = append(kept, edit.Item{At: v.atOf(to), Text: v.grid.Rows[top].Cells[col].Text})
			}
		}
	}
	if len(kept) == 0 {
		v.say("向下填充：选中的区域里没有可填写的数。", true)
		return
	}
	var res *edit.PasteResult
	_ = v.own(func() error { res = v.s.Paste(kept); return nil })
	v.reportFill(res, 0, "填充")
}
