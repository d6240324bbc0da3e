import { useEffect, useState } from 'react';
import { getServerInfo } from '../../app/api';
import { isLoopbackHost, joinOrigin } from './joinOrigin';

export interface JoinOriginState {
  origin: string;
  /** The page is on a loopback name and the server reported no LAN address: links will not open on phones. */
  unreachable: boolean;
}

/** Where join links should point (see `joinOrigin`); asks the server for its LAN addresses only when it matters. */
export function useJoinOrigin(): JoinOriginState {
  const { origin, hostname } = window.location;
  const loopback = isLoopbackHost(hostname);
  const [lanUrls, setLanUrls] = useState<readonly string[] | null>(null);
  useEffect(() => {
    if (!loopback) return;
    const controller = new AbortController();
    getServerInfo(controller.signal).then(
      (info) => setLanUrls(info.lanUrls),
      () => setLanUrls((current) => (controller.signal.aborted ? current : [])),
    );
    return () => controller.abort();
  }, [loopback]);
  return {
    origin: joinOrigin({ origin, hostname }, lanUrls ?? []),
    unreachable: loopback && lanUrls !== null && lanUrls.length === 0,
  };
}
