import '@fontsource/noto-sans-sc/400.css';
import '@fontsource/noto-sans-sc/700.css';
import '../ui/styles.css';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createDistrictClient } from './district-client';
import { DistrictApp } from './DistrictApp';
import { initDistrictI18n } from './i18n';
import { DistrictClientContext } from './session';

// The district console is an entry of its own (district.html, served by the platform): it loads
// none of the hall's screens, and no hall screen loads it.
initDistrictI18n();
const queryClient = new QueryClient({ defaultOptions: { queries: { retry: 1, refetchOnWindowFocus: false } } });
const root = document.getElementById('root');
if (!root) throw new Error('district.html lacks #root');

createRoot(root).render(
  <StrictMode>
    <DistrictClientContext.Provider value={createDistrictClient()}>
      <QueryClientProvider client={queryClient}>
        <DistrictApp />
      </QueryClientProvider>
    </DistrictClientContext.Provider>
  </StrictMode>,
);
