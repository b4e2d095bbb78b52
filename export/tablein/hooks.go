package tablein

// hooks are test seams of the table readers, unset in the program.
var hooks struct {
	// afterLines runs after each table's lines are read.
	afterLines func(tableID string)
	// panicsThrough lets a panic in a table's reader through rather than
	// have it reported as a problem of its sheet.
	panicsThrough bool
}

// AfterLinesForTest is for tests only (of this package and of the readers
// that feed it, such as export/xlsx): f runs after each table's lines are
// read, inside the per-table recovery, so a test can make reading one table
// fail. It returns the function that puts the previous hook back.
func AfterLinesForTest(f func(tableID string)) (restore func()) {
	old := hooks.afterLines
	hooks.afterLines = f
	return func() { hooks.afterLines = old }
}

// PanicsThroughForTest is for tests only (fuzzing and panic hunts here and in
// the readers that feed this package): on, a panic in a table's reader is
// not recovered, so that it fails the test instead of being reported as a
// problem of its sheet. It returns the function that puts the previous
// setting back.
func PanicsThroughForTest(on bool) (restore func()) {
	old := hooks.panicsThrough
	hooks.panicsThrough = on
	return func() { hooks.panicsThrough = old }
}
