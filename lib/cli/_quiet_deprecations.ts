// Imported first by the task entry points. vega-lite's CommonJS build pulls in a dependency
// that loads Node's deprecated `punycode` module, and Node prints a DEP0040 warning users can do
// nothing about. This silences Node deprecation warnings for our command-line tasks only.
import process from "node:process";

process.noDeprecation = true;
