/**
 * Test fixture: starts a kernel, prints its pid, then waits to be signalled. `kernel_test.ts`
 * sends it SIGINT or SIGKILL and checks that the kernel died with it.
 *
 * @module
 */
import { startKernel } from "../kernel.ts";

const kernel = await startKernel();
console.log(JSON.stringify({ pid: kernel.pid }));
await new Promise((resolve) => setTimeout(resolve, 60_000));
await kernel.shutdown();
