import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { installRegionDirectory } from '../../../libs/domain/src/region/installed-region-directory.js';
import { App } from './app';
import { browserRegionDirectory } from './domain/browser-region-directory';
import './styles/tokens.css';
import './styles/app.css';

// libs/domain does no I/O: the pages hand it the region lists the build bundled.
installRegionDirectory(browserRegionDirectory());

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}
