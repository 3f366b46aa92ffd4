import '@fontsource/noto-sans-sc/400.css';
import '@fontsource/noto-sans-sc/700.css';
import './ui/styles.css';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { lazy, StrictMode, Suspense } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter, Navigate, Route, Routes } from 'react-router';
import { createApiClient } from './api/client';
import { ApiProvider } from './api/context';
import { keepTerminalTokenFresh } from './api/terminal-token';
import { CounterApp } from './counter/CounterApp';
import { DisplayApp } from './display/DisplayApp';
import { initI18n } from './i18n';
import { KioskApp } from './kiosk/KioskApp';
import { TicketProgressPage } from './ticket/TicketProgressPage';
import { PairPage } from './pair/PairPage';
import { CaseProgressPage } from './case/CaseProgressPage';

// The staff consoles load only when opened: kiosks never pay for them at first paint.
const TechnicianApp = lazy(() => import('./technician/TechnicianApp'));
const ManagerApp = lazy(() => import('./manager/ManagerApp'));
// The window evaluator: a pad of its own, so it loads only there.
const RateApp = lazy(() => import('./rate/RateApp'));

initI18n();
const queryClient = new QueryClient({ defaultOptions: { queries: { retry: 1, refetchOnWindowFocus: false } } });
const root = document.getElementById('root');
if (!root) throw new Error('index.html lacks #root');

const api = createApiClient();
// A paired LAN browser (counter PC, hall TV) exchanges its terminal token before anything else asks.
keepTerminalTokenFresh(api, window.location.hostname);

createRoot(root).render(
  <StrictMode>
    <ApiProvider client={api}>
      <QueryClientProvider client={queryClient}>
        <BrowserRouter>
          <Routes>
            <Route path="/kiosk" element={<KioskApp />} />
            <Route path="/counter" element={<CounterApp />} />
            <Route path="/display" element={<DisplayApp />} />
            <Route
              path="/technician"
              element={
                <Suspense fallback={null}>
                  <TechnicianApp />
                </Suspense>
              }
            />
            <Route
              path="/manager"
              element={
                <Suspense fallback={null}>
                  <ManagerApp />
                </Suspense>
              }
            />
            <Route path="/ticket/:ticketId" element={<TicketProgressPage />} />
            <Route path="/case/:caseId" element={<CaseProgressPage />} />
            <Route path="/pair" element={<PairPage />} />
            <Route
              path="/rate"
              element={
                <Suspense fallback={null}>
                  <RateApp />
                </Suspense>
              }
            />
            <Route path="*" element={<Navigate to="/kiosk" replace />} />
          </Routes>
        </BrowserRouter>
      </QueryClientProvider>
    </ApiProvider>
  </StrictMode>,
);
