package pdf

import (
	"bytes"
	"encoding/hex"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"unicode/utf16"
)

// pdfFile is an exported PDF read the way a viewer reads it: from the last
// startxref back along the trailers' /Prev, the newest entry of each object
// winning.
type pdfFile struct {
	data     []byte
	offsets  map[int]int
	trailers [][]byte // newest first
}

var (
	startxrefTailRE = regexp.MustCompile(`startxref\s+(\d+)\s+%%EOF\s*$`)
	prevRE          = regexp.MustCompile(`/Prev\s+(\d+)`)
)

func readPDF(t *testing.T, data []byte) *pdfFile {
	t.Helper()
	m := startxrefTailRE.FindSubmatch(data)
	if m == nil {
		t.Fatal("no startxref at the end of the file")
	}
	f := &pdfFile{data: data, offsets: map[int]int{}}
	at, _ := strconv.Atoi(string(m[1]))
	for range 100 {
		if at <= 0 || at >= len(data) || !bytes.HasPrefix(data[at:], []byte("xref")) {
			t.Fatalf("no xref table at %d", at)
		}
		lines := strings.Split(string(data[at:]), "\n")
		i := 1
		for ; i < len(lines) && !strings.HasPrefix(lines[i], "trailer"); i++ {
			var first, count int
			if _, err := fmt.Sscanf(lines[i], "%d %d", &first, &count); err != nil {
				t.Fatalf("xref at %d: subsection %q", at, lines[i])
			}
			for k := range count {
				e := strings.Fields(lines[i+1+k])
				if len(e) != 3 {
					t.Fatalf("xref at %d: entry %q", at, lines[i+1+k])
				}
				if _, seen := f.offsets[first+k]; !seen && e[2] == "n" {
					f.offsets[first+k], _ = strconv.Atoi(e[0])
				}
			}
			i += count
		}
		rest := data[at:]
		tr := rest[bytes.Index(rest, []byte("trailer")):]
		tr = tr[:bytes.Index(tr, []byte("startxref"))]
		f.trailers = append(f.trailers, tr)
		pm := prevRE.FindSubmatch(tr)
		if pm == nil {
			return f
		}
		at, _ = strconv.Atoi(string(pm[1]))
	}
	t.Fatal("the /Prev chain does not end")
	return nil
}

// object is the newest revision of object n, between "n g obj" and endobj.
func (f *pdfFile) object(t *testing.T, n int) string {
	t.Helper()
	at, ok := f.offsets[n]
	if !ok {
		t.Fatalf("object %d is not in the xref", n)
	}
	head := regexp.MustCompile(`^(\d+) \d+ obj`).FindSubmatch(f.data[at:])
	if head == nil || string(head[1]) != strconv.Itoa(n) {
		t.Fatalf("the xref puts object %d at %d, which reads %q", n, at, f.data[at:min(at+20, len(f.data))])
	}
	body := f.data[at+len(head[0]):]
	return string(body[:bytes.Index(body, []byte("endobj"))])
}

// ref is the object number a dictionary's key refers to, 0 if none.
func ref(dict, key string) int {
	m := regexp.MustCompile(regexp.QuoteMeta(key) + `\s+(\d+)\s+\d+\s+R`).FindStringSubmatch(dict)
	if m == nil {
		return 0
	}
	n, _ := strconv.Atoi(m[1])
	return n
}

func (f *pdfFile) root(t *testing.T) int {
	t.Helper()
	n := ref(string(f.trailers[0]), "/Root")
	if n == 0 {
		t.Fatalf("the last trailer has no /Root:\n%s", f.trailers[0])
	}
	return n
}

// pdfString decodes a hex or literal string: UTF-16BE with its mark, or
// else bytes taken as Latin-1.
func pdfString(t *testing.T, s string) string {
	t.Helper()
	var raw []byte
	switch {
	case strings.HasPrefix(s, "<"):
		var err error
		raw, err = hex.DecodeString(strings.Join(strings.Fields(strings.Trim(s, "<>")), ""))
		if err != nil {
			t.Fatalf("string %s: %v", s, err)
		}
	case strings.HasPrefix(s, "("):
		in := s[1 : len(s)-1]
		for i := 0; i < len(in); i++ {
			c := in[i]
			if c != '\\' || i+1 == len(in) {
				raw = append(raw, c)
				continue
			}
			i++
			switch e := in[i]; {
			case e >= '0' && e <= '7':
				v, j := 0, i
				for ; j < len(in) && j < i+3 && in[j] >= '0' && in[j] <= '7'; j++ {
					v = v*8 + int(in[j]-'0')
				}
				raw, i = append(raw, byte(v)), j-1
			case e == '\n' || e == '\r': // a line continued
			default:
				if c, ok := map[byte]byte{'n': '\n', 'r': '\r', 't': '\t', 'b': '\b', 'f': '\f'}[e]; ok {
					e = c
				}
				raw = append(raw, e)
			}
		}
	default:
		t.Fatalf("not a string: %q", s)
	}
	if len(raw) >= 2 && raw[0] == 0xFE && raw[1] == 0xFF {
		u := make([]uint16, 0, len(raw)/2)
		for i := 2; i+1 < len(raw); i += 2 {
			u = append(u, uint16(raw[i])<<8|uint16(raw[i+1]))
		}
		return string(utf16.Decode(u))
	}
	r := make([]rune, len(raw))
	for i, b := range raw {
		r[i] = rune(b)
	}
	return string(r)
}

