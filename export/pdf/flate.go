package pdf

import (
	"bufio"
	"bytes"
	"compress/zlib"
	"errors"
	"fmt"
	"io"
	"regexp"
	"slices"
	"sort"
	"strconv"
)

// flateWriter takes the file gopdf writes without compressing the pages
// (SetNoCompression) and writes it on to w with every page's content
// stream compressed as gopdf compresses it — the same bytes gopdf writes
// when it compresses — and the xref table's offsets moved accordingly.
//
// gopdf makes a new zlib writer, some 760 KB, for every page and compresses
// on the goroutine that formats the pages; here one writer is reused and
// compresses on a goroutine of its own while gopdf goes on formatting.
//
// It reads gopdf's file as gopdf writes it: objects "n 0 obj" … "endobj",
// a stream's data skipped by its /Length, then one xref table and the
// trailer. A page's content stream is a stream whose dictionary is
// /Length alone; anything else passes unchanged. It keeps what langUpdate
// reads: the start of the file (where gopdf writes the catalog) and the
// file from its xref table on.
type flateWriter struct {
	level int

	// the parser, on gopdf's goroutine
	in      int    // bytes taken so far: gopdf's offset of the next byte
	line    []byte // the line being read
	lineAt  int    // its offset
	need    int    // bytes of stream data still to come
	cur     *segment
	raw     *segment // bytes passed unchanged, not yet sent
	obj     []byte   // the object being read, up to its "stream" or "endobj"
	objAt   int
	inObj   bool
	endLine bool  // a compressed stream's data has come: "endstream" follows
	rawEnd  bool  // another stream's data has come: its "endstream" follows
	objs    []int // gopdf's offsets of the objects
	tail    []byte
	tailAt  int // gopdf's offset of its xref table, -1 before it
	err     error

	// the writer, on its own goroutine
	segs    chan *segment
	free    chan *segment
	done    chan struct{}
	out     *bufio.Writer
	n       int // bytes written
	head    []byte
	marks   []mark
	werr    error
	caught  *caughtPanic
	stopped bool
}

// segment is a stretch of gopdf's file: bytes passed unchanged, or a
// content stream's data, written compressed with its dictionary.
type segment struct {
	at      int // gopdf's offset of its first byte
	size    int // bytes of gopdf's file it stands for
	data    []byte
	deflate bool
}

// mark records where a stretch of gopdf's file went.
type mark struct {
	at, size, to int
	moved        bool // compressed: no offset inside it maps
}

// headKept is how much of the start of the file is kept for langUpdate:
// gopdf writes the catalog first.
const headKept = 64 << 10

func newFlateWriter(w io.Writer, level int) *flateWriter {
	f := &flateWriter{
		level:  level,
		tailAt: -1,
		segs:   make(chan *segment, 16),
		free:   make(chan *segment, 32),
		done:   make(chan struct{}),
		out:    bufio.NewWriterSize(w, 64<<10),
	}
	go f.write()
	return f
}

var (
	objHeadRE     = regexp.MustCompile(`^\d+ \d+ obj\n$`)
	plainStreamRE = regexp.MustCompile(`^<<\n/Length (\d+)\n>>\n$`)
	lengthRE      = regexp.MustCompile(`/Length\s+(\d+)\b`)
)

var errLayout = errors.New("gopdf 写出的文件与预期的格式不同")

func (f *flateWriter) Write(p []byte) (int, error) {
	n := len(p)
	for len(p) > 0 && f.err == nil {
		if f.need > 0 {
			k := min(f.need, len(p))
			f.cur.data = append(f.cur.data, p[:k]...)
			f.in += k
			f.need -= k
			p = p[k:]
			if f.need == 0 {
				f.dataDone()
			}
			continue
		}
		i := bytes.IndexByte(p, '\n')
		if i < 0 {
			if len(f.line) == 0 {
				f.lineAt = f.in
			}
			f.line = append(f.line, p...)
			f.in += len(p)
			break
		}
		var line []byte
		at := f.in
		if len(f.line) > 0 {
			f.line = append(f.line, p[:i+1]...)
			line, at = f.line, f.lineAt
		} else {
			line = p[:i+1]
		}
		f.in += i + 1
		p = p[i+1:]
		f.takeLine(line, at)
		f.line = f.line[:0]
	}
	return n, f.err
}

