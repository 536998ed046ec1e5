import { App } from 'antd';
import { useState } from 'react';
import { errorMessage } from './errors';

type SuccessMessage<T> = string | ((result: T) => string);

/**
 * Runs an action (a mutation, a fetch) and reports its outcome: the success message, or the API's message when it
 * refuses. `run` resolves true only when the action (and `afterSuccess`, e.g. the page's refetch) worked, so a
 * dialog can close only then. `busy` is the key of the action running, for the button that started it.
 * `errorText` words a refusal when a page knows better than the API's message (default: errorMessage).
 */
export function useAction({ afterSuccess, errorText = errorMessage }: { afterSuccess?: () => Promise<unknown>; errorText?: (error: unknown) => string } = {}) {
  const { message } = App.useApp();
  const [busy, setBusy] = useState<string | null>(null);

  async function run<T>(action: () => Promise<T>, success?: SuccessMessage<T>, busyKey?: string): Promise<boolean> {
    if (busyKey !== undefined) setBusy(busyKey);
    try {
      const result = await action();
      if (success !== undefined) message.success(typeof success === 'function' ? success(result) : success);
      await afterSuccess?.();
      return true;
    } catch (failure) {
      message.error(errorText(failure));
      return false;
    } finally {
      if (busyKey !== undefined) setBusy(null);
    }
  }

  return { run, busy };
}
