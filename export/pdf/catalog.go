package pdf

import (
	"bytes"
	"fmt"
	"regexp"
	"strconv"
)

// docLang is the language of the document's text, for screen readers and
// for tools that check accessibility.
const docLang = "zh-CN"

// langUpdate is what to append to the PDF gopdf wrote so that the catalog
// carries /Lang: an incremental update — the catalog again, under its own
// number, with /Lang added, its xref section and a trailer pointing back at
// gopdf's. gopdf cannot set /Lang, and editing its catalog in place would
// shift every later object off its xref offset.
//
// It returns nil when the file is not laid out as gopdf writes it (or
// already has /Lang): the file stays valid without the language, and the
// tests catch such a change of gopdf.
func langUpdate(pdf []byte) []byte { return wholeFile(pdf).langUpdate() }

// pdfView is what langUpdate reads of a file: all of it, or, for a file
// written as it is made, its start (gopdf writes the catalog first) and
// its end from the xref table on.
type pdfView struct {
	head   []byte
	tail   []byte
	tailAt int // the offset of tail[0]
	size   int
}

func wholeFile(pdf []byte) pdfView { return pdfView{head: pdf, tail: pdf, size: len(pdf)} }

// from is the file from offset at on, as far as the view holds it; nil
// when it holds no byte there.
func (v pdfView) from(at int) []byte {
	switch {
	case at >= v.tailAt && at-v.tailAt < len(v.tail):
		return v.tail[at-v.tailAt:]
	case at >= 0 && at < len(v.head):
		return v.head[at:]
	}
	return nil
}

func (v pdfView) langUpdate() []byte {
	trailer, prev, ok := v.lastTrailer()
	if !ok || bytes.Contains(trailer, []byte("/Prev")) || bytes.Contains(trailer, []byte("/Encrypt")) {
		// an encrypted file would need the new string encrypted
		return nil
	}
	m := rootRE.FindSubmatch(trailer)
	if m == nil {
		return nil
	}
	num, _ := strconv.Atoi(string(m[1]))
	gen, _ := strconv.Atoi(string(m[2]))
	at, ok := xrefOffset(v.from(prev), prev, num)
	if !ok {
		return nil
	}
	catalog, ok := objectDict(v.from(at), num, gen)
	if !ok || bytes.Contains(catalog, []byte("/Lang")) {
		return nil
	}
	var u bytes.Buffer
	base := v.size
	if !bytes.HasSuffix(v.tail, []byte("\n")) {
		u.WriteByte('\n')
	}
	objAt := base + u.Len()
	fmt.Fprintf(&u, "%d %d obj\n%s  /Lang (%s)\n>>\nendobj\n", num, gen, bytes.TrimSuffix(catalog, []byte(">>")), docLang)
	xrefAt := base + u.Len()
	// each xref entry is exactly 20 bytes: offset, generation, n, space, LF
	fmt.Fprintf(&u, "xref\n%d 1\n%010d %05d n \n", num, objAt, gen)
	fmt.Fprintf(&u, "trailer\n%s/Prev %d\n>>\nstartxref\n%d\n%%%%EOF\n", bytes.TrimSuffix(trailer, []byte(">>")), prev, xrefAt)
	return u.Bytes()
}

var (
	rootRE      = regexp.MustCompile(`/Root\s+(\d+)\s+(\d+)\s+R`)
	startxrefRE = regexp.MustCompile(`startxref\s+(\d+)\s+%%EOF\s*$`)
)

// lastTrailer finds the file's last trailer dictionary (from << to its
// closing >>) and the offset of the xref section it ends.
func (v pdfView) lastTrailer() (dict []byte, xref int, ok bool) {
	pdf := v.tail
	m := startxrefRE.FindSubmatchIndex(pdf)
	if m == nil {
		return nil, 0, false
	}
	xref, err := strconv.Atoi(string(pdf[m[2]:m[3]]))
	if err != nil || xref >= v.tailAt+m[0] {
		return nil, 0, false
	}
	t := bytes.LastIndex(pdf[:m[0]], []byte("trailer"))
	if t < 0 || v.tailAt+t < xref {
		return nil, 0, false
	}
	dict = bytes.TrimSpace(pdf[t+len("trailer") : m[0]])
	if !bytes.HasPrefix(dict, []byte("<<")) || !bytes.HasSuffix(dict, []byte(">>")) {
		return nil, 0, false
	}
	return dict, xref, true
}

// xrefOffset reads object num's offset from the xref table at xref, which
// rest holds from its start on (a table, not a stream: gopdf writes
// tables).
func xrefOffset(rest []byte, xref, num int) (int, bool) {
	line := func() []byte {
		i := bytes.IndexAny(rest, "\r\n")
		if i < 0 {
			return nil
		}
		l := rest[:i]
		rest = bytes.TrimLeft(rest[i:], "\r\n")
		return l
	}
	if string(bytes.TrimSpace(line())) != "xref" {
		return 0, false
	}
	for {
		f := bytes.Fields(line())
		if len(f) != 2 {
			return 0, false // the trailer: num is not in the table
		}
		first, err1 := strconv.Atoi(string(f[0]))
		count, err2 := strconv.Atoi(string(f[1]))
		if err1 != nil || err2 != nil || count < 0 || count > len(rest)/20 {
			return 0, false
		}
		if num >= first && num < first+count {
			e := bytes.Fields(rest[20*(num-first) : 20*(num-first+1)])
			if len(e) != 3 || string(e[2]) != "n" {
				return 0, false
			}
			at, err := strconv.Atoi(string(e[0]))
			return at, err == nil && at < xref
		}
		rest = rest[20*count:]
	}
}

// objectDict is the dictionary of the object that obj starts with, checked
// to be object num gen and to hold a dictionary only.
func objectDict(obj []byte, num, gen int) ([]byte, bool) {
	head := fmt.Sprintf("%d %d obj", num, gen)
	if !bytes.HasPrefix(obj, []byte(head)) {
		return nil, false
	}
	body := obj[len(head):]
	end := bytes.Index(body, []byte("endobj"))
	if end < 0 {
		return nil, false
	}
	dict := bytes.TrimSpace(body[:end])
	if !bytes.HasPrefix(dict, []byte("<<")) || !bytes.HasSuffix(dict, []byte(">>")) || bytes.Contains(dict, []byte("stream")) {
		return nil, false
	}
	return dict, true
}
