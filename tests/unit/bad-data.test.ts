// The held-out list: each case makes one mistake an editor could make in a small valid content folder
// (tests/fixtures/bad-data) and asserts the exact message that `npm run validate` and the build print —
// what is wrong, where, and how to fix it — with no stack trace and no programmer's words.
import { describe, expect, it } from 'vitest';
import { check, EVENTS, STORY } from '../support/bad-data';
import { FIELD_CASES } from '../support/bad-data-fields';
import { REFERENCE_CASES } from '../support/bad-data-refs';

const CASES = [...FIELD_CASES, ...REFERENCE_CASES];

describe('the held-out list of bad content', () => {
  it('starts from valid content, and accepts a byte-order mark and Windows line ends', () => {
    expect(check({}).lines).toEqual([]);
    expect(check({ [EVENTS]: (t) => `\uFEFF${t}` }).lines).toEqual([]);
    expect(
      check({ [EVENTS]: (t) => t.replaceAll('\n', '\r\n'), [STORY]: (t) => t.replaceAll('\n', '\r\n') }).lines,
    ).toEqual([]);
  });

  it('holds at least 40 cases', () => expect(CASES.length).toBeGreaterThanOrEqual(40));

  it.each(CASES)('%s', (_name, edits, expected) => {
    const { heading, lines } = check(edits);
    expect(lines).toEqual(expected);
    const n = expected.length;
    expect(heading).toMatch(new RegExp(`^The (timeline data has|stories and pages have) ${n} problems?; fix`));
  });
});
