package decks

import (
	"embed"
	"sync"
)

// builtinFS holds the built-in decks, one topic per file.
//
//go:embed gnn.md diffusion.md vla.md
var builtinFS embed.FS

// builtinFiles lists the built-in decks in the order they are shown.
var builtinFiles = []string{"gnn.md", "diffusion.md", "vla.md"}

// BuiltinSource is the Source of the topics of the built-in decks.
const BuiltinSource = "built-in"

var builtin struct {
	once sync.Once
	lib  *Library
	err  error
}

// Builtin returns the decks embedded in the binary: Graph Neural Networks
// (gnn), Diffusion Models (diffusion) and Vision-Language-Action Models
// (vla). Their topics have Source "built-in"; their cards name the file,
// such as "decks/gnn.md". The decks are parsed once; every call returns its
// own copy, which the caller may change freely.
func Builtin() (*Library, error) {
	builtin.once.Do(func() { builtin.lib, builtin.err = parseBuiltin() })
	if builtin.err != nil {
		return nil, builtin.err
	}
	return builtin.lib.clone(), nil
}

// parseBuiltin parses the embedded decks.
func parseBuiltin() (*Library, error) {
	lib := &Library{}
	var problems []Problem
	for _, f := range builtinFiles {
		src, err := builtinFS.ReadFile(f)
		if err != nil {
			return nil, err
		}
		topics, ps := Parse("decks/"+f, src)
		for _, t := range topics {
			t.Source = BuiltinSource
		}
		problems = append(problems, ps...)
		problems = append(problems, lib.add(topics)...)
	}
	if len(problems) > 0 {
		return nil, &LoadError{Problems: problems}
	}
	return lib, nil
}
