/**
 * `deno doc --lint` over the public surface, without the diagnostics Deno 2.9 raises for types
 * that live in npm packages (a public type referencing danfo's `DataFrame` or Vega-Lite's
 * `Config` is reported as referencing a "private" type). Upstream fixed this in
 * denoland/deno#34339 by skipping such diagnostics; this mirrors that rule until we move to a
 * Deno with the fix: a `private-type-ref` is skipped only when no file in `lib/` declares the
 * referenced type. Every other diagnostic fails the gate.
 *
 * @module
 */

const entries = Deno.args.length > 0 ? Deno.args : ["lib/mod.ts"];
const { code, stderr, stdout } = await new Deno.Command(Deno.execPath(), {
  args: ["doc", "--lint", ...entries],
  env: { NO_COLOR: "1" },
  stdout: "piped",
  stderr: "piped",
}).output();
const text = new TextDecoder().decode(stderr) + new TextDecoder().decode(stdout);
const blocks = text.split(/\n(?=error\[)/).filter((b) => b.startsWith("error["));
const declared = await declaredTypeNames("lib");
const kept = blocks.filter((block) => {
  const ref = /^error\[private-type-ref\].*references private type '([^']+)'/.exec(block);
  return ref === null || declared.has(ref[1]!);
});
for (const block of kept) console.error(block.trimEnd() + "\n");
const skipped = blocks.length - kept.length;
if (kept.length > 0) {
  console.error(
    `doc lint: ${kept.length} problem(s) (${skipped} about npm packages' own types skipped)`,
  );
  Deno.exit(1);
}
if (code !== 0 && blocks.length === 0) {
  console.error(text);
  Deno.exit(code);
}
console.log(`doc lint: clean (${skipped} diagnostics about npm packages' own types skipped)`);

async function declaredTypeNames(dir: string): Promise<Set<string>> {
  const names = new Set<string>();
  // Declarations only: `type X` inside an import statement is not one.
  const pattern =
    /^\s*(?:export\s+)?(?:declare\s+)?(?:abstract\s+)?(?:interface|type|class|enum)\s+([A-Za-z_$][\w$]*)/gm;
  for await (const entry of Deno.readDir(dir)) {
    const path = `${dir}/${entry.name}`;
    if (entry.isDirectory) { for (const n of await declaredTypeNames(path)) names.add(n); }
    else if (entry.name.endsWith(".ts")) {
      for (const m of (await Deno.readTextFile(path)).matchAll(pattern)) names.add(m[1]!);
    }
  }
  return names;
}
