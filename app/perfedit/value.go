package perfedit

import (
	"errors"
	"fmt"
	"regexp"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"yusuan/app/textedit"
	"yusuan/forms"
)

// An indicator value (指标值, 阶段性指标值) is written as a comparator, a
// number and a unit: ">=24次", "<=30万元", "=100%". The editor shows the
// three apart; a value of another shape ("及时", "明显提升") is edited as
// free text (比较符 “文字”).

// Comparators as the editor shows them, and as they are stored (the ASCII
// forms the workbooks and the sample use).
var (
	cmpShown  = []string{"≥", "≤", "=", ">", "<", cmpNone, cmpText}
	cmpStored = map[string]string{"≥": ">=", "≤": "<=", "=": "=", ">": ">", "<": "<", cmpNone: ""}
	// cmpShownOf is how the editor shows a comparator read by
	// forms.LeadingComparator
	cmpShownOf = map[string]string{">=": "≥", "<=": "≤", "=": "=", ">": ">", "<": "<"}
)

const (
	cmpNone = "—"  // no comparator
	cmpText = "文字" // free text
)

// units offered in the unit field's menu.
var units = []string{"次", "%", "万元", "元", "个", "项", "件", "人", "人次", "天", "期", "份", "篇", "台", "套", "分"}

var reNumber = regexp.MustCompile(`^[0-9]+(?:\.[0-9]+)?$`)

// indValue is a value read apart.
type indValue struct {
	cmp    string // as shown: ≥ ≤ = > < or cmpNone
	raw    string // the comparator as written
	num    string
	unit   string
	shaped bool // comparator, number, unit; false: free text
}

// readValue takes a value apart. A blank value is shaped (nothing typed yet).
func readValue(v string) indValue {
	s := strings.TrimSpace(v)
	out := indValue{cmp: cmpNone}
	if plain, written := forms.LeadingComparator(s); plain != "" {
		out.cmp, out.raw, s = cmpShownOf[plain], written, strings.TrimSpace(s[len(written):])
	}
	s = foldDigits(s)
	i := 0
	for i < len(s) && (s[i] >= '0' && s[i] <= '9' || s[i] == '.') {
		i++
	}
	out.num, out.unit = s[:i], strings.TrimSpace(s[i:])
	switch {
	case strings.TrimSpace(v) == "":
		out.shaped = true
	case out.num == "" || !reNumber.MatchString(out.num):
		out.shaped = false
	default:
		out.shaped = out.unit == "" || unitOK(out.unit)
	}
	return out
}

// unitOK: a unit has no digits or spaces and is short.
func unitOK(u string) bool {
	return !strings.ContainsAny(u, "0123456789 \t") && len([]rune(u)) <= 6
}

// composeValue writes a value back from its parts; raw keeps the comparator
// as the clerk's data wrote it when the shown one did not change.
func composeValue(cmp, raw, num, unit string) (string, error) {
	num, unit = strings.TrimSpace(foldDigits(num)), strings.TrimSpace(unit)
	if num == "" && unit == "" {
		return "", nil
	}
	if num == "" {
		return "", errors.New("请填写数值（单位填在右边）")
	}
	if !reNumber.MatchString(num) {
		return "", fmt.Errorf("“%s”不是数值：请只填数字，如 24、98.5；不是数值的指标值，请把比较符选为“文字”", num)
	}
	if !unitOK(unit) {
		return "", fmt.Errorf("“%s”不像单位：单位不含数字和空格，如 次、%%、万元", unit)
	}
	stored := cmpStored[cmp]
	if plain, written := forms.LeadingComparator(raw); written == raw && raw != "" && cmpShownOf[plain] == cmp {
		stored = raw // as the clerk wrote it, while the comparator stays the same
	}
	return stored + num + unit, nil
}

// foldDigits turns full-width digits and the full-width point into ASCII.
func foldDigits(s string) string {
	return strings.Map(func(r rune) rune {
		switch {
		case r >= '０' && r <= '９':
			return r - '０' + '0'
		case r == '．':
			return '.'
		}
		return r
	}, s)
}

