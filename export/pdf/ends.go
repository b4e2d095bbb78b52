package pdf

import (
	"bufio"
	"bytes"
	"io"
)

// endsWriter passes the file gopdf writes on to w and keeps what
// langUpdate reads of it: its start, where gopdf writes the catalog, and
// its end from the last xref table on.
type endsWriter struct {
	out    *bufio.Writer
	n      int    // bytes written
	head   []byte // the first headKept bytes
	tail   []byte // from tailAt on
	tailAt int    // -1 before an xref line
	prev   []byte // the last bytes written, for a marker cut between writes
}

// headKept is how much of the start of the file is kept: gopdf writes the
// catalog first.
const headKept = 64 << 10

// tailKept bounds the tail: bytes of a compressed stream that happen to
// read "\nxref\n" must not make it keep the rest of the file.
const tailKept = 16 << 20

var xrefLine = []byte("\nxref\n")

func newEndsWriter(w io.Writer) *endsWriter {
	return &endsWriter{out: bufio.NewWriterSize(w, 64<<10), tailAt: -1}
}

func (e *endsWriter) Write(p []byte) (int, error) {
	if e.n < headKept {
		e.head = append(e.head, p[:min(len(p), headKept-e.n)]...)
	}
	// the last "\nxref\n" in what was written so far, the marker possibly
	// begun in the bytes before p
	joined := append(e.prev, p...)
	if i := bytes.LastIndex(joined, xrefLine); i >= 0 {
		e.tailAt = e.n - len(e.prev) + i + 1
		e.tail = append(e.tail[:0], joined[i+1:]...)
	} else if e.tailAt >= 0 {
		e.tail = append(e.tail, p...)
		if len(e.tail) > tailKept {
			e.tail, e.tailAt = e.tail[:0], -1
		}
	}
	e.prev = append(e.prev[:0], joined[max(0, len(joined)-len(xrefLine)+1):]...)
	e.n += len(p)
	return e.out.Write(p)
}

// Close writes what update makes of the file (the /Lang update) after it.
func (e *endsWriter) Close(update func(pdfView) []byte) error {
	if update != nil && e.tailAt >= 0 {
		if u := update(pdfView{head: e.head, tail: e.tail, tailAt: e.tailAt, size: e.n}); len(u) > 0 {
			if _, err := e.out.Write(u); err != nil {
				return err
			}
		}
	}
	return e.out.Flush()
}
