package textedit

import (
	"maps"
	"reflect"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"yusuan/app/look"
	"yusuan/forms"
	"yusuan/forms/edit"
	"yusuan/forms/money"
	"yusuan/forms/narrative"
)

// inputs are the fields of the 情况说明's extra inputs (forms.Inputs), each
// shown under the section whose text it fills. Every field changes one
// value through Session.SetInputs: one undo step.
type inputs struct {
	s         *edit.Session
	fields    Fields
	refresh   []func(forms.Inputs) // show the document's values again
	gapFields map[string]*inputField

	// 类 uses: one field per 类 of the 一般公共预算支出表.
	classBox   *fyne.Container
	classCodes []string
	classUses  map[string]*inputField

	operatingHint *look.Para // what a blank 机关运行经费 stands for
	sangongTotal  *look.Para // 上年“三公” total
	procHint      *look.Para // what a blank 政府采购 total stands for
}

// inputField is a field with the words that name it.
type inputField struct {
	*Field
	label string
}

func newInputs(s *edit.Session) *inputs {
	return &inputs{s: s, gapFields: map[string]*inputField{}, classUses: map[string]*inputField{}}
}

func (in *inputs) doc() *forms.Document { return in.s.Doc() }

// change applies a change to a copy of the inputs; nothing is recorded when
// the values stay the same (a figure retyped as "1030.1"): the fields then
// show the stored form again.
func (in *inputs) change(f func(*forms.Inputs)) error {
	old := in.doc().Inputs
	next := cloneInputs(old)
	f(&next)
	if reflect.DeepEqual(normalizeInputs(next), normalizeInputs(old)) {
		in.show()
		return nil
	}
	return in.s.SetInputs(next)
}

// show puts the document's values in every field not being typed in.
func (in *inputs) show() {
	x := in.doc().Inputs
	for _, r := range in.refresh {
		r(x)
	}
	in.showClasses(x)
	in.showHints()
}

func (in *inputs) commit() { in.fields.Commit() }

func (in *inputs) add(label string, f *Field, get func(forms.Inputs) string, gaps ...string) *inputField {
	inf := &inputField{Field: f, label: label}
	in.fields = append(in.fields, f)
	in.refresh = append(in.refresh, func(x forms.Inputs) { f.Set(get(x)) })
	for _, g := range gaps {
		in.gapFields[g] = inf
	}
	return inf
}

// text is a field of words (a reason).
func (in *inputs) text(label, placeholder string, get func(forms.Inputs) string, set func(*forms.Inputs, string), gaps ...string) *inputField {
	f := NewField(get(in.doc().Inputs), func(t string) error {
		return in.change(func(x *forms.Inputs) { set(x, strings.TrimSpace(t)) })
	})
	f.PlaceHolder = placeholder
	return in.add(label, f, get, gaps...)
}

// amount is a field of 万元; blank is nil.
func (in *inputs) amount(label string, get func(forms.Inputs) *money.Amount, set func(*forms.Inputs, *money.Amount), gaps ...string) *inputField {
	show := func(x forms.Inputs) string { return OptAmountText(get(x)) }
	f := NewField(show(in.doc().Inputs), func(t string) error {
		a, err := ParseAmount(t)
		if err != nil {
			return err
		}
		return in.change(func(x *forms.Inputs) { set(x, a) })
	})
	return in.add(label, f, show, gaps...)
}

// count is a field of a whole number; blank is nil.
func (in *inputs) count(label string, get func(forms.Inputs) *int, set func(*forms.Inputs, *int), gaps ...string) *inputField {
	show := func(x forms.Inputs) string {
		if n := get(x); n != nil {
			return CountText(*n)
		}
		return ""
	}
	f := NewField(show(in.doc().Inputs), func(t string) error {
		var p *int
		if strings.TrimSpace(t) != "" {
			n, err := ParseCount(t)
			if err != nil {
				return err
			}
			p = &n
		}
		return in.change(func(x *forms.Inputs) { set(x, p) })
	})
	return in.add(label, f, show, gaps...)
}

