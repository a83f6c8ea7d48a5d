import type * as z from 'zod';
import { formatDateTime, periodName } from '../domain/display-format.js';
import type { Locale } from '../domain/localized-text.js';

/**
 * Refusals as the person reads them, in fi/sv/en: the problem's title by HTTP status, its detail
 * by the refusal's code (app/errors.ts), and each failing field named in words with what is wrong.
 * The use cases' English sentences stay in the log and the tests; people get these.
 */
type Words = Record<Locale, string>;
type Say = Record<Locale, (params: Record<string, string | number>) => string>;

const TITLES: Record<number, Words> = {
  400: { fi: 'Tiedoissa on korjattavaa', sv: 'Uppgifterna behöver rättas', en: 'Something needs correcting' },
  401: { fi: 'Kirjaudu sisään', sv: 'Logga in', en: 'Please sign in' },
  403: { fi: 'Ei oikeutta', sv: 'Ingen behörighet', en: 'Not allowed' },
  404: { fi: 'Ei löytynyt', sv: 'Hittades inte', en: 'Not found' },
  409: { fi: 'Ei onnistunut tässä tilanteessa', sv: 'Gick inte i det här läget', en: 'Not possible right now' },
  412: { fi: 'Joku muu muutti tätä juuri', sv: 'Någon annan ändrade detta nyss', en: 'Someone else changed this' },
  413: { fi: 'Liian suuri', sv: 'För stor', en: 'Too large' },
  415: { fi: 'Tiedostomuotoa ei tunnistettu', sv: 'Filformatet kändes inte igen', en: 'File type not recognised' },
  428: { fi: 'Versio puuttuu', sv: 'Versionen saknas', en: 'Version missing' },
  500: { fi: 'Virhe palvelussa', sv: 'Fel i tjänsten', en: 'Error in the service' },
};

/** What each status means when its refusal has no sentence of its own. */
const BY_STATUS: Record<number, Words> = {
  400: { fi: 'Tarkista merkityt kohdat ja yritä uudelleen.', sv: 'Kontrollera de markerade fälten och försök igen.', en: 'Check the marked fields and try again.' },
  401: { fi: 'Istunto on päättynyt. Kirjaudu uudelleen.', sv: 'Sessionen har gått ut. Logga in på nytt.', en: 'Your session has ended. Please sign in again.' },
  403: { fi: 'Sinulla ei ole oikeutta tehdä tätä.', sv: 'Du har inte behörighet att göra detta.', en: 'You may not do this.' },
  404: { fi: 'Tätä ei löytynyt, tai sinulla ei ole oikeutta nähdä sitä.', sv: 'Detta hittades inte, eller så får du inte se det.', en: 'This was not found, or you may not see it.' },
  409: { fi: 'Tämä ei onnistu asian nykyisessä tilassa.', sv: 'Detta går inte i det nuvarande läget.', en: 'This is not possible in the current state.' },
  412: {
    fi: 'Joku muu muutti tätä sillä välin. Lataa uusin versio ja tee muutoksesi uudelleen.',
    sv: 'Någon annan ändrade detta under tiden. Ladda den senaste versionen och gör din ändring på nytt.',
    en: 'Someone else changed this meanwhile. Load the latest version and make your change again.',
  },
  413: { fi: 'Lähetys on liian suuri. Jaa se pienempiin osiin.', sv: 'Det du skickade är för stort. Dela upp det.', en: 'What you sent is too large. Split it up.' },
  415: { fi: 'Lähetä tiedosto CSV-muodossa.', sv: 'Skicka filen i CSV-format.', en: 'Send the file as CSV.' },
  428: { fi: 'Lataa sivu uudelleen ja tee muutos uudelleen.', sv: 'Ladda om sidan och gör ändringen på nytt.', en: 'Reload the page and make the change again.' },
  500: { fi: 'Palvelussa tapahtui virhe. Virhe on kirjattu; yritä hetken kuluttua uudelleen.', sv: 'Ett fel uppstod i tjänsten. Felet har loggats; försök igen om en stund.', en: 'Something went wrong on our side. The error has been logged; try again in a moment.' },
};

