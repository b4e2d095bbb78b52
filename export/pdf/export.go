// Package pdf writes the disclosure document (部门预算公开文本) as a PDF:
// cover, 目录, 部门概况, every table of the template, 情况说明 and 名词解释,
// with bookmarks, links from the 目录 and page numbers.
//
// The layout is the package's own (gopdf draws, it does not lay out): text
// is measured with the bundled faces' advances, tables are sized to the
// page, broken between lines with the title （续表） and the header
// repeated, and laid out twice so that the 目录 can print page numbers.
//
// The second pass's pages are drawn with gopdf on a goroutine of their
// own, a few pages behind the layout. Our gopdf (third_party/gopdf, see its
// FORK.md) keeps a finished page as its compressed content stream instead
// of its drawing operations, so the export holds little more than the
// document and the finished file's compressed pages.
package pdf

import (
	"errors"
	"fmt"
	"io"
	"runtime/debug"
	"sync/atomic"
	"time"

	"github.com/signintech/gopdf"

	"yusuan/forms"
)

// Result tells what an export produced.
type Result struct {
	Pages int
	// Warnings lists, in Chinese, what the reader should know: characters
	// the fonts cannot draw, and where.
	Warnings []string
}

// now is the date the cover prints (tests fix it).
var now = time.Now

// Export writes the document's PDF to path atomically: a temporary file in
// the same folder, then renamed over the old one.
func Export(d *forms.Document, path string) (*Result, error) {
	var res *Result
	err := forms.WriteAtomic(path, "PDF", func(w io.Writer) error {
		var err error
		res, err = WriteTo(d, w)
		return err
	})
	if err != nil {
		return nil, err
	}
	return res, nil
}

// WriteTo writes the document's PDF to w.
func WriteTo(d *forms.Document, w io.Writer) (*Result, error) {
	fs, err := newFonts()
	if err != nil {
		return nil, err
	}
	when := now()
	r, err := newRenderer(fs, docInfo(d, when))
	if err != nil {
		return nil, err
	}
	res, err := layoutAndDraw(d, fs, when, r)
	if err != nil {
		return nil, err
	}
	r.finish()
	ew := newEndsWriter(w)
	if _, err := r.gp.WriteTo(ew); err != nil {
		return nil, fmt.Errorf("写出 PDF 失败：%v", err)
	}
	if err := ew.Close(pdfView.langUpdate); err != nil {
		return nil, fmt.Errorf("写出 PDF 失败：%v", err)
	}
	return res, nil
}

// docInfo is the file's document properties.
func docInfo(d *forms.Document, when time.Time) gopdf.PdfInfo {
	return gopdf.PdfInfo{
		Title:        d.Meta.Name + coverTitle(d),
		Author:       d.Meta.Name,
		Creator:      "预算公开助手",
		Producer:     "预算公开助手（gopdf）",
		CreationDate: when,
	}
}

func newFonts() (*fonts, error) {
	m, err := loadFaces()
	if err != nil {
		return nil, err
	}
	return &fonts{m: m}, nil
}

// layoutAndDraw lays the document out and has r draw the pages on a
// goroutine of its own, a few pages behind the layout; each drawn page goes
// back to the layout for its arrays to be reused.
func layoutAndDraw(d *forms.Document, fs *fonts, when time.Time, r *renderer) (*Result, error) {
	first, err := firstPass(d, fs, when)
	if err != nil {
		return nil, err
	}
	pages := make(chan *Page, 8)
	spares := make(chan *Page, 16)
	var (
		drawErr error
		failed  atomic.Bool
		caught  *caughtPanic
	)
	done := make(chan struct{})
	go func() {
		defer close(done)
		for p := range pages {
			if !failed.Load() {
				caught = catch(func() { drawErr = r.page(p) })
				if drawErr != nil || caught != nil {
					failed.Store(true)
				}
			}
			select {
			case spares <- p:
			default:
			}
		}
	}()
	res, err := secondPass(d, fs, when, first, func(p *Page) error {
		if failed.Load() {
			return errDrawing
		}
		pages <- p
		return nil
	}, spares)
	close(pages)
	<-done
	caught.repanic()
	if drawErr != nil {
		return nil, drawErr
	}
	return res, err
}

var errDrawing = errors.New("drawing failed")

// caughtPanic is a panic on a goroutine of the export, raised again on the
// caller's (where the program's guard records it).
type caughtPanic struct {
	value any
	stack []byte
}

func catch(f func()) (c *caughtPanic) {
	defer func() {
		if v := recover(); v != nil {
			c = &caughtPanic{v, debug.Stack()}
		}
	}()
	f()
	return nil
}

func (c *caughtPanic) repanic() {
	if c != nil {
		panic(fmt.Sprintf("%v\n\n%s", c.value, c.stack))
	}
}

// layout lays the document out twice — the first pass finds the page of
// every part and table, the second prints them in the 目录 — and hands the
// second pass's pages to sink.
func layout(d *forms.Document, fs *fonts, when time.Time, sink func(*Page) error) (*Result, error) {
	first, err := firstPass(d, fs, when)
	if err != nil {
		return nil, err
	}
	return secondPass(d, fs, when, first, sink, nil)
}

// firstPass finds where everything goes, and which characters the fonts
// lack.
func firstPass(d *forms.Document, fs *fonts, when time.Time) (*layouter, error) {
	first := newLayouter(d, fs, when, func(*Page) error { return nil })
	first.dry = true
	if err := first.document(); err != nil {
		return nil, err
	}
	return first, nil
}

// secondPass lays the pages out and hands them to sink. spares, when not
// nil, gives back pages sink is done with, whose arrays the next pages
// reuse.
func secondPass(d *forms.Document, fs *fonts, when time.Time, first *layouter, sink func(*Page) error, spares chan *Page) (*Result, error) {
	second := newLayouter(d, fs, when, sink)
	second.spares = spares
	second.pageOf = first.anchors
	if err := second.document(); err != nil {
		return nil, err
	}
	if second.n != first.n {
		return nil, fmt.Errorf("排版出错：两遍排版的页数不同（%d、%d 页）", first.n, second.n)
	}
	return &Result{Pages: second.n, Warnings: first.missingWarnings()}, nil
}
