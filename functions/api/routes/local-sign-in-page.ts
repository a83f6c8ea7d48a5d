import { html } from 'hono/html';
import type { SignInChoice } from '../../app/people/local-sign-in.js';
import type { Locale } from '../../domain/localized-text.js';
import type { Role } from '../../domain/membership.js';

const TEXT = {
  fi: {
    title: 'Kirjaudu Sykliin',
    lead: 'Tämä on paikallinen kehitysympäristö. Valitse demohenkilö, jona kirjaudut sisään.',
    signInAs: 'Kirjaudu',
    roles: { admin: 'Pääkäyttäjä', leader: 'Johto', coach: 'Valmentaja', supervisor: 'Esihenkilö' },
    everywhere: 'koko organisaatio',
    language: 'Kieli',
  },
  sv: {
    title: 'Logga in i Sykli',
    lead: 'Det här är en lokal utvecklingsmiljö. Välj den demoperson du vill logga in som.',
    signInAs: 'Logga in',
    roles: { admin: 'Huvudanvändare', leader: 'Ledning', coach: 'Coach', supervisor: 'Förman' },
    everywhere: 'hela organisationen',
    language: 'Språk',
  },
  en: {
    title: 'Sign in to Sykli',
    lead: 'This is a local development environment. Choose the demo person to sign in as.',
    signInAs: 'Sign in',
    roles: { admin: 'Admin', leader: 'Leadership', coach: 'Coach', supervisor: 'Supervisor' },
    everywhere: 'whole organisation',
    language: 'Language',
  },
} as const;

/** The page's style, served as a file (`SIGN_IN_STYLESHEET`): the Content-Security-Policy allows no inline style. */
export const SIGN_IN_CSS = `
  body { font-family: system-ui, sans-serif; margin: 0; background: #f4f6f8; color: #1a1f24; }
  main { max-width: 46rem; margin: 2rem auto; padding: 0 1rem; }
  h1 { font-size: 1.6rem; }
  ul { list-style: none; padding: 0; display: grid; gap: .75rem; }
  li form { display: flex; justify-content: space-between; align-items: center; gap: 1rem;
    background: #fff; border: 1px solid #c5ccd3; border-radius: .5rem; padding: .75rem 1rem; }
  .who { display: grid; gap: .2rem; }
  .name { font-weight: 600; }
  .roles { color: #3d4852; font-size: .95rem; }
  button { font: inherit; background: #0b5cad; color: #fff; border: 0; border-radius: .375rem; padding: .5rem 1rem; cursor: pointer; }
  button:focus-visible, a:focus-visible { outline: 3px solid #f5a623; outline-offset: 2px; }
  nav a { margin-right: .75rem; color: #0b5cad; }
`;

export const SIGN_IN_STYLESHEET = '/auth/sign-in.css';

export function signInPage(props: { locale: Locale; query: Record<string, string | undefined>; choices: SignInChoice[] }) {
  const t = TEXT[props.locale];
  const hidden = Object.entries(props.query).filter(([name, value]) => value !== undefined && name !== 'ui_locales');
  const otherLocale = (locale: Locale) => {
    const params = new URLSearchParams(hidden as [string, string][]);
    params.set('ui_locales', locale);
    return `/auth/authorize?${params.toString()}`;
  };
  return html`<!doctype html>
    <html lang="${props.locale}">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>${t.title}</title>
        <link rel="stylesheet" href="${SIGN_IN_STYLESHEET}" />
      </head>
      <body>
        <main>
          <nav aria-label="${t.language}">
            <a href="${otherLocale('fi')}" lang="fi">Suomeksi</a>
            <a href="${otherLocale('sv')}" lang="sv">På svenska</a>
            <a href="${otherLocale('en')}" lang="en">In English</a>
          </nav>
          <h1>${t.title}</h1>
          <p>${t.lead}</p>
          <ul>
            ${props.choices.map(
              (choice) => html`<li>
                <form method="post" action="/auth/authorize">
                  ${hidden.map(([name, value]) => html`<input type="hidden" name="${name}" value="${value}" />`)}
                  <input type="hidden" name="person_id" value="${choice.person.id}" />
                  <div class="who" id="who-${choice.person.id}">
                    <span class="name">${choice.person.name}</span>
                    <span class="roles">
                      ${choice.places
                        .map((place) => `${t.roles[place.role]}: ${place.name ? place.name[props.locale] : t.everywhere}`)
                        .join(' · ')}
                    </span>
                  </div>
                  <button type="submit" aria-describedby="who-${choice.person.id}">${t.signInAs}</button>
                </form>
              </li>`,
            )}
          </ul>
        </main>
      </body>
    </html>`;
}