// Gap texts the generated 情况说明 leaves (narrative's 【请填写：…】), by the
// field that fills them.
const (
	gapPrevTotal       = "上年收支总预算（万元）"
	gapTotalReason     = "收支总预算增减的主要原因"
	gapClassUse        = "该类支出的主要用途"
	gapPrevSangong     = "上年“三公”经费预算数（分项）"
	gapSangongReason   = "“三公”经费增减的主要原因"
	gapPrePerf         = "事前绩效评估项目个数和金额"
	gapOperating       = "机关运行经费（万元）"
	gapPrevOperating   = "上年机关运行经费（万元）"
	gapOperatingReason = "机关运行经费增减的主要原因"
	gapProcurement     = "政府采购预算总额及货物、工程、服务各类金额"
	gapAssets          = "按用途分的车辆数、单位价值200万元以上的大型设备数和本年购置计划"
)

// gapsWithoutField are gaps a table fills, not an input.
var gapsWithoutField = map[string]string{
	"本节内容":         "请在第二部分填写本节所依据的表格",
	"一级、二级项目个数和金额": "请在第二部分填写项目支出表",
}

// panel is the section's block of inputs (nil when the section needs none).
func (in *inputs) panel(key string) fyne.CanvasObject {
	switch key {
	case narrative.SecSummary:
		return in.summaryPanel()
	case narrative.SecGeneral:
		return in.classPanel()
	case narrative.SecSangong:
		return in.sangongPanel()
	case narrative.SecPerf:
		return in.perfPanel()
	case narrative.SecOther:
		return in.otherPanel()
	}
	return nil
}

// form lays out fields under a caption: label, field, unit, message.
func form(caption string, rows ...fyne.CanvasObject) fyne.CanvasObject {
	box := container.NewVBox(widget.NewLabelWithStyle(caption, fyne.TextAlignLeading, fyne.TextStyle{Bold: true}))
	for _, r := range rows {
		box.Add(r)
	}
	return Box(box)
}

var (
	labelCols = &Columns{Widths: []float32{170, 0}}
	classCols = &Columns{Widths: []float32{240, 0}}
)

// line is one field with its label in front and its unit (if any) after.
func line(f *inputField, unit string) fyne.CanvasObject {
	var body fyne.CanvasObject = f.Field
	if unit != "" {
		body = container.NewHBox(Sized(150, f.Field), widget.NewLabel(unit))
	}
	return labelCols.Row(container.NewVBox(FieldLabel(f.label)), container.NewVBox(body, f.Message()))
}

// grid puts short fields (counts, parts of a sum) several to a line.
func grid(unit string, fs ...*inputField) fyne.CanvasObject {
	units := make([]string, len(fs))
	for i := range units {
		units[i] = unit
	}
	return gridUnits(units, fs...)
}

// gridUnits is grid with a unit for each field. As many fields share a line
// as fit (a fixed column count would make the view as wide as its columns
// and push the navigation aside).
func gridUnits(units []string, fs ...*inputField) fyne.CanvasObject {
	cell := &Columns{Widths: []float32{164, 110, 32}}
	var cells, msgs []fyne.CanvasObject
	size := fyne.NewSize(0, 0)
	for i, f := range fs {
		c := cell.Row(FieldLabel(f.label), f.Field, widget.NewLabel(units[i]))
		size = size.Max(c.MinSize())
		cells = append(cells, c)
		msgs = append(msgs, f.Message())
	}
	g := container.NewGridWrap(size, cells...)
	return container.NewVBox(append([]fyne.CanvasObject{g}, msgs...)...)
}

func (in *inputs) summaryPanel() fyne.CanvasObject {
	prev := in.amount("上年收支总预算", func(x forms.Inputs) *money.Amount { return x.PrevTotal },
		func(x *forms.Inputs, a *money.Amount) { x.PrevTotal = a }, gapPrevTotal)
	reason := in.text("增减的主要原因", "如：本年新增……项目", func(x forms.Inputs) string { return x.TotalReason },
		func(x *forms.Inputs, s string) { x.TotalReason = s }, gapTotalReason)
	return form("本节补充信息", line(prev, "万元"), line(reason, ""))
}

// classes lists the 类 of the 一般公共预算支出表: codes and names.
func classes(d *forms.Document) (codes, names []string) {
	t := d.First(forms.KindGeneral)
	if t == nil || t.Absent {
		return nil, nil
	}
	for _, r := range t.Main().Rows {
		if r.Type == forms.RowClass && len(r.Code) == 3 {
			codes = append(codes, r.Code)
			names = append(names, r.Name)
		}
	}
	return codes, names
}