// valueEditor edits one indicator value.
type valueEditor struct {
	get   func() string
	set   func(string) error
	cmp   *widget.Select
	num   *textedit.Field
	unit  *textedit.Field
	text  *textedit.Field // free text
	raw   string          // the comparator as stored
	quiet bool
	free  bool
	obj   *fyne.Container
	msgs  fyne.CanvasObject
	shape *fyne.Container
}

func newValueEditor(w fyne.Window, get func() string, set func(string) error) *valueEditor {
	v := &valueEditor{get: get, set: set}
	apply := func(string) error { return v.applyParts() }
	v.num = textedit.NewField("", apply)
	v.num.PlaceHolder = "数值"
	v.unit = textedit.NewField("", apply)
	v.unit.PlaceHolder = "单位"
	v.unit.ActionItem = widget.NewButtonWithIcon("", theme.MenuDropDownIcon(), func() { v.unitMenu(w) })
	v.text = textedit.NewField("", func(t string) error { return v.set(strings.TrimSpace(t)) })
	v.text.PlaceHolder = "指标值（文字）"
	v.cmp = widget.NewSelect(cmpShown, v.cmpChanged)
	v.cmp.PlaceHolder = cmpNone
	v.shape = container.New(&textedit.Columns{Widths: []float32{0, 80}}, v.num, v.unit)
	v.obj = container.New(&textedit.Columns{Widths: []float32{58, 0}}, v.cmp, container.NewStack(v.shape, v.text))
	v.msgs = container.NewVBox(v.num.Message(), v.unit.Message(), v.text.Message())
	v.show()
	return v
}

// show puts the stored value in the editor (keeping what is being typed
// when the value did not change under it).
func (v *valueEditor) show() {
	stored := v.get()
	iv := readValue(stored)
	v.quiet = true
	defer func() { v.quiet = false }()
	if !iv.shaped {
		v.free = true
		v.cmp.SetSelected(cmpText)
		v.text.Set(stored)
		v.shape.Hide()
		v.text.Show()
		return
	}
	if v.free && stored == "" && v.text.Pending() {
		return // clearing a free text in progress
	}
	v.free = false
	v.raw = iv.raw
	v.cmp.SetSelected(iv.cmp)
	v.num.Set(iv.num)
	v.unit.Set(iv.unit)
	v.text.Set(stored)
	v.text.Hide()
	v.shape.Show()
}

func (v *valueEditor) cmpChanged(c string) {
	if v.quiet {
		return
	}
	if c == cmpText {
		v.free = true
		v.text.Set(v.get())
		v.shape.Hide()
		v.text.Show()
		return
	}
	if v.free { // from free text back to parts: keep what reads as a number
		v.free = false
		iv := readValue(v.text.Text)
		num, unit := "", ""
		if iv.shaped {
			num, unit = iv.num, iv.unit
		}
		v.num.SetText(num)
		v.unit.SetText(unit)
		v.text.Hide()
		v.shape.Show()
	}
	if err := v.applyParts(); err != nil {
		v.num.Message().SetText(err.Error())
		v.num.Message().Show()
	}
}

// applyParts stores comparator, number and unit as one value.
func (v *valueEditor) applyParts() error {
	c := v.cmp.Selected
	if c == "" || c == cmpText {
		c = cmpNone
	}
	val, err := composeValue(c, v.raw, v.num.Text, v.unit.Text)
	if err != nil {
		return err
	}
	if val == v.get() {
		return nil
	}
	return v.set(val)
}

func (v *valueEditor) unitMenu(w fyne.Window) {
	var items []*fyne.MenuItem
	for _, u := range units {
		items = append(items, fyne.NewMenuItem(u, func() {
			v.unit.SetText(u)
			v.unit.Commit()
		}))
	}
	widget.ShowPopUpMenuAtRelativePosition(fyne.NewMenu("", items...), w.Canvas(),
		fyne.NewPos(0, v.unit.Size().Height), v.unit)
}

func (v *valueEditor) commit() {
	if v.free {
		v.text.Commit()
		return
	}
	v.num.Commit()
	v.unit.Commit()
}
