package store

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"
)

// hostileRecord builds a session record around a fuzzed value: base (a
// real record) gets an extra field holding value repeated repeat times in
// an array nested depth deep, and the whole is cut short by cut bytes.
// That makes records that are deeply nested, large, truncated, or all
// three, while staying near the shape of a real record.
func hostileRecord(base, value []byte, depth, repeat uint16, cut uint32) []byte {
	d, r := int(depth)%20001, int(repeat)%4097
	var b bytes.Buffer
	open := bytes.IndexByte(base, '{')
	if open < 0 {
		b.Write(base)
	} else {
		b.Write(base[:open+1])
		b.WriteString(`"hostile":`)
		b.WriteString(strings.Repeat("[", d))
		for i := 0; i < r; i++ {
			if i > 0 {
				b.WriteByte(',')
			}
			b.Write(value)
		}
		b.WriteString(strings.Repeat("]", d))
		if rest := bytes.TrimLeft(base[open+1:], " \t\r\n"); len(rest) > 0 && rest[0] != '}' {
			b.WriteByte(',')
		}
		b.Write(base[open+1:])
	}
	data := b.Bytes()
	if c := int(cut); c > 0 && c < len(data) {
		data = data[:len(data)-c]
	}
	return data
}

// FuzzDecodeRecord feeds the session-record reader hostile input (huge,
// deeply nested, truncated): it must never panic, must name the file in
// every error, must refuse what is not valid JSON, and what it accepts must
// survive a round trip.
func FuzzDecodeRecord(f *testing.F) {
	rec, _ := json.Marshal(inProgress(t0))
	indented, _ := json.MarshalIndent(sampleRecord(t0), "", "  ")
	f.Add(rec, []byte(`"x"`), uint16(0), uint16(1), uint32(0))
	f.Add(rec, []byte(`1`), uint16(10001), uint16(1), uint32(0))           // nested past the limit
	f.Add(rec, []byte(`{"a":[null]}`), uint16(9990), uint16(3), uint32(0)) // nested just inside it
	f.Add(rec, []byte(`"\u00e9\ud800"`), uint16(1), uint16(4096), uint32(0))
	f.Add(rec, []byte(`{"b":`), uint16(3000), uint16(1), uint32(0))  // unterminated deep inside
	f.Add(indented, []byte(`true`), uint16(2), uint16(2), uint32(7)) // cut short
	f.Add(indented, []byte(``), uint16(0), uint16(0), uint32(1))
	f.Add([]byte(`{"schema_version":99}`), []byte(`[]`), uint16(1), uint16(1), uint32(0))
	f.Add([]byte(`[`), []byte(`[`), uint16(100), uint16(100), uint32(0))
	f.Fuzz(func(t *testing.T, base, value []byte, depth, repeat uint16, cut uint32) {
		data := hostileRecord(base, value, depth, repeat, cut)
		got, err := DecodeRecord("f.json", data)
		if err != nil {
			if !strings.HasPrefix(err.Error(), "f.json: ") {
				t.Fatalf("error does not name the file: %v", err)
			}
			return
		}
		if !json.Valid(data) {
			t.Fatalf("accepted invalid JSON: %q", data)
		}
		if !knownVersion(got.SchemaVersion) {
			t.Fatalf("accepted schema_version %d", got.SchemaVersion)
		}
		again, err := json.Marshal(got)
		if err != nil {
			t.Fatalf("accepted record does not encode: %v", err)
		}
		back, err := DecodeRecord("f.json", again)
		if err != nil {
			t.Fatalf("accepted record does not read back: %v", err)
		}
		if len(back.Questions) != len(got.Questions) || !back.Started.Equal(got.Started) {
			t.Fatalf("round trip changed the record: %d questions from %v, now %d from %v",
				len(got.Questions), got.Started, len(back.Questions), back.Started)
		}
		for i := range got.Questions {
			if back.Questions[i].Answer != got.Questions[i].Answer {
				t.Fatalf("round trip changed answer %d", i+1)
			}
		}
	})
}