func (in *inputs) classPanel() fyne.CanvasObject {
	in.classBox = container.NewVBox()
	in.buildClasses()
	return form("各类支出的主要用途（“主要用于……”后面的文字）", in.classBox)
}

// buildClasses makes one field per 类 of the general table, again when the
// table's 类 changed.
func (in *inputs) buildClasses() {
	codes, names := classes(in.doc())
	if slices.Equal(codes, in.classCodes) && in.classBox.Objects != nil {
		return
	}
	in.classCodes = codes
	in.classUses = map[string]*inputField{}
	in.classBox.Objects = nil
	if len(codes) == 0 {
		in.classBox.Add(Note("一般公共预算支出表还没有支出功能分类科目（类）。"))
	}
	for i, code := range codes {
		get := func(x forms.Inputs) string { return x.ClassUses[code] }
		f := NewField(get(in.doc().Inputs), func(t string) error {
			return in.change(func(x *forms.Inputs) {
				t = strings.TrimSpace(t)
				if t == "" {
					delete(x.ClassUses, code)
					if len(x.ClassUses) == 0 {
						x.ClassUses = nil
					}
					return
				}
				if x.ClassUses == nil {
					x.ClassUses = map[string]string{}
				}
				x.ClassUses[code] = t
			})
		})
		f.PlaceHolder = "本类支出主要用于……"
		inf := &inputField{Field: f, label: code + " " + names[i]}
		in.classUses[code] = inf
		in.classBox.Add(classCols.Row(container.NewVBox(FieldLabel(inf.label)), container.NewVBox(f, f.Message())))
	}
	in.classBox.Refresh()
}

func (in *inputs) showClasses(x forms.Inputs) {
	if in.classBox == nil {
		return
	}
	in.buildClasses()
	for code, f := range in.classUses {
		f.Set(x.ClassUses[code])
	}
}

// sangongPart is one item of last year's 三公.
func (in *inputs) sangongPart(label string, part func(*forms.Sangong) *money.Amount) *inputField {
	return in.amount(label, func(x forms.Inputs) *money.Amount {
		if x.PrevSangong == nil {
			return nil
		}
		return part(x.PrevSangong)
	}, func(x *forms.Inputs, a *money.Amount) {
		if a == nil {
			if x.PrevSangong != nil {
				*part(x.PrevSangong) = 0
				if *x.PrevSangong == (forms.Sangong{}) {
					x.PrevSangong = nil // every item cleared: not given
				}
			}
			return
		}
		if x.PrevSangong == nil {
			x.PrevSangong = &forms.Sangong{}
		}
		*part(x.PrevSangong) = *a
	}, gapPrevSangong)
}

func (in *inputs) sangongPanel() fyne.CanvasObject {
	parts := []*inputField{
		in.sangongPart("因公出国（境）费", func(s *forms.Sangong) *money.Amount { return &s.Abroad }),
		in.sangongPart("公务用车购置费", func(s *forms.Sangong) *money.Amount { return &s.CarBuy }),
		in.sangongPart("公务用车运行费", func(s *forms.Sangong) *money.Amount { return &s.CarRun }),
		in.sangongPart("公务接待费", func(s *forms.Sangong) *money.Amount { return &s.Reception }),
	}
	in.gapFields[gapPrevSangong] = &inputField{Field: parts[0].Field, label: "上年“三公”经费预算数"}
	in.sangongTotal = Note("")
	reason := in.text("增减的主要原因", "如：本年召开……会议，接待任务增加", func(x forms.Inputs) string { return x.SangongReason },
		func(x *forms.Inputs, s string) { x.SangongReason = s }, gapSangongReason)
	return form("本节补充信息：上年“三公”经费预算数（万元）",
		grid("万元", parts...), in.sangongTotal, line(reason, ""))
}

