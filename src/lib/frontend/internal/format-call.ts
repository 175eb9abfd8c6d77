/**
 * The call as R prints it (`coxph(formula = Surv(time, status) ~ age, data = lung, ties = "breslow")`):
 * the function, the normalized formula, the data's name, then the options given, in R's argument order.
 */
export function formatCall(
  fn: string,
  formula: string,
  options: {
    readonly dataName?: string;
    readonly subset?: unknown;
    readonly weights?: unknown;
    readonly cluster?: unknown;
  },
  extra: Readonly<Record<string, string | null>>,
): string {
  const args = [`formula = ${formula}`, `data = ${options.dataName ?? "data"}`];
  const named = (v: unknown) => (typeof v === "string" ? v : v === undefined ? null : "<array>");
  for (const [k, v] of [
    ["weights", named(options.weights)],
    ["subset", named(options.subset)],
    ["cluster", named(options.cluster)],
    ...Object.entries(extra),
  ] as [string, string | null][]) {
    if (v !== null) args.push(`${k} = ${v}`);
  }
  return `${fn}(${args.join(", ")})`;
}
