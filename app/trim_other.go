//go:build !linux || !cgo

package app

import "runtime/debug"

// giveBackMemory returns the free pages of Go's heap to the system (other
// systems' allocators give back freed C memory themselves).
func giveBackMemory() { debug.FreeOSMemory() }
