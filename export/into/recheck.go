package into

import (
	"strings"

	"github.com/xuri/excelize/v2"

	"yusuan/forms"
	"yusuan/forms/check"
)

// The 表样's words win over our 情况说明 (the bureau's sentences, filled),
// so the text checks run on the filled text: the sheets whose title names
// a 编制说明 or 情况说明, in sheet order, stand for the 情况说明.

// filledExplanation is the filled 表样's explanatory text, "" if it has none.
func filledExplanation(f *excelize.File, tables map[string]bool) string {
	var parts []string
	for _, name := range f.GetSheetList() {
		if tables[name] {
			continue
		}
		rows, err := f.GetRows(name)
		if err != nil || len(rows) == 0 {
			continue
		}
		title := ""
		seen := map[string]bool{}
		var texts []string
		for _, row := range rows {
			for _, v := range row {
				if v = strings.TrimSpace(v); v == "" || seen[v] {
					continue
				}
				seen[v] = true
				if title == "" {
					title = v
				}
				texts = append(texts, v)
			}
		}
		if strings.Contains(title, "编制说明") || strings.Contains(title, "情况说明") && !strings.Contains(title, "项目") {
			parts = append(parts, texts...)
		}
	}
	return strings.Join(parts, "\n")
}

// checkFilledText runs the text checks on the filled text and lists their
// 错误 and 警告 (a copy of the document is checked; it is not changed).
func checkFilledText(d *forms.Document, text string) []string {
	if text == "" {
		return nil
	}
	cp := *d
	cp.Text.Explanation = text
	cp.Text.Written = nil
	var out []string
	for _, fd := range check.Document(&cp).Findings {
		if fd.Table != check.PartExplanation || fd.Severity > check.Warning {
			continue
		}
		out = append(out, fd.Severity.String()+"："+fd.Message)
	}
	return out
}
