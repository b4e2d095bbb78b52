package tablein

import (
	"encoding/json"
	"strconv"
	"strings"

	"yusuan/forms"
	"yusuan/forms/narrative"
)

// The parts of our own workbook that are not tables, as the workbook writer
// (export/xlsx) lays them out and Read reads them back: one definition for
// both.

// Sheet names of our workbook's text and data sheets.
const (
	// TextSheet holds the texts: one paragraph a row, its part's label
	// (TextFunctions …) in column A, the text in B, TextGoesOn in C when a
	// paragraph longer than a cell goes on in the next row; then the
	// 名词解释, one term a row (TextGlossary + term in A, definition in B).
	TextSheet = "文字说明"
	// DataSheet is the hidden sheet carrying what the visible sheets do not
	// (decision 10): HiddenData as JSON, from row 2 of column A on, cut into
	// cells.
	DataSheet = "程序数据"
)

// Labels of the text sheet's parts.
const (
	TextFunctions    = "主要职能"
	TextOrganization = "机构设置"
	TextExplanation  = "情况说明"
	TextGlossary     = "名词解释｜" // + the term
	// TextGoesOn marks (in column C) a row of the text sheet that continues
	// the paragraph above it.
	TextGoesOn = "续"
)

// Labels of the cover sheet (label in column A, value in B; the template's
// ID in column C of its line), read back by Read.
const (
	CoverName     = "单位名称"
	CoverCode     = "单位代码"
	CoverYear     = "预算年度"
	CoverLevel    = "级次"
	CoverTemplate = "模板"
	CoverSample   = "示例数据"
	CoverRemark   = "说明"
	CoverDate     = "编制日期"
	CoverUnits    = "所属单位" // one line per unit: code CoverUnitSep name
	CoverSelf     = "本级"   // the 部门 itself among its units (the first, as 汇总 makes it)
	CoverUnitSep  = "｜"
)

// HiddenData is what the data sheet holds: the 情况说明's extra inputs, its
// hand-written sections and the 出错说明 — so a workbook of ours reads back
// as the document it came from.
type HiddenData struct {
	Inputs       forms.Inputs        `json:"inputs"`
	Written      map[string]string   `json:"written,omitempty"`
	Explanations []forms.Explanation `json:"explanations,omitempty"`
	// NoGlossary: the clerk cleared the 名词解释 (the text sheet cannot say
	// "none" apart from "the default")
	NoGlossary bool `json:"noGlossary,omitempty"`
	// Template: the document's own table list (a document read from a
	// published one), and Printed the printed copies by table id: the
	// sheets show them, these give them back exactly.
	Template *forms.Template           `json:"template,omitempty"`
	Printed  map[string]*forms.Printed `json:"printed,omitempty"`
}

// coverOf reads our cover sheet's label/value lines, if there is one.
func coverOf(sheets []*sheet) map[string][]string {
	for _, s := range sheets {
		kv := map[string][]string{}
		for _, r := range s.rows {
			if len(r) >= 1 && r[0] != "" {
				v := ""
				if len(r) >= 2 {
					v = r[1]
				}
				kv[r[0]] = append(kv[r[0]], v)
				if len(r) >= 3 && r[2] != "" {
					kv[r[0]+"#"] = append(kv[r[0]+"#"], r[2]) // the hidden third column (the template's id)
				}
			}
		}
		if _, ok := kv[CoverYear]; ok {
			if _, ok := kv[CoverTemplate]; ok {
				return kv
			}
		}
	}
	return nil
}

func first(kv map[string][]string, k string) string {
	if v := kv[k]; len(v) > 0 {
		return v[0]
	}
	return ""
}

func isCover(s *sheet) bool {
	year, tmpl := false, false
	for _, r := range s.rows {
		if len(r) > 0 {
			year, tmpl = year || r[0] == CoverYear, tmpl || r[0] == CoverTemplate
		}
	}
	return year && tmpl
}

func readCover(cover map[string][]string, raw *forms.Raw) {
	if cover == nil {
		return
	}
	raw.Meta.Name = first(cover, CoverName)
	raw.Meta.Code = first(cover, CoverCode)
	raw.Meta.Year, _ = strconv.Atoi(first(cover, CoverYear))
	raw.Meta.Level = forms.Level(first(cover, CoverLevel))
	raw.Meta.Sample = first(cover, CoverSample) != ""
	raw.Meta.Remark = first(cover, CoverRemark)
	raw.Meta.Date = first(cover, CoverDate)
	for _, u := range append(cover[CoverSelf], cover[CoverUnits]...) {
		code, name, _ := strings.Cut(u, CoverUnitSep)
		raw.Units = append(raw.Units, forms.OrgUnit{Code: code, Name: name})
	}
}

func readText(s *sheet, raw *forms.Raw) {
	paras := map[string][]string{}
	for _, r := range s.rows {
		if len(r) < 1 || r[0] == "" {
			continue
		}
		v := ""
		if len(r) > 1 {
			v = r[1]
		}
		label, cont := strings.CutSuffix(r[0], "（续）") // how earlier versions marked a continued cell
		cont = cont || (len(r) > 2 && r[2] == TextGoesOn)
		switch {
		case label == TextFunctions || label == TextOrganization || label == TextExplanation:
			if p := paras[label]; cont && len(p) > 0 {
				p[len(p)-1] += v
			} else {
				paras[label] = append(p, v)
			}
		case strings.HasPrefix(r[0], TextGlossary):
			raw.Text.Glossary = append(raw.Text.Glossary, forms.Term{Term: strings.TrimPrefix(r[0], TextGlossary), Definition: v})
		}
	}
	raw.Text.Functions = strings.Join(paras[TextFunctions], "\n")
	raw.Text.Organization = strings.Join(paras[TextOrganization], "\n")
	raw.Text.Explanation = strings.Join(paras[TextExplanation], "\n")
}

// readData reads the hidden sheet back; a damaged one is reported and left
// out (the tables still import).
// hiddenData decodes our data sheet.
func hiddenData(s *sheet) (*HiddenData, error) {
	var b strings.Builder
	for _, r := range s.rows[min(1, len(s.rows)):] {
		if len(r) > 0 {
			b.WriteString(r[0])
		}
	}
	var x HiddenData
	if err := json.Unmarshal([]byte(b.String()), &x); err != nil {
		return nil, err
	}
	return &x, nil
}

// ownTemplate is the table list a workbook of ours carries for a document
// read from a published one, with the tables' printed copies, or nil.
func ownTemplate(sheets []*sheet) (*forms.Template, map[string]*forms.Printed) {
	for _, s := range sheets {
		if s.name != DataSheet {
			continue
		}
		if x, err := hiddenData(s); err == nil && x.Template != nil {
			x.Template.Own = true
			return x.Template, x.Printed
		}
	}
	return nil, nil
}

func readData(s *sheet, raw *forms.Raw, rep *Report) {
	x, err := hiddenData(s)
	if err != nil {
		rep.problem(s, -1, 0, "补充数据已损坏，未导入（情况说明的补充信息、手写段落和出错说明需重新填写）：%v", err)
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
