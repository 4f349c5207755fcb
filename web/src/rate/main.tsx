// Entry of the rater form (web/rate.html), served for /rate/*. A bundle of its own, split from the
// signed-in app: it loads only React, the catalogue and the form, so a phone on a slow connection
// shows the first question quickly (issue 4: ≤ 150 KB compressed, first question < 1 s).
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { ClimateFormPage } from '../domains/climate/ClimateFormPage.tsx';
import { RaterFormPage } from '../domains/feedback/RaterFormPage.tsx';
import { locale, t } from '../i18n/index.ts';
import '../styles.css';
import '../domains/feedback/feedback.css';

/** `/rate/<token>` is a 360 or pulse link, `/rate/climate/<token>` a team climate link (ADR 0022). */
function linkFromPath(): { kind: '360' | 'climate'; token: string } {
  const [, first, second, third] = window.location.pathname.split('/');
  const climate = second === 'climate';
  const token = climate ? third : second;
  if (first !== 'rate' || !token) return { kind: climate ? 'climate' : '360', token: '' };
  try {
    return { kind: climate ? 'climate' : '360', token: decodeURIComponent(token) };
  } catch {
    return { kind: climate ? 'climate' : '360', token: '' };
  }
}

function RaterApp() {
  const link = linkFromPath();
  return (
    <>
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <header className="public-header rate-header">
        <span className="brand">
          <svg
            className="brand-mark"
            viewBox="0 0 24 24"
            width="24"
            height="24"
            aria-hidden="true"
            focusable="false"
          >
            <path d="M12 1.5l2.6 7.9 7.9 2.6-7.9 2.6L12 22.5l-2.6-7.9L1.5 12l7.9-2.6z" fill="currentColor" />
          </svg>
          {t('app.name')}
        </span>
      </header>
      <main id="main" tabIndex={-1} className="rate-main">
        {link.kind === 'climate' ? (
          <ClimateFormPage token={link.token} />
        ) : (
          <RaterFormPage token={link.token} />
        )}
      </main>
    </>
  );
}

document.documentElement.lang = locale;
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <RaterApp />
  </StrictMode>,
);
