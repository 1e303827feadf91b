// Access to the host (Electron preload or the loopback web host) through the typed contract.
import type { ApiResult, Channel, JixiaoApi, Request, Responses } from '../../src-shared/ipc';

import { getHostApi } from '../host';

let cached: JixiaoApi | null = null;
export function api(): JixiaoApi {
  cached ??= getHostApi();
  return cached;
}

/** For tests: use a fake host. */
export function setApi(a: JixiaoApi | null): void { cached = a; }

export async function invoke<C extends Channel>(channel: C, request: Request<C>): Promise<ApiResult<Responses[C]>> {
  try {
    return await api().invoke(channel, request);
  } catch (e) {
    return { ok: false, code: 'ipc.failed', message: `与主程序通信失败：${e instanceof Error ? e.message : String(e)}` };
  }
}

/** The path of a dropped file, where the host can tell it (Electron); null in a browser. */
export function pathForFile(file: File): string | null {
  const a = api() as JixiaoApi & { pathForFile?: (f: File) => string | null };
  return a.pathForFile ? a.pathForFile(file) : null;
}
