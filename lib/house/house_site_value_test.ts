import assert from "node:assert/strict";
import { loadHouseAssumptions } from "./house_assumptions.ts";
import { houseSiteValue, siteValueTable } from "./house_site_value.ts";

const house = await loadHouseAssumptions();

Deno.test("siteValueTable: the parts worth something, then the bold total", () => {
  const site = houseSiteValue(house, { grossMw: 300, aiShare: 1 }); // no mining MW left
  assert.equal(site.parts.find((p) => p.part === "Mining MW")!.valueUsd, 0);
  const lines = siteValueTable(site, { meanNpvUsd: 1e9 }).split("\n");
  assert.equal(lines.length, 2 + 2 + 1); // header, rule, lease, build, total
  assert.match(
    lines.at(-1)!,
    /^\| \*\*Site value\*\* \| \*\*\$[0-9.]+[MB]\*\* \| against a mean NPV of \$1\.00B at the same split \|$/,
  );
});
