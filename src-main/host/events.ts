import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AppHost } from '../core/host/app-host';

/**
 * `GET /events`: the app's events (db.changed, db.health) as server-sent events. The periodic comment
 * keeps idle connections from being cut by anything that closes silent sockets, and lets a closed tab
 * be noticed by the failed write.
 */
export function handleEvents(req: IncomingMessage, res: ServerResponse, host: AppHost, keepAliveMs: number): void {
  res.writeHead(200, {
    'Content-Type': 'text/event-stream; charset=utf-8',
    'Cache-Control': 'no-store',
    Connection: 'keep-alive',
  });
  // Sends the headers now, so the browser's EventSource reports "open" without waiting for an event.
  res.write(': connected\n\n');
  const unsubscribe = host.subscribe((name, payload) => {
    res.write(`event: ${name}\ndata: ${JSON.stringify(payload)}\n\n`);
  });
  const keepAlive = setInterval(() => res.write(': keep-alive\n\n'), keepAliveMs);
  req.on('close', () => {
    clearInterval(keepAlive);
    unsubscribe();
  });
}
