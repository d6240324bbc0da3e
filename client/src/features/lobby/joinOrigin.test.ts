import { describe, expect, it } from 'vitest';
import { isLoopbackHost, joinOrigin } from './joinOrigin';

const page = (origin: string) => ({ origin, hostname: new URL(origin).hostname });

describe('joinOrigin', () => {
  it('hands out the LAN address when the facilitator opened Horizon on a loopback name', () => {
    const lan = ['http://192.168.1.23:8080', 'http://10.0.0.5:8080'];
    expect(joinOrigin(page('http://localhost:8080'), lan)).toBe('http://192.168.1.23:8080');
    expect(joinOrigin(page('http://127.0.0.1:8080'), lan)).toBe('http://192.168.1.23:8080');
    expect(joinOrigin(page('http://[::1]:8080'), lan)).toBe('http://192.168.1.23:8080');
  });

  it('keeps the page’s own origin for any other host, or when there is no LAN address', () => {
    expect(joinOrigin(page('https://horizon.samregion.ru'), ['http://10.0.0.5:8080'])).toBe(
      'https://horizon.samregion.ru',
    );
    expect(joinOrigin(page('http://192.168.1.23:8080'), ['http://10.0.0.5:8080'])).toBe('http://192.168.1.23:8080');
    expect(joinOrigin(page('http://localhost:8080'), [])).toBe('http://localhost:8080');
  });

  it('recognises loopback names only', () => {
    expect(['localhost', '127.0.0.1', '127.1.2.3', '[::1]'].every(isLoopbackHost)).toBe(true);
    expect(['192.168.0.1', 'localhost.example.org', 'horizon'].some(isLoopbackHost)).toBe(false);
  });
});
