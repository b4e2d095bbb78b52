package forms

import (
	"encoding/json"

	"yusuan/assets"
)

// DefaultGlossary is the 名词解释 the app ships; a document uses it until the
// clerk edits its own.
func DefaultGlossary() []Term {
	var terms []Term
	if err := json.Unmarshal(assets.Glossary, &terms); err != nil {
		return nil // embedded data; a test proves it parses
	}
	return terms
}

// GlossaryOf is the document's 名词解释: its own, or the default.
func (d *Document) GlossaryOf() []Term {
	if d.Text.Glossary != nil {
		return d.Text.Glossary
	}
	return DefaultGlossary()
}
