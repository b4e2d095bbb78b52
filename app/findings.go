package app

import (
	"fmt"
	"image/color"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"yusuan/app/look"
	"yusuan/forms/check"
)

// findingRow is a line of the findings list: a group heading (severity and
// table) or a finding.
type findingRow struct {
	heading string
	sev     check.Severity
	f       *check.Finding
}

// findingsPanel lists the findings grouped by severity and table. It
// follows every change; a click opens the finding's table and selects its
// cell; the details below say everything and take the 出错说明 of a 警告.
type findingsPanel struct {
	u         *mainUI
	rows      []findingRow
	list      *widget.List
	filter    *widget.Select
	summary   *widget.Label
	detail    *look.Para
	values    *look.Para
	explain   *widget.Button
	selected  *check.Finding
	obj       fyne.CanvasObject
	listWidth float32 // the width the heights were fitted to; -1 before the first layout
	textWidth float32 // the width a message's lines are filled to (0: let the label wrap)
}

var filterChoices = []string{"全部", "错误和警告", "只看错误", "只看本表"}

func newFindingsPanel(u *mainUI) *findingsPanel {
	p := &findingsPanel{u: u}
	p.summary = widget.NewLabel("")
	p.filter = widget.NewSelect(filterChoices, nil)
	p.filter.SetSelectedIndex(0)
	p.list = widget.NewList(
		func() int { return len(p.rows) },
		func() fyne.CanvasObject {
			tag := canvas.NewText("错误", look.ErrorFg)
			tag.TextSize = theme.CaptionTextSize()
			msg := widget.NewLabel("")
			msg.Wrapping = fyne.TextWrapBreak // the whole message: eight X-6 findings differ at their end
			return container.NewBorder(nil, nil, container.NewPadded(container.NewCenter(tag)), nil, msg)
		},
		p.updateRow,
	)
	p.listWidth = -1
	p.list.OnSelected = func(id widget.ListItemID) { p.open(id) }
	p.filter.OnChanged = func(string) { p.refresh() }
	p.detail = look.Wrapped("点击一条审核结果，打开它所在的表并选中有关单元格。")
	p.values = look.Wrapped("") // the figures: as readable as the message
	p.explain = widget.NewButton("填写出错说明…", p.askExplanation)
	p.explain.Hide()
	head := container.NewBorder(nil, nil, look.Heading("审核结果"), p.filter)
	// the details sit in their own resizable pane, so that a long finding
	// does not shrink the list and push the selected line out of sight
	details := container.NewBorder(nil, p.explain, nil, nil, container.NewVScroll(container.NewVBox(p.detail, p.values)))
	split := container.NewVSplit(container.New(&widthWatch{on: p.fitHeights}, p.list), details)
	split.Offset = 0.7
	p.obj = container.NewBorder(container.NewVBox(head, p.summary), nil, nil, nil, split)
	p.refresh()
	return p
}

func (p *findingsPanel) object() fyne.CanvasObject { return p.obj }

// refresh rebuilds the list from the session's result.
func (p *findingsPanel) refresh() {
	u := p.u
	r := u.s.Result()
	d := u.s.Doc()
	mode := p.filter.Selected
	current := tableOfNode(u.current)
	if current == "" {
		current = partOfNode(u.current)
	}
	var rows []findingRow
	for _, sev := range []check.Severity{check.Error, check.Warning, check.Hint} {
		if mode == "错误和警告" && sev == check.Hint || mode == "只看错误" && sev != check.Error {
			continue
		}
		for _, g := range r.ByTable(d) {
			if mode == "只看本表" && g.Table != current {
				continue
			}
			var fs []*check.Finding
			for i := range g.Findings {
				if g.Findings[i].Severity == sev {
					fs = append(fs, &g.Findings[i])
				}
			}
			if len(fs) == 0 {
				continue
			}
			rows = append(rows, findingRow{heading: fmt.Sprintf("%s · %s（%d）", sev, g.Title, len(fs)), sev: sev})
			for _, f := range fs {
				rows = append(rows, findingRow{sev: sev, f: f})
			}
		}
	}
	p.rows = rows
	sum := r.Summary()
	if explained := r.CountExplained(); explained > 0 {
		sum += fmt.Sprintf("（%d 项警告已说明）", explained)
	}
	if len(r.Findings) == 0 {
		sum = "没有发现问题：各表之间、表与文字之间的勾稽关系都相符。"
	}
	p.summary.Importance = widget.MediumImportance
	if err := u.s.CheckError(); err != nil {
		sum = "审核未能完成，下列结果是修改前的。" + err.Error()
		p.summary.Importance = widget.DangerImportance
	}
	p.summary.Wrapping = fyne.TextWrapWord
	p.summary.SetText(sum)
	p.list.UnselectAll()
	p.fitHeights(p.listWidth)
	p.list.Refresh()
	if p.selected != nil {
		p.showDetail(p.sameFinding(p.selected))
	}
}

// sameFinding finds a finding again after a change (same rule and cells).
func (p *findingsPanel) sameFinding(f *check.Finding) *check.Finding {
	for _, row := range p.rows {
		if row.f != nil && row.f.Rule == f.Rule && row.f.Message == f.Message {
			return row.f
		}
	}
	return nil
}

func (p *findingsPanel) updateRow(id widget.ListItemID, o fyne.CanvasObject) {
	if id >= len(p.rows) {
		return
	}
	row := p.rows[id]
	c := o.(*fyne.Container)
	msg := c.Objects[0].(*widget.Label)
	tag := c.Objects[1].(*fyne.Container).Objects[0].(*fyne.Container).Objects[0].(*canvas.Text)
	if row.f == nil {
		tag.Text = ""
		msg.TextStyle = fyne.TextStyle{Bold: true}
		msg.SetText(row.heading)
		tag.Refresh()
		return
	}
	msg.TextStyle = fyne.TextStyle{}
	tag.Text = row.f.Rule
	tag.Color = severityColor(row.sev)
	if row.f.Explained() {
		tag.Color = look.Muted
	}
	msg.SetText(p.filled(listText(row.f)))
	tag.Refresh()
}

