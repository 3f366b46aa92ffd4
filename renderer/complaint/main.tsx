import '@fontsource/noto-sans-sc/400.css';
import '@fontsource/noto-sans-sc/700.css';
import './complaint.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { PublicComplaintPage } from './PublicComplaintPage';
import { createPublicClient } from './public-client';

// The public complaint form is an entry of its own (complaint.html, served by the platform at
// /complaint): no console code, no hall screen, only the form and its lookup.
const root = document.getElementById('root');
if (!root) throw new Error('complaint.html lacks #root');

createRoot(root).render(
  <StrictMode>
    <PublicComplaintPage client={createPublicClient()} />
  </StrictMode>,
);
