package cli

import (
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"yusuan/export/pdfdoc"
	"yusuan/forms"
	"yusuan/forms/check"
	"yusuan/internal/corpus"
)

// 北京 publishes its disclosure as two files: 附件1 the 情况说明 (texts),
// 附件2 the 报表 (tables).
func beijing(t *testing.T) (texts, tables string) {
	t.Helper()
	texts, tables = corpus.PDF("bj-2026-shenjiju", "附件1"), corpus.PDF("bj-2026-shenjiju", "附件2")
	if texts == "" || tables == "" {
		t.Fatal("no 北京 corpus PDFs")
	}
	return texts, tables
}

var reQuote = regexp.MustCompile(`“([^”]{6,})”`)

// explanationQuotes are the fragments of the text the 情况说明 findings of
// a check --json quote, with the file each finding names.
func explanationQuotes(t *testing.T, out string) (quotes, files []string) {
	t.Helper()
	var fs []jsonFinding
	if err := json.Unmarshal([]byte(out), &fs); err != nil {
		t.Fatalf("JSON: %v\n%s", err, out)
	}
	for _, f := range fs {
		if f.Table != check.PartExplanation {
			continue
		}
		files = append(files, f.File)
		if m := reQuote.FindStringSubmatch(f.Message); m != nil {
			quotes = append(quotes, m[1])
		}
	}
	return quotes, files
}

func squeeze(s string) string { return strings.Join(strings.Fields(s), "") }

// check --text 附件1.pdf 附件2.pdf reads the two files of one publication
// together: the text rules run on 附件1's text against 附件2's tables.
func TestCheckTextFromAPublishedPDF(t *testing.T) {
	texts, tables := beijing(t)
	text, err := pdfdoc.ReadText(texts)
	if err != nil {
		t.Fatal(err)
	}
	published := squeeze(text.Explanation)
	inText := func(quotes []string) int {
		n := 0
		for _, q := range quotes {
			if strings.Contains(published, squeeze(q)) {
				n++
			}
		}
		return n
	}
	// 附件1's figures all agree with 附件2's tables (pp5–8 against pp1–9)
	code, out, errs := run("check", "--json", "--text", texts, tables)
	if code == ExitUsage {
		t.Fatalf("exit %d: %s", code, errs)
	}
	if q, f := explanationQuotes(t, out); len(f) != 0 {
		t.Errorf("findings on 附件1 against its own tables: %q", q)
	}
	// against another department's tables (苏州市审计局) they do not, and
	// each finding names the --text file
	other := corpus.PDF("suz-2026-shenjiju", "审计局")
	code, out, errs = run("check", "--json", "--text", texts, other)
	if code == ExitUsage {
		t.Fatalf("exit %d: %s", code, errs)
	}
	quotes, files := explanationQuotes(t, out)
	if len(files) == 0 || inText(quotes) == 0 {
		t.Errorf("no finding on 附件1's 情况说明 against 苏州's tables")
	}
	for _, f := range files {
		if f != texts {
			t.Errorf("a 情况说明 finding names %s, not the --text file", f)
		}
	}
	// without --text the 情况说明 is not 附件1's: 附件2 prints none, so the
	// text rules do not run
	_, out, _ = run("check", "--json", tables)
	if q, f := explanationQuotes(t, out); inText(q) != 0 || len(f) != 0 {
		t.Errorf("without --text, findings on a 情况说明: %q %q", q, f)
	}
	// the text report says where the texts came from
	_, out, _ = run("check", "--text", texts, other)
	if !strings.Contains(out, "文字部分取自 "+filepath.Base(texts)+"：主要职能、机构设置、情况说明") || !strings.Contains(out, "【情况说明】") {
		t.Errorf("report:\n%s", out)
	}
}

// show, import and export take --text too; the parts it gives replace the
// document's (主要职能 as printed on 附件1's page 3).
func TestTextPartsReplaceTheDocuments(t *testing.T) {
	texts, tables := beijing(t)
	const duty = "1.主管全市审计工作。负责对本市财政收支和法律法规规定属于审计监督范围的财务收支的真实、合法和效益进行审计监督"
	code, out, errs := run("show", "--text", texts, tables)
	if code != ExitOK || !strings.Contains(out, "【主要职能】") || !strings.Contains(squeeze(out), duty) || !strings.Contains(out, "预算01表 收支总表") {
		t.Errorf("show --text: %d %s\n%.2000s", code, errs, out)
	}
	dir := t.TempDir()
	doc := filepath.Join(dir, "北京市审计局.yusuan")
	if code, out, errs := run("import", tables, "--text", texts, "-o", doc); code != ExitOK || !strings.Contains(out, "文字部分取自") {
		t.Fatalf("import --text: %d %s %s", code, out, errs)
	}
	d, err := forms.Open(doc)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(squeeze(d.Text.Functions), duty) || d.Text.Organization == "" || len(d.Text.Glossary) == 0 || !strings.Contains(d.Text.Explanation, "情况说明") {
		t.Errorf("imported texts: %.100q / %.100q / %d terms", d.Text.Functions, d.Text.Organization, len(d.Text.Glossary))
	}
	// a document's texts, given to another document: here the sample's
	sample := filepath.Join(dir, "s.yusuan")
	run("sample", "-o", sample)
	out2 := filepath.Join(dir, "北京.xlsx")
	if code, out, errs := run("export", "--text", sample, "--xlsx", out2, doc); code != ExitOK || !strings.Contains(out, "文字部分取自 s.yusuan：主要职能、机构设置、情况说明") {
		t.Fatalf("export --text: %d %s %s", code, out, errs)
	}
	// the export may not write over the --text file
	if code, _, errs := run("export", "--text", out2, "--xlsx", out2, doc); code != ExitUsage || errs == "" {
		t.Errorf("export over its --text file: %d %s", code, errs)
	}
	s, _ := forms.Open(sample)
	_, out, _ = run("show", "--text", sample, doc)
	if !strings.Contains(out, s.Text.Functions) {
		t.Error("the sample's 主要职能 did not replace the document's")
	}
}

// With more than one document --text is refused: its parts belong to one
// publication.
func TestTextWithManyDocumentsIsRefused(t *testing.T) {
	texts, tables := beijing(t)
	dir := t.TempDir()
	sample := filepath.Join(dir, "s.yusuan")
	run("sample", "-o", sample)
	for _, cmd := range []string{"check", "show"} {
		code, out, errs := run(cmd, "--text", texts, tables, sample)
		if code != ExitUsage || !strings.Contains(errs, "--text 只能与一个文档一起使用") || out != "" {
			t.Errorf("%s: %d %q %q", cmd, code, out, errs)
		}
	}
	if code, _, errs := run("show", "--from", sample, "--text", texts); code != ExitUsage || !strings.Contains(errs, "不能一起使用") {
		t.Errorf("show --from --text: %d %s", code, errs)
	}
	empty := filepath.Join(dir, "空.txt")
	os.WriteFile(empty, []byte("  \n"), 0o644)
	if code, _, errs := run("check", "--text", empty, sample); code != ExitUsage || !strings.Contains(errs, "没有读到任何文字部分") {
		t.Errorf("an empty text: %d %s", code, errs)
	}
}
