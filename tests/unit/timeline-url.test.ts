import { describe, expect, it } from 'vitest';
import { chartOfUrl, eventOfUrl, urlWithEvent } from '../../src/components/Timeline/url-state';

describe('eventOfUrl: the event a URL asks for', () => {
  it('reads ?event=<id>', () => {
    expect(eventOfUrl('?event=gpt-4&chart=lead', '')).toBe('gpt-4');
  });

  it('reads #event-<id> when there is no ?event=', () => {
    expect(eventOfUrl('', '#event-gpt-4')).toBe('gpt-4');
    expect(eventOfUrl('?chart=lead', '#event-gpt-4')).toBe('gpt-4');
  });

  it('prefers ?event= to the fragment', () => {
    expect(eventOfUrl('?event=a', '#event-b')).toBe('a');
  });

  it('asks for none otherwise', () => {
    expect(eventOfUrl('', '')).toBeNull();
    expect(eventOfUrl('?chart=lead', '#sources')).toBeNull();
  });
});

describe('chartOfUrl', () => {
  it('reads ?chart=<chart>, or null', () => {
    expect(chartOfUrl('?event=a&chart=lead')).toBe('lead');
    expect(chartOfUrl('?event=a')).toBeNull();
  });
});

describe('urlWithEvent: the URL with an event open, or none', () => {
  const base = 'https://example.org/story/?lang=en';

  it('adds the event and its chart, keeping the other parameters', () => {
    expect(urlWithEvent(base, 'gpt-4', 'lead')).toBe('https://example.org/story/?lang=en&event=gpt-4&chart=lead');
  });

  it('replaces an open event', () => {
    expect(urlWithEvent(`${base}&event=a&chart=x`, 'b', 'lead')).toBe(
      'https://example.org/story/?lang=en&event=b&chart=lead',
    );
  });

  it('removes the event and chart when none is open', () => {
    expect(urlWithEvent(`${base}&event=a&chart=lead`, undefined, 'lead')).toBe(base);
  });

  it('drops a #event- fragment (the parameters now say it) but keeps another fragment', () => {
    expect(urlWithEvent('https://example.org/#event-a', 'a', 'lead')).toBe('https://example.org/?event=a&chart=lead');
    expect(urlWithEvent('https://example.org/#sources', 'a', 'lead')).toBe(
      'https://example.org/?event=a&chart=lead#sources',
    );
  });

  it('round-trips with eventOfUrl', () => {
    const url = new URL(urlWithEvent(base, 'x y/z', 'lead'));
    expect(eventOfUrl(url.search, url.hash)).toBe('x y/z');
    expect(chartOfUrl(url.search)).toBe('lead');
  });
});