// filled breaks a message into the list's lines itself: the label would
// break anywhere, even before a comma or inside a figure.
func (p *findingsPanel) filled(text string) string {
	if p.textWidth <= 0 {
		return text
	}
	return look.FillText(text, p.textWidth, theme.TextSize(), fyne.TextStyle{})
}

func severityColor(s check.Severity) color.Color {
	switch s {
	case check.Error:
		return look.ErrorFg
	case check.Warning:
		return look.WarningFg
	}
	return look.HintFg
}

// listText is a finding as the list shows it: whole up to a few lines (the
// detail below shows a longer one whole).
func listText(f *check.Finding) string {
	text := f.Message
	if f.Explained() {
		text = "（已说明）" + text
	}
	const most = 160 // runes: four lines of the panel
	if r := []rune(text); len(r) > most {
		text = string(r[:most]) + "……（点击看全文）"
	}
	return text
}

// fitHeights gives each line of the list the height its whole message
// takes at the list's width.
func (p *findingsPanel) fitHeights(width float32) {
	p.listWidth = width
	if width <= 0 {
		return
	}
	size := theme.TextSize()
	pad := theme.InnerPadding()
	one := widget.NewLabel("国").MinSize().Height
	lineH := fyne.MeasureText("国", size, fyne.TextStyle{}).Height
	// the tag's column, the label's padding and the scroll bar
	avail := width - fyne.MeasureText("X-13", theme.CaptionTextSize(), fyne.TextStyle{}).Width - 4*theme.Padding() - 2*pad - theme.ScrollBarSize()
	p.textWidth = 0
	if avail > 20 {
		p.textWidth = avail * 0.96
	}
	for id, row := range p.rows {
		lines := 1
		switch {
		case row.f != nil:
			lines = strings.Count(p.filled(listText(row.f)), "\n") + 1
		case avail > 20:
			lines = int(fyne.MeasureText(row.heading, size, fyne.TextStyle{Bold: true}).Width/(avail*0.96)) + 1
		}
		p.list.SetItemHeight(id, one+float32(lines-1)*lineH)
	}
	p.list.Refresh() // the messages filled to the new width
}

// widthWatch lays its object out at its size and says when the width
// changes (the findings' heights depend on it).
type widthWatch struct {
	last float32
	on   func(width float32)
}

func (w *widthWatch) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	for _, o := range objs {
		o.Move(fyne.NewPos(0, 0))
		o.Resize(size)
	}
	if size.Width != w.last {
		w.last = size.Width
		w.on(size.Width)
	}
}

func (w *widthWatch) MinSize(objs []fyne.CanvasObject) fyne.Size {
	var s fyne.Size
	for _, o := range objs {
		s = s.Max(o.MinSize())
	}
	return s
}

// open goes to a finding: its table (or text part), its first cell.
func (p *findingsPanel) open(id widget.ListItemID) {
	if id >= len(p.rows) || p.rows[id].f == nil {
		return
	}
	f := p.rows[id].f
	p.showDetail(f)
	p.list.ScrollTo(id)
	p.u.goToFinding(f)
}

func (p *findingsPanel) showDetail(f *check.Finding) {
	p.selected = f
	if f == nil {
		p.detail.SetText("")
		p.values.SetText("")
		p.explain.Hide()
		return
	}
	p.detail.SetText(fmt.Sprintf("%s %s：%s%s", f.Severity, f.Rule, f.Message, f.UnitsNote()))
	var vals []string
	for _, v := range f.Values {
		vals = append(vals, v.Label+"："+v.Text)
	}
	note := strings.Join(vals, "；")
	if len(f.Units) > 5 { // the line above names five
		note += "\n涉及单位：" + strings.Join(f.Units, "、")
	}
	switch {
	case f.Explained():
		note += "\n出错说明：" + f.Explanation.Text
	case f.Stale != nil:
		note += "\n原出错说明（数字已变，需重新确认）：" + f.Stale.Text
	}
	p.values.SetText(strings.TrimSpace(note))
	if f.Severity == check.Warning {
		p.explain.SetText("填写出错说明…")
		if f.Explained() {
			p.explain.SetText("修改出错说明…")
		}
		p.explain.Show()
	} else {
		p.explain.Hide()
	}
}

// askExplanation takes the clerk's 出错说明 of the selected 警告.
func (p *findingsPanel) askExplanation() {
	f := p.selected
	if f == nil || f.Severity != check.Warning {
		return
	}
	entry := look.NewMultiLineEntry()
	entry.SetMinRowsVisible(4)
	entry.Wrapping = fyne.TextWrapWord
	if f.Explanation != nil {
		entry.SetText(f.Explanation.Text)
	} else if f.Stale != nil {
		entry.SetText(f.Stale.Text)
	}
	entry.SetPlaceHolder("说明为什么这里的数字是对的（例如：按上级文件口径列示）。清空则删除说明。")
	form := container.NewVBox(look.Wrapped(f.Message), entry)
	d := dialog.NewCustomConfirm("出错说明", "保存", "取消", form, func(ok bool) {
		if !ok {
			return
		}
		if err := p.u.s.Explain(f, entry.Text); err != nil {
			look.ShowError(err, p.u.win)
		}
	}, p.u.win)
	d.Resize(fyne.NewSize(600, 0)) // room to write a sentence or two
	look.ShowDialog(d, p.u.win)
}
