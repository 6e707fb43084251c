import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AppHost } from '../core/host/app-host';

/**
 * `GET /events`: the app's events (db.changed, db.health) as server-sent events. The periodic comment
 * keeps idle connections from being cut by anything that closes silent sockets, and lets a closed tab
 * be noticed by the failed write. `open` holds the live streams so a shutdown can end them cleanly.
 */
export function handleEvents(req: IncomingMessage, res: ServerResponse, host: AppHost, keepAliveMs: number, open: Set<ServerResponse>): void {
  res.writeHead(200, {
    'Content-Type': 'text/event-stream; charset=utf-8',
    'Cache-Control': 'no-store',
    // The stream is the connection's last response: ending it at shutdown then closes the socket too.
    Connection: 'close',
  });
  // Sends the headers now, so the browser's EventSource reports "open" without waiting for an event.
  res.write(': connected\n\n');
  const unsubscribe = host.subscribe((name, payload) => {
    res.write(`event: ${name}\ndata: ${JSON.stringify(payload)}\n\n`);
  });
  const keepAlive = setInterval(() => res.write(': keep-alive\n\n'), keepAliveMs);
  open.add(res);
  res.on('close', () => {
    clearInterval(keepAlive);
    unsubscribe();
    open.delete(res);
  });
}
