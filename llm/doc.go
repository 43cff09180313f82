// Package llm asks an OpenAI-compatible chat-completions endpoint (OpenAI,
// Ollama, vLLM, a llama.cpp server) for feedback on one answer: it builds the
// prompt with the answer as quoted data, streams the reply, validates it into
// a typed Verdict, applies the prompt-injection guard, and turns every fault
// into a one-line Error that never carries the API key. It knows nothing of
// the offline grader beyond the score it is given to compare with.
package llm
