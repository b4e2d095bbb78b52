package docin

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"yusuan/forms/check"
	"yusuan/internal/corpus"
)

// coverageFile lists every amount stated in every corpus 情况说明 (and in
// 附件1 read against 附件2 for 北京, 江苏人大's text against its tables), each
// with the table figure N-1 compares it with, or why it compares it with
// none. Reviewed by hand; UPDATE=1 rewrites it after a deliberate change.
const coverageFile = "testdata/text_coverage.txt"

// textWithTables: the publications whose text and tables are two files.
var textWithTables = map[string][2]string{
	"bj-2026-shenjiju/附件1":                 {"bj-2026-shenjiju", "附件2"},
	"js-prov-2019-renda/人大常委会2019年度部门预算公开": {"js-prov-2019-renda", "办公厅2019年部门预算公开表"},
}

func TestEveryTextAmountComparedOrWhyNot(t *testing.T) {
	var b strings.Builder
	compared, total := 0, 0
	for _, want := range corpusDocs {
		name := want.folder + "/" + want.file
		d, _, err := Read(corpus.PDF(want.folder, want.file), Options{})
		if err != nil {
			t.Fatal(err)
		}
		if tables, ok := textWithTables[name]; ok {
			// the text published apart is read against its tables (check --text)
			td, _, err := Read(corpus.PDF(tables[0], tables[1]), Options{})
			if err != nil {
				t.Fatal(err)
			}
			td.Text = d.Text
			d = td
		}
		amounts := check.NewChecker(d).TextAmounts()
		if len(amounts) == 0 {
			continue // a file of tables only
		}
		n := 0
		for _, a := range amounts {
			if a.Compared != "" {
				n++
			}
		}
		compared, total = compared+n, total+len(amounts)
		fmt.Fprintf(&b, "== %s：%d 处金额，%d 处与表核对\n", name, len(amounts), n)
		for _, a := range amounts {
			switch {
			case a.Compared != "" && a.Why != "", a.Compared == "" && a.Why == "":
				t.Errorf("%s %s “%s”: compared with %q, not because %q", name, a.Where, a.Quote, a.Compared, a.Why)
			case a.Compared != "":
				fmt.Fprintf(&b, "%s “%s” → %s\n", a.Where, a.Quote, a.Compared)
			default:
				fmt.Fprintf(&b, "%s “%s” ✗ %s\n", a.Where, a.Quote, a.Why)
			}
		}
	}
	fmt.Fprintf(&b, "== 合计：%d 处金额，%d 处与表核对\n", total, compared)
	got := b.String()
	if os.Getenv("UPDATE") != "" {
		if err := os.WriteFile(coverageFile, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	wantText, err := os.ReadFile(filepath.FromSlash(coverageFile))
	if err != nil {
		t.Fatal(err)
	}
	if got != string(wantText) {
		gl, wl := strings.Split(got, "\n"), strings.Split(string(wantText), "\n")
		for i := 0; i < max(len(gl), len(wl)); i++ {
			g, w := "", ""
			if i < len(gl) {
				g = gl[i]
			}
			if i < len(wl) {
				w = wl[i]
			}
			if g != w {
				t.Fatalf("the text's amounts are read otherwise than listed in %s (line %d):\n got  %s\n want %s\n(UPDATE=1 rewrites the list after a deliberate change; review it)", coverageFile, i+1, g, w)
			}
		}
	}
}
