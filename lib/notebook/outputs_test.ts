import assert from "node:assert/strict";
import { OutputCollector } from "./outputs.ts";

// IOPub messages (msg_type, content) recorded from the Deno 2.9.6 kernel, status messages and
// execute_input left out as the kernel client does.
type Recorded = [string, Record<string, unknown>][];

function collect(messages: Recorded, keepAnsi = false): OutputCollector {
  const collector = new OutputCollector({ keepAnsi });
  for (const [type, content] of messages) collector.add(type, content);
  return collector;
}

Deno.test("an execute_result loses its ANSI colours unless asked to keep them", () => {
  const recorded: Recorded = [
    ["execute_result", {
      execution_count: 1,
      data: { "text/plain": "\u001b[33m2\u001b[39m" },
      metadata: {},
      transient: {},
    }],
  ];
  assert.deepEqual(collect(recorded).outputs, [
    {
      output_type: "execute_result",
      execution_count: 1,
      data: { "text/plain": "2" },
      metadata: {},
    },
  ]);
  assert.equal(
    (collect(recorded, true).outputs[0] as { data: Record<string, unknown> }).data["text/plain"],
    "\u001b[33m2\u001b[39m",
  );
});

Deno.test("consecutive stream writes of one name merge; another name starts a new output", () => {
  // `console.log("a"); console.error("b"); console.log("c"); console.log("d")`
  const outputs = collect([
    ["stream", { name: "stdout", text: "a\n" }],
    ["stream", { name: "stderr", text: "b\n" }],
    ["stream", { name: "stdout", text: "c\n" }],
    ["stream", { name: "stdout", text: "d\n" }],
  ]).outputs;
  assert.deepEqual(outputs, [
    { output_type: "stream", name: "stdout", text: "a\n" },
    { output_type: "stream", name: "stderr", text: "b\n" },
    { output_type: "stream", name: "stdout", text: "c\nd\n" },
  ]);
});

Deno.test("an ANSI escape split across two stream writes is still removed", () => {
  const outputs = collect([
    ["stream", { name: "stdout", text: "\u001b[3" }],
    ["stream", { name: "stdout", text: "2mok\u001b[39m\n" }],
  ]).outputs;
  assert.deepEqual(outputs, [{ output_type: "stream", name: "stdout", text: "ok\n" }]);
});

Deno.test("an error output keeps ename, evalue and traceback", () => {
  const outputs = collect([
    ["error", {
      ename: "Error",
      evalue: "boom",
      traceback: ["Error: boom", "    at <anonymous>:1:28"],
    }],
  ]).outputs;
  assert.deepEqual(outputs, [{
    output_type: "error",
    ename: "Error",
    evalue: "boom",
    traceback: ["Error: boom", "    at <anonymous>:1:28"],
  }]);
});

Deno.test("update_display_data rewrites every output with its display_id, in place", () => {
  // `await Deno.jupyter.display({ "text/plain": "first" }, { raw: true, display_id: "d1" });
  //  console.log("between");
  //  await Deno.jupyter.display({ "text/plain": "second" }, { raw: true, display_id: "d1", update: true })`
  const collector = collect([
    ["display_data", {
      data: { "text/plain": "first" },
      metadata: {},
      transient: { display_id: "d1" },
    }],
    ["stream", { name: "stdout", text: "between\n" }],
    ["display_data", { data: { "text/plain": "other" }, metadata: {}, transient: {} }],
    ["display_data", {
      data: { "text/plain": "first" },
      metadata: {},
      transient: { display_id: "d1" },
    }],
    ["update_display_data", {
      data: { "text/plain": "second", "text/html": "<b>second</b>" },
      metadata: { "text/html": { isolated: true } },
      transient: { display_id: "d1" },
    }],
  ]);
  const second = {
    output_type: "display_data",
    data: { "text/plain": "second", "text/html": "<b>second</b>" },
    metadata: { "text/html": { isolated: true } },
  };
  assert.deepEqual(collector.outputs, [
    second,
    { output_type: "stream", name: "stdout", text: "between\n" },
    { output_type: "display_data", data: { "text/plain": "other" }, metadata: {} },
    second,
  ]);
  assert.deepEqual(collector.displayUpdates, []);
});

