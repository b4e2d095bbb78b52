//go:build linux && cgo

package app

// #include <malloc.h>
import "C"

import "runtime/debug"

// giveBackMemory returns what a finished export or a replaced document
// used: Go's free pages (FreeOSMemory), and the C heap's, which the GL
// driver's freed textures and buffers leave with glibc's allocator until
// it is told to trim.
func giveBackMemory() {
	debug.FreeOSMemory()
	C.malloc_trim(0)
}
