// Parses every Mermaid diagram in the files named on the command line (one diagram per file) with
// Mermaid's own parser and prints one line per file: "ok <file>" or "fail <file>: <message>".
// Mermaid's flowchart parser needs a DOM (it sanitizes labels with DOMPurify), so jsdom provides one.
import { readFileSync } from 'node:fs';
import { JSDOM } from 'jsdom';

const dom = new JSDOM('<!doctype html><html><body></body></html>');
globalThis.window = dom.window;
globalThis.document = dom.window.document;
const { default: mermaid } = await import('mermaid');
mermaid.initialize({ startOnLoad: false, securityLevel: 'strict' });

let failed = 0;
for (const file of process.argv.slice(2)) {
  try {
    await mermaid.parse(readFileSync(file, 'utf8'));
    console.log(`ok ${file}`);
  } catch (e) {
    failed++;
    console.log(`fail ${file}: ${String(e && e.message).split('\n').join(' ')}`);
  }
}
process.exit(failed === 0 ? 0 : 1);
