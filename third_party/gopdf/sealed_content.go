package gopdf

import (
	"bytes"
	"compress/zlib"
	"io"
)

// sealPages is off only in tests, to compare with the file written without
// sealing.
var sealPages = true

// cacheContentSealed is a finished page's drawing kept as the bytes of its
// content stream, compressed at level unless level is zlib.NoCompression,
// instead of one value per drawing operation. A document of thousands of
// pages otherwise holds every operation of every page until it is written.
type cacheContentSealed struct {
	data  []byte
	level int
}

func (c *cacheContentSealed) write(w io.Writer, protection *PDFProtection) error {
	if c.level == zlib.NoCompression {
		_, err := w.Write(c.data)
		return err
	}
	// more drawing was added to the page after it was sealed, or the
	// compression level changed: the stream is made again from the bytes
	r, err := zlib.NewReader(bytes.NewReader(c.data))
	if err != nil {
		return err
	}
	_, err = io.Copy(w, r)
	return err
}

// sealed is the page's sealed stream when nothing was drawn after it.
func (c *ContentObj) sealed() (*cacheContentSealed, bool) {
	if len(c.listCache.caches) != 1 {
		return nil, false
	}
	s, ok := c.listCache.caches[0].(*cacheContentSealed)
	return s, ok
}

// seal replaces the page's drawing operations by the bytes they write,
// compressed as the document is. A page with a placeholder is left as it
// is (FillInPlaceHoldText changes it later), and so is a page whose
// operations fail to write: the error comes back when the document is
// written.
func (c *ContentObj) seal() {
	caches := c.listCache.caches
	if len(caches) == 0 {
		return
	}
	if _, ok := c.sealed(); ok {
		return
	}
	for _, cache := range caches {
		if t, ok := cache.(*cacheContentText); ok && t.isPlaceHolder {
			return
		}
	}
	gp := c.getRoot()
	level := gp.compressLevel
	buf := &gp.seal.buf
	buf.Reset()
	if level == zlib.NoCompression {
		if err := c.listCache.write(buf, c.protection()); err != nil {
			return
		}
	} else {
		zw, err := gp.seal.writer(buf, level)
		if err != nil {
			return
		}
		if err := c.listCache.write(zw, c.protection()); err != nil {
			return
		}
		if err := zw.Close(); err != nil {
			return
		}
	}
	c.listCache.caches = []ICacheContent{&cacheContentSealed{data: append([]byte(nil), buf.Bytes()...), level: level}}
}

// sealer holds what sealing pages reuses from page to page: a zlib writer
// is some 760 KB.
type sealer struct {
	buf   bytes.Buffer
	zw    *zlib.Writer
	level int
}

func (s *sealer) writer(w io.Writer, level int) (*zlib.Writer, error) {
	if s.zw != nil && s.level == level {
		s.zw.Reset(w)
		return s.zw, nil
	}
	zw, err := zlib.NewWriterLevel(w, level)
	if err != nil {
		return nil, err
	}
	s.zw, s.level = zw, level
	return zw, nil
}
