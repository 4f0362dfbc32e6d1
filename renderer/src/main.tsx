import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App.tsx';
import './styles/base.css';
import './styles/layout.css';
import './styles/case.css';
import './styles/import.css';
import './styles/conversations.css';
import './styles/messages.css';
import './styles/search.css';
import './styles/sources.css';
import './styles/dialogs.css';
import './styles/review.css';
import './styles/images.css';

const container = document.getElementById('root');
if (container === null) throw new Error('index.html has no #root element');
createRoot(container).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
