package xlsx

import (
	"encoding/json"
	"strings"

	"yusuan/forms"
	"yusuan/forms/narrative"
)

// dataSheet is a hidden sheet carrying what the visible sheets do not: the
// 情况说明's extra inputs, its hand-written sections and the 出错说明 — so a
// workbook of ours imports as the document it came from (decision 10).
const dataSheet = "程序数据"

// data is what the hidden sheet holds, one JSON value per key.
type data struct {
	Inputs       forms.Inputs        `json:"inputs"`
	Written      map[string]string   `json:"written,omitempty"`
	Explanations []forms.Explanation `json:"explanations,omitempty"`
	// NoGlossary: the clerk cleared the 名词解释 (the text sheet cannot say
	// "none" apart from "the default")
	NoGlossary bool `json:"noGlossary,omitempty"`
}

func (w *writer) dataSheet() error {
	f, d := w.f, w.doc
	b, err := json.Marshal(data{Inputs: d.Inputs, Written: d.Text.Written, Explanations: d.Explanations,
		NoGlossary: d.Text.Glossary != nil && len(d.Text.Glossary) == 0})
	if err != nil {
		return err
	}
	if _, err := f.NewSheet(dataSheet); err != nil {
		return err
	}
	f.SetCellStr(dataSheet, "A1", "预算公开助手的补充数据（情况说明的补充信息、手写段落、出错说明），请勿修改")
	for i, chunk := range chunks(string(b), 30000) {
		f.SetCellStr(dataSheet, cell(1, i+2), chunk)
	}
	return f.SetSheetVisible(dataSheet, false)
}

// readData reads the hidden sheet back; a damaged one is reported and left
// out (the tables still import).
func readData(s *sheet, raw *forms.Raw, rep *Report) {
	var b strings.Builder
	for _, r := range s.rows[min(1, len(s.rows)):] {
		if len(r) > 0 {
			b.WriteString(r[0])
		}
	}
	var x data
	if err := json.Unmarshal([]byte(b.String()), &x); err != nil {
		rep.problem(s.name, -1, 0, "补充数据已损坏，未导入（情况说明的补充信息、手写段落和出错说明需重新填写）：%v", err)
		return
	}
	raw.Inputs, raw.Text.Written, raw.Explanations = x.Inputs, x.Written, x.Explanations
	if x.NoGlossary && raw.Text.Glossary == nil {
		raw.Text.Glossary = []forms.Term{}
	}
}

// settleExplanation: a 情况说明 that is exactly the text the document
// generates is the generated text, not one given by hand — like a total
// that equals its sum (decision 2).
func settleExplanation(d *forms.Document) {
	if d.Text.Explanation == "" {
		return
	}
	if strings.TrimSpace(d.Text.Explanation) == narrative.Generate(d) {
		d.Text.Explanation = ""
	}
}
