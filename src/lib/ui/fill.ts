// Fills the {name} parts of a UI string. Small and free of the strings themselves, so browser code can
// use it on the words a page hands it (data attributes, a chart's payload) without shipping the strings.

/** "{count} events" with { count: 3 } → "3 events"; an unknown {name} stays as written. */
export function fill(template: string, vars: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
}
