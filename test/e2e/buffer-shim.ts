// The Excel fake measures payloads with Node's Buffer.byteLength; give the browser bundle the one
// function it needs. Imported first by office-stub.ts so it runs before the fake is evaluated.
const g = globalThis as { Buffer?: unknown };
if (g.Buffer === undefined) {
  const utf8 = new TextEncoder();
  g.Buffer = { byteLength: (s: string): number => utf8.encode(String(s)).length };
}
export {};