const BY_CODE: Record<string, Say> = {
  'unit.notFound': { fi: () => 'Yksikköä ei löytynyt, tai sinulla ei ole oikeutta nähdä sitä.', sv: () => 'Enheten hittades inte, eller så får du inte se den.', en: () => 'The unit was not found, or you may not see it.' },
  'area.notFound': { fi: () => 'Aluetta ei löytynyt, tai sinulla ei ole oikeutta nähdä sitä.', sv: () => 'Området hittades inte, eller så får du inte se det.', en: () => 'The area was not found, or you may not see it.' },
  'cycle.notFound': { fi: () => 'Sykliä ei löytynyt.', sv: () => 'Cykeln hittades inte.', en: () => 'The cycle was not found.' },
  'aim.notFound': { fi: () => 'Kehittämistavoitetta ei löytynyt.', sv: () => 'Förbättringsmålet hittades inte.', en: () => 'The aim was not found.' },
  'changeIdea.notFound': { fi: () => 'Muutosideaa ei löytynyt.', sv: () => 'Förändringsidén hittades inte.', en: () => 'The change idea was not found.' },
  'driver.notFound': { fi: () => 'Ajuria ei löytynyt.', sv: () => 'Drivkraften hittades inte.', en: () => 'The driver was not found.' },
  'driver.hasSubDrivers': {
    fi: () => 'Ajurilla on vielä toissijaisia ajureita. Poista tai siirrä ne ensin.',
    sv: () => 'Drivkraften har fortfarande sekundära drivkrafter. Ta bort eller flytta dem först.',
    en: () => 'The driver still has secondary drivers. Remove or move them first.',
  },
  'driver.hasChangeIdeas': {
    fi: (p) => `Ajurin alla on vielä muutosideoita (${p.count}). Siirrä ne toisen ajurin alle ennen poistamista.`,
    sv: (p) => `Under drivkraften finns fortfarande förändringsidéer (${p.count}). Flytta dem till en annan drivkraft innan du tar bort den.`,
    en: (p) => `The driver still has change ideas under it (${p.count}). Move them under another driver before removing it.`,
  },
  'review.notFound': { fi: () => 'Katselmointia ei löytynyt.', sv: () => 'Genomgången hittades inte.', en: () => 'The review was not found.' },
  'outbox.notFound': { fi: () => 'Viestiä ei löytynyt.', sv: () => 'Meddelandet hittades inte.', en: () => 'The message was not found.' },
  'outbox.noAttachment': { fi: () => 'Viestissä ei ole tätä liitettä.', sv: () => 'Meddelandet har ingen sådan bilaga.', en: () => 'The message has no such attachment.' },
  'measure.notTracked': { fi: () => 'Yksikkö ei seuraa tätä mittaria.', sv: () => 'Enheten följer inte den här mätaren.', en: () => 'The unit does not track this measure.' },
  'measure.tooMany': {
    fi: (p) => `Yksikkö voi seurata enintään ${p.max} mittaria. Lopeta jonkin seuraaminen ennen uuden lisäämistä.`,
    sv: (p) => `En enhet kan följa högst ${p.max} mätare. Sluta följa någon innan du lägger till en ny.`,
    en: (p) => `A unit can track at most ${p.max} measures. Stop tracking one before adding another.`,
  },
  'measure.stopped': {
    fi: () => 'Yksikkö on lopettanut tämän mittarin seurannan. Aiemmat luvut säilyvät; ota mittari uudelleen seurantaan, jos haluat kirjata lukuja.',
    sv: () => 'Enheten har slutat följa den här mätaren. De tidigare värdena finns kvar; ta mätaren i bruk igen om du vill registrera värden.',
    en: () => 'The unit has stopped tracking this measure. Its figures stay; track it again to enter figures.',
  },
  'aim.closed': {
    fi: () => 'Kehittämistavoite on suljettu, eikä sitä voi enää muuttaa. Sen syklit säilyvät näkyvissä.',
    sv: () => 'Förbättringsmålet är avslutat och kan inte längre ändras. Dess cykler finns kvar.',
    en: () => 'The aim is closed and can no longer be changed. Its cycles stay visible.',
  },
  exists: { fi: () => 'Tämä on jo olemassa.', sv: () => 'Detta finns redan.', en: () => 'This exists already.' },
  'measure.tooManyVersions': {
    fi: (p) => `Mittarilla on jo ${p.max} määritelmän versiota. Lisää muuttunut mittari uutena mittarina.`,
    sv: (p) => `Mätaren har redan ${p.max} versioner av definitionen. Lägg till den ändrade mätaren som en ny mätare.`,
    en: (p) => `The measure has ${p.max} definition versions already. Add the changed measure as a new measure.`,
  },
  'measure.followsCatalogue': {
    fi: () => 'Mittari on mittaristosta, joten sen määritelmää ei muuteta yksikössä. Kun mittaristoon julkaistaan uusi versio, yksikkö voi siirtyä siihen mittarisivulla.',
    sv: () => 'Mätaren kommer från katalogen, så dess definition ändras inte i enheten. När en ny version publiceras i katalogen kan enheten övergå till den på mätarsidan.',
    en: () => "The measure comes from the catalogue, so the unit does not change its definition. When the catalogue publishes a new version, the unit can move to it on the measures page.",
  },
  'measure.notFromCatalogue': {
    fi: () => 'Tämä on yksikön oma mittari, eikä se seuraa mittaristoa.',
    sv: () => 'Det här är enhetens egen mätare, och den följer inte katalogen.',
    en: () => "This is the unit's own measure; it does not follow the catalogue.",
  },
  'measure.noNewerDefinition': {
    fi: () => 'Yksikkö noudattaa jo tätä tai uudempaa mittariston määritelmää.',
    sv: () => 'Enheten följer redan den här eller en nyare definition i katalogen.',
    en: () => 'The unit follows this or a newer catalogue definition already.',
  },
  'catalogue.notFound': { fi: () => 'Mittaristossa ei ole tätä mittaria.', sv: () => 'Katalogen har ingen sådan mätare.', en: () => 'The catalogue has no such measure.' },
  'catalogue.keyTaken': {
    fi: (p) => `Mittaristossa on jo mittari tunnuksella ${p.key}. Valitse toinen tunnus.`,
    sv: (p) => `Katalogen har redan en mätare med koden ${p.key}. Välj en annan kod.`,
    en: (p) => `The catalogue has a measure with the key ${p.key} already. Choose another key.`,
  },
  'version.stale': sayStatus(412),
  'version.required': sayStatus(428),
  'unit.closed': {
    fi: () => 'Yksikkö on suljettu: sen historia säilyy, mutta siihen ei voi enää kirjata lukuja eikä lisätä mittareita.',
    sv: () => 'Enheten är stängd: dess historik finns kvar, men inga nya värden eller mätare kan läggas till.',
    en: () => 'The unit is closed: its history stays, but it takes no new figures or measures.',
  },
  'unit.hasBranches': {
    fi: () => 'Yksiköllä on avoimia sivuyksiköitä. Siirrä tai sulje ne ensin.',
    sv: () => 'Enheten har öppna filialer. Flytta eller stäng dem först.',
    en: () => 'The unit has open branches. Move or close them first.',
  },
  'person.notFound': { fi: () => 'Henkilöä ei löytynyt.', sv: () => 'Personen hittades inte.', en: () => 'The person was not found.' },
  'person.emailTaken': {
    fi: () => 'Tällä sähköpostiosoitteella on jo henkilö Syklissä.',
    sv: () => 'Någon i Sykli har redan den här e-postadressen.',
    en: () => 'Someone in Sykli has this e-mail address already.',
  },
  'person.idTaken': {
    fi: () => 'Liian monella henkilöllä on sama nimi. Lisää nimeen esimerkiksi toinen etunimi.',
    sv: () => 'För många personer har samma namn. Lägg till till exempel ett andra förnamn.',
    en: () => 'Too many people have the same name. Add, for example, a second first name.',
  },
  'person.deactivated': {
    fi: () => 'Henkilö on poistettu käytöstä.',
    sv: () => 'Personen är inaktiverad.',
    en: () => 'The person is deactivated.',
  },
  'person.self': {
    fi: () => 'Et voi poistaa itseäsi käytöstä. Pyydä toista pääkäyttäjää.',
    sv: () => 'Du kan inte inaktivera dig själv. Be en annan huvudanvändare.',
    en: () => 'You cannot deactivate yourself. Ask another admin.',
  },
  'role.notFound': {
    fi: () => 'Henkilöllä ei ole tätä roolia.',
    sv: () => 'Personen har inte den här rollen.',
    en: () => 'The person does not hold this role.',
  },
  'role.ownAdmin': {
    fi: () => 'Et voi poistaa omaa pääkäyttäjän rooliasi. Pyydä toista pääkäyttäjää.',
    sv: () => 'Du kan inte ta bort din egen roll som huvudanvändare. Be en annan huvudanvändare.',
    en: () => 'You cannot remove your own admin role. Ask another admin.',
  },
  'cycle.studyNotWritten': {
    fi: () => 'Muutosta ei voi ottaa käyttöön ennen kuin Tutki-vaiheen tulokset on kirjattu.',
    sv: () => 'Förändringen kan inte införas innan resultaten i Studera-fasen har skrivits.',
    en: () => 'The change cannot be adopted before the Study results are written.',
  },
  'cycle.decisionAgainstData': {
    fi: () => 'Päätös on ristiriidassa mittareiden kanssa. Kirjaa perustelu.',
    sv: () => 'Beslutet går emot vad mätarna visar. Skriv en motivering.',
    en: () => 'The decision goes against what the measures show. Give a reason.',
  },
  'review.notScheduled': {
    fi: () => 'Vain sovitun katselmoinnin voi siirtää; tämä on jo pidetty tai peruttu.',
    sv: () => 'Bara en planerad genomgång kan flyttas; den här har redan hållits eller ställts in.',
    en: () => 'Only a scheduled review can be moved; this one has been held or cancelled.',
  },
  'review.held': {
    fi: () => 'Katselmointi on jo pidetty ja sen tulos kirjattu, joten sitä ei voi perua.',
    sv: () => 'Genomgången har redan hållits och resultatet registrerats, så den kan inte ställas in.',
    en: () => 'The review was held and its outcome recorded, so it cannot be cancelled.',
  },
  'review.phase': {
    fi: () => 'Tämän katselmoinnin voi sopia vain syklin vaiheessa, johon se kuuluu (suunnittelu tai tulosten tarkastelu).',
    sv: () => 'Den här genomgången kan bokas bara i den fas av cykeln den hör till (planering eller studie av resultaten).',
    en: () => 'This review can only be scheduled in the phase of the cycle it belongs to (planning or studying the results).',
  },
  'review.notStarted': {
    fi: (p) => `Katselmointi ei ole vielä alkanut. Tuloksen voi kirjata, kun se alkaa (${formatDateTime(String(p.startsAt), 'fi')}).`,
    sv: (p) => `Genomgången har inte börjat ännu. Resultatet kan registreras när den börjar (${formatDateTime(String(p.startsAt), 'sv')}).`,
    en: (p) => `The review has not started yet. Its outcome can be recorded once it starts (${formatDateTime(String(p.startsAt), 'en')}).`,
  },
  'review.outcome': {
    fi: () => 'Katselmoinnin tulosta ei voi kirjata näin: tarkista päätös ja syklin vaihe.',
    sv: () => 'Genomgångens resultat kan inte registreras så här: kontrollera beslutet och cykelns fas.',
    en: () => 'The review’s outcome cannot be recorded like this: check the decision and the cycle’s phase.',
  },
  'cycle.transition': {
    fi: (p) => transitionSentence(p, 'fi'),
    sv: (p) => transitionSentence(p, 'sv'),
    en: (p) => transitionSentence(p, 'en'),
  },
  'cycle.sectionClosed': {
    fi: () => 'Tätä syklin osaa ei voi enää muuttaa, koska sykli on edennyt sen ohi.',
    sv: () => 'Den här delen av cykeln kan inte längre ändras eftersom cykeln har gått vidare.',
    en: () => 'This part of the cycle can no longer be changed, as the cycle has moved past it.',
  },
  'csv.invalidRows': {
    fi: () => 'Mitään ei tuotu, koska tiedostossa on virheellisiä rivejä. Korjaa alla luetellut rivit ja tuo tiedosto uudelleen.',
    sv: () => 'Inget importerades eftersom filen har felaktiga rader. Rätta raderna nedan och importera filen på nytt.',
    en: () => 'Nothing was imported, as the file has invalid lines. Correct the lines listed below and import the file again.',
  },
  'csv.tooLarge': {
    fi: () => 'Tiedosto on liian suuri (yli 1 Mt). Jaa se osiin esimerkiksi vuosittain.',
    sv: () => 'Filen är för stor (över 1 MB). Dela upp den till exempel per år.',
    en: () => 'The file is too large (over 1 MB). Split it, for example by year.',
  },
  'csv.tooManyChanges': {
    fi: () => 'Mitään ei tuotu: yksi tuonti voi muuttaa rajallisen määrän lukuja. Jaa tiedosto esimerkiksi vuosittain tai mittareittain.',
    sv: () => 'Inget importerades: en import kan ändra ett begränsat antal värden. Dela upp filen till exempel per år eller per mätare.',
    en: () => 'Nothing was imported: one import can change a limited number of figures. Split the file, for example by year or by measure.',
  },
  'phase.notFound': { fi: () => 'Kuvaajassa ei ole tästä jaksosta alkavaa vaihetta.', sv: () => 'Diagrammet har ingen fas som börjar med den här perioden.', en: () => 'The chart has no phase starting at this period.' },
  'phase.tooFewFigures': {
    fi: (p) => `Vaihetta ei voi aloittaa tästä: ${shortPhase(p, 'fi')} olisi vain ${p.figures} ${p.figures === 1 ? 'luku' : 'lukua'}. Keskiviivan ja valvontarajojen laskemiseen tarvitaan vähintään ${p.min} lukua. Valitse myöhempi jakso tai odota lisää lukuja.`,
    sv: (p) => `Fasen kan inte börja här: ${shortPhase(p, 'sv')} skulle bara ha ${p.figures} ${p.figures === 1 ? 'värde' : 'värden'}. Mittlinjen och styrgränserna kräver minst ${p.min} värden. Välj en senare period eller vänta på fler värden.`,
    en: (p) => `The phase cannot start here: ${shortPhase(p, 'en')} would have only ${p.figures} ${p.figures === 1 ? 'figure' : 'figures'}. A centre line and control limits need at least ${p.min}. Choose a later period or wait for more figures.`,
  },
  'chart.baselineTooShort': {
    fi: (p) => `Perustasoa ei voi lukita tähän: siinä olisi vain ${p.figures} ${p.figures === 1 ? 'luku' : 'lukua'} vaiheen alusta. Keskiviivan ja valvontarajojen laskemiseen tarvitaan vähintään ${p.min} lukua.`,
    sv: (p) => `Baslinjen kan inte låsas här: den skulle bara ha ${p.figures} ${p.figures === 1 ? 'värde' : 'värden'} från fasens början. Mittlinjen och styrgränserna kräver minst ${p.min} värden.`,
    en: (p) => `The baseline cannot be frozen here: it would have only ${p.figures} ${p.figures === 1 ? 'figure' : 'figures'} from the start of its phase. A centre line and control limits need at least ${p.min}.`,
  },
  'chart.tooManyExcluded': {
    fi: (p) => `Kuvaajasta voi jättää pois enintään ${p.max} lukua.`,
    sv: (p) => `Högst ${p.max} värden kan lämnas utanför diagrammet.`,
    en: (p) => `A chart can leave out at most ${p.max} figures.`,
  },
  'cycle.decision': {
    fi: () => 'Päätöstä ei voi kirjata syklin nykyisessä vaiheessa.',
    sv: () => 'Beslutet kan inte registreras i cykelns nuvarande fas.',
    en: () => 'The decision cannot be recorded in the cycle’s current phase.',
  },
};

