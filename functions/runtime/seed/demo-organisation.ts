import type { Area } from '../../domain/area.js';
import type { Membership } from '../../domain/membership.js';
import type { Person } from '../../domain/person.js';
import type { Unit } from '../../domain/unit.js';

/**
 * The local demo organisation (DOMAIN.md, "Demo organisation"): four wellbeing services counties
 * and units named after the seed documents. Everyone here is fictional; none of the people named
 * in the seeds appears.
 *
 * Who to sign in as:
 *
 * | person           | locale | role(s)                                                                   |
 * |------------------|--------|---------------------------------------------------------------------------|
 * | Tiina Koskinen   | fi     | admin                                                                     |
 * | Jukka Heikkinen  | fi     | leader, Keski-Suomi                                                       |
 * | Riitta Mäkelä    | fi     | leader, Etelä-Pohjanmaa                                                   |
 * | Hannu Lehtonen   | fi     | leader, Satakunta                                                         |
 * | Carina Nyberg    | sv     | leader, Pohjanmaa                                                         |
 * | Aino Virtanen    | fi     | coach: Sampoharju, Palokka, Nova, Kyllö                                   |
 * | Eero Salminen    | fi     | coach: Hankasalmi, Uurainen; supervisor: Nova, Kyllö                      |
 * | Sanna Järvinen   | fi     | coach: Alajärvi, Vimpeli, Soini (Etelä-Pohjanmaa), Kankaanpää (Satakunta) |
 * | Satu Vainio      | fi     | coach: Pori, Ulvila; supervisor: Kankaanpää                               |
 * | Johan Sundqvist  | sv     | coach: Vaasa, Mustasaari, Pietarsaari                                     |
 * | Minna Hakala     | fi     | supervisor: Sampoharju, Palokka                                           |
 * | Kaisa Nieminen   | fi     | supervisor: Hankasalmi, Uurainen                                          |
 * | Päivi Kangas     | fi     | supervisor: Alajärvi                                                      |
 * | Ville Ojala      | fi     | supervisor: Vimpeli, Soini                                                |
 * | Heidi Aaltonen   | fi     | supervisor: Pori, Ulvila                                                  |
 * | Daniel Hughes    | en     | supervisor: Vaasa, Mustasaari                                             |
 * | Annika Holmström | sv     | supervisor: Pietarsaari                                                   |
 *
 * Good first picks: Aino Virtanen (a coach with four units), Minna Hakala (a supervisor who logs
 * measurements), Jukka Heikkinen (leadership view), Eero Salminen or Satu Vainio (different roles
 * in different units), Carina Nyberg (Swedish UI), Daniel Hughes (English UI).
 */

export const demoAreas: Area[] = [
  {
    id: 'keski-suomi',
    name: {
      fi: 'Keski-Suomen hyvinvointialue',
      sv: 'Mellersta Finlands välfärdsområde',
      en: 'Wellbeing Services County of Central Finland',
    },
    languages: ['fi'],
    version: 1,
  },
  {
    id: 'etela-pohjanmaa',
    name: {
      fi: 'Etelä-Pohjanmaan hyvinvointialue',
      sv: 'Södra Österbottens välfärdsområde',
      en: 'Wellbeing Services County of South Ostrobothnia',
    },
    languages: ['fi'],
    version: 1,
  },
  {
    id: 'satakunta',
    name: {
      fi: 'Satakunnan hyvinvointialue',
      sv: 'Satakunta välfärdsområde',
      en: 'Wellbeing Services County of Satakunta',
    },
    languages: ['fi'],
    version: 1,
  },
  {
    id: 'pohjanmaa',
    name: {
      fi: 'Pohjanmaan hyvinvointialue',
      sv: 'Österbottens välfärdsområde',
      en: 'Wellbeing Services County of Ostrobothnia',
    },
    // Vaasa, Mustasaari and Pietarsaari are bilingual municipalities: the area serves in both languages.
    languages: ['fi', 'sv'],
    version: 1,
  },
];

/**
 * `municipality` holds the Finnish name (Finnish is the default language); the Swedish names of
 * bilingual municipalities (Vasa, Korsholm, Jakobstad, Björneborg …) appear in the units' sv names.
 */
