//go:build tools

package main

import (
	_ "github.com/BurntSushi/toml"
	_ "github.com/gdamore/tcell/v2"
	_ "github.com/kljensen/snowball"
	_ "github.com/rivo/tview"
	_ "github.com/sashabaranov/go-openai"
	_ "github.com/yuin/goldmark"
	_ "golang.org/x/text/unicode/norm"
)