/** The chart phase a refusal is about: from its start (or the first figure) to the period before a later start. */
function shortPhase(p: Record<string, string | number>, locale: Locale): string {
  const end = periodName(String(p.end), locale);
  const start = p.start ? periodName(String(p.start), locale) : '';
  return {
    fi: start ? `vaiheessa ${start} – ennen ${end}` : `ennen jaksoa ${end}`,
    sv: start ? `fasen ${start} – före ${end}` : `tiden före ${end}`,
    en: start ? `the phase from ${start} to before ${end}` : `the time before ${end}`,
  }[locale];
}

const PHASES: Record<string, Words> = {
  planning: { fi: 'Suunnittele', sv: 'Planera', en: 'Plan' },
  doing: { fi: 'Toteuta', sv: 'Gör', en: 'Do' },
  studying: { fi: 'Tutki', sv: 'Studera', en: 'Study' },
  acting: { fi: 'Toimi', sv: 'Agera', en: 'Act' },
  adopted: { fi: 'Otettu käyttöön', sv: 'Infört', en: 'Adopted' },
  embedding: { fi: 'Juurrutus', sv: 'Förankring', en: 'Embedding' },
  adapted: { fi: 'Muokattu', sv: 'Anpassat', en: 'Adapted' },
  abandoned: { fi: 'Hylätty', sv: 'Övergivet', en: 'Abandoned' },
};