export const demoUnits: Unit[] = [
  // Keski-Suomi: the six stations coached in the Future Health and Social Services Centre programme (seed 004).
  {
    id: 'sampoharju',
    areaId: 'keski-suomi',
    name: { fi: 'Sampoharjun terveysasema', sv: 'Sampoharju hälsostation', en: 'Sampoharju Health Station' },
    kind: 'healthStation',
    municipality: 'Jyväskylä',
    version: 1,
  },
  {
    id: 'palokka',
    areaId: 'keski-suomi',
    name: { fi: 'Palokan terveysasema', sv: 'Palokka hälsostation', en: 'Palokka Health Station' },
    kind: 'healthStation',
    municipality: 'Jyväskylä',
    version: 1,
  },
  {
    id: 'hankasalmi',
    areaId: 'keski-suomi',
    name: { fi: 'Hankasalmen terveysasema', sv: 'Hankasalmi hälsostation', en: 'Hankasalmi Health Station' },
    kind: 'healthStation',
    municipality: 'Hankasalmi',
    version: 1,
  },
  {
    id: 'uurainen',
    areaId: 'keski-suomi',
    name: { fi: 'Uuraisten terveysasema', sv: 'Uurainen hälsostation', en: 'Uurainen Health Station' },
    kind: 'healthStation',
    municipality: 'Uurainen',
    version: 1,
  },
  {
    id: 'nova',
    areaId: 'keski-suomi',
    name: { fi: 'Novan terveysasema', sv: 'Nova hälsostation', en: 'Nova Health Station' },
    kind: 'healthStation',
    municipality: 'Jyväskylä',
    version: 1,
  },
  {
    id: 'kyllo',
    areaId: 'keski-suomi',
    name: { fi: 'Kyllön terveysasema', sv: 'Kyllö hälsostation', en: 'Kyllö Health Station' },
    kind: 'healthStation',
    municipality: 'Jyväskylä',
    version: 1,
  },

  // Etelä-Pohjanmaa: Järvi-Pohjanmaa's sote centre and its two branches (seed 003).
  {
    id: 'alajarvi',
    areaId: 'etela-pohjanmaa',
    name: {
      fi: 'Alajärven sote-keskus',
      sv: 'Alajärvi social- och hälsocentral',
      en: 'Alajärvi Health and Social Services Centre',
    },
    kind: 'soteCentre',
    municipality: 'Alajärvi',
    version: 1,
  },
  {
    id: 'vimpeli',
    areaId: 'etela-pohjanmaa',
    name: {
      fi: 'Vimpelin sivutoimipiste (Alajärven sote-keskus)',
      sv: 'Vindala filial (Alajärvi social- och hälsocentral)',
      en: 'Vimpeli branch (Alajärvi Health and Social Services Centre)',
    },
    kind: 'healthStation',
    municipality: 'Vimpeli',
    version: 1,
  },
  {
    id: 'soini',
    areaId: 'etela-pohjanmaa',
    name: {
      fi: 'Soinin sivutoimipiste (Alajärven sote-keskus)',
      sv: 'Soini filial (Alajärvi social- och hälsocentral)',
      en: 'Soini branch (Alajärvi Health and Social Services Centre)',
    },
    kind: 'healthStation',
    municipality: 'Soini',
    version: 1,
  },

  // Satakunta: sote centres running the team model (seed 002).
  {
    id: 'pori',
    areaId: 'satakunta',
    name: {
      fi: 'Porin sote-keskus',
      sv: 'Björneborgs social- och hälsocentral',
      en: 'Pori Health and Social Services Centre',
    },
    kind: 'soteCentre',
    municipality: 'Pori',
    version: 1,
  },
  {
    id: 'ulvila',
    areaId: 'satakunta',
    name: {
      fi: 'Ulvilan sote-keskus',
      sv: 'Ulvsby social- och hälsocentral',
      en: 'Ulvila Health and Social Services Centre',
    },
    kind: 'soteCentre',
    municipality: 'Ulvila',
    version: 1,
  },
  {
    id: 'kankaanpaa',
    areaId: 'satakunta',
    name: {
      fi: 'Kankaanpään sote-keskus',
      sv: 'Kankaanpää social- och hälsocentral',
      en: 'Kankaanpää Health and Social Services Centre',
    },
    kind: 'soteCentre',
    municipality: 'Kankaanpää',
    version: 1,
  },

  // Pohjanmaa: bilingual health stations (seed 001).
  {
    id: 'vaasa',
    areaId: 'pohjanmaa',
    name: { fi: 'Vaasan terveysasema', sv: 'Vasa hälsostation', en: 'Vaasa Health Station' },
    kind: 'healthStation',
    municipality: 'Vaasa',
    version: 1,
  },
  {
    id: 'mustasaari',
    areaId: 'pohjanmaa',
    name: { fi: 'Mustasaaren terveysasema', sv: 'Korsholms hälsostation', en: 'Korsholm Health Station' },
    kind: 'healthStation',
    municipality: 'Mustasaari',
    version: 1,
  },
  {
    id: 'pietarsaari',
    areaId: 'pohjanmaa',
    name: { fi: 'Pietarsaaren terveysasema', sv: 'Jakobstads hälsostation', en: 'Jakobstad Health Station' },
    kind: 'healthStation',
    municipality: 'Pietarsaari',
    version: 1,
  },
];

