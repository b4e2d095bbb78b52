package perfedit

import (
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"yusuan/app/look"
	"yusuan/app/textedit"
	"yusuan/forms"
)

// grid edits an indicator grid the way the form prints it: indicators in
// runs of the same 一级 and 二级 指标 (printed as merged cells), each run
// headed by the two choices, which apply to the whole run; under it one
// line per indicator: 三级指标, the values, and for 事前评估 grids 评价标准 and
// 指标分值.
type grid struct {
	w      fyne.Window
	scored bool
	get    func() []forms.Indicator
	set    func([]forms.Indicator) error
	box    *fyne.Container
	rows   []*indRow
	runs   [][2]int // [start, end) of each run as built
	cols   *textedit.Columns
	groups []*runHead
	addL1  *widget.Select
	addL2  *widget.Select
	obj    fyne.CanvasObject
}

// indRow is one indicator's line.
type indRow struct {
	l3       *textedit.Field
	stage    *valueEditor
	value    *valueEditor
	standard *textedit.Field
	score    *textedit.Field
}

// runHead is the head of a run: its 一级 and 二级 choices.
type runHead struct {
	l1, l2 *widget.Select
	quiet  bool
}

func newGrid(w fyne.Window, scored bool, get func() []forms.Indicator, set func([]forms.Indicator) error) *grid {
	g := &grid{w: w, scored: scored, get: get, set: set}
	if scored {
		g.cols = &textedit.Columns{Widths: []float32{0, 210, 150, 76, 40}}
	} else {
		g.cols = &textedit.Columns{Widths: []float32{0, 210, 210, 40}}
	}
	heads := []string{"三级指标", "阶段性指标值", "指标值", ""}
	if scored {
		heads = []string{"三级指标", "指标值", "评价标准", "指标分值", ""}
	}
	var hs []fyne.CanvasObject
	for _, h := range heads {
		hs = append(hs, widget.NewLabelWithStyle(h, fyne.TextAlignLeading, fyne.TextStyle{Bold: true}))
	}
	g.box = container.NewVBox()
	g.addL1 = widget.NewSelect(nil, func(l1 string) {
		g.addL2.Options = levelTwoNames(l1, "")
		g.addL2.ClearSelected()
		if len(g.addL2.Options) > 0 {
			g.addL2.SetSelected(g.addL2.Options[0])
		}
	})
	g.addL1.PlaceHolder = "一级指标"
	g.addL2 = widget.NewSelect(nil, nil)
	g.addL2.PlaceHolder = "二级指标"
	addBtn := widget.NewButtonWithIcon("添加指标", theme.ContentAddIcon(), func() { g.addIndicator(g.addL1.Selected, g.addL2.Selected) })
	adder := container.NewHBox(widget.NewLabel("添加到"), textedit.Sized(130, g.addL1), textedit.Sized(170, g.addL2), addBtn)
	g.obj = container.NewVBox(
		textedit.Tinted(canvas.NewRectangle(look.HeaderBg), g.cols.Row(hs...)),
		g.box, adder)
	g.refresh()
	return g
}

// current is a copy of the stored grid.
func (g *grid) current() []forms.Indicator { return slices.Clone(g.get()) }

// change stores a changed copy of the grid.
func (g *grid) change(f func([]forms.Indicator) []forms.Indicator) error {
	old := g.get()
	next := f(g.current())
	if slices.Equal(next, old) {
		return nil
	}
	return g.set(next)
}

// runsOf splits a grid into runs of the same 一级 and 二级.
func runsOf(ind []forms.Indicator) [][2]int {
	var out [][2]int
	for i := 0; i < len(ind); {
		j := i + 1
		for j < len(ind) && ind[j].L1 == ind[i].L1 && ind[j].L2 == ind[i].L2 {
			j++
		}
		out = append(out, [2]int{i, j})
		i = j
	}
	return out
}

// refresh shows the stored grid: in place when its runs are the same, built
// anew when indicators came or went.
func (g *grid) refresh() {
	ind := g.get()
	runs := runsOf(ind)
	g.addL1.Options = levelOneNames(ind)
	if !slices.Equal(runs, g.runs) || len(g.rows) != len(ind) {
		g.build(ind, runs)
	}
	for ri, r := range runs {
		h := g.groups[ri]
		x := ind[r[0]]
		h.quiet = true
		h.l1.Options = levelOneNames(ind)
		setSelect(h.l1, x.L1)
		h.l2.Options = levelTwoNames(x.L1, x.L2)
		setSelect(h.l2, x.L2)
		h.quiet = false
	}
	for i, row := range g.rows {
		row.l3.Set(ind[i].L3)
		if row.stage != nil {
			row.stage.show()
		}
		row.value.show()
		if row.standard != nil {
			row.standard.Set(ind[i].Standard)
			row.score.Set(ind[i].Score)
		}
	}
}

func (g *grid) build(ind []forms.Indicator, runs [][2]int) {
	g.runs = runs
	g.rows = nil
	g.groups = nil
	g.box.Objects = nil
	if len(ind) == 0 {
		g.box.Add(textedit.Note("还没有绩效指标。请在下面选择一级、二级指标后点“添加指标”。"))
	}
	for _, r := range runs {
		g.box.Add(g.runHeadOf(r))
		for i := r[0]; i < r[1]; i++ {
			g.box.Add(g.rowOf(i))
		}
	}
	g.box.Refresh()
}

