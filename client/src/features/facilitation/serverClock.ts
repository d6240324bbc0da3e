import { useEffect, useState } from 'react';
import { getServerTime } from './facilitationApi';

const REFRESH_MS = 60_000;
const TICK_MS = 250;

/**
 * How far this device's clock is behind the server's, in ms. The timer's end is a server time, and phones' clocks
 * are often off by seconds, so every screen counts down against the server's clock: the request's midpoint is taken
 * as the moment the server read its clock (offset = serverNow − (t0 + t1) / 2).
 */
export function useServerOffset(): number {
  const [offset, setOffset] = useState(0);
  useEffect(() => {
    const controller = new AbortController();
    const measure = async () => {
      try {
        const t0 = Date.now();
        const serverNow = await getServerTime(controller.signal);
        const t1 = Date.now();
        setOffset(Math.round(serverNow - (t0 + t1) / 2));
      } catch {
        // Keep the last offset: a missed measurement only costs accuracy.
      }
    };
    void measure();
    const interval = setInterval(() => void measure(), REFRESH_MS);
    return () => {
      controller.abort();
      clearInterval(interval);
    };
  }, []);
  return offset;
}

/** The server's time now, re-rendered a few times a second while `ticking` (a running timer). */
export function useServerNow(offset: number, ticking: boolean): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!ticking) return;
    const interval = setInterval(() => setNow(Date.now()), TICK_MS);
    return () => clearInterval(interval);
  }, [ticking]);
  return now + offset;
}
