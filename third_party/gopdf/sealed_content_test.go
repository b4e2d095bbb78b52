package gopdf

import (
	"bytes"
	"compress/zlib"
	"os"
	"testing"
	"time"
)

// The font of the program this fork is kept in.
const testFont = "../../assets/fonts/wqy-microhei.ttf"

// drawDocument draws three pages of text, lines and rectangles, a
// placeholder filled in at the end, and goes back to page 1 to draw more.
func drawDocument(t *testing.T, level int, protect bool) []byte {
	t.Helper()
	font, err := os.ReadFile(testFont)
	if err != nil {
		t.Fatal(err)
	}
	config := Config{PageSize: *PageSizeA4, Unit: UnitPT}
	if protect {
		config.Protection = PDFProtectionConfig{UseProtection: true, Permissions: PermissionsPrint, UserPass: []byte("u"), OwnerPass: []byte("o")}
	}
	var gp GoPdf
	gp.Start(config)
	gp.SetCompressLevel(level)
	gp.SetInfo(PdfInfo{Title: "t", CreationDate: time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)})
	if err := gp.AddTTFFontData("hei", font); err != nil {
		t.Fatal(err)
	}
	if err := gp.SetFont("hei", "", 12); err != nil {
		t.Fatal(err)
	}
	for page := 1; page <= 3; page++ {
		gp.AddPage()
		for line := 0; line < 40; line++ {
			gp.SetXY(40, 40+float64(line)*18)
			if err := gp.Text("第" + string(rune('0'+page)) + "页 一般公共预算支出 1234.56 万元"); err != nil {
				t.Fatal(err)
			}
			gp.Line(40, 55+float64(line)*18, 500, 55+float64(line)*18)
		}
		gp.SetFillColor(232, 237, 243)
		gp.RectFromUpperLeftWithStyle(40, 780, 200, 20, "FD")
		if page == 2 {
			gp.SetXY(300, 800)
			if err := gp.PlaceHolderText("total", 40); err != nil {
				t.Fatal(err)
			}
		}
	}
	if err := gp.SetPage(1); err != nil {
		t.Fatal(err)
	}
	gp.SetXY(300, 800)
	if err := gp.Text("补记"); err != nil {
		t.Fatal(err)
	}
	if err := gp.FillInPlaceHoldText("total", "共3页", Left); err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if _, err := gp.WriteTo(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// Sealing a page when the next begins writes the same file as keeping its
// operations to the end: compressed or not, encrypted or not, with a page
// drawn on again after it was sealed and a page holding a placeholder.
func TestSealedPagesWriteTheSameFile(t *testing.T) {
	for _, c := range []struct {
		name    string
		level   int
		protect bool
	}{
		{"compressed", zlib.DefaultCompression, false},
		{"uncompressed", zlib.NoCompression, false},
		{"best", zlib.BestCompression, false},
		{"encrypted", zlib.DefaultCompression, true},
	} {
		sealed := drawDocument(t, c.level, c.protect)
		sealPages = false
		kept := drawDocument(t, c.level, c.protect)
		sealPages = true
		if c.protect {
			// the file's identifier and keys are random: compare sizes
			if len(sealed) != len(kept) {
				t.Errorf("%s: %d bytes sealed, %d kept", c.name, len(sealed), len(kept))
			}
			continue
		}
		if !bytes.Equal(sealed, kept) {
			at := 0
			for at < len(sealed) && at < len(kept) && sealed[at] == kept[at] {
				at++
			}
			t.Errorf("%s: %d bytes sealed, %d kept; they differ from byte %d", c.name, len(sealed), len(kept), at)
		}
	}
}

// A finished page keeps its stream alone, a page with a placeholder its
// operations.
func TestFinishedPagesAreSealed(t *testing.T) {
	font, err := os.ReadFile(testFont)
	if err != nil {
		t.Fatal(err)
	}
	var gp GoPdf
	gp.Start(Config{PageSize: *PageSizeA4, Unit: UnitPT})
	if err := gp.AddTTFFontData("hei", font); err != nil {
		t.Fatal(err)
	}
	if err := gp.SetFont("hei", "", 12); err != nil {
		t.Fatal(err)
	}
	gp.AddPage()
	gp.Text("一")
	gp.Line(1, 1, 2, 2)
	gp.AddPage()
	gp.PlaceHolderText("n", 10)
	gp.AddPage()
	gp.Text("三")
	var contents []*ContentObj
	for _, o := range gp.pdfObjs {
		if c, ok := o.(*ContentObj); ok {
			contents = append(contents, c)
		}
	}
	if len(contents) != 3 {
		t.Fatalf("%d content objects", len(contents))
	}
	if _, ok := contents[0].sealed(); !ok {
		t.Error("page 1 is not sealed after page 2 began")
	}
	if _, ok := contents[1].sealed(); ok {
		t.Error("page 2, with a placeholder, was sealed")
	}
	if _, ok := contents[2].sealed(); ok {
		t.Error("page 3, still open, was sealed")
	}
}
