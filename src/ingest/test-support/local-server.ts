// A real HTTP server on 127.0.0.1 for tests: routes are plain handlers, and each request is
// logged so tests can check conditional headers.
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export type Handler = (req: http.IncomingMessage, res: http.ServerResponse) => void;

export interface LocalServer {
  url: (path: string) => string;
  port: number;
  requests: Array<{ path: string; headers: http.IncomingHttpHeaders }>;
  route: (path: string, h: Handler) => void;
  close: () => Promise<void>;
}

export async function startServer(routes: Record<string, Handler> = {}): Promise<LocalServer> {
  const table = new Map(Object.entries(routes));
  const requests: LocalServer['requests'] = [];
  const server = http.createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    requests.push({ path, headers: req.headers });
    const h = table.get(path);
    if (h) h(req, res);
    else {
      res.statusCode = 404;
      res.end('not found');
    }
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as AddressInfo).port;
  return {
    port,
    requests,
    url: (path) => `http://127.0.0.1:${port}${path}`,
    route: (path, h) => table.set(path, h),
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}

export const send = (type: string, body: string | Buffer, headers: Record<string, string> = {}): Handler => (_req, res) => {
  res.writeHead(200, { 'content-type': type, ...headers });
  res.end(body);
};
