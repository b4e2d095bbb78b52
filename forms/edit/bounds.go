package edit

import (
	"fmt"
	"unicode/utf8"

	"yusuan/forms"
)

// Bounds on what the clerk types (decision 45). forms refuses to load or
// save a document with a longer name or text, so an edit that would make
// one is refused here, where it is typed: otherwise the clerk could type a
// 300-character name and then find the document cannot be saved.

// CheckName refuses a name (单位名称, a line's or a project's name, a 绩效
// form's name, a 名词) longer than forms.MaxNameChars; field names it in
// the message.
func CheckName(field, v string) error {
	if e := bound(At{}, field, v, forms.MaxNameChars); e != nil {
		return e
	}
	return nil
}

// CheckText refuses a text longer than forms.MaxTextChars.
func CheckText(field, v string) error {
	if e := bound(At{}, field, v, forms.MaxTextChars); e != nil {
		return e
	}
	return nil
}

// bound is the refusal of v when it is longer than limit characters.
func bound(at At, field, v string, limit int) *Error {
	if len(v) <= limit { // a character takes at least a byte
		return nil
	}
	n := utf8.RuneCountInString(v)
	if n <= limit {
		return nil
	}
	return &Error{at, fmt.Sprintf("%s长 %d 字，超过 %d 字的上限，未记入文档；请缩短", field, n, limit)}
}

func boundName(at At, field, v string) error {
	if e := bound(at, field, v, forms.MaxNameChars); e != nil {
		return e
	}
	return nil
}

// fieldLabels name the fields of the parts edited as a whole, by Go type
// and field, as the window labels them.
var fieldLabels = map[string]string{
	"Meta.Name": "单位名称", "Meta.Code": "单位代码", "Meta.Remark": "文档说明",
	"Term.Term": "名词", "Term.Definition": "名词的解释",
	"ProjectPerf.Name": forms.LabelProject, "ProjectPerf.Level": forms.LabelLevel, "ProjectPerf.Dept": forms.LabelDept,
	"ProjectPerf.Goal": forms.LabelGoal, "ProjectPerf.Indicators": forms.LabelIndicators, "ProjectPerf.Unit": "单位代码",
	"DeptPerf.NameCode": forms.LabelDeptName, "DeptPerf.Tasks": "任务", "DeptPerf.KeyWork": forms.LabelKeyWork,
	"DeptPerf.Indicators": forms.LabelIndicators,
	"Task.Name":           forms.LabelTaskName, "Task.Content": forms.LabelTaskBody,
	"PrePerf.Name": forms.LabelPreName, "PrePerf.Dept": forms.LabelDept, "PrePerf.Period": forms.LabelPeriod,
	"PrePerf.AnnualGoal": forms.LabelAnnualGoal, "PrePerf.WholeGoal": forms.LabelWholeGoal,
	"PrePerf.AnnualGrid": forms.LabelAnnualGrid, "PrePerf.WholeGrid": forms.LabelWholeGrid,
	"PrePerf.Reporter": forms.LabelReporter, "PrePerf.Phone": forms.LabelPhone, "PrePerf.Unit": "单位代码",
	"Indicator.L1": "一级指标", "Indicator.L2": "二级指标", "Indicator.L3": "三级指标", "Indicator.Stage": "阶段性指标值",
	"Indicator.Value": "指标值", "Indicator.Standard": "评价标准", "Indicator.Score": "指标分值",
	"Inputs.TotalReason": "收支总预算增减的主要原因", "Inputs.ClassUses": "主要用途",
	"Inputs.SangongReason": "“三公”经费增减的主要原因", "Inputs.OperatingReason": "机关运行经费增减的主要原因",
}

// checkPart refuses a part edited as a whole (a 绩效 form, the glossary,
// the inputs) when any of its strings is too long. It reads the fields as
// forms does at load and save (forms.WalkStrings), so a part it passes can
// be saved. where names the part ("" for none).
func checkPart(where string, v any) error {
	return forms.WalkStrings(v, func(steps []forms.Step, s string, limit int) error {
		if e := bound(At{}, fieldOf(where, steps, limit), s, limit); e != nil {
			return e
		}
		return nil
	})
}

// fieldOf names a string of a part as the window labels it: "第2项的指标值",
// "名词的解释".
func fieldOf(where string, steps []forms.Step, limit int) string {
	label := "文字"
	for i, st := range steps {
		last := i == len(steps)-1
		switch {
		case st.Map:
			where, label = fmt.Sprintf("%s（%s）", where, st.Key), ""
		case st.Item > 0:
			where = fmt.Sprintf("%s第%d项的", where, st.Item)
		default:
			l, ok := fieldLabels[st.Struct+"."+st.Field]
			if !ok {
				l = "文字"
				if last && limit == forms.MaxNameChars {
					l = "名称"
				}
			}
			if !last {
				where += l // a list or a part: its items are named under it
			}
			label = l
		}
	}
	return where + label
}
