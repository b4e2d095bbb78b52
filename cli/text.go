package cli

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"yusuan/export/docin"
	"yusuan/export/pdfdoc"
	"yusuan/export/xlsx"
	"yusuan/forms"
	"yusuan/forms/check"
	"yusuan/forms/narrative"
)

// --text FILE (decision 41): the text parts of a disclosure published apart
// from its tables (北京's 附件1 情况说明 beside the 附件2 报表), or written in a
// word processor. check, show, import and export take it.

// textFlag is the option, the same on every command that takes it.
var textFlag = flagSpec{key: "text", names: []string{"--text"}, hasValue: true}

// textParts is what a --text file supplies: the parts it holds, which
// replace the document's.
type textParts struct {
	path  string
	text  forms.Text
	parts []string // check's part names of the parts given, in order
	plain bool     // a plain text file: the 情况说明 alone, as a clerk wrote it
}

// given reports whether the file supplied a part (check.Part…).
func (tp *textParts) given(part string) bool {
	for _, p := range tp.parts {
		if p == part {
			return true
		}
	}
	return false
}

// names lists the parts given, in Chinese.
func (tp *textParts) names() string {
	var out []string
	for _, p := range tp.parts {
		switch p {
		case check.PartFunctions:
			out = append(out, "主要职能")
		case check.PartOrganization:
			out = append(out, "机构设置")
		case check.PartExplanation:
			out = append(out, "情况说明")
		case check.PartGlossary:
			out = append(out, fmt.Sprintf("名词解释（%d 条）", len(tp.text.Glossary)))
		}
	}
	return strings.Join(out, "、")
}

// readTextParts reads a --text file by its content: a published PDF gives
// every text part it holds, a document (or a workbook of ours) its own, any
// other file is a text a clerk saved from a word processor: the 情况说明.
func readTextParts(path string) (*textParts, error) {
	tp := &textParts{path: path}
	switch {
	case docin.IsPDF(path):
		t, err := pdfdoc.ReadText(path)
		if err != nil {
			return nil, err
		}
		tp.text = t
	case isDocumentFile(path) || xlsx.IsWorkbook(path):
		d, _, err := docin.Read(path, docin.Options{})
		if err != nil {
			return nil, err
		}
		tp.text = forms.Text{Functions: d.Text.Functions, Organization: d.Text.Organization, Glossary: d.Text.Glossary}
		// its 情况说明 as it prints: written whole, or generated from its
		// tables with the sections written by hand
		tp.text.Explanation = narrative.Text(d)
	default:
		s, err := readTextFile(path)
		if err != nil {
			return nil, err
		}
		tp.text = forms.Text{Explanation: s}
		tp.plain = true
	}
	for _, p := range []struct {
		part string
		has  bool
	}{
		{check.PartFunctions, strings.TrimSpace(tp.text.Functions) != ""},
		{check.PartOrganization, strings.TrimSpace(tp.text.Organization) != ""},
		{check.PartExplanation, strings.TrimSpace(tp.text.Explanation) != ""},
		{check.PartGlossary, len(tp.text.Glossary) > 0},
	} {
		if p.has {
			tp.parts = append(tp.parts, p.part)
		}
	}
	if len(tp.parts) == 0 {
		return nil, fmt.Errorf("“%s”中没有读到任何文字部分（主要职能、机构设置、情况说明、名词解释）", path)
	}
	return tp, nil
}

// isDocumentFile: our document file, by its content (any name).
func isDocumentFile(path string) bool {
	f, err := os.Open(path)
	if err != nil {
		return false
	}
	defer f.Close()
	head := make([]byte, 512)
	n, _ := io.ReadFull(f, head)
	head = bytes.TrimLeft(bytes.TrimPrefix(head[:n], []byte{0xEF, 0xBB, 0xBF}), " \t\r\n")
	return bytes.HasPrefix(head, []byte("{")) && bytes.Contains(head, []byte(`"format"`))
}

// apply puts the parts given in place of the document's.
func (tp *textParts) apply(d *forms.Document) {
	if tp.given(check.PartFunctions) {
		d.Text.Functions = tp.text.Functions
	}
	if tp.given(check.PartOrganization) {
		d.Text.Organization = tp.text.Organization
	}
	if tp.given(check.PartExplanation) {
		d.Text.Explanation = tp.text.Explanation
		d.Text.Written = nil // the whole text given stands for every section
	}
	if tp.given(check.PartGlossary) {
		d.Text.Glossary = append([]forms.Term(nil), tp.text.Glossary...)
	}
}

// textOption reads the --text of a command, refusing it beside more than
// one document (the parts are one publication's). nil when not given.
func textOption(e *Env, p *parsed, command string) (*textParts, bool) {
	path, ok := p.values["text"]
	if !ok {
		return nil, true
	}
	if len(p.files) != 1 {
		e.errorf("--text 只能与一个文档一起使用（%s 给了 %d 个文件）：文字部分属于一份公开文本", command, len(p.files))
		return nil, false
	}
	tp, err := readTextParts(path)
	if err != nil {
		e.errorf("%v", err)
		return nil, false
	}
	return tp, true
}

// writeTextNote says on stdout which parts came from the --text file.
func writeTextNote(w io.Writer, tp *textParts) {
	fmt.Fprintf(w, "文字部分取自 %s：%s\n", filepath.Base(tp.path), tp.names())
}

// writeTexts prints the text parts a --text file gave (show).
func writeTexts(w io.Writer, d *forms.Document, tp *textParts) {
	fmt.Fprintln(w)
	writeTextNote(w, tp)
	section := func(title, text string) {
		fmt.Fprintf(w, "\n【%s】\n%s\n", title, strings.TrimSpace(text))
	}
	if tp.given(check.PartFunctions) {
		section("主要职能", d.Text.Functions)
	}
	if tp.given(check.PartOrganization) {
		section("机构设置", d.Text.Organization)
	}
	if tp.given(check.PartExplanation) {
		section("情况说明", d.Text.Explanation)
	}
	if tp.given(check.PartGlossary) {
		var b strings.Builder
		for i, t := range d.Text.Glossary {
			fmt.Fprintf(&b, "%d．%s：%s\n", i+1, t.Term, t.Definition)
		}
		section("名词解释", b.String())
	}
}
