package pdfdoc

import (
	"regexp"
	"strings"

	"yusuan/forms"
)

// Headings that open the text parts, whatever the locality calls them.
var (
	// A heading of its own line may name the unit first (“上海市审计局（单位）
	// 主要职能”, “一、单位主要职责”) and ends with the part's name.
	reFunctions    = regexp.MustCompile(`^(?:[（(]?[一二三四五六七八九十\d]+[)）、.．]\s*)?(?:[^，。：；\d]{0,20}(?:主要职能|职责|职责情况)|(?:学校|部门|单位)?基本情况)$`)
	reOrganization = regexp.MustCompile(`^(?:[（(]?[一二三四五六七八九十\d]+[)）、.．]\s*)?[^，。：；\d]{0,20}(?:机构设置|内设机构|机构编制|单位构成|部门构成)(?:情况)?$`)
	reGlossary     = regexp.MustCompile(`^(?:第[一二三四五六七八九十]+部分\s*)?(?:[一二三四五六七八九十\d]+[、.．]\s*)?名词解释`)
	// a heading that ends a part: 第X部分 or 一、 (a numbered item （三）
	// inside 主要职能 does not)
	reHeading = regexp.MustCompile(`^(?:第[一二三四五六七八九十]+部分|[一二三四五六七八九十]+、)`)
)

// applyText puts the PDF's text into the document's text parts: the
// paragraphs under a 主要职能 heading are 主要职能, those under 机构设置
// are 机构设置, the 名词解释 part's are its terms, and the whole text is
// the 情况说明 as published (the checks read it section by section).
func applyText(d *forms.Document, paras []Para) {
	var all, functions, org []string
	var terms []forms.Term
	part := ""
	for _, p := range paras {
		t := strings.TrimSpace(p.Text)
		short := len([]rune(t)) <= 30
		switch {
		case short && reFunctions.MatchString(t):
			part = "functions"
		case short && reOrganization.MatchString(t):
			part = "organization"
		case short && reGlossary.MatchString(t):
			part = "glossary"
		case short && reHeading.MatchString(t) && part != "glossary":
			part = ""
		default:
			switch part {
			case "functions":
				functions = append(functions, t)
			case "organization":
				org = append(org, t)
			case "glossary":
				if term, def, ok := termOf(t); ok {
					terms = append(terms, forms.Term{Term: term, Definition: def})
				}
			}
		}
		all = append(all, t)
	}
	d.Text.Functions = strings.Join(functions, "\n")
	d.Text.Organization = strings.Join(org, "\n")
	d.Text.Explanation = strings.Join(all, "\n")
	if len(terms) > 0 {
		d.Text.Glossary = terms
	}
}

var reTerm = regexp.MustCompile(`^(?:[（(]?[一二三四五六七八九十\d]+[)）、.．]\s*)?([^：:，。]{2,40}?)[：:]\s*(.+)$`)

// termOf reads "1．机关运行经费：是指…" as a term and its definition.
func termOf(p string) (term, def string, ok bool) {
	m := reTerm.FindStringSubmatch(p)
	if m == nil {
		return "", "", false
	}
	return strings.TrimSpace(m[1]), strings.TrimSpace(m[2]), true
}
