import { StrictMode } from 'react';
import { flushSync } from 'react-dom';
import { createRoot } from 'react-dom/client';
import { App } from './app';
import { captureFirstScreen, restoreFirstScreenFocus } from './first-screen/take-over';
import './styles/tokens.css';
import './styles/app.css';

const root = document.getElementById('root');
if (root) {
  // index.html may already show the landing or login screen (first-screen.inline.js), typed into.
  // Read it and replace it in one task: no keystroke can fall between, and the app's markup is the
  // same, so nothing moves on screen.
  captureFirstScreen(root);
  const app = createRoot(root);
  flushSync(() =>
    app.render(
      <StrictMode>
        <App />
      </StrictMode>,
    ),
  );
  restoreFirstScreenFocus(root);
}
