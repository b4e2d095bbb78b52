package pdf

import (
	"bytes"
	"compress/zlib"
	"io"
	"math/rand/v2"
	"os"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"yusuan/forms"
)

// gopdfFile lays d out and has gopdf write it (its own file, without the
// /Lang update), with the properties an export gives it.
func gopdfFile(t *testing.T, d *forms.Document) []byte {
	t.Helper()
	fs, err := newFonts()
	if err != nil {
		t.Fatal(err)
	}
	r, err := newRenderer(fs, docInfo(d, testDate))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := layout(d, fs, testDate, r.page); err != nil {
		t.Fatal(err)
	}
	r.finish()
	var buf bytes.Buffer
	if _, err := r.gp.WriteTo(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// chunked writes to w in pieces of 1 to 9 bytes.
type chunked struct {
	w   io.Writer
	rnd *rand.Rand
}

func (c chunked) Write(p []byte) (int, error) {
	for i := 0; i < len(p); {
		n := min(len(p)-i, 1+c.rnd.IntN(9))
		if _, err := c.w.Write(p[i : i+n]); err != nil {
			return i, err
		}
		i += n
	}
	return len(p), nil
}

// The export is gopdf's file unchanged, drawn on the layout's goroutine
// or not, followed by the /Lang update made from the whole file.
func TestExportIsGopdfsFileAndLang(t *testing.T) {
	d := sample(t)
	plain := gopdfFile(t, d)
	update := langUpdate(plain)
	if len(update) == 0 {
		t.Fatal("no /Lang update for gopdf's file")
	}
	var out bytes.Buffer
	if _, err := WriteTo(d, &out); err != nil {
		t.Fatal(err)
	}
	if want := append(bytes.Clone(plain), update...); !bytes.Equal(out.Bytes(), want) {
		at := 0
		for at < min(out.Len(), len(want)) && out.Bytes()[at] == want[at] {
			at++
		}
		t.Errorf("%d bytes exported, gopdf's file and the update %d; they differ from byte %d", out.Len(), len(want), at)
	}
}

// endsWriter finds the xref table however the bytes come, and leaves a
// file without one as it is.
func TestEndsWriter(t *testing.T) {
	plain := gopdfFile(t, sample(t))
	want := append(bytes.Clone(plain), langUpdate(plain)...)
	xref := bytes.LastIndex(plain, xrefLine)
	for _, how := range []string{"whole", "chunked", "cut in the marker"} {
		var out bytes.Buffer
		ew := newEndsWriter(&out)
		switch how {
		case "whole":
			ew.Write(plain)
		case "chunked":
			chunked{ew, rand.New(rand.NewPCG(1, 2))}.Write(plain)
		default:
			ew.Write(plain[:xref+3])
			ew.Write(plain[xref+3:])
		}
		if err := ew.Close(pdfView.langUpdate); err != nil {
			t.Fatalf("%s: %v", how, err)
		}
		if !bytes.Equal(out.Bytes(), want) {
			t.Errorf("%s: %d bytes, want %d", how, out.Len(), len(want))
		}
	}
	// the marker inside a stream's bytes as well: the last one counts
	early := bytes.Clone(plain)
	copy(early[len(early)/3:], xrefLine)
	var out bytes.Buffer
	ew := newEndsWriter(&out)
	ew.Write(early)
	ew.Close(pdfView.langUpdate)
	if got := out.Bytes()[len(early):]; !bytes.Equal(got, langUpdate(early)) || len(got) == 0 {
		t.Errorf("with a marker inside a stream: update %q", got)
	}
	for name, in := range map[string][]byte{"empty": nil, "no xref": plain[:xref], "no trailer": plain[:xref+40]} {
		var out bytes.Buffer
		ew := newEndsWriter(&out)
		ew.Write(in)
		if err := ew.Close(pdfView.langUpdate); err != nil {
			t.Errorf("%s: %v", name, err)
		}
		if !bytes.Equal(out.Bytes(), in) {
			t.Errorf("%s: %d bytes out of %d", name, out.Len(), len(in))
		}
	}
}

// The exported file: the pages' content streams compressed, /Lang added,
// and the figures drawn by one text each, the narrowed marks placed by the
// Song face's kerning.
func TestExportedStreams(t *testing.T) {
	path, res := exported(t, sample(t))
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	pages := contentStreams(t, data)
	if len(pages) != res.Pages {
		t.Fatalf("%d compressed content streams, %d pages", len(pages), res.Pages)
	}
	all := strings.Join(pages, "")
	// '.' is glyph 46 of the Song face (F1): between figures, drawn 0.1 em
	// back and followed by 0.1 em back (its 0.5 em glyph in a 0.3 em room)
	if !strings.Contains(all, ">100<002E>100<") {
		t.Error("no figure drawn with its full stop kerned into place")
	}
	if strings.Contains(all, "[<002E>] TJ") || strings.Contains(all, "[<002C>] TJ") {
		t.Error("a narrowed mark drawn by a text of its own")
	}
	// text is black unless the layout says otherwise: the 目录's heading
	// and first entry too (gopdf's text colour outlived the cover's grey)
	fills := textFills(pages[1])
	if len(fills) < 3 || fills[0] != "black" || fills[1] != "black" {
		t.Errorf("the 目录 page's first texts are drawn in %v", fills[:min(len(fills), 3)])
	}
}

var contentRE = regexp.MustCompile(`(?s)\d+ 0 obj\n<<\n/Filter/FlateDecode/Length (\d+)\n>>\nstream\n`)

// contentStreams are the decompressed page content streams, in order.
func contentStreams(t *testing.T, data []byte) []string {
	t.Helper()
	var out []string
	for _, m := range contentRE.FindAllSubmatchIndex(data, -1) {
		n, _ := strconv.Atoi(string(data[m[2]:m[3]]))
		z, err := zlib.NewReader(bytes.NewReader(data[m[1] : m[1]+n]))
		if err != nil {
			t.Fatal(err)
		}
		b, err := io.ReadAll(z)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.HasPrefix(data[m[1]+n:], []byte("\nendstream\n")) {
			t.Fatalf("stream at %d: /Length %d does not end at endstream", m[1], n)
		}
		out = append(out, string(b))
	}
	return out
}

// textFills is the fill colour in force at each text of a content stream:
// "black" or the operands that set it.
func textFills(stream string) []string {
	fill := "black"
	var out []string
	for _, line := range strings.Split(stream, "\n") {
		f := strings.Fields(line)
		switch {
		case len(f) == 4 && f[3] == "rg", len(f) == 2 && f[1] == "g":
			fill = strings.Join(f[:len(f)-1], " ")
			if fill == "0.000 0.000 0.000" || fill == "0.00" {
				fill = "black"
			}
		case line == "BT":
			out = append(out, fill)
		}
	}
	return out
}

// The pieces the renderer draws with the Song face's kerning: a narrowed
// mark stays in its stretch, which still ends where the line does.
func TestKernedPieces(t *testing.T) {
	fs, err := newFonts()
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range []string{"6,677.45", "合计6,677.45万元。", "比上年增加5,647.35万元，主要是1.2项", "1.2.3,.", ".5", "a𪚥.,"} {
		for _, sp := range []float64{0, 1.5} {
			ps := fs.appendPieces(nil, s, song, 9, sp, true)
			var text strings.Builder
			end := 0.0
			for i, p := range ps {
				text.WriteString(p.text)
				if sp == 0 && i > 0 && p.face == ps[i-1].face {
					t.Errorf("%q: two pieces in a row of one face: %v", s, ps)
				}
				if i > 0 && abs(p.x-end) > 0.001 && abs(p.x-end-sp) > 0.001 {
					t.Errorf("%q (spacing %v): piece %q at %.3f, the one before ends at %.3f", s, sp, p.text, p.x, end)
				}
				n := utf8.RuneCountInString(p.text)
				end = p.x + fs.width(p.text, p.face, 9) + p.tc*float64(n)
			}
			if got := strings.ReplaceAll(text.String(), string(notDef), "𪚥"); got != s {
				t.Errorf("pieces of %q read %q", s, got)
			}
			if w := fs.width(s, song, 9) + sp*float64(fs.gaps(s)); s != "" && abs(end-w) > 0.001 && abs(end-sp-w) > 0.001 {
				t.Errorf("%q (spacing %v): the pieces end at %.3f, the line is %.3f wide", s, sp, end, w)
			}
			for _, fig := range []string{"6,677.45", "5,647.35"} {
				if strings.Contains(s, fig) && !slicesContain(ps, fig) {
					t.Errorf("%q (spacing %v): %s is not drawn by one piece: %v", s, sp, fig, ps)
				}
			}
		}
	}
	kern, ok := fs.narrowKern()
	if !ok {
		t.Fatal("no kerning for the narrowed marks")
	}
	// gopdf's conversion to thousandths of an em (the Song face: 1024 units)
	th := func(n int16) int { return -((-1000 * int(n)) / 1024) }
	for _, c := range []struct {
		l, r rune
		want int
	}{{'6', '.', -100}, {'.', '4', -100}, {'.', ',', -200}, {'6', '7', 0}, {'万', '元', 0}} {
		if got := th(kern(c.l, c.r, 0, 0, 33)); got != c.want {
			t.Errorf("kerning %c%c: %d thousandths, want %d", c.l, c.r, got, c.want)
		}
	}
}

func slicesContain(ps []piece, s string) bool {
	for _, p := range ps {
		if strings.Contains(p.text, s) {
			return true
		}
	}
	return false
}

// A panic while drawing comes out on the caller's goroutine, where the
// program's guard records it, not on the drawing goroutine.
func TestDrawingPanicReachesCaller(t *testing.T) {
	fs, err := newFonts()
	if err != nil {
		t.Fatal(err)
	}
	r := &renderer{fs: fs} // no gopdf: the first page panics
	defer func() {
		if v := recover(); v == nil {
			t.Error("no panic")
		}
	}()
	layoutAndDraw(sample(t), fs, testDate, r)
}
