/**
 * What to tell the user when the window's page did not load or its renderer died: otherwise the window
 * stays hidden (it is shown on ready-to-show) and the tray keeps an app alive that shows nothing.
 */
import type { UiLanguage } from '../../../shared/models';

export type PageFailure =
  | { kind: 'load'; errorCode: number; errorDescription: string; isMainFrame: boolean }
  | { kind: 'gone'; reason: string; exitCode: number };

export interface FailureNotice {
  title: string;
  message: string;
  detail: string;
  /** [reload, close]: the response index 0 reloads, 1 closes the window. */
  buttons: [string, string];
}

/** Chromium's net::ERR_ABORTED: a load replaced by another (a reload, a navigation), not a failure. */
const ERR_ABORTED = -3;

/** Undefined when nothing went wrong that the user must hear about. */
export function pageFailureNotice(failure: PageFailure, lang: UiLanguage): FailureNotice | undefined {
  const zh = lang === 'zh-CN';
  if (failure.kind === 'load' && (!failure.isMainFrame || failure.errorCode === ERR_ABORTED)) return undefined;
  if (failure.kind === 'gone' && failure.reason === 'clean-exit') return undefined;
  const buttons: [string, string] = zh ? ['重新加载', '关闭窗口'] : ['Reload', 'Close window'];
  if (failure.kind === 'load') {
    return {
      title: 'wxtoken',
      message: zh ? 'wxtoken 的界面没有加载出来' : 'The wxtoken window could not load its page',
      detail: `${failure.errorDescription || 'error'} (${failure.errorCode})`,
      buttons,
    };
  }
  return {
    title: 'wxtoken',
    message: zh ? 'wxtoken 的界面进程意外退出' : 'The wxtoken window stopped unexpectedly',
    detail: zh ? `原因：${failure.reason}（退出码 ${failure.exitCode}）` : `Reason: ${failure.reason} (exit code ${failure.exitCode})`,
    buttons,
  };
}
