package pdfdoc

import (
	"regexp"
	"strings"
	"unicode/utf8"

	"yusuan/forms"
)

// Headings that open the text parts, whatever the locality calls them.
var (
	reGlossary = regexp.MustCompile(`^(?:第[一二三四五六七八九十]+部分\s*)?(?:[一二三四五六七八九十\d]+[、.．]\s*)?名词解释`)
	// a heading that ends a part: 第X部分 or 一、 (a numbered item （三）
	// inside 主要职能 does not)
	reHeading = regexp.MustCompile(`^(?:第[一二三四五六七八九十]+部分|[一二三四五六七八九十]+、)`)
	reNumber  = regexp.MustCompile(`^[（(]?[一二三四五六七八九十\d]+[)）、.．]\s*`)
	// what may stand before a part's name: the unit (“上海市审计局（单位）”,
	// “单位”, “部门”), never a clause of a duty (“（四）落实安全生产职责”,
	// “（五）负责机关人事、机构编制”)
	reDutyWords = regexp.MustCompile(`[，。：；、\d]|^(?:负责|履行|落实|承担|加强|推进|贯彻|组织|拟订|制定|指导|管理|完成|做好|强化)`)
)

var (
	functionNames     = []string{"主要职能", "职责情况", "职责"}
	organizationNames = []string{"机构设置情况", "机构设置", "内设机构", "机构编制", "单位构成情况", "单位构成", "部门构成"}
)

// partOfHeading says which 部门概况 part a heading line opens: "functions",
// "organization", "both" (“一、部门职责及机构设置”) or "".
func partOfHeading(line string) string {
	rest := reNumber.ReplaceAllString(line, "")
	if rest == "基本情况" || rest == "学校基本情况" || rest == "部门基本情况" || rest == "单位基本情况" {
		return "functions" // 西南大学: “（一）基本情况”
	}
	names := func(list []string) (bool, string) {
		for _, n := range list {
			if i := strings.LastIndex(rest, n); i >= 0 && i+len(n) == len(rest) {
				return true, rest[:i]
			}
		}
		return false, ""
	}
	f, before := names(functionNames)
	o, beforeO := names(organizationNames)
	if o {
		before = beforeO
		// “部门职责及机构设置”, “主要职能及机构设置”: the two in one
		for _, n := range functionNames {
			if strings.Contains(before, n) {
				f = true
				before = before[:strings.Index(before, n)]
			}
		}
	}
	if !f && !o || utf8.RuneCountInString(before) > 20 || reDutyWords.MatchString(before) {
		return ""
	}
	switch {
	case f && o:
		return "both"
	case f:
		return "functions"
	}
	return "organization"
}

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
		heading := ""
		if short {
			heading = partOfHeading(t)
		}
		switch {
		case heading != "":
			part = heading
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
			case "both":
				functions, org = append(functions, t), append(org, t)
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