var titleStringRE = regexp.MustCompile(`/Title\s*(<[0-9A-Fa-f\s]*>|\((?:\\.|[^\\)])*\))`)

// bookmark is an outline entry in the order a viewer lists it.
type bookmark struct {
	title string
	level int
}

// outlineTree walks the outline from the catalog by /First and /Next.
func (f *pdfFile) outlineTree(t *testing.T) []bookmark {
	t.Helper()
	outlines := ref(f.object(t, f.root(t)), "/Outlines")
	if outlines == 0 {
		t.Fatal("the catalog has no /Outlines")
	}
	var out []bookmark
	seen := map[int]bool{}
	var walk func(n, level int)
	walk = func(n, level int) {
		for ; n != 0; n = ref(f.object(t, n), "/Next") {
			if seen[n] {
				t.Fatalf("outline entry %d reached twice", n)
			}
			seen[n] = true
			obj := f.object(t, n)
			m := titleStringRE.FindStringSubmatch(obj)
			if m == nil {
				t.Fatalf("outline entry %d has no /Title: %s", n, obj)
			}
			out = append(out, bookmark{pdfString(t, m[1]), level})
			walk(ref(obj, "/First"), level+1)
		}
	}
	walk(ref(f.object(t, outlines), "/First"), 0)
	return out
}

// Both faces are embedded as subsets under their PostScript names behind a
// subset tag, so that pdffonts and viewers name the real fonts.
func TestEmbeddedFontNames(t *testing.T) {
	bin, err := exec.LookPath("pdffonts")
	if err != nil {
		t.Skip("pdffonts is not installed")
	}
	path, _ := exported(t, sample(t))
	out, err := exec.Command(bin, path).Output()
	if err != nil {
		t.Fatalf("pdffonts: %v", err)
	}
	lines := strings.Split(strings.TrimRight(string(out), "\n"), "\n")
	if len(lines) < 2 || !strings.HasPrefix(lines[1], "---") {
		t.Fatalf("pdffonts printed:\n%s", out)
	}
	// the columns are as wide as the dashes under the header
	var cols [][2]int
	for _, m := range regexp.MustCompile(`-+`).FindAllStringIndex(lines[1], -1) {
		cols = append(cols, [2]int{m[0], m[1]})
	}
	head := map[string]int{}
	for i, c := range cols {
		head[strings.TrimSpace(lines[0][c[0]:min(c[1], len(lines[0]))])] = i
	}
	cell := func(line, name string) string {
		i, ok := head[name]
		if !ok {
			t.Fatalf("pdffonts has no column %q:\n%s", name, out)
		}
		c := cols[i]
		return strings.TrimSpace(line[min(c[0], len(line)):min(c[1], len(line))])
	}
	want := map[string]bool{"BousungEG-Light-GB": false, "WenQuanYiMicroHei": false}
	tags := map[string]bool{}
	tagged := regexp.MustCompile(`^([A-Z]{6})\+(.+)$`)
	for _, line := range lines[2:] {
		name := cell(line, "name")
		if emb, sub := cell(line, "emb"), cell(line, "sub"); emb != "yes" || sub != "yes" {
			t.Errorf("%s: emb %s, sub %s", name, emb, sub)
		}
		m := tagged.FindStringSubmatch(name)
		if m == nil {
			t.Errorf("font %q is not named TAG+Name", name)
			continue
		}
		if _, ok := want[m[2]]; !ok {
			t.Errorf("font %q is not one of the bundled faces", name)
		}
		want[m[2]] = true
		tags[m[1]] = true
	}
	for name, found := range want {
		if !found {
			t.Errorf("no font %s:\n%s", name, out)
		}
	}
	if len(lines)-2 != len(want) || len(tags) != len(want) {
		t.Errorf("want %d fonts with different tags:\n%s", len(want), out)
	}
}