/** Why a cycle cannot move: what Do needs, what abandoning needs, or which move is not possible. */
function transitionSentence(p: Record<string, string | number>, locale: Locale): string {
  const phase = (key: string | number | undefined) => PHASES[String(key)]?.[locale] ?? String(key);
  if (p.from === 'planning' && p.to === 'doing') {
    return {
      fi: 'Toteutus voi alkaa, kun syklillä on tarkoitus ja suunnitelmassa kokeilun alku- ja loppupäivä (loppu aikaisintaan alkupäivänä).',
      sv: 'Gör kan börja när cykeln har ett syfte och planen har testets start- och slutdatum (slutet tidigast på startdagen).',
      en: 'Do can start when the cycle has an objective and the plan has the test’s start and end dates (the end on or after the start).',
    }[locale];
  }
  if (p.to === 'abandoned') {
    return {
      fi: 'Syklin hylkääminen vaatii perustelun, jotta yksikkö säilyttää opitun.',
      sv: 'Att överge en cykel kräver en motivering, så att enheten behåller det den lärt sig.',
      en: 'Abandoning a cycle needs a reason, so that the unit keeps what it learned.',
    }[locale];
  }
  return {
    fi: `Sykli ei voi siirtyä vaiheesta ”${phase(p.from)}” vaiheeseen ”${phase(p.to)}”.`,
    sv: `Cykeln kan inte gå från fasen ”${phase(p.from)}” till fasen ”${phase(p.to)}”.`,
    en: `A cycle cannot move from “${phase(p.from)}” to “${phase(p.to)}”.`,
  }[locale];
}

