import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { RouterProvider } from 'react-router';
import { modules } from './modules.ts';
import { createAppRouter } from './routes.tsx';
import { SessionProvider } from './SessionProvider.tsx';

// Failed requests are shown with a "try again" button rather than retried behind the person's back,
// and data is not refetched merely because the window regained focus (a form may be half-filled).
const queryClient = new QueryClient({
  defaultOptions: {
    queries: { retry: false, refetchOnWindowFocus: false },
    mutations: { retry: false },
  },
});

const router = createAppRouter(modules);

export function App() {
  return (
    <QueryClientProvider client={queryClient}>
      <SessionProvider>
        <RouterProvider router={router} />
      </SessionProvider>
    </QueryClientProvider>
  );
}