// takeLine reads a line outside stream data.
func (f *flateWriter) takeLine(line []byte, at int) {
	switch {
	case f.tailAt >= 0:
		f.tail = append(f.tail, line...)
	case f.endLine:
		if string(line) != "endstream\n" {
			f.err = errLayout
			return
		}
		f.endLine = false
		f.cur.size = f.in - f.cur.at
		f.send(f.cur)
		f.cur = nil
	case f.rawEnd:
		switch string(line) {
		case "endstream\n":
			f.rawEnd = false
		case "\n":
		default:
			f.err = errLayout
			return
		}
		f.pass(line, at)
	case f.inObj:
		f.obj = append(f.obj, line...)
		switch string(line) {
		case "endobj\n":
			f.passObj()
		case "stream\n":
			f.stream()
		}
	case objHeadRE.Match(line):
		f.inObj, f.objAt = true, at
		f.objs = append(f.objs, at)
		f.obj = append(f.obj[:0], line...)
	case string(line) == "xref\n":
		f.tailAt = at
		f.tail = append(f.tail, line...)
		f.flushRaw()
	default:
		f.pass(line, at)
	}
}

// stream starts a stream's data: a content stream's to be compressed,
// any other's to pass unchanged.
func (f *flateWriter) stream() {
	head := bytes.IndexByte(f.obj, '\n') + 1
	dict := f.obj[head : len(f.obj)-len("stream\n")]
	if m := plainStreamRE.FindSubmatch(dict); m != nil {
		n, err := strconv.Atoi(string(m[1]))
		if err != nil {
			f.err = errLayout
			return
		}
		f.pass(f.obj[:head], f.objAt)
		f.flushRaw()
		f.cur = f.segment(f.objAt+head, true)
		f.inObj, f.need, f.endLine = false, n, true
		if n == 0 {
			f.dataDone()
		}
		return
	}
	m := lengthRE.FindSubmatch(dict)
	if m == nil {
		f.err = errLayout
		return
	}
	n, err := strconv.Atoi(string(m[1]))
	if err != nil {
		f.err = errLayout
		return
	}
	f.passObj()
	f.flushRaw()
	f.cur = f.segment(f.in, false)
	f.need = n
	if n == 0 {
		f.dataDone()
	}
}

// dataDone: a stream's data has all come.
func (f *flateWriter) dataDone() {
	if f.cur.deflate {
		return // its "endstream" line ends it
	}
	f.cur.size = len(f.cur.data)
	f.send(f.cur)
	f.cur = nil
	f.rawEnd = true
}

func (f *flateWriter) passObj() {
	f.pass(f.obj, f.objAt)
	f.obj = f.obj[:0]
	f.inObj = false
}

// pass adds bytes at offset at to those that pass unchanged.
func (f *flateWriter) pass(b []byte, at int) {
	if f.raw == nil {
		f.raw = f.segment(at, false)
	}
	f.raw.data = append(f.raw.data, b...)
	if len(f.raw.data) >= 256<<10 {
		f.flushRaw()
	}
}

func (f *flateWriter) flushRaw() {
	if f.raw != nil {
		f.raw.size = len(f.raw.data)
		f.send(f.raw)
		f.raw = nil
	}
}

func (f *flateWriter) segment(at int, deflate bool) *segment {
	var s *segment
	select {
	case s = <-f.free:
		s.data = s.data[:0]
	default:
		s = &segment{}
	}
	s.at, s.deflate, s.size = at, deflate, 0
	return s
}

func (f *flateWriter) send(s *segment) {
	f.segs <- s
}

// write writes the segments in order, compressing the content streams.
func (f *flateWriter) write() {
	defer close(f.done)
	var zbuf bytes.Buffer
	zw, err := zlib.NewWriterLevel(&zbuf, f.level)
	if err != nil {
		f.werr = err
	}
	for s := range f.segs {
		if f.werr == nil && f.caught == nil {
			f.caught = catch(func() { f.writeSegment(s, zw, &zbuf) })
		}
		select {
		case f.free <- s:
		default:
		}
	}
}

