import 'i18next';
import type admin from './admin.fi.json';
import type catalogue from './catalogue.fi.json';
import type chart from './chart.fi.json';
import type drivers from './drivers.fi.json';
import type digest from './digest.fi.json';
import type fi from './fi.json';
import type leadership from './leadership.fi.json';
import type learning from './learning.fi.json';
import type measures from './measures.fi.json';
import type unitSetup from './unitsetup.fi.json';
import type practices from './practices.fi.json';

// Translation keys are checked at compile time against the Finnish files (the default language).
// Each feature keeps its texts in its own files; their top-level keys must not overlap.
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof fi & typeof measures & typeof leadership & typeof learning & typeof admin & typeof catalogue & typeof chart & typeof drivers & typeof unitSetup & typeof digest & typeof practices };
  }
}
