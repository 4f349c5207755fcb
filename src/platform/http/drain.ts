// An orderly end for the HTTP server. `server.close()` alone stops listening and closes the
// connections idle at that moment, but a keep-alive client that keeps sending requests is never
// idle, so the server went on answering it and never finished closing. Draining instead: stop
// accepting, let every request in flight finish with `Connection: close` (as do requests that
// still arrive on open connections), close each connection once its response is sent, and after
// the deadline close whatever is left, however busy.
import type { Server, ServerResponse } from 'node:http';

export interface HttpDrain {
  /**
   * Drains the server (see above); resolves once every connection is closed, with how many
   * responses were still unfinished at the deadline and were cut off.
   */
  drain(deadlineMs: number): Promise<{ cutOff: number }>;
}

/** Tracks the server's responses from now on, so that it can be drained later. */
export function drainable(server: Server): HttpDrain {
  const inFlight = new Set<ServerResponse>();
  let draining: Promise<{ cutOff: number }> | undefined;
  // Prepended: it must see each response before the app has a chance to send its headers.
  server.prependListener('request', (_req, res: ServerResponse) => {
    inFlight.add(res);
    res.once('close', () => inFlight.delete(res));
    if (draining) closeAfter(res);
  });
  return {
    drain(deadlineMs) {
      draining ??= new Promise((resolve) => {
        for (const res of inFlight) closeAfter(res);
        let cutOff = 0;
        const deadline = setTimeout(() => {
          cutOff = inFlight.size;
          server.closeAllConnections();
        }, deadlineMs);
        // Stops listening and closes the idle connections (Node 19+); calls back when none is left.
        server.close(() => {
          clearTimeout(deadline);
          resolve({ cutOff });
        });
      });
      return draining;
    },
  };
}

/** Ends the response's connection once the response has been sent. */
function closeAfter(res: ServerResponse): void {
  if (!res.headersSent) {
    // Node then closes the connection itself after this response.
    res.setHeader('Connection', 'close');
    return;
  }
  const socket = res.socket;
  if (res.writableFinished) socket?.end();
  else res.once('finish', () => socket?.end());
}
