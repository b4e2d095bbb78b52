// Package pdf writes the disclosure document (部门预算公开文本) as a PDF:
// cover, 目录, 部门概况, every table of the template, 情况说明 and 名词解释,
// with bookmarks, links from the 目录 and page numbers.
//
// The layout is the package's own (gopdf draws, it does not lay out): text
// is measured with the bundled faces' advances, tables are sized to the
// page, broken between lines with the title （续表） and the header
// repeated, and laid out twice so that the 目录 can print page numbers.
package pdf

import (
	"bytes"
	"fmt"
	"io"
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
	info := gopdf.PdfInfo{
		Title:        d.Meta.Name + coverTitle(d),
		Author:       d.Meta.Name,
		Creator:      "预算公开助手",
		Producer:     "预算公开助手（gopdf）",
		CreationDate: when,
	}
	r, err := newRenderer(fs, info)
	if err != nil {
		return nil, err
	}
	res, err := layout(d, fs, when, r.page)
	if err != nil {
		return nil, err
	}
	r.finish()
	// held whole: the update that adds /Lang needs gopdf's catalog and trailer
	var buf bytes.Buffer
	if _, err := r.gp.WriteTo(&buf); err != nil {
		return nil, fmt.Errorf("写出 PDF 失败：%v", err)
	}
	buf.Write(langUpdate(buf.Bytes()))
	if _, err := buf.WriteTo(w); err != nil {
		return nil, fmt.Errorf("写出 PDF 失败：%v", err)
	}
	return res, nil
}

func newFonts() (*fonts, error) {
	m, err := loadFaces()
	if err != nil {
		return nil, err
	}
	return &fonts{m: m}, nil
}

// layout lays the document out twice — the first pass finds the page of
// every part and table, the second prints them in the 目录 — and hands the
// second pass's pages to sink.
func layout(d *forms.Document, fs *fonts, when time.Time, sink func(*Page) error) (*Result, error) {
	first := newLayouter(d, fs, when, func(*Page) error { return nil })
	first.dry = true
	if err := first.document(); err != nil {
		return nil, err
	}
	second := newLayouter(d, fs, when, sink)
	second.pageOf = first.anchors
	if err := second.document(); err != nil {
		return nil, err
	}
	if second.n != first.n {
		return nil, fmt.Errorf("排版出错：两遍排版的页数不同（%d、%d 页）", first.n, second.n)
	}
	return &Result{Pages: second.n, Warnings: first.missingWarnings()}, nil
}
