import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { PanelErrorBoundary } from './panels/PanelErrorBoundary';
import './app.css';

const root = document.getElementById('root');
if (!root) throw new Error('#root is missing from index.html');
createRoot(root).render(
  <StrictMode>
    <PanelErrorBoundary>
      <App />
    </PanelErrorBoundary>
  </StrictMode>,
);
