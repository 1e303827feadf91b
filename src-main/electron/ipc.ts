// IPC registration: every channel of the contract through ONE helper that first checks the sender
// (the app's own top-level page, nothing else) and then lets dispatch() validate the payload.
import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import type { ApiResult } from '../../src-shared/ipc';
import type { Caller } from '../host-api';
import { INVOKE_CHANNELS } from './channels';
import { isAppUrl } from './window';

export interface Dispatcher {
  dispatch(channel: string, payload: unknown, caller: Caller): Promise<ApiResult<unknown>>;
}

/**
 * A request is accepted only from the main frame of a window showing the app's own origin: not
 * from an iframe (the print preview), not from a page that navigated elsewhere.
 */
export function isTrustedSender(event: Pick<IpcMainInvokeEvent, 'sender' | 'senderFrame'>): boolean {
  const frame = event.senderFrame;
  if (!frame) return false; // the frame navigated away or was destroyed meanwhile
  const main = event.sender.mainFrame;
  const isMainFrame = frame === main || (frame.processId === main.processId && frame.routingId === main.routingId);
  return isMainFrame && frame.parent === null && isAppUrl(frame.url);
}

export const FORBIDDEN: ApiResult<never> = { ok: false, code: 'ipc.forbidden', message: '已拒绝来自非本程序页面的请求。' };

export function registerIpc(ipcMain: Pick<IpcMain, 'handle'>, api: Dispatcher): void {
  for (const channel of INVOKE_CHANNELS) {
    ipcMain.handle(channel, (event, payload: unknown) => {
      if (!isTrustedSender(event)) return FORBIDDEN;
      return api.dispatch(channel, payload, { windowId: event.sender.id });
    });
  }
}