Deno.test("an update for a display of an earlier cell is returned as a display update", () => {
  const collector = collect([
    ["update_display_data", {
      data: { "text/plain": "\u001b[33m3\u001b[39m" },
      metadata: {},
      transient: { display_id: "progress" },
    }],
    ["update_display_data", { data: { "text/plain": "no id" }, metadata: {}, transient: {} }],
  ]);
  assert.deepEqual(collector.outputs, []);
  assert.deepEqual(collector.displayUpdates, [
    { displayId: "progress", data: { "text/plain": "3" }, metadata: {} },
  ]);
});

Deno.test("a Symbol.for('Jupyter.display') bundle arrives as an execute_result with every MIME type", () => {
  const outputs = collect([
    ["execute_result", {
      execution_count: 5,
      data: { "text/plain": "y", "text/html": "<b>y</b>" },
      metadata: {},
      transient: {},
    }],
  ]).outputs;
  assert.deepEqual(outputs, [{
    output_type: "execute_result",
    execution_count: 5,
    data: { "text/plain": "y", "text/html": "<b>y</b>" },
    metadata: {},
  }]);
});

Deno.test("clear_output empties the outputs now, or at the next output with wait", () => {
  const now = collect([
    ["stream", { name: "stdout", text: "old\n" }],
    ["clear_output", { wait: false }],
  ]);
  assert.deepEqual(now.outputs, []);
  const deferred = new OutputCollector();
  deferred.add("stream", { name: "stdout", text: "10%\n" });
  deferred.add("clear_output", { wait: true });
  assert.equal(deferred.outputs.length, 1);
  deferred.add("stream", { name: "stdout", text: "20%\n" });
  assert.deepEqual(deferred.outputs, [{ output_type: "stream", name: "stdout", text: "20%\n" }]);
});

Deno.test("messages that are not outputs are ignored; outputs are copies", () => {
  const collector = collect([
    ["execute_input", { code: "1", execution_count: 1 }],
    ["comm_open", { comm_id: "c" }],
    ["stream", { name: "stdout", text: "x" }],
  ]);
  const outputs = collector.outputs;
  assert.equal(outputs.length, 1);
  outputs.pop();
  assert.equal(collector.outputs.length, 1);
});

Deno.test("a stream over the cap of one output keeps its head and a notice; the rest is dropped as it comes", () => {
  // 50 MB printed as 1 MB lines, as `console.log("x".repeat(...))` in a loop sends it.
  const line = "x".repeat(999_999) + "\n";
  const collector = new OutputCollector();
  for (let i = 0; i < 50; i++) collector.add("stream", { name: "stdout", text: line });
  collector.add("stream", { name: "stderr", text: "done\n" });
  const [stdout, stderr] = collector.outputs as { text: string }[];
  assert.equal(
    stdout!.text,
    line +
      "\n[output cut: the cell wrote 50 MB to stdout; the notebook keeps the first 1 MB, the cap of one output]\n",
  );
  assert.equal(stderr!.text, "done\n", "the next output has a cap of its own");
});

Deno.test("a display over the cap keeps its cut text/plain and names what was dropped", () => {
  const collector = new OutputCollector({ maxOutputBytes: 1_000 });
  collector.add("display_data", {
    data: { "text/plain": "Exhibit 2: hashprice", "image/png": "A".repeat(4_000) },
    metadata: { "image/png": { width: 600 } },
  });
  collector.add("execute_result", {
    execution_count: 3,
    data: { "text/plain": "y".repeat(3_000) },
    metadata: {},
  });
  const [display, value] = collector.outputs as {
    data: Record<string, string>;
    metadata: object;
  }[];
  assert.deepEqual(display!.data, {
    "text/plain": "Exhibit 2: hashprice\n[output cut: a display of 4 kB (image/png 4 kB, " +
      "text/plain 20 B) is over 1 kB, the cap of one output; only its text/plain is kept]",
  });
  assert.deepEqual(display!.metadata, {});
  const text = value!.data["text/plain"]!;
  assert.ok(new TextEncoder().encode(text).length <= 1_000, `${text.length} bytes kept`);
  assert.match(text, /^y+\n\[output cut: a display of 3 kB \(text\/plain 3 kB\) is over 1 kB/);
});
