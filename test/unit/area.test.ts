import { describe, expect, it } from 'vitest';
import { AreaChangesSchema, AreaSchema, NewAreaSchema, briefingLanguagesOf } from '../../functions/domain/area.js';

const name = { fi: 'Järvimaan hyvinvointialue', sv: 'Järvimaa välfärdsområde', en: 'Wellbeing Services County of Järvimaa' };

describe('an area\'s official languages', () => {
  it('reads an area stored before languages were recorded as Finnish-speaking', () => {
    expect(AreaSchema.parse({ id: 'jarvimaa', name, version: 3 }).languages).toEqual(['fi']);
  });

  it('makes a new area Finnish-speaking unless the admin names its languages', () => {
    expect(NewAreaSchema.parse({ id: 'jarvimaa', name }).languages).toEqual(['fi']);
    expect(NewAreaSchema.parse({ id: 'jarvimaa', name, languages: ['fi', 'sv'] }).languages).toEqual(['fi', 'sv']);
  });

  it('needs at least one language, each once, and only Finnish or Swedish', () => {
    for (const languages of [[], ['fi', 'fi'], ['en'], ['fi', 'sv', 'sv']]) {
      expect(NewAreaSchema.safeParse({ id: 'jarvimaa', name, languages }).success, JSON.stringify(languages)).toBe(false);
    }
  });

  it('leaves the languages alone when an admin only renames the area, and refuses a change of nothing', () => {
    expect(AreaChangesSchema.parse({ name })).toEqual({ name });
    expect(AreaChangesSchema.parse({ languages: ['sv', 'fi'] })).toEqual({ languages: ['sv', 'fi'] });
    expect(AreaChangesSchema.safeParse({}).success).toBe(false);
  });

  it('gives a bilingual area\'s briefing in Finnish first, then Swedish, whichever order they were set in', () => {
    expect(briefingLanguagesOf({ languages: ['sv', 'fi'] })).toEqual(['fi', 'sv']);
    expect(briefingLanguagesOf({ languages: ['sv'] })).toEqual(['sv']);
  });
});