func (f *flateWriter) writeSegment(s *segment, zw *zlib.Writer, zbuf *bytes.Buffer) {
	f.marks = append(f.marks, mark{at: s.at, size: s.size, to: f.n, moved: s.deflate})
	switch {
	case !s.deflate:
		f.put(s.data)
	case bytes.HasPrefix(s.data, []byte("/CIDInit")):
		// a font's ToUnicode map, which gopdf does not compress
		f.put(fmt.Appendf(nil, "<<\n/Length %d\n>>\nstream\n", len(s.data)))
		f.put(s.data)
		f.put([]byte("endstream\n"))
	default:
		zbuf.Reset()
		zw.Reset(zbuf)
		if _, err := zw.Write(s.data); err != nil {
			f.werr = err
		} else if err := zw.Close(); err != nil {
			f.werr = err
		}
		f.put(fmt.Appendf(nil, "<<\n/Filter/FlateDecode/Length %d\n>>\nstream\n", zbuf.Len()))
		f.put(zbuf.Bytes())
		f.put([]byte("\nendstream\n"))
	}
}

func (f *flateWriter) put(b []byte) {
	if f.werr != nil {
		return
	}
	if len(f.head) < headKept {
		f.head = append(f.head, b[:min(len(b), headKept-len(f.head))]...)
	}
	k, err := f.out.Write(b)
	f.n += k
	if err != nil {
		f.werr = err
	}
}

// moved is where gopdf's offset at went.
func (f *flateWriter) moved(at int) (int, bool) {
	i := sort.Search(len(f.marks), func(i int) bool { return f.marks[i].at > at }) - 1
	if i < 0 {
		return 0, false
	}
	m := f.marks[i]
	if m.moved || at >= m.at+m.size {
		return 0, false
	}
	return m.to + at - m.at, true
}

// stop ends the writing goroutine (once), when it has written what it was
// given.
func (f *flateWriter) stop() {
	if !f.stopped {
		f.stopped = true
		close(f.segs)
	}
	<-f.done
}

// Close writes the xref table and the trailer with the offsets moved, and
// then what update makes of the file (the /Lang update).
func (f *flateWriter) Close(update func(pdfView) []byte) error {
	if f.err == nil && (len(f.line) > 0 || f.need > 0 || f.inObj || f.cur != nil || f.rawEnd || f.endLine || f.tailAt < 0) {
		f.err = errLayout
	}
	if f.err == nil {
		f.flushRaw()
	}
	f.stop()
	f.caught.repanic()
	if f.err != nil {
		return f.err
	}
	if f.werr != nil {
		return f.werr
	}
	tail, err := f.xref()
	if err != nil {
		return err
	}
	v := pdfView{head: f.head, tail: tail, tailAt: f.n, size: f.n + len(tail)}
	f.put(tail)
	if update != nil {
		f.put(update(v))
	}
	if f.werr != nil {
		return f.werr
	}
	return f.out.Flush()
}

// xref is gopdf's xref table and trailer with the offsets moved.
func (f *flateWriter) xref() ([]byte, error) {
	rest := f.tail
	out := make([]byte, 0, len(rest))
	line := func() []byte {
		i := bytes.IndexByte(rest, '\n')
		if i < 0 {
			return nil
		}
		l := rest[:i+1]
		rest = rest[i+1:]
		return l
	}
	out = append(out, line()...) // xref
	for {
		l := line()
		if l == nil {
			return nil, errLayout
		}
		if bytes.HasPrefix(l, []byte("trailer")) {
			out = append(out, l...)
			break
		}
		var first, count int
		if _, err := fmt.Sscanf(string(l), "%d %d\n", &first, &count); err != nil || count < 0 || count > len(rest)/20 {
			return nil, errLayout
		}
		out = append(out, l...)
		for range count {
			e := rest[:20]
			rest = rest[20:]
			if e[17] != 'n' {
				out = append(out, e...)
				continue
			}
			at, err := strconv.Atoi(string(e[:10]))
			if _, found := slices.BinarySearch(f.objs, at); err != nil || !found {
				return nil, errLayout // not where an object begins
			}
			to, ok := f.moved(at)
			if !ok {
				return nil, errLayout
			}
			out = fmt.Appendf(out, "%010d", to)
			out = append(out, e[10:]...)
		}
	}
	i := bytes.Index(rest, []byte("startxref\n"))
	if i < 0 {
		return nil, errLayout
	}
	out = append(out, rest[:i+len("startxref\n")]...)
	rest = rest[i+len("startxref\n"):]
	l := line()
	if at, err := strconv.Atoi(string(bytes.TrimSpace(l))); err != nil || at != f.tailAt {
		return nil, errLayout
	}
	out = fmt.Appendf(out, "%d\n", f.n)
	return append(out, rest...), nil
}
