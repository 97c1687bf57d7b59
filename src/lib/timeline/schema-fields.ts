// The schema's building blocks: ids, dates, web addresses and bounded text (schema.ts re-exports them).
import { z } from 'zod';
import { partialDateProblem } from '../dates';
import { markdownProblems } from '../markdown';

/** A stable id: lowercase words joined by hyphens. Ids are URL parts and join keys. */
export const Id = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, {
  error: 'should be lowercase letters, digits and hyphens, like "budget-vote"',
});

/**
 * The message of a date that is not text; load.ts words it from what was found (YAML reads an unquoted
 * 2019 as a number). A missing date keeps zod's own issue, which load.ts words as missing.
 */
export const DATE_NOT_TEXT = 'should be a date in quotes';

/** A date at the precision the sources give: "2019", "2019-06" or "2019-06-07". */
export const PartialDateText = z
  .string({ error: (issue) => (issue.input === undefined ? undefined : DATE_NOT_TEXT) })
  .superRefine((value, ctx) => {
    const problem = partialDateProblem(value);
    if (problem) ctx.addIssue({ code: 'custom', message: problem, abort: true });
  })
  .meta({ pattern: '^\\d{4}(-\\d{2}(-\\d{2})?)?$', examples: ['2019', '2019-06', '2019-06-07'] });

/** A full calendar date, "YYYY-MM-DD" (for publication dates and update logs). */
export const DayText = PartialDateText.refine((v) => v.length === 10, {
  error: 'should be a full date, YYYY-MM-DD',
});

/** A web address that readers can open: http or https only. */
export const WebUrl = z
  .string()
  .meta({ pattern: '^https?://', format: 'uri' })
  .superRefine((value, ctx) => {
    let url: URL | undefined;
    try {
      url = new URL(value);
    } catch {
      ctx.addIssue({ code: 'custom', message: `"${value}" is not a web address (it should start with https://)` });
      return;
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') {
      ctx.addIssue({ code: 'custom', message: `"${value}" should start with http:// or https://` });
    }
  });

/** Editor-written text: trimmed, not empty, at most `max` characters. */
export const text = (max: number) =>
  z
    .string()
    .trim()
    .min(1, { error: 'is empty' })
    .max(max, { error: (issue) => `is ${String(issue.input).length} characters long; the limit is ${max}` });

/**
 * Markdown an editor writes (an event's body, a glossary definition), at most `max` characters when given.
 * Only the safe subset of lib/markdown.ts: raw HTML, and links to anything but http(s) or a path on this
 * site, are refused with a message each (the renderer would show them as text).
 */
export const markdown = (max?: number) =>
  (max ? text(max) : z.string().trim()).superRefine((value, ctx) => {
    for (const message of markdownProblems(value)) ctx.addIssue({ code: 'custom', message });
  });