func (in *inputs) perfPanel() fyne.CanvasObject {
	n := in.count("事前绩效评估项目个数", func(x forms.Inputs) *int {
		if x.PrePerf == nil {
			return nil
		}
		return &x.PrePerf.Count
	}, func(x *forms.Inputs, p *int) {
		if p == nil {
			if x.PrePerf != nil && x.PrePerf.Amount == 0 {
				x.PrePerf = nil
			} else if x.PrePerf != nil {
				x.PrePerf.Count = 0
			}
			return
		}
		if x.PrePerf == nil {
			x.PrePerf = &forms.PrePerfSummary{}
		}
		x.PrePerf.Count = *p
	}, gapPrePerf)
	a := in.amount("涉及资金", func(x forms.Inputs) *money.Amount {
		if x.PrePerf == nil {
			return nil
		}
		return &x.PrePerf.Amount
	}, func(x *forms.Inputs, p *money.Amount) {
		if p == nil {
			if x.PrePerf != nil && x.PrePerf.Count == 0 {
				x.PrePerf = nil
			} else if x.PrePerf != nil {
				x.PrePerf.Amount = 0
			}
			return
		}
		if x.PrePerf == nil {
			x.PrePerf = &forms.PrePerfSummary{}
		}
		x.PrePerf.Amount = *p
	})
	return form("本节补充信息：事前绩效评估（空白时按事前绩效评估表计算）", line(n, "个"), line(a, "万元"))
}

func (in *inputs) otherPanel() fyne.CanvasObject {
	op := in.amount("机关运行经费", func(x forms.Inputs) *money.Amount { return x.Operating },
		func(x *forms.Inputs, a *money.Amount) { x.Operating = a }, gapOperating)
	in.operatingHint = Note("")
	prevOp := in.amount("上年机关运行经费", func(x forms.Inputs) *money.Amount { return x.PrevOperating },
		func(x *forms.Inputs, a *money.Amount) { x.PrevOperating = a }, gapPrevOperating)
	opReason := in.text("增减的主要原因", "如：压减日常公用开支", func(x forms.Inputs) string { return x.OperatingReason },
		func(x *forms.Inputs, s string) { x.OperatingReason = s }, gapOperatingReason)

	procPart := func(label string, part func(*forms.Procurement) *money.Amount) *inputField {
		return in.amount(label, func(x forms.Inputs) *money.Amount {
			if x.Procurement == nil {
				return nil
			}
			return part(x.Procurement)
		}, func(x *forms.Inputs, a *money.Amount) {
			if a == nil {
				if x.Procurement != nil {
					*part(x.Procurement) = 0
					if p := x.Procurement; p.Goods == 0 && p.Works == 0 && p.Services == 0 && p.Total == nil {
						x.Procurement = nil
					}
				}
				return
			}
			if x.Procurement == nil {
				x.Procurement = &forms.Procurement{}
			}
			*part(x.Procurement) = *a
		}, gapProcurement)
	}
	goods := procPart("货物", func(p *forms.Procurement) *money.Amount { return &p.Goods })
	works := procPart("工程", func(p *forms.Procurement) *money.Amount { return &p.Works })
	services := procPart("服务", func(p *forms.Procurement) *money.Amount { return &p.Services })
	in.gapFields[gapProcurement] = &inputField{Field: goods.Field, label: "政府采购预算"}
	total := in.amount("政府采购总额", func(x forms.Inputs) *money.Amount {
		if x.Procurement == nil {
			return nil
		}
		return x.Procurement.Total
	}, func(x *forms.Inputs, a *money.Amount) {
		if x.Procurement == nil {
			if a == nil {
				return
			}
			x.Procurement = &forms.Procurement{}
		}
		p := x.Procurement
		if a != nil && *a == p.Goods+p.Works+p.Services {
			a = nil // the sum: nothing to keep apart
		}
		p.Total = a
		if a == nil && p.Goods == 0 && p.Works == 0 && p.Services == 0 {
			x.Procurement = nil
		}
	})
	in.procHint = Note("")

	assetCount := func(label string, part func(*forms.AssetInfo) *int) *inputField {
		return in.count(label, func(x forms.Inputs) *int {
			if x.Assets == nil {
				return nil
			}
			return part(x.Assets)
		}, func(x *forms.Inputs, n *int) {
			if n == nil {
				if x.Assets != nil {
					*part(x.Assets) = 0
					if *x.Assets == (forms.AssetInfo{}) {
						x.Assets = nil
					}
				}
				return
			}
			if x.Assets == nil {
				x.Assets = &forms.AssetInfo{}
			}
			*part(x.Assets) = *n
		}, gapAssets)
	}
	vehicles := []*inputField{
		assetCount("领导干部用车", func(a *forms.AssetInfo) *int { return &a.Vehicles.Leader }),
		assetCount("一般公务用车", func(a *forms.AssetInfo) *int { return &a.Vehicles.General }),
		assetCount("一般执法执勤用车", func(a *forms.AssetInfo) *int { return &a.Vehicles.Enforcement }),
		assetCount("特种专业技术用车", func(a *forms.AssetInfo) *int { return &a.Vehicles.Special }),
		assetCount("其他用车", func(a *forms.AssetInfo) *int { return &a.Vehicles.Other }),
	}
	in.gapFields[gapAssets] = &inputField{Field: vehicles[0].Field, label: "国有资产（车辆和大型设备）"}
	equipment := assetCount("200万元以上大型设备", func(a *forms.AssetInfo) *int { return &a.Equipment })
	planVeh := assetCount("本年拟购置车辆", func(a *forms.AssetInfo) *int { return &a.PlanVehicles })
	planEq := assetCount("拟购置200万元以上设备", func(a *forms.AssetInfo) *int { return &a.PlanEquipment })

	year := in.doc().Meta.Year
	return container.NewVBox(
		form("本节补充信息：（一）机关运行经费", line(op, "万元"), in.operatingHint, line(prevOp, "万元"), line(opReason, "")),
		form("（二）政府采购预算", grid("万元", goods, works, services), line(total, "万元"), in.procHint),
		form("（三）国有资产：截至"+CountText(year-1)+"年底的车辆（辆）", grid("辆", vehicles...),
			gridUnits([]string{"套", "辆", "套"}, equipment, planVeh, planEq)),
	)
}

