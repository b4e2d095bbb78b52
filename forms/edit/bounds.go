package edit

import (
	"fmt"
	"reflect"
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
// forms does at load and save: tagged bound:"name" a name, any other
// string a text; so a part it passes can be saved. where names the part
// ("" for none).
func checkPart(where string, v any) error {
	if e := walkPart(reflect.ValueOf(v), where, "文字"); e != nil {
		return e
	}
	return nil
}

func walkPart(v reflect.Value, where, label string) *Error {
	switch v.Kind() {
	case reflect.Pointer, reflect.Interface:
		if !v.IsNil() {
			return walkPart(v.Elem(), where, label)
		}
	case reflect.Struct:
		t := v.Type()
		for i := range t.NumField() {
			f := t.Field(i)
			if !f.IsExported() {
				continue
			}
			l, ok := fieldLabels[t.Name()+"."+f.Name]
			if !ok {
				l = "文字"
			}
			fv := v.Field(i)
			if fv.Kind() == reflect.String && f.Tag.Get("bound") == "name" {
				if !ok {
					l = "名称"
				}
				if e := bound(At{}, where+l, fv.String(), forms.MaxNameChars); e != nil {
					return e
				}
				continue
			}
			in := where
			if fv.Kind() != reflect.String {
				in = where + l // a list or a part: its items are named under it
			}
			if e := walkPart(fv, in, l); e != nil {
				return e
			}
		}
	case reflect.Slice, reflect.Array:
		for i := range v.Len() {
			if e := walkPart(v.Index(i), fmt.Sprintf("%s第%d项的", where, i+1), label); e != nil {
				return e
			}
		}
	case reflect.Map:
		it := v.MapRange()
		for it.Next() {
			in := fmt.Sprintf("%s（%v）", where, it.Key().Interface()) // where names the map
			if e := walkPart(it.Key(), in, ""); e != nil {
				return e
			}
			if e := walkPart(it.Value(), in, ""); e != nil {
				return e
			}
		}
	case reflect.String:
		return bound(At{}, where+label, v.String(), forms.MaxTextChars)
	}
	return nil
}