function sayStatus(status: number): Say {
  const words = BY_STATUS[status]!;
  return { fi: () => words.fi, sv: () => words.sv, en: () => words.en };
}

/** Refusals whose sentence the use case wrote in the person's language already (a figure, an unreadable CSV file). */
const DETAIL_SAID = /^(figure\.invalid|csv\.(encoding|unclosedQuote|structure|extraCells))$/;
/** Refusals whose field messages are in the person's language already. */
export const ISSUES_SAID = /^(figure\.invalid|csv\.(encoding|unclosedQuote|structure|extraCells|invalidRows)|validation)$/;

export function problemTitle(status: number, locale: Locale): string {
  return (TITLES[status] ?? TITLES[500]!)[locale];
}

/** The detail of a refusal: its own sentence when it has one, else what its status means. */
export function refusalDetail(status: number, locale: Locale, refusal: { code?: string; params?: Record<string, string | number>; message?: string } = {}): string {
  if (refusal.code && DETAIL_SAID.test(refusal.code) && refusal.message) return refusal.message;
  const own = refusal.code ? BY_CODE[refusal.code] : undefined;
  if (own) return own[locale](refusal.params ?? {});
  if (refusal.code?.startsWith('forbidden.')) return BY_STATUS[403]![locale];
  return (BY_STATUS[status] ?? BY_STATUS[500]!)[locale];
}

