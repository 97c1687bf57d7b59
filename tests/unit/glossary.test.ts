import { describe, expect, it } from 'vitest';
import { otherNames } from '../../src/lib/glossary';

describe('otherNames', () => {
  it('leaves out the aliases the term already says, as whole words, whatever their case, hyphens or brackets', () => {
    expect(
      otherNames(
        { term: 'Asylum Cooperative Agreement (ACA)', aliases: ['ACA', 'asylum cooperation agreement'] },
        'en',
      ),
    ).toEqual(['asylum cooperation agreement']);
    expect(
      otherNames(
        { term: 'first-release and revised figures', aliases: ['first release', 'revised figures', 'final figures'] },
        'en',
      ),
    ).toEqual(['final figures']);
    expect(otherNames({ term: 'Safe third country agreement', aliases: ['safe third country', 'STCA'] }, 'en')).toEqual(
      ['STCA'],
    );
  });

  it('keeps an alias that is only part of a word of the term, or in another order', () => {
    expect(
      otherNames({ term: 'Migrant Protection Protocols', aliases: ['MPP', 'Protocol', 'protocols migrant'] }, 'en'),
    ).toEqual(['MPP', 'Protocol', 'protocols migrant']);
  });

  it('compares accented words in the language of the page', () => {
    expect(
      otherNames({ term: 'Instituto Nacional de Migración (INM)', aliases: ['INM', 'migración', 'migracion'] }, 'es'),
    ).toEqual(['migracion']);
  });
});
