// The core's rules in JavaScript are written once, in public/boot.js's `// rule: begin` …
// `// rule: end` block (ids, dataset folders, the default dataset). The service worker gets the
// same block at build time (offline-hook.mjs puts it where its template says
// `// __SHARED_RULES__`), so the two cannot differ; tests/e2e/rules.test.mjs runs the loader's
// block and the generated worker's over the table of cases the Rust runs.

/** The code between the markers of a file's rule block. */
export function ruleBlock(source) {
  const m = /\/\/ rule: begin[^\n]*\n([\s\S]*?)\/\/ rule: end/.exec(source);
  if (!m) throw new Error('no `// rule: begin` … `// rule: end` block');
  return m[1];
}

/** The worker's template with the loader's rule block in place of its placeholder. */
export function withSharedRules(template, bootSource) {
  const mark = '// __SHARED_RULES__\n';
  if (!template.includes(mark)) throw new Error(`the worker's template has no ${mark.trim()} line`);
  // A function, so `$` in the code is never read as a replacement pattern.
  return template.replace(mark, () => ruleBlock(bootSource));
}
