import adminEn from './admin.en.json';
import adminFi from './admin.fi.json';
import adminSv from './admin.sv.json';
import catalogueEn from './catalogue.en.json';
import catalogueFi from './catalogue.fi.json';
import catalogueSv from './catalogue.sv.json';
import chartEn from './chart.en.json';
import chartFi from './chart.fi.json';
import chartSv from './chart.sv.json';
import digestEn from './digest.en.json';
import digestFi from './digest.fi.json';
import digestSv from './digest.sv.json';
import driversEn from './drivers.en.json';
import driversFi from './drivers.fi.json';
import driversSv from './drivers.sv.json';
import en from './en.json';
import fi from './fi.json';
import learningEn from './learning.en.json';
import learningFi from './learning.fi.json';
import learningSv from './learning.sv.json';
import leadershipEn from './leadership.en.json';
import leadershipFi from './leadership.fi.json';
import leadershipSv from './leadership.sv.json';
import measuresEn from './measures.en.json';
import measuresFi from './measures.fi.json';
import measuresSv from './measures.sv.json';
import practicesEn from './practices.en.json';
import practicesFi from './practices.fi.json';
import practicesSv from './practices.sv.json';
import sv from './sv.json';
import unitSetupEn from './unitsetup.en.json';
import unitSetupFi from './unitsetup.fi.json';
import unitSetupSv from './unitsetup.sv.json';

/**
 * Each language's text files, merged in this order into one set of texts. Each feature keeps its
 * texts in its own files; their top-level keys must not overlap (test/unit/web/i18n.test.ts).
 */
export const translationFiles = {
  fi: [fi, measuresFi, leadershipFi, learningFi, adminFi, catalogueFi, chartFi, driversFi, unitSetupFi, digestFi, practicesFi],
  sv: [sv, measuresSv, leadershipSv, learningSv, adminSv, catalogueSv, chartSv, driversSv, unitSetupSv, digestSv, practicesSv],
  en: [en, measuresEn, leadershipEn, learningEn, adminEn, catalogueEn, chartEn, driversEn, unitSetupEn, digestEn, practicesEn],
};
