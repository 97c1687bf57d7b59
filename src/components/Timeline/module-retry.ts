// A failed import of a script, tried again: the address the browser's error names, and that address made
// new for each retry (see timeline-chart.ts). Pure functions, tested in Node.

/** The address of the module a failed dynamic import names in its message (Chromium, Firefox), if any. */
export function failedModule(error: unknown): string | undefined {
  const message = error instanceof Error ? error.message : String(error);
  return /\b(https?:\/\/[^\s'"?#]+?\.m?js)(?=$|[\s'"?#])/.exec(message)?.[1];
}

/** `url` with ?retry=`n` (or &retry=`n`): the same file under an address the browser has not tried. */
export function retryAddress(url: string, n: number): string {
  return `${url}${url.includes('?') ? '&' : '?'}retry=${n}`;
}