export const demoPeople: Person[] = [
  { id: 'tiina-koskinen', name: 'Tiina Koskinen', email: 'tiina.koskinen@sykli.example', locale: 'fi', version: 1 },
  { id: 'jukka-heikkinen', name: 'Jukka Heikkinen', email: 'jukka.heikkinen@sykli.example', locale: 'fi', version: 1 },
  { id: 'riitta-makela', name: 'Riitta Mäkelä', email: 'riitta.makela@sykli.example', locale: 'fi', version: 1 },
  { id: 'hannu-lehtonen', name: 'Hannu Lehtonen', email: 'hannu.lehtonen@sykli.example', locale: 'fi', version: 1 },
  { id: 'carina-nyberg', name: 'Carina Nyberg', email: 'carina.nyberg@sykli.example', locale: 'sv', version: 1 },
  { id: 'aino-virtanen', name: 'Aino Virtanen', email: 'aino.virtanen@sykli.example', locale: 'fi', version: 1 },
  { id: 'eero-salminen', name: 'Eero Salminen', email: 'eero.salminen@sykli.example', locale: 'fi', version: 1 },
  { id: 'sanna-jarvinen', name: 'Sanna Järvinen', email: 'sanna.jarvinen@sykli.example', locale: 'fi', version: 1 },
  { id: 'satu-vainio', name: 'Satu Vainio', email: 'satu.vainio@sykli.example', locale: 'fi', version: 1 },
  { id: 'johan-sundqvist', name: 'Johan Sundqvist', email: 'johan.sundqvist@sykli.example', locale: 'sv', version: 1 },
  { id: 'minna-hakala', name: 'Minna Hakala', email: 'minna.hakala@sykli.example', locale: 'fi', version: 1 },
  { id: 'kaisa-nieminen', name: 'Kaisa Nieminen', email: 'kaisa.nieminen@sykli.example', locale: 'fi', version: 1 },
  { id: 'paivi-kangas', name: 'Päivi Kangas', email: 'paivi.kangas@sykli.example', locale: 'fi', version: 1 },
  { id: 'ville-ojala', name: 'Ville Ojala', email: 'ville.ojala@sykli.example', locale: 'fi', version: 1 },
  { id: 'heidi-aaltonen', name: 'Heidi Aaltonen', email: 'heidi.aaltonen@sykli.example', locale: 'fi', version: 1 },
  { id: 'daniel-hughes', name: 'Daniel Hughes', email: 'daniel.hughes@sykli.example', locale: 'en', version: 1 },
  {
    id: 'annika-holmstrom',
    name: 'Annika Holmström',
    email: 'annika.holmstrom@sykli.example',
    locale: 'sv',
    version: 1,
  },
];

