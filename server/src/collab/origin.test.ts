import { describe, expect, it } from 'vitest';
import { isOriginAllowed } from './origin.js';

describe('isOriginAllowed', () => {
  it('lets a client without an Origin header through (not a browser: its token decides)', () => {
    expect(isOriginAllowed(undefined, 'horizon.example', [])).toBe(true);
    expect(isOriginAllowed(undefined, undefined, [])).toBe(true);
  });

  it('allows a page served by the same host, port included', () => {
    expect(isOriginAllowed('https://horizon.example', 'horizon.example', [])).toBe(true);
    expect(isOriginAllowed('http://localhost:8080', 'localhost:8080', [])).toBe(true);
  });

  it('refuses the same host name on another port', () => {
    expect(isOriginAllowed('http://localhost:5173', 'localhost:8080', [])).toBe(false);
    expect(isOriginAllowed('http://localhost:8080', 'localhost', [])).toBe(false);
  });

  it('refuses a page on another site, including look-alike hosts', () => {
    expect(isOriginAllowed('https://evil.example', 'horizon.example', [])).toBe(false);
    expect(isOriginAllowed('https://horizon.example.evil.example', 'horizon.example', [])).toBe(false);
    expect(isOriginAllowed('https://evilhorizon.example', 'horizon.example', [])).toBe(false);
  });

  it('refuses an opaque "null" origin and garbage', () => {
    for (const origin of ['null', '', 'horizon.example', 'not a url', '://', 'https://']) {
      expect(isOriginAllowed(origin, 'horizon.example', [])).toBe(false);
    }
  });

  it('refuses when the server does not know its own host', () => {
    expect(isOriginAllowed('https://horizon.example', undefined, [])).toBe(false);
  });

  it('allows an origin on the allow-list only by exact match', () => {
    const allowed = ['https://app.example'];
    expect(isOriginAllowed('https://app.example', 'api.example', allowed)).toBe(true);
    expect(isOriginAllowed('https://app.example:8443', 'api.example', allowed)).toBe(false);
    expect(isOriginAllowed('http://app.example', 'api.example', allowed)).toBe(false);
    expect(isOriginAllowed('https://other.example', 'api.example', allowed)).toBe(false);
  });

  it('allows any origin with "*"', () => {
    for (const origin of ['https://anything.example', 'null', 'garbage']) {
      expect(isOriginAllowed(origin, 'api.example', ['*'])).toBe(true);
    }
  });
});
