import '@fontsource/noto-sans-sc/400.css';
import '@fontsource/noto-sans-sc/700.css';
import './ui/styles.css';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter, Navigate, Route, Routes } from 'react-router';
import { createApiClient } from './api/client';
import { ApiProvider } from './api/context';
import { CounterApp } from './counter/CounterApp';
import { DisplayApp } from './display/DisplayApp';
import { initI18n } from './i18n';
import { KioskApp } from './kiosk/KioskApp';
import { TicketProgressPage } from './ticket/TicketProgressPage';
import { CaseProgressPage } from './case/CaseProgressPage';

initI18n();
const queryClient = new QueryClient({ defaultOptions: { queries: { retry: 1, refetchOnWindowFocus: false } } });
const root = document.getElementById('root');
if (!root) throw new Error('index.html lacks #root');

createRoot(root).render(
  <StrictMode>
    <ApiProvider client={createApiClient()}>
      <QueryClientProvider client={queryClient}>
        <BrowserRouter>
          <Routes>
            <Route path="/kiosk" element={<KioskApp />} />
            <Route path="/counter" element={<CounterApp />} />
            <Route path="/display" element={<DisplayApp />} />
            <Route path="/ticket/:ticketId" element={<TicketProgressPage />} />
            <Route path="/case/:caseId" element={<CaseProgressPage />} />
            <Route path="*" element={<Navigate to="/kiosk" replace />} />
          </Routes>
        </BrowserRouter>
      </QueryClientProvider>
    </ApiProvider>
  </StrictMode>,
);
