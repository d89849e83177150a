/**
 * AMO's linter (web-ext lint) on the Firefox build: no error, and no warning but the ones the
 * README explains as false positives, each recognised by the code it points at (chunk names
 * change from build to build). Any other warning fails the run.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const DIR = '.output/firefox-mv2';

const EXPLAINED = [
  {
    code: 'UNSAFE_VAR_ASSIGNMENT',
    // React DOM setting `innerHTML` for `dangerouslySetInnerHTML`, which Paperdex never uses.
    is: (around) => /r\.__html/.test(around) && /\.innerHTML=/.test(around),
    why: "React DOM's support for dangerouslySetInnerHTML",
  },
  {
    code: 'DANGEROUS_EVAL',
    // zod's test whether eval is allowed (`try { return Function(""), true } catch`), never run:
    // Paperdex sets z.config({ jitless: true }).
    is: (around) => /try\{return Function\(``\),!0\}catch\{return!1\}/.test(around),
    why: "zod's probe for eval, never run (jitless)",
  },
];

let out;
try {
  out = execFileSync('npx', ['web-ext', 'lint', '--source-dir', DIR, '--output', 'json'], { encoding: 'utf8', env: { ...process.env, NO_UPDATE_NOTIFIER: '1' } });
} catch (error) {
  out = error.stdout; // web-ext exits 1 when there are errors; the report says which
}
const report = JSON.parse(out);
const problems = [];
for (const error of report.errors) problems.push(`error ${error.code} ${error.file ?? ''}:${error.line ?? ''} ${error.message}`);
for (const warning of [...report.warnings, ...report.notices]) {
  const line = warning.file && warning.line ? readFileSync(join(DIR, warning.file), 'utf8').split('\n')[warning.line - 1] ?? '' : '';
  const around = line.slice(Math.max(0, (warning.column ?? 0) - 120), (warning.column ?? 0) + 120);
  const known = EXPLAINED.find((e) => e.code === warning.code && e.is(around));
  if (known) console.log(`explained: ${warning.code} ${warning.file}:${warning.line}:${warning.column} (${known.why}; see README "Firefox")`);
  else problems.push(`${warning.code} ${warning.file ?? ''}:${warning.line ?? ''} ${warning.message}`);
}
if (problems.length) {
  console.error(`web-ext lint: ${problems.length} problem(s) not explained:\n${problems.join('\n')}`);
  process.exit(1);
}
console.log(`web-ext lint: ${report.summary.errors} errors, ${report.summary.warnings} warnings, all explained.`);
