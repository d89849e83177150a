import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import http from 'node:http';
import type { Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import tls from 'node:tls';
import type { RouteAnswer } from '../e2e/fixtures';

/**
 * What Firefox fetches, from tabs and from the extension's background page alike, goes through
 * this local proxy, which answers from the test fixtures and never forwards anything (WebDriver
 * BiDi cannot intercept a background page's requests). HTTPS arrives as CONNECT and is ended
 * here with a throwaway self-signed certificate (Firefox runs with acceptInsecureCerts).
 */

export type ProxyRoutes = (url: URL) => RouteAnswer | 'offline' | undefined;

function selfSignedCertificate(): { key: Buffer; cert: Buffer } {
  const dir = mkdtempSync(join(tmpdir(), 'paperdex-proxy-'));
  try {
    execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '2', '-subj', '/CN=paperdex-test-proxy', '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem')], { stdio: 'ignore' });
    return { key: readFileSync(join(dir, 'key.pem')), cert: readFileSync(join(dir, 'cert.pem')) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export interface FixtureProxy {
  /** Firefox preferences that send every request through the proxy. */
  prefs: Record<string, string | number | boolean>;
  /** Every URL asked for, in order. */
  requests: string[];
  close(): Promise<void>;
}

export async function startFixtureProxy(routes: ProxyRoutes): Promise<FixtureProxy> {
  const { key, cert } = selfSignedCertificate();
  const requests: string[] = [];
  const sockets = new Set<Socket>();
  const answer = (req: http.IncomingMessage, res: http.ServerResponse, scheme: 'http' | 'https') => {
    const url = new URL(req.url!.startsWith('/') ? `${scheme}://${req.headers.host}${req.url}` : req.url!);
    requests.push(url.href);
    const a = routes(url);
    if (a === 'offline') return req.socket.destroy();
    if (!a) return res.writeHead(404, { 'Content-Type': 'text/plain' }).end('not in the test fixtures');
    res.writeHead(a.status ?? 200, { 'Content-Type': a.contentType ?? 'text/html; charset=utf-8', ...a.headers }).end(a.body);
  };
  const inner = http.createServer((req, res) => answer(req, res, 'https'));
  const proxy = http.createServer((req, res) => answer(req, res, 'http'));
  proxy.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  proxy.on('connect', (_req, socket: Socket) => {
    socket.write('HTTP/1.1 200 Connection Established\r\n\r\n');
    const secure = new tls.TLSSocket(socket, { isServer: true, key, cert, ALPNProtocols: ['http/1.1'] });
    secure.on('error', () => socket.destroy());
    inner.emit('connection', secure);
  });
  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
  const { port } = proxy.address() as { port: number };
  return {
    requests,
    prefs: {
      'network.proxy.type': 1,
      'network.proxy.http': '127.0.0.1',
      'network.proxy.http_port': port,
      'network.proxy.ssl': '127.0.0.1',
      'network.proxy.ssl_port': port,
      'network.proxy.no_proxies_on': '',
      // No DNS over HTTPS: every name goes to the proxy.
      'network.trr.mode': 5,
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        proxy.close(() => resolve());
      }),
  };
}
