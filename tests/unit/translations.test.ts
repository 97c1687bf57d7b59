// The translation overlay: content/data/<lang>/ laid over the default language's data, matched by
// id, month or position, with source titles from sources.yaml, and English text standing in for a draft.
import { describe, expect, it, vi } from 'vitest';
import { join } from 'node:path';
import { DataError, loadTimelineData } from '../../src/build/data/load';
import { languageName, languagesOf, loadTranslatedData } from '../../src/build/data/translations';
import { Site } from '../../src/lib/timeline/schema';
import { clean, FIXTURE, spanish, swap, withFixture } from './translations-helpers';

const DATA = join(FIXTURE, 'data');

describe('a complete overlay', () => {
  const { data, lines, gaps } = spanish();
  const event = (id: string) => data!.events.find((e) => e.id === id)!;

  it('has no problems and no gaps', () => {
    expect(lines).toEqual([]);
    expect(gaps).toEqual([]);
  });

  it('matches by id, whatever the order, and keeps everything but the text', () => {
    const english = loadTimelineData(DATA);
    expect(data!.events.map((e) => e.id)).toEqual(english.events.map((e) => e.id));
    expect(event('joint-declaration')).toMatchObject({
      title: 'Declaración conjunta',
      body: 'El texto se **publicó** al día siguiente.',
      date: '2019-06-07',
      importance: 1,
      actors: ['inm'],
    });
    expect(data!.series[0].measures).toEqual([
      { id: 'arrests', label: 'Detenciones', unit: 'personas' },
      { id: 'returns', label: 'Devoluciones' },
    ]);
    expect(data!.charts[0]).toMatchObject({
      periods: [{ id: 'review', label: 'Revisión', start: '2019-06-07', end: '2019-07-22' }],
      focus: { start: '2019-06-01', end: '2019-06-30', note: 'Junio es más ancho.' },
      annotations: [{ id: 'vote', date: '2019-06-07', text: 'Acuerdo firmado' }],
    });
    expect(data!.tracks.map((t) => [t.label, t.colour])).toEqual([
      ['Amenaza', '#b35900'],
      ['Acuerdo', '#0b6e4f'],
    ]);
  });

  it('matches series months by month, and only the values with a note', () => {
    const [may, june] = data!.series[0].months;
    expect(may.arrests).toMatchObject({ value: 132856, note: 'Según el primer anuncio.' });
    expect(may.returns).toEqual(loadTimelineData(DATA).series[0].months[0].returns);
    expect(june).toEqual(loadTimelineData(DATA).series[0].months[1]);
  });

  it('matches milestones, figures, roles, notes and credits by position, {} holding no text', () => {
    expect(event('tariff-threat').milestones.map((m) => [m.kind, m.label])).toEqual([
      ['announced', undefined],
      ['scheduled', '5% previsto'],
    ]);
    expect(event('joint-declaration').figures[0]).toMatchObject({ value: 6000, unit: 'elementos', key: true });
    expect(event('tariff-threat').notes).toEqual(['Las fuentes difieren sobre la hora.']);
    expect(data!.actors[1].roles[0]).toMatchObject({ post: 'inm-head', note: 'Renunció.' });
    expect(data!.site.credits).toEqual(['Investigación del equipo de pruebas.', 'Colores de una paleta segura.']);
  });

  it('keeps a person’s name and a place’s country, and replaces aliases whole', () => {
    expect(data!.actors.map((a) => a.name)).toEqual(['Instituto Nacional de Migración', 'Tonatiuh Guillén López']);
    expect(event('tariff-threat').place).toEqual({ name: 'Washington', country: 'US' });
    expect(data!.glossary[0].aliases).toEqual(['TPS', 'tercer país']);
  });

  it('translates the listed source titles everywhere, and no other', () => {
    expect(event('tariff-threat').sources.map((s) => s.title)).toEqual([
      'Tariffs',
      'Informe sobre la amenaza (titular no registrado)',
    ]);
    expect(data!.series[0].months[0].arrests.sources[0].title).toBe('Informe sobre mayo (titular no registrado)');
    expect(data!.actors[1].roles[0].sources[0].title).toBe('Renuncia');
  });

  it('names its language', () => expect(data!.site.language).toBe('es'));
});