func (g *grid) runHeadOf(r [2]int) fyne.CanvasObject {
	h := &runHead{}
	h.l1 = widget.NewSelect(nil, func(l1 string) {
		if h.quiet {
			return
		}
		l2 := ""
		if two := levelTwoNames(l1, ""); len(two) > 0 {
			l2 = two[0]
		}
		g.change(func(ind []forms.Indicator) []forms.Indicator {
			for i := r[0]; i < r[1] && i < len(ind); i++ {
				ind[i].L1, ind[i].L2 = l1, l2
			}
			return ind
		})
	})
	h.l1.PlaceHolder = "一级指标"
	h.l2 = widget.NewSelect(nil, func(l2 string) {
		if h.quiet {
			return
		}
		g.change(func(ind []forms.Indicator) []forms.Indicator {
			for i := r[0]; i < r[1] && i < len(ind); i++ {
				ind[i].L2 = l2
			}
			return ind
		})
	})
	h.l2.PlaceHolder = "二级指标"
	g.groups = append(g.groups, h)
	add := widget.NewButtonWithIcon("添加三级指标", theme.ContentAddIcon(), func() {
		g.commit()
		g.change(func(ind []forms.Indicator) []forms.Indicator {
			x := forms.Indicator{L1: ind[r[0]].L1, L2: ind[r[0]].L2}
			return slices.Insert(ind, r[1], x)
		})
	})
	add.Importance = widget.LowImportance
	bg := canvas.NewRectangle(look.TotalBg)
	return container.NewStack(bg, container.NewHBox(
		widget.NewLabel("一级"), textedit.Sized(130, h.l1),
		widget.NewLabel("二级"), textedit.Sized(170, h.l2),
		layout.NewSpacer(), add))
}

func (g *grid) rowOf(i int) fyne.CanvasObject {
	row := &indRow{}
	at := func(ind []forms.Indicator) *forms.Indicator {
		if i < len(ind) {
			return &ind[i]
		}
		return nil
	}
	setField := func(f func(x *forms.Indicator, t string)) func(string) error {
		return func(t string) error {
			return g.change(func(ind []forms.Indicator) []forms.Indicator {
				if x := at(ind); x != nil {
					f(x, strings.TrimSpace(t))
				}
				return ind
			})
		}
	}
	get := func(f func(forms.Indicator) string) func() string {
		return func() string {
			if x := at(g.get()); x != nil {
				return f(*x)
			}
			return ""
		}
	}
	row.l3 = textedit.NewField("", setField(func(x *forms.Indicator, t string) { x.L3 = t }))
	row.l3.PlaceHolder = "三级指标名称"
	row.value = newValueEditor(g.w, get(func(x forms.Indicator) string { return x.Value }),
		setField(func(x *forms.Indicator, t string) { x.Value = t }))
	del := widget.NewButtonWithIcon("", theme.DeleteIcon(), func() { g.remove(i) })
	del.Importance = widget.LowImportance
	cells := []fyne.CanvasObject{row.l3}
	msgs := container.NewVBox(row.l3.Message())
	if g.scored {
		row.standard = textedit.NewField("", setField(func(x *forms.Indicator, t string) { x.Standard = t }))
		row.standard.PlaceHolder = "评价标准"
		row.score = textedit.NewField("", func(t string) error {
			t = strings.TrimSpace(foldDigits(t))
			if t != "" && !reNumber.MatchString(t) {
				return errorf("指标分值“%s”应为数字", t)
			}
			return setField(func(x *forms.Indicator, t string) { x.Score = t })(t)
		})
		row.score.PlaceHolder = "分值"
		cells = append(cells, row.value.obj, row.standard, row.score, del)
		msgs.Add(row.value.msgs)
		msgs.Add(row.standard.Message())
		msgs.Add(row.score.Message())
	} else {
		row.stage = newValueEditor(g.w, get(func(x forms.Indicator) string { return x.Stage }),
			setField(func(x *forms.Indicator, t string) { x.Stage = t }))
		cells = append(cells, row.stage.obj, row.value.obj, del)
		msgs.Add(row.stage.msgs)
		msgs.Add(row.value.msgs)
	}
	g.rows = append(g.rows, row)
	return container.NewVBox(g.cols.Row(cells...), msgs)
}

func (g *grid) remove(i int) {
	g.commit()
	g.change(func(ind []forms.Indicator) []forms.Indicator {
		if i < len(ind) {
			return slices.Delete(ind, i, i+1)
		}
		return ind
	})
}

// addIndicator adds a line under a 一级 and 二级: after the last line of
// the same 二级, else after the last of the same 一级, else at the end.
func (g *grid) addIndicator(l1, l2 string) {
	if l1 == "" {
		return
	}
	g.commit()
	g.change(func(ind []forms.Indicator) []forms.Indicator {
		at := -1
		for i, x := range ind {
			if x.L1 == l1 && x.L2 == l2 {
				at = i + 1
			}
		}
		if at < 0 {
			for i, x := range ind {
				if x.L1 == l1 {
					at = i + 1
				}
			}
		}
		if at < 0 {
			at = len(ind)
		}
		return slices.Insert(ind, at, forms.Indicator{L1: l1, L2: l2})
	})
}

func (g *grid) commit() {
	for _, r := range g.rows {
		r.l3.Commit()
		if r.stage != nil {
			r.stage.commit()
		}
		r.value.commit()
		if r.standard != nil {
			r.standard.Commit()
			r.score.Commit()
		}
	}
}

// setSelect shows a value in a Select ("" clears it: SetSelected ignores a
// value that is not an option).
func setSelect(s *widget.Select, v string) {
	if v == "" {
		s.ClearSelected()
		return
	}
	s.SetSelected(v)
}
