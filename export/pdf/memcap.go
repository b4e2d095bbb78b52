package pdf

import (
	"math"
	"runtime/debug"
	rtmetrics "runtime/metrics"
	"sync"
)

// memCap lowers the collector's memory limit during an export to what the
// heap holds live plus a margin. gopdf keeps every page's drawing until it
// writes the file, so the live heap grows with the document (some 330 MB
// for the large generated one), and with the collector's default goal of
// twice the live heap the process would grow to about twice that. The limit
// follows the live heap as it grows; it is never raised above a limit the
// program or the user set (GOMEMLIMIT), and it is put back at the end.
type memCap struct {
	samples []rtmetrics.Sample
	live0   float64 // the live heap when the export began
	cycles  float64 // collections when last seen
	at      int     // pages drawn when a collection was last seen
}

var (
	capMu    sync.Mutex
	capUsers int
	capPrev  int64 // the limit before the first export running began
)

// The limit leaves the heap a quarter of what it holds live, and 16 MB,
// to grow into before the collector runs.
const (
	capMargin = 0.25
	capBase   = 16 << 20
)

func startMemCap() *memCap {
	capMu.Lock()
	if capUsers == 0 {
		capPrev = debug.SetMemoryLimit(-1)
	}
	capUsers++
	capMu.Unlock()
	c := &memCap{samples: []rtmetrics.Sample{
		{Name: "/gc/heap/live:bytes"},
		{Name: "/memory/classes/total:bytes"},
		{Name: "/memory/classes/heap/released:bytes"},
		{Name: "/memory/classes/heap/objects:bytes"},
		{Name: "/memory/classes/heap/unused:bytes"},
		{Name: "/memory/classes/heap/free:bytes"},
		{Name: "/gc/cycles/total:gc-cycles"},
	}}
	c.read()
	c.live0, c.cycles = c.value(0), c.value(6)
	return c
}

func (c *memCap) read() { rtmetrics.Read(c.samples) }

func (c *memCap) value(i int) float64 {
	if c.samples[i].Value.Kind() != rtmetrics.KindUint64 {
		return math.NaN()
	}
	return float64(c.samples[i].Value.Uint64())
}

// update sets the limit when done of total pages are drawn: from the live
// heap as the last collection found it, what the drawing added so far
// taken as done's share of what the whole will add.
func (c *memCap) update(done, total int) {
	if done < 64 || total < done {
		return
	}
	c.read()
	v := c.value
	if v(6) != c.cycles {
		// a collection since the last update: the live heap is as it was
		// about done pages in
		c.cycles, c.at = v(6), done
	}
	if c.at == 0 {
		return
	}
	live := v(0)
	if live > c.live0 {
		live = c.live0 + (live-c.live0)*float64(total)/float64(c.at)
	}
	// what the runtime holds besides the heap: stacks, metadata
	other := v(1) - v(2) - v(3) - v(4) - v(5)
	limit := other + live*(1+capMargin) + float64(capBase)
	if math.IsNaN(limit) || limit <= 0 {
		return
	}
	capMu.Lock()
	debug.SetMemoryLimit(min(int64(limit), capPrev))
	capMu.Unlock()
}

func (c *memCap) end() {
	capMu.Lock()
	capUsers--
	if capUsers == 0 {
		debug.SetMemoryLimit(capPrev)
	}
	capMu.Unlock()
}
