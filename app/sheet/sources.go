package sheet

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"yusuan/app/look"
	"yusuan/forms"
	"yusuan/forms/money"
)

// In a consolidated (汇总) document every figure says which units it came
// from: the toolbar counts them for the cursor's cell, and 来源单位… lists
// them with their amounts.

// consolidated reports whether the document shown is a consolidation.
func (v *Sheet) consolidated() bool { return v.doc.Merge != nil }

// cellShares are the units' shares of the cursor's figure; ok is false on
// a cell that is not a figure.
func (v *Sheet) cellShares() (shares []forms.Share, value money.Amount, ok bool) {
	if !v.consolidated() || v.role(v.cur) != roleAmount {
		return nil, 0, false
	}
	c := v.cellAt(v.cur)
	if c.Pane < 0 || c.Pane >= len(v.t.Panes) {
		return nil, 0, false
	}
	p := v.t.Panes[c.Pane]
	if c.Row < 0 || c.Row >= len(p.Rows) || c.Col < 0 || c.Col >= len(p.Columns) {
		return nil, 0, false
	}
	return p.Trace(c.Row, c.Col), p.Rows[c.Row].Cells[c.Col].Value, true
}

// sourcesSummary is the toolbar's word on the cursor's figure: how many
// units it came from ("" outside a consolidation).
func (v *Sheet) sourcesSummary() string {
	shares, value, ok := v.cellShares()
	switch {
	case !ok:
		return ""
	case len(shares) == 0 && value == 0:
		return ""
	case len(shares) == 0:
		return "汇总后填写，无来源单位"
	case len(shares) == 1:
		return "来自 " + v.doc.Merge.Units[shares[0].Unit].Label()
	}
	return fmt.Sprintf("来自 %d 个单位", len(shares))
}

// SourceLines lists the cursor's figure by unit, as the 来源单位 dialog
// shows it: "324001 某单位（本级）　567.09".
func (v *Sheet) SourceLines() []string {
	shares, value, ok := v.cellShares()
	if !ok {
		return nil
	}
	var lines []string
	for _, s := range shares {
		lines = append(lines, v.doc.Merge.Units[s.Unit].Label()+"　"+v.t.Show(s.Value))
	}
	if total := forms.TraceTotal(shares); total != value {
		lines = append(lines, fmt.Sprintf("各单位合计 %s，与表中数 %s 不同：汇总后在本文档中改过此数或其下级",
			money.Format(total, v.t.Grouped), money.Format(value, v.t.Grouped)))
	}
	return lines
}

// showSources opens the list of units of the cursor's figure: each unit
// with its amount, right-aligned.
func (v *Sheet) showSources() {
	shares, value, ok := v.cellShares()
	if !ok || v.win == nil {
		return
	}
	list := widget.NewList(func() int { return len(shares) },
		func() fyne.CanvasObject {
			amount := widget.NewLabel("")
			amount.Alignment = fyne.TextAlignTrailing
			return container.NewBorder(nil, nil, nil, amount, widget.NewLabel(""))
		},
		func(i widget.ListItemID, o fyne.CanvasObject) {
			c := o.(*fyne.Container)
			c.Objects[0].(*widget.Label).SetText(v.doc.Merge.Units[shares[i].Unit].Label())
			c.Objects[1].(*widget.Label).SetText(money.Format(shares[i].Value, v.t.Grouped))
		})
	head := look.Wrapped(fmt.Sprintf("%s：%s%s，来自 %d 个单位", v.where(v.cur), money.Format(value, v.t.Grouped), v.t.Unit, len(shares)))
	var foot fyne.CanvasObject
	if lines := v.SourceLines(); len(lines) > len(shares) { // the figure no longer adds up to its units
		note := look.Wrapped(lines[len(lines)-1])
		note.Importance = widget.WarningImportance
		foot = note
	} else if len(shares) == 0 {
		foot = look.Wrapped("此数为零，没有单位填报。")
	}
	d := dialog.NewCustom("来源单位", "关闭", container.NewBorder(head, foot, nil, nil, list), v.win)
	d.Resize(fyne.NewSize(560, 420))
	look.ShowDialog(d, v.win)
}
