import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
// Base styles first: feature stylesheets (imported with their components) override them.
import './ui/theme.css';
import './app/shell.css';
import { App } from './app/App';
import { createI18n, storedLanguage } from './i18n/createI18n';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

const i18n = createI18n(storedLanguage(window.localStorage));

createRoot(root).render(
  <StrictMode>
    <App i18n={i18n} />
  </StrictMode>,
);
