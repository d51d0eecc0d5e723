import './styles.css';
import { setLanguage, onLanguageChange, language } from './app/i18n';
import { loadJurisdictions } from './app/jurisdictions';
import { Layout } from './app/layout';
import { Router } from './app/router';
import { installExpiryHandler, logout, onSessionChange, restore } from './app/session';
import './features';

const root = document.getElementById('app');
if (!root) throw new Error('#app missing from index.html');
document.documentElement.lang = language();

let router: Router;
const layout = new Layout(root, {
  onLogout: async () => {
    if (!router.confirmLeave()) return;
    await logout();
    location.hash = '#/login';
  },
  onLanguage: async (next) => {
    if (!router.confirmLeave()) return false;
    setLanguage(next);
    return true;
  },
});
router = new Router(layout.outlet, (path) => layout.update(path));

// The language switch redraws the current screen; the guard already ran in onLanguage.
onLanguageChange(() => {
  layout.update(router.path());
  void router.start();
});
onSessionChange((signedIn) => {
  layout.update(router.path());
  if (signedIn) void loadJurisdictions().then(() => layout.update(router.path()));
});
installExpiryHandler(() => {
  const here = location.hash;
  location.hash = here && !here.startsWith('#/login') ? `#/login?next=${encodeURIComponent(here)}` : '#/login';
});

await restore().catch(() => null);
layout.update(router.path());
await router.start();