describe('languages', () => {
  it('lists the default first and publishes the non-draft ones', () => {
    const site = loadTimelineData(DATA).site;
    expect(languagesOf(site)).toEqual({ default: 'en', all: ['en', 'es'], published: ['en'] });
    expect(
      languagesOf({
        ...site,
        languages: [
          { code: 'es', draft: false },
          { code: 'en', draft: false },
        ],
      }),
    ).toEqual({ default: 'en', all: ['en', 'es'], published: ['en', 'es'] });
    expect(languagesOf({ ...site, languages: undefined })).toEqual({ default: 'en', all: ['en'], published: ['en'] });
  });

  it('names languages in English', () => {
    expect(languageName('es')).toBe('Spanish');
    expect(languageName('pt-BR')).toBe('Brazilian Portuguese');
  });

  it('checks the list: codes unique and well formed, the default listed', () => {
    const base = { title: 'T', description: 'D', language: 'en', published: '2026-01-01', updated: '2026-01-01' };
    const site = { ...base, publisher: 'P', period: { start: '2019', end: '2020' } };
    const messages = (languages: unknown) =>
      Site.safeParse({ ...site, languages }).error?.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    expect(messages([{ code: 'en' }, { code: 'es', draft: true }])).toBeUndefined();
    expect(messages([{ code: 'en' }, { code: 'es' }, { code: 'es' }])).toEqual([
      'languages.2.code: "es" is listed twice',
    ]);
    expect(messages([{ code: 'es' }])).toEqual([
      'languages: should include the default language "en" (the "language" field)',
    ]);
    expect(messages([{ code: 'en' }, { code: 'Spanish' }])).toEqual([
      'languages.1.code: should be a language code like "es"',
    ]);
  });
});

describe('loading a language', () => {
  it('gives the default language exactly the data without overlays', () => {
    expect(loadTranslatedData('en', DATA)).toEqual(loadTimelineData(DATA));
    expect(JSON.stringify(loadTranslatedData('en', DATA))).toBe(JSON.stringify(loadTimelineData(DATA)));
  });

  it('lets a draft build with English text where the Spanish is missing', () => {
    const edits = {
      'data/es/events.yaml': swap('  summary: Los dos gobiernos emiten una declaración conjunta.\n', ''),
    };
    const data = withFixture(edits, (dir) => loadTranslatedData('es', join(dir, 'data')));
    const event = data.events.find((e) => e.id === 'joint-declaration')!;
    expect(event.title).toBe('Declaración conjunta');
    expect(event.summary).toBe('The two governments issue a joint declaration.');
  });

  it('refuses a published language with a missing text, one line per field', () => {
    const edits = {
      'data/site.yaml': swap('{ code: es, draft: true }', '{ code: es }'),
      'data/es/events.yaml': swap('  summary: Los dos gobiernos emiten una declaración conjunta.\n', ''),
    };
    const message = withFixture(edits, (dir) => {
      try {
        loadTranslatedData('es', join(dir, 'data'));
      } catch (error) {
        if (error instanceof DataError) return clean(dir, error.message);
        throw error;
      }
    });
    expect(message).toBe(
      'The Spanish translation has 1 problem; fix it and build again:\n' +
        '  • data/es/events.yaml:1 — event "joint-declaration", field "summary": has no Spanish translation ' +
        '(the English text is at data/events.yaml:26)',
    );
  });

  it('refuses a language the site does not list', () => {
    expect(() => loadTranslatedData('fr', DATA)).toThrow(/site settings, field "languages": does not list "fr"/);
  });
});

describe('getTimelineData', () => {
  it('is today’s data for the default language, and the translation, in the same order, for another', async () => {
    vi.stubEnv('CONTENT_DIR', FIXTURE);
    vi.resetModules();
    try {
      const { getTimelineData, siteLanguages } = await import('../../src/data/timeline');
      const english = getTimelineData();
      expect(getTimelineData('en')).toBe(english);
      expect(english.site.language).toBe('en');
      const es = getTimelineData('es');
      expect(getTimelineData('es')).toBe(es);
      expect(es.site.language).toBe('es');
      expect(es.events.map((e) => e.id)).toEqual(english.events.map((e) => e.id));
      expect(es.events.map((e) => e.title)).toEqual(['Anuncian la amenaza de aranceles', 'Declaración conjunta']);
      expect(siteLanguages()).toEqual({ default: 'en', all: ['en', 'es'], published: ['en'] });
    } finally {
      vi.unstubAllEnvs();
      vi.resetModules();
    }
  });
});
