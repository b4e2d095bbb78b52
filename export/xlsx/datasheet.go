package xlsx

import (
	"encoding/json"

	"yusuan/export/tablein"
	"yusuan/forms"
)

// dataSheet is a hidden sheet carrying what the visible sheets do not: the
// 情况说明's extra inputs, its hand-written sections and the 出错说明 — so a
// workbook of ours imports as the document it came from (decision 10).
// tablein defines its name and content and reads it back.
const dataSheet = tablein.DataSheet

func (w *writer) dataSheet() error {
	f, d := w.f, w.doc
	x := tablein.HiddenData{Inputs: d.Inputs, Written: d.Text.Written, Explanations: d.Explanations,
		NoGlossary: d.Text.Glossary != nil && len(d.Text.Glossary) == 0}
	if d.Template.Own {
		x.Template, x.Printed = d.Template, map[string]*forms.Printed{}
		for _, t := range d.Tables {
			if t.Printed != nil {
				x.Printed[t.ID] = t.Printed
			}
		}
	}
	b, err := json.Marshal(x)
	if err != nil {
		return err
	}
	f.SetCellStr(dataSheet, "A1", "预算公开助手的补充数据（情况说明的补充信息、手写段落、出错说明），请勿修改")
	for i, chunk := range chunks(string(b), 30000) {
		f.SetCellStr(dataSheet, cell(1, i+2), chunk)
	}
	return nil // hidden when made (Build)
}