/** Fields in words; a field not listed is named by what it is for in general. */
const FIELDS: Record<string, Words> = {
  title: { fi: 'Otsikko', sv: 'Rubrik', en: 'Title' },
  name: { fi: 'Nimi', sv: 'Namn', en: 'Name' },
  aimId: { fi: 'Kehittämistavoite', sv: 'Förbättringsmål', en: 'Aim' },
  changeIdeaId: { fi: 'Muutosidea', sv: 'Förändringsidé', en: 'Change idea' },
  driverId: { fi: 'Ajuri', sv: 'Drivkraft', en: 'Driver' },
  parentId: { fi: 'Ensisijainen ajuri', sv: 'Primär drivkraft', en: 'Primary driver' },
  text: { fi: 'Ajuri', sv: 'Drivkraft', en: 'Driver' },
  order: { fi: 'Järjestys', sv: 'Ordning', en: 'Order' },
  participantIds: { fi: 'Osallistujat', sv: 'Deltagare', en: 'Participants' },
  coachId: { fi: 'Valmentaja', sv: 'Coach', en: 'Coach' },
  startsAt: { fi: 'Alkamisaika', sv: 'Starttid', en: 'Start time' },
  date: { fi: 'Päivä', sv: 'Datum', en: 'Date' },
  startTime: { fi: 'Kellonaika', sv: 'Klockslag', en: 'Time' },
  durationMinutes: { fi: 'Kesto', sv: 'Längd', en: 'Duration' },
  place: { fi: 'Paikka', sv: 'Plats', en: 'Place' },
  meetingUrl: { fi: 'Etäkokouksen linkki', sv: 'Länk till distansmötet', en: 'Meeting link' },
  reason: { fi: 'Perustelu', sv: 'Motivering', en: 'Reason' },
  score: { fi: 'Edistymisarvio', sv: 'Framstegsbedömning', en: 'Progress score' },
  value: { fi: 'Arvo', sv: 'Värde', en: 'Value' },
  numerator: { fi: 'Osoittaja', sv: 'Täljare', en: 'Numerator' },
  denominator: { fi: 'Nimittäjä', sv: 'Nämnare', en: 'Denominator' },
  note: { fi: 'Huomio', sv: 'Anteckning', en: 'Note' },
  key: { fi: 'Mittari', sv: 'Mätare', en: 'Measure' },
  measureKey: { fi: 'Mittari', sv: 'Mätare', en: 'Measure' },
  measure: { fi: 'Mittari', sv: 'Mätare', en: 'Measure' },
  target: { fi: 'Tavoitetaso', sv: 'Målnivå', en: 'Target' },
  targetDate: { fi: 'Tavoitepäivä', sv: 'Måldatum', en: 'Target date' },
  validFrom: { fi: 'Voimassa alkaen', sv: 'Gäller från', en: 'Valid from' },
  startPeriod: { fi: 'Alkava jakso', sv: 'Första period', en: 'First period' },
  period: { fi: 'Jakso', sv: 'Period', en: 'Period' },
  why: { fi: 'Syy muutokseen', sv: 'Orsak till ändringen', en: 'Why' },
  baselineEnd: { fi: 'Perustason viimeinen jakso', sv: 'Baslinjens sista period', en: 'Last period of the baseline' },
  from: { fi: 'Alkaen', sv: 'Från', en: 'From' },
  to: { fi: 'Asti', sv: 'Till', en: 'To' },
  cycleId: { fi: 'Sykli', sv: 'Cykel', en: 'Cycle' },
  fields: { fi: 'Mittarin määritelmä', sv: 'Mätarens definition', en: 'Measure definition' },
  changes: { fi: 'Muutokset', sv: 'Ändringar', en: 'Changes' },
  catalogueVersion: { fi: 'Mittariston versio', sv: 'Katalogens version', en: 'Catalogue version' },
  objective: { fi: 'Syklin tarkoitus', sv: 'Cykelns syfte', en: 'Cycle objective' },
  statement: { fi: 'Kehittämistavoite', sv: 'Förbättringsmål', en: 'Aim' },
  description: { fi: 'Kuvaus', sv: 'Beskrivning', en: 'Description' },
  prediction: { fi: 'Ennuste', sv: 'Förutsägelse', en: 'Prediction' },
  doStart: { fi: 'Kokeilun alku', sv: 'Testets början', en: 'Test start' },
  doEnd: { fi: 'Kokeilun loppu', sv: 'Testets slut', en: 'Test end' },
  decision: { fi: 'Päätös', sv: 'Beslut', en: 'Decision' },
  act: { fi: 'Päätös', sv: 'Beslut', en: 'Decision' },
  email: { fi: 'Sähköposti', sv: 'E-post', en: 'E-mail' },
  locale: { fi: 'Kieli', sv: 'Språk', en: 'Language' },
  languages: { fi: 'Alueen kielet', sv: 'Områdets språk', en: "The area's languages" },
  role: { fi: 'Rooli', sv: 'Roll', en: 'Role' },
  cursor: { fi: 'Sivutus', sv: 'Sidindelning', en: 'Paging' },
  expectedVersion: { fi: 'Versio', sv: 'Version', en: 'Version' },
  'if-match': { fi: 'Versio', sv: 'Version', en: 'Version' },
  body: { fi: 'Lähetetyt tiedot', sv: 'Skickade uppgifter', en: 'Data sent' },
};

