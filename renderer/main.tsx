import '@fontsource/noto-sans-sc/400.css';
import '@fontsource/noto-sans-sc/700.css';
import './ui/styles.css';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { lazy, StrictMode, Suspense } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter, Navigate, Route, Routes } from 'react-router';
import { createApiClient } from './api/client';
import { ApiProvider } from './api/context';
import { isPrintedLinkPage, keepTerminalTokenFresh } from './api/terminal-token';
import { initI18n } from './i18n';
import { KioskApp } from './kiosk/KioskApp';

// The kiosk is the one screen in the entry chunk: a kiosk board parses nothing of the other
// roles before its attract screen paints (tests/bench/kiosk-visit.bench.ts), and each other
// page loads its own chunk when opened.
// The staff consoles load only when opened: kiosks never pay for them at first paint.
const TechnicianApp = lazy(() => import('./technician/TechnicianApp'));
const ManagerApp = lazy(() => import('./manager/ManagerApp'));
// The window evaluator: a pad of its own, so it loads only there.
const RateApp = lazy(() => import('./rate/RateApp'));
const CounterApp = lazy(() => import('./counter/CounterApp').then((m) => ({ default: m.CounterApp })));
const DisplayApp = lazy(() => import('./display/DisplayApp').then((m) => ({ default: m.DisplayApp })));
const PairPage = lazy(() => import('./pair/PairPage').then((m) => ({ default: m.PairPage })));
// The progress pages a citizen's phone opens from a printed QR.
const TicketProgressPage = lazy(() => import('./ticket/TicketProgressPage').then((m) => ({ default: m.TicketProgressPage })));
const CaseProgressPage = lazy(() => import('./case/CaseProgressPage').then((m) => ({ default: m.CaseProgressPage })));

initI18n();
const queryClient = new QueryClient({ defaultOptions: { queries: { retry: 1, refetchOnWindowFocus: false } } });
const root = document.getElementById('root');
if (!root) throw new Error('index.html lacks #root');

const api = createApiClient();
// A paired LAN browser (counter PC, hall TV) exchanges its terminal token before anything else asks;
// a citizen's phone opening a printed link has none.
if (!isPrintedLinkPage(window.location.pathname)) keepTerminalTokenFresh(api, window.location.hostname);

createRoot(root).render(
  <StrictMode>
    <ApiProvider client={api}>
      <QueryClientProvider client={queryClient}>
        <BrowserRouter>
          <Suspense fallback={null}>
            <Routes>
              <Route path="/kiosk" element={<KioskApp />} />
              <Route path="/counter" element={<CounterApp />} />
              <Route path="/display" element={<DisplayApp />} />
              <Route path="/technician" element={<TechnicianApp />} />
              <Route path="/manager" element={<ManagerApp />} />
              <Route path="/ticket/:ticketId" element={<TicketProgressPage />} />
              <Route path="/case/:caseId" element={<CaseProgressPage />} />
              <Route path="/pair" element={<PairPage />} />
              <Route path="/rate" element={<RateApp />} />
              <Route path="*" element={<Navigate to="/kiosk" replace />} />
            </Routes>
          </Suspense>
        </BrowserRouter>
      </QueryClientProvider>
    </ApiProvider>
  </StrictMode>,
);
