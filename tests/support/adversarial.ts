// Test-only: strings built to defeat backtracking regexes and naive scanners (see adversarial.test.ts).

/** `unit` repeated to `size` UTF-16 units (cut to fit), optionally after `head` / before `tail`. */
export function repeatTo(unit: string, size: number, head = "", tail = ""): string {
  const body = unit.repeat(Math.ceil((size - head.length - tail.length) / unit.length));
  return head + body.slice(0, Math.max(0, size - head.length - tail.length)) + tail;
}

/** Named hostile strings of `size` characters: each one targets some pattern over event text. */
export function adversarialStrings(size: number): [string, string][] {
  const cases: [string, string, string?, string?][] = [
    ["%( repeated", "%("],
    ["% repeated", "%"],
    ["%0 then zeros", "0", "%"],
    ["%( then letters", "a", "%("],
    ["%(a) repeated", "%(a)"],
    ["%. repeated", "%."],
    ["{ repeated", "{"],
    ["{a repeated", "{a"],
    ["} repeated", "}"],
    ["{{ then x", "{{x"],
    ["digits", "1"],
    ["digits then letter", "1", "", "x"],
    ["1. repeated", "1."],
    ["1.1.1. repeated", "1.1.1."],
    ["1: repeated", "1:"],
    ["a: repeated", "a:"],
    [":: repeated", "::"],
    ["hex letters", "a"],
    ["0x then hex", "f", "0x"],
    ["hex run with digits", "a1"],
    ["spaces", " "],
    ["spaces then x", " ", "", "x"],
    ["tabs and newlines", "\t\n"],
    ["CRs", "\r"],
    ["dots", "."],
    ["dashes", "-"],
    ["a@ repeated", "a@"],
    ["a@a. repeated", "a@a."],
    ["local part then @", "a", "", "@"],
    ["http:// repeated", "http://"],
    ["a:// repeated", "a://"],
    ["url then dots", ".", "http://x"],
    ['unclosed "', "a", '"'],
    ["unclosed '", "a", " '"],
    ["unclosed backtick", "a", "`"],
    ['" then \\ repeated', '\\"', ' "'],
    ["backslashes", "\\"],
    ["\\u0000-like text", "\\\\", "", "\\u0000"],
    ["quotes alternating", "\"'`"],
    ["[ repeated", "["],
    ["( repeated", "("],
    ["date-like repeated", "2024-01-01"],
    ["date then digits", "1", "2024-01-01T00:00:00."],
    ["uuid-like", "0123abcd-"],
    ["ip-like", "1.2.3.4."],
    ["ipv6-like", "abcd:"],
    ["sentry_key repeated", "sentry_key"],
    ["sentry_key = spaces", " ", "sentry_key=", ""],
    ["{{ default spaces", " ", "{{", "x"],
    ["surrogate halves", "\ud800"],
    ["mixed script", "aé😀1 .%({"],
  ];
  return cases.map(([name, unit, head = "", tail = ""]) => [
    name,
    repeatTo(unit, size, head, tail),
  ]);
}