const LINE: Words = { fi: 'Rivi', sv: 'Rad', en: 'Line' };
const SOME_FIELD: Words = { fi: 'Tieto', sv: 'Uppgift', en: 'Field' };

/** "body.participantIds" → "Osallistujat"; the last named segment counts ("body.plan.prediction.0.value" → "Arvo"). */
export function fieldInWords(field: string, locale: Locale): string {
  const line = /^line (\d+): (.+)$/.exec(field);
  if (line) return `${LINE[locale]} ${line[1]}: ${line[2]}`;
  const named = field.split('.').filter((segment) => !/^\d+$/.test(segment));
  for (const segment of named.reverse()) {
    const words = FIELDS[segment];
    if (words) return words[locale];
  }
  return SOME_FIELD[locale];
}

/** Refusals of a single field the use cases name by code. */
const FIELD_CODES: Record<string, Say> = {
  'review.inPast': {
    fi: () => 'Katselmointia ei voi sopia menneeseen aikaan. Valitse tuleva päivä ja kellonaika.',
    sv: () => 'En genomgång kan inte bokas bakåt i tiden. Välj en kommande dag och tid.',
    en: () => 'A review cannot be scheduled in the past. Choose a day and time ahead.',
  },
  'unit.parentInvalid': {
    fi: () => 'Sivuyksikön pääyksikön on oltava saman alueen avoin yksikkö, joka ei itse ole sivuyksikkö.',
    sv: () => 'En filials huvudenhet ska vara en öppen enhet i samma område som inte själv är en filial.',
    en: () => "A branch's parent must be an open unit of the same area that is not a branch itself.",
  },
  'admin.unknownArea': { fi: () => 'Valittua aluetta ei löydy.', sv: () => 'Det valda området finns inte.', en: () => 'The area chosen does not exist.' },
  'admin.unknownUnit': { fi: () => 'Valittua yksikköä ei löydy.', sv: () => 'Den valda enheten finns inte.', en: () => 'The unit chosen does not exist.' },
  'catalogue.nothingChanged': {
    fi: () => 'Mikään kohta ei muuttunut. Muuta ainakin yhtä määritelmän kohtaa ennen uuden version julkaisemista.',
    sv: () => 'Inget ändrades. Ändra minst en del av definitionen innan du publicerar en ny version.',
    en: () => 'Nothing changed. Change at least one part of the definition before publishing a new version.',
  },
  'catalogue.validFrom': {
    fi: () => 'Valitse mittarin mittausvälin mukainen jakso, joka on edellisen version alkujakson jälkeen.',
    sv: () => 'Välj en period enligt mätarens mätintervall som kommer efter den föregående versionens första period.',
    en: () => "Choose a period of the measure's frequency after the previous version's first period.",
  },
  'catalogue.moveTooEarly': {
    fi: (p) => `Uusi määritelmä koskee jaksoja ${periodName(String(p.validFrom), 'fi')} alkaen. Valitse se tai myöhempi jakso.`,
    sv: (p) => `Den nya definitionen gäller perioder från ${periodName(String(p.validFrom), 'sv')}. Välj den eller en senare period.`,
    en: (p) => `The new definition applies from ${periodName(String(p.validFrom), 'en')}. Choose that period or a later one.`,
  },
  'review.notMembers': {
    fi: (p) => `Kaikki osallistujat eivät ole yksikön jäseniä (${p.count} ei ole). Valitse osallistujat yksikön väestä.`,
    sv: (p) => `Alla deltagare är inte medlemmar i enheten (${p.count} är inte det). Välj deltagare bland enhetens personal.`,
    en: (p) => `Not every participant is a member of the unit (${p.count} are not). Choose participants from the unit's people.`,
  },
  'practice.unknown': {
    fi: () => 'Hyvää käytäntöä ei löydy tältä alueelta. Valitse käytäntö alueen hyvien käytäntöjen luettelosta.',
    sv: () => 'Den goda praxisen finns inte i det här området. Välj en praxis i områdets lista över goda praxis.',
    en: () => 'No such good practice in this area. Choose one from the area’s list of good practices.',
  },
  'practice.ownUnit': {
    fi: () => 'Käytäntö on tämän yksikön oma. Valitse toinen yksikkö, jossa sykli aloitetaan.',
    sv: () => 'Praxisen är enhetens egen. Välj en annan enhet där cykeln startas.',
    en: () => 'The practice is this unit’s own. Choose another unit to start the cycle in.',
  },
  'review.notCoach': {
    fi: () => 'Valittu henkilö ei ole yksikön valmentaja.',
    sv: () => 'Den valda personen är inte enhetens coach.',
    en: () => 'The person chosen is not a coach of the unit.',
  },
  'reference.unknown': {
    fi: () => 'Valittua ei löydy tästä yksiköstä. Lataa sivu uudelleen ja valitse uudelleen.',
    sv: () => 'Det valda finns inte i den här enheten. Ladda om sidan och välj på nytt.',
    en: () => 'What was chosen does not exist in this unit. Reload the page and choose again.',
  },
  'driver.parentUnknown': {
    fi: () => 'Valittua ensisijaista ajuria ei löydy tästä ajuripuusta.',
    sv: () => 'Den valda primära drivkraften finns inte i det här drivkraftsdiagrammet.',
    en: () => 'The primary driver chosen is not in this driver diagram.',
  },
  'driver.parentNotPrimary': {
    fi: () => 'Toissijaisen ajurin voi lisätä vain ensisijaisen ajurin alle.',
    sv: () => 'En sekundär drivkraft kan bara läggas under en primär drivkraft.',
    en: () => 'A secondary driver can only go under a primary driver.',
  },
  'driver.ownParent': {
    fi: () => 'Ajuria ei voi siirtää itsensä alle.',
    sv: () => 'En drivkraft kan inte flyttas under sig själv.',
    en: () => 'A driver cannot go under itself.',
  },
  'driver.primaryWithSubDrivers': {
    fi: () => 'Ajuri, jolla on toissijaisia ajureita, pysyy ensisijaisena ajurina.',
    sv: () => 'En drivkraft med sekundära drivkrafter förblir en primär drivkraft.',
    en: () => 'A driver with secondary drivers stays a primary driver.',
  },
  'aim.measureNotTracked': {
    fi: () => 'Tavoitteen mittarin on oltava yksikön seuraama mittari, jotta tavoite ja kaavio näyttävät saman tavoitetason. Ota mittari ensin seurantaan.',
    sv: () => 'Målets mätare ska vara en mätare som enheten följer, så att målet och diagrammet visar samma målnivå. Ta mätaren i bruk först.',
    en: () => 'An aim’s measure must be one the unit tracks, so that the aim and the chart show the same target. Track the measure first.',
  },
  'progress.reasonNeeded': {
    fi: (p) => `Kirjoita perustelu, kun arvio (${p.score}) poikkeaa ehdotetusta (${p.suggested}).`,
    sv: (p) => `Skriv en motivering när bedömningen (${p.score}) avviker från den föreslagna (${p.suggested}).`,
    en: (p) => `Write a reason when the score (${p.score}) differs from the suggested one (${p.suggested}).`,
  },
};