// showHints updates the lines that say what a blank field stands for.
func (in *inputs) showHints() {
	x := in.doc().Inputs
	if in.operatingHint != nil {
		in.operatingHint.SetText("空白时按公用经费计（三公经费表列有机关运行经费时以表为准）。")
	}
	if in.sangongTotal != nil {
		if x.PrevSangong == nil {
			in.sangongTotal.SetText("上年“三公”经费合计：未填写")
		} else {
			in.sangongTotal.SetText("上年“三公”经费合计：" + money.FormatWithUnit(x.PrevSangong.Total(), money.WanYuan))
		}
	}
	if in.procHint != nil {
		sum := "三项之和"
		if p := x.Procurement; p != nil {
			sum += " " + money.FormatWithUnit(p.Goods+p.Works+p.Services, money.WanYuan)
		}
		in.procHint.SetText("总额空白时为货物、工程、服务" + sum + "。")
	}
}

// fieldForGap is the field that fills a gap of a line ("" when a table
// fills it): the 类 use by the 类 the line speaks of.
func (in *inputs) fieldForGap(what, line string) *inputField {
	if what == gapClassUse {
		codes, names := classes(in.doc())
		for i, n := range names {
			base, ok := strings.CutSuffix(n, "支出")
			if !ok || base == "" {
				base = n
			}
			if strings.HasPrefix(line, base+"（类）") {
				return in.classUses[codes[i]]
			}
		}
		return nil
	}
	return in.gapFields[what]
}

func cloneAmount(a *money.Amount) *money.Amount {
	if a == nil {
		return nil
	}
	v := *a
	return &v
}

// cloneInputs copies the inputs so that a change does not touch the
// document's maps and pointers.
func cloneInputs(in forms.Inputs) forms.Inputs {
	out := in
	out.PrevTotal = cloneAmount(in.PrevTotal)
	out.Operating = cloneAmount(in.Operating)
	out.PrevOperating = cloneAmount(in.PrevOperating)
	if in.ClassUses != nil {
		out.ClassUses = maps.Clone(in.ClassUses)
	}
	if in.PrevSangong != nil {
		v := *in.PrevSangong
		out.PrevSangong = &v
	}
	if in.Procurement != nil {
		v := *in.Procurement
		v.Total = cloneAmount(in.Procurement.Total)
		out.Procurement = &v
	}
	if in.Assets != nil {
		v := *in.Assets
		out.Assets = &v
	}
	if in.PrePerf != nil {
		v := *in.PrePerf
		out.PrePerf = &v
	}
	return out
}

// normalizeInputs makes an empty map nil, for comparing.
func normalizeInputs(in forms.Inputs) forms.Inputs {
	if len(in.ClassUses) == 0 {
		in.ClassUses = nil
	}
	return in
}