export const demoMemberships: Membership[] = [
  { personId: 'tiina-koskinen', role: 'admin' },

  { personId: 'jukka-heikkinen', role: 'leader', areaId: 'keski-suomi' },
  { personId: 'riitta-makela', role: 'leader', areaId: 'etela-pohjanmaa' },
  { personId: 'hannu-lehtonen', role: 'leader', areaId: 'satakunta' },
  { personId: 'carina-nyberg', role: 'leader', areaId: 'pohjanmaa' },

  // Keski-Suomi
  { personId: 'aino-virtanen', role: 'coach', areaId: 'keski-suomi', unitId: 'sampoharju' },
  { personId: 'aino-virtanen', role: 'coach', areaId: 'keski-suomi', unitId: 'palokka' },
  { personId: 'aino-virtanen', role: 'coach', areaId: 'keski-suomi', unitId: 'nova' },
  { personId: 'aino-virtanen', role: 'coach', areaId: 'keski-suomi', unitId: 'kyllo' },
  { personId: 'eero-salminen', role: 'coach', areaId: 'keski-suomi', unitId: 'hankasalmi' },
  { personId: 'eero-salminen', role: 'coach', areaId: 'keski-suomi', unitId: 'uurainen' },
  { personId: 'eero-salminen', role: 'supervisor', areaId: 'keski-suomi', unitId: 'nova' },
  { personId: 'eero-salminen', role: 'supervisor', areaId: 'keski-suomi', unitId: 'kyllo' },
  { personId: 'minna-hakala', role: 'supervisor', areaId: 'keski-suomi', unitId: 'sampoharju' },
  { personId: 'minna-hakala', role: 'supervisor', areaId: 'keski-suomi', unitId: 'palokka' },
  { personId: 'kaisa-nieminen', role: 'supervisor', areaId: 'keski-suomi', unitId: 'hankasalmi' },
  { personId: 'kaisa-nieminen', role: 'supervisor', areaId: 'keski-suomi', unitId: 'uurainen' },

  // Etelä-Pohjanmaa
  { personId: 'sanna-jarvinen', role: 'coach', areaId: 'etela-pohjanmaa', unitId: 'alajarvi' },
  { personId: 'sanna-jarvinen', role: 'coach', areaId: 'etela-pohjanmaa', unitId: 'vimpeli' },
  { personId: 'sanna-jarvinen', role: 'coach', areaId: 'etela-pohjanmaa', unitId: 'soini' },
  { personId: 'paivi-kangas', role: 'supervisor', areaId: 'etela-pohjanmaa', unitId: 'alajarvi' },
  { personId: 'ville-ojala', role: 'supervisor', areaId: 'etela-pohjanmaa', unitId: 'vimpeli' },
  { personId: 'ville-ojala', role: 'supervisor', areaId: 'etela-pohjanmaa', unitId: 'soini' },

  // Satakunta (Sanna Järvinen's fourth unit is across the county border)
  { personId: 'sanna-jarvinen', role: 'coach', areaId: 'satakunta', unitId: 'kankaanpaa' },
  { personId: 'satu-vainio', role: 'coach', areaId: 'satakunta', unitId: 'pori' },
  { personId: 'satu-vainio', role: 'coach', areaId: 'satakunta', unitId: 'ulvila' },
  { personId: 'satu-vainio', role: 'supervisor', areaId: 'satakunta', unitId: 'kankaanpaa' },
  { personId: 'heidi-aaltonen', role: 'supervisor', areaId: 'satakunta', unitId: 'pori' },
  { personId: 'heidi-aaltonen', role: 'supervisor', areaId: 'satakunta', unitId: 'ulvila' },

  // Pohjanmaa
  { personId: 'johan-sundqvist', role: 'coach', areaId: 'pohjanmaa', unitId: 'vaasa' },
  { personId: 'johan-sundqvist', role: 'coach', areaId: 'pohjanmaa', unitId: 'mustasaari' },
  { personId: 'johan-sundqvist', role: 'coach', areaId: 'pohjanmaa', unitId: 'pietarsaari' },
  { personId: 'daniel-hughes', role: 'supervisor', areaId: 'pohjanmaa', unitId: 'vaasa' },
  { personId: 'daniel-hughes', role: 'supervisor', areaId: 'pohjanmaa', unitId: 'mustasaari' },
  { personId: 'annika-holmstrom', role: 'supervisor', areaId: 'pohjanmaa', unitId: 'pietarsaari' },
];