type IssueWords = Record<Locale, { missing: string; wrong: string; format: string; choice: string; unknown: (keys: string) => string; atLeast: (n: string) => string; atMost: (n: string) => string; empty: string }>;
const ISSUE: IssueWords = {
  fi: { missing: 'puuttuu tai on väärää muotoa', wrong: 'ei kelpaa', format: 'ei ole oikeaa muotoa', choice: 'ei ole mikään sallituista vaihtoehdoista', unknown: (k) => `tuntemattomia kenttiä: ${k}`, atLeast: (n) => `vähintään ${n}`, atMost: (n) => `enintään ${n}`, empty: 'ei saa olla tyhjä' },
  sv: { missing: 'saknas eller har fel form', wrong: 'godtas inte', format: 'har inte rätt format', choice: 'är inte ett av de tillåtna alternativen', unknown: (k) => `okända fält: ${k}`, atLeast: (n) => `minst ${n}`, atMost: (n) => `högst ${n}`, empty: 'får inte vara tom' },
  en: { missing: 'is missing or of the wrong type', wrong: 'is not valid', format: 'is not in the right format', choice: 'is not one of the allowed choices', unknown: (k) => `unknown fields: ${k}`, atLeast: (n) => `at least ${n}`, atMost: (n) => `at most ${n}`, empty: 'must not be empty' },
};
const CHARACTERS: Words = { fi: 'merkkiä', sv: 'tecken', en: 'characters' };
const ITEMS: Words = { fi: 'kpl', sv: 'st.', en: 'items' };

/** One zod issue in words: "Otsikko: enintään 200 merkkiä". */
export function zodIssueInWords(issue: z.core.$ZodIssue, locale: Locale): string {
  const words = ISSUE[locale];
  const bound = (n: number | bigint, origin: string) => `${Number(n).toLocaleString(locale)}${origin === 'string' ? ` ${CHARACTERS[locale]}` : origin === 'array' ? ` ${ITEMS[locale]}` : ''}`;
  switch (issue.code) {
    case 'invalid_type':
      return words.missing;
    case 'too_small':
      return issue.origin === 'string' && Number(issue.minimum) === 1 ? words.empty : words.atLeast(bound(issue.minimum, issue.origin));
    case 'too_big':
      return words.atMost(bound(issue.maximum, issue.origin));
    case 'invalid_format':
      return words.format;
    case 'invalid_value':
      return words.choice;
    case 'unrecognized_keys':
      return words.unknown(issue.keys.join(', '));
    default:
      return words.wrong;
  }
}

/** A use case's field refusal in words: its own sentence by code, else the general one. */
export function fieldIssueInWords(issue: { code?: string; params?: Record<string, string | number>; message: string }, locale: Locale, alreadySaid: boolean): string {
  if (alreadySaid) return issue.message;
  const own = issue.code ? FIELD_CODES[issue.code] : undefined;
  return own ? own[locale](issue.params ?? {}) : ISSUE[locale].wrong;
}

