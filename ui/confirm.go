package ui

import "github.com/rivo/tview"

// ask shows a question with two buttons over the current screen: yes runs
// onYes, no (or Esc) goes back to the back primitive.
func (a *app) ask(text, yes, no string, onYes func(), back tview.Primitive) {
	modal := tview.NewModal().
		SetText(text).
		AddButtons([]string{yes, no}).
		SetButtonStyle(a.th.button).
		SetButtonActivatedStyle(a.th.active)
	modal.SetDoneFunc(func(_ int, label string) {
		a.pages.RemovePage("confirm")
		if label == yes {
			onYes()
			return
		}
		a.tv.SetFocus(back)
	})
	a.pages.AddPage("confirm", modal, true, true)
	a.tv.SetFocus(modal)
}