// The catalog states the language in an incremental update appended to
// gopdf's file, which stays intact as the first revision: readers see the
// same pages and text.
func TestCatalogLang(t *testing.T) {
	path, res := exported(t, sample(t))
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	f := readPDF(t, data)
	if len(f.trailers) != 2 {
		t.Fatalf("%d revisions, want gopdf's and the update", len(f.trailers))
	}
	root := f.root(t)
	catalog := f.object(t, root)
	if !strings.Contains(catalog, "/Lang (zh-CN)") {
		t.Errorf("the catalog has no /Lang (zh-CN):\n%s", catalog)
	}
	for _, key := range []string{"/Size", "/Root", "/Info", "/Prev"} {
		if !bytes.Contains(f.trailers[0], []byte(key)) {
			t.Errorf("the last trailer lacks %s:\n%s", key, f.trailers[0])
		}
	}

	// the first revision: the file up to its first %%EOF
	end := bytes.Index(data, []byte("%%EOF"))
	end += len("%%EOF")
	for end < len(data) && (data[end] == '\n' || data[end] == '\r') {
		end++
	}
	first := filepath.Join(t.TempDir(), "first.pdf")
	if err := os.WriteFile(first, data[:end], 0o644); err != nil {
		t.Fatal(err)
	}
	old := readPDF(t, data[:end])
	oldCatalog := old.object(t, old.root(t))
	if strings.Contains(oldCatalog, "/Lang") || old.root(t) != root {
		t.Errorf("first revision's catalog %d:\n%s", old.root(t), oldCatalog)
	}
	// gopdf's catalog, /Lang added and nothing else changed
	if squash(strings.Replace(catalog, "/Lang (zh-CN)", "", 1)) != squash(oldCatalog) {
		t.Errorf("the catalog was\n%s\nand is now\n%s", oldCatalog, catalog)
	}
	for _, p := range []string{path, first} {
		out, err := exec.Command(tool(t, "pdfinfo"), p).Output()
		if err != nil || !strings.Contains(string(out), fmt.Sprintf("Pages:           %d\n", res.Pages)) {
			t.Errorf("pdfinfo %s: %v\n%s", filepath.Base(p), err, out)
		}
	}
	if a, b := pdftext(t, path, 0, 0), pdftext(t, first, 0, 0); a != b {
		t.Error("pdftotext reads the updated file differently from gopdf's")
	}

	t.Run("qpdf", func(t *testing.T) {
		bin, err := exec.LookPath("qpdf")
		if err != nil {
			t.Skip("qpdf is not installed")
		}
		out, err := exec.Command(bin, "--check", path).CombinedOutput()
		if err != nil || !strings.Contains(string(out), "No syntax or stream encoding errors") || strings.Contains(string(out), "WARNING") {
			t.Errorf("qpdf --check: %v\n%s", err, out)
		}
		out, err = exec.Command(bin, "--show-object="+strconv.Itoa(root), path).CombinedOutput()
		if err != nil || !strings.Contains(string(out), "/Lang (zh-CN)") {
			t.Errorf("qpdf reads the catalog as: %v\n%s", err, out)
		}
	})
}

// The outline lists the 目录 before 第一部分, and 主要职能 and 机构设置
// under 第一部分, before 第二部分.
func TestOutlineContentsAndSections(t *testing.T) {
	path, _ := exported(t, sample(t))
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	tree := readPDF(t, data).outlineTree(t)
	at := func(title string, level int) int {
		for i, b := range tree {
			if strings.Contains(b.title, title) {
				if b.level != level {
					t.Errorf("%q at level %d, want %d", b.title, b.level, level)
				}
				return i
			}
		}
		t.Errorf("no outline entry %q in %v", title, tree)
		return -1
	}
	order := []int{at("目录", 0), at("第一部分", 0), at("主要职能", 1), at("机构设置", 1), at("第二部分", 0)}
	if t.Failed() {
		return
	}
	if order[0] != 0 {
		t.Errorf("the 目录 is entry %d, not the first: %v", order[0], tree)
	}
	for i := 1; i < len(order); i++ {
		if order[i] != order[i-1]+1 {
			t.Errorf("outline order: %v", tree)
			break
		}
	}
}

// A file not laid out as gopdf writes it gets no update, and no panic.
func TestLangUpdateOddInput(t *testing.T) {
	var buf bytes.Buffer
	if _, err := WriteTo(sample(t), &buf); err != nil {
		t.Fatal(err)
	}
	done := buf.Bytes()
	end := bytes.Index(done, []byte("%%EOF")) + len("%%EOF\n")
	gopdf := done[:end]
	if langUpdate(gopdf) == nil {
		t.Fatal("no update for gopdf's own file")
	}
	if u := langUpdate(done); u != nil {
		t.Errorf("a second update on a file that has one:\n%s", u)
	}
	for _, cut := range []int{0, 10, end / 2, end - 200, end - 40, end - 8} {
		if u := langUpdate(gopdf[:cut]); u != nil {
			t.Errorf("an update for the file cut at %d:\n%s", cut, u)
		}
	}
	// startxref pointing elsewhere
	bad := bytes.Replace(bytes.Clone(gopdf), []byte("startxref\n"), []byte("startxref\n1"), 1)
	if u := langUpdate(bad); u != nil {
		t.Errorf("an update with a wrong startxref:\n%s", u)
	}
	if got := pdfString(t, `(A\(b\)\101\\\n)`); got != "A(b)A\\\n" {
		t.Errorf("literal string read as %q", got)
	}
}
